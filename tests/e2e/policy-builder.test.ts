/**
 * The policy builder in Chromium on the built site: pick two servers (one
 * by keyboard), change one tool's action and one category in bulk, copy the
 * policy.json, and check that the clipboard holds a valid policy with
 * exactly those choices; the page's URL reproduces the same policy.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { DEFAULT_DATA_DIR } from '../../src/lib/config.ts';
import { startStaticServer, type StaticServer } from '../../src/lib/site/static-server.ts';
import type { BuilderServer, BuilderServerEntry } from '../../src/lib/site/builder-data.ts';
import { policyJsonSchema, type PolicyJson } from '../../src/schemas/policy.ts';
import { interceptPolicySchema } from '../../src/schemas/policy.ts';
import { parse as parseYaml } from 'yaml';
import { buildSite } from '../site/build-site.ts';
import { launchChromium } from './browser.ts';

let server: StaticServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let dist: string;
const serverData = (slug: string): BuilderServer => JSON.parse(readFileSync(join(dist, 'api', 'servers', slug, 'tools.json'), 'utf8'));

beforeAll(async () => {
  dist = buildSite('shared', DEFAULT_DATA_DIR).dist;
  server = await startStaticServer(dist);
  browser = await launchChromium();
  context = await browser.newContext();
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
  page = await context.newPage();
  await page.goto(server.url + '/policy-builder/');
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function copiedPolicy(): Promise<PolicyJson> {
  await page.click('button[aria-label="Copy policy.json"]');
  await expect.poll(() => page.textContent('#pb-status')).toBe('policy.json copied');
  return JSON.parse(await page.evaluate(() => navigator.clipboard.readText()));
}

describe('policy builder', () => {
  it('ships under 20 KB of its own minified JavaScript', () => {
    const own = readFileSync(join(dist, 'js', 'policy-builder.js'));
    expect(own.length).toBeGreaterThan(1000);
    expect(own.length).toBeLessThan(20 * 1024);
  });

  it('builds a stack policy with exactly the choices made, and a link that reproduces it', async () => {
    const list: BuilderServerEntry[] = JSON.parse(readFileSync(join(dist, 'api', 'policy-builder', 'servers.json'), 'utf8'));
    const first = serverData('binance');
    // A second server with at least two Write tools and a Read tool, from the data.
    const second = list
      .filter((s) => s.slug !== 'binance')
      .map((s) => serverData(s.slug))
      .find((s) => s.tools.filter((t) => t.category === 'Write').length >= 2 && s.tools.some((t) => t.category === 'Read'))!;
    expect(second).toBeDefined();

    // First server by keyboard: type, Tab to the first result, Enter.
    await page.focus('#pb-q');
    await page.keyboard.type('binance');
    const add = page.locator(`#pb-results button[data-slug="${first.slug}"]`);
    await add.waitFor();
    while (!(await add.evaluate((b) => b === document.activeElement))) await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await page.locator(`.pb-server[data-slug="${first.slug}"]`).waitFor();

    await page.fill('#pb-q', second.slug);
    await page.locator(`#pb-results button[data-slug="${second.slug}"]`).click();
    await page.locator(`.pb-server[data-slug="${second.slug}"]`).waitFor();

    // One tool's action: a Binance read that the catalogue allows, now hidden.
    const read = first.tools.find((t) => t.category === 'Read' && t.recommended.kind === 'allow')!;
    await page.selectOption(`.pb-server[data-slug="${first.slug}"] select[aria-label="Action for ${read.name}"]`, 'hide');
    // One category in bulk: every Write tool of the second server needs approval.
    const box = page.locator(`.pb-server[data-slug="${second.slug}"]`);
    await box.locator('.pb-bulk select').first().selectOption('Write');
    await box.locator('.pb-bulk select').nth(1).selectOption('approval');
    await box.locator('.pb-bulk button').click();
    await expect.poll(() => page.textContent('#pb-check')).toMatch(/^Checked:/);

    const policy = await copiedPolicy();
    expect(policyJsonSchema.safeParse(policy).success).toBe(true);
    const writes = second.tools.filter((t) => t.category === 'Write').map((t) => t.name);
    const names = new Set([...first.tools, ...second.tools].map((t) => t.name));
    // Every tool of both servers is either hidden or listed, and nothing else is.
    expect(new Set([...(policy.hide ?? []), ...Object.keys(policy.tools)])).toEqual(names);
    expect(policy.hide).toContain(read.name);
    for (const w of writes) {
      if (first.tools.some((t) => t.name === w)) continue; // a shared name keeps the stricter choice
      expect(policy.tools[w], w).toEqual({ deny_if: [{ conditions: [], on_deny: 'Requires human approval.' }] });
    }
    // Tools nobody touched keep the catalogue's recommendation.
    const untouched = first.tools.find((t) => t.name !== read.name && t.recommended.kind === 'rate' && !second.tools.some((s) => s.name === t.name));
    if (untouched) expect(policy.tools[untouched.name]!.limits![0]!.max).toBe(untouched.recommended.rate!.limit);
    const allowed = first.tools.find((t) => t.name !== read.name && t.recommended.kind === 'allow' && !second.tools.some((s) => s.name === t.name));
    if (allowed) expect(policy.tools[allowed.name]).toEqual({});

    // One Intercept file per server, each valid.
    const yamls = await page.locator('.pb-output pre code').allTextContents();
    expect(yamls).toHaveLength(3);
    for (const y of yamls.slice(1)) expect(interceptPolicySchema.safeParse(parseYaml(y)).success).toBe(true);

    // The URL carries the selection and the changes.
    const url = page.url();
    expect(url).toContain(`server=${first.slug}`);
    await page.goto('about:blank');
    await page.goto(url);
    await page.locator(`.pb-server[data-slug="${second.slug}"]`).waitFor();
    expect(await copiedPolicy()).toEqual(policy);
  });
});
