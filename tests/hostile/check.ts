/**
 * Checks an ingest result against the hostile expectations. Each function
 * returns a list of problems (empty when all is well), so a failing test
 * shows every problem of a case at once.
 */
import { isMap, isScalar, parseDocument } from 'yaml';
import type { IngestResult } from '../../src/lib/ingest/run-ingest.ts';
import { buildReportSchema, catalogueServerSchema, catalogueToolSchema, type CatalogueTool } from '../../src/schemas/catalogue.ts';
import type { ExpectedTool, HostileCase, HostileExpectation } from './generate.ts';

export const SLUG_PATTERN = /^[a-z0-9][a-z0-9-]*$/;
export const MAX_SLUG_LENGTH = 90;

const show = (s: string | null) => (s === null ? 'null' : JSON.stringify(s.length > 80 ? s.slice(0, 77) + '...' : s));

function firstDifference(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return i;
  return n;
}

const hasWords = (text: string, words: readonly string[]) => words.every((w) => text.toLowerCase().includes(w.toLowerCase()));

/** The folder or jsonl line a case's server would come from. */
function possibleSources(c: HostileCase): string[] {
  return [c.file, c.file.replace(/\/tools\.json$/, '')];
}

export function toolsOfCase(r: Pick<IngestResult, 'tools'>, c: HostileCase): CatalogueTool[] {
  return c.source === null ? [] : r.tools.filter((t) => t.source === c.source);
}

function checkWrittenTool(c: HostileCase, want: ExpectedTool, byName: Map<string, CatalogueTool[]>): string[] {
  const p: string[] = [];
  const label = `${c.id}: tool ${want.index} ${show(want.name)}`;
  const matches = byName.get(want.name!) ?? [];
  if (matches.length !== 1) return [`${label}: expected to be written once, found ${matches.length} tools with that exact name`];
  const t = matches[0]!;
  if (want.description !== undefined && t.description !== want.description) {
    const i = firstDifference(t.description, want.description);
    p.push(`${label}: description differs at character ${i} (length ${t.description.length}, expected ${want.description.length}): ${show(t.description.slice(i, i + 40))} vs ${show(want.description.slice(i, i + 40))}`);
  }
  if (want.params !== undefined && t.params.length !== want.params) p.push(`${label}: ${t.params.length} params, expected ${want.params}`);
  for (const f of want.findings ?? []) {
    const hit = t.poisoning.find((x) => x.id === f.id && x.where === f.where && x.text.includes(f.evidence));
    if (!hit) p.push(`${label}: no ${f.id} finding on ${f.where} quoting ${show(f.evidence)}; findings: ${JSON.stringify(t.poisoning.map((x) => [x.id, x.where, x.text]))}`);
    // Quoted evidence must come from the description itself, not be paraphrased.
    if (hit && f.where === 'description' && ['hidden_instructions', 'sensitive_file_request', 'cross_tool_instruction'].includes(f.id)) {
      const quoted = hit.text.replace(/^…|…$/g, '');
      if (!t.description.replace(/\s+/g, ' ').includes(quoted)) p.push(`${label}: ${f.id} evidence ${show(hit.text)} is not text of the description`);
    }
  }
  if (want.clean && t.poisoning.length) p.push(`${label}: a clean tool has poisoning findings ${JSON.stringify(t.poisoning.map((x) => [x.id, x.where, x.text]))}`);
  return p;
}

