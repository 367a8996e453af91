/**
 * npm run introspect -- [options] <command> [args...]
 * npm run introspect -- [options] --url <streamable-http url>
 * Lists a live MCP server's tools and writes <data>/manifests/<slug>/{server,tools}.json.
 * See `--help` and src/lib/introspect/ for the rules.
 */
import { DEFAULT_DATA_DIR, EXIT_USAGE, UsageError } from '../src/lib/config.ts';
import { INTROSPECT_USAGE, parseIntrospectArgs } from '../src/lib/introspect/introspect-cli.ts';
import { IntrospectError } from '../src/lib/introspect/introspect-error.ts';
import { introspectToManifest } from '../src/lib/introspect/introspect-to-manifest.ts';

async function main(): Promise<number> {
  let command;
  try {
    command = parseIntrospectArgs(process.argv.slice(2), process.env, DEFAULT_DATA_DIR);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`introspect: ${error.message}\n\n${INTROSPECT_USAGE}\n`);
    return EXIT_USAGE;
  }
  if (command.help) {
    process.stdout.write(`${INTROSPECT_USAGE}\n`);
    return 0;
  }

  const { verbose, ...settings } = command.options;
  try {
    const run = await introspectToManifest(settings, {
      warn: (line) => process.stderr.write(`introspect: warning: ${line}\n`),
      stderr: verbose ? (chunk) => process.stderr.write(chunk) : undefined,
    });
    const pages = `${run.pages} page${run.pages === 1 ? '' : 's'}`;
    process.stdout.write(`introspect: ${run.serverJson.name}: ${run.toolCount} tools (${pages}) → ${run.outDir}\n`);
    return 0;
  } catch (error) {
    const message = error instanceof IntrospectError ? error.message : `unexpected error: ${(error as Error).stack ?? error}`;
    process.stderr.write(`introspect: ${message}\n`);
    return 1;
  }
}

process.exitCode = await main();
