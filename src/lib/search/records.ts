/**
 * What goes into the two Pagefind bundles, one custom record per tool and
 * one per index server. A record carries only what a result shows: the
 * searchable text (content), a few short meta strings, and the filter
 * values (which Pagefind also hands back with each result, so category,
 * severity, sources, confidence and the description's source are never
 * repeated in meta; filter values are not indexed as words either).
 *
 * Pagefind searches meta values as well as content, so a field is stored
 * once: tool and server names live in meta (shown as titles, matched with a
 * boost), descriptions live in content (matched, and cut into the snippet).
 * The one exception: a tool name's separate words also lead its content
 * (see nameWords), because Pagefind matches a meta value like
 * "binance_spot_cancel_all_orders" only weakly by its parts.
 * Untrusted text is made display-safe here (hidden characters revealed,
 * whitespace collapsed, length capped); the browser still renders every
 * value as text, never as HTML.
 */
import type { CatalogueTool } from '../../schemas/catalogue.ts';
import type { IndexServer } from '../../schemas/server-json.ts';
import { oneLine } from '../text/display.ts';
import { letterDigitRuns, splitIdentifier } from '../text/words.ts';
import { CLASSIFIED } from './labels.ts';

export interface SearchRecord {
  url: string;
  content: string;
  language: string;
  meta: Record<string, string>;
  filters: Record<string, string[]>;
}

/** Longest tool description kept in the index (99% of descriptions are shorter). */
export const TOOL_CONTENT_MAX = 1500;
/** Index descriptions are already capped at 500 characters by the dataset. */
export const INDEX_CONTENT_MAX = 600;

/**
 * A tool name as separate words, as text/words.ts splits identifiers:
 * "binance_spot_cancel_all_orders" and "BinanceSpotCancelAllOrders" both
 * become "binance spot cancel all orders" (lowercase: case does not matter
 * to the search). A run of letters and digits that the split cut apart is
 * kept whole as well, after the parts ("get_hs300_stocks" → "get hs 300 stocks hs300"), so
 * both "hs300" and "300" find it. Empty when the name is one word already.
 */
export function nameWords(name: string): string {
  const tokens = splitIdentifier(name);
  const runs = letterDigitRuns(name, tokens);
  const words = [...tokens.map((t) => t.word), ...runs];
  // "md5", "sha256": the name is one searchable word, matched by its title.
  if (tokens.length <= 1 || (runs.length === 1 && runs[0] === name.toLowerCase())) return '';
  return words.join(' ');
}

export function toolRecord(tool: CatalogueTool): SearchRecord {
  const title = tool.title && tool.title.trim() !== tool.name ? tool.title : '';
  const text = [title, tool.description].filter((s) => s.trim() !== '').join(' · ');
  const name = oneLine(tool.name, 160) || '(unnamed tool)';
  // The name's words lead the content, so "cancel all orders" finds
  // binance_spot_cancel_all_orders by its name even where the description
  // is in Chinese, and CamelCase names are found by their parts. `words` says
  // how many words to leave out of the snippet (the name is the title).
  const words = nameWords(name);
  const body = oneLine(text, TOOL_CONTENT_MAX);
  const meta: Record<string, string> = { title: name, server: oneLine(tool.serverTitle, 100) };
  if (words && body) meta.words = String(words.split(' ').length);
  return {
    url: tool.url,
    content: words && body ? `${words} ${body}` : body || name,
    language: 'en',
    meta,
    // "Highest risk first" runs one search per severity on this filter (search-tools.js), not a Pagefind sort.
    filters: { server: [tool.serverSlug], category: [tool.category], severity: [tool.severity] },
  };
}

