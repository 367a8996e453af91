/**
 * Whole-site build time, one figure per line as `name value unit`:
 * the real shared data, then the same manifests with a generated
 * 50,000-entry server index (to show the 43,000+ scale holds). Each build
 * goes into a temporary folder with a cold search cache. Not a test.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig, parseArgsOrExit, REPO_ROOT } from '../src/lib/config.ts';
import { writeSyntheticIndex } from '../src/lib/bench/synthetic-index.ts';

const { values } = parseArgsOrExit({
  name: 'bench-build',
  usage: `Usage: node scripts/bench-build.ts [--data DIR]

Options:
  --data DIR   input data folder (env CATALOGUE_DATA; default ../shared/data)
  -h, --help   show this help`,
  options: { data: { type: 'string' } },
});
const dataDir = loadConfig(values).dataDir;

function timeBuild(label: string, data: string): void {
  const root = mkdtempSync(join(tmpdir(), `toolrisk-bench-${label}-`));
  const started = performance.now();
  const r = spawnSync(process.execPath, ['scripts/build.ts', '--data', data, '--out', join(root, 'catalogue'), '--dist', join(root, 'dist'), '--silent'], {
    cwd: REPO_ROOT,
    env: { ...process.env, TOOLRISK_SEARCH_CACHE: 'off', ASTRO_CACHE_DIR: join(root, 'astro-cache') },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  const seconds = (performance.now() - started) / 1000;
  if (r.status !== 0) throw new Error(`${label} build failed:\n${r.stderr.slice(-3000)}`);
  console.log(`site_build_${label}_s ${seconds.toFixed(1)} s`);
  for (const line of r.stdout.split('\n')) {
    const m = /^build: (.+) done in ([\d.]+) s$/.exec(line);
    if (m) console.log(`site_build_${label}_${m[1]!.replace(/\W+/g, '_')}_s ${m[2]} s`);
  }
  rmSync(root, { recursive: true, force: true });
}

timeBuild('shared', dataDir);

// The same manifests with a 50,000-server index.
const synthetic = mkdtempSync(join(tmpdir(), 'toolrisk-bench-data-'));
symlinkSync(join(dataDir, 'manifests'), join(synthetic, 'manifests'));
mkdirSync(join(synthetic, 'index'));
const count = writeSyntheticIndex(join(dataDir, 'index', 'servers.jsonl'), synthetic, 50_000);
console.log(`synthetic_index_servers ${count} servers`);
timeBuild('index50k', synthetic);
rmSync(synthetic, { recursive: true, force: true });
