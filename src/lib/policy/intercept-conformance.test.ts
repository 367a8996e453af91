/**
 * Our Intercept schema against Intercept's own POLICY.md: every policy file
 * the gateway ships must pass it, hand-made policies that break a documented
 * rule must fail it for that rule, and every kind of policy we emit must
 * behave as POLICY.md's evaluation order says.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { describe, expect, it } from 'vitest';
import { DEFAULT_DATA_DIR } from '../config.ts';
import { interceptPolicyErrors, interceptPolicySchema, type InterceptPolicy } from '../../schemas/policy.ts';
import { interceptPolicyProblems, re2PatternError } from '../../schemas/intercept-rules.ts';
import { interceptFor, type PolicyChoice } from './build-policy.ts';
import { toInterceptYaml } from './intercept-yaml.ts';
import { evaluateIntercept } from './intercept-evaluate.ts';

const SHIPPED_DIR = join(DEFAULT_DATA_DIR, 'reference', 'intercept-policies');

describe("Intercept's shipped policy files", () => {
  const files = readdirSync(SHIPPED_DIR).filter((f) => f.endsWith('.yaml')).sort();

  it('finds the files to check', () => {
    expect(files.length).toBeGreaterThan(0);
  });

  it.each(files)('accepts %s', (file) => {
    const parsed: unknown = parseYaml(readFileSync(join(SHIPPED_DIR, file), 'utf8'));
    expect(interceptPolicyErrors(parsed)).toEqual([]);
    // The plain checks the policy builder page runs agree.
    expect(interceptPolicyProblems(parsed)).toEqual([]);
    // Each names at least one tool, so the schema saw real tool entries, not an empty map.
    expect(Object.keys((parsed as InterceptPolicy).tools).length).toBeGreaterThan(0);
  });
});

/** A policy with one tool and the given rules, for the negative cases. */
const withRules = (rules: unknown[], extra: Record<string, unknown> = {}) => ({ version: '1', tools: { create_issue: { rules } }, ...extra });

