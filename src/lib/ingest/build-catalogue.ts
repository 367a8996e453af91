/**
 * Turns what was read from the data folder into catalogue records: slugs,
 * classification, rationale, policies, overrides and fingerprints.
 * Deterministic: the same input gives byte-identical output.
 */
import type { CatalogueServer, CatalogueTool, ReportIssue } from '../../schemas/catalogue.ts';
import { CATEGORIES, RISK_SIGNALS, SEVERITIES, type Category } from '../../schemas/rules.ts';
import { policyJsonSchema, type PolicyJson } from '../../schemas/policy.ts';
import { applySeverity } from '../classify/severity.ts';
import { classify } from '../classify/classify.ts';
import { writeRationale } from '../classify/rationale.ts';
import { serverPrefixWords } from '../classify/server-prefix.ts';
import type { Classification } from '../classify/types.ts';
import { canonicalJson, sha256Hex } from '../hash.ts';
import { recommendPolicy } from '../policy/build-policy.ts';
import { serverPolicy } from '../policy/combine.ts';
import type { CompiledRules } from '../rules/load-rules.ts';
import { assignSlugs } from '../slug.ts';
import { toolParams, typeLabel } from '../text/params.ts';
import { detectPoisoning, isSteering } from '../poisoning/detect.ts';
import { markShadowing, shadowingOwners, type ShadowingOwners } from '../poisoning/shadowing.ts';
import { loadAttackPatterns, patternsForSignal } from '../attack-patterns.ts';
import { overrideKey, type Override } from './overrides.ts';
import type { RawTool } from './read-sources.ts';
import type { MergedServer } from './merge-servers.ts';

export interface CatalogueBuild {
  servers: CatalogueServer[];
  tools: CatalogueTool[];
  issues: ReportIssue[];
}

export interface BuildOptions {
  overrides?: Map<string, Override>;
  /** Skip page-only extras (used by the throughput benchmark to measure the core). */
  lean?: boolean;
}

function paramsOf(tool: RawTool): CatalogueTool['params'] {
  return toolParams(tool.inputSchema).map((p) => {
    const d = p.description;
    return { name: p.name, type: typeLabel(p), required: p.required, ...(d ? { description: d.length > 400 ? d.slice(0, 399) + '…' : d } : {}) };
  });
}

/** Applies a reviewer's pins; severity is recomputed for a pinned category unless pinned too. */
function applyOverride(c: Classification, rules: CompiledRules, o: Override): Classification {
  let next = { ...c };
  if (o.category && o.category !== c.category) {
    const sev = applySeverity(rules.severity, o.category, c.signals);
    // The reviewer's category is what the tool does: an operation read as more
    // dangerous (the "delete" of a file git history brings back) is shown at it.
    const rank = (x: string) => rules.raw.precedence.indexOf(x as never);
    const operations = c.operations.map((op) => (rank(op.category) < rank(o.category!) ? { ...op, category: o.category! } : op));
    next = { ...next, category: o.category, severity: sev.severity, baseSeverity: sev.base, severitySteps: sev.steps, operations };
  }
  if (o.severity) next = { ...next, severity: o.severity };
  return next;
}

/** What identifies one tool across snapshots: its id and its definition as the server listed it. */
export interface ToolDefinition {
  tool: MergedServer['tools'][number];
  slug: string;
  id: string;
  /** Canonical JSON of the definition. */
  definition: string;
  definitionHash: string;
}

/**
 * The ids and definitions of a server's tools. buildCatalogue and the drift
 * snapshot reader (readDefinitions) both take them from here, so a
 * snapshot read without classifying has the same ids and hashes.
 */
export function toolDefinitions(raw: MergedServer): ToolDefinition[] {
  const toolSlugs = assignSlugs(raw.tools.map((t) => t.name));
  return raw.tools.map((tool) => {
    const slug = toolSlugs.get(tool.name)!;
    const definition = canonicalJson(tool.definition);
    return { tool, slug, id: `${raw.slug}/${slug}`, definition, definitionHash: sha256Hex(definition) };
  });
}

/** Where buildInto hands the catalogue, piece by piece. */
export interface CatalogueSink {
  /** One finished tool record (shadowing and attack patterns included); a server's tools come together, in order. */
  tool(tool: CatalogueTool): void;
  /** A server's record, right after its last tool. */
  server(server: CatalogueServer): void;
}

