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
import { conditionHolds } from '../classify/severity.ts';
import { toInterceptYaml } from './intercept-yaml.ts';
import type { OperationParam } from '../classify/operations.ts';

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

export const APPROVAL_MESSAGE = 'Requires human approval.';

const rateString = (r: Rate) => `${r.limit}/${r.window}`;

/**
 * A rate as policy.json writes it: a named counter per tool and window,
 * counted per grant, as the reference gateway's own policies name them.
 */
export function limitFor(tool: string, rate: Rate): PolicyLimit {
  return { counter: `${tool}_per_${rate.window}`, window: rate.window, max: rate.limit, scope: 'grant' };
}

/** The per-tool entry of policy.json for one choice (hide lives outside `tools`). */
export function toolEntry(tool: string, choice: PolicyChoice): ToolPolicy | null {
  switch (choice.kind) {
    case 'hide':
      return null;
    case 'approval':
      return { deny_if: [{ conditions: [], on_deny: APPROVAL_MESSAGE }] };
    case 'rate':
      return { limits: [limitFor(tool, choice.rate!)] };
    case 'allow':
      return {};
    case 'capped':
      return {
        deny_if: choice.caps!.map((c) => ({
          conditions: [c],
          on_deny: `${c.path.slice(5)} above ${String(c.value)} requires human approval.`,
        })),
      };
    case 'conditional':
      return {
        deny_if: [{ conditions: [{ path: `args.${choice.hold!.param}`, op: 'in', value: choice.hold!.values }], on_deny: holdMessage(choice) }],
        ...(choice.rate ? { limits: [limitFor(tool, choice.rate)] } : {}),
      };
  }
}

function holdMessage(choice: PolicyChoice): string {
  const h = choice.hold!;
  return `${h.param} ${h.values.map((v) => `"${v}"`).join(', ')} requires human approval.`;
}

/** Intercept rules for one choice. */
export function interceptRules(choice: PolicyChoice): InterceptRule[] {
  switch (choice.kind) {
    case 'hide':
      return [];
    case 'approval':
      return [{ name: 'require human approval', action: 'deny', on_deny: APPROVAL_MESSAGE }];
    case 'rate':
      return [{ name: `limit to ${rateString(choice.rate!)}`, rate_limit: rateString(choice.rate!), on_deny: `Rate limit of ${rateString(choice.rate!)} reached.` }];
    case 'allow':
      return [];
    case 'capped':
      // Intercept conditions say what must hold, so the cap is "lte".
      return choice.caps!.map((c) => ({
        name: `cap ${c.path.slice(5)}`,
        conditions: [{ path: c.path, op: 'lte' as const, value: c.value }],
        on_deny: `${c.path.slice(5)} above ${String(c.value)} requires human approval.`,
      }));
    case 'conditional': {
      // Intercept conditions say what must hold: the operation stays outside the held values.
      const h = choice.hold!;
      const rules: InterceptRule[] = [
        { name: `hold ${h.values.join(', ')} for approval`, action: 'evaluate', conditions: [{ path: `args.${h.param}`, op: 'not_in', value: h.values }], on_deny: holdMessage(choice) },
      ];
      if (choice.rate) rules.push({ name: `limit to ${rateString(choice.rate)}`, rate_limit: rateString(choice.rate), on_deny: `Rate limit of ${rateString(choice.rate)} reached.` });
      return rules;
    }
  }
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

export function describeKind(choice: PolicyChoice): string {
  switch (choice.kind) {
    case 'hide':
      return 'hidden from the agent';
    case 'approval':
      return 'human approval required';
    case 'rate':
      return `rate-limited to ${rateString(choice.rate!)}`;
    case 'allow':
      return 'allowed';
    case 'capped':
      return `allowed within caps on ${choice.caps!.map((c) => c.path.slice(5)).join(', ')}`;
    case 'conditional':
      return `${choice.hold!.param} ${choice.hold!.values.join('/')} refused and left to a person`;
  }
}

export function summarise(tool: string, choice: PolicyChoice): string {
  switch (choice.kind) {
    case 'hide':
      return `The gateway removes ${tool} from the tool list the agent sees and refuses any call to it.`;
    case 'approval':
      // Gateways such as Intercept cannot pause a call while someone decides:
      // "approval" refuses it with a message, and a person acts outside the agent.
      return `The gateway refuses every call to ${tool} with "${APPROVAL_MESSAGE}" A gateway cannot pause a call while someone decides, so a person makes the change themselves or lifts the rule for the task at hand.`;
    case 'rate':
      return `The gateway lets calls to ${tool} through until ${choice.rate!.limit} calls in one ${choice.rate!.window}, then refuses the rest until the window passes.`;
    case 'allow':
      return `The gateway lets every call to ${tool} through; with "default": "deny", tools you do not list stay blocked.`;
    case 'capped':
      return `The gateway lets calls to ${tool} through only while ${choice.caps!.map((c) => `${c.path.slice(5)} is at most ${String(c.value)}`).join(' and ')}, and refuses larger ones.`;
    case 'conditional': {
      const h = choice.hold!;
      return `The gateway lets ${tool} ${h.allowed.map((v) => `“${v}”`).join(', ')} through${choice.rate ? ` (up to ${choice.rate.limit} calls a ${choice.rate.window})` : ''} and refuses ${h.values.map((v) => `“${v}”`).join(', ')} in its ${h.param} argument, leaving those to a person.`;
    }
  }
}

export interface NumericParam {
  name: string;
  kind: 'amount' | 'quantity' | 'leverage';
}

/** Numeric parameters a cap can apply to, found in the input schema. */
export function cappableParams(properties: Record<string, unknown> | undefined): NumericParam[] {
  if (!properties) return [];
  const out: NumericParam[] = [];
  for (const [name, raw] of Object.entries(properties)) {
    const p = raw as { type?: unknown } | null;
    const type = p && typeof p === 'object' ? p.type : undefined;
    const numeric = type === 'number' || type === 'integer' || (Array.isArray(type) && type.some((t) => t === 'number' || t === 'integer'));
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
 * An argument-conditioned policy for a tool whose parameter picks the
 * operation: the safe values pass, the dangerous ones wait for a person.
 * Only for a required, single-valued parameter: an omitted argument or an
 * array of operations would slip past an `in` test.
 */
export function conditionalChoice(params: readonly OperationParam[], rate: Rate): PolicyChoice | undefined {
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
  operationParams: readonly OperationParam[] = [],
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
