/**
 * Whole-site build time, one figure per line as `name value unit`:
 * the real shared data, the same manifests with a generated 50,000-entry
 * server index (to show the 43,000+ scale holds), and a generated catalogue
 * of 100,000 tools (time, peak memory of the whole process tree, disk;
 * --skip-100k leaves it out). Each build goes into a temporary folder with a cold
 * search cache.
 * Not a test.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig, parseArgsOrExit, REPO_ROOT } from '../src/lib/config.ts';
import { writeSyntheticIndex } from '../src/lib/bench/synthetic-index.ts';
import { writeGeneratedData } from '../src/lib/bench/generate-manifests.ts';
import { sampleTreeRss } from '../src/lib/bench/tree-rss.ts';

const { values } = parseArgsOrExit({
  name: 'bench-build',
  usage: `Usage: node scripts/bench-build.ts [--data DIR] [--skip-100k]

Options:
  --data DIR    input data folder (env CATALOGUE_DATA; default ../shared/data)
  --skip-100k   leave out the site build of 100,000 generated tools (env BENCH_100K=0),
                which takes several minutes and about 5 GB of memory
  -h, --help    show this help`,
  options: { data: { type: 'string' }, 'skip-100k': { type: 'boolean' } },
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

// A generated catalogue of 100,000 tools, as a whole site: time, peak memory
// of every process the build starts, and what it leaves on disk.
if (!values['skip-100k'] && process.env.BENCH_100K !== '0') {
  const generated = mkdtempSync(join(tmpdir(), 'toolrisk-bench-100k-'));
  const tools = writeGeneratedData(generated, 100, 1000);
  const root = mkdtempSync(join(tmpdir(), 'toolrisk-bench-site100k-'));
  const started = performance.now();
  const child = spawn(process.execPath, ['scripts/build.ts', '--data', generated, '--out', join(root, 'catalogue'), '--dist', join(root, 'dist'), '--silent'], {
    cwd: REPO_ROOT,
    env: { ...process.env, TOOLRISK_SEARCH_CACHE: 'off', ASTRO_CACHE_DIR: join(root, 'astro-cache') },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const memory = sampleTreeRss(child.pid!);
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-3000);
  });
  const code: number = await new Promise((done) => child.on('exit', (c) => done(c ?? 1)));
  const peak = memory.stop();
  if (code !== 0) throw new Error(`100k build failed:\n${stderr}`);
  console.log(`site_build_generated_100k_tools ${tools} tools`);
  console.log(`site_build_generated_100k_s ${((performance.now() - started) / 1000).toFixed(1)} s`);
  if (peak !== undefined) console.log(`site_build_generated_100k_peak_rss_mb ${Math.round(peak / 1048576)} MB`);
  const du = spawnSync('du', ['-sk', join(root, 'dist')], { encoding: 'utf8' });
  const kb = Number(du.stdout.split('\t')[0]);
  if (kb) console.log(`site_build_generated_100k_dist_mb ${Math.round(kb / 1024)} MB`);
  rmSync(root, { recursive: true, force: true });
  rmSync(generated, { recursive: true, force: true });
}
