/**
 * Related tools. On the same server: ranked by shared name words, then by
 * shared category. On other servers: tools of the same category that share
 * the most name words ("the same kind of tool"). An inverted index keeps this
 * linear-ish even for a server with thousands of tools.
 */
import type { CatalogueTool } from '../../schemas/catalogue.ts';
import { splitIdentifier } from '../text/words.ts';

export interface RelatedRef {
  id: string;
  score: number;
}

export interface RelatedIndex {
  sameServer: Map<string, RelatedRef[]>;
  otherServers: Map<string, RelatedRef[]>;
}

const COMMON = new Set(['get', 'list', 'set', 'the', 'by', 'for', 'of', 'to', 'a', 'and', 'mcp', 'api', 'tool', 'info', 'data']);

function nameWords(t: CatalogueTool): string[] {
  const words = new Set<string>();
  for (const tok of splitIdentifier(t.name)) {
    if (tok.word.length > 1 && tok.word !== t.serverSlug) words.add(tok.word);
  }
  return [...words];
}

export function buildRelatedIndex(tools: readonly CatalogueTool[], perTool = 6): RelatedIndex {
  const words = tools.map(nameWords);
  const postings = new Map<string, number[]>();
  words.forEach((ws, i) => {
    for (const w of ws) {
      const list = postings.get(w) ?? [];
      list.push(i);
      postings.set(w, list);
    }
  });
  const sameServer = new Map<string, RelatedRef[]>();
  const otherServers = new Map<string, RelatedRef[]>();
  const byServer = new Map<string, number[]>();
  tools.forEach((t, i) => byServer.set(t.serverSlug, [...(byServer.get(t.serverSlug) ?? []), i]));

  tools.forEach((t, i) => {
    const scores = new Map<number, number>();
    for (const w of words[i]!) {
      const list = postings.get(w)!;
      // Very common words say little about similarity and cost the most.
      const weight = COMMON.has(w) ? 0.3 : 1 / Math.log2(2 + list.length / 50);
      if (list.length > 4000) continue;
      for (const j of list) if (j !== i) scores.set(j, (scores.get(j) ?? 0) + weight);
    }
    const same: RelatedRef[] = [];
    const other: RelatedRef[] = [];
    for (const [j, s] of scores) {
      const u = tools[j]!;
      const bonus = u.category === t.category ? 0.5 : 0;
      if (u.serverSlug === t.serverSlug) same.push({ id: u.id, score: s + bonus });
      else if (u.category === t.category && s >= 0.9) other.push({ id: u.id, score: s });
    }
    // Small servers: fill with same-category neighbours so the list is never empty.
    if (same.length < perTool) {
      for (const j of byServer.get(t.serverSlug)!) {
        if (same.length >= perTool) break;
        const u = tools[j]!;
        if (j !== i && !scores.has(j)) same.push({ id: u.id, score: u.category === t.category ? 0.4 : 0.1 });
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
