/**
 * Runs after `astro build`: publishes the API files, llms.txt, sitemap and
 * headers, then builds the Pagefind search indexes (tools and server index).
 */
import { cpSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT, resolveDataDir, flagValue } from '../src/lib/ingest/data-dir.ts';
import { readBuildReport, readCatalogueServers, readCatalogueTools } from '../src/lib/site/read-catalogue.ts';
import { publishApi } from '../src/lib/site/publish-api.ts';
import { writeRedirects } from '../src/lib/site/redirects.ts';
import { minifyScripts } from '../src/lib/site/minify-scripts.ts';
import { bundleClientScripts } from '../src/lib/site/bundle-client.ts';
import { buildSearchIndexes, INDEX_BUNDLE, TOOLS_BUNDLE } from '../src/lib/search/build-indexes.ts';

const argv = process.argv.slice(2);
const dist = flagValue(argv, '--dist') ?? process.env.DIST_DIR ?? join(REPO_ROOT, 'dist');
const site = process.env.SITE_URL ?? 'https://toolrisk.dev';
const started = performance.now();
const tools = readCatalogueTools();
const servers = readCatalogueServers();
const report = readBuildReport();
const { files: apiFiles } = publishApi({ dist, site, tools, servers, report });
// Former slugs of merged servers lead to the merged pages.
const files = apiFiles + writeRedirects(dist, site, servers, tools);
const js = `${minifyScripts(join(dist, 'js'))}; ${bundleClientScripts(dist)}`;
const apiMs = Math.round(performance.now() - started);
// scripts/build.ts builds the search bundles beside `astro build` into a
// staging folder (astro empties dist/ when it starts); copy them in here.
const staged = flagValue(argv, '--search-from');
if (staged && existsSync(join(staged, TOOLS_BUNDLE)) && existsSync(join(staged, INDEX_BUNDLE))) {
  for (const bundle of [TOOLS_BUNDLE, INDEX_BUNDLE]) cpSync(join(staged, bundle), join(dist, bundle), { recursive: true });
  console.log(`postbuild: ${files} API files in ${apiMs} ms; ${js}; search bundles copied from ${staged}`);
} else {
  const search = await buildSearchIndexes({ dist, dataDir: resolveDataDir(argv), tools, servers });
  console.log(`postbuild: ${files} API files in ${apiMs} ms; ${js}; ${search.summary}`);
}
