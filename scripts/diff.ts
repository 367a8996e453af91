/**
 * npm run diff -- <old-data-dir> <new-data-dir> [--json]
 *
 * Definition drift between two snapshots of the input data: runs a lean
 * ingest on both and reports the tools added, removed and changed (and how).
 * See src/lib/drift/diff-catalogues.ts for the matching and comparison rules.
 */
import { DIFF_USAGE, diffJson, diffWarnings, formatDiffText, parseDiffArgs } from '../src/lib/drift/diff-cli.ts';
import { SnapshotError } from '../src/lib/drift/snapshot-dir.ts';
import { EXIT_USAGE, UsageError } from '../src/lib/config.ts';

async function main(): Promise<number> {
  let command;
  try {
    command = parseDiffArgs(process.argv.slice(2));
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`diff: ${error.message}\n\n${DIFF_USAGE}\n`);
    return EXIT_USAGE;
  }
  if (command.help) {
    process.stdout.write(`${DIFF_USAGE}\n`);
    return 0;
  }

  // Loaded only now, so usage errors and --help answer without loading the classifier.
  const { loadSnapshot } = await import('../src/lib/drift/load-snapshot.ts');
  const { diffCatalogues } = await import('../src/lib/drift/diff-catalogues.ts');
  let before;
  let after;
  try {
    before = loadSnapshot(command.oldDir);
    after = loadSnapshot(command.newDir);
  } catch (error) {
    // A folder can vanish between the argument check and the read.
    if (error instanceof SnapshotError) {
      process.stderr.write(`diff: ${error.message}\n`);
      return EXIT_USAGE;
    }
    process.stderr.write(`diff: failed: ${(error as Error).message}\n`);
    return 1;
  }

  const diff = diffCatalogues(before.tools, after.tools);
  const reports = { old: before.report, new: after.report };
  for (const w of diffWarnings(reports)) process.stderr.write(`diff: warning: ${w}\n`);
  process.stdout.write(command.json ? diffJson(diff, reports) : formatDiffText(diff, command));
  return 0;
}

process.exitCode = await main();
