/**
 * The whole site built from the hostile fixture set (every case, the large
 * generated ones included): no script from a manifest ever runs, every valid
 * tool gets its page, every invalid one is in the build report, and
 * tools in = pages out + reported.
 */
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext } from 'playwright-core';
import { readCatalogueTools } from '../../src/lib/site/read-catalogue.ts';
import { startStaticServer, type StaticServer } from '../../src/lib/site/static-server.ts';
import type { BuildReport, CatalogueTool } from '../../src/schemas/catalogue.ts';
import { generateHostileData, PWNED_GLOBAL, type HostileExpectation } from '../hostile/generate.ts';
import { buildSite, type BuiltSite } from '../site/build-site.ts';
import { launchChromium } from './browser.ts';

let expected: HostileExpectation;
let site: BuiltSite;
let tools: CatalogueTool[];
let report: BuildReport;
let server: StaticServer;
let browser: Browser;
let context: BrowserContext;
const problems: string[] = [];

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'toolrisk-hostile-'));
  ({ expected } = generateHostileData(dir, { large: true, knownBugs: true }));
  site = buildSite('hostile', dir);
  tools = readCatalogueTools(site.catalogue);
  report = JSON.parse(readFileSync(join(site.dist, 'build-report.json'), 'utf8')) as BuildReport;
  server = await startStaticServer(site.dist);
  browser = await launchChromium();
  context = await browser.newContext();
  context.on('page', (page) => {
    page.on('dialog', (d) => {
      problems.push(`dialog on ${page.url()}: ${d.message()}`);
      void d.dismiss();
    });
    page.on('pageerror', (e) => problems.push(`${page.url()}: ${e.message}`));
  });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const pageFile = (t: CatalogueTool) => join(site.dist, 'tools', t.serverSlug, t.slug, 'index.html');

describe('hostile manifests through the whole build', () => {
  it('balances: tools in = pages out + reported, and matches the expected totals', () => {
    expect(report.counts.toolsRead).toBe(expected.totals.toolsRead);
    expect(report.counts.toolsWritten).toBe(expected.totals.toolsWritten);
    expect(report.counts.toolsReported).toBe(expected.totals.toolsReported);
    const pages = tools.filter((t) => existsSync(pageFile(t))).length;
    expect(pages).toBe(tools.length);
    expect(report.counts.toolsRead).toBe(pages + report.counts.toolsReported);
  });

  it('names file, tool and reason for every reported tool', () => {
    for (const c of expected.cases) {
      for (const t of c.tools.filter((x) => x.outcome === 'reported')) {
        const issue = report.issues.find((i) => i.level === 'error' && i.file.startsWith(c.file.split(':')[0]!) && i.tool === t.reportTool);
        expect(issue, `${c.id}: ${t.reportTool}`).toBeDefined();
        for (const word of t.reason ?? []) expect(issue!.problem.toLowerCase(), `${c.id}: ${t.reportTool}`).toContain(word.toLowerCase());
      }
    }
  });

  it('runs no script from any manifest on any page of the small cases, and parses every JSON-LD block', async () => {
    const small = tools.filter((t) => !expected.cases.some((c) => c.id === 'huge-server' && c.server.name === t.server));
    const huge = tools.filter((t) => !small.includes(t)).slice(0, 10);
    const page = await context.newPage();
    for (const t of [...small, ...huge]) {
      await page.goto(server.url + t.url);
      const pwned = await page.evaluate((g) => (window as unknown as Record<string, unknown>)[g], PWNED_GLOBAL);
      expect(pwned, t.id).toBeUndefined();
      const ld = await page.evaluate(() => {
        const el = document.querySelector('script[type="application/ld+json"]');
        return el ? JSON.parse(el.textContent ?? '') : null;
      });
      expect(ld?.['@type'], t.id).toBe('FAQPage');
      expect(await page.locator('h1').count(), t.id).toBe(1);
    }
    await page.close();
    expect(problems).toEqual([]);
  }, 600_000);

  it('shows script-like descriptions as text', async () => {
    const t = tools.find((x) => x.description.includes('<script>'))!;
    const page = await context.newPage();
    await page.goto(server.url + t.url);
    expect(await page.textContent('.untrusted')).toContain('<script>');
    expect(await page.locator('.untrusted script, .untrusted img, .untrusted a').count()).toBe(0);
    await page.close();
  });

  it('shows tool-poisoning warnings with the exact evidence and links to attack patterns', async () => {
    const poisoned = expected.cases.flatMap((c) => c.tools.filter((t) => t.findings?.length).map((t) => ({ c, t })));
    expect(poisoned.length).toBeGreaterThan(5);
    const page = await context.newPage();
    for (const { c, t } of poisoned) {
      const tool = tools.find((x) => x.name === t.name && (c.server.name ? x.server === c.server.name : true))!;
      expect(tool, `${c.id}/${t.name}`).toBeDefined();
      await page.goto(server.url + tool.url);
      const warning = await page.textContent('#poisoning');
      expect(warning, tool.id).not.toBeNull();
      for (const f of t.findings!) {
        const label = tool.poisoning.find((p) => p.id === f.id)!.label;
        expect(warning, `${tool.id}: ${f.id}`).toContain(label);
      }
      const links = await page.locator('#poisoning a[href^="#attack-"]').count();
      expect(links, tool.id).toBeGreaterThan(0);
    }
    await page.close();
  }, 300_000);

  it('sends a strict Content-Security-Policy that only allows the site’s own scripts', async () => {
    const t = tools[0]!;
    const res = await fetch(server.url + t.url);
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
    const html = await res.text();
    expect(html).toMatch(/<meta http-equiv="Content-Security-Policy" content="[^"]*script-src 'self' 'wasm-unsafe-eval'/);
    expect(html).not.toMatch(/unsafe-inline/);
  });
});
