/**
 * npm run scan -- [options]
 * "What can my agents call?": lists the tools of every configured MCP server,
 * judges them with the catalogue's rules and writes a report and policies.
 * See `--help` and src/lib/scan/ for the rules.
 */
import { DEFAULT_CATALOGUE_DIR, UsageError } from '../src/lib/config.ts';
import { formatTerminalReport, writeScanOutputs } from '../src/lib/scan/report.ts';
import { runScan } from '../src/lib/scan/run-scan.ts';
import { EXIT, parseScanArgs, SCAN_USAGE } from '../src/lib/scan/scan-cli.ts';
import { knownLocations } from '../src/lib/scan/config-locations.ts';
import { printable } from '../src/lib/text/terminal.ts';

async function main(): Promise<number> {
  let command;
  try {
    command = parseScanArgs(process.argv.slice(2), { catalogueDir: DEFAULT_CATALOGUE_DIR });
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`scan: ${error.message}\n${SCAN_USAGE.split('\n')[0]}\n(npm run scan -- --help for all options)\n`);
    return EXIT.usage;
  }
  if (command.help) {
    process.stdout.write(`${SCAN_USAGE}\n`);
    return EXIT.ok;
  }
  const o = command.options;
  const places = { home: o.home, project: o.project, env: process.env };
  const run = await runScan({
    places,
    configs: o.configs,
    catalogueDir: o.catalogueDir,
    timeoutMs: o.timeoutMs,
    failOn: o.failOn,
    progress: (line) => process.stderr.write(`scan: ${printable(line)}\n`),
  });
  const report = run.report;
  if (!report.configs.some((c) => c.status === 'read')) {
    const looked = o.configs.length ? o.configs : knownLocations(places).map((l) => l.path);
    process.stderr.write(`scan: no MCP client config could be read (looked at: ${looked.map(printable).join(', ')})\n`);
    return EXIT.nothingScanned;
  }
  let written;
  try {
    written = { outDir: o.outDir, files: await writeScanOutputs(o.outDir, run) };
  } catch (error) {
    process.stderr.write(`scan: could not write ${printable(o.outDir)}: ${printable(run.redactor.text((error as Error).message))}\n`);
  }
  process.stdout.write(formatTerminalReport(report, written));
  if (!written) return EXIT.output;
  if (report.summary.scanned === 0) {
    process.stderr.write('scan: no configured server could be scanned\n');
    return EXIT.nothingScanned;
  }
  return report.summary.failing.length ? EXIT.failOn : EXIT.ok;
}

process.exitCode = await main();