export interface StreamOptions extends BuildOptions {
  /** toolOwners of every server to be built; needed unless lean. */
  owners?: ShadowingOwners;
}

/**
 * Which servers have each distinctive tool name: what shadowing needs to
 * look across servers. Only names are read, so a caller that builds the
 * servers one at a time collects them first.
 */
export function toolOwners(servers: readonly MergedServer[]): ShadowingOwners {
  return shadowingOwners(servers.flatMap((s) => s.tools.map((t) => ({ name: t.name, serverSlug: s.slug }))));
}

/**
 * Builds the records of servers that merge-servers.ts has given one identity
 * and one slug each, a tool at a time: each record goes to the sink as soon
 * as it is finished, and only what the server's record needs of it (name,
 * category, severity, policy choice, findings) is kept until the server is
 * done. A sink that writes the records out holds no tool record for long,
 * and `servers` may be a generator that makes each server when it is due.
 */
export function buildInto(rules: CompiledRules, servers: Iterable<MergedServer>, options: StreamOptions, sink: CatalogueSink): void {
  const owners = options.lean ? undefined : options.owners;
  if (!options.lean && !owners) throw new Error('buildInto: shadowing needs the owners of every tool name (toolOwners)');
  const patterns = owners ? loadAttackPatterns() : [];
  const bySignal = new Map<string, string[]>();
  for (const raw of servers) {
    const title = (raw.meta.title && raw.meta.title.trim()) || raw.meta.name;
    const summaries: ToolSummary[] = [];
    buildServerTools(rules, raw, title, options, (t) => {
      if (owners) {
        markShadowing([t], owners);
        for (const f of t.poisoning) {
          if (!bySignal.has(f.id)) bySignal.set(f.id, patternsForSignal(patterns, f.id));
          f.patterns = bySignal.get(f.id)!;
        }
      }
      summaries.push({ name: t.name, category: t.category, severity: t.severity, policyChoice: t.policyChoice, poisoning: t.poisoning });
      sink.tool(t);
    });
    sink.server(summariseServer(raw, raw.slug, title, summaries));
  }
}

/** Builds the records of servers that merge-servers.ts has given one identity and one slug each. */
export function buildCatalogue(rules: CompiledRules, servers: MergedServer[], options: BuildOptions = {}): CatalogueBuild {
  const outServers: CatalogueServer[] = [];
  const outTools: CatalogueTool[] = [];
  const owners = options.lean ? undefined : toolOwners(servers);
  buildInto(rules, servers, { ...options, ...(owners ? { owners } : {}) }, { tool: (t) => outTools.push(t), server: (s) => outServers.push(s) });
  return { servers: outServers, tools: outTools, issues: [] };
}

