/**
 * One server, one page. The data folder holds the same server in several
 * sources (a popular-servers manifest, the ToolSDK list, Toucan, LiveMCPBench),
 * sometimes with names that differ only in case. This step gives each server
 * one identity and merges its copies:
 *
 *   - identity: the registry name compared case-insensitively, and the
 *     normalised repository URL (plus subfolder) as a second key; a
 *     repository that one source splits into several servers (a monorepo)
 *     is no key;
 *   - the richest copy leads: the source's rank (catalogue/sources.yaml), a
 *     live tools/list over a page scrape, then more tools with real schemas;
 *     its slug is the merged server's slug, and the other copies' slugs
 *     become redirects;
 *   - tools merge by name, keeping the richest definition (a real
 *     description beats a placeholder, then a real inputSchema beats none,
 *     then a live list beats a scrape); each tool records every source
 *     and, where they disagree, each source's definition fingerprint.
 *
 * Every tool read is accounted for per source: written, reported as invalid
 * by the reader, or dropped here as a duplicate of a richer definition.
 */
import { canonicalJson, sha256Hex } from '../hash.ts';
import { assignSlugs } from '../slug.ts';
import type { SourceInfo } from '../../schemas/sources.ts';
import type { RawServer, RawTool } from './read-sources.ts';

/** How a source's copy of a server got its tools. */
export type ToolsFrom = 'live' | 'scraped' | 'listed';

/** One copy of a server, as one source has it. */
export interface ServerCopy {
  /** The folder under manifests/ ("toucan"). */
  family: string;
  /** Folder or jsonl line, relative to the data folder. */
  source: string;
  /** The registry name as this source spells it. */
  name: string;
  toolsFrom: ToolsFrom;
  toolCount: number;
  /** The slug this copy would have had on its own. */
  slug: string;
}

/** Where a merged tool's definition came from. */
export interface ToolOrigin {
  family: string;
  /** First 12 hex digits of the sha256 of the canonical definition. */
  fingerprint: string;
}

export interface MergedTool extends RawTool {
  /** Every source that lists the tool, the one whose definition is used first. */
  origins: ToolOrigin[];
}

export interface MergedServer extends RawServer {
  slug: string;
  /** Slugs the other copies had; each gets a redirect page. */
  formerSlugs: string[];
  copies: ServerCopy[];
  tools: MergedTool[];
}

/** Per source: what came in and where it went (In = written + reported + dropped). */
export interface SourceCount {
  family: string;
  servers: number;
  toolsRead: number;
  toolsReported: number;
  /** Tools of this source's copies that now sit on a server another source leads. */
  toolsMerged: number;
  /** Tools dropped because a richer definition of the same tool came from another copy. */
  duplicatesDropped: number;
  toolsWritten: number;
}

export interface DroppedDuplicate {
  family: string;
  server: string;
  tool: string;
  reason: string;
}

export interface MergeResult {
  servers: MergedServer[];
  sources: SourceCount[];
  dropped: DroppedDuplicate[];
  /** Servers found in more than one source. */
  mergedServers: number;
}

/** The folder under manifests/ a source path belongs to ("manifests/toucan/x" → "toucan"). */
export function familyOf(source: string): string {
  const parts = source.split(/[\\/]/);
  const at = parts[0] === 'manifests' ? 1 : 0;
  return (parts[at] ?? source).replace(/:\d+$/, '');
}

/**
 * A repository URL as a key: lower case, https, no "www.", no ".git", no
 * trailing slash or fragment, only owner/repo for GitHub ("/tree/…" and
 * "/blob/…" name a path inside it).
 */
