/**
 * Builds the two Pagefind bundles from the catalogue JSON into --dist (a
 * staging folder when run beside `astro build`, which empties dist/).
 */
import { join } from 'node:path';
import { flagValue, REPO_ROOT, resolveDataDir } from '../src/lib/ingest/data-dir.ts';
import { readCatalogueServers, readCatalogueTools } from '../src/lib/site/read-catalogue.ts';
import { buildSearchIndexes } from '../src/lib/search/build-indexes.ts';

const argv = process.argv.slice(2);
const dist = flagValue(argv, '--dist') ?? join(REPO_ROOT, 'generated', 'search');
const search = await buildSearchIndexes({ dist, dataDir: resolveDataDir(argv), tools: readCatalogueTools(), servers: readCatalogueServers() });
console.log(search.summary);
