/**
 * Timing helpers for scripts/bench.ts. Each figure is the best of several
 * runs after a warm-up, because on a shared 2-core machine the slowest run
 * measures the neighbours, not the code. Phases (reading, classifying,
 * building) are timed separately so a slow figure points at the code that
 * owns it.
 */
import { classify } from '../classify/classify.ts';
import { serverPrefixWords } from '../classify/server-prefix.ts';
import type { RawServer } from '../ingest/read-sources.ts';
import type { CompiledRules } from '../rules/load-rules.ts';

export interface Timing {
  /** Fastest run, milliseconds. */
  bestMs: number;
  /** Median run, milliseconds. */
  medianMs: number;
}

export interface Memory {
  /** Largest heapUsed seen right after a run, while its result was still referenced. */
  heapUsedMaxBytes: number;
  /** Largest rss seen at the same points. */
  rssMaxBytes: number;
}

export const memory: Memory = { heapUsedMaxBytes: 0, rssMaxBytes: 0 };

export function sampleMemory(): void {
  const m = process.memoryUsage();
  if (m.heapUsed > memory.heapUsedMaxBytes) memory.heapUsedMaxBytes = m.heapUsed;
  if (m.rss > memory.rssMaxBytes) memory.rssMaxBytes = m.rss;
}

/** Runs fn once to warm up, then `runs` times; memory is sampled while each result is alive. */
export function time<T>(runs: number, fn: () => T): Timing {
  // Each result is dropped before the next run starts, so the memory figures
  // describe one run, not two catalogues alive at once.
  let result: T | undefined = fn();
  sampleMemory();
  result = undefined;
  const times: number[] = [];
  for (let r = 0; r < runs; r++) {
    const started = performance.now();
    result = fn();
    times.push(performance.now() - started);
    sampleMemory();
    result = undefined;
  }
  void result;
  times.sort((a, b) => a - b);
  return { bestMs: times[0]!, medianMs: times[Math.floor(times.length / 2)]! };
}

/** Classifies every tool the way buildCatalogue does, without slugs, policies or records. */
export function classifyAll(rules: CompiledRules, servers: readonly RawServer[]): number {
  let n = 0;
  for (const raw of servers) {
    const title = (raw.meta.title && raw.meta.title.trim()) || raw.meta.name;
    const prefixWords = serverPrefixWords(
      [raw.meta.name.split('/').pop() ?? '', raw.meta.title ?? '', raw.slugSource.split('/').pop() ?? ''],
      raw.tools.map((t) => t.name),
      (w) => rules.verbCategory.has(w),
    );
    const ctx = { title, prefixWords };
    for (const tool of raw.tools) {
      classify(rules, tool, ctx);
      n++;
    }
  }
  return n;
}

export function countTools(servers: readonly RawServer[]): number {
  let n = 0;
  for (const s of servers) n += s.tools.length;
  return n;
}
