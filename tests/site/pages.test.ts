/**
 * Builds the site from the shared data, as `npm run build` does, and checks
 * every tool page and the published files. Real data in, real pages out.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_DATA_DIR } from '../../src/lib/config.ts';
import { readBuildReport, readCatalogueServers, readCatalogueTools } from '../../src/lib/site/read-catalogue.ts';
import { policyJsonSchema } from '../../src/schemas/policy.ts';
import type { CatalogueServer, CatalogueTool } from '../../src/schemas/catalogue.ts';
import { buildSite, type BuiltSite } from './build-site.ts';
import { sharedDataCounts } from '../support/shared-data-counts.ts';
import { decodeEntities, sectionHtml, hrefs } from './html.ts';

let site: BuiltSite;
let tools: CatalogueTool[];
let servers: CatalogueServer[];
const SECTION_IDS = ['what', 'why', 'evidence', 'attacks', 'policy', 'related', 'faq'];

beforeAll(() => {
  site = buildSite('shared', DEFAULT_DATA_DIR);
  tools = readCatalogueTools(site.catalogue);
  servers = readCatalogueServers(site.catalogue);
  console.log(`site build: ${(site.ms / 1000).toFixed(1)} s for ${tools.length} tools`);
});

const pageOf = (t: CatalogueTool) => join(site.dist, 'tools', t.serverSlug, t.slug, 'index.html');
const resolves = (href: string) => {
  const path = href.split('#')[0]!;
  return existsSync(join(site.dist, path, path.endsWith('/') ? 'index.html' : ''));
};

describe('every tool of the shared data has a complete page', () => {
  it('has as many tool pages as catalogued tools, one per tool', () => {
    const counts = sharedDataCounts(DEFAULT_DATA_DIR);
    const report = readBuildReport(site.catalogue);
    // Every valid tool is written, or dropped for a richer copy of the same tool on the same server.
    expect(tools.length + report.counts.toolsDropped).toBe(counts.toolsRead - counts.duplicates);
    expect(tools.length).toBe(report.counts.toolsWritten);
    for (const t of tools) expect(existsSync(pageOf(t)), t.id).toBe(true);
  });

  it('has one page per server, and former slugs of merged copies redirect to it', () => {
    expect(new Set(servers.map((s) => s.name.toLowerCase())).size).toBe(servers.length);
    const merged = servers.filter((s) => s.formerSlugs.length > 0);
    expect(merged.length).toBeGreaterThan(10);
    for (const s of merged.slice(0, 40)) {
      expect(existsSync(join(site.dist, 'servers', s.slug, 'index.html')), s.slug).toBe(true);
      for (const old of s.formerSlugs) {
        const html = readFileSync(join(site.dist, 'servers', old, 'index.html'), 'utf8');
        expect(html, old).toContain(`url=/servers/${s.slug}/`);
        expect(html).toContain('rel="canonical"');
      }
      // The page lists every source that has the server.
      const page = readFileSync(join(site.dist, 'servers', s.slug, 'index.html'), 'utf8');
      const sources = sectionHtml(page, 'sources');
      expect(sources.match(/<li>/g)?.length, s.slug).toBe(s.copies.length);
    }
    // Catalogued servers link to their index entry (the entry links back: tests/e2e/search.test.ts).
    const indexed = servers.filter((s) => s.indexEntry);
    expect(indexed.length / servers.length).toBeGreaterThan(0.9);
    for (const s of indexed.slice(0, 20)) {
      const page = readFileSync(join(site.dist, 'servers', s.slug, 'index.html'), 'utf8');
      expect(page, s.slug).toContain(`/index-search/?q=${encodeURIComponent(s.indexEntry!)}`);
    }
    // A tool listed by several sources says so, and where their definitions differ.
    const differing = tools.find((t) => new Set(t.origins.map((o) => o.fingerprint)).size > 1)!;
    expect(differing).toBeDefined();
    expect(decodeEntities(readFileSync(pageOf(differing), 'utf8'))).toMatch(/their definitions differ \(fingerprints [^)]*\), and this page shows the most complete one/);
    // Licences that ask for attribution get it wherever their data is shown.
    const toucan = servers.find((s) => s.copies.some((c) => c.family === 'toucan'))!;
    expect(decodeEntities(readFileSync(join(site.dist, 'servers', toucan.slug, 'index.html'), 'utf8'))).toContain('Contains data from Toucan');
    const about = decodeEntities(readFileSync(join(site.dist, 'about', 'index.html'), 'utf8'));
    expect(about).toContain('Contains data from Toucan');
    expect(about).toContain('Contains data from LiveMCPBench');
    // Intercept's policy files are credited where their categories are compared, and each differing tool links to its page.
    const intercept = sectionHtml(about, 'intercept');
    expect(intercept).toContain("PolicyLayer's Intercept");
    expect(intercept).toContain('https://github.com/PolicyLayer/Intercept');
    const compared = hrefs(intercept).filter((h) => h.startsWith('/tools/'));
    expect(compared.length).toBeGreaterThan(0);
    for (const h of compared) expect(resolves(h), h).toBe(true);
    const api = JSON.parse(readFileSync(join(site.dist, 'api', 'servers.json'), 'utf8')) as { slug: string; repository?: string; sources: { source: string }[] }[];
    expect(api.length).toBe(servers.length);
    expect(api.find((s) => s.slug === toucan.slug)!.sources.some((x) => x.source === 'toucan')).toBe(true);
    expect(api.filter((s) => s.repository).length).toBeGreaterThan(servers.length / 2);
  });

  it('has every section id, in order, and one h1', () => {
    for (const t of tools) {
      const html = readFileSync(pageOf(t), 'utf8');
      let last = -1;
      for (const id of SECTION_IDS) {
        const at = html.indexOf(`id="${id}"`);
        expect(at, `${t.id}: #${id}`).toBeGreaterThan(last);
        last = at;
      }
      expect(html.match(/<h1[\s>]/g)?.length, t.id).toBe(1);
    }
  });

  it('shows a recommended policy that parses as JSON, validates, and equals the catalogue policy', () => {
    for (const t of tools) {
      const html = readFileSync(pageOf(t), 'utf8');
      const m = html.match(/<code id="policy-json"[^>]*>([\s\S]*?)<\/code>/);
      expect(m, t.id).not.toBeNull();
      const policy = JSON.parse(decodeEntities(m![1]!));
      expect(policyJsonSchema.safeParse(policy).success, t.id).toBe(true);
      expect(policy).toEqual(t.policy);
    }
  });

  it('links related tools and servers only to pages that were built', () => {
    let links = 0;
    for (const t of tools) {
      const related = sectionHtml(readFileSync(pageOf(t), 'utf8'), 'related');
      for (const href of hrefs(related)) {
        if (!href.startsWith('/')) continue;
        links++;
        expect(resolves(href), `${t.id} -> ${href}`).toBe(true);
      }
    }
    expect(links).toBeGreaterThan(tools.length * 3);
  });

  it('carries FAQ JSON-LD that parses, with at least six questions about the tool', () => {
    for (const t of tools) {
      const html = readFileSync(pageOf(t), 'utf8');
      const m = html.match(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/);
      expect(m, t.id).not.toBeNull();
      const ld = JSON.parse(m![1]!);
      expect(ld['@type']).toBe('FAQPage');
      expect(ld.mainEntity.length).toBeGreaterThanOrEqual(6);
      expect(ld.mainEntity[0].name).toContain(t.name.slice(0, 40));
      expect(html.match(/<details class="faq"/g)?.length).toBe(ld.mainEntity.length);
      // Every policy kind has words: an answer never says "undefined".
      for (const q of ld.mainEntity) expect(q.acceptedAnswer.text, t.id).not.toMatch(/\bundefined\b/);
    }
  });

  it('keeps every tool page under the 40 KB HTML budget', () => {
    const sizes = tools.map((t) => ({ id: t.id, size: statSync(pageOf(t)).size }));
    sizes.sort((a, b) => b.size - a.size);
    console.log(`largest tool pages: ${sizes.slice(0, 3).map((s) => `${s.id} ${(s.size / 1024).toFixed(1)} KB`).join(', ')}; median ${(sizes[sizes.length >> 1]!.size / 1024).toFixed(1)} KB`);
    expect(sizes[0]!.size).toBeLessThan(40 * 1024);
  });

  it('ships only external scripts, and under 10 KB of JavaScript per page besides Pagefind', () => {
    const t = tools.find((x) => x.name === 'binance_spot_cancel_order')!;
    const pages = [pageOf(t), join(site.dist, 'search', 'index.html'), join(site.dist, 'index-search', 'index.html'), join(site.dist, 'servers', 'sperax', 'index.html')];
    for (const file of pages) {
      const html = readFileSync(file, 'utf8');
      const scripts = [...html.matchAll(/<script\b([^>]*)>/g)].map((m) => m[1]!);
      for (const attrs of scripts) expect(attrs.includes('src=') || attrs.includes('application/ld+json'), `${file}: ${attrs}`).toBe(true);
      expect(html).toContain('Content-Security-Policy');
      // Follow static imports between our own modules; Pagefind's files are not counted.
      const seen = new Set<string>();
      const queue = scripts.map((a) => /src="([^"]+)"/.exec(a)?.[1]).filter((x): x is string => !!x && !x.startsWith('/pagefind'));
      let bytes = 0;
      while (queue.length) {
        const src = queue.pop()!;
        if (seen.has(src)) continue;
        seen.add(src);
        const code = readFileSync(join(site.dist, src), 'utf8');
        bytes += Buffer.byteLength(code);
        for (const m of code.matchAll(/(?:from|import)\s*["'](\.\/[^"']+)["']/g)) queue.push(join(src, '..', m[1]!));
      }
      expect(bytes, `${file}: ${[...seen].join(', ')}`).toBeLessThan(10 * 1024);
    }
  });
});

describe('server, category and severity pages', () => {
  it('has a server page for every server with one table row per tool and policy downloads', () => {
    for (const s of servers) {
      const html = readFileSync(join(site.dist, 'servers', s.slug, 'index.html'), 'utf8');
      const body = html.split('<tbody>')[1]?.split('</tbody>')[0] ?? '';
      expect((body.match(/<tr /g) ?? []).length, s.slug).toBe(s.toolCount);
      expect(html).toContain('<svg');
      expect(html).toMatch(/tokens of tool definitions/);
      const policy = JSON.parse(readFileSync(join(site.dist, 'api', 'servers', s.slug, 'policy.json'), 'utf8'));
      expect(policyJsonSchema.safeParse(policy).success, s.slug).toBe(true);
      expect(Object.keys(policy.tools).length + (policy.hide?.length ?? 0)).toBe(s.toolCount);
      expect(existsSync(join(site.dist, 'api', 'servers', s.slug, 'intercept.yaml'))).toBe(true);
    }
  });

  it('lists every tool on its category pages and on its severity pages', () => {
    const listed = (dir: string) => {
      const urls = new Set<string>();
      for (const sub of readdirSync(join(site.dist, dir))) {
        const base = join(site.dist, dir, sub);
        if (!statSync(base).isDirectory()) continue;
        const files = [join(base, 'index.html'), ...readdirSync(base).filter((f) => /^\d+$/.test(f)).map((f) => join(base, f, 'index.html'))];
        for (const f of files) for (const h of hrefs(readFileSync(f, 'utf8'))) if (h.startsWith('/tools/')) urls.add(h);
      }
      return urls;
    };
    const byCategory = listed('categories');
    const bySeverity = listed('severity');
    for (const t of tools) {
      expect(byCategory.has(t.url), t.id).toBe(true);
      expect(bySeverity.has(t.url), t.id).toBe(true);
    }
  });
});

describe('published files', () => {
  it('publishes api/tools.json with server, name, url, category, severity and policy for every tool', () => {
    const api = JSON.parse(readFileSync(join(site.dist, 'api', 'tools.json'), 'utf8')) as Record<string, unknown>[];
    expect(api.length).toBe(tools.length);
    for (const entry of api) {
      for (const key of ['server', 'name', 'url', 'category', 'severity', 'policy']) expect(entry[key], key).toBeDefined();
      expect(existsSync(join(site.dist, String(entry.url), 'index.html'))).toBe(true);
    }
    const servers2 = JSON.parse(readFileSync(join(site.dist, 'api', 'servers.json'), 'utf8')) as unknown[];
    expect(servers2.length).toBe(servers.length);
  });

  it('publishes per-tool JSON, llms.txt, a sitemap with every page, robots.txt and security headers', () => {
    const t = tools.find((x) => x.name === 'binance_futures_close_position')!;
    const one = JSON.parse(readFileSync(join(site.dist, 'api', 'tools', t.serverSlug, `${t.slug}.json`), 'utf8'));
    expect(one.category).toBe('Financial');
    expect(one.definition.name).toBe('binance_futures_close_position');
    expect(readFileSync(join(site.dist, 'llms.txt'), 'utf8')).toMatch(new RegExp(`^# toolrisk\\n\\n> A risk catalogue of ${tools.length} tools`));
    const sitemap = readFileSync(join(site.dist, 'sitemap.xml'), 'utf8');
    expect((sitemap.match(/<url>/g) ?? []).length).toBeGreaterThan(tools.length + servers.length);
    expect(readFileSync(join(site.dist, '_headers'), 'utf8')).toContain("script-src 'self'");
  });

  it('gives every page a canonical URL, Open Graph tags and a meta description', () => {
    const t = tools.find((x) => x.name === 'binance_spot_place_order')!;
    const html = readFileSync(pageOf(t), 'utf8');
    expect(html).toContain(`<link rel="canonical" href="https://toolrisk.dev${t.url}">`);
    expect(html).toMatch(/<meta property="og:title" content="[^"]+">/);
    expect(html).toMatch(/<meta name="description" content="binance_spot_place_order \(Binance\): Financial, critical risk\./);
  });
});
