/**
 * Schemas for the gateway policies we emit. Every policy is validated against
 * these before it is written; a policy that fails is a build error.
 *
 * policy.json follows the reference catalogue's shape:
 *   {"version":"1","default":"deny","hide":[...],"tools":{name: {...}}}
 * Intercept YAML follows the open-source Intercept gateway's documented rules:
 * every rule has a name, rate_limit is never combined with conditions, and a
 * rule with action "deny" takes no conditions.
 */
import { z } from 'zod';

export const RATE_PATTERN = /^[1-9][0-9]*\/(minute|hour|day)$/;

export const conditionSchema = z.strictObject({
  path: z.string().regex(/^args\.[A-Za-z0-9_.\-\[\]]+$/, 'condition path must start with args.'),
  op: z.enum(['eq', 'neq', 'in', 'not_in', 'lt', 'lte', 'gt', 'gte', 'regex', 'contains', 'exists']),
  value: z.union([z.string(), z.number(), z.boolean(), z.array(z.union([z.string(), z.number()]))]),
});

export const denyIfSchema = z.strictObject({
  conditions: z.array(conditionSchema),
  on_deny: z.string().min(1),
});

export const toolPolicySchema = z.strictObject({
  deny_if: z.array(denyIfSchema).min(1).optional(),
  rate_limit: z.string().regex(RATE_PATTERN, 'rate_limit must look like "10/minute"').optional(),
});

export const policyJsonSchema = z
  .strictObject({
    version: z.literal('1'),
    default: z.enum(['deny', 'allow']),
    description: z.string().optional(),
    hide: z.array(z.string().min(1)).optional(),
    tools: z.record(z.string(), toolPolicySchema),
  })
  .superRefine((p, ctx) => {
    for (const name of p.hide ?? []) {
      if (Object.hasOwn(p.tools, name)) ctx.addIssue({ code: 'custom', message: `"${name}" is both hidden and configured` });
    }
  });
export type PolicyJson = z.infer<typeof policyJsonSchema>;
export type ToolPolicy = z.infer<typeof toolPolicySchema>;
export type PolicyCondition = z.infer<typeof conditionSchema>;

/*
 * Intercept (PolicyLayer's open-source MCP gateway). The schemas mirror the
 * rules of its POLICY.md, so a file that passes here passes `intercept
 * validate`, and the shipped policy files pass here. Field types are kept
 * loose (plain strings, unknown values) and every documented rule is checked
 * in one refinement, so each error names the tool and the rule it is about,
 * in wording close to POLICY.md's "Validation errors" table.
 *
 * Two places are stricter than the gateway, on purpose: unknown keys are
 * rejected (the gateway ignores them, so a misspelt `conditons` would
 * silently drop a check), and a `state.` path must name both a scope and a
 * counter (the gateway skips shorter paths, which then never match).
 */

export const INTERCEPT_OPS = ['eq', 'neq', 'in', 'not_in', 'lt', 'lte', 'gt', 'gte', 'regex', 'contains', 'exists'] as const;
export type InterceptOp = (typeof INTERCEPT_OPS)[number];
export const INTERCEPT_WINDOWS = ['minute', 'hour', 'day'] as const;
export type InterceptWindow = (typeof INTERCEPT_WINDOWS)[number];
/** The tool key whose rules apply to every call. */
export const INTERCEPT_WILDCARD = '*';
/** The state scope of counters defined under the wildcard key. */
export const INTERCEPT_GLOBAL_SCOPE = '_global';

const OPS: ReadonlySet<string> = new Set(INTERCEPT_OPS);
const WINDOWS: ReadonlySet<string> = new Set(INTERCEPT_WINDOWS);
const LIST_OPS: ReadonlySet<string> = new Set(['in', 'not_in']);
const NUMERIC_OPS: ReadonlySet<string> = new Set(['lt', 'lte', 'gt', 'gte']);
const MAX_GO_INT = 2n ** 63n - 1n;

export const interceptConditionSchema = z.strictObject({
  path: z.string(),
  op: z.string(),
  // Any YAML value: eq, neq and contains accept anything, the other operators are checked below.
  value: z.unknown(),
});

export const interceptStateSchema = z.strictObject({
  // Defaults to '' so a missing counter or window gets the documented message, not a type error.
  counter: z.string().default(''),
  window: z.string().default(''),
  increment: z.number().int('increment must be an integer').optional(),
  increment_from: z.string().optional(),
});

const interceptRuleFields = z.strictObject({
  name: z.string().default(''),
  action: z.string().optional(),
  rate_limit: z.string().optional(),
  conditions: z.array(interceptConditionSchema).optional(),
  on_deny: z.string().optional(),
  state: interceptStateSchema.optional(),
});
type RuleFields = z.infer<typeof interceptRuleFields>;
export type InterceptCondition = z.infer<typeof interceptConditionSchema>;
export type InterceptState = z.infer<typeof interceptStateSchema>;

