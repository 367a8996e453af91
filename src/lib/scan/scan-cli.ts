/**
 * Command-line settings and exit codes of `npm run scan`, kept apart from
 * scripts/scan.ts so the rules are testable without a process.
 */
import { homedir } from 'node:os';
import { resolve } from 'node:path';
import { FAIL_ON, type FailOn } from './run-scan.ts';
import { EXIT_USAGE, parseArgs, UsageError } from '../config.ts';

export const SCAN_USAGE = `Usage: npm run scan -- [--config FILE]... [--fail-on LEVEL] [--out DIR] [--timeout SEC]
                       [--catalogue DIR] [--project DIR] [--home DIR]

Lists the tools of every MCP server your clients are configured to run
(Claude Desktop, Cursor, VS Code, Claude Code, Windsurf), judges each tool
with the catalogue's rules, and writes a report and gateway policies.
Nothing is sent anywhere but to the configured servers themselves.

Options:
  --config FILE      read only this client config (repeatable); default: every
                     known config of this user and of the project folder
  --project DIR      project folder for .cursor/, .vscode/, .mcp.json (default: .)
  --home DIR         home folder to look in (default: your home)
  --catalogue DIR    published catalogue to compare with (default: generated/catalogue)
  --out DIR          output folder (default: scan-output)
  --timeout SEC      limit per server, start-up included (default 20)
  --fail-on LEVEL    exit 1 if any tool is at LEVEL or above (low, medium, high,
                     critical) or, with "poisoning", has a poisoning flag;
                     repeatable or comma-separated
  -h, --help         show this help

Exit status: 0 scanned (and nothing hit --fail-on), 1 a --fail-on threshold was
hit, 2 bad usage, 3 nothing could be scanned (no config found, or no server
answered), 4 the output folder could not be written.`;

export const EXIT = { ok: 0, failOn: 1, usage: EXIT_USAGE, nothingScanned: 3, output: 4 } as const;

export interface ScanCliOptions {
  configs: string[];
  project: string;
  home: string;
  catalogueDir: string;
  outDir: string;
  timeoutMs: number;
  failOn: FailOn[];
}

export type ScanCommand = { help: true } | { help: false; options: ScanCliOptions };

export function parseScanArgs(argv: string[], defaults: { catalogueDir: string; cwd?: string; home?: string }): ScanCommand {
  const parsed = parseArgs(
    {
      name: 'scan',
      usage: SCAN_USAGE,
      options: {
        config: { type: 'string', multiple: true },
        project: { type: 'string' },
        home: { type: 'string' },
        catalogue: { type: 'string' },
        out: { type: 'string' },
        timeout: { type: 'string' },
        'fail-on': { type: 'string', multiple: true },
        help: { type: 'boolean', short: 'h' },
      },
    },
    argv,
  );
  const v = parsed.values;
  if (v.help) return { help: true };
  const cwd = defaults.cwd ?? process.cwd();
  const timeoutText = v.timeout;
  const timeout = timeoutText === undefined ? 20 : Number(timeoutText);
  if (!Number.isFinite(timeout) || timeout <= 0) throw new UsageError(`--timeout must be a positive number of seconds, got "${timeoutText}"`);
  const failOn: FailOn[] = [];
  for (const value of (v['fail-on'] ?? []).flatMap((x) => x.split(','))) {
    const level = value.trim().toLowerCase();
    if (!(FAIL_ON as readonly string[]).includes(level)) throw new UsageError(`--fail-on takes ${FAIL_ON.join(', ')}; got "${value}"`);
    if (!failOn.includes(level as FailOn)) failOn.push(level as FailOn);
  }
  return {
    help: false,
    options: {
      configs: (v.config ?? []).map((c) => resolve(cwd, c)),
      project: resolve(cwd, v.project ?? '.'),
      home: resolve(cwd, v.home ?? defaults.home ?? homedir()),
      catalogueDir: resolve(cwd, v.catalogue ?? defaults.catalogueDir),
      outDir: resolve(cwd, v.out ?? 'scan-output'),
      timeoutMs: Math.round(timeout * 1000),
      failOn,
    },
  };
}
