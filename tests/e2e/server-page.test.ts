/**
 * The server page in Chromium: the tool table filters and sorts by keyboard
 * without a framework, and the risk chart and downloads are there.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { DEFAULT_DATA_DIR } from '../../src/lib/config.ts';
import { startStaticServer, type StaticServer } from '../../src/lib/site/static-server.ts';
import { buildSite } from '../site/build-site.ts';
import { launchChromium } from './browser.ts';

let server: StaticServer;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  const site = buildSite('shared', DEFAULT_DATA_DIR);
  server = await startStaticServer(site.dist);
  browser = await launchChromium();
  page = await browser.newPage();
  await page.goto(server.url + '/servers/binance/');
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const visibleRows = () => page.locator('#tool-table tbody tr:not([hidden])').count();

describe('server page', () => {
  it('lists all 35 Binance tools and filters them by category and text', async () => {
    expect(await visibleRows()).toBe(35);
    await page.selectOption('select[name="category"]', 'Destructive');
    expect(await visibleRows()).toBe(4);
    await expect.poll(() => page.textContent('[role="status"]')).toBe('4 tools shown');
    await page.fill('form[data-filter-table] input[name="q"]', 'spot');
    expect(await visibleRows()).toBe(2);
    await page.fill('form[data-filter-table] input[name="q"]', '');
    await page.selectOption('select[name="category"]', '');
    expect(await visibleRows()).toBe(35);
  });

  it('sorts by severity from the keyboard', async () => {
    const header = page.locator('#tool-table thead th button', { hasText: 'Severity' });
    await header.focus();
    await page.keyboard.press('Enter');
    await page.keyboard.press('Enter');
    expect(await page.getAttribute('#tool-table thead th:nth-child(3)', 'aria-sort')).toBe('descending');
    const first = await page.locator('#tool-table tbody tr').first().getAttribute('data-severity');
    expect(first).toBe('critical');
  });

  it('shows the risk mix chart and links both policy downloads', async () => {
    expect(await page.locator('#risk-mix svg[role="img"]').count()).toBe(1);
    for (const href of ['/api/servers/binance/policy.json', '/api/servers/binance/intercept.yaml']) {
      const res = await fetch(server.url + href);
      expect(res.status).toBe(200);
      expect(await page.locator(`a[href="${href}"]`).count()).toBe(1);
    }
  });
});
