/**
 * Builds the two Pagefind bundles from the catalogue JSON into --dist (a
 * staging folder when run beside `astro build`, which empties dist/).
 */
import { join } from 'node:path';
import { loadConfig, parseArgsOrExit, REPO_ROOT } from '../src/lib/config.ts';
import { eachCatalogueTool, readCatalogueServers } from '../src/lib/site/read-catalogue.ts';
import { buildSearchIndexes } from '../src/lib/search/build-indexes.ts';

const { values } = parseArgsOrExit({
  name: 'build-search',
  usage: `Usage: npm run build:search -- [--data DIR] [--dist DIR]

Options:
  --data DIR   input data folder, for the server-index bundle (env CATALOGUE_DATA; default ../shared/data)
  --dist DIR   where to write the two bundles (default generated/search)
  -h, --help   show this help`,
  options: { data: { type: 'string' }, dist: { type: 'string' } },
});
// Not the site's dist/ by default: astro build empties that folder when it starts.
const dist = values.dist ?? join(REPO_ROOT, 'generated', 'search');
const search = await buildSearchIndexes({ dist, dataDir: loadConfig(values).dataDir, tools: eachCatalogueTool(), servers: readCatalogueServers() });
console.log(search.summary);
