import { describe, expect, it } from 'vitest';
import { compileRules, loadRules } from '../rules/load-rules.ts';
import { classify } from './classify.ts';
import { writeRationale } from './rationale.ts';

describe('the rationale reads the rules the tool was classified with', () => {
  it('a verb only a custom rules folder knows is a verb in the sentence too', () => {
    const base = loadRules();
    const raw = structuredClone(base.raw);
    raw.verbs.Write.push('frobnicate');
    const mine = compileRules(raw, base.severity, base.policy, 'test', { kinds: [], reversible_phrases: [], throwaway_contexts: [], word_senses: [] });
    const tool = { name: 'frobnicate_widget', description: '' };
    const ctx = { title: 'Test', prefixWords: new Set<string>() };
    const c = classify(mine, tool, ctx);
    expect(c.category).toBe('Write');
    const r = writeRationale(c, { rules: mine, name: tool.name, server: 'Test', policyKind: 'rate', policyBecause: 'reasons', description: tool.description });
    expect(r).toContain('frobnicate_widget frobnicates a widget on Test');
    // Rules in which "widget" is a verb too read no object from the name: the sentence follows the rules it is given.
    raw.verbs.Write.push('widget');
    const other = compileRules(raw, base.severity, base.policy, 'test', { kinds: [], reversible_phrases: [], throwaway_contexts: [], word_senses: [] });
    expect(writeRationale(c, { rules: other, name: tool.name, server: 'Test', policyKind: 'rate', policyBecause: 'reasons', description: tool.description })).not.toContain('frobnicates a widget');
  });
});
