/**
 * Writes Pagefind bundles from search records through Pagefind's Node API.
 *
 * Two ways to hand records to Pagefind, chosen by measurement:
 * - "html" (the default): each record becomes a tiny HTML document (its
 *   content in the body, meta and filters as <meta data-pagefind-*>
 *   tags) in a scratch folder (tmpfs when there is one), indexed with one
 *   addDirectory call. 37k index records: about 1 s to write, 2-3 s to add.
 * - "records": one addCustomRecord call per record. Same bundle, but
 *   Pagefind 1.6's service looks for an existing page with the same key by
 *   scanning every page added so far, so adding n records costs O(n²): 13-15 s
 *   for the 37k index records on this machine (addHTMLFile is the same).
 * `npx node scripts/bench-search.ts --transports` measures both.
 *
 * Several bundles are built side by side in one Pagefind service, then the
 * files no page loads are removed and the rest compacted (compact-bundle.ts:
 * smaller metadata and word chunks, the same results). Finished bundles are
 * cached by content (bundle-cache.ts).
 */
import * as pagefind from 'pagefind';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { transformSync } from 'esbuild';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { SearchRecord } from './records.ts';
import { bundleKey, cacheRoot, restoreBundle, storeBundle } from './bundle-cache.ts';
import { compactBundle, CompactError, type CompactStats } from './compact-bundle.ts';

export type Transport = 'html' | 'records';

export interface BundleSpec {
  name: string;
  outputPath: string;
  records: readonly SearchRecord[];
}

export interface BundleStats {
  name: string;
  outputPath: string;
  records: number;
  errors: string[];
  /** Size of the search metadata every first query downloads. */
  metaBytes: number;
  bytes: number;
  files: number;
  /** Handing the records to Pagefind (including writing the scratch HTML). */
  addMs: number;
  /** Pagefind building and writing the bundle. */
  writeMs: number;
  ms: number;
  /** Copied from the bundle cache instead of built. */
  cached: boolean;
  /** What compact-bundle.ts changed; undefined when it left the bundle as Pagefind wrote it. */
  compacted?: CompactStats;
}

/**
 * Files no page loads: Pagefind's stock UIs (the pages use its JS API) and
 * its web worker (the pages run it on the main thread; see search-core.js).
 */
const UNUSED = /^pagefind-(ui|modular-ui|component-ui|highlight|worker)\.(js|css)$/;
const BATCH = 2000;

const escText = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const escAttr = (s: string) => escText(s).replace(/"/g, '&quot;');

/**
 * The scratch document for one record. Values go in attributes
 * (`name[content]` syntax), so commas or colons in a value never split it.
 */
export function recordHtml(r: SearchRecord): string {
  const tags: string[] = [];
  for (const [k, v] of Object.entries(r.meta)) tags.push(`<meta data-pagefind-meta="${escAttr(k)}[content]" content="${escAttr(v)}">`);
  for (const [k, values] of Object.entries(r.filters)) {
    for (const v of values) tags.push(`<meta data-pagefind-filter="${escAttr(k)}[content]" content="${escAttr(v)}">`);
  }
  return `<!doctype html><html lang="${escAttr(r.language)}"><head><meta charset="utf-8">${tags.join('')}</head><body data-pagefind-body>${escText(r.content)}</body></html>`;
}

/** Where a record's document goes so that Pagefind gives it the record's URL. */
export function recordPath(url: string): string {
  if (!/^\/[A-Za-z0-9._~%/-]*$/.test(url) || url.includes('..') || url.includes('//')) throw new Error(`search record URL ${JSON.stringify(url)} is not a plain site path`);
  return url.endsWith('/') ? `${url.slice(1)}index.html` : url.slice(1);
}

/**
 * Pagefind ships pagefind.js whitespace-stripped but with its names whole:
 * minified it goes from 47.2 to 32.3 KB, 13.2 to 11.4 KB gzipped, on
 * every search page's first query. esbuild, as for the site's own scripts
 * (minify-scripts.ts).
 */
export function minifyPagefindScript(file: string): void {
  if (!existsSync(file)) return;
  writeFileSync(file, transformSync(readFileSync(file, 'utf8'), { minify: true, format: 'esm', target: 'es2022', legalComments: 'none' }).code);
}

function dirStats(dir: string): { bytes: number; files: number; metaBytes: number } {
  let bytes = 0, files = 0, metaBytes = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    const size = statSync(join(entry.parentPath, entry.name)).size;
    bytes += size;
    files++;
    if (entry.name.endsWith('.pf_meta')) metaBytes += size;
  }
  return { bytes, files, metaBytes };
}

