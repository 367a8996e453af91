/**
 * npm run ingest [-- --data <dir>] [--out <dir>] [--strict]
 *
 * Reads every manifest in the data folder, classifies every tool, recommends
 * a policy for each and writes the catalogue JSON (generated/catalogue by
 * default). Bad input is reported with file, server, tool and problem and
 * skipped; the run exits non-zero only with --strict or when nothing could
 * be read.
 */
import { resolve } from 'node:path';
import { DEFAULT_OUT_DIR, flagValue, resolveDataDir } from '../src/lib/ingest/data-dir.ts';
import { balanced, runIngest } from '../src/lib/ingest/run-ingest.ts';
import { writeCatalogue } from '../src/lib/ingest/write-catalogue.ts';
import { changesSince, previousSnapshotDir } from '../src/lib/drift/changed-since.ts';

const argv = process.argv.slice(2);
const dataDir = resolveDataDir(argv);
const outDir = resolve(flagValue(argv, '--out') ?? process.env.CATALOGUE_OUT ?? DEFAULT_OUT_DIR);
const strict = argv.includes('--strict');

const started = performance.now();
let result;
try {
  result = runIngest(dataDir);
} catch (err) {
  console.error(`ingest: ${(err as Error).message}`);
  process.exit(1);
}
// With a previous snapshot (--previous <dir> or CATALOGUE_PREVIOUS), tool
// pages say what changed since then: a changed definition after approval is
// how a rug pull looks.
const previous = previousSnapshotDir(argv);
if (previous) {
  const drift = changesSince(previous, result.tools);
  for (const t of result.tools) {
    const d = drift.get(t.id);
    if (d) t.drift = { status: d.status, summary: d.summary, ...(d.previousHash ? { previousHash: d.previousHash } : {}) };
  }
  console.log(`ingest: ${drift.size} tools added or changed since ${previous}`);
}
writeCatalogue(outDir, result.servers, result.tools, result.report);
const ms = Math.round(performance.now() - started);

const { counts, issues } = result.report;
const shown = issues.slice(0, 50);
for (const i of shown) {
  const parts = [i.file, i.server && `server ${JSON.stringify(i.server)}`, i.tool !== undefined && `tool ${JSON.stringify(i.tool.slice(0, 80))}`].filter(Boolean);
  console.error(`${i.level}: ${parts.join(', ')}: ${i.problem}`);
}
if (issues.length > shown.length) console.error(`… and ${issues.length - shown.length} more (see ${outDir}/report.json)`);
for (const s of result.report.sources) {
  console.log(
    `  ${s.family}: ${s.servers} servers, ${s.toolsRead} tools read, ${s.toolsReported} reported, ${s.toolsMerged} merged into another source's server, ${s.duplicatesDropped} duplicates dropped (a richer definition of the same tool came from another source), ${s.toolsWritten} written`,
  );
}
console.log(
  `ingest: ${counts.servers} servers (${counts.serverCopies} copies, ${counts.mergedServers} found in more than one source, ${counts.serversWithoutIndexEntry} not in the server index), ${counts.toolsRead} tools read, ${counts.toolsWritten} written, ${counts.toolsReported} reported, ${counts.toolsDropped} duplicates dropped, ${counts.errors} errors, ${counts.warnings} warnings in ${ms} ms -> ${outDir}`,
);
if (!balanced(result.report)) {
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
