/**
 * One `npm run scan`: find the configured servers, list each one's tools
 * live (two at a time, each within the time limit), judge the tools with
 * the catalogue's own code, compare them with the published catalogue,
 * check the servers against each other and write the stack's policies.
 *
 * A server that cannot be started, hangs or serves bad tools is one line in
 * the report and the rest go on. The same command or URL configured in
 * several places is started once. The result is redacted before anyone
 * sees it: no env or header value from a config leaves this module.
 */
import { performance } from 'node:perf_hooks';
import type { CatalogueTool } from '../../schemas/catalogue.ts';
import type { PolicyJson } from '../../schemas/policy.ts';
import { SEVERITIES, type Severity } from '../../schemas/rules.ts';
import type { ScanFinding, ScanReport, ScanServer, ScanTool } from '../../schemas/scan-report.ts';
import { canonicalJson } from '../hash.ts';
import { loadOverrides } from '../ingest/overrides.ts';
import { IntrospectError } from '../introspect/introspect-error.ts';
import { introspectServer, type IntrospectResult } from '../introspect/introspect-server.ts';
import type { ServerTarget } from '../introspect/mcp-session.ts';
import { redactUrl } from '../introspect/redact-url.ts';
import { loadRules, type CompiledRules } from '../rules/load-rules.ts';
import { assignSlugs } from '../slug.ts';
import { openCatalogue, type CatalogueIndex, type CatalogueMatch } from './catalogue-match.ts';
import { discoverServers, type ConfiguredServer } from './client-configs.ts';
import { CLIENT_NAMES, type Places } from './config-locations.ts';
import { judgeServers, policiesFor, sameNameTools, type LiveServer } from './judge.ts';
import { Redactor } from './redact.ts';

export const FAIL_ON = [...SEVERITIES, 'poisoning'] as const;
export type FailOn = (typeof FAIL_ON)[number];

export interface ScanOptions {
  places: Places;
  /** Files given with --config; when empty, every known location is looked at. */
  configs: readonly string[];
  catalogueDir: string;
  timeoutMs: number;
  concurrency?: number;
  failOn: readonly FailOn[];
  rules?: CompiledRules;
  overridesDir?: string;
  now?: Date;
  /** Told (with a redacted line) as each server finishes, for progress output. */
  progress?: (line: string) => void;
}

export interface ScanRun {
  report: ScanReport;
  /** The combined policy.json, when any tool was judged. */
  policy?: PolicyJson;
  intercepts: { server: string; yaml: string }[];
  redactor: Redactor;
}

interface Outcome {
  result?: IntrospectResult;
  error?: { reason: string; message: string };
  seconds: number;
}