describe('policies that break a POLICY.md rule', () => {
  const cases: { rule: string; policy: unknown; error: string }[] = [
    {
      rule: 'deny rules take no conditions',
      policy: withRules([{ name: 'block', action: 'deny', conditions: [{ path: 'args.repo', op: 'eq', value: 'main' }] }]),
      error: 'tools.create_issue.rules[0] "block": deny rules must not have conditions',
    },
    {
      rule: 'rate_limit is not combined with conditions',
      policy: withRules([{ name: 'hourly', rate_limit: '5/hour', conditions: [{ path: 'args.repo', op: 'eq', value: 'main' }] }]),
      error: 'tools.create_issue.rules[0] "hourly": rate_limit cannot be combined with conditions or state',
    },
    {
      rule: 'rate_limit is not combined with state',
      policy: withRules([{ name: 'hourly', rate_limit: '5/hour', state: { counter: 'n', window: 'hour' } }]),
      error: 'tools.create_issue.rules[0] "hourly": rate_limit cannot be combined with conditions or state',
    },
    {
      rule: 'rate_limit is not used with action deny',
      policy: withRules([{ name: 'hourly', action: 'deny', rate_limit: '5/hour' }]),
      error: 'tools.create_issue.rules[0] "hourly": rate_limit cannot be used with action "deny"',
    },
    {
      rule: 'rate_limit count is a positive integer',
      policy: withRules([{ name: 'hourly', rate_limit: '0/hour' }]),
      error: 'tools.create_issue.rules[0] "hourly": rate_limit count must be a positive integer, got "0"',
    },
    {
      rule: 'rate_limit window is minute, hour or day',
      policy: withRules([{ name: 'weekly', rate_limit: '5/week' }]),
      error: 'tools.create_issue.rules[0] "weekly": rate_limit window must be "minute", "hour", or "day", got "week"',
    },
    {
      rule: 'operators are the documented eleven',
      policy: withRules([{ name: 'r', conditions: [{ path: 'args.repo', op: 'startswith', value: 'x' }] }]),
      error: 'tools.create_issue.rules[0] "r": unknown operator "startswith"',
    },
    {
      rule: 'in needs a list',
      policy: withRules([{ name: 'r', conditions: [{ path: 'args.currency', op: 'in', value: 'usd' }] }]),
      error: 'tools.create_issue.rules[0] "r": operator "in" requires a list value',
    },
    {
      rule: 'lte needs a number',
      policy: withRules([{ name: 'r', conditions: [{ path: 'args.amount', op: 'lte', value: '100' }] }]),
      error: 'tools.create_issue.rules[0] "r": operator "lte" requires a numeric value',
    },
    {
      rule: 'exists needs a boolean',
      policy: withRules([{ name: 'r', conditions: [{ path: 'args.amount', op: 'exists', value: 'yes' }] }]),
      error: 'tools.create_issue.rules[0] "r": operator "exists" requires a boolean value',
    },
    {
      rule: 'a regex compiles',
      policy: withRules([{ name: 'r', conditions: [{ path: 'args.branch', op: 'regex', value: '^(feat' }] }]),
      error: 'tools.create_issue.rules[0] "r": invalid regex "^(feat"',
    },
    {
      rule: 'paths start with args. or state.',
      policy: withRules([{ name: 'r', conditions: [{ path: 'arguments.repo', op: 'eq', value: 'x' }] }]),
      error: 'tools.create_issue.rules[0] "r": path must start with "args." or "state.", got "arguments.repo"',
    },
    {
      rule: 'a state condition needs a matching state block',
      policy: withRules([{ name: 'daily', conditions: [{ path: 'state.create_issue.daily_count', op: 'lte', value: 5 }] }]),
      error: 'tools.create_issue.rules[0] "daily": condition references state.create_issue.daily_count but no matching state block found',
    },
    {
      rule: 'a wildcard state condition needs a state block under "*"',
      policy: {
        version: '1',
        tools: {
          create_issue: { rules: [{ name: 'own', conditions: [{ path: 'state.create_issue.n', op: 'lte', value: 5 }], state: { counter: 'n', window: 'day' } }] },
          '*': { rules: [{ name: 'global', conditions: [{ path: 'state._global.n', op: 'lte', value: 60 }] }] },
        },
      },
      error: 'tools.*.rules[0] "global": condition references state._global.n but no matching state block found',
    },
    {
      rule: 'counters are unique per tool',
      policy: withRules([
        { name: 'a', conditions: [{ path: 'state.create_issue.n', op: 'lte', value: 5 }], state: { counter: 'n', window: 'hour' } },
        { name: 'b', conditions: [{ path: 'state.create_issue.n', op: 'lte', value: 50 }], state: { counter: 'n', window: 'day' } },
      ]),
      error: 'tools.create_issue.rules[1] "b": duplicate state counter "n" (also used by rules[0])',
    },
    {
      rule: 'two rate limits with one window share the generated counter',
      policy: withRules([
        { name: 'a', rate_limit: '5/hour' },
        { name: 'b', rate_limit: '10/hour' },
      ]),
      error: 'tools.create_issue.rules[1] "b": duplicate state counter "_rate_hour" (also used by rules[0])',
    },
    {
      rule: 'state windows are minute, hour or day',
      policy: withRules([{ name: 'r', conditions: [{ path: 'state.create_issue.n', op: 'lte', value: 5 }], state: { counter: 'n', window: 'week' } }]),
      error: 'tools.create_issue.rules[0] "r": window must be "minute", "hour", or "day", got "week"',
    },
    {
      rule: 'increment_from reads an argument',
      policy: withRules([{ name: 'r', conditions: [{ path: 'state.create_issue.n', op: 'lte', value: 5 }], state: { counter: 'n', window: 'day', increment_from: 'amount' } }]),
      error: 'tools.create_issue.rules[0] "r": increment_from must start with "args.", got "amount"',
    },
    {
      rule: 'an evaluate rule needs a condition',
      policy: withRules([{ name: 'r', action: 'evaluate' }]),
      error: 'tools.create_issue.rules[0] "r": evaluate rules must have at least one condition',
    },
    {
      rule: 'every rule has a name',
      policy: withRules([{ action: 'deny' }]),
      error: 'tools.create_issue.rules[0]: rule must have a name',
    },
    {
      rule: 'actions are evaluate or deny',
      policy: withRules([{ name: 'r', action: 'block' }]),
      error: 'tools.create_issue.rules[0] "r": action must be "evaluate" or "deny", got "block"',
    },
    { rule: 'hide entries are not empty', policy: withRules([], { hide: ['delete_repo', ' '] }), error: 'hide[1]: entry must not be empty' },
    { rule: 'hide entries are unique', policy: withRules([], { hide: ['delete_repo', 'delete_repo'] }), error: 'hide: duplicate entry "delete_repo"' },
    { rule: 'version is "1"', policy: { ...withRules([]), version: '2' }, error: 'version must be "1", got "2"' },
    { rule: 'default is allow or deny', policy: withRules([], { default: 'block' }), error: 'default must be "allow" or "deny", got "block"' },
  ];

  it.each(cases)('rejects a policy where $rule is broken', ({ policy, error }) => {
    const errors = interceptPolicyErrors(policy);
    expect(errors.some((e) => e.startsWith(error)), errors.join('\n')).toBe(true);
    // The page's plain checks find the same broken rule.
    const plain = interceptPolicyProblems(policy);
    expect(plain.some((e) => e.startsWith(error) || e.includes(error.split(': ').pop()!)), plain.join('\n')).toBe(true);
  });

  it('accepts the valid twins of those policies, so each rejection is for the rule alone', () => {
    const valid: unknown[] = [
      withRules([{ name: 'block', action: 'deny' }]),
      withRules([{ name: 'hourly', rate_limit: '5/hour' }, { name: 'daily', rate_limit: '50/day' }]),
      withRules([{ name: 'r', conditions: [{ path: 'args.currency', op: 'in', value: ['usd'] }] }]),
      withRules([{ name: 'r', conditions: [{ path: 'args.branch', op: 'regex', value: '^feat/' }] }]),
      withRules([{ name: 'r', conditions: [{ path: 'args.amount', op: 'exists', value: true }] }]),
      // A rate_limit's generated counter can be read by another rule of the same tool.
      withRules([{ name: 'hourly', rate_limit: '5/hour' }, { name: 'peek', conditions: [{ path: 'state.create_issue._rate_hour', op: 'lte', value: 3 }] }]),
      {
        version: '1',
        default: 'deny',
        hide: ['delete_repo'],
        tools: {
          create_issue: { rules: [{ name: 'own', conditions: [{ path: 'state.create_issue.n', op: 'lte', value: 5 }], state: { counter: 'n', window: 'day', increment_from: 'args.count' } }] },
          '*': { rules: [{ name: 'global', conditions: [{ path: 'state._global.calls', op: 'lte', value: 60 }], state: { counter: 'calls', window: 'minute', increment: 1 } }, { name: 'hourly', rate_limit: '600/hour' }] },
        },
      },
    ];
    for (const p of valid) expect(interceptPolicyErrors(p), JSON.stringify(p)).toEqual([]);
  });

  it("refuses regex features Go's RE2 lacks, and takes its own spellings", () => {
    expect(re2PatternError('^(?=main)')).toMatch(/lookaround/);
    expect(re2PatternError('(a)\\1')).toMatch(/backreference/);
    expect(re2PatternError('(?i)^feat/')).toBeUndefined();
    expect(re2PatternError('(?P<kind>feat|fix)/')).toBeUndefined();
    expect(re2PatternError('\\\\1')).toBeUndefined();
  });
});

