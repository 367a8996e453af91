/**
 * Schemas for the gateway policies we emit. Every policy is validated against
 * these before it is written; a policy that fails is a build error.
 * policy.json's rules live in policy-rules.ts and Intercept's in
 * intercept-rules.ts, as plain functions the policy builder page shares;
 * the schemas here report them as zod issues. The "10/minute" shorthand
 * belongs to Intercept YAML only.
 */
import { z } from 'zod';
import { CONDITION_OPS, CONDITION_PATH, policyJsonProblems, WINDOWS, type PolicyJson } from './policy-rules.ts';
import { interceptPolicyRuleProblems, ruleLabel, ruleProblems, show } from './intercept-rules.ts';


export const conditionSchema = z.strictObject({
  path: z.string().regex(CONDITION_PATH, 'condition path must start with args.'),
  op: z.enum(CONDITION_OPS),
  value: z.union([z.string(), z.number(), z.boolean(), z.array(z.union([z.string(), z.number()]))]),
});

export type { PolicyCondition, PolicyJson, PolicyLimit, ToolPolicy } from './policy-rules.ts';
export { WINDOWS };

export const POLICY_KINDS = ['hide', 'approval', 'rate', 'allow', 'capped', 'conditional'] as const;

/**
 * The structured decision behind a policy: which kind, and its rate, caps or
 * held operations. Every policy file (per tool, per server, for a stack) is
 * written from choices, never parsed back out of another policy.
 */
export const policyChoiceSchema = z.object({
  kind: z.enum(POLICY_KINDS),
  rate: z.object({ limit: z.number().int().positive(), window: z.enum(WINDOWS) }).optional(),
  caps: z.array(conditionSchema).optional(),
  /** For 'conditional': the parameter that picks the operation, the values held for a person and those let through. */
  hold: z.object({ param: z.string(), values: z.array(z.string()), allowed: z.array(z.string()) }).optional(),
});
export type PolicyChoice = z.infer<typeof policyChoiceSchema>;

/**
 * policy.json: the rules live in policy-rules.ts, shared with the browser's
 * policy builder; this schema reports each broken rule as a zod issue. The
 * value is passed through untouched (a tool named "__proto__" stays a key).
 */
export const policyJsonSchema = z
  .custom<PolicyJson>(() => true)
  .superRefine((p, ctx) => {
    for (const message of policyJsonProblems(p)) ctx.addIssue({ code: 'custom', message });
  })
  // A parsed copy for readers such as Astro's content store, which cannot
  // serialise an own "__proto__" key (a tool may be named so); writers keep
  // and write their own object.
  .transform((p) => JSON.parse(JSON.stringify(p), (key, value) => (key === '__proto__' ? undefined : value)) as PolicyJson);

/*
 * Intercept (PolicyLayer's open-source MCP gateway): the field types here,
 * every rule of its POLICY.md in intercept-rules.ts, shared with the policy
 * builder page.
 */
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
export type { InterceptCondition, InterceptState } from './intercept-rules.ts';

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
    for (const { path, message } of interceptPolicyRuleProblems(p)) ctx.addIssue({ code: 'custom', path, message });
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
