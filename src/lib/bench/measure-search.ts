/**
 * Measures the search pages in a real browser for scripts/bench-search.ts:
 * how long from a query to the first result on screen, and how many bytes
 * the server sent for it. Bytes are counted on the server's sockets, so the
 * Pagefind web worker's fetches (which the page's own resource timing never
 * sees) are included, headers too. Every query runs in a fresh browser
 * context, so nothing is cached: each figure is a first query.
 */
import type { Browser } from 'playwright-core';
import type { AddressInfo, Socket } from 'node:net';
import { createStaticServer } from '../site/static-server.ts';

export interface CountingServer {
  url: string;
  dir: string;
  /** Bytes written to every connection so far. */
  bytes(): number;
  /** Response body bytes by path since the last reset (for breakdowns). */
  paths: Map<string, number>;
  close(): Promise<void>;
}

export async function startCountingServer(dir: string): Promise<CountingServer> {
  const server = createStaticServer(dir);
  const sockets = new Set<Socket>();
  let closedBytes = 0;
  const paths = new Map<string, number>();
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => {
      closedBytes += socket.bytesWritten;
      sockets.delete(socket);
    });
  });
  // Before the file handler, so every body write is counted.
  server.prependListener('request', (req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    let body = 0;
    const write = res.write.bind(res) as (...a: unknown[]) => boolean;
    res.write = ((chunk: unknown, ...rest: unknown[]) => {
      if (chunk && typeof (chunk as { length?: number }).length === 'number') body += (chunk as { length: number }).length;
      return write(chunk, ...rest);
    }) as typeof res.write;
    res.on('finish', () => paths.set(path, (paths.get(path) ?? 0) + body));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    dir,
    bytes: () => closedBytes + [...sockets].reduce((n, s) => n + s.bytesWritten, 0),
    paths,
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}

export interface QueryFigure {
  query: string;
  /** Typing the query on a loaded search page until the first result is in the DOM. */
  ms: number;
  /** The same until ten results are (or every result, when fewer match). */
  tenMs: number;
  /** Everything the server sent for the search: page load (scripts, Pagefind init) plus the query. */
  kb: number;
  /** Of which the search itself: search scripts, facets and Pagefind files. */
  searchKb: number;
  /**
   * Response bodies only, as sent: the server gzips text (HTML, CSS, JS,
   * JSON) as a static host does, and Pagefind's own files are gzipped already.
   */
  gzipKb: number;
  gzipSearchKb: number;
  /** Body bytes of the typed query's responses by kind (see fileKind), in KB, and how many responses. */
  files: Record<string, { kb: number; count: number }>;
  /** Opening /search/?q=… (what the header form does) until the first result is shown. */
  fromUrlMs: number;
  results: number;
}

const kb = (bytes: number) => Math.round((bytes / 1024) * 10) / 10;

/**
 * @param pagePath "/search/" or "/index-search/"
 * @param inputSelector the page's query box
 */
export async function measureQuery(browser: Browser, server: CountingServer, pagePath: string, inputSelector: string, query: string): Promise<QueryFigure> {
  // 1. Type into a loaded page: page load and Pagefind's start-up are over, as for a reader who types.
  let context = await browser.newContext();
  let page = await context.newPage();
  const before = server.bytes();
  server.paths.clear();
  await page.goto(server.url + pagePath, { waitUntil: 'networkidle' });
  const [ms, tenMs] = await page.evaluate(
    ({ selector, q }) => new Promise<[number, number]>((resolve, reject) => {
      const input = document.querySelector<HTMLInputElement>(selector)!;
      const list = document.querySelector('.results')!;
      const status = document.querySelector('.search-status');
      const t0 = performance.now();
      let first: number | undefined;
      const done = () => {
        const text = status?.textContent ?? '';
        const none = /^No /.test(text);
        if (first === undefined && (list.children.length > 0 || none)) first = performance.now() - t0;
        // "N tools match …": ten results on screen, or all of them when fewer.
        const total = Number(/^([\d,]+) /.exec(text)?.[1]?.replace(/,/g, '') ?? NaN);
        if (none || list.children.length >= Math.min(10, total)) {
          observer.disconnect();
          resolve([first!, performance.now() - t0]);
        }
      };
      const observer = new MutationObserver(done);
      observer.observe(list, { childList: true });
      if (status) observer.observe(status, { childList: true, characterData: true, subtree: true });
      setTimeout(() => reject(new Error(`no results for ${q} after 20 s`)), 20_000);
      input.value = q;
      input.dispatchEvent(new Event('input', { bubbles: true }));
    }),
    { selector: inputSelector, q: query },
  );
  await page.waitForLoadState('networkidle');
  const results = await page.locator('.results > li').count();
  let gzipBytes = 0, gzipSearchBytes = 0;
  const files: Record<string, { kb: number; count: number }> = {};
  for (const [path, n] of server.paths) {
    // Bodies as sent: text already gzipped by the server, Pagefind's files as they are.
    gzipBytes += n;
    if (/^\/(pagefind-[a-z]+|js\/search-)/.test(path)) gzipSearchBytes += n;
    const kind = fileKind(path);
    files[kind] ??= { kb: 0, count: 0 };
    files[kind].kb += n / 1024;
    files[kind].count++;
  }
  for (const f of Object.values(files)) f.kb = Math.round(f.kb * 10) / 10;
  const bytes = server.bytes() - before;
  await context.close();

  // 2. Arrive with the query in the URL, as the header search box sends it.
  context = await browser.newContext();
  page = await context.newPage();
  const started = Date.now();
  await page.goto(`${server.url}${pagePath}?q=${encodeURIComponent(query)}`, { waitUntil: 'commit' });
  await page.waitForFunction(() => document.querySelector('.results')?.children.length || /^No /.test(document.querySelector('.search-status')?.textContent ?? ''), undefined, { timeout: 20_000, polling: 'raf' });
  const fromUrlMs = Date.now() - started;
  await context.close();
  return { query, ms: Math.round(ms * 10) / 10, tenMs: Math.round(tenMs * 10) / 10, kb: kb(bytes), searchKb: kb(gzipSearchBytes), gzipKb: kb(gzipBytes), gzipSearchKb: kb(gzipSearchBytes), files, fromUrlMs, results };
}

/** What a response is, for the breakdown: a Pagefind file by its role, else the path. */
export function fileKind(path: string): string {
  const m = /^\/pagefind-[a-z]+\/(?:(index|fragment|filter)\/|(pagefind\.[^/]*\.pf_meta|wasm\.[a-z-]+\.pagefind|pagefind\.js|pagefind-entry\.json))/.exec(path);
  if (!m) return path;
  if (m[1]) return m[1];
  return m[2]!.endsWith('.pf_meta') ? 'pf_meta' : m[2]!;
}


export function median(values: readonly number[]): number {
  const s = [...values].sort((a, b) => a - b);
  if (!s.length) return NaN;
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}
