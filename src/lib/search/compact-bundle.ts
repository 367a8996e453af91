/**
 * Shrinks what a first query downloads from a Pagefind bundle, after
 * Pagefind has written it. Measured on the shared data (gzipped sizes):
 * Pagefind's metadata file, which every first query loads whole, was 71 KB
 * for the 8,659 tools and 216 KB for the 37,173 index servers, and a
 * three-word tool query pulled three word chunks of about 20 KB each.
 *
 * - Every page's fragment is named by a 7-hex-digit content hash and the
 *   metadata lists them all: 3.5 bytes per page that compression cannot
 *   remove. Renamed by their number they cost about 2.2 (index metadata
 *   216 -> 113 KB).
 * - The metadata lists each page as [fragment, word count, ""] in page
 *   order, and word counts in no order cost gzip about a byte a page. The
 *   pages are renumbered longest first (pageOrder), so equal counts sit
 *   together, and fragments are named by their new number in hex, lowest
 *   digit first ("0", "1", ... "f", "01", "11", ...), which repeats in
 *   runs gzip finds. Tools' metadata 67.9 -> 26.6 KB; the word chunks,
 *   whose page numbers are then less local, grow 7% in all (median chunk
 *   7.3 -> 7.5 KB).
 * - Pagefind cuts the word index into chunks of about 20,000 word positions
 *   (a constant in its source). A query loads one chunk per word, so most
 *   of each chunk is words nobody asked for. Cutting at CHUNK_POSITIONS
 *   makes each load a fraction of that, for a few more chunk entries in
 *   the metadata; where to cut is chosen so no match is lost (cutChunks).
 *
 * Word positions, filter values and fragment contents are copied as they
 * are; only names, page numbers, chunk boundaries and the metadata listing
 * them change. search-compact-bundle.test.ts searches a bundle before and
 * after with Pagefind's own script and gets the same answers. The files are
 * Pagefind's format (gzip of "pagefind_dcd" + CBOR, see cbor.ts); anything
 * not in the shape Pagefind 1.6 writes is refused before a byte is
 * written, and the bundle stays as Pagefind made it.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { cborArrayHead, cborHead, CborError, CborReader, decodeCbor, encodeCbor, type CborValue } from './cbor.ts';

export class CompactError extends Error {}

const SIGNATURE = 'pagefind_dcd';
/** Pagefind's own level; 9 made files 1% smaller and compaction a second slower. */
const GZIP_LEVEL = 6;
/**
 * Word positions per index chunk; Pagefind's own is 20,000. Measured on the
 * tools: at 4,000 the median chunk is 8.4 KB, at 2,000 4.9 KB, for 0.5 KB
 * more metadata. Queries have one to three words, so the smaller chunk wins.
 */
export const CHUNK_POSITIONS = 2000;

export interface CompactOptions {
  chunkPositions?: number;
  /** Renumber the pages most words first (pageOrder); default true. */
  reorder?: boolean;
}

export interface CompactStats {
  pages: number;
  chunksBefore: number;
  chunksAfter: number;
  metaBytesBefore: number;
  metaBytesAfter: number;
}

/** A Pagefind file's CBOR bytes (after the gzip and the signature). */
function readPagefindBytes(file: string): Uint8Array {
  let raw: Buffer;
  try {
    raw = gunzipSync(readFileSync(file));
  } catch (error) {
    throw new CompactError(`${file}: not gzip (${(error as Error).message})`);
  }
  if (raw.subarray(0, SIGNATURE.length).toString('latin1') !== SIGNATURE) throw new CompactError(`${file}: no ${SIGNATURE} signature`);
  return raw.subarray(SIGNATURE.length);
}

/** A Pagefind file's decoded CBOR. */
export function readPagefindFile(file: string): CborValue {
  const bytes = readPagefindBytes(file);
  try {
    return decodeCbor(bytes);
  } catch (error) {
    throw new CompactError(`${file}: ${(error as Error).message}`);
  }
}

/** A Pagefind file: gzip of the signature and CBOR bytes. */
function pagefindFile(cbor: readonly Uint8Array[]): Buffer {
  return gzipSync(Buffer.concat([Buffer.from(SIGNATURE, 'latin1'), ...cbor]), { level: GZIP_LEVEL });
}

export function pagefindFileBytes(value: CborValue): Buffer {
  return pagefindFile([encodeCbor(value)]);
}

const isStr = (v: unknown): v is string => typeof v === 'string';
const isUint = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0;