/** A parsed `rate_limit` ("5/hour"), or the documented error. */
export function parseInterceptRateLimit(s: string): { count: number; window: InterceptWindow } | { error: string } {
  const slash = s.indexOf('/');
  if (slash < 0) return { error: `rate_limit must be in the format "N/window" (e.g. "5/hour"), got "${s}"` };
  const countText = s.slice(0, slash);
  const window = s.slice(slash + 1);
  // The gateway reads the count as a Go int: an optional sign, digits, within int64.
  const ok = /^[+-]?[0-9]+$/.test(countText) && BigInt(countText) > 0n && BigInt(countText) <= MAX_GO_INT;
  if (!ok) return { error: `rate_limit count must be a positive integer, got "${countText}"` };
  if (!WINDOWS.has(window)) return { error: `rate_limit window must be "minute", "hour", or "day", got "${window}"` };
  return { count: Number(countText), window: window as InterceptWindow };
}

/**
 * Whether a pattern compiles as Go's RE2 would compile it, approximated with
 * JavaScript's engine: RE2 has no lookaround and no backreferences (JS does,
 * so they are refused here), and RE2 spells inline flags `(?i)` and named
 * groups `(?P<name>` (JS does not, so they are translated before compiling).
 * Returns the error, or undefined when the pattern is fine.
 */
