/**
 * A small model of how the Intercept gateway decides one tool call, following
 * steps 0-4 of "Rule evaluation order" in its POLICY.md. Tests use it to show
 * that the policies we emit do what their summaries say. Counters are not
 * kept: a condition on `state.` and the rate_limit shorthand always pass,
 * since a single call never exceeds a limit of at least one.
 */
import type { InterceptCondition, InterceptPolicy } from '../../schemas/policy.ts';
import { INTERCEPT_WILDCARD, toJsRegExp } from '../../schemas/intercept-rules.ts';

export interface InterceptDecision {
  allowed: boolean;
  /** The rule that refused the call, or "(hidden)" / "(default deny)". */
  rule?: string;
  /** What the agent is told when the call is refused. */
  message?: string;
}

/** Walks a dotted `args.` path; undefined when any step is missing. */
function resolveArg(args: Record<string, unknown>, path: string): { found: boolean; value?: unknown } {
  let current: unknown = args;
  for (const part of path.split('.')) {
    if (current === null || typeof current !== 'object' || Array.isArray(current) || !Object.hasOwn(current, part)) return { found: false };
    current = (current as Record<string, unknown>)[part];
  }
  return { found: true, value: current };
}

const isNumber = (v: unknown): v is number => typeof v === 'number';

/** Equality as POLICY.md describes it: numeric when both sides are numbers, otherwise as text. */
function equal(a: unknown, b: unknown): boolean {
  if (isNumber(a) && isNumber(b)) return a === b;
  const text = (v: unknown) => (typeof v === 'string' ? v : (JSON.stringify(v) ?? String(v)));
  return text(a) === text(b);
}

function holds(cond: InterceptCondition, args: Record<string, unknown>): boolean {
  if (cond.path.startsWith('state.')) return true;
  const { found, value } = resolveArg(args, cond.path.slice('args.'.length));
  if (cond.op === 'exists') return typeof cond.value === 'boolean' && (found && value !== null) === cond.value;
  // Any other test on an argument the call left out fails, so a missing argument is refused.
  if (!found) return false;
  const expected = cond.value;
  switch (cond.op) {
    case 'eq':
      return equal(value, expected);
    case 'neq':
      return !equal(value, expected);
    case 'in':
      return Array.isArray(expected) && expected.some((e) => equal(value, e));
    case 'not_in':
      return !(Array.isArray(expected) && expected.some((e) => equal(value, e)));
    case 'lt':
      return isNumber(value) && isNumber(expected) && value < expected;
    case 'lte':
      return isNumber(value) && isNumber(expected) && value <= expected;
    case 'gt':
      return isNumber(value) && isNumber(expected) && value > expected;
    case 'gte':
      return isNumber(value) && isNumber(expected) && value >= expected;
    case 'regex':
      return typeof value === 'string' && typeof expected === 'string' && toJsRegExp(expected).test(value);
    case 'contains':
      if (typeof value === 'string') return typeof expected === 'string' && value.includes(expected);
      return Array.isArray(value) && value.some((v) => equal(v, expected));
    default:
      return false;
  }
}

export function evaluateIntercept(policy: InterceptPolicy, tool: string, args: Record<string, unknown> = {}): InterceptDecision {
  // Hidden tools are refused before anything else ("Hiding tools").
  if ((policy.hide ?? []).some((h) => h === tool || h === INTERCEPT_WILDCARD))
    return { allowed: false, rule: '(hidden)', message: `Tool "${tool}" is hidden by policy` };
  const listed = Object.hasOwn(policy.tools, tool);
  // Step 0: under default deny an unlisted tool is refused, and wildcard rules cannot rescue it.
  if (policy.default === 'deny' && !listed) return { allowed: false, rule: '(default deny)', message: `Tool "${tool}" is not listed, and the policy denies by default` };
  // Steps 1-3: the tool's own rules, then the wildcard's, in order.
  const rules = [...(listed ? policy.tools[tool]!.rules : []), ...(tool !== INTERCEPT_WILDCARD && Object.hasOwn(policy.tools, INTERCEPT_WILDCARD) ? policy.tools[INTERCEPT_WILDCARD]!.rules : [])];
  for (const r of rules) {
    // Step 4: the first rule that refuses decides, and its on_deny is what the agent reads.
    const refuse = { allowed: false, rule: r.name, ...(r.on_deny ? { message: r.on_deny } : {}) };
    if (r.action === 'deny') return refuse;
    if (!(r.conditions ?? []).every((c) => holds(c, args))) return refuse;
  }
  return { allowed: true };
}