function scratchRoot(): string {
  // Many small files: a RAM-backed folder is three times faster where there is one.
  return existsSync('/dev/shm') && statSync('/dev/shm').isDirectory() ? '/dev/shm' : tmpdir();
}

async function buildOne(spec: BundleSpec, transport: Transport, compact: boolean): Promise<BundleStats> {
  const started = performance.now();
  const errors: string[] = [];
  const created = await pagefind.createIndex({ forceLanguage: 'en' });
  if (!created.index) throw new Error(`pagefind: could not create the ${spec.name} index: ${created.errors.join('; ')}`);
  const index = created.index;
  if (transport === 'html') {
    const scratch = mkdtempSync(join(scratchRoot(), `toolrisk-${spec.name}-`));
    try {
      const made = new Set<string>();
      for (const r of spec.records) {
        const file = join(scratch, recordPath(r.url));
        const dir = dirname(file);
        if (!made.has(dir)) {
          mkdirSync(dir, { recursive: true });
          made.add(dir);
        }
        writeFileSync(file, recordHtml(r));
      }
      const added = await index.addDirectory({ path: scratch });
      errors.push(...added.errors);
      if (added.page_count !== spec.records.length) errors.push(`${spec.name}: ${spec.records.length} records but Pagefind indexed ${added.page_count} pages`);
    } finally {
      rmSync(scratch, { recursive: true, force: true });
    }
  } else {
    for (let i = 0; i < spec.records.length; i += BATCH) {
      const responses = await Promise.all(spec.records.slice(i, i + BATCH).map((r) => index.addCustomRecord(r)));
      for (const [j, res] of responses.entries()) {
        if (res.errors.length) errors.push(`${spec.records[i + j]!.url}: ${res.errors.join('; ')}`);
      }
    }
  }
  const addMs = Math.round(performance.now() - started);
  rmSync(spec.outputPath, { recursive: true, force: true });
  const written = await index.writeFiles({ outputPath: spec.outputPath });
  errors.push(...written.errors);
  await index.deleteIndex();
  for (const f of readdirSync(spec.outputPath)) if (UNUSED.test(f)) rmSync(join(spec.outputPath, f));
  minifyPagefindScript(join(spec.outputPath, 'pagefind.js'));
  let compacted: CompactStats | undefined;
  if (compact && !errors.length) {
    try {
      compacted = compactBundle(spec.outputPath);
    } catch (error) {
      if (!(error instanceof CompactError)) throw error;
      // A Pagefind release with another file format: its own bundle still works, only larger.
      console.warn(`search: the ${spec.name} bundle is left as Pagefind wrote it (${error.message})`);
    }
  }
  const ms = Math.round(performance.now() - started);
  return { name: spec.name, outputPath: spec.outputPath, records: spec.records.length, errors, ...dirStats(spec.outputPath), addMs, writeMs: ms - addMs, ms, cached: false, compacted };
}

export interface BuildOptions {
  transport?: Transport;
  /** Compact the bundles (compact-bundle.ts); default true. */
  compact?: boolean;
  /** Reuse and store finished bundles (bundle-cache.ts); default true. */
  cache?: boolean;
}

export async function buildBundles(specs: readonly BundleSpec[], options: BuildOptions = {}): Promise<BundleStats[]> {
  // Only default-shaped bundles are cached: the key does not hold the options.
  const root = options.cache === false || options.compact === false ? undefined : cacheRoot();
  try {
    return await Promise.all(specs.map(async (spec) => {
      const started = performance.now();
      const key = bundleKey(spec.records);
      if (restoreBundle(root, spec.name, key, spec.outputPath)) {
        const ms = Math.round(performance.now() - started);
        return { name: spec.name, outputPath: spec.outputPath, records: spec.records.length, errors: [], ...dirStats(spec.outputPath), addMs: 0, writeMs: ms, ms, cached: true };
      }
      const stats = await buildOne(spec, options.transport ?? 'html', options.compact !== false);
      if (!stats.errors.length) storeBundle(root, spec.name, key, spec.outputPath);
      return stats;
    }));
  } finally {
    await pagefind.close();
  }
}
