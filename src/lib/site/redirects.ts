/**
 * Small static redirect pages for the slugs merged servers used to have
 * (merge-servers.ts): /servers/<old>/ and each /tools/<old>/<tool>/ lead to
 * the merged page, so links to a former copy keep working on any static host.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { groupBy } from '../group.ts';
import type { CatalogueServer, CatalogueTool } from '../../schemas/catalogue.ts';

function escapeAttr(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}

/** A page that sends browsers and crawlers to `to` (a site path). */
export function redirectHtml(to: string, site: string): string {
  const url = escapeAttr(new URL(to, site).href);
  const path = escapeAttr(to);
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Moved</title><meta name="robots" content="noindex"><link rel="canonical" href="${url}"><meta http-equiv="refresh" content="0; url=${path}"></head><body><p>This page moved to <a href="${path}">${path}</a>.</p></body></html>\n`;
}

export function writeRedirects(dist: string, site: string, servers: readonly CatalogueServer[], tools: Iterable<CatalogueTool>): number {
  // Only the tools of servers that had other slugs are kept; the tools may be a stream.
  const moved = new Set(servers.filter((s) => s.formerSlugs.length).map((s) => s.slug));
  function* ofMoved(): Generator<CatalogueTool> {
    for (const t of tools) if (moved.has(t.serverSlug)) yield t;
  }
  const toolsByServer = groupBy(ofMoved(), (t) => t.serverSlug);
  let written = 0;
  const write = (path: string, to: string) => {
    const dir = join(dist, path);
    // A page that exists is never replaced by a redirect.
    if (existsSync(join(dir, 'index.html'))) return;
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'index.html'), redirectHtml(to, site));
    written++;
  };
  for (const s of servers) {
    for (const old of s.formerSlugs) {
      write(join('servers', old), `/servers/${s.slug}/`);
      for (const t of toolsByServer.get(s.slug) ?? []) write(join('tools', old, t.slug), t.url);
    }
  }
  return written;
}
