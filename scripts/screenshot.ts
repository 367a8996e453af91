/**
 * npm run screenshot -- <url> <out.png> [width] [--full]
 * Takes a screenshot of a page in headless Chromium, to look at pages the
 * way a person would before calling them done.
 */
import { EXIT_USAGE, parseArgsOrExit } from '../src/lib/config.ts';
import { launchChromium } from '../tests/e2e/browser.ts';

const USAGE = 'Usage: npm run screenshot -- <url> <out.png> [width] [--full]';
const { values, positionals } = parseArgsOrExit({ name: 'screenshot', usage: USAGE, options: { full: { type: 'boolean' } }, allowPositionals: true });
const [url, out, width = '1280'] = positionals;
if (!url || !out || positionals.length > 3) {
  console.error(`screenshot: give a URL and an output file\n${USAGE}`);
  process.exit(EXIT_USAGE);
}
const browser = await launchChromium();
const page = await browser.newPage({ viewport: { width: Number(width), height: 900 } });
const problems: string[] = [];
page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
page.on('pageerror', (e) => problems.push(e.message));
// Until the network is quiet, so search pages have drawn their results.
await page.goto(url, { waitUntil: 'networkidle' });
await page.screenshot({ path: out, fullPage: values.full ?? false });
await browser.close();
console.log(problems.length ? `console errors:\n${problems.join('\n')}` : 'no console errors');
