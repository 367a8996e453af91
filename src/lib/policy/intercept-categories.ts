/**
 * The categories Intercept's shipped policy files give each tool, and where
 * ours differ. Intercept groups a file's tools under comment headers
 * (`#  ── Read Tools ───`); the header before a tool key is its category.
 * The files are read in place and never copied.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isMap, isScalar, parseDocument } from 'yaml';
import type { Category } from '../../schemas/rules.ts';
import { groupBy } from '../group.ts';

export type InterceptCategory = Category | 'Other';
const HEADER_CATEGORIES: ReadonlySet<string> = new Set(['Read', 'Write', 'Execute', 'Financial', 'Destructive', 'Other']);

export interface InterceptPolicyFile {
  file: string;
  /** From the file's comment header ("Policy: GitHub MCP Server"). */
  title?: string;
  /** The server it is for, "owner/repo" or a package name ("Server:" header, else the description). */
  server?: string;
  homepage?: string;
  /** Tool name to Intercept's category; tools under no recognised header are left out. */
  tools: Map<string, InterceptCategory>;
}

const headerField = (text: string, field: string): string | undefined => new RegExp(`^#\\s*${field}:[ \\t]*(.+)$`, 'm').exec(text)?.[1]?.trim() || undefined;

/** The category a comment block sets, if it holds a category header. */
function headerCategory(comment: string | null | undefined): InterceptCategory | null | undefined {
  if (!comment) return undefined;
  let found: InterceptCategory | null | undefined;
  for (const line of comment.split('\n')) {
    const m = /──\s*([A-Za-z]+)\s+Tools\b/.exec(line);
    // A header we do not know ends the previous group rather than extending it.
    if (m) found = HEADER_CATEGORIES.has(m[1]!) ? (m[1] as InterceptCategory) : null;
  }
  return found;
}

export function parseInterceptCategories(text: string, file: string): InterceptPolicyFile {
  const doc = parseDocument(text);
  if (doc.errors.length) throw new Error(`${file}: ${doc.errors[0]!.message}`);
  const tools = new Map<string, InterceptCategory>();
  const map = doc.get('tools', true);
  if (isMap(map)) {
    let current: InterceptCategory | null | undefined;
    map.items.forEach((pair, i) => {
      // The yaml parser hangs a comment before the first entry on the map itself.
      const comments = i === 0 ? [map.commentBefore, isScalar(pair.key) ? pair.key.commentBefore : undefined] : [isScalar(pair.key) ? pair.key.commentBefore : undefined];
      for (const c of comments) {
        const found = headerCategory(c);
        if (found !== undefined) current = found;
      }
      const name = isScalar(pair.key) ? String(pair.key.value) : undefined;
      if (name !== undefined && current) tools.set(name, current);
    });
  }
  const description = doc.get('description');
  const fromDescription = typeof description === 'string' ? /^Policy for (.+)$/.exec(description)?.[1]?.trim() : undefined;
  const title = headerField(text, 'Policy');
  const server = headerField(text, 'Server') ?? fromDescription;
  const homepage = headerField(text, 'Homepage');
  return { file, ...(title ? { title } : {}), ...(server ? { server } : {}), ...(homepage ? { homepage } : {}), tools };
}

/** Every `.yaml` file in the directory, by file name. */
export function readInterceptPolicyFiles(dir: string): InterceptPolicyFile[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.yaml') || f.endsWith('.yml'))
    .sort()
    .map((f) => parseInterceptCategories(readFileSync(join(dir, f), 'utf8'), f));
}

/** How our catalogue names a server; the fields of CatalogueServer we match on. */
export interface ServerIdentity {
  name: string;
  slug: string;
  title: string;
  repository?: { url: string; subfolder?: string };
}

/** One of our tools, with the short reason for its category. */
export interface ComparableTool {
  name: string;
  server: string;
  serverSlug: string;
  serverTitle?: string;
  slug: string;
  category: Category;
  reason: string;
}

export interface CategoryDifference {
  file: string;
  serverSlug: string;
  serverTitle: string;
  tool: string;
  toolSlug: string;
  intercept: InterceptCategory;
  ours: Category;
  reason: string;
}

export interface InterceptComparison {
  /** Policy files read. */
  files: number;
  /** Each file matched to one of our servers, and what matched. */
  servers: { file: string; serverSlug: string; by: 'server name' | 'repository' | 'homepage' | 'slug or title' }[];
  unmatchedFiles: string[];
  /** Tools found under the same name in a matched file and on our server. */
  matched: number;
  /** Of those, the ones where Intercept's category is ours. */
  agreed: number;
  /** The rest, Intercept's "Other" included; by server, then tool. */
  differences: CategoryDifference[];
}

