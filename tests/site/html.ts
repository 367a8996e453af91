/**
 * Tiny helpers for reading our own generated HTML in tests. The pages are
 * produced by Astro from known templates, so targeted regular expressions
 * are enough; browser-level checks live in tests/e2e.
 */
const ENTITIES: Record<string, string> = { '&lt;': '<', '&gt;': '>', '&amp;': '&', '&quot;': '"', '&#39;': "'", '&#x27;': "'" };

export function decodeEntities(s: string): string {
  return s
    .replace(/&#x([0-9a-f]+);/gi, (_, h: string) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(Number(d)))
    .replace(/&(lt|gt|amp|quot);/g, (m) => ENTITIES[m]!);
}

/** The HTML of <section id="…"> up to its closing tag (sections do not nest on our pages). */
export function sectionHtml(html: string, id: string): string {
  const start = html.indexOf(`<section id="${id}"`);
  if (start < 0) return '';
  const end = html.indexOf('</section>', start);
  return html.slice(start, end < 0 ? undefined : end);
}

export function hrefs(html: string): string[] {
  return [...html.matchAll(/href="([^"]*)"/g)].map((m) => decodeEntities(m[1]!));
}
