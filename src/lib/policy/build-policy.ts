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
  type PolicyJson,
  type ToolPolicy,
} from '../../schemas/policy.ts';
import { conditionHolds } from '../classify/severity.ts';
import { toInterceptYaml } from './intercept-yaml.ts';

export type PolicyKind = 'hide' | 'approval' | 'rate' | 'allow' | 'capped';

export interface PolicyChoice {
  kind: PolicyKind;
  rate?: Rate;
  caps?: PolicyCondition[];
}

export interface PolicyVariant {
  id: 'recommended' | 'stricter' | 'looser' | 'capped';
  kind: PolicyKind;
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

/** The per-tool entry of policy.json for one choice (hide lives outside `tools`). */
export function toolEntry(choice: PolicyChoice): ToolPolicy | null {
  switch (choice.kind) {
    case 'hide':
      return null;
    case 'approval':
      return { deny_if: [{ conditions: [], on_deny: APPROVAL_MESSAGE }] };
    case 'rate':
      return { rate_limit: rateString(choice.rate!) };
    case 'allow':
      return {};
    case 'capped':
      return {
        deny_if: choice.caps!.map((c) => ({
          conditions: [c],
          on_deny: `${c.path.slice(5)} above ${String(c.value)} requires human approval.`,
        })),
      };
  }
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
  const entry = toolEntry(choice);
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
  }
}

export function summarise(tool: string, choice: PolicyChoice): string {
  switch (choice.kind) {
    case 'hide':
      return `The gateway removes ${tool} from the tool list the agent sees and refuses any call to it.`;
    case 'approval':
      return `The gateway holds every call to ${tool} and refuses it with "${APPROVAL_MESSAGE}" until a person has approved it.`;
    case 'rate':
      return `The gateway lets calls to ${tool} through until ${choice.rate!.limit} calls in one ${choice.rate!.window}, then refuses the rest until the window passes.`;
    case 'allow':
      return `The gateway lets every call to ${tool} through; with "default": "deny", tools you do not list stay blocked.`;
    case 'capped':
      return `The gateway lets calls to ${tool} through only while ${choice.caps!.map((c) => `${c.path.slice(5)} is at most ${String(c.value)}`).join(' and ')}, and refuses larger ones.`;
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

const STRICTER: Record<Exclude<PolicyKind, 'capped'>, PolicyKind | null> = { allow: 'rate', rate: 'approval', approval: 'hide', hide: null };
const LOOSER: Record<Exclude<PolicyKind, 'capped'>, PolicyKind | null> = { hide: 'approval', approval: 'rate', rate: 'allow', allow: null };

export function recommendPolicy(
  rules: PolicyRules,
  tool: string,
  server: string,
  category: Category,
  severity: Severity,
  signals: readonly RiskSignal[],
  properties: Record<string, unknown> | undefined,
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
    summary: summarise(tool, choice),
    policy: policyFor(tool, choice),
    intercept: interceptFor(tool, server, choice),
  });

  const main = choose(rule.kind, true);
  const alternatives: PolicyVariant[] = [];
  const stricter = STRICTER[rule.kind];
  if (stricter) alternatives.push(variant('stricter', choose(stricter)));
  const looser = LOOSER[rule.kind];
  if (looser) alternatives.push(variant('looser', choose(looser)));
  const caps = cappableParams(properties);
  if (caps.length && rule.kind !== 'allow') {
    const conditions: PolicyCondition[] = caps.map((c) => ({ path: `args.${c.name}`, op: 'gt', value: alt.caps[c.kind] }));
    alternatives.push(variant('capped', { kind: 'capped', caps: conditions }));
  }
  return { ruleId: rule.id, because: rule.because, recommended: variant('recommended', main), alternatives };
}