function expectShape(ok: boolean, what: string): asserts ok {
  if (!ok) throw new CompactError(`unexpected Pagefind format: ${what}`);
}

interface Meta {
  raw: CborValue[];
  pages: [string, number, string][];
  chunks: [string, string, string][];
}

function readMeta(file: string, version: string): Meta {
  const raw = readPagefindFile(file);
  expectShape(Array.isArray(raw) && raw.length >= 3, 'metadata is not [version, pages, chunks, ...]');
  expectShape(raw[0] === version, `metadata version ${JSON.stringify(raw[0])}, entry says ${JSON.stringify(version)}`);
  const pages = raw[1];
  const chunks = raw[2];
  expectShape(Array.isArray(pages) && pages.every((p) => Array.isArray(p) && p.length === 3 && isStr(p[0]) && isUint(p[1]) && isStr(p[2])), 'pages are not [hash, word count, group]');
  expectShape(Array.isArray(chunks) && chunks.every((c) => Array.isArray(c) && c.length === 3 && c.every(isStr)), 'index chunks are not [from, to, hash]');
  expectShape((pages as [string, number, string][]).every((p) => p[2] === ''), 'grouped fragments');
  return { raw, pages: pages as Meta['pages'], chunks: chunks as Meta['chunks'] };
}

/** One page of a word: its number, its field count, and the bytes of its other fields (positions, meta positions), copied as they are. */
interface WordPage {
  page: number;
  fields: number;
  rest: Uint8Array;
}

/** A spelling of the word with diacritics ("über" under "uber"), with its own pages. */
interface Variant {
  /** Its array head and text. */
  head: Uint8Array;
  pages: WordPage[];
}

/**
 * One word of the index: its text, its size as Pagefind counts it, and its
 * CBOR in parts, so it can be written again with its pages renumbered.
 */
interface Word {
  word: string;
  size: number;
  /** The word's array head and text. */
  head: Uint8Array;
  pages: WordPage[];
  /** Undefined when the word has no third field. */
  variants?: Variant[];
}

/**
 * Reads a list of pages ([[page, [positions...], [meta positions...]], ...]):
 * ascending, the first by its number and each later one by its distance
 * from the one before. Returns Pagefind's measure of it: each page's
 * positions plus one.
 */
function readPages(r: CborReader, body: Uint8Array, word: string, pageCount: number, into: WordPage[]): number {
  let size = 0;
  let page = 0;
  const count = r.arrayLength();
  for (let p = 0; p < count; p++) {
    const fields = r.arrayLength();
    expectShape(fields >= 2, `word ${JSON.stringify(word)} has a page that is not [page, positions, ...]`);
    const step = r.uint();
    expectShape(p === 0 || step > 0, `word ${JSON.stringify(word)} lists its pages out of order`);
    page += step;
    expectShape(page < pageCount, `word ${JSON.stringify(word)} points past the last page`);
    const restStart = r.at;
    const positions = r.arrayLength();
    for (let k = 0; k < positions; k++) r.skip();
    for (let k = 2; k < fields; k++) r.skip();
    into.push({ page, fields, rest: body.subarray(restStart, r.at) });
    size += positions + 1;
  }
  return size;
}

/**
 * Walks a chunk file ([[word, pages, [[variant, pages], ...]], ...]]) without
 * building it: positions are counted and skipped and kept as slices, only
 * page numbers are read. Decoding the 37k-server index into arrays and
 * encoding it again took twice as long, most of it in the garbage collector.
 */
function readChunkWords(file: string, hash: string, pageCount: number, into: Word[]): void {
  const body = readPagefindBytes(file);
  const r = new CborReader(body);
  try {
    expectShape(r.arrayLength() === 1, `index chunk ${hash} is not [words]`);
    const count = r.arrayLength();
    for (let i = 0; i < count; i++) {
      const start = r.at;
      const fields = r.arrayLength();
      expectShape(fields === 2 || fields === 3, `index chunk ${hash} has a word that is not [word, pages, variants]`);
      const word = r.text();
      const head = body.subarray(start, r.at);
      const pages: WordPage[] = [];
      const size = readPages(r, body, word, pageCount, pages);
      let variants: Variant[] | undefined;
      if (fields === 3) {
        variants = [];
        const n = r.arrayLength();
        for (let v = 0; v < n; v++) {
          const vStart = r.at;
          expectShape(r.arrayLength() === 2, `word ${JSON.stringify(word)} has a variant that is not [word, pages]`);
          r.text();
          const variant: Variant = { head: body.subarray(vStart, r.at), pages: [] };
          readPages(r, body, word, pageCount, variant.pages);
          variants.push(variant);
        }
      }
      into.push({ word, size, head, pages, variants });
    }
    expectShape(r.done, `index chunk ${hash} has bytes after its words`);
  } catch (error) {
    if (error instanceof CborError) throw new CompactError(`${file}: ${error.message}`);
    throw error;
  }
}

