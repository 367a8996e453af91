/**
 * The data the policy builder page loads: a list of the catalogued servers
 * to pick from (api/policy-builder/servers.json) and, per server, each
 * tool's judgement and the choices the page can offer
 * (api/servers/<slug>/tools.json), fetched only when a server is picked.
 * Keys are spelled out: the page's script reads them by name.
 */
import type { CatalogueServer, CatalogueTool } from '../../schemas/catalogue.ts';
import type { PolicyChoice } from '../../schemas/policy.ts';
import type { Rate } from '../../schemas/rules.ts';

export interface BuilderServerEntry {
  slug: string;
  title: string;
  name: string;
  tools: number;
}

export interface BuilderTool {
  name: string;
  url: string;
  category: CatalogueTool['category'];
  severity: CatalogueTool['severity'];
  /** What the catalogue recommends. */
  recommended: PolicyChoice;
  /** The limit the page uses when the user picks "rate limit". */
  rate: Rate;
  /** The argument-conditioned choice, where the tool's parameter picks the operation. */
  conditional?: PolicyChoice;
}

export interface BuilderServer {
  slug: string;
  title: string;
  url: string;
  tools: BuilderTool[];
}

export function builderServerList(servers: readonly CatalogueServer[]): BuilderServerEntry[] {
  return servers.map((s) => ({ slug: s.slug, title: s.title, name: s.name, tools: s.toolCount })).sort((a, b) => b.tools - a.tools || a.title.localeCompare(b.title));
}

/**
 * One server's tools for the builder. A tool's rate is the one the catalogue
 * already offers for it (its recommendation or its rate-limited variant),
 * else the policy rules' default limit for changes.
 */
export function builderServer(server: CatalogueServer, tools: readonly CatalogueTool[], defaultRate: Rate): BuilderServer {
  return withBuilderTools(server, tools.map((t) => builderTool(t, defaultRate)));
}

/** A server's builder file from tools already made into builder entries (publish-api.ts streams them). */
export function withBuilderTools(server: CatalogueServer, tools: BuilderTool[]): BuilderServer {
  return { slug: server.slug, title: server.title, url: `/servers/${server.slug}/`, tools };
}

/** One tool as the policy builder lists it: its recommendation, its rate and, when it has one, its conditional rule. */
export function builderTool(t: CatalogueTool, defaultRate: Rate): BuilderTool {
  const rated = t.policyChoice.rate ?? t.alternatives.find((a) => a.kind === 'rate')?.choice.rate;
  // Only a recommendation is ever argument-conditioned (policy/build-policy.ts offers no conditional alternative).
  const conditional = t.policyKind === 'conditional' ? t.policyChoice : undefined;
  return {
    name: t.name,
    url: t.url,
    category: t.category,
    severity: t.severity,
    recommended: t.policyChoice,
    rate: rated ?? defaultRate,
    ...(conditional ? { conditional } : {}),
  };
}
