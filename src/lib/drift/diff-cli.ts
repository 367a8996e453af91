/**
 * Arguments and output of `npm run diff`, kept apart from scripts/diff.ts so
 * the usage rules and the report layout are testable without a process.
 */
import { resolve } from 'node:path';
import type { BuildReport } from '../../schemas/catalogue.ts';
import type { CatalogueDiff } from './diff-catalogues.ts';
import { dataDirProblem } from './snapshot-dir.ts';
import { printable } from '../text/terminal.ts';
import { parseArgs, UsageError } from '../config.ts';

export const DIFF_USAGE = `Usage: npm run diff -- <old-data-dir> <new-data-dir> [--json]

Compares the tool definitions of two data folders (each with manifests/) and
lists the tools added, removed and changed, matched by server name + tool name.

Options:
  --json       print the diff as JSON instead of text
  -h, --help   show this help

Exit status: 0 compared (whether or not anything changed), 1 unexpected
failure, 2 bad usage (wrong arguments, a folder that is missing or has no
manifests/).`;

export type DiffCommand = { help: true } | { help: false; oldDir: string; newDir: string; json: boolean };

export function parseDiffArgs(argv: string[]): DiffCommand {
  const parsed = parseArgs({ name: 'diff', usage: DIFF_USAGE, allowPositionals: true, options: { json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } } }, argv);
  if (parsed.values.help) return { help: true };
  const dirs = parsed.positionals;
  if (dirs.length !== 2) throw new UsageError(`expected two data folders (old, new), got ${dirs.length}`);
  const [oldDir, newDir] = dirs.map((d: string) => resolve(d)) as [string, string];
  // Check both before ingesting either, so one run names every bad path.
  const problems = [oldDir, newDir].map(dataDirProblem).filter((p): p is string => p !== undefined);
  if (problems.length) throw new UsageError(problems.join('; '));
  return { help: false, oldDir, newDir, json: parsed.values.json ?? false };
}

// Tool names, descriptions and annotation values are third-party text (see text/terminal.ts).
export { printable };

export function countsLine(diff: CatalogueDiff): string {
  return `${diff.added.length} added, ${diff.removed.length} removed, ${diff.changed.length} changed, ${diff.unchanged} unchanged`;
}

function label(t: { server: string; name: string }): string {
  return `[${t.server}] ${t.name}`;
}

/** The readable report: counts first, then one line per tool grouped by kind of change. */
export function formatDiffText(diff: CatalogueDiff, dirs: { oldDir: string; newDir: string }): string {
  const lines: string[] = [`diff: ${dirs.oldDir} → ${dirs.newDir}`, countsLine(diff)];
  if (diff.added.length) {
    lines.push('', `Added (${diff.added.length}):`);
    for (const t of diff.added) lines.push(`  + ${label(t)}`);
  }
  if (diff.removed.length) {
    lines.push('', `Removed (${diff.removed.length}):`);
    for (const t of diff.removed) lines.push(`  - ${label(t)}`);
  }
  if (diff.changed.length) {
    lines.push('', `Changed (${diff.changed.length}):`);
    for (const c of diff.changed) {
      lines.push(`  ~ ${label(c)}: ${c.summary}`);
      // The text itself is what a reviewer needs to judge an edited description.
      if (c.description?.inserted) lines.push(`      inserted: ${JSON.stringify(c.description.inserted)}`);
      if (c.description?.deleted) lines.push(`      deleted: ${JSON.stringify(c.description.deleted)}`);
    }
  }
  if (!diff.added.length && !diff.removed.length && !diff.changed.length) lines.push('', 'No definition changes.');
  return lines.map(printable).join('\n') + '\n';
}

/** Warnings for stderr: tools that could not be read on a side are missing from the comparison. */
export function diffWarnings(reports: { old: BuildReport; new: BuildReport }): string[] {
  const out: string[] = [];
  for (const [side, r] of [['old', reports.old], ['new', reports.new]] as const) {
    if (r.counts.errors > 0) {
      out.push(
        `${side} (${r.dataDir}): ${r.counts.errors} ingest errors, ${r.counts.toolsReported} tools skipped and not compared; run npm run ingest -- --data ${r.dataDir} for details`,
      );
    }
  }
  return out.map(printable);
}

export function diffJson(diff: CatalogueDiff, reports: { old: BuildReport; new: BuildReport }): string {
  const issues = (r: BuildReport) => ({ errors: r.counts.errors, warnings: r.counts.warnings, toolsSkipped: r.counts.toolsReported });
  return (
    JSON.stringify(
      {
        old: reports.old.dataDir,
        new: reports.new.dataDir,
        counts: { added: diff.added.length, removed: diff.removed.length, changed: diff.changed.length, unchanged: diff.unchanged },
        added: diff.added,
        removed: diff.removed,
        changed: diff.changed,
        issues: { old: issues(reports.old), new: issues(reports.new) },
      },
      null,
      2,
    ) + '\n'
  );
}
