/**
 * Runs after `astro build`, which empties dist/ when it starts, so whatever
 * is not a page goes in here: the search bundles and the published files
 * (API, llms.txt, sitemap, headers, redirects), and the minified scripts and
 * client bundle. scripts/build.ts makes the bundles and the published files
 * beside astro build, from the catalogue JSON, into --staged; postbuild
 * moves them in. Without --staged it makes them itself.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { loadConfig, parseArgsOrExit } from '../src/lib/config.ts';
import { readBuildReport, readCatalogueServers, readCatalogueTools } from '../src/lib/site/read-catalogue.ts';
import { publishApi } from '../src/lib/site/publish-api.ts';
import { writeRedirects } from '../src/lib/site/redirects.ts';
import { minifyScripts } from '../src/lib/site/minify-scripts.ts';
import { bundleClientScripts } from '../src/lib/site/bundle-client.ts';
import { mergeInto, replaceWith } from '../src/lib/site/move-into.ts';
import { buildSearchIndexes, INDEX_BUNDLE, TOOLS_BUNDLE } from '../src/lib/search/build-indexes.ts';
import type { CatalogueServer, CatalogueTool } from '../src/schemas/catalogue.ts';

const { values } = parseArgsOrExit({
  name: 'postbuild',
  usage: `Usage: node scripts/postbuild.ts [--data DIR] [--dist DIR] [--staged DIR]

Options:
  --data DIR          input data folder, for the server-index search bundle (env CATALOGUE_DATA)
  --dist DIR          the built site (env DIST_DIR; default dist)
  --staged DIR        move in the search bundles (DIR/pagefind-*) and published files
                      (DIR/site) made there, instead of making them
  -h, --help          show this help`,
  options: { data: { type: 'string' }, dist: { type: 'string' }, staged: { type: 'string' } },
});
const config = loadConfig(values);
const dist = config.distDir;
const site = config.siteUrl;
const started = performance.now();
const staged = values.staged;
// Read only when something has to be made here, and then once.
let catalogue: { tools: CatalogueTool[]; servers: CatalogueServer[] } | undefined;
const read = () => (catalogue ??= { tools: readCatalogueTools(), servers: readCatalogueServers() });
const parts: string[] = [];
if (staged && existsSync(join(staged, 'site'))) {
  parts.push(`${mergeInto(join(staged, 'site'), dist)} published entries moved in`);
} else {
  const { tools, servers } = read();
  const { files } = publishApi({ dist, site, tools, servers, report: readBuildReport() });
  // Former slugs of merged servers lead to the merged pages.
  parts.push(`${files + writeRedirects(dist, site, servers, tools)} API files`);
}
parts.push(minifyScripts(join(dist, 'js')), bundleClientScripts(dist));
if (staged && existsSync(join(staged, TOOLS_BUNDLE)) && existsSync(join(staged, INDEX_BUNDLE))) {
  for (const bundle of [TOOLS_BUNDLE, INDEX_BUNDLE]) replaceWith(join(staged, bundle), join(dist, bundle));
  parts.push('search bundles moved in');
} else {
  parts.push((await buildSearchIndexes({ dist, dataDir: config.dataDir, ...read() })).summary);
}
console.log(`postbuild: ${parts.join('; ')} in ${Math.round(performance.now() - started)} ms`);
