/**
 * What `npm run scan` shows and writes: the terminal report (one status line
 * per server, a table of tools, the cross-server findings, a summary) and
 * the output folder (scan-report.json, report.html, policy.json and one
 * Intercept YAML per server).
 *
 * Everything here is already redacted by run-scan.ts; what is printed is
 * also escaped (text/terminal.ts), because names, descriptions and server
 * messages are third-party text. Every file is validated before it is
 * written.
 */
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { interceptPolicySchema, policyJsonSchema } from '../../schemas/policy.ts';
import { SEVERITIES } from '../../schemas/rules.ts';
import { scanReportSchema, type ScanReport, type ScanServer, type ScanTool } from '../../schemas/scan-report.ts';
import { printable, terminalCell } from '../text/terminal.ts';
import { htmlReport } from './html-report.ts';
import type { ScanRun } from './run-scan.ts';

const STATUS_WIDTH = 14;

/** The whole terminal report. */
export function formatTerminalReport(report: ScanReport, written?: { outDir: string; files: string[] }): string {
  const lines: string[] = [];
  lines.push(`Servers (${report.servers.length})`);
  for (const s of report.servers) lines.push(`  ${statusLine(s, report.catalogue.available)}`);

  const rows = toolRows(report);
  if (rows.length) {
    lines.push('', `Tools (${report.summary.tools})`);
    lines.push(...table(['SERVER', 'TOOL', 'CATEGORY', 'SEVERITY', 'ACTION', 'CATALOGUE', 'FLAGS'], rows, [40, 34, 11, 8, 11, 9, 100]));
  }

  if (report.findings.length) {
    lines.push('', `Cross-server findings (${report.findings.length})`);
    for (const f of report.findings) lines.push(`  ${f.kind === 'same-name' ? 'same name' : 'names another tool'}: ${terminalCell(f.detail, 200)}`);
  }

  const sum = report.summary;
  const bySeverity = [...SEVERITIES].reverse().filter((s) => sum.bySeverity[s]).map((s) => `${sum.bySeverity[s]} ${s}`);
  lines.push(
    '',
    `Summary: ${sum.servers} server${sum.servers === 1 ? '' : 's'} (${sum.scanned} scanned, ${sum.failed} failed, ${sum.skipped} skipped), ` +
      `${sum.tools} tool${sum.tools === 1 ? '' : 's'}${bySeverity.length ? `: ${bySeverity.join(', ')}` : ''}; ${sum.poisoned} with poisoning flags`,
  );
  if (written) {
    const intercepts = written.files.filter((f) => f.startsWith('intercept'));
    const named = written.files.filter((f) => !f.startsWith('intercept'));
    if (intercepts.length) named.push(`intercept/*.yaml (${intercepts.length})`);
    const shown = relative(process.cwd(), written.outDir);
    lines.push(printable(`Wrote ${shown === '' ? '.' : shown.startsWith('..') ? written.outDir : shown}/: ${named.join(', ')}`));
  }
  if (sum.failOn.length) {
    lines.push(
      sum.failing.length
        ? `--fail-on ${sum.failOn.join(',')}: ${sum.failing.length} tool${sum.failing.length === 1 ? '' : 's'} hit the threshold (${terminalCell(sum.failing.slice(0, 8).join(', '), 300)}${sum.failing.length > 8 ? ', …' : ''})`
        : `--fail-on ${sum.failOn.join(',')}: no tool hit the threshold`,
    );
  }
  return lines.join('\n') + '\n';
}

