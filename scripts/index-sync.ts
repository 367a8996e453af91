/**
 * npm run index:sync -- [options]
 * Pulls the official MCP Registry and merges it into <data>/index/servers.jsonl.
 * See `--help` and src/lib/registry/sync-index.ts for the rules.
 */
import { DEFAULT_DATA_DIR, EXIT_USAGE, UsageError } from '../src/lib/config.ts';
import { parseSyncArgs, SYNC_USAGE } from '../src/lib/registry/sync-cli.ts';
import { syncIndex, SyncFailedError } from '../src/lib/registry/sync-index.ts';
import { createProgressReporter, formatSummary } from '../src/lib/registry/sync-progress.ts';

async function main(): Promise<number> {
  let command;
  try {
    command = parseSyncArgs(process.argv.slice(2), process.env, DEFAULT_DATA_DIR);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`index:sync: ${error.message}\n\n${SYNC_USAGE}\n`);
    return EXIT_USAGE;
  }
  if (command.help) {
    process.stdout.write(`${SYNC_USAGE}\n`);
    return 0;
  }

  const reporter = createProgressReporter(process.stderr);
  try {
    const summary = await syncIndex({ ...command.options, reporter });
    reporter.finish();
    process.stdout.write(`${formatSummary(summary)}\n`);
    return 0;
  } catch (error) {
    reporter.finish();
    process.stderr.write(`index:sync: failed: ${(error as Error).message}\n`);
    // Pages merged before the failure, and whether --partial wrote them.
    if (error instanceof SyncFailedError) process.stderr.write(`${formatSummary(error.summary)}\n`);
    return 1;
  }
}

process.exitCode = await main();
