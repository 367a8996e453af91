/**
 * Counts of the shared data, read straight from its files with no code of
 * the ingest: the tests compare the catalogue against these instead of
 * pinning numbers, so they keep holding when the data grows.
 *
 * A server is a folder with a tools.json or a line of toolsdk/tools.jsonl;
 * a tool is an entry of its list; a tool whose name its server already
 * served is a duplicate, which ingest reports instead of writing.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface SharedDataCounts {
  servers: number;
  toolsRead: number;
  duplicates: number;
  byFolder: Map<string, { servers: number; tools: number }>;
}

function countList(tools: unknown[], into: { tools: number; duplicates: number }): void {
  const seen = new Set<string>();
  for (const t of tools) {
    into.tools++;
    const name = t && typeof t === 'object' ? (t as { name?: unknown }).name : undefined;
    if (typeof name !== 'string') continue;
    if (seen.has(name)) into.duplicates++;
    seen.add(name);
  }
}

export function sharedDataCounts(dataDir: string): SharedDataCounts {
  const manifests = join(dataDir, 'manifests');
  const byFolder = new Map<string, { servers: number; tools: number }>();
  const total = { servers: 0, tools: 0, duplicates: 0 };
  const walk = (dir: string, top: string) => {
    const entries = readdirSync(dir, { withFileTypes: true });
    for (const e of entries) {
      const path = join(dir, e.name);
      if (e.isDirectory()) walk(path, top || e.name);
      else if (e.name === 'tools.json') {
        const list = (JSON.parse(readFileSync(path, 'utf8')) as { tools: unknown[] }).tools;
        const c = { tools: 0, duplicates: 0 };
        countList(list, c);
        add(top, 1, c);
      } else if (e.name.endsWith('.jsonl')) {
        for (const line of readFileSync(path, 'utf8').split('\n')) {
          if (!line.trim()) continue;
          const c = { tools: 0, duplicates: 0 };
          countList((JSON.parse(line) as { tools: unknown[] }).tools, c);
          add(top || e.name, 1, c);
        }
      }
    }
  };
  const add = (folder: string, servers: number, c: { tools: number; duplicates: number }) => {
    const f = byFolder.get(folder) ?? { servers: 0, tools: 0 };
    f.servers += servers;
    f.tools += c.tools;
    byFolder.set(folder, f);
    total.servers += servers;
    total.tools += c.tools;
    total.duplicates += c.duplicates;
  };
  walk(manifests, '');
  return { servers: total.servers, toolsRead: total.tools, duplicates: total.duplicates, byFolder };
}
