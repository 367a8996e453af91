/**
 * Peak resident memory of a process and all its descendants, sampled from
 * /proc while it runs: a site build is several processes (ingest, Astro,
 * Pagefind), and getrusage only reports one. Linux only; elsewhere it
 * reports nothing rather than a wrong number.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';

function children(): Map<number, number[]> {
  const byParent = new Map<number, number[]>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      // The command name is in parentheses and may hold spaces; the parent pid follows it.
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      const list = byParent.get(ppid);
      if (list) list.push(Number(entry));
      else byParent.set(ppid, [Number(entry)]);
    } catch {
      // The process ended between listing and reading.
    }
  }
  return byParent;
}

function rssBytes(pid: number): number {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) * 1024 : 0;
  } catch {
    return 0;
  }
}

/** Resident bytes of `pid` and everything it started, now. */
export function treeRss(pid: number): number {
  const byParent = children();
  let total = 0;
  const stack = [pid];
  while (stack.length) {
    const p = stack.pop()!;
    total += rssBytes(p);
    stack.push(...(byParent.get(p) ?? []));
  }
  return total;
}

/** Samples the tree every `everyMs` until stopped; `stop()` returns the peak in bytes, or undefined off Linux. */
export function sampleTreeRss(pid: number, everyMs = 250): { stop: () => number | undefined } {
  if (!existsSync('/proc/self/status')) return { stop: () => undefined };
  let peak = 0;
  const timer = setInterval(() => {
    peak = Math.max(peak, treeRss(pid));
  }, everyMs);
  return {
    stop: () => {
      clearInterval(timer);
      return peak;
    },
  };
}
