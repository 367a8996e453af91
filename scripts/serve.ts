/**
 * npm run serve [-- --port 4321] [--dir dist] [--host 127.0.0.1]
 * Serves the built catalogue with directory indexes and security headers.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { DEFAULT_DIST_DIR, parseArgsOrExit } from '../src/lib/config.ts';
import { startStaticServer } from '../src/lib/site/static-server.ts';

const { values } = parseArgsOrExit({
  name: 'serve',
  usage: `Usage: npm run serve -- [--port N] [--dir DIR] [--host HOST]

Options:
  --port N      port (env PORT; default 4321)
  --dir DIR     folder to serve (default dist)
  --host HOST   address to listen on (default 127.0.0.1)
  -h, --help    show this help`,
  options: { port: { type: 'string' }, dir: { type: 'string' }, host: { type: 'string' } },
});
const root = resolve(values.dir ?? DEFAULT_DIST_DIR);
const port = Number(values.port ?? process.env.PORT ?? 4321);
const host = values.host ?? '127.0.0.1';

if (!existsSync(root)) {
  console.error(`serve: ${root} does not exist; run npm run build first`);
  process.exit(1);
}
const { url } = await startStaticServer(root, port, host);
console.log(`toolrisk catalogue at ${url}/`);