export async function runScan(options: ScanOptions): Promise<ScanRun> {
  const discovery = discoverServers(options.places, options.configs);
  const redactor = new Redactor(discovery.servers.flatMap((s) => s.secrets));
  const ids = serverIds(discovery.servers);

  // Each distinct command or URL is introspected once.
  const firstByTarget = new Map<string, ConfiguredServer>();
  for (const server of discovery.servers) {
    if (server.problem || !server.target) continue;
    const key = canonicalJson(server.target);
    if (!firstByTarget.has(key)) firstByTarget.set(key, server);
  }
  const unique = [...firstByTarget.values()];

  for (const f of discovery.files) {
    const client = CLIENT_NAMES[f.location.client];
    options.progress?.(f.status === 'read' ? `read ${f.location.path} (${client}, ${plural(f.servers.length, 'server')})` : `${f.location.path} (${client}): ${f.problem}; skipped`);
  }
  let catalogue: CatalogueIndex | undefined;
  try {
    catalogue = openCatalogue(options.catalogueDir);
  } catch {
    catalogue = undefined; // an unreadable catalogue counts as none
  }
  if (discovery.files.length) {
    options.progress?.(
      catalogue
        ? `catalogue: ${options.catalogueDir} (${catalogue.servers} servers)`
        : `no catalogue in ${options.catalogueDir} (npm run ingest builds one); tools are judged but not compared with catalogued definitions`,
    );
  }

  const outcomes = new Map<ConfiguredServer, Outcome>();
  let done = 0;
  await inPool(unique, options.concurrency ?? 2, async (server) => {
    const outcome = await introspectOne(server.target!, options.timeoutMs);
    outcomes.set(server, outcome);
    done++;
    options.progress?.(redactor.text(`[${done}/${unique.length}] ${label(server)}: ${outcome.error ? `${outcome.error.reason}: ${outcome.error.message}` : plural(outcome.result!.tools.length, 'tool')} (${outcome.seconds} s)`));
  });

  // Judge every server that answered, in one buildCatalogue call.
  const rules = options.rules ?? loadRules();
  const matches = new Map<ConfiguredServer, CatalogueMatch | undefined>();
  const live: LiveServer[] = [];
  for (const server of unique) {
    const result = outcomes.get(server)?.result;
    if (!result) continue;
    const match = catalogue?.match(server.target!, [server.name, result.serverInfo.name]);
    matches.set(server, match);
    live.push({
      id: ids.get(server)!,
      title: server.name,
      registryName: match?.server.name ?? `local/${ids.get(server)!}`,
      description: result.serverInfo.description,
      version: result.serverInfo.version,
      tools: result.tools,
    });
  }
  const judged = judgeServers(rules, live, loadOverrides(options.overridesDir));

  const reportServers: ScanServer[] = discovery.servers.map((server) => {
    const id = ids.get(server)!;
    const base: ScanServer = {
      id,
      client: server.client,
      configPath: server.configPath,
      scope: server.scope,
      name: server.name,
      ...(server.target ? { transport: server.target.kind, target: describeTarget(server.target) } : {}),
      envNames: server.envNames,
      headerNames: server.headerNames,
      status: 'skipped',
      notes: server.notes,
      invalidTools: [],
      tools: [],
    };
    if (server.problem) return { ...base, status: 'skipped', reason: server.problem.kind, message: server.problem.message };
    const first = firstByTarget.get(canonicalJson(server.target!))!;
    const outcome = outcomes.get(first)!;
    const shared = first !== server ? { sameAs: ids.get(first)! } : {};
    if (outcome.error) return { ...base, ...shared, status: 'failed', reason: outcome.error.reason, message: outcome.error.message, seconds: outcome.seconds };
    const result = outcome.result!;
    const firstId = ids.get(first)!;
    const tools = judged.tools.get(firstId) ?? [];
    const invalid = judged.invalid.get(firstId) ?? [];
    const match = matches.get(first);
    const catalogued = match && catalogue ? catalogue.tools(match.server) : undefined;
    return {
      ...base,
      ...shared,
      status: invalid.length ? 'invalid-tools' : 'ok',
      ...(invalid.length ? { message: `${invalid.length} of ${result.tools.length} tools fail the MCP Tool schema and are not judged` } : {}),
      serverInfo: { name: result.serverInfo.name, version: result.serverInfo.version },
      seconds: outcome.seconds,
      ...(match
        ? {
            catalogue: {
              name: match.server.name,
              slug: match.server.slug,
              url: `/servers/${match.server.slug}/`,
              matchedBy: match.matchedBy,
              key: match.key,
              missingTools: [...(catalogued?.keys() ?? [])].filter((name) => !tools.some((t) => t.name === name)).sort(),
            },
          }
        : {}),
      invalidTools: invalid,
      tools: tools.map((t) => scanTool(t, catalogued)),
    };
  });

  // Cross-server checks, per client: the servers one agent loads together.
  const findings: ScanFinding[] = [];
  const groups = new Map<string, { client: string; ids: string[] }>();
  for (const s of reportServers) {
    if (s.status !== 'ok' && s.status !== 'invalid-tools') continue;
    const key = s.client === 'config' ? `config:${s.configPath}` : s.client;
    const group = groups.get(key) ?? { client: s.client, ids: [] };
    const judgedId = s.sameAs ?? s.id;
    if (!group.ids.includes(judgedId)) group.ids.push(judgedId);
    groups.set(key, group);
  }
  // Sentences name servers as the person configured them (cursor/github); the ids stay in `servers`.
  const labelOf = new Map(reportServers.map((s) => [s.id, label(s)]));
  const named = (text: string) => text.replace(/[a-z0-9]+(?:-[a-z0-9]+)*/g, (word) => labelOf.get(word) ?? word);
  for (const group of groups.values()) {
    for (const clash of sameNameTools(group.ids.map((id) => ({ id, tools: judged.tools.get(id) ?? [] })))) {
      findings.push({
        kind: 'same-name',
        client: group.client,
        tool: clash.tool,
        servers: clash.servers,
        detail: `${clash.servers.map((id) => labelOf.get(id)).join(' and ')} both list "${clash.tool}"; an agent calls tools by name, so one shadows the other (the combined policy keeps the stricter choice: ${clash.kept})`,
      });
    }
  }
  for (const [id, tools] of judged.tools) {
    for (const t of tools) {
      // markShadowing (poisoning/shadowing.ts) names the other servers by slug, which here is our id.
      for (const f of t.poisoning.filter((p) => p.id === 'tool_shadowing')) findings.push({ kind: 'names-other-tool', tool: t.name, servers: [id], detail: `${labelOf.get(id)}: ${t.name} ${named(f.text)}` });
    }
  }

  const withTools = live.filter((s) => (judged.tools.get(s.id) ?? []).length > 0);
  const labels = new Map(unique.map((server) => [ids.get(server)!, label(server)]));
  const stack = withTools.length ? policiesFor(withTools.map((s) => ({ id: s.id, title: labels.get(s.id)!, tools: judged.tools.get(s.id)! }))) : undefined;

  // --fail-on: each judged server once.
  const failing: string[] = [];
  const thresholds = options.failOn.filter((f): f is Severity => f !== 'poisoning').map((f) => SEVERITIES.indexOf(f));
  const lowest = thresholds.length ? Math.min(...thresholds) : Infinity;
  const counted = reportServers.filter((s) => !s.sameAs);
  for (const s of counted) {
    for (const t of s.tools) {
      if (SEVERITIES.indexOf(t.severity) >= lowest || (options.failOn.includes('poisoning') && t.poisoning.length)) failing.push(`${s.id}/${t.name}`);
    }
  }
  const allTools = counted.flatMap((s) => s.tools);
  const tally = (values: string[]) => Object.fromEntries([...new Set(values)].sort().map((v) => [v, values.filter((x) => x === v).length]));

  const report: ScanReport = {
    tool: 'toolrisk scan',
    generatedAt: (options.now ?? new Date()).toISOString(),
    configs: discovery.files.map((f) => ({
      client: f.location.client,
      path: f.location.path,
      status: f.status,
      ...(f.problem ? { problem: f.problem } : {}),
      servers: f.servers.length,
    })),
    catalogue: { dir: options.catalogueDir, available: !!catalogue, ...(catalogue ? { servers: catalogue.servers } : {}) },
    servers: reportServers,
    findings,
    policy: {
      ...(stack ? { file: 'policy.json' } : {}),
      intercepts: (stack?.intercepts ?? []).map((i) => ({ server: i.slug, file: `intercept/${i.slug}.yaml` })),
      clashes: stack?.clashes ?? [],
    },
    summary: {
      servers: reportServers.length,
      scanned: reportServers.filter((s) => s.status === 'ok' || s.status === 'invalid-tools').length,
      failed: reportServers.filter((s) => s.status === 'failed').length,
      skipped: reportServers.filter((s) => s.status === 'skipped').length,
      tools: allTools.length,
      bySeverity: tally(allTools.map((t) => t.severity)),
      byCategory: tally(allTools.map((t) => t.category)),
      poisoned: allTools.filter((t) => t.poisoning.length).length,
      failOn: [...options.failOn],
      failing,
    },
  };
  return {
    report: redactor.deep(report),
    ...(stack ? { policy: redactor.deep(stack.policy) } : {}),
    intercepts: (stack?.intercepts ?? []).map((i) => ({ server: i.slug, yaml: redactor.text(i.yaml) })),
    redactor,
  };
}

