/**
 * The rules of an Intercept policy that depend on how rules combine, as
 * plain functions (no validation library), from Intercept's POLICY.md
 * ("Rules", "Rate limit shorthand", "Stateful counters", "Validation
 * errors"). The build's zod schema reports them, and the browser's policy
 * builder checks the YAML it writes with the same functions.
 */

export const RATE_PATTERN = /^[1-9][0-9]*\/(minute|hour|day)$/;

/** The slice of an Intercept rule these checks read. */
export interface RuleLike {
  name?: unknown;
  action?: unknown;
  rate_limit?: unknown;
  conditions?: unknown[];
  state?: { counter?: unknown; window?: unknown } | undefined;
}

/** What is wrong with one rule on its own. */
export function interceptRuleProblems(r: RuleLike, tool: string): string[] {
  const out: string[] = [];
  const label = `tools["${tool}"] rule "${typeof r.name === 'string' ? r.name : '?'}"`;
  if (typeof r.name !== 'string' || !r.name) out.push(`tools["${tool}"]: rule must have a name`);
  const action = r.action ?? 'evaluate';
  if (action !== 'evaluate' && action !== 'deny') out.push(`${label}: action must be "evaluate" or "deny"`);
  const conditions = r.conditions?.length ?? 0;
  if (r.rate_limit !== undefined) {
    if (typeof r.rate_limit !== 'string' || !RATE_PATTERN.test(r.rate_limit)) out.push(`${label}: rate_limit must look like "10/minute"`);
    if (conditions || r.state) out.push(`${label}: rate_limit cannot be combined with conditions or state`);
    if (action === 'deny') out.push(`${label}: rate_limit cannot be used with action "deny"`);
  }
  if (action === 'deny' && conditions) out.push(`${label}: deny rules must not have conditions`);
  if (action === 'evaluate' && !conditions && r.rate_limit === undefined) out.push(`${label}: evaluate rules must have at least one condition`);
  return out;
}

/** The counter a rule reserves, if any: rate_limit expands to `_rate_<window>` (POLICY.md, "Rate limit shorthand"). */
export function ruleCounter(r: RuleLike): string | undefined {
  if (typeof r.rate_limit === 'string' && RATE_PATTERN.test(r.rate_limit)) return `_rate_${r.rate_limit.split('/')[1]}`;
  if (r.state && typeof r.state.counter === 'string') return r.state.counter;
  return undefined;
}

/** What is wrong with one tool's rule list: each rule, plus counters two rules share. */
export function interceptToolProblems(rules: readonly RuleLike[], tool: string): string[] {
  const out = rules.flatMap((r) => interceptRuleProblems(r, tool));
  const seen = new Map<string, number>();
  rules.forEach((r, i) => {
    const counter = ruleCounter(r);
    if (counter === undefined) return;
    if (seen.has(counter)) out.push(`tools["${tool}"]: duplicate state counter "${counter}" (also used by rules[${seen.get(counter)}])`);
    else seen.set(counter, i);
  });
  return out;
}

/** The top level: version, default and the hide list. */
export function interceptTopProblems(p: { version?: unknown; default?: unknown; hide?: unknown; tools?: unknown }): string[] {
  const out: string[] = [];
  if (p.version !== '1') out.push(`version must be "1", got "${String(p.version)}"`);
  if (p.default !== undefined && p.default !== 'allow' && p.default !== 'deny') out.push(`default must be "allow" or "deny", got "${String(p.default)}"`);
  if (p.hide !== undefined) {
    if (!Array.isArray(p.hide)) out.push('hide must be a list');
    else {
      const seen = new Set<unknown>();
      p.hide.forEach((h, i) => {
        if (typeof h !== 'string' || !h) out.push(`hide[${i}]: entry must not be empty`);
        else if (seen.has(h)) out.push(`hide: duplicate entry "${h}"`);
        seen.add(h);
      });
    }
  }
  if (typeof p.tools !== 'object' || p.tools === null || Array.isArray(p.tools)) out.push('tools must be a map of tool names');
  return out;
}

/** Every broken rule of a whole policy, as the page and the build both check it. */
export function interceptPolicyProblems(p: unknown): string[] {
  if (typeof p !== 'object' || p === null || Array.isArray(p)) return ['a policy must be a map'];
  const policy = p as { version?: unknown; default?: unknown; hide?: unknown; tools?: unknown };
  const out = interceptTopProblems(policy);
  if (typeof policy.tools !== 'object' || policy.tools === null) return out;
  for (const [tool, entry] of Object.entries(policy.tools as Record<string, unknown>)) {
    const rules = (entry as { rules?: unknown } | null)?.rules;
    if (!Array.isArray(rules)) {
      out.push(`tools["${tool}"]: rules must be a list ([] allows the tool)`);
      continue;
    }
    out.push(...interceptToolProblems(rules as RuleLike[], tool));
  }
  return out;
}
