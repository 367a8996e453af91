/**
 * Small JSON files written beside the bundles for the search pages, so they
 * never ask Pagefind for its filter lists (that loads every filter file,
 * more bytes than a whole first query):
 *
 * - pagefind-tools/servers.json: [[slug, title, tools], …] for the server
 *   select, fetched only when the select is used;
 * - pagefind-index/facets.json: source and other filter values with counts,
 *   the description licence table the results need for attribution, and
 *   the labels of filter values (labels.ts);
 * - pagefind-tools/labels.json: the risk badge and severity order (labels.ts).
 */
import { DESCRIPTION_LICENCES, type DescriptionLicence } from './attribution.ts';
import type { SearchRecord } from './records.ts';
import { indexLabels, type IndexLabels } from './labels.ts';

export type Count = [value: string, count: number];

export interface IndexFacets {
  total: number;
  source: Count[];
  confidence: Count[];
  classified: Count[];
  licences: Record<string, DescriptionLicence>;
  labels: IndexLabels;
}

function count(records: readonly SearchRecord[], key: string): Count[] {
  const counts = new Map<string, number>();
  for (const r of records) for (const v of r.filters[key] ?? []) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
}

/** Servers that have tools in the bundle, by title. */
export function toolServers(records: readonly SearchRecord[], titles: ReadonlyMap<string, string>): [slug: string, title: string, tools: number][] {
  return count(records, 'server')
    .map(([slug, n]): [string, string, number] => [slug, titles.get(slug) ?? slug, n])
    .sort((a, b) => a[1].localeCompare(b[1], 'en', { sensitivity: 'base' }) || a[0].localeCompare(b[0]));
}

export function indexFacets(records: readonly SearchRecord[]): IndexFacets {
  return {
    total: records.length,
    source: count(records, 'source'),
    confidence: count(records, 'confidence'),
    classified: count(records, 'classified'),
    licences: DESCRIPTION_LICENCES,
    labels: indexLabels(),
  };
}