export function re2PatternError(pattern: string): string | undefined {
  if (/\(\?<?[=!]/.test(pattern)) return 'lookaround is not supported by RE2';
  if (/(^|[^\\])(\\\\)*\\[1-9]/.test(pattern) || /\\k</.test(pattern)) return 'backreferences are not supported by RE2';
  try {
    toJsRegExp(pattern);
    return undefined;
  } catch (err) {
    return (err as Error).message;
  }
}

/** Compiles an RE2-style pattern with JavaScript's engine (see re2PatternError). */
export function toJsRegExp(pattern: string): RegExp {
  let source = pattern.replaceAll('(?P<', '(?<');
  let flags = '';
  const lead = /^\(\?([imsU]+)\)/.exec(source);
  if (lead) {
    flags = [...new Set(lead[1]!.replace('U', ''))].join('');
    source = source.slice(lead[0].length);
  }
  return new RegExp(source, flags);
}

/** A value as the gateway's messages quote it: strings in quotes, anything else as written. */
const show = (v: unknown): string => (typeof v === 'string' ? `"${v}"` : (JSON.stringify(v) ?? String(v)));

/** Problems of one condition, in POLICY.md's wording. */
function conditionProblems(c: InterceptCondition): string[] {
  const out: string[] = [];
  if (!c.path.startsWith('args.') && !c.path.startsWith('state.')) out.push(`path must start with "args." or "state.", got "${c.path}"`);
  else if (c.path.startsWith('state.') && !/^state\.[^.]+\..+$/.test(c.path)) out.push(`path must look like "state.<scope>.<counter>", got "${c.path}"`);
  if (!OPS.has(c.op)) out.push(`unknown operator "${c.op}"`);
  if (LIST_OPS.has(c.op) && !Array.isArray(c.value)) out.push(`operator "${c.op}" requires a list value`);
  if (NUMERIC_OPS.has(c.op) && typeof c.value !== 'number') out.push(`operator "${c.op}" requires a numeric value`);
  if (c.op === 'exists' && typeof c.value !== 'boolean') out.push('operator "exists" requires a boolean value');
  if (c.op === 'regex') {
    if (typeof c.value !== 'string') out.push('regex value must be a string');
    else {
      const err = re2PatternError(c.value);
      if (err) out.push(`invalid regex "${c.value}": ${err}`);
    }
  }
  return out;
}

/**
 * Problems of one rule that need no other rule to find, each with the path
 * (relative to the rule) it belongs to.
 */
function ruleProblems(r: RuleFields): { at: (string | number)[]; message: string }[] {
  const out: { at: (string | number)[]; message: string }[] = [];
  const conditions = r.conditions ?? [];
  if (!r.name) out.push({ at: ['name'], message: 'rule must have a name' });
  if (r.action !== undefined && r.action !== 'evaluate' && r.action !== 'deny')
    out.push({ at: ['action'], message: `action must be "evaluate" or "deny", got "${r.action}"` });
  // An empty rate_limit counts as absent, as in the gateway.
  if (r.rate_limit) {
    const parsed = parseInterceptRateLimit(r.rate_limit);
    if ('error' in parsed) out.push({ at: ['rate_limit'], message: parsed.error });
    if (conditions.length || r.state) out.push({ at: ['rate_limit'], message: 'rate_limit cannot be combined with conditions or state' });
    if (r.action === 'deny') out.push({ at: ['rate_limit'], message: 'rate_limit cannot be used with action "deny"' });
  } else {
    // The rate_limit shorthand expands into a condition, so only rules without it need their own.
    if (r.action === 'deny' && conditions.length) out.push({ at: ['conditions'], message: 'deny rules must not have conditions' });
    if ((r.action ?? 'evaluate') === 'evaluate' && !conditions.length)
      out.push({ at: ['conditions'], message: 'evaluate rules must have at least one condition' });
  }
  conditions.forEach((c, j) => {
    for (const message of conditionProblems(c)) out.push({ at: ['conditions', j], message });
  });
  if (r.state) {
    const s = r.state;
    if (!s.counter.trim()) out.push({ at: ['state', 'counter'], message: 'counter must not be empty' });
    if (!WINDOWS.has(s.window)) out.push({ at: ['state', 'window'], message: `window must be "minute", "hour", or "day", got "${s.window}"` });
    if (s.increment_from !== undefined && !s.increment_from.startsWith('args.'))
      out.push({ at: ['state', 'increment_from'], message: `increment_from must start with "args.", got "${s.increment_from}"` });
  }
  return out;
}

/**
 * The counter a rule defines: its state block's, or for the rate_limit
 * shorthand the `_rate_<window>` counter the gateway generates (only when the
 * shorthand is usable; a broken one is reported on its own).
 */
function ruleCounter(r: RuleFields): string | undefined {
  if (r.state) return r.state.counter;
  if (!r.rate_limit || r.conditions?.length || r.action === 'deny') return undefined;
  const parsed = parseInterceptRateLimit(r.rate_limit);
  return 'error' in parsed ? undefined : `_rate_${parsed.window}`;
}

const ruleLabel = (r: RuleFields): string => (r.name ? ` "${r.name}"` : '');

export const interceptRuleSchema = interceptRuleFields.superRefine((r, ctx) => {
  for (const p of ruleProblems(r)) ctx.addIssue({ code: 'custom', path: p.at, message: `rule${ruleLabel(r)}: ${p.message}` });
});

const interceptToolSchema = z.strictObject({ rules: z.array(interceptRuleFields) });

export const interceptPolicySchema = z
  .strictObject({
    version: z.literal('1', { error: (iss) => `version must be "1", got ${show(iss.input ?? '')}` }),
    description: z.string().optional(),
    default: z.enum(['allow', 'deny'], { error: (iss) => `default must be "allow" or "deny", got ${show(iss.input)}` }).optional(),
    hide: z.array(z.string()).optional(),
    // Keys are the server's tool names, plus "*" for rules that apply to every call.
    tools: z.record(z.string(), interceptToolSchema),
  })
  .superRefine((p, ctx) => {
    const seen = new Set<string>();
    (p.hide ?? []).forEach((name, i) => {
      if (!name.trim()) ctx.addIssue({ code: 'custom', path: ['hide', i], message: `hide[${i}]: entry must not be empty` });
      else if (seen.has(name)) ctx.addIssue({ code: 'custom', path: ['hide', i], message: `hide: duplicate entry "${name}"` });
      else seen.add(name);
    });

    // Counters each tool key defines (the rate_limit shorthand's included), and duplicates within one tool.
    const counters = new Map<string, Set<string>>();
    for (const [tool, def] of Object.entries(p.tools)) {
      const mine = new Map<string, number>();
      def.rules.forEach((r, i) => {
        const counter = ruleCounter(r);
        if (counter === undefined) return;
        const prev = mine.get(counter);
        if (prev !== undefined)
          ctx.addIssue({
            code: 'custom',
            path: ['tools', tool, 'rules', i],
            message: `tools.${tool}.rules[${i}]${ruleLabel(r)}: duplicate state counter "${counter}" (also used by rules[${prev}])`,
          });
        else mine.set(counter, i);
      });
      counters.set(tool, new Set(mine.keys()));
    }
    // A state path names a tool, or "_global" for the wildcard's counters (a tool really called "_global" comes first, as in the gateway).
    const countersOf = (scope: string): Set<string> | undefined =>
      counters.get(scope) ?? (scope === INTERCEPT_GLOBAL_SCOPE ? counters.get(INTERCEPT_WILDCARD) : undefined);

    for (const [tool, def] of Object.entries(p.tools)) {
      def.rules.forEach((r, i) => {
        const where = `tools.${tool}.rules[${i}]${ruleLabel(r)}`;
        for (const problem of ruleProblems(r)) ctx.addIssue({ code: 'custom', path: ['tools', tool, 'rules', i, ...problem.at], message: `${where}: ${problem.message}` });
        (r.conditions ?? []).forEach((c, j) => {
          const m = /^state\.([^.]+)\.(.+)$/.exec(c.path);
          if (!m) return;
          const [, scope, counter] = m as unknown as [string, string, string];
          if (!countersOf(scope)?.has(counter))
            ctx.addIssue({
              code: 'custom',
              path: ['tools', tool, 'rules', i, 'conditions', j],
              message: `${where}: condition references state.${scope}.${counter} but no matching state block found`,
            });
        });
      });
    }
  });
export type InterceptPolicy = z.infer<typeof interceptPolicySchema>;
export type InterceptRule = z.infer<typeof interceptRuleSchema>;

/** Every problem in a candidate Intercept policy, one line each; empty when it is valid. */
export function interceptPolicyErrors(input: unknown): string[] {
  const r = interceptPolicySchema.safeParse(input);
  if (r.success) return [];
  // Our messages already say where they are (they start with the field or tool); zod's own type errors get their path prefixed.
  return r.error.issues.map((i) => (i.code === 'custom' || !i.path.length || i.message.startsWith(`${String(i.path[0])} `) ? i.message : `${i.path.join('.')}: ${i.message}`));
}