async function introspectOne(target: ServerTarget, timeoutMs: number): Promise<Outcome> {
  const started = performance.now();
  const seconds = () => Math.round((performance.now() - started) / 100) / 10;
  try {
    const result = await introspectServer(target, { timeoutMs });
    return { result, seconds: seconds() };
  } catch (error) {
    if (error instanceof IntrospectError) return { error: { reason: error.kind, message: error.message }, seconds: seconds() };
    return { error: { reason: 'error', message: String((error as Error)?.message ?? error).replace(/\s+/g, ' ') }, seconds: seconds() };
  }
}

function scanTool(t: CatalogueTool, catalogued: Map<string, CatalogueTool> | undefined): ScanTool {
  const known = catalogued?.get(t.name);
  return {
    name: t.name,
    ...(t.title ? { title: t.title } : {}),
    description: t.description,
    category: t.category,
    severity: t.severity,
    confidence: t.confidence,
    signals: t.signals.map((s) => s.id),
    rationale: t.rationale,
    action: t.policyKind,
    policySummary: t.policySummary,
    policyChoice: t.policyChoice,
    poisoning: t.poisoning.map(({ id, label, where, text }) => ({ id, label, where, text })),
    definitionHash: t.definitionHash,
    ...(catalogued
      ? {
          catalogue: known
            ? { status: known.definitionHash === t.definitionHash ? 'same' : 'changed', url: known.url, category: known.category, severity: known.severity, definitionHash: known.definitionHash }
            : { status: 'not-catalogued' },
        }
      : {}),
  } as ScanTool;
}

