import { describe, expect, it } from 'vitest';
import { loadRules } from './load-rules.ts';
import { tunableNumbers } from './tunables.ts';

describe('tunable numbers', () => {
  it('lists every weight and limit in force with its meaning', () => {
    const rules = loadRules();
    const rows = tunableNumbers(rules.raw);
    const byKey = new Map(rows.map((r) => [r.key, r]));
    for (const k of Object.keys(rules.raw.weights)) expect(byKey.get(`weights.${k}`)?.value, k).toBe(rules.raw.weights[k as keyof typeof rules.raw.weights]);
    for (const k of Object.keys(rules.raw.limits)) expect(byKey.get(`limits.${k}`)?.value, k).toBe(rules.raw.limits[k as keyof typeof rules.raw.limits]);
    expect(byKey.get('operations.weight')?.value).toBe(rules.raw.operations.weight);
    expect(byKey.get('action_lists.min_unintroduced')?.value).toBe(rules.raw.action_lists.min_unintroduced);
    for (const r of rows) expect(r.meaning.length, r.key).toBeGreaterThan(10);
  });
});
