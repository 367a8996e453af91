/**
 * Compaction against the real Pagefind, searched with Pagefind's own browser
 * script (pagefind.js, which runs in Node too) over HTTP. The reference is
 * the same bundle with its whole word index in one chunk: the browser then
 * sees every word, so nothing can be missed at a chunk boundary. Cut into
 * many small chunks, the bundle must answer every query exactly as that
 * reference does: same results, same order, same matched words. (Pagefind's
 * own cutting does not always: with its chunks "send" missed some "sender".)
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildBundles } from '../../src/lib/search/pagefind-bundle.ts';
import { compactBundle, CompactError, cutChunks, fragmentName, pageOrder, readPagefindFile } from '../../src/lib/search/compact-bundle.ts';
import type { SearchRecord } from '../../src/lib/search/records.ts';
import { startStaticServer, type StaticServer } from '../../src/lib/site/static-server.ts';

const scratch = mkdtempSync(join(tmpdir(), 'toolrisk-compact-test-'));
let server: StaticServer;

// Words that share starts, so chunk boundaries fall among extensions ("cancel", "cancelled").
const WORDS = ['cancel', 'cancelled', 'cancellation', 'cancels', 'canary', 'candle', 'order', 'orders', 'ordering', 'ordinal', 'all', 'allow', 'allows', 'always', 'alpha', 'also', 'delete', 'deleted', 'deletes', 'delta', 'file', 'files', 'filter', 'final', 'send', 'sender', 'sending', 'email', 'emails', 'transfer', 'transfers', 'funds', 'fund', 'query', 'queries', 'execute', 'executes', 'secret', 'secrets', 'wallet', 'wallets', 'zebra', 'über', 'naïve', '日本'];

function records(): SearchRecord[] {
  let seed = 7;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  return Array.from({ length: 400 }, (_, i) => {
    const n = 5 + Math.floor(next() * 40);
    const words = Array.from({ length: n }, () => WORDS[Math.floor(next() * WORDS.length)]!);
    return {
      url: `/tools/s${i % 7}/t${i}/`,
      content: words.join(' '),
      language: 'en',
      meta: { title: `tool_${WORDS[i % WORDS.length]}_${i}`, server: `Server ${i % 7}` },
      filters: { server: [`s${i % 7}`], severity: [['low', 'medium', 'high', 'critical'][i % 4]!] },
    };
  });
}

interface Hit { url: string; words: number[]; title: string; score: number }

/** Searches a bundle with Pagefind's own script, as the browser does. */
async function searcher(dir: string) {
  const pf = await import(`${pathToFileURL(join(dir, 'pagefind.js')).href}?bundle=${encodeURIComponent(dir)}`);
  const base = dir.slice(scratch.length).split('/').filter(Boolean).join('/');
  await pf.options({ basePath: `${server.url}/${base}/`, noWorker: true, excerptLength: 0 });
  await pf.init();
  return async (query: string, filters: Record<string, string> = {}): Promise<Hit[]> => {
    const response = await pf.search(query, { filters });
    const data = await Promise.all(response.results.map((r: { data(): Promise<{ url: string; meta: { title: string } }> }) => r.data()));
    return response.results.map((r: { words: number[]; score: number }, i: number) => ({ url: data[i]!.url, words: r.words, title: data[i]!.meta.title, score: r.score }));
  };
}

let original: string;
let reference: string;
/** The reference in Pagefind's page order. */
let unordered: string;
let compacted: string;
let stats: ReturnType<typeof compactBundle>;

beforeAll(async () => {
  original = join(scratch, 'original');
  compacted = join(scratch, 'compacted');
  const [built] = await buildBundles([{ name: 'compact-test', outputPath: original, records: records() }], { cache: false, compact: false });
  expect(built!.errors).toEqual([]);
  expect(built!.compacted).toBeUndefined();
  reference = join(scratch, 'reference');
  cpSync(original, reference, { recursive: true });
  expect(compactBundle(reference, { chunkPositions: Number.MAX_SAFE_INTEGER }).chunksAfter).toBe(1);
  unordered = join(scratch, 'unordered');
  cpSync(original, unordered, { recursive: true });
  compactBundle(unordered, { chunkPositions: Number.MAX_SAFE_INTEGER, reorder: false });
  cpSync(original, compacted, { recursive: true });
  // A small limit, so the few hundred records make many chunks.
  stats = compactBundle(compacted, { chunkPositions: 400 });
  server = await startStaticServer(scratch);
}, 120_000);

afterAll(async () => {
  await server?.close();
  rmSync(scratch, { recursive: true, force: true });
});

