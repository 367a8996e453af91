/**
 * Judges live tools exactly as the catalogue judges catalogued ones: each
 * scanned server becomes a MergedServer and goes through buildCatalogue
 * (classification, rationale, poisoning detectors, overrides, recommended
 * policy), all servers in one call, so its tool-shadowing check sees every
 * configured server's tools at once. Nothing here classifies by itself.
 *
 * Then the stack: one combined policy.json and an Intercept file per
 * server (policy/combine.ts), and, per client, tools that share a name
 * across the servers that client loads (a gateway and an agent tell tools
 * apart by name only, so one of them shadows the other).
 */
import type { CatalogueTool } from '../../schemas/catalogue.ts';
import type { IndexServer } from '../../schemas/server-json.ts';
import { mcpToolSchema } from '../../schemas/mcp-tool.ts';
import type { ReportIssue } from '../../schemas/catalogue.ts';
import { canonicalJson, sha256Hex } from '../hash.ts';
import { buildCatalogue } from '../ingest/build-catalogue.ts';
import type { MergedServer } from '../ingest/merge-servers.ts';
import type { Override } from '../ingest/overrides.ts';
import { collectTools } from '../ingest/read-sources.ts';
import { stackPolicy, type StackPolicy, type StackServer } from '../policy/combine.ts';
import type { CompiledRules } from '../rules/load-rules.ts';

export interface LiveServer {
  /** Unique slug; becomes the catalogue-style serverSlug. */
  id: string;
  /** What the person calls it (the config's name). */
  title: string;
  /** The catalogued registry name when matched (so reviewers' overrides apply), else a local name. */
  registryName: string;
  description?: string;
  version?: string;
  /** tools/list as served. */
  tools: unknown[];
}

export interface Judged {
  tools: Map<string, CatalogueTool[]>;
  /** Per server: tools not judged because they failed the Tool schema or repeated a name. */
  invalid: Map<string, string[]>;
}

export function judgeServers(rules: CompiledRules, live: readonly LiveServer[], overrides?: Map<string, Override>): Judged {
  const invalid = new Map<string, string[]>();
  const merged: MergedServer[] = live.map((server) => {
    const issues: ReportIssue[] = [];
    const { tools, reported } = collectTools(server.tools, mcpToolSchema, { file: `scan:${server.id}`, server: server.registryName }, issues);
    invalid.set(
      server.id,
      issues.filter((i) => i.level === 'error').map((i) => `${i.tool ?? '?'}: ${i.problem}`),
    );
    const meta: IndexServer = { name: server.registryName, title: server.title, description: server.description ?? '', ...(server.version ? { version: server.version } : {}) };
    return {
      meta,
      source: `scan:${server.id}`,
      sourceKind: 'manifest',
      slugSource: server.id,
      toolsRead: server.tools.length,
      toolsReported: reported,
      slug: server.id,
      formerSlugs: [],
      copies: [],
      tools: tools.map((t) => ({ ...t, origins: [{ family: 'scan', fingerprint: sha256Hex(canonicalJson(t.definition)).slice(0, 12) }] })),
    };
  });
  const built = buildCatalogue(rules, merged, { overrides });
  const tools = new Map<string, CatalogueTool[]>(live.map((s) => [s.id, []]));
  for (const t of built.tools) tools.get(t.serverSlug)!.push(t);
  return { tools, invalid };
}

function stackServer(id: string, title: string, tools: readonly CatalogueTool[]): StackServer {
  return { slug: id, title, tools: tools.map((t) => ({ name: t.name, category: t.category, choice: t.policyChoice })) };
}

/** The policies for every judged server together. */
export function policiesFor(servers: readonly { id: string; title: string; tools: readonly CatalogueTool[] }[]): StackPolicy {
  return stackPolicy(
    servers.map((s) => stackServer(s.id, s.title, s.tools)),
    `Stack policy for ${servers.map((s) => s.title).join(', ')} (toolrisk scan)`,
  );
}

export interface SameName {
  tool: string;
  /** Server ids, in the order the client lists them. */
  servers: string[];
  kept: string;
}

/**
 * Tools that two or more servers of one client share by name, read off
 * stackPolicy's clash report for that client's servers (each server once).
 */
export function sameNameTools(servers: readonly { id: string; tools: readonly CatalogueTool[] }[]): SameName[] {
  if (servers.length < 2) return [];
  return stackPolicy(servers.map((s) => stackServer(s.id, s.id, s.tools))).clashes.map((c) => ({ tool: c.tool, servers: c.servers, kept: c.kept }));
}
