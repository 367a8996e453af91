/**
 * What a server page says about where its tool definitions came from: one
 * line per source that has the server, with the attribution its licence
 * asks for (catalogue/sources.yaml).
 */
import type { CatalogueServer } from '../../schemas/catalogue.ts';
import type { SourceInfo } from '../../schemas/sources.ts';
import { loadSourceInfos } from '../ingest/source-infos.ts';

export interface SourceLine {
  title: string;
  url?: string;
  licence: string;
  licenceUrl?: string;
  attribution?: string;
  /** "its live tools/list answer", "a scrape of its Smithery page", "tool names and descriptions". */
  what: string;
  toolCount: number;
  /** The name this source gives the server, when it differs from the page's. */
  listedAs?: string;
}

const WHAT = {
  live: 'the server’s own tools/list answer',
  scraped: 'a scrape of the server’s Smithery page (no parameter types)',
  listed: 'tool names and descriptions only',
} as const;

export function sourceLines(server: CatalogueServer, infos: readonly SourceInfo[] = loadSourceInfos()): SourceLine[] {
  const byId = new Map(infos.map((i) => [i.id, i]));
  return server.copies.map((c) => {
    const info = byId.get(c.family);
    return {
      title: info?.title ?? c.family,
      ...(info?.url ? { url: info.url } : {}),
      licence: info?.licence ?? 'unknown',
      ...(info?.licenceUrl ? { licenceUrl: info.licenceUrl } : {}),
      ...(info?.attribution ? { attribution: info.attribution } : {}),
      what: WHAT[c.toolsFrom],
      toolCount: c.toolCount,
      ...(c.name !== server.name ? { listedAs: c.name } : {}),
    };
  });
}

/** Sources whose licence asks for an attribution, for the about page and the footer. */
export function attributedSources(infos: readonly SourceInfo[] = loadSourceInfos()): SourceInfo[] {
  return infos.filter((i) => i.attribution);
}
