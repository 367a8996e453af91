/**
 * Checks the rationale of every tool of the shared data: it never
 * contradicts its own category, every action it quotes is one the verb
 * lexicon knows, and no sentence frame is shared word for word by more than
 * a handful of different tool definitions.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { CatalogueTool } from '../../src/schemas/catalogue.ts';
import { DEFAULT_DATA_DIR } from '../../src/lib/config.ts';
import { runIngest } from '../../src/lib/ingest/run-ingest.ts';
import { loadRules } from '../../src/lib/rules/load-rules.ts';
import { baseForms, splitIdentifier } from '../../src/lib/text/words.ts';

const rules = loadRules();
let tools: CatalogueTool[];
beforeAll(() => {
  ({ tools } = runIngest(DEFAULT_DATA_DIR, { lean: true }));
});

/** Phrases that say the opposite of a category. */
const CONTRADICTIONS: Record<string, RegExp> = {
  Destructive: /can be undone|a later call can correct|changes nothing|correct it\b/i,
  Financial: /can be undone|a later call can correct|changes nothing/i,
  Execute: /changes nothing/i,
  Write: /changes nothing|nothing on .* brings it back/i,
  Read: /nothing on .* brings it back|a later call can correct|moves money/i,
};

/** True when the quoted text holds an action the lexicon knows (or a Chinese phrase of the rules, or an HTTP method). */
function namesAnAction(quote: string): boolean {
  if (rules.raw.zh.some((z) => quote.includes(z.phrase))) return true;
  if (rules.httpMethods.has(quote.toUpperCase())) return true;
  // The lexicon is the verb lists and the verbs of the verb-object pairs ("place … order").
  const known = (w: string) => rules.verbCategory.has(w) || rules.combosByVerb.has(w);
  // Words as a name splits them ("NewOrder") and as prose does ("GraphQL").
  const words = [...splitIdentifier(quote).map((t) => t.word), ...quote.toLowerCase().split(/[^a-z]+/)];
  return words.some((w) => known(w) || baseForms(w).some(known));
}

describe('rationales of every shared tool', () => {
  it('never contradict the category', () => {
    const bad = tools.filter((t) => CONTRADICTIONS[t.category]!.test(t.rationale)).map((t) => `${t.id} (${t.category}): ${t.rationale}`);
    expect(bad.slice(0, 10)).toEqual([]);
  });

  it('say "hands back … secrets" only when the secret is not an input', () => {
    const bad = tools.filter((t) => /hands back includes secrets/.test(t.rationale) && t.evidence.some((e) => e.source === 'parameter' && e.signals.includes('key_material')));
    expect(bad.map((t) => t.id)).toEqual([]);
  });

  it('quote as actions only words the verb lexicon knows', () => {
    const bad: string[] = [];
    for (const t of tools) {
      // A gloss after the quote is its English reading ("“CRUD” (create, read, update, delete)").
      for (const m of t.rationale.matchAll(/(?:says|accepts) “([^”]+)”(?: \(([^)]+)\))?/g)) if (!namesAnAction(`${m[1]!} ${m[2] ?? ''}`)) bad.push(`${t.id}: “${m[1]}”`);
    }
    expect(bad.slice(0, 20)).toEqual([]);
  });

  it('are not one frame shared word for word by many different definitions', () => {
    const frames = new Map<string, Set<string>>();
    for (const t of tools) {
      // A definition that is only a name (no description, no parameters) can
      // only be told apart by its name, which the frame leaves out.
      if (t.params.length === 0 && /^(description not available|)$/i.test(t.description.trim())) continue;
      // Tools with no action we know say so in the same words on purpose; they carry a needs-review mark instead.
      if (/names an action we know/.test(t.rationale)) continue;
      const frame = t.rationale.split(t.name).join('<tool>').split(t.serverTitle).join('<server>');
      const defs = frames.get(frame) ?? new Set<string>();
      // Forks publish the same definition under other names; they may share a rationale.
      defs.add(`${t.name}\u0000${t.description}`);
      frames.set(frame, defs);
    }
    const worst = [...frames.entries()].sort((a, b) => b[1].size - a[1].size).slice(0, 5);
    console.log(`distinct rationales ${frames.size} for ${tools.length} tools; most shared frames: ${worst.map(([, d]) => d.size).join(', ')}`);
    expect(worst[0]![1].size, worst[0]![0]).toBeLessThanOrEqual(MAX_SHARED);
  });
});

/** A handful: short tools with the same one-word description ("Get weather") legitimately read alike. */
const MAX_SHARED = 20;
