/**
 * What a person sees on a tool page, in Debian's Chromium: the copy button
 * puts the exact policy on the clipboard, the policy tabs work by keyboard,
 * a description containing markup renders as text, the page has no script
 * errors and works without JavaScript.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { DEFAULT_DATA_DIR } from '../../src/lib/config.ts';
import { readCatalogueTools } from '../../src/lib/site/read-catalogue.ts';
import { startStaticServer, type StaticServer } from '../../src/lib/site/static-server.ts';
import type { CatalogueTool } from '../../src/schemas/catalogue.ts';
import { buildSite } from '../site/build-site.ts';
import { launchChromium } from './browser.ts';

let server: StaticServer;
let browser: Browser;
let context: BrowserContext;
let tools: CatalogueTool[];
const errors: string[] = [];

beforeAll(async () => {
  const site = buildSite('shared', DEFAULT_DATA_DIR);
  tools = readCatalogueTools(site.catalogue);
  server = await startStaticServer(site.dist);
  browser = await launchChromium();
  context = await browser.newContext();
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const tool = (name: string) => {
  const t = tools.find((x) => x.name === name);
  if (!t) throw new Error(`no tool ${name}`);
  return t;
};

async function open(t: CatalogueTool): Promise<Page> {
  const page = await context.newPage();
  page.on('pageerror', (e) => errors.push(`${t.url}: ${e.message}`));
  page.on('console', (m) => m.type() === 'error' && errors.push(`${t.url}: ${m.text()}`));
  await page.goto(server.url + t.url);
  return page;
}

describe('tool page in Chromium', () => {
  it('copies the exact recommended policy to the clipboard', async () => {
    const t = tool('binance_futures_close_position');
    const page = await open(t);
    await page.click('button[data-copy-target="policy-json"]');
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toBe(JSON.stringify(t.policy, null, 2));
    expect(JSON.parse(copied)).toEqual(t.policy);
    await expect.poll(() => page.textContent('button[data-copy-target="policy-json"]')).toBe('Copied');
    await page.close();
  });

  it('switches policy variants with the arrow, Home and End keys', async () => {
    const t = tool('binance_spot_place_order');
    const page = await open(t);
    const tabs = page.locator('[role="tab"]');
    const count = await tabs.count();
    expect(count).toBeGreaterThanOrEqual(3);
    await tabs.first().focus();
    await page.keyboard.press('ArrowRight');
    const second = tabs.nth(1);
    await expect.poll(() => second.getAttribute('aria-selected')).toBe('true');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('tab');
    const panelId = await second.getAttribute('aria-controls');
    expect(await page.isVisible(`#${panelId}`)).toBe(true);
    expect(await page.isVisible('#panel-recommended')).toBe(false);
    await page.keyboard.press('End');
    expect(await tabs.nth(count - 1).getAttribute('aria-selected')).toBe('true');
    await page.keyboard.press('Home');
    expect(await tabs.first().getAttribute('aria-selected')).toBe('true');
    // Only the selected tab is in the tab order.
    expect(await page.locator('[role="tab"][tabindex="0"]').count()).toBe(1);
    await page.close();
  });

  it('renders markup in a description as text', async () => {
    const t = tools.find((x) => x.description.includes('<h1>'))!;
    expect(t).toBeDefined();
    const page = await open(t);
    expect(await page.locator('.untrusted h1').count()).toBe(0);
    expect(await page.locator('h1').count()).toBe(1);
    expect(await page.textContent('.untrusted')).toContain('<h1>');
    await page.close();
  });

  it('shows the Chinese Binance description with its line breaks', async () => {
    const t = tool('binance_spot_cancel_order');
    const page = await open(t);
    const text = (await page.textContent('.untrusted'))!;
    expect(text).toContain('取消');
    expect(text.split('\n').length).toBeGreaterThan(5);
    const ws = await page.$eval('.untrusted', (el) => getComputedStyle(el).whiteSpace);
    expect(ws).toBe('pre-wrap');
    await page.close();
  });

  it('works without JavaScript: every policy variant and the FAQ are readable', async () => {
    const noJs = await browser.newContext({ javaScriptEnabled: false });
    const page = await noJs.newPage();
    const t = tool('binance_spot_place_order');
    await page.goto(server.url + t.url);
    expect(await page.isVisible('#panel-recommended')).toBe(true);
    expect(await page.isVisible(`#panel-${t.alternatives[0]!.id}`)).toBe(true);
    await page.click('details.faq >> nth=0 >> summary');
    expect(await page.isVisible('details.faq >> nth=0 >> p')).toBe(true);
    await noJs.close();
  });

  it('logged no script errors and no CSP violations on the pages it opened', () => {
    expect(errors).toEqual([]);
  });
});
