/**
 * A small static file server for the built site: directory indexes, content
 * types and the site's security headers. Used by `npm run serve`, the
 * end-to-end tests and the search benchmark.
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { createGzip } from 'node:zlib';
import { contentTypeFor, securityHeaders } from './http.ts';

export interface StaticServer {
  url: string;
  server: Server;
  close(): Promise<void>;
}

const COMPRESSIBLE = new Set(['.html', '.css', '.js', '.mjs', '.json', '.txt', '.xml', '.yaml', '.svg']);

export function createStaticServer(dir: string): Server {
  const root = resolve(dir);
  return createServer((req, res) => {
    let path: string;
    try {
      path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    } catch {
      res.writeHead(400).end('bad request');
      return;
    }
    let file = normalize(join(root, path));
    if (file !== root && !file.startsWith(root + sep)) {
      res.writeHead(403).end('forbidden');
      return;
    }
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!existsSync(file)) {
      const notFound = join(root, '404.html');
      res.writeHead(404, { 'content-type': 'text/html; charset=utf-8', ...securityHeaders });
      if (existsSync(notFound)) createReadStream(notFound).pipe(res);
      else res.end('not found');
      return;
    }
    const ext = extname(file);
    // Compress text as any static host would; Pagefind's own files are
    // already compressed and go out as they are.
    if (COMPRESSIBLE.has(ext) && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''))) {
      res.writeHead(200, { 'content-type': contentTypeFor(ext), 'content-encoding': 'gzip', vary: 'accept-encoding', ...securityHeaders });
      createReadStream(file).pipe(createGzip()).pipe(res);
      return;
    }
    res.writeHead(200, { 'content-type': contentTypeFor(ext), 'content-length': statSync(file).size, ...securityHeaders });
    createReadStream(file).pipe(res);
  });
}

export function startStaticServer(dir: string, port = 0, host = '127.0.0.1'): Promise<StaticServer> {
  const server = createStaticServer(dir);
  return new Promise((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      const { port: actual } = server.address() as AddressInfo;
      resolvePromise({
        url: `http://${host}:${actual}`,
        server,
        close: () => new Promise<void>((r) => server.close(() => r())),
      });
    });
  });
}
