/** Shared helpers for category and severity listing pages. */
import type { CatalogueTool } from '../../schemas/catalogue.ts';
import { SEVERITY_RANK } from '../../schemas/levels.ts';
import { summaryLine } from '../text/display.ts';

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

/** Most severe first, then by server and name, so pages are stable. */
export function byRisk(a: CatalogueTool, b: CatalogueTool): number {
  return SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] || a.serverTitle.localeCompare(b.serverTitle) || (a.name < b.name ? -1 : 1);
}
