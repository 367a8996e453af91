/**
 * Turns a classified tool into gateway policies: the recommended policy.json
 * and Intercept YAML, plus stricter, looser and parameter-capped variants.
 * Which policy a tool gets follows catalogue/rules/policy.yaml.
 */
import type { Category, PolicyRules, Rate, RiskSignal, Severity } from '../../schemas/rules.ts';
import {
  policyJsonSchema,
  type InterceptPolicy,
  type InterceptRule,
  type PolicyCondition,
  type PolicyChoice,
  type PolicyJson,
  type PolicyLimit,
  type ToolPolicy,
} from '../../schemas/policy.ts';
import { conditionHolds } from '../rules/condition.ts';
import { toolParams } from '../text/params.ts';
import { toInterceptYaml } from './intercept-yaml.ts';
import { describeKind, interceptRules, summarise, toolEntry } from './entries.ts';

export type PolicyKind = PolicyChoice['kind'];
export type { PolicyChoice };

/** Categories whose operations a conditional policy holds for a person. */
const HELD: ReadonlySet<Category> = new Set(['Destructive', 'Financial', 'Execute']);

export interface PolicyVariant {
  id: 'recommended' | 'stricter' | 'looser' | 'capped';
  kind: PolicyKind;
  choice: PolicyChoice;
  /** One sentence on what this policy does, in our words. */
  summary: string;
  policy: PolicyJson;
  intercept: string;
}

export interface PolicyRecommendation {
  ruleId: string;
  because: string;
  recommended: PolicyVariant;
  alternatives: PolicyVariant[];
}

/**
 * Validation is memoised per policy shape: a per-tool policy's validity does
 * not depend on the tool's name beyond it being a non-empty string, so the
 * shape (the policy with the name replaced by a placeholder) is validated
 * once and the result reused. This keeps ingest fast without skipping a
 * single check.
 */
const validShapes = new Map<string, true>();

function checkPolicy(policy: PolicyJson, shapeKey: string): PolicyJson {
  if (!validShapes.has(shapeKey)) {
    const result = policyJsonSchema.safeParse(policy);
    if (!result.success) throw new Error(`invalid policy.json (${shapeKey}): ${result.error.message}`);
    validShapes.set(shapeKey, true);
  }
  // Return our own object: zod's output drops keys such as "__proto__".
  return policy;
}

export function policyFor(tool: string, choice: PolicyChoice): PolicyJson {
  if (!tool) throw new Error('a policy needs a tool name');
  const entry = toolEntry(tool, choice);
  const policy: PolicyJson =
    entry === null
      ? { version: '1', default: 'deny', hide: [tool], tools: {} }
      : { version: '1', default: 'deny', tools: { [tool]: entry } };
  return checkPolicy(policy, JSON.stringify(choice));
}

export function interceptFor(tool: string, server: string, choice: PolicyChoice): string {
  const policy: InterceptPolicy = {
    version: '1',
    description: `${server}: ${tool} (${describeKind(choice)})`,
    default: 'deny',
    ...(choice.kind === 'hide' ? { hide: [tool] } : {}),
    tools: choice.kind === 'hide' ? {} : { [tool]: { rules: interceptRules(choice) } },
  };
  return toInterceptYaml(policy);
}

export interface NumericParam {
  name: string;
  kind: 'amount' | 'quantity' | 'leverage';
}

/** Numeric parameters a cap can apply to, found in the input schema. */
export function cappableParams(properties: Record<string, unknown> | undefined): NumericParam[] {
  const out: NumericParam[] = [];
  for (const { name, types } of toolParams({ properties })) {
    const numeric = !!types?.some((t) => t === 'number' || t === 'integer');
    // Odd names cannot be addressed safely in a condition path; skip them.
    if (!numeric || !/^[A-Za-z0-9_]+$/.test(name)) continue;
    const key = name.toLowerCase().replace(/[^a-z]/g, '');
    if (key === 'leverage') out.push({ name, kind: 'leverage' });
    else if (['quantity', 'qty', 'size', 'volume', 'units'].includes(key)) out.push({ name, kind: 'quantity' });
    else if (['amount', 'amountin', 'amountusd', 'value', 'notional', 'sum', 'total'].includes(key)) out.push({ name, kind: 'amount' });
  }
  return out.slice(0, 3);
}