/** "cursor-everything"; the scope or a number is added only where two entries would share an id. */
function serverIds(servers: readonly ConfiguredServer[]): Map<ConfiguredServer, string> {
  const plain = servers.map((s) => `${s.client} ${s.name}`);
  const names = servers.map((s, i) => {
    if (plain.filter((p) => p === plain[i]).length === 1) return plain[i]!;
    const scoped = `${s.client} ${s.scope} ${s.name}`;
    const same = servers.filter((o, j) => `${o.client} ${o.scope} ${o.name}` === scoped && j < i).length;
    return same ? `${scoped} ${same + 1}` : scoped;
  });
  const slugs = assignSlugs(names, 'server');
  return new Map(servers.map((s, i) => [s, slugs.get(names[i]!)!]));
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

export function label(server: { client: string; name: string }): string {
  return `${server.client}/${server.name}`;
}

/** Command line or URL for display: URL credentials and queries dropped, values of secret-looking flags hidden. */
function describeTarget(target: ServerTarget): string {
  if (target.kind === 'http') return redactUrl(target.url);
  const secretFlag = /(token|key|secret|pass|auth|cred)/i;
  const args = target.args.map((arg, i) => {
    const eq = arg.indexOf('=');
    if (arg.startsWith('-') && eq > 0 && secretFlag.test(arg.slice(0, eq))) return `${arg.slice(0, eq)}=[redacted]`;
    const previous = target.args[i - 1];
    if (previous?.startsWith('-') && !previous.includes('=') && secretFlag.test(previous) && !arg.startsWith('-')) return '[redacted]';
    return /^https?:\/\//.test(arg) ? redactUrl(arg) : arg;
  });
  return [target.command, ...args].join(' ');
}

async function inPool<T>(items: readonly T[], size: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await work(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(size, items.length) }, worker));
}