/** "owner/repo" (plus a subfolder path) from a GitHub URL, lower-cased; undefined for other hosts. */
export function githubId(url: string, subfolder?: string): string | undefined {
  const m = /^(?:https?:\/\/|git\+https:\/\/)?(?:www\.)?github\.com\/([^/\s]+)\/([^/\s#?]+)(?:\/tree\/[^/]+\/([^#?\s]+))?/i.exec(url.trim());
  if (!m) return undefined;
  const repo = m[2]!.replace(/\.git$/i, '');
  const sub = (subfolder ?? m[3] ?? '').replace(/^\/+|\/+$/g, '');
  return `${m[1]}/${repo}${sub ? `/${sub}` : ''}`.toLowerCase();
}

/** Our registry names carry a reverse-DNS prefix ("io.github.owner/repo"); Intercept writes "owner/repo". */
const bareName = (name: string): string => name.replace(/^io\.github\./i, '').toLowerCase();
const plainTitle = (t: string): string => t.toLowerCase().replace(/\bmcp\b|\bserver\b/g, '').replace(/[^a-z0-9]+/g, ' ').trim();

/**
 * How strongly a server is the one a policy file is for: the file's server
 * id naming our server's name or repository beats its homepage, which beats
 * a file name equal to our slug or a title equal to ours.
 */
export function interceptFileMatch(file: InterceptPolicyFile, s: ServerIdentity): [number, InterceptComparison['servers'][number]['by']] | undefined {
  const id = file.server?.toLowerCase();
  const repo = s.repository ? githubId(s.repository.url, s.repository.subfolder) : undefined;
  if (id && id === bareName(s.name)) return [4, 'server name'];
  if (id && id === repo) return [3, 'repository'];
  const home = file.homepage ? githubId(file.homepage) : undefined;
  if (home && (home === repo || home === bareName(s.name))) return [2, 'homepage'];
  const base = file.file.replace(/\.ya?ml$/, '');
  const title = file.title ? plainTitle(file.title) : undefined;
  if (base === s.slug || (title && title === plainTitle(s.title))) return [1, 'slug or title'];
  return undefined;
}

/**
 * Compares categories tool by tool. Each file is matched to at most one of
 * our servers (the strongest match that shares a tool name; ties go to the
 * one sharing more names), so a server catalogued twice is not counted twice.
 */
export function compareInterceptCategories(files: readonly InterceptPolicyFile[], servers: readonly ServerIdentity[], tools: readonly ComparableTool[]): InterceptComparison {
  const toolsBySlug = groupBy(tools, (t) => t.serverSlug);
  const out: InterceptComparison = { files: files.length, servers: [], unmatchedFiles: [], matched: 0, agreed: 0, differences: [] };
  for (const file of files) {
    let best: { server: ServerIdentity; strength: number; shared: number; by: InterceptComparison['servers'][number]['by'] } | undefined;
    for (const s of servers) {
      const m = interceptFileMatch(file, s);
      if (!m) continue;
      const shared = (toolsBySlug.get(s.slug) ?? []).filter((t) => file.tools.has(t.name)).length;
      if (!shared) continue;
      if (!best || m[0] > best.strength || (m[0] === best.strength && (shared > best.shared || (shared === best.shared && s.slug < best.server.slug))))
        best = { server: s, strength: m[0], shared, by: m[1] };
    }
    if (!best) {
      out.unmatchedFiles.push(file.file);
      continue;
    }
    out.servers.push({ file: file.file, serverSlug: best.server.slug, by: best.by });
    for (const t of toolsBySlug.get(best.server.slug) ?? []) {
      const theirs = file.tools.get(t.name);
      if (!theirs) continue;
      out.matched++;
      if (theirs === t.category) {
        out.agreed++;
        continue;
      }
      out.differences.push({
        file: file.file,
        serverSlug: t.serverSlug,
        serverTitle: t.serverTitle ?? best.server.title,
        tool: t.name,
        toolSlug: t.slug,
        intercept: theirs,
        ours: t.category,
        reason: t.reason,
      });
    }
  }
  out.differences.sort((a, b) => a.serverTitle.localeCompare(b.serverTitle) || a.tool.localeCompare(b.tool));
  return out;
}

/** The first sentence of a rationale, the short reason shown beside a difference. */
export function firstSentence(text: string): string {
  // A sentence ends at . ! or ? followed by a capital or an opening quote, so "trigger.dev" and "e.g. x" stay whole.
  const m = /^([\s\S]+?[.!?])(?=\s+[A-Z“"‘'(]|\s*$)/.exec(text.trim());
  return (m?.[1] ?? text).trim();
}