/** Server, tools and issues of one case. */
export function checkCase(r: IngestResult, c: HostileCase): string[] {
  const p: string[] = [];
  const servers = c.source === null ? [] : r.servers.filter((s) => s.source === c.source);
  if (c.server.written) {
    if (servers.length !== 1) p.push(`${c.id}: expected one server from ${c.source}, found ${servers.length}`);
    const s = servers[0];
    if (s) {
      if (c.server.name !== undefined && s.name !== c.server.name) p.push(`${c.id}: server name ${show(s.name)}, expected ${show(c.server.name)}`);
      if (c.server.title !== undefined && s.title !== c.server.title) p.push(`${c.id}: server title ${show(s.title)}, expected ${show(c.server.title)}`);
      if (c.server.toolCount !== undefined && s.toolCount !== c.server.toolCount) p.push(`${c.id}: server toolCount ${s.toolCount}, expected ${c.server.toolCount}`);
    }
  } else {
    const stray = r.servers.filter((s) => possibleSources(c).includes(s.source));
    if (stray.length) p.push(`${c.id}: no server expected, found ${stray.map((s) => s.slug).join(', ')}`);
    const strayTools = r.tools.filter((t) => possibleSources(c).includes(t.source));
    if (strayTools.length) p.push(`${c.id}: no tools expected, found ${strayTools.length}`);
  }

  const got = toolsOfCase(r, c);
  const written = c.tools.filter((t) => t.outcome === 'written');
  // The exact multiset of names: nothing renamed, trimmed, dropped or added.
  const gotNames = got.map((t) => t.name).sort();
  const wantNames = (c.server.written ? written : []).map((t) => t.name!).sort();
  if (JSON.stringify(gotNames) !== JSON.stringify(wantNames)) {
    p.push(`${c.id}: written names ${JSON.stringify(gotNames.map((n) => show(n)))} but expected ${JSON.stringify(wantNames.map((n) => show(n)))}`);
  }
  const byName = new Map<string, CatalogueTool[]>();
  for (const t of got) byName.set(t.name, [...(byName.get(t.name) ?? []), t]);
  for (const w of written) p.push(...checkWrittenTool(c, w, byName));

  for (const rep of c.tools.filter((t) => t.outcome === 'reported')) {
    const label = `${c.id}: tool ${rep.index} ${show(rep.name)}`;
    const issues = r.issues.filter((i) => i.file === c.file && i.tool === rep.reportTool);
    if (!issues.length) {
      p.push(`${label}: no report issue with file ${c.file} and tool ${show(rep.reportTool ?? null)}`);
      continue;
    }
    const good = issues.find((i) => i.level === 'error' && hasWords(i.problem, rep.reason ?? []));
    if (!good) p.push(`${label}: report issue does not name the problem (${(rep.reason ?? []).join(', ')}): ${issues.map((i) => `${i.level}: ${i.problem}`).join(' | ')}`);
    if (good && c.server.name !== undefined && good.server !== c.server.name) p.push(`${label}: issue names server ${show(good.server ?? null)}, expected ${show(c.server.name)}`);
  }

  for (const want of c.issues) {
    const found = r.issues.find((i) => i.file === want.file && i.level === want.level && i.tool === undefined && hasWords(i.problem, want.reason));
    if (!found) {
      const near = r.issues.filter((i) => i.file === want.file).map((i) => `${i.level}: ${i.problem}`);
      p.push(`${c.id}: no ${want.level} for ${want.file} naming (${want.reason.join(', ')}); issues for that file: ${near.length ? near.join(' | ') : 'none'}`);
    }
  }
  return p;
}

/** Every issue in the report is one the cases expect: no spurious errors or warnings. */
export function checkNoUnexpectedIssues(r: IngestResult, cases: readonly HostileCase[]): string[] {
  const pending = cases.flatMap((c) => [
    ...c.tools.filter((t) => t.outcome === 'reported').map((t) => ({ file: c.file, tool: t.reportTool as string | undefined, level: 'error' })),
    ...c.issues.map((i) => ({ file: i.file, tool: undefined as string | undefined, level: i.level as string })),
  ]);
  const p: string[] = [];
  for (const issue of r.issues) {
    const at = pending.findIndex((e) => e.file === issue.file && e.tool === issue.tool && e.level === issue.level);
    if (at < 0) p.push(`unexpected ${issue.level}: ${issue.file}${issue.tool !== undefined ? ` tool ${show(issue.tool)}` : ''}: ${issue.problem}`);
    else pending.splice(at, 1);
  }
  return p;
}

export function checkCounts(r: IngestResult, expected: HostileExpectation): string[] {
  const p: string[] = [];
  const c = r.report.counts;
  for (const key of ['servers', 'toolsRead', 'toolsWritten', 'toolsReported'] as const) {
    if (c[key] !== expected.totals[key]) p.push(`report.counts.${key} is ${c[key]}, expected ${expected.totals[key]}`);
  }
  if (c.toolsRead !== c.toolsWritten + c.toolsReported) p.push(`toolsRead ${c.toolsRead} != toolsWritten ${c.toolsWritten} + toolsReported ${c.toolsReported}`);
  if (c.toolsWritten !== r.tools.length) p.push(`toolsWritten ${c.toolsWritten} but ${r.tools.length} tools in the catalogue`);
  if (c.servers !== r.servers.length) p.push(`servers ${c.servers} but ${r.servers.length} servers in the catalogue`);
  const errors = r.report.issues.filter((i) => i.level === 'error').length;
  const warnings = r.report.issues.filter((i) => i.level === 'warning').length;
  if (c.errors !== errors || c.warnings !== warnings) p.push(`counts say ${c.errors} errors/${c.warnings} warnings, issues hold ${errors}/${warnings}`);
  return p;
}

function checkSlug(what: string, slug: string): string[] {
  const p: string[] = [];
  if (!SLUG_PATTERN.test(slug)) p.push(`${what}: slug ${show(slug)} does not match ${SLUG_PATTERN}`);
  if (slug.length > MAX_SLUG_LENGTH) p.push(`${what}: slug is ${slug.length} characters (max ${MAX_SLUG_LENGTH})`);
  return p;
}

/** Names in a policy.json: hidden ones and configured ones. */
function policyNames(policy: { hide?: string[]; tools: Record<string, unknown> }): string[] {
  return [...(policy.hide ?? []), ...Object.keys(policy.tools)];
}

/**
 * Tool names in an Intercept YAML (hidden and configured). Throws on YAML
 * errors and on a key repeated in `tools`. yaml's own uniqueKeys check is
 * quadratic (minutes for 10,000 tools), so duplicates are counted here.
 */
