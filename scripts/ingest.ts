/**
 * npm run ingest [-- --data <dir>] [--out <dir>] [--previous <dir>] [--strict] [--no-cache]
 *
 * Reads every manifest in the data folder, classifies every tool, recommends
 * a policy for each and writes the catalogue JSON (generated/catalogue by
 * default). Bad input is reported with file, server, tool and problem and
 * skipped; the run exits non-zero only with --strict or when nothing could
 * be read. When nothing it reads changed since it last wrote the catalogue
 * (inputs, rules and code: ingest-fingerprint.ts), it keeps that catalogue.
 */
import { loadConfig, parseArgsOrExit } from '../src/lib/config.ts';
import { balanced, prepareIngest } from '../src/lib/ingest/run-ingest.ts';
import { CatalogueWriter } from '../src/lib/ingest/write-catalogue.ts';
import { changesSince } from '../src/lib/drift/changed-since.ts';
import { catalogueIsCurrent, FINGERPRINT_FILE, ingestFingerprint } from '../src/lib/ingest/ingest-fingerprint.ts';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import type { BuildReport } from '../src/schemas/catalogue.ts';

// The run keeps ~160 MB live at 100,000 tools (the parsed manifests, let go
// server by server, and the server records), but judging a tool leaves
// garbage in old space, and by default V8 lets old space grow to about four
// times what was live at its last full collection before collecting again.
// Growing by half at most keeps the 100k run at ~650 MB instead of ~1,030 MB
// for the same CPU time (npm run bench: ingest_*_cli_peak_rss_mb). The flag
// is read at every full collection, so setting it here, before any input is
// read, takes effect; it changes when memory is reclaimed, never what is kept.
setFlagsFromString('--heap-growing-percent=50');

const { values } = parseArgsOrExit({
  name: 'ingest',
  usage: `Usage: npm run ingest -- [--data DIR] [--out DIR] [--previous DIR] [--strict] [--no-cache]

Options:
  --data DIR       input data folder (env CATALOGUE_DATA; default ../shared/data)
  --out DIR        catalogue folder to write (env CATALOGUE_OUT; default generated/catalogue)
  --previous DIR   an older data folder: tool pages say what changed since (env CATALOGUE_PREVIOUS)
  --strict         exit 1 when any error was reported
  --no-cache       judge every tool again even when nothing changed since the last run
  -h, --help       show this help`,
  options: { data: { type: 'string' }, out: { type: 'string' }, previous: { type: 'string' }, strict: { type: 'boolean' }, 'no-cache': { type: 'boolean' } },
});
const config = loadConfig(values);
const dataDir = config.dataDir;
const outDir = config.catalogueDir;
const strict = values.strict ?? false;

const started = performance.now();
// Same inputs, rules and code as the catalogue already in outDir: every
// analysis in it still holds, so keep it and report what it holds.
const fingerprint = ingestFingerprint({ dataDir, previousDir: config.previousDir });
if (!values['no-cache'] && catalogueIsCurrent(outDir, fingerprint)) {
  const report = JSON.parse(readFileSync(join(outDir, 'report.json'), 'utf8')) as BuildReport;
  console.log(`ingest: nothing changed since the last run (fingerprint ${fingerprint.slice(0, 12)}), so the catalogue in ${outDir} is kept; --no-cache judges every tool again`);
  finish(report, Math.round(performance.now() - started));
}
// Each tool is written as soon as it is judged and then let go, so the run
// never holds the catalogue's tool records, only the server records.
let report: BuildReport;
let writer: CatalogueWriter | undefined;
try {
  const prepared = prepareIngest(dataDir);
  report = prepared.report;
  // With a previous snapshot (--previous <dir> or CATALOGUE_PREVIOUS), tool
  // pages say what changed since then: a changed definition after approval is
  // how a rug pull looks. Drift compares definitions only, so it is worked
  // out before any tool is judged.
  const previous = config.previousDir;
  const drift = previous ? changesSince(previous, prepared.definitions()) : undefined;
  if (previous) console.log(`ingest: ${drift!.size} tools added or changed since ${previous}`);
  const out = (writer = new CatalogueWriter(outDir));
  const servers = prepared.build({
    tool(t) {
      const d = drift?.get(t.id);
      if (d) t.drift = { status: d.status, summary: d.summary, ...(d.previousHash ? { previousHash: d.previousHash } : {}) };
      out.tool(t.serverSlug, t);
    },
    server: (s) => out.endServer(s.slug),
  });
  out.finish(servers, report);
} catch (err) {
  writer?.abandon();
  console.error(`ingest: ${(err as Error).message}`);
  process.exit(1);
}
// Written last: a run that stops before this point leaves no fingerprint, so the next one starts cold.
writeFileSync(join(outDir, FINGERPRINT_FILE), fingerprint + '\n');
finish(report, Math.round(performance.now() - started));

/** Prints what the catalogue holds and exits: the same lines whether it was just written or kept. */
function finish(report: BuildReport, ms: number): never {
  const { counts, issues } = report;
  const shown = issues.slice(0, 50);
  for (const i of shown) {
    const parts = [i.file, i.server && `server ${JSON.stringify(i.server)}`, i.tool !== undefined && `tool ${JSON.stringify(i.tool.slice(0, 80))}`].filter(Boolean);
    console.error(`${i.level}: ${parts.join(', ')}: ${i.problem}`);
  }
  if (issues.length > shown.length) console.error(`… and ${issues.length - shown.length} more (see ${outDir}/report.json)`);
  for (const s of report.sources) {
    console.log(
      `  ${s.family}: ${s.servers} servers, ${s.toolsRead} tools read, ${s.toolsReported} reported, ${s.toolsMerged} merged into another source's server, ${s.duplicatesDropped} duplicates dropped (a richer definition of the same tool came from another source), ${s.toolsWritten} written`,
    );
  }
  console.log(
    `ingest: ${counts.servers} servers (${counts.serverCopies} copies, ${counts.mergedServers} found in more than one source, ${counts.serversWithoutIndexEntry} not in the server index), ${counts.toolsRead} tools read, ${counts.toolsWritten} written, ${counts.toolsReported} reported, ${counts.toolsDropped} duplicates dropped, ${counts.errors} errors, ${counts.warnings} warnings in ${ms} ms -> ${outDir}`,
  );
  if (!balanced(report)) {
    console.error('ingest: tools in != tools out + tools reported + duplicates dropped; this is a bug');
    process.exit(1);
  }
  if (counts.toolsWritten === 0) {
    console.error(`ingest: no tools could be read from ${dataDir}`);
    process.exit(1);
  }
  if (strict && counts.errors > 0) {
    console.error(`ingest: --strict and ${counts.errors} errors`);
    process.exit(1);
  }
  process.exit(0);
}
