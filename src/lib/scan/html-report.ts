/**
 * The scan as one self-contained HTML page: inline CSS, no script, no
 * external request (a Content-Security-Policy meta tag forbids loading
 * anything, in case a future edit slips), and no links but in-page anchors,
 * since catalogue pages live on the site, not beside this file.
 *
 * Every piece of text is escaped, and invisible or bidi characters are
 * shown as [U+XXXX] (site/display-text.ts), because tool names and
 * descriptions are third-party and may carry markup or hidden text.
 */
import type { ScanReport, ScanServer, ScanTool } from '../../schemas/scan-report.ts';
import { SEVERITIES } from '../../schemas/rules.ts';
import { revealHidden } from '../text/display.ts';
import type { ScanRun } from './run-scan.ts';

const MAX_DESCRIPTION = 4000;

export function escapeHtml(text: string): string {
  return revealHidden(text.isWellFormed() ? text : text.toWellFormed()).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

const e = escapeHtml;

const CSS = `
body{font:14px/1.45 system-ui,sans-serif;margin:2rem auto;max-width:1200px;padding:0 1rem;color:#1a1a1a}
h1{font-size:1.5rem}h2{font-size:1.2rem;margin-top:2rem;border-bottom:1px solid #ddd}h3{font-size:1.05rem;margin-bottom:.3rem}
table{border-collapse:collapse;width:100%;margin:.5rem 0}th,td{text-align:left;vertical-align:top;padding:.3rem .5rem;border-bottom:1px solid #eee}
th{background:#f6f6f6}code,pre{font-family:ui-monospace,monospace;font-size:12px}pre{white-space:pre-wrap;word-break:break-word;background:#f8f8f8;padding:.5rem;margin:.3rem 0}
.sev{font-weight:600;padding:0 .35rem;border-radius:3px}.critical{background:#7a0010;color:#fff}.high{background:#d9480f;color:#fff}.medium{background:#f4c542}.low{background:#d3f9d8}
.ok{color:#1b7a2c}.failed{color:#b00020}.skipped{color:#666}.invalid-tools{color:#b36b00}.flag{color:#b00020;font-weight:600}
.muted{color:#666}details summary{cursor:pointer}
`;

export function htmlReport(report: ScanReport, run: Pick<ScanRun, 'policy' | 'intercepts'>): string {
  const sum = report.summary;
  const severityLine = [...SEVERITIES].reverse().filter((s) => sum.bySeverity[s]).map((s) => `${sum.bySeverity[s]} ${s}`).join(', ');
  const parts: string[] = [];
  parts.push(`<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width,initial-scale=1">
<title>toolrisk scan: what can my agents call?</title><style>${CSS}</style></head><body>
<h1>What can my agents call?</h1>
<p>toolrisk scan, ${e(report.generatedAt)}. ${sum.servers} configured server${sum.servers === 1 ? '' : 's'}: ${sum.scanned} scanned, ${sum.failed} failed, ${sum.skipped} skipped.
${sum.tools} tool${sum.tools === 1 ? '' : 's'}${severityLine ? ` (${e(severityLine)})` : ''}, ${sum.poisoned} with poisoning flags.</p>
<p class="muted">Catalogue: ${report.catalogue.available ? `${e(report.catalogue.dir)} (${report.catalogue.servers} servers)` : `none found in ${e(report.catalogue.dir)}; tools were judged but not compared`}.
Env and header values from the configs are never shown; only their names are.</p>`);

  parts.push('<h2>Config files</h2><table><tr><th>client</th><th>file</th><th>servers</th><th>status</th></tr>');
  for (const c of report.configs) parts.push(`<tr><td>${e(c.client)}</td><td><code>${e(c.path)}</code></td><td>${c.servers}</td><td>${e(c.status === 'read' ? 'read' : `skipped: ${c.problem ?? ''}`)}</td></tr>`);
  parts.push('</table>');

  parts.push('<h2>Servers</h2><table><tr><th>server</th><th>status</th><th>runs</th><th>tools</th><th>catalogue</th></tr>');
  for (const s of report.servers) {
    const status = s.status === 'ok' || s.status === 'invalid-tools' ? `${s.status}` : `${s.status}: ${s.reason ?? ''}`;
    const detail = s.message ? `<br><span class="muted">${e(s.message)}</span>` : '';
    const secrets = [s.envNames.length ? `env: ${s.envNames.join(', ')}` : '', s.headerNames.length ? `headers: ${s.headerNames.join(', ')}` : ''].filter(Boolean).join('; ');
    parts.push(
      `<tr><td>${s.status === 'ok' || s.status === 'invalid-tools' ? `<a href="#${e(anchor(s.sameAs ?? s.id))}">${e(`${s.client}/${s.name}`)}</a>` : e(`${s.client}/${s.name}`)}<br><span class="muted">${e(s.configPath)} (${e(s.scope)})</span></td>` +
        `<td class="${e(s.status)}">${e(status)}${detail}</td>` +
        `<td><code>${e(s.target ?? '')}</code>${secrets ? `<br><span class="muted">${e(secrets)}</span>` : ''}${s.notes.map((n) => `<br><span class="muted">${e(n)}</span>`).join('')}</td>` +
        `<td>${s.status === 'ok' || s.status === 'invalid-tools' ? s.tools.length : ''}${s.sameAs ? `<br><span class="muted">same server as ${e(s.sameAs)}</span>` : ''}</td>` +
        `<td>${s.catalogue ? `${e(s.catalogue.name)}<br><span class="muted">by ${e(s.catalogue.matchedBy)} ${e(s.catalogue.key)}</span>` : ''}</td></tr>`,
    );
  }
  parts.push('</table>');

  if (report.findings.length) {
    parts.push('<h2>Cross-server findings</h2><ul>');
    for (const f of report.findings) parts.push(`<li><strong>${f.kind === 'same-name' ? 'Same name' : 'Names another server’s tool'}:</strong> ${e(f.detail)}</li>`);
    parts.push('</ul>');
  }

  parts.push('<h2>Tools</h2>');
  for (const s of report.servers) {
    if (s.sameAs || !(s.status === 'ok' || s.status === 'invalid-tools')) continue;
    parts.push(serverSection(s));
  }

  parts.push('<h2>Policies</h2>');
  if (run.policy) {
    parts.push(`<p>Combined <code>policy.json</code> for every scanned tool${report.policy.clashes.length ? `; where two servers share a tool name it keeps the stricter choice (${report.policy.clashes.map((c) => e(c.tool)).join(', ')})` : ''}:</p>`);
    parts.push(`<details><summary>policy.json</summary><pre>${e(JSON.stringify(run.policy, null, 2))}</pre></details>`);
    for (const i of run.intercepts) parts.push(`<details><summary>Intercept YAML for ${e(i.server)} (intercept/${e(i.server)}.yaml)</summary><pre>${e(i.yaml)}</pre></details>`);
  } else {
    parts.push('<p>No tool was judged, so no policy was written.</p>');
  }
  parts.push('</body></html>\n');
  return parts.join('\n');
}

function serverSection(s: ScanServer): string {
  const rows = [...s.tools].sort((a, b) => SEVERITIES.indexOf(b.severity) - SEVERITIES.indexOf(a.severity) || (a.name < b.name ? -1 : 1)).map(toolRow);
  const invalid = s.invalidTools.length ? `<p class="invalid-tools">Not judged (invalid): ${s.invalidTools.map(e).join('; ')}</p>` : '';
  const missing = s.catalogue?.missingTools.length ? `<p class="muted">Catalogued but not listed live: ${s.catalogue.missingTools.map(e).join(', ')}</p>` : '';
  return `<h3 id="${e(anchor(s.id))}">${e(`${s.client}/${s.name}`)}${s.serverInfo ? ` <span class="muted">(${e(s.serverInfo.name)} ${e(s.serverInfo.version)})</span>` : ''}</h3>${invalid}${missing}
<table><tr><th>tool</th><th>category</th><th>severity</th><th>recommended</th><th>catalogue</th><th>flags and rationale</th></tr>
${rows.join('\n')}</table>`;
}

function toolRow(t: ScanTool): string {
  const flags = t.poisoning.map((p) => `<div class="flag">${e(p.label)}: ${e(p.text)}</div>`).join('');
  const description = t.description.length > MAX_DESCRIPTION ? `${t.description.slice(0, MAX_DESCRIPTION)}… (${t.description.length} characters in all)` : t.description;
  const catalogue = t.catalogue ? { same: 'same definition', changed: 'definition changed', 'not-catalogued': 'not catalogued' }[t.catalogue.status] : '';
  const catalogued = t.catalogue?.category ? `<br><span class="muted">catalogue: ${e(t.catalogue.category)}, ${e(t.catalogue.severity ?? '')}</span>` : '';
  return (
    `<tr><td><code>${e(t.name)}</code></td><td>${e(t.category)}</td><td><span class="sev ${e(t.severity)}">${e(t.severity)}</span></td>` +
    `<td>${e(t.action)}<br><span class="muted">${e(t.policySummary)}</span></td><td>${e(catalogue)}${catalogued}</td>` +
    `<td>${flags}${e(t.rationale)}<details><summary>description</summary><pre>${e(description)}</pre></details></td></tr>`
  );
}

function anchor(id: string): string {
  return `server-${id}`;
}