/** The records of one server's tools: classification, rationale, policies, overrides and fingerprints. */
function buildServerTools(rules: CompiledRules, raw: MergedServer, title: string, options: BuildOptions, each: (tool: CatalogueTool) => void): void {
  const serverSlug = raw.slug;
  const prefixWords = serverPrefixWords(
    [raw.meta.name.split('/').pop() ?? '', raw.meta.title ?? '', raw.slugSource.split('/').pop() ?? ''],
    raw.tools.map((t) => t.name),
    (w) => rules.verbCategory.has(w),
  );
  const ctx = { title, prefixWords };
  const siblings = new Set(raw.tools.map((t) => t.name));

  for (const { tool, slug, id, definition, definitionHash } of toolDefinitions(raw)) {
    let c = classify(rules, tool, ctx);
    const override = options.overrides?.get(overrideKey(raw.meta.name, tool.name));
    if (override) c = applyOverride(c, rules, override);
    const params = paramsOf(tool);
    // Poisoning decides the policy, so it is read in every build. Needing a
    // credential is a risk signal (needs_credentials), not an attack.
    const poisoning = detectPoisoning(tool, params, siblings);
    const benign = override?.poisoning === 'benign';
    const steering = benign ? [] : poisoning.filter((f) => isSteering(f));
    if (steering.length) c = { ...c, signals: [...c.signals, 'steers_agent' as const].sort() };
    const rec = recommendPolicy(rules.policy, tool.name, title, c.category, c.severity, c.signals, tool.inputSchema?.properties, c.operationParams);
    each({
      id,
      server: raw.meta.name,
      serverSlug,
      serverTitle: title,
      name: tool.name,
      slug,
      ...(tool.title ? { title: tool.title } : {}),
      description: tool.description,
      url: `/tools/${serverSlug}/${slug}/`,
      params,
      requiredParams: params.filter((p) => p.required).map((p) => p.name),
      hasInputSchema: !!tool.inputSchema,
      ...(tool.annotations ? { annotations: tool.annotations } : {}),
      category: c.category,
      severity: c.severity,
      baseSeverity: c.baseSeverity,
      severitySteps: c.severitySteps,
      confidence: override ? 1 : c.confidence,
      signals: c.signals.map((id) => ({ id, label: RISK_SIGNALS[id] })),
      rationale: writeRationale(c, { rules, name: tool.name, server: title, policyKind: rec.recommended.kind, policyBecause: rec.because, params: params.map((p) => p.name), steering, benignFlags: benign ? poisoning : [], description: tool.description }),
      operations: c.operations.slice(0, 16),
      ...(c.objectKind ? { object: c.objectKind } : {}),
      ...(c.needsReview && !override ? { needsReview: c.needsReview } : {}),
      evidence: c.evidence.slice(0, 12),
      policyRule: { id: rec.ruleId, because: rec.because },
      policy: rec.recommended.policy,
      policyKind: rec.recommended.kind,
      policyChoice: rec.recommended.choice,
      policySummary: rec.recommended.summary,
      intercept: rec.recommended.intercept,
      alternatives: rec.alternatives,
      poisoning,
      ...(override
        ? {
            review: {
              note: override.note,
              ...(override.reviewer ? { reviewer: override.reviewer } : {}),
              ...(override.date ? { date: override.date } : {}),
              pinned: [...(override.category ? (['category'] as const) : []), ...(override.severity ? (['severity'] as const) : []), ...(override.poisoning ? (['poisoning'] as const) : [])],
              file: override.file,
            },
          }
        : {}),
      definitionHash,
      origins: tool.origins,
      definition,
      source: raw.source,
    });
  }
}

/** What a server's record needs of each of its tools. */
export type ToolSummary = Pick<CatalogueTool, 'name' | 'category' | 'severity' | 'policyChoice'> & { poisoning: readonly unknown[] };

/** Counts, the whole-server policy (grouped by category) and its Intercept YAML. */
export function summariseServer(raw: MergedServer, slug: string, title: string, tools: readonly ToolSummary[]): CatalogueServer {
  const categoryCounts: Record<string, number> = Object.fromEntries(CATEGORIES.map((c) => [c, 0]));
  const severityCounts: Record<string, number> = Object.fromEntries(SEVERITIES.map((s) => [s, 0]));
  for (const t of tools) {
    categoryCounts[t.category]!++;
    severityCounts[t.severity]!++;
  }

  const description = `Recommended policy for ${title}: ${tools.length} tools (toolrisk)`;
  const { policy, intercept } = serverPolicy(description, tools.map((t) => ({ name: t.name, category: t.category, choice: t.policyChoice })));

  const meta = raw.meta;
  return {
    id: slug,
    name: meta.name,
    slug,
    title,
    description: meta.description ?? '',
    ...(meta.version ? { version: meta.version } : {}),
    ...(meta.repository?.url ? { repository: { url: meta.repository.url, ...(meta.repository.source ? { source: meta.repository.source } : {}), ...(meta.repository.subfolder ? { subfolder: meta.repository.subfolder } : {}) } } : {}),
    ...(meta.websiteUrl ? { websiteUrl: meta.websiteUrl } : {}),
    packages: (meta.packages ?? []).map((p) => ({ registryType: p.registryType, identifier: p.identifier, ...(p.version ? { version: p.version } : {}) })),
    remotes: (meta.remotes ?? []).map((r) => ({ type: r.type, url: r.url })),
    source: raw.source,
    sourceKind: raw.sourceKind,
    copies: raw.copies,
    formerSlugs: raw.formerSlugs,
    toolCount: tools.length,
    categoryCounts,
    severityCounts,
    flaggedCount: tools.filter((t) => t.poisoning.length > 0).length,
    policy,
    intercept,
  };
}
