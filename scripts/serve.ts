/**
 * npm run serve [-- --port 4321] [--dir dist]
 * Serves the built catalogue with correct content types, directory indexes
 * and the site's security headers. No dependencies: node:http only.
 */
import { createServer } from 'node:http';
import { createReadStream, existsSync, statSync } from 'node:fs';
import { extname, join, normalize, resolve } from 'node:path';
import { flagValue } from '../src/lib/ingest/data-dir.ts';
import { REPO_ROOT } from '../src/lib/ingest/data-dir.ts';
import { contentTypeFor, securityHeaders } from '../src/lib/site/http.ts';

const argv = process.argv.slice(2);
const root = resolve(flagValue(argv, '--dir') ?? join(REPO_ROOT, 'dist'));
const port = Number(flagValue(argv, '--port') ?? process.env.PORT ?? 4321);
const host = flagValue(argv, '--host') ?? '127.0.0.1';

if (!existsSync(root)) {
  console.error(`serve: ${root} does not exist; run npm run build first`);
  process.exit(1);
}

const server = createServer((req, res) => {
  let path: string;
  try {
    path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
  } catch {
    res.writeHead(400).end('bad request');
    return;
  }
  let file = normalize(join(root, path));
  if (!file.startsWith(root)) {
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
  res.writeHead(200, { 'content-type': contentTypeFor(extname(file)), ...securityHeaders });
  createReadStream(file).pipe(res);
});
server.listen(port, host, () => console.log(`toolrisk catalogue at http://${host}:${port}/`));
