/**
 * The join between catalogued servers and the server index
 * (index/servers.jsonl): each catalogued server is matched to its index entry
 * by any name its copies carry (compared case-insensitively), else by its
 * normalised repository URL when exactly one index entry has it. The index
 * has 37,000 lines; a line is only parsed as far as its name and repository
 * URL, with two regular expressions, never as a whole.
 */
import { readIndexNames } from '../registry/read-index.ts';
import { normaliseRepoUrl } from './merge-servers.ts';

export interface IndexJoin {
  /** Catalogued server name → the index entry's name. */
  entryOf: Map<string, string>;
  /** Catalogued servers with no index entry. */
  unmatched: string[];
  /** Servers in the index: its lines holding anything but spaces (read once, here). */
  indexServers: number;
}

export function joinIndex(dataDir: string, servers: readonly { name: string; copies: readonly { name: string }[]; repository?: { url: string } }[]): IndexJoin {
  const entryOf = new Map<string, string>();
  const index = readIndexNames(dataDir);
  const indexServers = index.lines;
  const byName = new Map<string, string>();
  const byRepo = new Map<string, string | null>();
  for (const { name, repositoryUrl } of index.entries) {
    // The first entry of a name wins, as in the index reader.
    const lower = name.toLowerCase();
    if (!byName.has(lower)) byName.set(lower, name);
    const repo = normaliseRepoUrl(repositoryUrl);
    // A repository several entries share (a monorepo) identifies none of them.
    if (repo) byRepo.set(repo, byRepo.has(repo) && byRepo.get(repo) !== name ? null : name);
  }
  const unmatched: string[] = [];
  for (const s of servers) {
    const names = [s.name, ...s.copies.map((c) => c.name)];
    let entry = names.map((n) => byName.get(n.toLowerCase())).find((n) => n !== undefined);
    if (!entry) {
      const repo = normaliseRepoUrl(s.repository?.url);
      entry = (repo && byRepo.get(repo)) || undefined;
    }
    if (entry) entryOf.set(s.name, entry);
    else unmatched.push(s.name);
  }
  return { entryOf, unmatched, indexServers };
}
