/**
 * npm run serve [-- --port 4321] [--dir dist] [--host 127.0.0.1]
 * Serves the built catalogue with directory indexes and security headers.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { flagValue, REPO_ROOT } from '../src/lib/ingest/data-dir.ts';
import { startStaticServer } from '../src/lib/site/static-server.ts';

const argv = process.argv.slice(2);
const root = resolve(flagValue(argv, '--dir') ?? join(REPO_ROOT, 'dist'));
const port = Number(flagValue(argv, '--port') ?? process.env.PORT ?? 4321);
const host = flagValue(argv, '--host') ?? '127.0.0.1';

if (!existsSync(root)) {
  console.error(`serve: ${root} does not exist; run npm run build first`);
  process.exit(1);
}
const { url } = await startStaticServer(root, port, host);
console.log(`toolrisk catalogue at ${url}/`);
