/**
 * Classes of overstated or wrong-kind judgements (a Read or Write tool rated
 * Execute, Financial or Destructive, or the wrong one of those), each on a
 * small definition written for the test.
 */
import { describe, expect, it } from 'vitest';
import { loadRules } from '../rules/load-rules.ts';
import { classify } from './classify.ts';
import type { ClassifyInput } from './types.ts';

const rules = loadRules();
const plain = { title: 'Test', prefixWords: new Set<string>() };
const judge = (def: ClassifyInput) => classify(rules, def, plain);

describe('overstated and wrong-kind classes', () => {
  it('cancelling a subscription ends it (Destructive, critical); changing one changes billing (Financial)', () => {
    const cancel = judge({ name: 'cancel_subscription', description: 'Cancel an active subscription', inputSchema: { properties: { subscription_id: { type: 'string' } } } });
    expect([cancel.category, cancel.severity]).toEqual(['Destructive', 'critical']);
    expect(judge({ name: 'update_subscription', description: 'Update a subscription', inputSchema: { properties: { subscription_id: { type: 'string' } } } }).category).toBe('Financial');
  });
});
