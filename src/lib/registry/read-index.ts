/**
 * Reads `<data>/index/servers.jsonl` for the search bundle. Every line is
 * third-party data: a line that is not JSON or does not match the index
 * schema is counted and skipped, never fatal (the search still covers every
 * good line). A missing file is an empty index.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { indexServerSchema, type IndexServer } from '../../schemas/server-json.ts';

export interface IndexRead {
  servers: IndexServer[];
  skipped: { line: number; problem: string }[];
}

export function indexFile(dataDir: string): string {
  return join(dataDir, 'index', 'servers.jsonl');
}

export function readIndexServers(dataDir: string): IndexRead {
  const file = indexFile(dataDir);
  const out: IndexRead = { servers: [], skipped: [] };
  if (!existsSync(file)) return out;
  const text = readFileSync(file, 'utf8');
  const seen = new Set<string>();
  let start = 0;
  let lineNo = 0;
  while (start <= text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    lineNo++;
    const line = text.slice(start, end).trim();
    start = end + 1;
    if (line === '') continue;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      out.skipped.push({ line: lineNo, problem: 'not valid JSON' });
      continue;
    }
    const parsed = indexServerSchema.safeParse(value);
    if (!parsed.success) {
      out.skipped.push({ line: lineNo, problem: parsed.error.issues[0]?.message ?? 'does not match the index schema' });
      continue;
    }
    if (seen.has(parsed.data.name)) {
      out.skipped.push({ line: lineNo, problem: `duplicate name ${parsed.data.name}` });
      continue;
    }
    seen.add(parsed.data.name);
    out.servers.push(parsed.data);
  }
  return out;
}
