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
import { readValidatedCatalogue } from './read-catalogue.ts';
import type { AttackPattern } from '../../schemas/attack-pattern.ts';
import { CATEGORIES, SEVERITIES, type Category, type Severity } from '../../schemas/rules.ts';
import { byRisk } from './listing.ts';
import { buildRelatedIndex, type RelatedIndex } from './related.ts';
import { groupBy } from '../group.ts';

export interface CatalogueData {
  tools: CatalogueTool[];
  servers: CatalogueServer[];
  toolById: Map<string, CatalogueTool>;
  /** Each server's tools, in catalogue order. */
  toolsByServer: Map<string, CatalogueTool[]>;
  /** Each category's tools, most severe first. */
  toolsByCategory: Map<Category, CatalogueTool[]>;
  /** Each severity's tools, in the same order. */
  toolsBySeverity: Map<Severity, CatalogueTool[]>;
  related: RelatedIndex;
  patterns: AttackPattern[];
}

let loading: Promise<CatalogueData> | undefined;

/** The catalogue, loaded on first use and shared by every page of the build. */
export function catalogueData(): Promise<CatalogueData> {
  loading ??= load();
  return loading;
}

async function load(): Promise<CatalogueData> {
  const { tools, servers } = readValidatedCatalogue();
  // In id order, as the content collections gave them, so lists that keep
  // catalogue order (a server's tools, the same-server fill of related
  // tools) read alphabetically and do not follow file order.
  const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  tools.sort(byId);
  servers.sort(byId);
  const patterns = (await getCollection('attackPatterns')).map((e) => ({ ...e.data, body: e.body ?? '', file: e.id }));
  const toolsByServer = groupBy(tools, (t) => t.serverSlug);
  const ranked = [...tools].sort(byRisk);
  return {
    tools,
    servers,
    toolById: new Map(tools.map((t) => [t.id, t])),
    toolsByServer,
    toolsByCategory: new Map(CATEGORIES.map((c) => [c, ranked.filter((t) => t.category === c)])),
    toolsBySeverity: new Map(SEVERITIES.map((s) => [s, ranked.filter((t) => t.severity === s)])),
    related: buildRelatedIndex(tools),
    patterns,
  };
}
