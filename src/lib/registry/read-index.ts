/**
 * The one reader of `<data>/index/servers.jsonl`, the server index (37,000
 * lines). Every line is third-party data: a line that is not JSON or does not
 * match the index schema is skipped and returned as a problem, never fatal. A
 * missing file is an empty index.
 *
 * Duplicate names: the first line with a name is the entry; a later line with
 * the same name is skipped and reported ("duplicate name"). The index is
 * written sorted by name with one line per name (index-file.ts), so a
 * duplicate is a hand edit or a merge mistake, and keeping the first makes
 * ingest (tool pages), the join and the index search agree on one entry.
 *
 * index:sync's own reader (index-file.ts) keeps each line's exact text so it
 * can rewrite the file without touching unchanged lines; it refuses a bad line
 * instead of skipping it, because rewriting would drop it.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { indexServerSchema, type IndexServer } from '../../schemas/server-json.ts';
import { formatZodError } from '../config.ts';

export interface IndexLineProblem {
  /** 1-based line number. */
  line: number;
  problem: string;
}

export interface IndexRead {
  servers: IndexServer[];
  skipped: IndexLineProblem[];
}

export function indexFile(dataDir: string): string {
  return join(dataDir, 'index', 'servers.jsonl');
}

const LEADING_NAME = /^\{\s*"name"\s*:\s*("(?:[^"\\]|\\.)*")/;
const REPOSITORY_URL = /"repository"\s*:\s*\{[^{}]*?"url"\s*:\s*("(?:[^"\\]|\\.)*")/;

function jsonString(quoted: string | undefined): string | undefined {
  if (!quoted) return undefined;
  try {
    return JSON.parse(quoted) as string;
  } catch {
    return undefined;
  }
}

/**
 * Reads and validates the index entries, all of them or only those whose
 * leading "name" is in `wanted` (ingest needs about 700 of 37,000, so other
 * lines are not parsed at all).
 */
export function readIndexServers(dataDir: string, opts: { wanted?: ReadonlySet<string> } = {}): IndexRead {
  const file = indexFile(dataDir);
  const out: IndexRead = { servers: [], skipped: [] };
  if (!existsSync(file)) return out;
  const seen = new Set<string>();
  const lines = readFileSync(file, 'utf8').split('\n');
  lines.forEach((text, i) => {
    const line = i + 1;
    if (!text.trim()) return;
    if (opts.wanted) {
      const m = LEADING_NAME.exec(text);
      if (m && !opts.wanted.has(jsonString(m[1]) ?? '')) return;
    }
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (err) {
      out.skipped.push({ line, problem: `not JSON: ${(err as Error).message}` });
      return;
    }
    const parsed = indexServerSchema.safeParse(value);
    if (!parsed.success) {
      out.skipped.push({ line, problem: formatZodError(parsed.error, 3) });
      return;
    }
    if (seen.has(parsed.data.name)) {
      out.skipped.push({ line, problem: `duplicate name ${parsed.data.name}; the first entry is kept` });
      return;
    }
    seen.add(parsed.data.name);
    out.servers.push(parsed.data);
  });
  return out;
}

export interface IndexNames {
  /** Each entry's name and repository URL, as far as two regular expressions read them, in file order. */
  entries: { name: string; repositoryUrl?: string }[];
  /** Lines holding anything but spaces: the number of servers in the index. */
  lines: number;
}

/**
 * The names and repository URLs of every entry, without parsing lines as a
 * whole (the join of catalogue and index needs only these, for all 37,000).
 */
export function readIndexNames(dataDir: string): IndexNames {
  const file = indexFile(dataDir);
  const out: IndexNames = { entries: [], lines: 0 };
  if (!existsSync(file)) return out;
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (/[^\r ]/.test(line)) out.lines++;
    const name = jsonString(LEADING_NAME.exec(line)?.[1]);
    if (!name) continue;
    const repositoryUrl = jsonString(REPOSITORY_URL.exec(line)?.[1]);
    out.entries.push({ name, ...(repositoryUrl !== undefined ? { repositoryUrl } : {}) });
  }
  return out;
}