/** One line per server: status, client/name, then tools or the reason. */
export function statusLine(s: ScanServer, catalogueAvailable: boolean): string {
  const who = terminalCell(`${s.client}/${s.name}`, 48);
  const status = s.status.padEnd(STATUS_WIDTH);
  let detail: string;
  if (s.status === 'ok' || s.status === 'invalid-tools') {
    const parts = [`${s.tools.length} tool${s.tools.length === 1 ? '' : 's'}`];
    if (s.invalidTools.length) parts.push(`${s.invalidTools.length} invalid (${s.invalidTools.slice(0, 2).join('; ')}${s.invalidTools.length > 2 ? '; …' : ''})`);
    if (s.catalogue) parts.push(`catalogue: ${s.catalogue.name} (by ${s.catalogue.matchedBy} ${s.catalogue.key})`);
    else if (catalogueAvailable) parts.push('not in the catalogue');
    if (s.sameAs) parts.push(`same server as ${s.sameAs}`);
    if (s.seconds !== undefined) parts.push(`${s.seconds} s`);
    detail = parts.join(', ');
  } else {
    detail = `${s.reason ?? s.status}: ${s.message ?? ''}${s.sameAs ? ` (same server as ${s.sameAs})` : ''}`;
  }
  if (s.envNames.length) detail += `; env: ${s.envNames.join(', ')}`;
  if (s.headerNames.length) detail += `; headers: ${s.headerNames.join(', ')}`;
  return `${status}${who.padEnd(36)} ${terminalCell(detail, 400)}`;
}

function toolRows(report: ScanReport): string[][] {
  const labelOf = new Map(report.servers.map((s) => [s.id, `${s.client}/${s.name}`]));
  const sameName = new Map<string, string[]>();
  for (const f of report.findings) {
    if (f.kind !== 'same-name') continue;
    for (const id of f.servers) sameName.set(`${id}\u0000${f.tool}`, f.servers.filter((o) => o !== id).map((o) => labelOf.get(o) ?? o));
  }
  const rows: string[][] = [];
  for (const s of report.servers) {
    if (s.sameAs) continue; // judged once, under the first entry
    const tools = [...s.tools].sort((a, b) => SEVERITIES.indexOf(b.severity) - SEVERITIES.indexOf(a.severity) || (a.name < b.name ? -1 : 1));
    for (const t of tools) rows.push([`${s.client}/${s.name}`, t.name, t.category, t.severity, t.action, catalogueCell(t), flags(t, sameName.get(`${s.id}\u0000${t.name}`))]);
  }
  return rows;
}

function catalogueCell(t: ScanTool): string {
  if (!t.catalogue) return '';
  return { same: 'same', changed: 'changed', 'not-catalogued': 'new' }[t.catalogue.status];
}

function flags(t: ScanTool, clashesWith?: string[]): string {
  const parts = t.poisoning.map((p) => p.id);
  if (clashesWith?.length) parts.push(`same name as ${clashesWith.join(', ')}`);
  return parts.join(', ');
}

/** A plain-text table; every cell escaped and cut to its column's width. */
function table(header: string[], rows: string[][], widths: number[]): string[] {
  const cells = rows.map((r) => r.map((c, i) => terminalCell(c, widths[i]!)));
  const actual = header.map((h, i) => Math.max(h.length, ...cells.map((r) => r[i]!.length)));
  const line = (r: string[]) => `  ${r.map((c, i) => (i === r.length - 1 ? c : c.padEnd(actual[i]!))).join('  ')}`.trimEnd();
  return [line(header), ...cells.map(line)];
}

/**
 * Writes the output folder. Only our own files are replaced (the folder may
 * be one the user also keeps other things in); stale Intercept files from an
 * earlier run are removed with their folder.
 */
export async function writeScanOutputs(outDir: string, run: ScanRun): Promise<string[]> {
  const report = scanReportSchema.parse(run.report);
  await mkdir(outDir, { recursive: true });
  await rm(join(outDir, 'intercept'), { recursive: true, force: true });
  await rm(join(outDir, 'policy.json'), { force: true });
  const files: string[] = [];
  const write = async (file: string, text: string) => {
    await writeFile(join(outDir, file), text, 'utf8');
    files.push(file);
  };
  await write('scan-report.json', `${JSON.stringify(report, null, 2)}\n`);
  await write('report.html', htmlReport(report, run));
  if (run.policy) await write('policy.json', `${JSON.stringify(policyJsonSchema.parse(run.policy), null, 2)}\n`);
  if (run.intercepts.length) {
    await mkdir(join(outDir, 'intercept'), { recursive: true });
    for (const i of run.intercepts) {
      const checked = interceptPolicySchema.safeParse(parseYaml(i.yaml));
      if (!checked.success) throw new Error(`the Intercept policy for ${i.server} is invalid: ${checked.error.message}`);
      await write(join('intercept', `${i.server}.yaml`), i.yaml);
    }
  }
  return files;
}