/** Only http(s) links are ever shown; anything else (javascript:, data:) is dropped. */
export function safeHttpUrl(value: unknown): string | undefined {
  if (typeof value !== 'string' || value.length > 2000) return undefined;
  try {
    const url = new URL(value.trim());
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

const PACKAGE_TYPE = /^[a-z0-9][a-z0-9._-]{0,30}$/i;


/**
 * @param catalogueSlug the server's catalogue slug when the catalogue has
 *   classified its tools (its page is /servers/<slug>/), else undefined.
 * @param position the entry's position in the index, its id in the bundle.
 */
export function indexRecord(server: IndexServer, catalogueSlug: string | undefined, position: number): SearchRecord {
  const c = server._meta?.catalogue;
  const name = oneLine(server.name, 200);
  const title = oneLine(server.title ?? '', 120) || oneLine(server.name.split('/').pop() ?? server.name, 120) || name;
  const meta: Record<string, string> = { title };
  const repo = safeHttpUrl(server.repository?.url);
  // The registry name is shown and searched (people paste "io.github.owner/repo").
  if (name !== title) meta.name = name;
  if (repo) meta.repo = repo;
  else {
    const web = safeHttpUrl(server.websiteUrl);
    if (web) meta.website = web;
  }
  const packages = (server.packages ?? [])
    .filter((p) => typeof p?.identifier === 'string' && typeof p.registryType === 'string' && PACKAGE_TYPE.test(p.registryType))
    .map((p) => [p.registryType.toLowerCase(), oneLine(p.identifier, 200).replace(/\s+|,/g, '')])
    .filter(([, id]) => id !== '')
    .map(([type, id]) => `${type} ${id}`);
  // "npm @scope/name, pypi name": the identifier stays one token, so Pagefind indexes it whole and in parts.
  if (packages.length) meta.packages = packages.slice(0, 6).join(', ');
  const categories = (c?.categories ?? []).filter((x): x is string => typeof x === 'string').map((x) => oneLine(x, 40)).filter(Boolean);
  if (categories.length) meta.categories = categories.slice(0, 12).join(', ');
  const description = oneLine(server.description ?? '', INDEX_CONTENT_MAX);
  // Where the description came from is shown, not searched: a filter value is returned with the result but never indexed as words.
  const descriptionSource = description && typeof c?.descriptionSource === 'string' ? oneLine(c.descriptionSource, 60) : '';
  const sources = [...new Set((c?.sources ?? []).filter((x): x is string => typeof x === 'string').map((x) => oneLine(x, 60)).filter(Boolean))];
  return {
    // The catalogue page when there is one; otherwise only an id (results link to the repository).
    url: catalogueSlug ? `/servers/${catalogueSlug}/` : `/index-search/s/${position.toString(36)}.html`,
    // Pagefind needs some content; an entry without a description is found by its meta.
    content: description || title,
    language: 'en',
    meta,
    filters: {
      source: sources.length ? sources : ['unstated'],
      confidence: [c?.confidence ?? 'unstated'],
      classified: [catalogueSlug ? CLASSIFIED.yes : CLASSIFIED.no],
      ...(descriptionSource ? { descSource: [descriptionSource] } : {}),
    },
  };
}

/**
 * Which index entries the catalogue has classified: an index `name` equal to
 * a catalogue server `name`, or failing that equal ignoring case (the index
 * lowercases GitHub owners, the catalogue keeps the owner's spelling). One
 * index entry per catalogue server, exact matches first.
 */
export function matchCatalogue(indexNames: readonly string[], servers: readonly { name: string; slug: string }[]): Map<string, string> {
  const exact = new Map(servers.map((s) => [s.name, s.slug]));
  const folded = new Map<string, string>();
  for (const s of servers) if (!folded.has(s.name.toLowerCase())) folded.set(s.name.toLowerCase(), s.slug);
  const out = new Map<string, string>();
  const claimed = new Set<string>();
  for (const name of indexNames) {
    const slug = exact.get(name);
    if (slug && !claimed.has(slug)) {
      out.set(name, slug);
      claimed.add(slug);
    }
  }
  for (const name of indexNames) {
    if (out.has(name)) continue;
    const slug = folded.get(name.toLowerCase());
    if (slug && !claimed.has(slug)) {
      out.set(name, slug);
      claimed.add(slug);
    }
  }
  return out;
}
