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

/**
 * Where a merged tool's definition came from: "Listed by Toucan dataset and
 * ToolSDK list; their definitions differ, and this page shows Toucan
 * dataset's." Undefined when only one source lists it.
 */
export function originsSentence(origins: readonly { family: string; fingerprint: string }[], infos: readonly SourceInfo[] = loadSourceInfos()): string | undefined {
  if (origins.length < 2) return undefined;
  const title = (family: string) => infos.find((i) => i.id === family)?.title ?? family;
  const names = [...new Set(origins.map((o) => title(o.family)))];
  const list = names.length === 2 ? names.join(' and ') : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
  const differ = new Set(origins.map((o) => o.fingerprint)).size > 1;
  return differ
    ? `Listed by ${list}; their definitions differ (fingerprints ${origins.map((o) => `${o.family} ${o.fingerprint}`).join(', ')}), and this page shows the most complete one, from ${title(origins[0]!.family)}.`
    : `Listed by ${list}, with the same definition.`;
}

/** Sources whose licence asks for an attribution, for the about page and the footer. */
export function attributedSources(infos: readonly SourceInfo[] = loadSourceInfos()): SourceInfo[] {
  return infos.filter((i) => i.attribution);
}