describe('the policies we emit, read the way POLICY.md says the gateway reads them', () => {
  const tool = 'record_write';
  const choices: Record<PolicyChoice['kind'], PolicyChoice> = {
    hide: { kind: 'hide' },
    approval: { kind: 'approval' },
    rate: { kind: 'rate', rate: { limit: 10, window: 'minute' } },
    allow: { kind: 'allow' },
    capped: { kind: 'capped', caps: [{ path: 'args.amount', op: 'gt', value: 500 }] },
    conditional: { kind: 'conditional', hold: { param: 'method', values: ['delete'], allowed: ['create', 'update'] }, rate: { limit: 10, window: 'minute' } },
  };
  const emitted = Object.fromEntries(
    Object.entries(choices).map(([kind, choice]) => [kind, interceptPolicySchema.parse(parseYaml(interceptFor(tool, 'Test', choice)))]),
  ) as Record<PolicyChoice['kind'], InterceptPolicy>;

  it('writes every kind as a valid allowlist: default deny, the tool listed unless hidden, every rule named', () => {
    for (const [kind, p] of Object.entries(emitted)) {
      expect(p.default, kind).toBe('deny');
      if (kind === 'hide') {
        expect(p.hide).toEqual([tool]);
        expect(p.tools).toEqual({});
        continue;
      }
      expect(Object.keys(p.tools), kind).toEqual([tool]);
      for (const r of p.tools[tool]!.rules) {
        expect(r.name, kind).not.toBe('');
        if (r.rate_limit) {
          expect(r.conditions, kind).toBeUndefined();
          expect(r.state, kind).toBeUndefined();
          expect(r.action, kind).not.toBe('deny');
        }
      }
    }
    expect(emitted.allow.tools[tool]!.rules).toEqual([]);
  });

  it('writes an unconditional allow as "rules: []", as POLICY.md spells it', () => {
    expect(interceptFor(tool, 'Test', choices.allow)).toMatch(/"record_write":\n {4}rules: \[\]\n/);
  });

  it('hides the hidden tool and refuses tools it does not list', () => {
    expect(evaluateIntercept(emitted.hide, tool)).toMatchObject({ allowed: false, rule: '(hidden)' });
    for (const p of Object.values(emitted)) expect(evaluateIntercept(p, 'some_other_tool')).toMatchObject({ allowed: false });
    expect(evaluateIntercept(emitted.allow, 'some_other_tool')).toMatchObject({ allowed: false, rule: '(default deny)' });
  });

  it('allows, rate-limits (one call passes) and refuses for approval', () => {
    expect(evaluateIntercept(emitted.allow, tool, { anything: 1 })).toEqual({ allowed: true });
    expect(evaluateIntercept(emitted.rate, tool)).toEqual({ allowed: true });
    expect(evaluateIntercept(emitted.approval, tool, { method: 'create' })).toEqual({ allowed: false, rule: 'require human approval', message: 'Requires human approval.' });
  });

  it('lets the conditional policy pass safe operations and hold the dangerous one', () => {
    expect(evaluateIntercept(emitted.conditional, tool, { method: 'create' }).allowed).toBe(true);
    expect(evaluateIntercept(emitted.conditional, tool, { method: 'update' }).allowed).toBe(true);
    expect(evaluateIntercept(emitted.conditional, tool, { method: 'delete' })).toMatchObject({ allowed: false, message: 'method "delete" requires human approval.' });
    // An argument the call leaves out fails its condition, so nothing slips past by omission.
    expect(evaluateIntercept(emitted.conditional, tool, {}).allowed).toBe(false);
  });

  it('lets the capped policy pass up to the cap and refuse above it', () => {
    expect(evaluateIntercept(emitted.capped, tool, { amount: 500 }).allowed).toBe(true);
    expect(evaluateIntercept(emitted.capped, tool, { amount: 501 })).toMatchObject({ allowed: false, message: 'amount above 500 requires human approval.' });
  });
});

