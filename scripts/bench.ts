/**
 * npm run bench [-- --runs N] [--servers N] [--tools-per-server N] [--only shared|generated] [--keep]
 *
 * Throughput of ingest + classify, printed one figure per line as
 * `name value unit`, so runs can be diffed or graphed. Measures the shared
 * manifests (../shared/data) and a deterministic generated data set (100
 * servers x 1,000 tools by default) written to a temporary folder. Each
 * figure is the best of --runs runs (default 3) after a warm-up. Not a test:
 * nothing here asserts a speed.
 *
 * Figures
 *   ingest_*           runIngest, full: the judging `npm run ingest` does, with every
 *                      record kept in memory (the command writes each as it is made)
 *   ingest_*_lean      runIngest with lean: true (no poisoning checks or shadowing)
 *   ingest_*_cli_cold_ms     `npm run ingest --no-cache`: read, judge and write every tool
 *   ingest_*_cli_peak_rss_mb the peak resident set size (getrusage maxRSS) of that cold
 *                            `npm run ingest` run: its own child process, one data set, so it
 *                            is what ingesting that data set needs (issue 10: under 1 GB at
 *                            100,000 tools), not the most of several runs in one process
 *   ingest_*_cached_ms       `npm run ingest` again with nothing changed: the fingerprint
 *                            (inputs, rules, code) matches, so the written catalogue is kept
 *   read_sources_*     reading and validating the manifests only
 *   build_*            buildCatalogue only (classify + records + policies), full
 *   classify_*         the classifier alone over the same tools
 *   write_generated_*  writing the generated manifests (not part of any other figure)
 *   bench_process_peak_rss_mb  this bench process's own peak (getrusage maxRSS): the
 *                      in-memory runIngest figures above, which hold a whole catalogue
 *                      (every tool record) at once, for every data set in turn; the
 *                      largest of them, not the ingest command's need (see *_cli_peak_rss_mb)
 *   rss_max_sampled_mb the largest rss of this process seen right after a run
 *   heap_used_max_mb   the largest heapUsed of this process seen right after a run
 *   load_average_*     the machine's 1-minute load average, to judge the noise
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeGeneratedData } from '../src/lib/bench/generate-manifests.ts';
import { classifyAll, countTools, memory, time } from '../src/lib/bench/measure.ts';
import { buildCatalogue } from '../src/lib/ingest/build-catalogue.ts';
import { DEFAULT_DATA_DIR, parseArgsOrExit, REPO_ROOT } from '../src/lib/config.ts';
import { readSources } from '../src/lib/ingest/read-sources.ts';
import { mergeServers } from '../src/lib/ingest/merge-servers.ts';
import { isPlaceholder } from '../src/lib/classify/description-stage.ts';
import { loadSourceInfos } from '../src/lib/ingest/source-infos.ts';
import { runIngest } from '../src/lib/ingest/run-ingest.ts';
import { loadRules } from '../src/lib/rules/load-rules.ts';

const { values } = parseArgsOrExit({
  name: 'bench',
  usage: `Usage: npm run bench -- [--runs N] [--servers N] [--tools-per-server N] [--only shared|generated] [--keep]

Options:
  --runs N               runs per figure, the best counts (default 3)
  --servers N            servers in the generated data set (default 100)
  --tools-per-server N   tools per generated server (default 1000)
  --only WHICH           only the shared or only the generated data set
  --keep                 keep the generated data folder
  -h, --help             show this help`,
  options: { runs: { type: 'string' }, servers: { type: 'string' }, 'tools-per-server': { type: 'string' }, only: { type: 'string' }, keep: { type: 'boolean' } },
});
const runs = Math.max(1, Number(values.runs ?? 3));
const serverCount = Number(values.servers ?? 100);
const toolsPerServer = Number(values['tools-per-server'] ?? 1000);
const only = values.only;
const keep = values.keep ?? false;

function print(name: string, value: number, unit: string): void {
  const shown = value >= 100 ? Math.round(value) : Math.round(value * 10) / 10;
  console.log(`${name} ${shown} ${unit}`);
}

// Loaded into each `npm run ingest` child: on exit it prints the child's own
// peak resident set size (getrusage maxRSS, in kB) to stderr.
const PEAK_RSS_ON_EXIT = 'data:text/javascript,' + encodeURIComponent('process.on("exit", () => process.stderr.write("\\npeak_rss_kb " + process.resourceUsage().maxRSS + "\\n"));');

// Overrides are editorial pins for the shared catalogue; pointing at a folder
// that does not exist keeps the generated figures independent of them.
const NO_OVERRIDES = join(tmpdir(), 'toolrisk-bench-no-overrides');

function benchDataSet(label: string, dataDir: string): void {
  const rules = loadRules();
  const read = readSources(dataDir);
  const tools = countTools(read.servers);
  print(`${label}_tools`, tools, 'tools');

  const full = time(runs, () => runIngest(dataDir, { rules, overridesDir: NO_OVERRIDES }));
  print(`ingest_${label}_tools_per_s`, (tools / full.bestMs) * 1000, 'tools/s');
  print(`ingest_${label}_ms`, full.bestMs, 'ms');
  print(`ingest_${label}_median_ms`, full.medianMs, 'ms');

  const lean = time(runs, () => runIngest(dataDir, { rules, overridesDir: NO_OVERRIDES, lean: true }));
  print(`ingest_${label}_lean_tools_per_s`, (tools / lean.bestMs) * 1000, 'tools/s');
  print(`ingest_${label}_lean_ms`, lean.bestMs, 'ms');

  // The command line, cold and then again with nothing changed (the fingerprint cache).
  const out = mkdtempSync(join(tmpdir(), 'toolrisk-bench-catalogue-'));
  try {
    const cli = (extra: string[] = []) => {
      const r = spawnSync(process.execPath, ['--import', PEAK_RSS_ON_EXIT, 'scripts/ingest.ts', '--data', dataDir, '--out', out, ...extra], { cwd: REPO_ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
      const ms = /in (\d+) ms/.exec(r.stdout.split('\n').filter(Boolean).pop() ?? '')?.[1];
      const rssKb = /^peak_rss_kb (\d+)$/m.exec(r.stderr)?.[1];
      if (r.status !== 0 || !ms || !rssKb) throw new Error(`bench: ingest failed: ${r.stderr.slice(-2000)}`);
      return { ms: Number(ms), rssMb: Number(rssKb) / 1024 };
    };
    const cliMs = (extra: string[] = []) => cli(extra).ms;
    const cold = cli(['--no-cache']);
    print(`ingest_${label}_cli_cold_ms`, cold.ms, 'ms');
    print(`ingest_${label}_cli_peak_rss_mb`, cold.rssMb, 'MB');
    const cached = Math.min(cliMs(), cliMs());
    print(`ingest_${label}_cached_ms`, cached, 'ms');
    print(`ingest_${label}_cached_tools_per_s`, (tools / Math.max(cached, 1)) * 1000, 'tools/s');
  } finally {
    rmSync(out, { recursive: true, force: true });
  }

  const reading = time(runs, () => readSources(dataDir));
  print(`read_sources_${label}_ms`, reading.bestMs, 'ms');

  // buildCatalogue works on servers with one identity each, as ingest gives it.
  const merged = mergeServers(read.servers, loadSourceInfos(), (d) => !isPlaceholder(rules, d)).servers;
  const build = time(runs, () => buildCatalogue(rules, merged, {}));
  print(`build_${label}_ms`, build.bestMs, 'ms');
  const buildLean = time(runs, () => buildCatalogue(rules, merged, { lean: true }));
  print(`build_${label}_lean_ms`, buildLean.bestMs, 'ms');

  const cls = time(runs, () => classifyAll(rules, read.servers));
  print(`classify_${label}_tools_per_s`, (tools / cls.bestMs) * 1000, 'tools/s');
  print(`classify_${label}_ms`, cls.bestMs, 'ms');
}

// Other work on the machine slows every figure down; the load average says how much.
print('load_average_1m_start', loadavg()[0]!, 'load');

if (only !== 'generated') benchDataSet('shared', DEFAULT_DATA_DIR);

if (only !== 'shared') {
  const dir = mkdtempSync(join(tmpdir(), 'toolrisk-bench-'));
  try {
    const started = performance.now();
    const total = writeGeneratedData(dir, serverCount, toolsPerServer);
    const label = total === 100_000 ? 'generated_100k' : `generated_${total}`;
    print(`write_${label}_ms`, performance.now() - started, 'ms');
    benchDataSet(label, dir);
  } finally {
    if (keep) console.error(`bench: generated data kept in ${dir}`);
    else rmSync(dir, { recursive: true, force: true });
  }
}

print('load_average_1m_end', loadavg()[0]!, 'load');
print('bench_process_peak_rss_mb', process.resourceUsage().maxRSS / 1024, 'MB');
print('rss_max_sampled_mb', memory.rssMaxBytes / 1048576, 'MB');
print('heap_used_max_mb', memory.heapUsedMaxBytes / 1048576, 'MB');
