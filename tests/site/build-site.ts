/**
 * Builds the whole site (ingest → astro build → postbuild) from a data
 * folder into a folder of its own, the same way `npm run build` does, so
 * tests assert on real pages. Each dataset gets its own catalogue, dist and
 * Astro cache, so two builds never share state.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '../../src/lib/config.ts';

export interface BuiltSite {
  dist: string;
  catalogue: string;
  ms: number;
}

function run(args: string[], env: NodeJS.ProcessEnv): void {
  const r = spawnSync(process.execPath, args, { cwd: REPO_ROOT, env: { ...process.env, ...env }, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  if (r.status !== 0) {
    throw new Error(`${args.join(' ')} failed (${r.status}):\n${(r.stderr || '').slice(-4000)}\n${(r.stdout || '').slice(-4000)}`);
  }
}

const sleep = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

/**
 * Test files run in parallel workers; the first one to ask for a site builds
 * it while the others wait on a lock folder, then all of them reuse it. The
 * run id (set by tests/global-setup.ts) tells a build of this run from a stale
 * one left by an earlier run.
 */
function withLock<T>(dir: string, fn: () => T): T {
  const lock = join(dir, '.lock');
  mkdirSync(dir, { recursive: true });
  const deadline = Date.now() + 20 * 60_000;
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${lock}`);
      sleep(500);
    }
  }
  try {
    return fn();
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

/**
 * @param name   folder name under test-results/ ("shared", "hostile")
 * @param dataDir the data folder to build from
 * Set TOOLRISK_REUSE_SITE=1 to reuse a finished build of the same name while
 * iterating locally; CI always builds fresh.
 */
export function buildSite(name: string, dataDir: string, opts: { previous?: string } = {}): BuiltSite {
  const root = join(REPO_ROOT, 'test-results', `site-${name}`);
  const dist = join(root, 'dist');
  const catalogue = join(root, 'catalogue');
  const stamp = join(root, 'built.json');
  const runId = process.env.TOOLRISK_TEST_RUN ?? 'manual';
  return withLock(root, () => {
    if (existsSync(stamp)) {
      const prev = JSON.parse(readFileSync(stamp, 'utf8')) as { dataDir: string; ms: number; runId: string };
      if (prev.dataDir === dataDir && (prev.runId === runId || process.env.TOOLRISK_REUSE_SITE === '1')) return { dist, catalogue, ms: prev.ms };
    }
    return freshBuild(root, dist, catalogue, stamp, dataDir, runId, opts.previous);
  });
}

function freshBuild(root: string, dist: string, catalogue: string, stamp: string, dataDir: string, runId: string, previous?: string): BuiltSite {
  rmSync(stamp, { force: true });
  const env = { CATALOGUE_OUT: catalogue, ASTRO_CACHE_DIR: join(root, 'astro-cache'), DIST_DIR: dist };
  const started = Date.now();
  // The same command as `npm run build`.
  run(['scripts/build.ts', '--data', dataDir, '--out', catalogue, '--dist', dist, '--silent', ...(previous ? ['--previous', previous] : [])], env);
  const ms = Date.now() - started;
  writeFileSync(stamp, JSON.stringify({ dataDir, ms, runId }));
  return { dist, catalogue, ms };
}