describe('the evaluator follows the documented order', () => {
  const policy = interceptPolicySchema.parse({
    version: '1',
    tools: {
      create_charge: { rules: [{ name: 'max charge', conditions: [{ path: 'args.amount', op: 'lte', value: 100 }], on_deny: 'too much' }] },
      '*': { rules: [{ name: 'no prod', conditions: [{ path: 'args.env', op: 'neq', value: 'prod' }], on_deny: 'not in prod' }] },
    },
  });

  it('checks the tool rules before the wildcard rules, and allows unlisted tools under default allow', () => {
    expect(evaluateIntercept(policy, 'create_charge', { amount: 500, env: 'prod' })).toMatchObject({ rule: 'max charge' });
    expect(evaluateIntercept(policy, 'create_charge', { amount: 50, env: 'prod' })).toMatchObject({ rule: 'no prod' });
    expect(evaluateIntercept(policy, 'list_charges', { env: 'dev' })).toEqual({ allowed: true });
    expect(evaluateIntercept(policy, 'list_charges', { env: 'prod' }).allowed).toBe(false);
  });

  it('does not let wildcard rules rescue an unlisted tool under default deny', () => {
    expect(evaluateIntercept({ ...policy, default: 'deny' }, 'list_charges', { env: 'dev' })).toMatchObject({ allowed: false, rule: '(default deny)' });
  });
});

describe('the YAML writer', () => {
  it('writes state blocks that read back unchanged', () => {
    const policy: InterceptPolicy = {
      version: '1',
      default: 'deny',
      tools: {
        create_charge: {
          rules: [
            {
              name: 'daily spend cap',
              conditions: [{ path: 'state.create_charge.daily_spend', op: 'lt', value: 1000000 }],
              on_deny: 'Daily cap reached',
              state: { counter: 'daily_spend', window: 'day', increment_from: 'args.amount' },
            },
          ],
        },
      },
    };
    expect(parseYaml(toInterceptYaml(policy, undefined, true))).toEqual(policy);
  });

  it('refuses to write a condition on a counter no rule defines', () => {
    const policy: InterceptPolicy = { version: '1', tools: { t: { rules: [{ name: 'r', conditions: [{ path: 'state.t.missing', op: 'lte', value: 1 }] }] } } };
    expect(() => toInterceptYaml(policy)).toThrow(/no matching state block/);
  });
});
