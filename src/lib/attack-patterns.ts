/**
 * The attack-pattern library (catalogue/attack-patterns/*.md) and the rule
 * that picks 2 to 5 patterns for a tool: patterns whose signals match the
 * tool's signals rank first, then patterns for the tool's category, each
 * group by the pattern's priority. A pattern listed for no category applies
 * only through its signals.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import matter from 'gray-matter';
import { attackPatternSchema, type AttackPattern } from '../schemas/attack-pattern.ts';
import { ATTACK_PATTERNS_DIR, formatZodError } from './config.ts';

let cached: AttackPattern[] | undefined;

export function loadAttackPatterns(dir = ATTACK_PATTERNS_DIR): AttackPattern[] {
  if (cached && dir === ATTACK_PATTERNS_DIR) return cached;
  const patterns: AttackPattern[] = [];
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.md')).sort()) {
    const parsed = matter(readFileSync(join(dir, file), 'utf8'));
    const fm = attackPatternSchema.safeParse(parsed.data);
    if (!fm.success) throw new Error(`catalogue/attack-patterns/${file}: ${formatZodError(fm.error)}`);
    if (`${fm.data.id}.md` !== file) throw new Error(`catalogue/attack-patterns/${file}: id "${fm.data.id}" does not match the file name`);
    patterns.push({ ...fm.data, body: parsed.content.trim(), file });
  }
  if (dir === ATTACK_PATTERNS_DIR) cached = patterns;
  return patterns;
}

export function patternsForTool(patterns: AttackPattern[], category: string, signals: readonly string[], max = 5): AttackPattern[] {
  const scored = patterns
    .map((p) => {
      const signalHits = p.appliesTo.signals.filter((s) => signals.includes(s)).length;
      const categoryHit = p.appliesTo.categories.includes(category as never) ? 1 : 0;
      return { p, score: signalHits * 2 + categoryHit };
    })
    .filter((x) => x.score > 0)
    .sort((a, b) => b.score - a.score || b.p.priority - a.p.priority || a.p.id.localeCompare(b.p.id));
  const picked = scored.slice(0, max).map((x) => x.p);
  // Always show at least two: fill with the highest-priority general patterns.
  // A pattern with no categories needs its signal (path traversal needs a
  // path parameter), so it never fills a gap on a tool without one.
  if (picked.length < 2) {
    for (const p of [...patterns].sort((a, b) => b.priority - a.priority)) {
      if (picked.length >= 2) break;
      if (!picked.includes(p) && p.appliesTo.categories.length > 0) picked.push(p);
    }
  }
  return picked;
}

/** Pattern ids that match one poisoning signal, highest priority first. */
export function patternsForSignal(patterns: AttackPattern[], signal: string): string[] {
  return patterns
    .filter((p) => p.appliesTo.signals.includes(signal))
    .sort((a, b) => b.priority - a.priority)
    .map((p) => p.id);
}