describe('compactBundle', () => {
  it('cuts more, smaller chunks and names fragments by page number', () => {
    expect(stats.pages).toBe(400);
    expect(stats.chunksAfter).toBeGreaterThan(stats.chunksBefore * 3);
    expect(stats.chunksBefore).toBeGreaterThan(0);
    expect(stats.metaBytesAfter).toBeLessThan(stats.metaBytesBefore);
    const fragments = readdirSync(join(compacted, 'fragment')).sort();
    expect(fragments).toHaveLength(400);
    expect(fragments).toContain('0.pf_fragment');
    expect(fragments).toContain(`${fragmentName(399)}.pf_fragment`);
    expect(fragmentName(399)).toBe('f81');
    // Nothing stale is left: every chunk file is listed in the metadata and the entry points at it.
    const entry = JSON.parse(readFileSync(join(compacted, 'pagefind-entry.json'), 'utf8'));
    const metaFiles = readdirSync(compacted).filter((f) => f.endsWith('.pf_meta'));
    expect(metaFiles).toEqual([`pagefind.${entry.languages.en.hash}.pf_meta`]);
    const meta = readPagefindFile(join(compacted, metaFiles[0]!)) as [string, unknown[], [string, string, string][]];
    expect(readdirSync(join(compacted, 'index')).sort()).toEqual(meta[2].map((c) => `${c[2]}.pf_index`).sort());
    const filters = (meta as unknown as [string, unknown, unknown, [string, string][]])[3];
    expect(readdirSync(join(compacted, 'filter')).sort()).toEqual(filters.map((f) => `${f[1]}.pf_filter`).sort());
    // Pages renumbered most words first.
    const counts = (meta[1] as [string, number, string][]).map((p) => p[1]);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
  });

  it('ranks as in Pagefind\'s page order, filters included', async () => {
    const before = await searcher(unordered);
    const after = await searcher(compacted);
    // Pagefind keeps page order among equal scores, so only those may change places
    // (pages matched by their title alone score the same whatever their length).
    const ranked = (hits: Hit[]) => [...hits].sort((a, b) => b.score - a.score || a.url.localeCompare(b.url));
    let ties = 0;
    for (const q of ['cancel', 'cancel all orders', 'send email', 'wallet', 'über', 'naive', 'delete file', 'tool_cancel']) {
      for (const filters of [{}, { severity: 'high' }, { server: 's3' }]) {
        const [a, b] = [await after(q, filters), await before(q, filters)];
        expect(a.map((h) => h.score), `${q} ${JSON.stringify(filters)}`).toEqual(b.map((h) => h.score));
        expect(ranked(a), `${q} ${JSON.stringify(filters)}`).toEqual(ranked(b));
        ties += a.filter((h, i) => h.url !== b[i]!.url).length;
      }
    }
    expect(ties).toBeGreaterThan(0);
    // A filter alone lists the same pages (in the new page order).
    const byUrl = (hits: Hit[]) => hits.map((h) => h.url).sort();
    const all = await after(null as unknown as string, { severity: 'critical' });
    expect(all).toHaveLength(100);
    expect(byUrl(all)).toEqual(byUrl(await before(null as unknown as string, { severity: 'critical' })));
    expect(byUrl(await searcher(original).then((s) => s(null as unknown as string, { severity: 'critical' })))).toEqual(byUrl(all));
  }, 60_000);

  it('answers every query exactly as one chunk holding every word does', async () => {
    const before = await searcher(reference);
    const after = await searcher(compacted);
    const queries = [...WORDS, 'cancel all orders', 'send email', 'canc', 'ord', 'al', 'de', 'fi', 'delete file', 'nothingmatches', 'tool', 'tool_cancel'];
    let hits = 0;
    for (const q of queries) {
      const expected = await before(q);
      expect(await after(q), q).toEqual(expected);
      hits += expected.length;
    }
    expect(hits).toBeGreaterThan(1000);
    expect(await after('cancel', { severity: 'critical' })).toEqual(await before('cancel', { severity: 'critical' }));
  }, 60_000);

  it('refuses a bundle it does not understand and changes nothing', () => {
    const odd = join(scratch, 'odd');
    cpSync(original, odd, { recursive: true });
    const entry = JSON.parse(readFileSync(join(odd, 'pagefind-entry.json'), 'utf8'));
    entry.version = '9.9.9';
    writeFileSync(join(odd, 'pagefind-entry.json'), JSON.stringify(entry));
    const listing = () => readdirSync(odd, { recursive: true }).map(String).sort();
    const files = listing();
    expect(() => compactBundle(odd)).toThrow(CompactError);
    expect(() => compactBundle(odd)).toThrow(/metadata version "1\.\d+\.\d+", entry says "9\.9\.9"/);
    expect(listing()).toEqual(files);
  });
});

describe('page order', () => {
  it('puts pages with more words first and keeps the order of equal ones', () => {
    expect(pageOrder([3, 9, 3, 1, 9])).toEqual([2, 0, 3, 4, 1]);
  });
});

describe('chunk cutting', () => {
  const words = ['a', 'ab', 'abc', 'abd', 'b', 'ba', 'bab', 'babe', 'c', 'ca', 'cab'];
  it('only cuts where neighbours share at most one leading character', () => {
    const chunks = cutChunks(words, (w) => w, () => 1, 1);
    for (let i = 0; i + 1 < chunks.length; i++) {
      const last = chunks[i]!.at(-1)!, next = chunks[i + 1]![0]!;
      let shared = 0;
      while (last[shared] !== undefined && last[shared] === next[shared]) shared++;
      expect(shared, `${last} | ${next}`).toBeLessThanOrEqual(1);
    }
    expect(chunks.flat()).toEqual(words);
  });

  it('cuts a run of words with one common start once it grows past four times the limit', () => {
    const run = Array.from({ length: 100 }, (_, i) => `zz${String(i).padStart(3, '0')}`);
    const chunks = cutChunks(run, (w) => w, () => 1, 5);
    expect(chunks.length).toBeGreaterThan(1);
    // Past 4x the limit one more shared character is allowed per limit: "zz029 | zz030" (three) at 6x.
    expect(Math.max(...chunks.map((c) => c.length))).toBeLessThanOrEqual(30);
  });
});