export function normaliseRepoUrl(url: string | undefined): string | undefined {
  if (!url) return undefined;
  let u = url.trim().toLowerCase();
  u = u.replace(/^git\+/, '').replace(/^git@github\.com:/, 'https://github.com/').replace(/^http:\/\//, 'https://').replace(/^https:\/\/www\./, 'https://');
  u = u.replace(/[?#].*$/, '').replace(/\/+$/, '').replace(/\.git$/, '');
  const gh = /^https:\/\/github\.com\/([^/]+)\/([^/]+)/.exec(u);
  if (gh) return `github.com/${gh[1]}/${gh[2]!.replace(/\.git$/, '')}`;
  return /^https:\/\/[^/]+\/.+/.test(u) ? u.replace(/^https:\/\//, '') : undefined;
}

function toolsFromOf(raw: RawServer, info: SourceInfo | undefined): ToolsFrom {
  const declared = (raw.meta._meta as { catalogue?: { toolsFrom?: unknown } } | undefined)?.catalogue?.toolsFrom;
  if (declared === 'scraped') return 'scraped';
  if (raw.sourceKind === 'toolsdk') return 'listed';
  return info?.definitions === 'listed' ? 'listed' : 'live';
}

const FROM_RANK: Record<ToolsFrom, number> = { live: 2, scraped: 1, listed: 0 };

/** A real input schema (with properties) counts most, a bare object a little, none not at all. */
function schemaRichness(t: RawTool): number {
  const s = t.inputSchema;
  if (!s || typeof s !== 'object') return 0;
  return s.properties && typeof s.properties === 'object' && Object.keys(s.properties).length ? 2 : 1;
}

class UnionFind {
  private parent: number[];
  constructor(n: number) {
    this.parent = Array.from({ length: n }, (_, i) => i);
  }
  find(i: number): number {
    while (this.parent[i] !== i) i = this.parent[i] = this.parent[this.parent[i]!]!;
    return i;
  }
  union(a: number, b: number): void {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra !== rb) this.parent[Math.max(ra, rb)] = Math.min(ra, rb);
  }
}

/**
 * `describes` tells a real description from an empty one or a scrape
 * placeholder ("Description not available"): a definition that says what the
 * tool does beats one that does not, whatever their schemas, because the
 * description is what a reader and the classifier judge the tool by.
 */
export function mergeServers(raws: readonly RawServer[], infos: readonly SourceInfo[], describes: (description: string) => boolean = (d) => d.trim() !== ''): MergeResult {
  const infoById = new Map(infos.map((i) => [i.id, i]));
  const families = raws.map((r) => familyOf(r.source));
  const from = raws.map((r, i) => toolsFromOf(r, infoById.get(families[i]!)));
  // The slug each copy's own name gives: the merged server keeps its
  // leader's, and the other copies' slugs redirect to it.
  const baseSlugs = assignSlugs(raws.map((r) => r.slugSource), 'server');
  const ownSlug = raws.map((r) => baseSlugs.get(r.slugSource)!);
  const usedSlugs = new Set<string>();

  // A repository one source splits into several servers is no identity.
  const repoKey = raws.map((r) => {
    const repo = normaliseRepoUrl(r.meta.repository?.url);
    return repo ? `${repo}#${(r.meta.repository?.subfolder ?? '').toLowerCase().replace(/^\/+|\/+$/g, '')}` : undefined;
  });
  const namesPerRepo = new Map<string, Set<string>>();
  raws.forEach((r, i) => {
    const k = repoKey[i];
    if (!k) return;
    const key = `${families[i]}\u0000${k}`;
    namesPerRepo.set(key, (namesPerRepo.get(key) ?? new Set()).add(r.meta.name.toLowerCase()));
  });
  const uf = new UnionFind(raws.length);
  const firstByKey = new Map<string, number>();
  const join = (key: string, i: number) => {
    const j = firstByKey.get(key);
    if (j === undefined) firstByKey.set(key, i);
    else uf.union(i, j);
  };
  raws.forEach((r, i) => {
    join(`name:${r.meta.name.toLowerCase()}`, i);
    const k = repoKey[i];
    if (k && namesPerRepo.get(`${families[i]}\u0000${k}`)!.size === 1) join(`repo:${k}`, i);
  });

  const groups = new Map<number, number[]>();
  raws.forEach((_, i) => {
    const root = uf.find(i);
    const group = groups.get(root);
    if (group) group.push(i);
    else groups.set(root, [i]);
  });

  const counts = new Map<string, SourceCount>();
  const count = (family: string) => {
    let c = counts.get(family);
    if (!c) counts.set(family, (c = { family, servers: 0, toolsRead: 0, toolsReported: 0, toolsMerged: 0, duplicatesDropped: 0, toolsWritten: 0 }));
    return c;
  };
  raws.forEach((r, i) => {
    const c = count(families[i]!);
    c.servers++;
    c.toolsRead += r.toolsRead;
    c.toolsReported += r.toolsReported;
  });

  const richness = (i: number) => (infoById.get(families[i]!)?.rank ?? 0) * 10 + FROM_RANK[from[i]!] * 3;
  const schemaCount = raws.map((r) => r.tools.filter((t) => schemaRichness(t) === 2).length);
  const servers: MergedServer[] = [];
  const dropped: DroppedDuplicate[] = [];
  let mergedServers = 0;

  // Groups in the order their first copy was read, so output order is stable.
  for (const members of [...groups.values()].sort((a, b) => a[0]! - b[0]!)) {
    const ordered = [...members].sort(
      (a, b) => richness(b) - richness(a) || schemaCount[b]! - schemaCount[a]! || raws[b]!.tools.length - raws[a]!.tools.length || raws[a]!.source.localeCompare(raws[b]!.source),
    );
    const lead = ordered[0]!;
    if (members.length > 1) mergedServers++;
    const byName = new Map<string, { tool: RawTool; member: number; score: number; origins: ToolOrigin[] }>();
    for (const m of ordered) {
      for (const tool of raws[m]!.tools) {
        const origin = { family: families[m]!, fingerprint: sha256Hex(canonicalJson(tool.definition)).slice(0, 12) };
        const score = (describes(tool.description) ? 1000 : 0) + schemaRichness(tool) * 100 + richness(m);
        const had = byName.get(tool.name);
        if (!had) {
          byName.set(tool.name, { tool, member: m, score, origins: [origin] });
          continue;
        }
        // The richer definition is used; the other is dropped, but its source is recorded.
        const loser = score > had.score ? had.member : m;
        if (score > had.score) byName.set(tool.name, { tool, member: m, score, origins: [origin, ...had.origins] });
        else had.origins.push(origin);
        count(families[loser]!).duplicatesDropped++;
        dropped.push({
          family: families[loser]!,
          server: raws[lead]!.meta.name,
          tool: tool.name,
          reason: `the same tool from ${families[score > had.score ? m : had.member]!} has the richer definition`,
        });
      }
    }
    const tools: MergedTool[] = [];
    for (const { tool, member, origins } of byName.values()) {
      tools.push({ ...tool, origins });
      const c = count(families[member]!);
      c.toolsWritten++;
      if (member !== lead && families[member] !== families[lead]) c.toolsMerged++;
    }
    const leadRaw = raws[lead]!;
    // Two different servers whose names give one slug: the later one is told apart by its source.
    let slug = ownSlug[lead]!;
    if (usedSlugs.has(slug)) slug = `${slug}-${sha256Hex(leadRaw.source).slice(0, 8)}`;
    usedSlugs.add(slug);
    // Fill what the leader lacks from the other copies (a repository URL, a description).
    const meta = { ...leadRaw.meta };
    // A collection date is no server version (Toucan's "version" is its crawl date).
    if (infoById.get(families[lead]!)?.versionIsCrawlDate) delete meta.version;
    for (const m of ordered.slice(1)) {
      const other = raws[m]!.meta;
      if (!meta.repository && other.repository) meta.repository = other.repository;
      if (!meta.description && other.description) meta.description = other.description;
      if (!meta.websiteUrl && other.websiteUrl) meta.websiteUrl = other.websiteUrl;
    }
    servers.push({
      ...leadRaw,
      meta,
      tools,
      toolsRead: ordered.reduce((n, m) => n + raws[m]!.toolsRead, 0),
      toolsReported: ordered.reduce((n, m) => n + raws[m]!.toolsReported, 0),
      slug,
      formerSlugs: [...new Set(ordered.slice(1).map((m) => ownSlug[m]!).filter((s) => s !== slug))],
      copies: ordered.map((m) => ({ family: families[m]!, source: raws[m]!.source, name: raws[m]!.meta.name, toolsFrom: from[m]!, toolCount: raws[m]!.tools.length, slug: ownSlug[m]! })),
    });
  }
  return { servers, sources: [...counts.values()].sort((a, b) => a.family.localeCompare(b.family)), dropped, mergedServers };
}
