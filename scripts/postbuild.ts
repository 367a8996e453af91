/**
 * Runs after `astro build`, which empties dist/ when it starts, so whatever
 * is not a page is written here: the API files, llms.txt, sitemap, headers,
 * redirects and the client bundle. The search bundles are copied in from
 * --search-from (scripts/build.ts builds them beside astro build, since they
 * come from the catalogue JSON, not the pages), or built here when there is
 * none.
 */
import { cpSync, existsSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { loadConfig, parseArgsOrExit } from '../src/lib/config.ts';
import { readBuildReport, readCatalogueServers, readCatalogueTools } from '../src/lib/site/read-catalogue.ts';
import { publishApi } from '../src/lib/site/publish-api.ts';
import { writeRedirects } from '../src/lib/site/redirects.ts';
import { minifyScripts } from '../src/lib/site/minify-scripts.ts';
import { bundleClientScripts } from '../src/lib/site/bundle-client.ts';
import { buildSearchIndexes, INDEX_BUNDLE, TOOLS_BUNDLE } from '../src/lib/search/build-indexes.ts';

const { values } = parseArgsOrExit({
  name: 'postbuild',
  usage: `Usage: node scripts/postbuild.ts [--data DIR] [--dist DIR] [--search-from DIR]

Options:
  --data DIR          input data folder, for the server-index search bundle (env CATALOGUE_DATA)
  --dist DIR          the built site (env DIST_DIR; default dist)
  --search-from DIR   copy the search bundles built there instead of building them
  -h, --help          show this help`,
  options: { data: { type: 'string' }, dist: { type: 'string' }, 'search-from': { type: 'string' } },
});
const config = loadConfig(values);
const dist = config.distDir;
const site = config.siteUrl;
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
// staging folder (astro empties dist/ when it starts); move them in here.
const staged = values['search-from'];
if (staged && existsSync(join(staged, TOOLS_BUNDLE)) && existsSync(join(staged, INDEX_BUNDLE))) {
  for (const bundle of [TOOLS_BUNDLE, INDEX_BUNDLE]) moveDir(join(staged, bundle), join(dist, bundle));
  console.log(`postbuild: ${files} API files in ${apiMs} ms; ${js}; search bundles moved in from ${staged}`);
} else {
  const search = await buildSearchIndexes({ dist, dataDir: config.dataDir, tools, servers });
  console.log(`postbuild: ${files} API files in ${apiMs} ms; ${js}; ${search.summary}`);
}

/**
 * Moves a finished bundle into dist: a rename when both are on one file
 * system (the staging folder sits beside the catalogue), else a copy. At
 * 100,000 tools the tools bundle is over 100,000 files, and copying them
 * took seconds a rename does not.
 */
function moveDir(from: string, to: string): void {
  rmSync(to, { recursive: true, force: true });
  try {
    renameSync(from, to);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error;
    cpSync(from, to, { recursive: true });
  }
}
