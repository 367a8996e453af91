/** Number of servers in index/servers.jsonl (one per non-blank line), or 0. */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export function countIndexServers(dataDir: string): number {
  const file = join(dataDir, 'index', 'servers.jsonl');
  if (!existsSync(file)) return 0;
  const buf = readFileSync(file);
  let lines = 0;
  let nonBlank = false;
  for (let i = 0; i < buf.length; i++) {
    const b = buf[i]!;
    if (b === 10) {
      if (nonBlank) lines++;
      nonBlank = false;
    } else if (b !== 13 && b !== 32) nonBlank = true;
  }
  return nonBlank ? lines + 1 : lines;
}
