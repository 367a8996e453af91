/**
 * Measures the classifier against our hand-labelled set
 * (catalogue/labels/labelled-tools.jsonl) and prints per-category precision
 * and recall. The floors below are what the current rules achieve; a rule
 * change that makes the catalogue worse fails here.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { CATEGORIES, type Category } from '../../src/schemas/rules.ts';
import { DEFAULT_DATA_DIR, REPO_ROOT } from '../../src/lib/config.ts';
import { runIngest } from '../../src/lib/ingest/run-ingest.ts';

interface Label {
  server: string;
  tool: string;
  category: Category;
  severity: string;
  reason: string;
  /** Set on labels made since the set grew past 357: the tool exposes several operations. */
  multiOp?: boolean;
  nonEnglish?: boolean;
  /** Why and when a label was changed after it was first made (a blind second labelling that disagreed with it). */
  revised?: string;
}

const labels: Label[] = readFileSync(`${REPO_ROOT}/catalogue/labels/labelled-tools.jsonl`, 'utf8')
  .split('\n')
  .filter((l) => l.trim())
  .map((l) => JSON.parse(l) as Label);

const HIGH_RISK = new Set<Category>(['Execute', 'Financial', 'Destructive']);
/** What the rules reach on the labelled set, less a few tools of slack. */
const FLOORS = { category: 0.958, severity: 0.793, understatedHighRisk: 10 };

let predicted = new Map<string, { category: Category; severity: string }>();

beforeAll(() => {
  const { tools, servers } = runIngest(DEFAULT_DATA_DIR, { overridesDir: '/nonexistent', lean: true });
  // A label names the server as the source it was made from spelled it; the
  // copies of one server are merged under one name, so every copy's name maps
  // to the merged server (compared case-insensitively).
  const copyNames = new Map<string, string[]>();
  for (const s of servers) copyNames.set(s.name, [...new Set([s.name, ...s.copies.map((c) => c.name)].map((n) => n.toLowerCase()))]);
  predicted = new Map();
  for (const t of tools) for (const n of copyNames.get(t.server) ?? [t.server.toLowerCase()]) predicted.set(`${n}\u0000${t.name}`, { category: t.category, severity: t.severity });
});

describe('hand-labelled set', () => {
  it('has at least 1,000 labels with a reason each, all present in the data', () => {
    expect(labels.length).toBeGreaterThanOrEqual(1000);
    expect(labels.filter((l) => l.multiOp).length).toBeGreaterThanOrEqual(150);
    expect(labels.filter((l) => l.nonEnglish).length).toBeGreaterThanOrEqual(100);
    for (const c of CATEGORIES) expect(labels.filter((l) => l.category === c).length, c).toBeGreaterThanOrEqual(80);
    for (const l of labels) {
      expect(l.reason.length).toBeGreaterThan(5);
      expect(predicted.has(`${l.server.toLowerCase()}\u0000${l.tool}`), `${l.server} / ${l.tool}`).toBe(true);
    }
  });

  it('reports per-category precision and recall', () => {
    const rows: string[] = [];
    const wrong: string[] = [];
    const understated: string[] = [];
    let correct = 0;
    let severityCorrect = 0;
    const stats = Object.fromEntries(CATEGORIES.map((c) => [c, { tp: 0, fp: 0, fn: 0 }])) as Record<Category, { tp: number; fp: number; fn: number }>;
    for (const l of labels) {
      const p = predicted.get(`${l.server.toLowerCase()}\u0000${l.tool}`)!;
      if (p.category === l.category) {
        stats[l.category].tp++;
        correct++;
      } else {
        stats[l.category].fn++;
        stats[p.category].fp++;
        wrong.push(`${l.tool} (${l.server}): labelled ${l.category}, got ${p.category}`);
      }
      if (p.severity === l.severity) severityCorrect++;
      if (HIGH_RISK.has(l.category) && !HIGH_RISK.has(p.category)) understated.push(`${l.tool} (${l.server}): labelled ${l.category}, got ${p.category}`);
    }
    for (const c of CATEGORIES) {
      const s = stats[c];
      const precision = s.tp + s.fp ? s.tp / (s.tp + s.fp) : 1;
      const recall = s.tp + s.fn ? s.tp / (s.tp + s.fn) : 1;
      rows.push(`${c.padEnd(12)} precision ${precision.toFixed(2)}  recall ${recall.toFixed(2)}  (n=${s.tp + s.fn})`);
    }
    const accuracy = correct / labels.length;
    const severityAccuracy = severityCorrect / labels.length;
    console.log(
      [
        `category accuracy ${accuracy.toFixed(3)} on ${labels.length} labels; severity accuracy ${severityAccuracy.toFixed(3)}`,
        ...rows,
        `labelled Execute, Financial or Destructive but rated Read or Write: ${understated.length}`,
        `misclassified (${wrong.length}):`,
        ...wrong.map((w) => '  ' + w),
      ].join('\n'),
    );
    // Floors just below what the rules reach on this set, so a rule change
    // that makes the catalogue worse fails here (see FLOORS).
    expect(accuracy).toBeGreaterThanOrEqual(FLOORS.category);
    expect(severityAccuracy).toBeGreaterThanOrEqual(FLOORS.severity);
    expect(understated.length).toBeLessThanOrEqual(FLOORS.understatedHighRisk);
  });
});
