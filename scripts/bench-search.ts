/**
 * npx node scripts/bench-search.ts [--dist DIR] [--catalogue DIR] [--data DIR]
 *                                  [--skip-build] [--skip-synthetic] [--synthetic N] [--transports] [--breakdown]
 *
 * Search figures, one per line as `name value unit`. Builds no site: it
 * serves an existing one (dist/, or --dist; `npm run build` first) and runs
 * queries in headless Chromium, each in a fresh browser context (a first
 * query, nothing cached):
 *
 *   tools_q_<query>_ms / _kb      typing the query on /search/ until the first result is shown
 *                                 (_ten_ms: until ten are, or all when fewer match),
 *                                 and every byte the server sent for page + search: bodies (text
 *                                 gzipped, as npm run serve and static hosts do; Pagefind's files
 *                                 are gzipped already) plus HTTP/1.1 response headers
 *   tools_q_<query>_search_kb     of which search scripts, facets and Pagefind files
 *   tools_q_<query>_gzip_*kb      response bodies only, as sent, without headers (over HTTP/2 a
 *                                 host's repeated headers cost a few bytes each)
 *   tools_q_<query>_file_<kind>_x<n>  with --breakdown: those bodies by file (pf_meta, wasm,
 *                                 pagefind.js, n index chunks, n fragments, each page file)
 *   tools_q_<query>_from_url_ms   opening /search/?q=… (the header form) until the first result
 *   index_q_*                     the same on /index-search/
 *   *_median_*                    medians over the queries
 *
 * Then it times the search-index build step (buildSearchIndexes on the
 * catalogue and the index, into a scratch folder; cold, without the bundle
 * cache, then warm) and a generated 50,000-entry index (--synthetic N to
 * change), whose bundle it also serves and queries. --transports also times
 * the addCustomRecord transport.
 * Not a test: nothing here asserts a speed.
 */
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { CHROMIUM, launchChromium } from '../tests/e2e/browser.ts';
import { DEFAULT_DIST_DIR, loadConfig, parseArgsOrExit } from '../src/lib/config.ts';
import { catalogueDir, readCatalogueServers, readCatalogueTools } from '../src/lib/site/read-catalogue.ts';
import { buildSearchIndexes, INDEX_BUNDLE, type SearchBuildResult } from '../src/lib/search/build-indexes.ts';
import { indexFile } from '../src/lib/registry/read-index.ts';
import { writeSyntheticIndex } from '../src/lib/bench/synthetic-index.ts';
import { measureQuery, median, startCountingServer, type QueryFigure } from '../src/lib/bench/measure-search.ts';
import type { Transport } from '../src/lib/search/pagefind-bundle.ts';
import type { Browser } from 'playwright-core';

const { values } = parseArgsOrExit({
  name: 'bench-search',
  usage: `Usage: npx node scripts/bench-search.ts [--dist DIR] [--catalogue DIR] [--data DIR]
                                  [--skip-build] [--skip-synthetic] [--synthetic N] [--transports] [--breakdown]`,
  options: {
    dist: { type: 'string' },
    catalogue: { type: 'string' },
    data: { type: 'string' },
    'skip-build': { type: 'boolean' },
    'skip-synthetic': { type: 'boolean' },
    synthetic: { type: 'string' },
    transports: { type: 'boolean' },
    breakdown: { type: 'boolean' },
  },
});
// Not DIST_DIR: this measures the site npm run build left in dist/ unless told otherwise.
const dist = resolve(values.dist ?? DEFAULT_DIST_DIR);
const dataDir = loadConfig({ data: values.data }).dataDir;
// A site built by tests/site/build-site.ts keeps its catalogue beside dist/.
const catalogue = resolve(values.catalogue ?? (existsSync(join(dirname(dist), 'catalogue', 'servers.json')) ? join(dirname(dist), 'catalogue') : catalogueDir()));
const syntheticSize = Number(values.synthetic ?? 50_000);

const TOOL_QUERIES = ['cancel all orders', 'delete file', 'send email', 'execute sql', 'transfer funds', 'create issue', 'screenshot'];
const INDEX_QUERIES = ['postgres', 'slack', 'weather forecast', 'kubernetes', 'browser automation', 'notion', 'stripe payments'];

function print(name: string, value: number, unit: string): void {
  const shown = Math.abs(value) >= 100 ? Math.round(value) : Math.round(value * 10) / 10;
  console.log(`${name} ${shown} ${unit}`);
}

const slug = (q: string) => q.toLowerCase().replace(/[^a-z0-9]+/g, '_').replace(/^_|_$/g, '');

