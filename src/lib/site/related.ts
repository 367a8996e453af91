/**
 * Related tools. On the same server: ranked by shared name words, then by
 * shared category. On other servers: "the same kind of tool", ranked by what
 * the tool does first (the same operation on the same kind of object: cancel
 * an order, delete a file, send a message), then category, then shared name
 * words, so a "sleep" timer is not matched with sleep-tracking data. An
 * inverted index keeps this linear-ish even for a server with thousands of
 * tools.
 */
import type { CatalogueTool } from '../../schemas/catalogue.ts';
import { splitIdentifier } from '../text/words.ts';
import { groupBy } from '../group.ts';

export interface RelatedRef {
  id: string;
  score: number;
}

/** What the index reads of a tool: the pages pass a small copy of these fields, not the whole record. */
export interface RelatedTool {
  id: string;
  name: string;
  serverSlug: string;
  category: CatalogueTool['category'];
  operations: readonly { action: string; category: string }[];
  object?: { id: string };
}

/** The fields of a tool the index reads, copied so the tool itself need not be kept. */
export function relatedTool(t: CatalogueTool): RelatedTool {
  return { id: t.id, name: t.name, serverSlug: t.serverSlug, category: t.category, operations: t.operations.map((o) => ({ action: o.action, category: o.category })), ...(t.object ? { object: { id: t.object.id } } : {}) };
}

export interface RelatedIndex {
  sameServer: Map<string, RelatedRef[]>;
  otherServers: Map<string, RelatedRef[]>;
}

const COMMON = new Set(['get', 'list', 'set', 'the', 'by', 'for', 'of', 'to', 'a', 'and', 'mcp', 'api', 'tool', 'info', 'data']);

function nameWords(t: RelatedTool): string[] {
  const words = new Set<string>();
  for (const tok of splitIdentifier(t.name)) {
    if (tok.word.length > 1 && tok.word !== t.serverSlug) words.add(tok.word);
  }
  return [...words];
}

/** Verbs that all look things up: tools using any of them do the same kind of thing. */
const LOOKUP = new Set(['get', 'list', 'fetch', 'search', 'find', 'read', 'query', 'retrieve', 'show', 'describe', 'view', 'lookup', 'browse']);

/** True when two action verbs do the same kind of thing (or one is unknown). */
function sameDoing(a: string, b: string): boolean {
  return !a || !b || a === b || (LOOKUP.has(a) && LOOKUP.has(b));
}

/** The tool's main action verb ("cancel" from "Cancel an order"), lower case, or ''. */
function actionOf(t: RelatedTool): string {
  const op = t.operations.find((o) => o.category === t.category) ?? t.operations[0];
  return op ? (op.action.trim().split(/[^A-Za-z]+/)[0] ?? '').toLowerCase() : '';
}