function readWords(dir: string, chunks: Meta['chunks'], pageCount: number): Word[] {
  const words: Word[] = [];
  for (const [, , hash] of chunks) readChunkWords(join(dir, 'index', `${hash}.pf_index`), hash, pageCount, words);
  // Byte order, as Pagefind sorts; each word encoded once.
  let previous = Buffer.alloc(0);
  for (const [i, w] of words.entries()) {
    const current = Buffer.from(w.word);
    expectShape(i === 0 || Buffer.compare(previous, current) < 0, `words out of order at ${JSON.stringify(w.word)}`);
    previous = current;
  }
  return words;
}

/** A page list's CBOR with its pages renumbered (`newPage[old]`), in ascending order again. */
function pagesBytes(list: readonly WordPage[], newPage: readonly number[], out: Uint8Array[]): void {
  const pages = list.map((p) => ({ ...p, page: newPage[p.page]! })).sort((a, b) => a.page - b.page);
  out.push(cborArrayHead(pages.length));
  let previous = 0;
  for (const p of pages) {
    out.push(cborArrayHead(p.fields), cborHead(0, p.page - previous), p.rest);
    previous = p.page;
  }
}

/** A word's CBOR with its pages renumbered; byte for byte as read when nothing moved. */
function wordBytes(w: Word, newPage: readonly number[]): Uint8Array[] {
  const out: Uint8Array[] = [w.head];
  pagesBytes(w.pages, newPage, out);
  if (w.variants) {
    out.push(cborArrayHead(w.variants.length));
    for (const v of w.variants) {
      out.push(v.head);
      pagesBytes(v.pages, newPage, out);
    }
  }
  return out;
}

/**
 * The new page order, as newPage[old page] = new page: most words first,
 * pages with as many words in their old order. Pagefind ranks by score
 * and keeps page order among equal scores, and pages that score the same
 * for a query have the same word count all but always, so results come in
 * the order they did; a search with no words (a filter alone) lists its
 * pages in page order, which becomes longest description first.
 */
export function pageOrder(wordCounts: readonly number[]): number[] {
  const order = wordCounts.map((_, i) => i).sort((a, b) => wordCounts[b]! - wordCounts[a]! || a - b);
  const newPage = new Array<number>(wordCounts.length);
  for (const [i, old] of order.entries()) newPage[old] = i;
  return newPage;
}

/** A fragment's name from its number: hex, lowest digit first ("0" ... "f", "01", "11" ...); in page order gzip finds the repeats. */
export function fragmentName(n: number): string {
  return [...n.toString(16)].reverse().join('');
}

type Filter = [name: string, values: [value: string, pages: number[]][]];

function readFilter(file: string, pageCount: number): Filter {
  const raw = readPagefindFile(file);
  expectShape(Array.isArray(raw) && raw.length === 2 && isStr(raw[0]) && Array.isArray(raw[1]), `${file} is not [name, values]`);
  for (const v of raw[1] as CborValue[]) {
    expectShape(Array.isArray(v) && v.length === 2 && isStr(v[0]) && Array.isArray(v[1]), `${file} has a value that is not [value, pages]`);
    const pages = v[1] as CborValue[];
    expectShape(pages.every((p, i) => isUint(p) && p < pageCount && (i === 0 || p > (pages[i - 1] as number))), `${file} has pages that are not ascending page numbers`);
  }
  return raw as Filter;
}

/** Length of the common prefix of two words, in characters. */
function commonPrefix(a: string, b: string): number {
  const x = Array.from(a), y = Array.from(b);
  let n = 0;
  while (n < x.length && n < y.length && x[n] === y[n]) n++;
  return n;
}

/** A chunk may end between two words that share at most this many leading characters... */
const CUT_PREFIX = 1;
/** ...until it holds this many times the limit, when the rule relaxes a character per limit. */
const RELAX_AFTER = 4;