async function queries(browser: Browser, site: string, prefix: string, pagePath: string, input: string, list: readonly string[]): Promise<QueryFigure[]> {
  const server = await startCountingServer(site);
  const figures: QueryFigure[] = [];
  try {
    // One throw-away query so the browser's own start-up is not in the first figure.
    await measureQuery(browser, server, pagePath, input, list[0]!);
    for (const q of list) {
      const f = await measureQuery(browser, server, pagePath, input, q);
      figures.push(f);
      print(`${prefix}_q_${slug(q)}_ms`, f.ms, 'ms');
      print(`${prefix}_q_${slug(q)}_ten_ms`, f.tenMs, 'ms');
      print(`${prefix}_q_${slug(q)}_kb`, f.kb, 'KB');
      print(`${prefix}_q_${slug(q)}_search_kb`, f.searchKb, 'KB');
      print(`${prefix}_q_${slug(q)}_gzip_kb`, f.gzipKb, 'KB');
      print(`${prefix}_q_${slug(q)}_gzip_search_kb`, f.gzipSearchKb, 'KB');
      print(`${prefix}_q_${slug(q)}_from_url_ms`, f.fromUrlMs, 'ms');
      print(`${prefix}_q_${slug(q)}_results`, f.results, 'results');
      if (values.breakdown) {
        for (const [kind, { kb, count }] of Object.entries(f.files).sort((a, b) => b[1].kb - a[1].kb)) print(`${prefix}_q_${slug(q)}_file_${slug(kind)}_x${count}`, kb, 'KB');
      }
    }
  } finally {
    await server.close();
  }
  print(`${prefix}_query_median_ms`, median(figures.map((f) => f.ms)), 'ms');
  print(`${prefix}_query_max_ms`, Math.max(...figures.map((f) => f.ms)), 'ms');
  print(`${prefix}_ten_results_median_ms`, median(figures.map((f) => f.tenMs)), 'ms');
  print(`${prefix}_first_query_median_kb`, median(figures.map((f) => f.kb)), 'KB');
  print(`${prefix}_first_query_max_kb`, Math.max(...figures.map((f) => f.kb)), 'KB');
  print(`${prefix}_search_median_kb`, median(figures.map((f) => f.searchKb)), 'KB');
  print(`${prefix}_gzip_first_query_median_kb`, median(figures.map((f) => f.gzipKb)), 'KB');
  print(`${prefix}_gzip_search_median_kb`, median(figures.map((f) => f.gzipSearchKb)), 'KB');
  print(`${prefix}_from_url_median_ms`, median(figures.map((f) => f.fromUrlMs)), 'ms');
  return figures;
}

function printBuild(prefix: string, r: SearchBuildResult): void {
  print(`${prefix}_ms`, r.ms, 'ms');
  for (const b of [r.tools, r.index]) {
    print(`${prefix}_${b.name}_records`, b.records, 'records');
    print(`${prefix}_${b.name}_add_ms`, b.addMs, 'ms');
    print(`${prefix}_${b.name}_write_ms`, b.writeMs, 'ms');
    print(`${prefix}_${b.name}_pf_meta_kb`, b.metaBytes / 1024, 'KB');
    print(`${prefix}_${b.name}_bundle_mb`, b.bytes / 1024 / 1024, 'MB');
    print(`${prefix}_${b.name}_files`, b.files, 'files');
  }
}

if (!existsSync(join(dist, 'pagefind-tools')) || !existsSync(join(dist, INDEX_BUNDLE))) {
  console.error(`bench-search: ${dist} has no search bundles; run npm run build first (or pass --dist)`);
  process.exit(1);
}

// The query figures need a browser; on a machine without Chromium the build
// figures still run, and one line says what was skipped.
const browser = existsSync(CHROMIUM) ? await launchChromium().catch((err: Error) => (console.log(`bench-search: Chromium at ${CHROMIUM} did not start (${err.message.split('\n')[0]}); browser figures skipped`), null)) : null;
if (!existsSync(CHROMIUM)) console.log(`bench-search: no Chromium at ${CHROMIUM} (apt-get install chromium, or set CHROMIUM_PATH); browser figures skipped`);
const scratch = mkdtempSync(join(tmpdir(), 'toolrisk-bench-search-'));
try {
  if (browser) {
    await queries(browser, dist, 'tools', '/search/', '#q', TOOL_QUERIES);
    await queries(browser, dist, 'index', '/index-search/', '#iq', INDEX_QUERIES);
  }

  if (!values['skip-build'] || !values['skip-synthetic']) {
    const tools = readCatalogueTools(catalogue);
    const servers = readCatalogueServers(catalogue);
    if (!values['skip-build']) {
      const transports: Transport[] = values.transports ? ['html', 'records'] : ['html'];
      // Cold: no bundle cache, as on a fresh checkout or in CI.
      for (const transport of transports) {
        const r = await buildSearchIndexes({ dist: join(scratch, `real-${transport}`), dataDir, tools, servers, transport, cache: false });
        printBuild(transport === 'html' ? 'search_build' : 'search_build_records', r);
      }
      // Warm: the same records again, as when only pages or rules changed (the bundles come from the cache).
      await buildSearchIndexes({ dist: join(scratch, 'real-warm'), dataDir, tools, servers });
      const warm = await buildSearchIndexes({ dist: join(scratch, 'real-warm'), dataDir, tools, servers });
      print('search_build_cached_ms', warm.ms, 'ms');
    }
    if (!values['skip-synthetic']) {
      const synthData = join(scratch, 'data');
      const lines = writeSyntheticIndex(indexFile(dataDir), synthData, syntheticSize);
      const site = join(scratch, 'site-synthetic');
      const r = await buildSearchIndexes({ dist: site, dataDir: synthData, tools, servers, cache: false });
      const label = `synthetic${Math.round(lines / 1000)}k`;
      print(`${label}_index_lines`, lines, 'servers');
      printBuild(`${label}_build`, r);
      // Serve the generated bundle behind the real index search page.
      for (const part of ['index-search', 'js', 'styles', 'favicon.svg', '404.html']) {
        if (existsSync(join(dist, part))) cpSync(join(dist, part), join(site, part), { recursive: true });
      }
      if (browser) await queries(browser, site, `${label}_index`, '/index-search/', '#iq', INDEX_QUERIES);
    }
  }
} finally {
  await browser?.close();
  rmSync(scratch, { recursive: true, force: true });
}
