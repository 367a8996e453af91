/**
 * What a server page shows besides the server record: its tools as list
 * rows (flagged when poisoned), the context cost of their definitions, how
 * many can run code, move money or destroy, and where the definitions came
 * from. The page file only lays these out.
 */
import type { CatalogueServer } from '../../schemas/catalogue.ts';
import type { ListItem, ToolSummary } from './listing.ts';
import { sourceLines, type SourceLine } from './sources.ts';

export interface ServerPageProps {
  server: CatalogueServer;
  tools: ListItem[];
  /** Tokens of the server's tools/list entries, as a client sends them to the model on every turn. */
  tokens: number;
  /** Tools that can run code, move money or destroy data. */
  risky: number;
  sources: SourceLine[];
  indexServers: number;
}

/** @param tools the server's tools, as the pages keep them (listing.ts) */
export function serverPageProps(server: CatalogueServer, tools: readonly ToolSummary[], indexServers: number): ServerPageProps {
  const c = server.categoryCounts;
  return {
    server,
    tools: tools.map((t) => ({ ...t.item, flagged: t.flagged })),
    tokens: tools.reduce((sum, t) => sum + t.tokens, 0),
    risky: (c.Financial ?? 0) + (c.Destructive ?? 0) + (c.Execute ?? 0),
    sources: sourceLines(server),
    indexServers,
  };
}

/** Servers with the most critical tools, then the most high ones: the home page's "riskiest". */
export function riskiestServers(servers: readonly CatalogueServer[], count = 12): CatalogueServer[] {
  return [...servers]
    .sort((a, b) => (b.severityCounts.critical ?? 0) - (a.severityCounts.critical ?? 0) || (b.severityCounts.high ?? 0) - (a.severityCounts.high ?? 0) || a.slug.localeCompare(b.slug))
    .slice(0, count);
}

/** Servers as the all-servers table lists them: by title. */
export function serversByTitle(servers: readonly CatalogueServer[]): CatalogueServer[] {
  return [...servers].sort((a, b) => a.title.localeCompare(b.title));
}
