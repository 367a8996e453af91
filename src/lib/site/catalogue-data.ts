/**
 * The one data layer the pages read, after Starlight's `utils/routing`: the
 * catalogue is loaded once per build and grouped here, so no page reads or
 * regroups the catalogue itself. This is the only module under src/lib that
 * imports from Astro; the groupings it uses are plain functions (listing.ts,
 * related.ts) with their own tests.
 *
 * Tools and servers are read from the catalogue JSON directly, not through
 * an Astro content collection. The content layer copies every entry into its
 * data store and serialises it (devalue) before a page renders: on the shared
 * data that cost 8 s of sync plus the garbage it left, and at 100,000 tools
 * it spent about 10 minutes and 9 GB before the first page. Validation is
 * kept: readValidatedCatalogue checks each entry against the same schema the
 * collection used. The attack patterns stay a collection: they are few and
 * carry Markdown bodies.
 */
import { getCollection } from 'astro:content';
import type { CatalogueServer, CatalogueTool } from '../../schemas/catalogue.ts';
import { readServerTools, readValidatedCatalogue } from './read-catalogue.ts';
import type { AttackPattern } from '../../schemas/attack-pattern.ts';
import { CATEGORIES, SEVERITIES, type Category, type Severity } from '../../schemas/rules.ts';
import { byRisk, toolSummary, type ToolSummary } from './listing.ts';
import { buildRelatedIndex, relatedTool, type RelatedIndex, type RelatedTool } from './related.ts';
import { groupBy } from '../group.ts';

/**
 * Every tool as a summary (listing.ts): the lists, the related tools and the
 * server pages need no more, and the whole tool is read back from its
 * server's file when its own page renders (`tool`). At 100,000 tools the
 * whole records held 840 MB of astro's heap for the length of the build.
 */
export interface CatalogueData {
  tools: ToolSummary[];
  servers: CatalogueServer[];
  toolById: Map<string, ToolSummary>;
  /** Each server's tools, in catalogue order. */
  toolsByServer: Map<string, ToolSummary[]>;
  /** Each category's tools, most severe first. */
  toolsByCategory: Map<Category, ToolSummary[]>;
  /** Each severity's tools, in the same order. */
  toolsBySeverity: Map<Severity, ToolSummary[]>;
  related: RelatedIndex;
  patterns: AttackPattern[];
  /** The whole tool, checked as the load checked it. */
  tool(id: string): CatalogueTool;
}

let loading: Promise<CatalogueData> | undefined;

/** The catalogue, loaded on first use and shared by every page of the build. */
export function catalogueData(): Promise<CatalogueData> {
  loading ??= load();
  return loading;
}

async function load(): Promise<CatalogueData> {
  // The tools files each server's tools came from, to read them back.
  const filesOf = new Map<string, Set<string>>();
  const read = readValidatedCatalogue(undefined, (t, file): [ToolSummary, RelatedTool] => {
    const files = filesOf.get(t.serverSlug);
    if (files) files.add(file);
    else filesOf.set(t.serverSlug, new Set([file]));
    return [toolSummary(t), relatedTool(t)];
  });
  const { servers } = read;
  // In id order, as the content collections gave them, so lists that keep
  // catalogue order (a server's tools, the same-server fill of related
  // tools) read alphabetically and do not follow file order.
  const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  read.tools.sort((a, b) => byId(a[0], b[0]));
  servers.sort(byId);
  const tools = read.tools.map(([summary]) => summary);
  const related = buildRelatedIndex(read.tools.map(([, r]) => r));
  read.tools.length = 0;
  const patterns = (await getCollection('attackPatterns')).map((e) => ({ ...e.data, body: e.body ?? '', file: e.id }));
  const toolsByServer = groupBy(tools, (t) => t.serverSlug);
  const ranked = [...tools].sort((a, b) => byRisk(a.item, b.item));
  // Tool pages render server by server, so one server's tools are kept at a time.
  let current: { serverSlug: string; byId: Map<string, CatalogueTool> } | undefined;
  const toolById = new Map(tools.map((t) => [t.id, t]));
  return {
    tools,
    servers,
    toolById,
    toolsByServer,
    toolsByCategory: new Map(CATEGORIES.map((c) => [c, ranked.filter((t) => t.item.category === c)])),
    toolsBySeverity: new Map(SEVERITIES.map((s) => [s, ranked.filter((t) => t.item.severity === s)])),
    related,
    patterns,
    tool(id) {
      const { serverSlug } = toolById.get(id)!;
      if (current?.serverSlug !== serverSlug) {
        const byId = new Map<string, CatalogueTool>();
        for (const file of filesOf.get(serverSlug)!) for (const t of readServerTools(file)) if (t.serverSlug === serverSlug) byId.set(t.id, t);
        current = { serverSlug, byId };
      }
      return current.byId.get(id)!;
    },
  };
}