const STRICTER: Record<Exclude<PolicyKind, 'capped' | 'conditional'>, PolicyKind | null> = { allow: 'rate', rate: 'approval', approval: 'hide', hide: null };
const LOOSER: Record<Exclude<PolicyKind, 'capped' | 'conditional'>, PolicyKind | null> = { hide: 'approval', approval: 'rate', rate: 'allow', allow: null };

/**
 * What the policy needs of a parameter that selects the operation (the
 * classifier's OperationParam has these fields): the values it takes, each
 * with the category it was read as, and the values nobody could read.
 */
export interface OperationChoiceParam {
  name: string;
  required: boolean;
  isArray: boolean;
  operations: readonly { value: string; category: Category }[];
  unread: readonly string[];
}

/**
 * An argument-conditioned policy for a tool whose parameter picks the
 * operation: the safe values pass, the dangerous ones wait for a person.
 * Only for a required, single-valued parameter: an omitted argument or an
 * array of operations would slip past an `in` test.
 */
export function conditionalChoice(params: readonly OperationChoiceParam[], rate: Rate): PolicyChoice | undefined {
  for (const p of params) {
    if (!p.required || p.isArray || !/^[A-Za-z0-9_]+$/.test(p.name)) continue;
    const held = p.operations.filter((o) => HELD.has(o.category)).map((o) => o.value);
    const allowed = p.operations.filter((o) => !HELD.has(o.category));
    // Values we could not read are held too: we cannot say they are safe.
    const heldAll = [...held, ...p.unread];
    if (!held.length || !allowed.length) continue;
    const writes = allowed.some((o) => o.category === 'Write');
    return { kind: 'conditional', hold: { param: p.name, values: heldAll, allowed: allowed.map((o) => o.value) }, ...(writes ? { rate } : {}) };
  }
  return undefined;
}

export function recommendPolicy(
  rules: PolicyRules,
  tool: string,
  server: string,
  category: Category,
  severity: Severity,
  signals: readonly RiskSignal[],
  properties: Record<string, unknown> | undefined,
  operationParams: readonly OperationChoiceParam[] = [],
): PolicyRecommendation {
  const rule = rules.rules.find((r) => conditionHolds(r.when, category, signals, severity));
  if (!rule) throw new Error(`policy rules: no rule matches ${category}/${severity} for tool "${tool}"`);
  const alt = rules.alternatives;
  const choose = (kind: PolicyKind, fromRule = false): PolicyChoice => {
    if (kind !== 'rate') return { kind };
    if (fromRule && rule.rate) return { kind, rate: rule.rate };
    return { kind, rate: category === 'Read' ? alt.rate_for_reads : severity === 'medium' ? alt.rate_for_writes : alt.rate_for_approved };
  };
  const variant = (id: PolicyVariant['id'], choice: PolicyChoice): PolicyVariant => ({
    id,
    kind: choice.kind,
    choice,
    summary: summarise(tool, choice),
    policy: policyFor(tool, choice),
    intercept: interceptFor(tool, server, choice),
  });

  const conditional = rule.kind === 'approval' ? conditionalChoice(operationParams, alt.rate_for_writes) : undefined;
  const main = conditional ?? choose(rule.kind, true);
  const alternatives: PolicyVariant[] = [];
  // The plain approval stays on offer next to the argument-conditioned one.
  if (conditional) alternatives.push(variant('stricter', choose('approval')));
  const stricter = conditional ? null : STRICTER[rule.kind];
  if (stricter) alternatives.push(variant('stricter', choose(stricter)));
  const looser = LOOSER[rule.kind];
  if (looser) alternatives.push(variant('looser', choose(looser)));
  const caps = cappableParams(properties);
  if (caps.length && rule.kind !== 'allow') {
    const conditions: PolicyCondition[] = caps.map((c) => ({ path: `args.${c.name}`, op: 'gt', value: alt.caps[c.kind] }));
    alternatives.push(variant('capped', { kind: 'capped', caps: conditions }));
  }
  if (conditional) {
    const h = conditional.hold!;
    return {
      ruleId: 'hold-dangerous-operations',
      because: `its ${h.param} argument picks the operation, so the safe ones (${h.allowed.join(', ')}) can run while ${h.values.join(', ')} waits for a person`,
      recommended: variant('recommended', main),
      alternatives,
    };
  }
  return { ruleId: rule.id, because: rule.because, recommended: variant('recommended', main), alternatives };
}
