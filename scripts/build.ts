/**
 * npm run build [-- --data <dir>] [--out <catalogue dir>] [--dist <dir>] [--previous <dir>]
 *
 * The whole site: ingest, then `astro build`, the search bundles and the
 * published files (API, sitemap, llms.txt, redirects) side by side (the
 * last two come from the catalogue JSON, not from the pages, so they need
 * not wait; they go to a staging folder, since astro empties dist/ when it
 * starts), then postbuild moves them in. Prints the time of each step.
 */
import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { loadConfig, parseArgsOrExit, REPO_ROOT } from '../src/lib/config.ts';

const { values } = parseArgsOrExit({
  name: 'build',
  usage: `Usage: npm run build -- [--data DIR] [--out DIR] [--dist DIR] [--previous DIR] [--silent]

Options:
  --data DIR       input data folder (env CATALOGUE_DATA; default ../shared/data)
  --out DIR        catalogue folder (env CATALOGUE_OUT; default generated/catalogue)
  --dist DIR       site folder (env DIST_DIR; default dist)
  --previous DIR   an older data folder: tool pages say what changed since (env CATALOGUE_PREVIOUS)
  --silent         pass --silent to astro build
  -h, --help       show this help`,
  options: { data: { type: 'string' }, out: { type: 'string' }, dist: { type: 'string' }, previous: { type: 'string' }, silent: { type: 'boolean' } },
});
// --previous is passed on as given; ingest reads CATALOGUE_PREVIOUS itself when it is not.
const { dataDir, catalogueDir: catalogue, distDir: dist } = loadConfig(values);
const previous = values.previous;
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
    // V8 lets the heap grow less before it collects: at 100,000 tools astro's
    // peak went from 2.09 to 1.83 GB in the same 211 s (measured alone).
    run('astro build', ['--heap-growing-percent=50', 'node_modules/astro/bin/astro.mjs', 'build', '--outDir', dist, ...(values.silent ? ['--silent'] : [])]),
    // One lane beside astro, not two: astro renders on one core, and a
    // third process writing 30,000 files at the same time slowed astro by
    // more than it saved (measured: 61-66 s against 59-63 s in all).
    // Smaller young generation, earlier collections: the lane holds what
    // parsing the catalogue left while Pagefind writes its bundles (the
    // build's peak); at 100,000 tools that fell from about 390 to 280 MB in
    // the same time (measured alone).
    run('search bundles', ['--max-semi-space-size=8', '--heap-growing-percent=50', 'scripts/build-search.ts', '--data', dataDir, '--dist', staging]).then(() =>
      run('published files', ['scripts/publish-api.ts', '--dist', join(staging, 'site')]),
    ),
  ]);
  await run('postbuild', ['scripts/postbuild.ts', '--data', dataDir, '--dist', dist, '--staged', staging]);
} catch (err) {
  console.error((err as Error).message);
  process.exitCode = 1;
} finally {
  rmSync(staging, { recursive: true, force: true });
}
if (!process.exitCode) console.log(`build: site built in ${((performance.now() - started) / 1000).toFixed(1)} s -> ${dist}`);
