/**
 * Intercept's policy rules (PolicyLayer's open-source MCP gateway,
 * POLICY.md) as plain functions with no validation library. The build's zod
 * schemas in policy.ts report these problems, and the browser's policy
 * builder checks the YAML it writes with the same functions.
 */
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

export interface InterceptCondition {
  path: string;
  op: string;
  value?: unknown;
}
export interface InterceptState {
  counter: string;
  window: string;
  increment?: number;
  increment_from?: string;
}
/** A rule as these checks read it (a missing name is ''). */
export interface RuleFields {
  name: string;
  action?: string;
  rate_limit?: string;
  conditions?: InterceptCondition[];
  on_deny?: string;
  state?: InterceptState;
}
export interface Problem {
  path: (string | number)[];
  message: string;
}

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
export const show = (v: unknown): string => (typeof v === 'string' ? `"${v}"` : (JSON.stringify(v) ?? String(v)));

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
export function ruleProblems(r: RuleFields): { at: (string | number)[]; message: string }[] {
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

export const ruleLabel = (r: RuleFields): string => (r.name ? ` "${r.name}"` : '');

/** The problems of a whole policy whose fields have the right types: each rule, hidden names, and counters across rules. */
export function interceptPolicyRuleProblems(p: { hide?: string[]; tools: Record<string, { rules: RuleFields[] }> }): Problem[] {
  const out: Problem[] = [];
    const seen = new Set<string>();
    (p.hide ?? []).forEach((name, i) => {
      if (!name.trim()) out.push({ path: ['hide', i], message: `hide[${i}]: entry must not be empty` });
      else if (seen.has(name)) out.push({ path: ['hide', i], message: `hide: duplicate entry "${name}"` });
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
          out.push({
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
        for (const problem of ruleProblems(r)) out.push({ path: ['tools', tool, 'rules', i, ...problem.at], message: `${where}: ${problem.message}` });
        (r.conditions ?? []).forEach((c, j) => {
          const m = /^state\.([^.]+)\.(.+)$/.exec(c.path);
          if (!m) return;
          const [, scope, counter] = m as unknown as [string, string, string];
          if (!countersOf(scope)?.has(counter))
            out.push({
              path: ['tools', tool, 'rules', i, 'conditions', j],
              message: `${where}: condition references state.${scope}.${counter} but no matching state block found`,
            });
        });
      });
    }
  return out;
}

const isMap = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const TOP_KEYS = ['version', 'description', 'default', 'hide', 'tools'];
const RULE_KEYS = ['name', 'action', 'rate_limit', 'conditions', 'on_deny', 'state'];

/**
 * Every problem of a candidate policy, one line each, checking the field
 * types first (what the zod schema's shape checks at build time) and then
 * the rules above. For code that cannot carry zod, such as the policy
 * builder page.
 */
export function interceptPolicyProblems(input: unknown): string[] {
  if (!isMap(input)) return ['a policy must be a map'];
  const out: string[] = [];
  for (const k of Object.keys(input)) if (!TOP_KEYS.includes(k)) out.push(`unknown key "${k}"`);
  if (input.version !== '1') out.push(`version must be "1", got ${show(input.version ?? '')}`);
  if (input.default !== undefined && input.default !== 'allow' && input.default !== 'deny') out.push(`default must be "allow" or "deny", got ${show(input.default)}`);
  const hide = input.hide;
  if (hide !== undefined && !(Array.isArray(hide) && hide.every((h) => typeof h === 'string'))) out.push('hide must be a list of tool names');
  if (!isMap(input.tools)) return [...out, 'tools must be a map of tool names'];
  const tools: Record<string, { rules: RuleFields[] }> = {};
  for (const [tool, def] of Object.entries(input.tools)) {
    const rules = isMap(def) ? def.rules : undefined;
    if (!Array.isArray(rules)) {
      out.push(`tools.${tool}: rules must be a list ([] allows the tool)`);
      continue;
    }
    const typed = rules.filter((r, i) => {
      const ok = isMap(r) && Object.keys(r).every((k) => RULE_KEYS.includes(k)) && (r.conditions === undefined || Array.isArray(r.conditions));
      if (!ok) out.push(`tools.${tool}.rules[${i}]: a rule is a map of ${RULE_KEYS.join(', ')}`);
      return ok;
    }) as Record<string, unknown>[];
    tools[tool] = { rules: typed.map((r) => ({ ...r, name: typeof r.name === 'string' ? r.name : '' }) as RuleFields) };
  }
  const hidden = Array.isArray(hide) ? (hide.filter((h) => typeof h === 'string') as string[]) : undefined;
  return [...out, ...interceptPolicyRuleProblems({ ...(hidden ? { hide: hidden } : {}), tools }).map((p) => p.message)];
}