/**
 * Cuts the sorted words into chunks of about `limit` positions. The browser
 * loads one chunk per query word and also matches the words in it that
 * extend the query word ("cancel" finds "cancelled"), so a cut between
 * "cancel" and "cancelled" would lose a match. A chunk therefore only ends
 * where the next word shares at most one leading character with the last
 * one, so a query word of two or more characters finds every extension in
 * the chunk it loads; only a chunk that has grown past four times the limit
 * (a run of words with one common start, or one very common word) is cut
 * closer. Pagefind cuts anywhere; we cut more often, so the rule matters
 * more. Measured on the tools: 620 queries (single words, word pairs, two-
 * and three-letter starts) against the same bundle in a single chunk gave
 * the same results for all but "the", "to", "in" and "and", whose rarer
 * extensions ("then", "into") sit past a cut; cutting after two shared
 * characters instead already lost "always" for "al".
 */
export function cutChunks<T>(items: readonly T[], word: (item: T) => string, size: (item: T) => number, limit: number): T[][] {
  const out: T[][] = [];
  let current: T[] = [];
  let total = 0;
  for (const [i, item] of items.entries()) {
    current.push(item);
    total += size(item);
    const next = items[i + 1];
    if (total < limit || next === undefined) continue;
    const allowed = total < RELAX_AFTER * limit ? CUT_PREFIX : CUT_PREFIX + Math.floor(total / limit) - RELAX_AFTER + 1;
    if (commonPrefix(word(item), word(next)) <= allowed) {
      out.push(current);
      current = [];
      total = 0;
    }
  }
  if (current.length) out.push(current);
  return out;
}

/**
 * The shortest boundaries that still tell two neighbouring chunks apart,
 * as Pagefind computes them: the last word of one and the first of the
 * next, each cut one character past their common prefix. The browser
 * picks, for each query word, the first chunk with from <= word <= to.
 */
export function chunkBounds(chunks: readonly (readonly string[])[]): [string, string][] {
  const bounds: [string, string][] = chunks.map((c) => [c[0] ?? '', c[c.length - 1] ?? '']);
  for (let i = 0; i + 1 < bounds.length; i++) {
    const common = commonPrefix(bounds[i]![1], bounds[i + 1]![0]);
    bounds[i]![1] = Array.from(bounds[i]![1]).slice(0, common + 1).join('');
    bounds[i + 1]![0] = Array.from(bounds[i + 1]![0]).slice(0, common + 1).join('');
  }
  return bounds;
}

function shortHash(bytes: Uint8Array, taken: Set<string>, prefix: string, length: number): string {
  const full = createHash('sha256').update(bytes).digest('hex');
  let n = length;
  while (taken.has(prefix + full.slice(0, n))) n++;
  const name = prefix + full.slice(0, n);
  taken.add(name);
  return name;
}

/**
 * Compacts every language of the bundle in `dir` in place. Throws
 * CompactError, having changed nothing, when the bundle is not in a shape
 * it knows.
 */
