/** Shared helpers for category and severity listing pages. */
import type { CatalogueTool } from '../../schemas/catalogue.ts';
import { SEVERITY_RANK, type Severity } from '../../schemas/levels.ts';
import { summaryLine } from '../text/display.ts';
import { countTokens } from '../token-count.ts';

export const PAGE_SIZE = 200;

/** One tool in a list (listing pages, related tools, a server's table). */
export interface ListItem {
  url: string;
  name: string;
  category: string;
  severity: string;
  description: string;
  serverTitle: string;
  /** Its definition carries warning signs of tool poisoning. */
  flagged?: boolean;
}

export function toItem(t: CatalogueTool): ListItem {
  return { url: t.url, name: t.name, category: t.category, severity: t.severity, description: summaryLine(t.description, 140), serverTitle: t.serverTitle };
}

/**
 * What the pages keep of every tool for the whole build: its list row and
 * the little more that other pages show of it (a related tool's longer
 * description, a server page's warning mark and context cost). The whole
 * tool is read again when its own page renders.
 */
export interface ToolSummary {
  id: string;
  slug: string;
  serverSlug: string;
  item: ListItem;
  /** The description's first 400 characters, as related-tool lists show it. */
  brief: string;
  /** Its definition carries warning signs of tool poisoning. */
  flagged: boolean;
  /** Tokens of its definition (see token-count.ts). */
  tokens: number;
}

export function toolSummary(t: CatalogueTool): ToolSummary {
  return { id: t.id, slug: t.slug, serverSlug: t.serverSlug, item: toItem(t), brief: t.description.slice(0, 400), flagged: t.poisoning.length > 0, tokens: countTokens(t.definition) };
}

/** Most severe first, then by server and name, so pages are stable. */
export function byRisk(a: Pick<ListItem, 'severity' | 'serverTitle' | 'name'>, b: Pick<ListItem, 'severity' | 'serverTitle' | 'name'>): number {
  return SEVERITY_RANK[a.severity as Severity] - SEVERITY_RANK[b.severity as Severity] || a.serverTitle.localeCompare(b.serverTitle) || (a.name < b.name ? -1 : 1);
}
