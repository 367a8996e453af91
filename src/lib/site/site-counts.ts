/** Catalogue-wide counts for page footers and the home page. */
import { readBuildReport } from './read-catalogue.ts';

export interface SiteCounts {
  servers: number;
  tools: number;
  indexServers: number;
}

let cached: SiteCounts | undefined;

export function siteCounts(): SiteCounts {
  if (cached) return cached;
  const r = readBuildReport();
  cached = { servers: r.counts.servers, tools: r.counts.toolsWritten, indexServers: r.counts.indexServers };
  return cached;
}
