import { describe, expect, it } from 'vitest';
import { policyJsonProblems } from './policy-rules.ts';
import { interceptPolicyProblems } from './intercept-rules.ts';
import { policyJsonSchema } from './policy.ts';

const ok = { version: '1', default: 'deny', tools: { a: {}, b: { limits: [{ counter: 'b_per_minute', window: 'minute', max: 10, scope: 'grant' }] } } };

describe('policy.json rules, shared by the build and the policy builder', () => {
  it('accepts a valid policy, and the zod schema agrees', () => {
    expect(policyJsonProblems(ok)).toEqual([]);
    expect(policyJsonSchema.safeParse(ok).success).toBe(true);
  });

  it.each([
    ['the Intercept shorthand', { ...ok, tools: { a: { rate_limit: '10/minute' } } }, 'unknown key "rate_limit"'],
    ['a window in seconds', { ...ok, tools: { a: { limits: [{ counter: 'x', window: 60, max: 10, scope: 'grant' }] } } }, 'window must be'],
    ['a shared counter', { ...ok, all_tools: { limits: [{ counter: 'b_per_minute', window: 'minute', max: 60, scope: 'grant' }] } }, 'used twice'],
    ['a hidden tool that is also configured', { ...ok, hide: ['a'] }, 'both hidden and configured'],
    ['a list operator with a scalar', { ...ok, tools: { a: { deny_if: [{ conditions: [{ path: 'args.x', op: 'in', value: 'y' }], on_deny: 'no' }] } } }, 'needs a list'],
    ['a path outside args', { ...ok, tools: { a: { require: [{ path: 'env.HOME', op: 'exists', value: true }] } } }, 'path must start with "args."'],
    ['version 2', { ...ok, version: '2' }, 'version must be "1"'],
  ])('rejects %s', (_, policy, message) => {
    const problems = policyJsonProblems(policy);
    expect(problems.join('\n')).toContain(message);
    expect(policyJsonSchema.safeParse(policy).success).toBe(false);
  });
});

describe('Intercept rules, shared by the build and the policy builder', () => {
  it.each([
    ['rate_limit with conditions', [{ name: 'r', rate_limit: '5/hour', conditions: [{ path: 'args.a', op: 'eq', value: 1 }] }], 'cannot be combined'],
    ['rate_limit on a deny rule', [{ name: 'r', action: 'deny', rate_limit: '5/hour' }], 'cannot be used with action "deny"'],
    ['a deny rule with conditions', [{ name: 'r', action: 'deny', conditions: [{ path: 'args.a', op: 'eq', value: 1 }] }], 'must not have conditions'],
    ['an evaluate rule with nothing to evaluate', [{ name: 'r' }], 'at least one condition'],
    ['two limits on one window', [{ name: 'a', rate_limit: '5/hour' }, { name: 'b', rate_limit: '9/hour' }], 'duplicate state counter "_rate_hour"'],
    ['a rule without a name', [{ action: 'deny' }], 'must have a name'],
  ])('rejects %s', (_, rules, message) => {
    expect(interceptPolicyProblems({ version: '1', tools: { t: { rules } } }).join('\n')).toContain(message);
  });

  it('accepts an unconditional allow, a deny, and rate limits on different windows', () => {
    const rules = [{ name: 'm', rate_limit: '5/minute' }, { name: 'd', rate_limit: '100/day' }];
    expect(interceptPolicyProblems({ version: '1', default: 'deny', hide: ['x'], tools: { a: { rules: [] }, b: { rules: [{ name: 'no', action: 'deny' }] }, c: { rules } } })).toEqual([]);
  });
});