function yamlNames(yaml: string): string[] {
  const doc = parseDocument(yaml, { uniqueKeys: false });
  if (doc.errors.length) throw doc.errors[0];
  const tools = doc.get('tools');
  if (isMap(tools)) {
    const seen = new Set<unknown>();
    for (const pair of tools.items) {
      const key = isScalar(pair.key) ? pair.key.value : pair.key;
      if (seen.has(key)) throw new Error(`tools key ${JSON.stringify(key)} appears twice`);
      seen.add(key);
    }
  }
  const js = doc.toJS() as { hide?: unknown[]; tools?: Record<string, unknown> | null };
  return [...(js.hide ?? []).map(String), ...Object.keys(js.tools ?? {})];
}

const sameNames = (a: string[], b: string[]) => JSON.stringify([...a].sort()) === JSON.stringify([...b].sort());

/**
 * Whole-catalogue invariants: slugs (unique per server, also
 * case-insensitively; ASCII; at most 90 characters), ids and URLs, policy
 * files naming each tool exactly, Intercept YAML that parses back to the same
 * names, and the catalogue JSON contract. `perToolYamlLimit` caps how many
 * tools of one server get their own YAML snippet parsed (parsing 10,000 is slow).
 */
export function checkInvariants(r: IngestResult, opts: { perToolYamlLimit?: number } = {}): string[] {
  const p: string[] = [];
  const limit = opts.perToolYamlLimit ?? Infinity;
  const serverSlugs = new Set<string>();
  const ids = new Set<string>();
  const report = buildReportSchema.safeParse(r.report);
  if (!report.success) p.push(`report does not match the schema: ${report.error.message.slice(0, 300)}`);

  const bySlug = new Map<string, CatalogueTool[]>();
  for (const t of r.tools) {
    const list = bySlug.get(t.serverSlug) ?? [];
    list.push(t);
    bySlug.set(t.serverSlug, list);
  }
  for (const slug of bySlug.keys()) if (!r.servers.some((s) => s.slug === slug)) p.push(`tools point at server slug ${slug}, which is not in servers`);

  for (const s of r.servers) {
    const what = `server ${show(s.name)} (${s.source})`;
    p.push(...checkSlug(what, s.slug));
    if (serverSlugs.has(s.slug.toLowerCase())) p.push(`${what}: server slug ${s.slug} is used twice`);
    serverSlugs.add(s.slug.toLowerCase());
    const ps = catalogueServerSchema.safeParse(s);
    if (!ps.success) p.push(`${what}: does not match the catalogue schema: ${ps.error.message.slice(0, 300)}`);

    const tools = bySlug.get(s.slug) ?? [];
    if (s.toolCount !== tools.length) p.push(`${what}: toolCount ${s.toolCount} but ${tools.length} tools`);
    const slugs = new Set<string>();
    tools.forEach((t, i) => {
      const tw = `${what} tool ${show(t.name)}`;
      p.push(...checkSlug(tw, t.slug));
      if (slugs.has(t.slug.toLowerCase())) p.push(`${tw}: slug ${t.slug} is not unique in its server (case-insensitively)`);
      slugs.add(t.slug.toLowerCase());
      if (t.id !== `${s.slug}/${t.slug}`) p.push(`${tw}: id ${t.id} is not ${s.slug}/${t.slug}`);
      if (ids.has(t.id)) p.push(`${tw}: id ${t.id} is used twice`);
      ids.add(t.id);
      if (t.url !== `/tools/${s.slug}/${t.slug}/`) p.push(`${tw}: url ${t.url}`);
      const pt = catalogueToolSchema.safeParse(t);
      if (!pt.success) p.push(`${tw}: does not match the catalogue schema: ${pt.error.message.slice(0, 300)}`);
      // The tool's own policy names it exactly once, as an own key or in hide.
      const own = Object.hasOwn(t.policy.tools, t.name);
      const hidden = (t.policy.hide ?? []).includes(t.name);
      if (own === hidden) p.push(`${tw}: policy.json must name the tool exactly once (own key ${own}, hidden ${hidden})`);
      if (!sameNames(policyNames(t.policy), [t.name])) p.push(`${tw}: policy.json names ${JSON.stringify(policyNames(t.policy))}`);
      if (i < limit) {
        try {
          const names = yamlNames(t.intercept);
          if (!sameNames(names, [t.name])) p.push(`${tw}: Intercept YAML names ${JSON.stringify(names)}`);
        } catch (err) {
          p.push(`${tw}: Intercept YAML does not parse: ${(err as Error).message.split('\n')[0]}`);
        }
      }
    });
    const names = tools.map((t) => t.name);
    if (!sameNames(policyNames(s.policy), names)) p.push(`${what}: server policy.json names ${policyNames(s.policy).length} tools, the server has ${names.length} (or the names differ)`);
    try {
      const yNames = yamlNames(s.intercept);
      if (!sameNames(yNames, names)) p.push(`${what}: server Intercept YAML names ${yNames.length} tools, the server has ${names.length} (or the names differ)`);
    } catch (err) {
      p.push(`${what}: server Intercept YAML does not parse: ${(err as Error).message.split('\n')[0]}`);
    }
  }
  return p;
}
