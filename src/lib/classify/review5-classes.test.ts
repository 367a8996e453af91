/**
 * Classes of error the fifth blind review (150 tools, labelled from their
 * definitions before our output was read) and the remaining understated
 * labelled tools showed, each pinned on a small definition written here.
 */
import { describe, expect, it } from 'vitest';
import { loadRules } from '../rules/load-rules.ts';
import { classify } from './classify.ts';
import type { ClassifyInput } from './types.ts';

const rules = loadRules();
const plain = { title: 'Test', prefixWords: new Set<string>() };
const run = (input: ClassifyInput) => classify(rules, input, plain);

describe('review 5 classes', () => {
  it('editing, pausing or resuming a recurring buying plan changes what it spends (Financial), and a listed pause/resume does not outvote the lead', () => {
    expect(run({ name: 'change_plan_status', description: 'Change the status of an auto-invest plan (pause or resume). It spends the account funds.' }).category).toBe('Financial');
    expect(run({ name: 'edit_plan', description: 'Edit an existing auto-invest plan. Modify the amount of funds or the cycle.' }).category).toBe('Financial');
    // A listed action still raises a milder lead.
    expect(run({ name: 'manage_form', description: 'Update a site form (enable, disable, delete).' }).category).toBe('Destructive');
  });
});
