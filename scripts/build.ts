/**
 * npm run build [-- --data <dir>] [--out <catalogue dir>] [--dist <dir>] [--previous <dir>]
 *
 * The whole site: ingest, then `astro build` and the search bundles side by
 * side (the search records come from the catalogue JSON, not from the pages,
 * so they need not wait), then the API files. Prints the time of each step.
 */
import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { DEFAULT_OUT_DIR, flagValue, REPO_ROOT, resolveDataDir } from '../src/lib/ingest/data-dir.ts';

const argv = process.argv.slice(2);
const dataDir = resolveDataDir(argv);
const catalogue = resolve(flagValue(argv, '--out') ?? process.env.CATALOGUE_OUT ?? DEFAULT_OUT_DIR);
const dist = resolve(flagValue(argv, '--dist') ?? process.env.DIST_DIR ?? join(REPO_ROOT, 'dist'));
const previous = flagValue(argv, '--previous');
const staging = join(catalogue, '..', `search-staging-${process.pid}`);
const env = { ...process.env, CATALOGUE_OUT: catalogue, DIST_DIR: dist, CATALOGUE_DATA: dataDir };

function run(label: string, args: string[]): Promise<number> {
  const started = performance.now();
  return new Promise((ok, fail) => {
    const child = spawn(process.execPath, args, { cwd: REPO_ROOT, env, stdio: 'inherit' });
    child.on('error', fail);
    child.on('exit', (code) => {
      const ms = Math.round(performance.now() - started);
      if (code === 0) {
        console.log(`build: ${label} done in ${(ms / 1000).toFixed(1)} s`);
        ok(ms);
      } else fail(new Error(`build: ${label} failed with exit code ${code}`));
    });
  });
}

const started = performance.now();
try {
  await run('ingest', ['scripts/ingest.ts', '--data', dataDir, '--out', catalogue, ...(previous ? ['--previous', previous] : [])]);
  await Promise.all([
    run('astro build', ['node_modules/astro/bin/astro.mjs', 'build', '--outDir', dist, ...(argv.includes('--silent') ? ['--silent'] : [])]),
    run('search bundles', ['scripts/build-search.ts', '--data', dataDir, '--dist', staging]),
  ]);
  await run('postbuild', ['scripts/postbuild.ts', '--data', dataDir, '--dist', dist, '--search-from', staging]);
} catch (err) {
  console.error((err as Error).message);
  process.exitCode = 1;
} finally {
  rmSync(staging, { recursive: true, force: true });
}
if (!process.exitCode) console.log(`build: site built in ${((performance.now() - started) / 1000).toFixed(1)} s -> ${dist}`);
