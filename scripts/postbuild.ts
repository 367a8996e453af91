/**
 * Runs after `astro build`: publishes the API files, llms.txt, sitemap and
 * headers, then builds the Pagefind search indexes (tools and server index).
 */
import { join } from 'node:path';
import { REPO_ROOT, resolveDataDir, flagValue } from '../src/lib/ingest/data-dir.ts';
import { readBuildReport, readCatalogueServers, readCatalogueTools } from '../src/lib/site/read-catalogue.ts';
import { publishApi } from '../src/lib/site/publish-api.ts';
import { buildSearchIndexes } from '../src/lib/search/build-indexes.ts';

const argv = process.argv.slice(2);
const dist = flagValue(argv, '--dist') ?? process.env.DIST_DIR ?? join(REPO_ROOT, 'dist');
const site = process.env.SITE_URL ?? 'https://toolrisk.dev';
const started = performance.now();
const tools = readCatalogueTools();
const servers = readCatalogueServers();
const report = readBuildReport();
const { files } = publishApi({ dist, site, tools, servers, report });
const apiMs = Math.round(performance.now() - started);
const search = await buildSearchIndexes({ dist, dataDir: resolveDataDir(argv), tools, servers });
console.log(`postbuild: ${files} API files in ${apiMs} ms; ${search.summary}`);
