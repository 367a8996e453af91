/**
 * npm run screenshot -- <url> <out.png> [width] [--full]
 * Takes a screenshot of a page in headless Chromium, to look at pages the
 * way a person would before calling them done.
 */
import { launchChromium } from '../tests/e2e/browser.ts';

const args = process.argv.slice(2).filter((a) => a !== '--full');
const [url, out, width = '1280'] = args;
if (!url || !out) {
  console.error('usage: npm run screenshot -- <url> <out.png> [width] [--full]');
  process.exit(2);
}
const browser = await launchChromium();
const page = await browser.newPage({ viewport: { width: Number(width), height: 900 } });
const problems: string[] = [];
page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
page.on('pageerror', (e) => problems.push(e.message));
// Until the network is quiet, so search pages have drawn their results.
await page.goto(url, { waitUntil: 'networkidle' });
await page.screenshot({ path: out, fullPage: process.argv.includes('--full') });
await browser.close();
console.log(problems.length ? `console errors:\n${problems.join('\n')}` : 'no console errors');
