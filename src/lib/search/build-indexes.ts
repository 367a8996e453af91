/**
 * Builds the two Pagefind search bundles after the pages exist:
 *
 * - dist/pagefind-tools/: one record per catalogued tool (url = its page),
 *   filters server/category/severity; plus servers.json, the server list
 *   for the filter. No Pagefind sort: a sort's page list sits in the
 *   metadata every first query downloads (18.6 KB gzipped for the tools,
 *   40% of the compacted metadata), and Pagefind orders by it alone, so
 *   within a severity results came in page order rather than best match.
 *   "Highest risk first" searches once per severity on the filter instead
 *   (search-tools.js), which keeps the best match first in each group;
 * - dist/pagefind-index/: one record per line of <data>/index/servers.jsonl,
 *   filters source/confidence/classified; plus facets.json.
 *
 * Records built from the catalogue rather than crawling the built pages, by
 * measurement: crawling the 8,659 tool pages (197 MB of HTML) took 27 s with
 * everything but the header excluded and over 2 minutes without, and the
 * index then holds boilerplate; records carry only what a result shows.
 * Two bundles rather than one, so each page's first query only downloads
 * its own page list: the index's 37k entries cost 46 KB of Pagefind
 * metadata, the tools' 22.8k entries 29 KB (after compact-bundle.ts).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CatalogueServer, CatalogueTool } from '../../schemas/catalogue.ts';
import { buildBundles, type BundleStats } from './pagefind-bundle.ts';
import { indexRecord, matchCatalogue, toolRecord } from './records.ts';
import type { Transport } from './pagefind-bundle.ts';
import { indexFacets, toolServers } from './facets.ts';
import { toolLabels } from './labels.ts';
import { readIndexServers } from '../registry/read-index.ts';

export interface SearchBuildInput {
  dist: string;
  dataDir: string;
  /** Any iterable: build-search streams them from the catalogue files and keeps only the records. */
  tools: Iterable<CatalogueTool>;
  servers: CatalogueServer[];
  /** How records reach Pagefind (see pagefind-bundle.ts); "html" unless measuring. */
  transport?: Transport;
  /** Reuse a finished bundle built from identical records (default true). */
  cache?: boolean;
}

export interface SearchBuildResult {
  summary: string;
  ms: number;
  tools: BundleStats;
  index: BundleStats;
  skippedIndexLines: number;
  classifiedInIndex: number;
}

export const TOOLS_BUNDLE = 'pagefind-tools';
export const INDEX_BUNDLE = 'pagefind-index';

const kb = (n: number) => `${Math.round(n / 1024).toLocaleString('en-US')} KB`;

export async function buildSearchIndexes(input: SearchBuildInput): Promise<SearchBuildResult> {
  const started = performance.now();
  const toolRecords = Array.from(input.tools, toolRecord);
  const read = readIndexServers(input.dataDir);
  // Each catalogued server is known by its index entry (ingest's join), its
  // own name and the names its copies carry.
  const known = input.servers.flatMap((s) => [...new Set([s.indexEntry, s.name, ...s.copies.map((c) => c.name)].filter((n): n is string => !!n))].map((name) => ({ name, slug: s.slug })));
  const slugs = matchCatalogue(read.servers.map((s) => s.name), known);
  const indexRecords = read.servers.map((s, i) => indexRecord(s, slugs.get(s.name), i));
  const classifiedInIndex = slugs.size;

  const [tools, index] = await buildBundles([
    { name: 'tools', outputPath: join(input.dist, TOOLS_BUNDLE), records: toolRecords },
    { name: 'index', outputPath: join(input.dist, INDEX_BUNDLE), records: indexRecords },
  ], { transport: input.transport, cache: input.cache });
  const titles = new Map(input.servers.map((s) => [s.slug, s.title]));
  writeFileSync(join(tools!.outputPath, 'servers.json'), JSON.stringify(toolServers(toolRecords, titles)));
  writeFileSync(join(tools!.outputPath, 'labels.json'), JSON.stringify(toolLabels()));
  writeFileSync(join(index!.outputPath, 'facets.json'), JSON.stringify(indexFacets(indexRecords)));

  const problems = [...tools!.errors, ...index!.errors];
  if (problems.length) throw new Error(`pagefind reported ${problems.length} problem(s):\n${problems.slice(0, 20).join('\n')}`);
  const ms = Math.round(performance.now() - started);
  const cached = (b: BundleStats) => (b.cached ? ', cached' : '');
  const summary =
    `search: ${tools!.records} tools (${kb(tools!.bytes)}, meta ${kb(tools!.metaBytes)}${cached(tools!)}) and ` +
    `${index!.records} index servers (${kb(index!.bytes)}, meta ${kb(index!.metaBytes)}${cached(index!)}; ${classifiedInIndex} classified` +
    `${read.skipped.length ? `, ${read.skipped.length} bad lines skipped` : ''}) in ${ms} ms`;
  return { summary, ms, tools: tools!, index: index!, skippedIndexLines: read.skipped.length, classifiedInIndex };
}