export function compactBundle(dir: string, options: CompactOptions = {}): CompactStats {
  const limit = options.chunkPositions ?? CHUNK_POSITIONS;
  const entryFile = join(dir, 'pagefind-entry.json');
  const entry = JSON.parse(readFileSync(entryFile, 'utf8')) as { version?: unknown; languages?: Record<string, { hash?: unknown; page_count?: unknown }> };
  expectShape(isStr(entry.version) && typeof entry.languages === 'object' && entry.languages !== null, 'pagefind-entry.json has no version or languages');
  const languages = Object.entries(entry.languages!);
  expectShape(languages.length === 1, `${languages.length} languages (only single-language bundles are compacted)`);
  const [language, info] = languages[0]!;
  expectShape(isStr(info.hash) && /^[a-z0-9_-]+$/i.test(info.hash), 'language without a metadata hash');
  const lang = language.replace(/[^a-z0-9-]/gi, '');
  const metaFile = join(dir, `pagefind.${info.hash}.pf_meta`);
  const metaBytesBefore = readFileSync(metaFile).length;

  // 1. Read and check everything before writing anything.
  const meta = readMeta(metaFile, entry.version as string);
  const pageCount = meta.pages.length;
  expectShape(info.page_count === undefined || info.page_count === pageCount, 'page count differs from the entry file');
  const words = readWords(dir, meta.chunks, pageCount);
  const filterList = meta.raw[3] ?? [];
  expectShape(Array.isArray(filterList) && filterList.every((f) => Array.isArray(f) && f.length === 2 && isStr(f[0]) && isStr(f[1])), 'filters are not [name, hash]');
  const filters = (filterList as [string, string][]).map(([name, hash]) => ({ name, hash, filter: readFilter(join(dir, 'filter', `${hash}.pf_filter`), pageCount) }));
  // A sort lists pages too; bundles with one keep their page order.
  const sorts = meta.raw[4] ?? [];
  const newPage = options.reorder !== false && Array.isArray(sorts) && sorts.length === 0 ? pageOrder(meta.pages.map((p) => p[1])) : meta.pages.map((_, i) => i);
  const pages: Meta['pages'] = new Array(pageCount);
  for (const [old, page] of meta.pages.entries()) pages[newPage[old]!] = page;
  const present = new Set(readdirSync(join(dir, 'fragment')));
  const fragments = new Map<string, string>();
  for (const [hash] of pages) {
    if (fragments.has(hash)) continue;
    expectShape(present.has(`${hash}.pf_fragment`), `fragment ${hash} is missing`);
    fragments.set(hash, fragmentName(fragments.size));
  }
  const oldChunks = new Set(meta.chunks.map((c) => c[2]));
  for (const name of fragments.values()) expectShape(!present.has(`${name}.pf_fragment`), `fragment name ${name} already taken`);

  // 2. New word chunks, named by content like Pagefind's.
  const cut = cutChunks(words, (w) => w.word, (w) => w.size, limit);
  const bounds = chunkBounds(cut.map((c) => c.map((w) => w.word)));
  const taken = new Set<string>();
  const newChunks: [string, string, string][] = [];
  const chunkFiles: [string, Buffer][] = [];
  for (const [i, chunk] of cut.entries()) {
    // [[word, ...]]: the words as Pagefind wrote them but for their page numbers, under new array heads.
    const bytes = pagefindFile([cborArrayHead(1), cborArrayHead(chunk.length), ...chunk.flatMap((w) => wordBytes(w, newPage))]);
    const hash = shortHash(bytes, taken, `${lang}_`, 7);
    chunkFiles.push([hash, bytes]);
    newChunks.push([bounds[i]![0], bounds[i]![1], hash]);
  }

  // 3. Filters with their pages renumbered, named by content like Pagefind's.
  const filterFiles: [string, Buffer][] = [];
  const newFilters: [string, string][] = [];
  for (const { name, filter } of filters) {
    const renumbered: Filter = [filter[0], filter[1].map(([value, ps]) => [value, ps.map((p) => newPage[p]!).sort((a, b) => a - b)])];
    const bytes = pagefindFileBytes(renumbered);
    const hash = shortHash(bytes, taken, `${lang}_`, 7);
    filterFiles.push([hash, bytes]);
    newFilters.push([name, hash]);
  }

  // 4. Write: chunks, filters, fragments under their new names, metadata, entry; then drop what is stale.
  for (const [hash, bytes] of chunkFiles) writeFileSync(join(dir, 'index', `${hash}.pf_index`), bytes);
  for (const [hash, bytes] of filterFiles) writeFileSync(join(dir, 'filter', `${hash}.pf_filter`), bytes);
  const fragmentDir = join(dir, 'fragment');
  const staging = join(dir, 'fragment.compact');
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(staging);
  for (const [from, to] of fragments) renameSync(join(fragmentDir, `${from}.pf_fragment`), join(staging, `${to}.pf_fragment`));
  rmSync(fragmentDir, { recursive: true, force: true });
  renameSync(staging, fragmentDir);

  const raw = [...meta.raw];
  raw[1] = pages.map(([hash, count, group]) => [fragments.get(hash)!, count, group]);
  raw[2] = newChunks;
  if (filters.length) raw[3] = newFilters;
  const metaBytes = pagefindFileBytes(raw);
  const metaHash = `${lang}_${createHash('sha256').update(metaBytes).digest('hex').slice(0, 10)}`;
  writeFileSync(join(dir, `pagefind.${metaHash}.pf_meta`), metaBytes);
  if (metaHash !== info.hash) rmSync(metaFile, { force: true });
  info.hash = metaHash;
  writeFileSync(entryFile, JSON.stringify(entry));
  for (const hash of oldChunks) if (!taken.has(hash)) rmSync(join(dir, 'index', `${hash}.pf_index`), { force: true });
  for (const { hash } of filters) if (!taken.has(hash)) rmSync(join(dir, 'filter', `${hash}.pf_filter`), { force: true });

  return { pages: meta.pages.length, chunksBefore: meta.chunks.length, chunksAfter: newChunks.length, metaBytesBefore, metaBytesAfter: metaBytes.length };
}