export function buildRelatedIndex(tools: readonly RelatedTool[], perTool = 6): RelatedIndex {
  const words = tools.map(nameWords);
  const actions = tools.map(actionOf);
  const objects = tools.map((t) => t.object?.id ?? '');
  // Tools doing the same thing to the same kind of object, across servers,
  // and (to show at least three where the catalogue has them) the same action.
  const byDoing = new Map<string, number[]>();
  const byAction = new Map<string, number[]>();
  tools.forEach((t, i) => {
    if (!actions[i]) return;
    const action = `${actions[i]}|${t.category}`;
    const list = byAction.get(action) ?? [];
    if (list.length < 200) list.push(i);
    byAction.set(action, list);
    if (!objects[i]) return;
    const key = `${actions[i]}|${objects[i]}|${t.category}`;
    const same = byDoing.get(key);
    if (same) same.push(i);
    else byDoing.set(key, [i]);
  });
  // A word's postings, split two ways: by category (other-server
  // neighbours must share the category) and by server (same-server ones).
  // A tool scores only the tools it can list, instead of every tool that
  // shares a word: on 25,000 tools that cut this index from 4.5 s to about
  // a second. Weights still use the word's whole count.
  const wordCount = new Map<string, number>();
  const postings = new Map<string, number[]>();
  const post = (key: string, i: number) => {
    const list = postings.get(key);
    if (list) list.push(i);
    else postings.set(key, [i]);
  };
  words.forEach((ws, i) => {
    const t = tools[i]!;
    for (const w of ws) {
      wordCount.set(w, (wordCount.get(w) ?? 0) + 1);
      post(`${w}\u0000c\u0000${t.category}`, i);
      post(`${w}\u0000s\u0000${t.serverSlug}`, i);
    }
  });
  const sameServer = new Map<string, RelatedRef[]>();
  const otherServers = new Map<string, RelatedRef[]>();
  const byServer = groupBy(tools.keys(), (i) => tools[i]!.serverSlug);

  // One score slot per tool, reused for every tool and reset through the
  // list of slots touched, instead of a Map per tool.
  // Servers and categories as small integers: the loops below compare them
  // millions of times, and reading them off the tool objects cost more than
  // the scoring itself.
  const serverIds = new Map<string, number>();
  const serverOf = Int32Array.from(tools, (t) => serverIds.get(t.serverSlug) ?? (serverIds.set(t.serverSlug, serverIds.size), serverIds.size - 1));
  const categoryIds = new Map<string, number>();
  const categoryOf = Uint8Array.from(tools, (t) => categoryIds.get(t.category) ?? (categoryIds.set(t.category, categoryIds.size), categoryIds.size - 1));
  const scoreOf = new Float64Array(tools.length);
  const touched: number[] = [];
  const scored = (j: number) => scoreOf[j] !== 0;
  const add = (j: number, weight: number) => {
    if (scoreOf[j] === 0) touched.push(j);
    scoreOf[j] += weight;
  };
  tools.forEach((t, i) => {
    for (const j of touched) scoreOf[j] = 0;
    touched.length = 0;
    for (const w of words[i]!) {
      const count = wordCount.get(w)!;
      // Very common words say little about similarity and cost the most.
      const weight = COMMON.has(w) ? 0.3 : 1 / Math.log2(2 + count / 50);
      if (count > 4000) continue;
      for (const j of postings.get(`${w}\u0000s\u0000${t.serverSlug}`)!) if (j !== i) add(j, weight);
      for (const j of postings.get(`${w}\u0000c\u0000${t.category}`)!) if (serverOf[j] !== serverOf[i]) add(j, weight);
    }
    const same: RelatedRef[] = [];
    const other: RelatedRef[] = [];
    const doing = (j: number) => actions[j] === actions[i] && actions[i] !== '' && objects[j] === objects[i] && objects[i] !== '';
    for (const j of touched) {
      const s = scoreOf[j]!;
      const sameCategory = categoryOf[j] === categoryOf[i];
      if (serverOf[j] === serverOf[i]) same.push({ id: tools[j]!.id, score: s + (sameCategory ? 0.5 : 0) });
      // The same operation on the same kind of object ranks above any word overlap.
      // Shared words count only between tools that do the same kind of thing:
      // a "sleep" timer is no neighbour of "get_sleep_data".
      else if (sameCategory && ((s >= 0.9 && sameDoing(actions[i]!, actions[j]!)) || doing(j))) other.push({ id: tools[j]!.id, score: s + (doing(j) ? 10 : actions[j] === actions[i] && actions[i] ? 2 : 0) });
    }
    // Tools that do the same thing under other names ("cancel_order", "order_cancel", "revoke_order").
    if (other.length < 5) {
      const key = `${actions[i]}|${objects[i]}|${t.category}`;
      for (const j of byDoing.get(key) ?? []) {
        if (other.length >= 40) break;
        if (j !== i && tools[j]!.serverSlug !== t.serverSlug && !scored(j)) other.push({ id: tools[j]!.id, score: 10 });
      }
    }
    if (other.length < 3) {
      for (const j of byAction.get(`${actions[i]}|${t.category}`) ?? []) {
        if (other.length >= 12) break;
        if (j !== i && tools[j]!.serverSlug !== t.serverSlug && !scored(j)) other.push({ id: tools[j]!.id, score: 1 });
      }
    }
    // Small servers: fill with same-category neighbours so the list is never empty.
    if (same.length < perTool) {
      for (const j of byServer.get(t.serverSlug)!) {
        if (same.length >= perTool) break;
        const u = tools[j]!;
        if (j !== i && !scored(j)) same.push({ id: u.id, score: u.category === t.category ? 0.4 : 0.1 });
      }
    }
    const rank = (a: RelatedRef, b: RelatedRef) => b.score - a.score || (a.id < b.id ? -1 : 1);
    sameServer.set(t.id, same.sort(rank).slice(0, perTool));
    // One entry per other server, so the list shows variety.
    const seen = new Set<string>();
    otherServers.set(
      t.id,
      other
        .sort(rank)
        .filter((r) => {
          const s = r.id.split('/')[0]!;
          if (seen.has(s)) return false;
          seen.add(s);
          return true;
        })
        .slice(0, 5),
    );
  });
  return { sameServer, otherServers };
}
