/**
 * Schemas for the gateway policies we emit. Every policy is validated against
 * these before it is written; a policy that fails is a build error.
 *
 * policy.json follows the reference gateway's documented shape (PolicyLayer,
 * "Writing policies", https://policylayer.com/docs/writing-policies):
 *   {"version":"1","default":"deny","hide":[...],"all_tools":{"limits":[]},
 *    "tools":{name: {"require":[],"deny_if":[],"limits":[]}}}
 * Under "default": "deny", a tool listed with {} is allowed. A limit entry is
 * {counter, window, max, scope} exactly as the reference's own per-server
 * policies write it (for example https://policylayer.com/policies/mcp-request-tracker:
 * {"counter":"add_ticket_comment_per_hour","window":"hour","max":30,"scope":"grant"}).
 * The "10/minute" shorthand belongs to Intercept YAML only.
 * Intercept YAML follows the open-source Intercept gateway's documented rules:
 * every rule has a name, rate_limit is never combined with conditions, and a
 * rule with action "deny" takes no conditions.
 */
import { z } from 'zod';
import { CONDITION_OPS, CONDITION_PATH, policyJsonProblems, WINDOWS, type PolicyJson } from './policy-rules.ts';
import { interceptRuleProblems, RATE_PATTERN } from './intercept-rules.ts';

export { RATE_PATTERN };

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
export const policyJsonSchema = z.custom<PolicyJson>(() => true).superRefine((p, ctx) => {
  for (const message of policyJsonProblems(p)) ctx.addIssue({ code: 'custom', message });
});

export const interceptRuleSchema = z
  .strictObject({
    name: z.string().min(1, 'every rule needs a name'),
    action: z.enum(['evaluate', 'deny']).optional(),
    rate_limit: z.string().regex(RATE_PATTERN).optional(),
    conditions: z.array(conditionSchema).optional(),
    on_deny: z.string().optional(),
  })
  .superRefine((r, ctx) => {
    // How a rule's parts combine is checked by the plain rules the policy builder shares.
    for (const message of interceptRuleProblems(r, '?')) ctx.addIssue({ code: 'custom', message });
  });

export const interceptPolicySchema = z.strictObject({
  version: z.literal('1'),
  description: z.string().optional(),
  default: z.enum(['allow', 'deny']).optional(),
  hide: z.array(z.string()).optional(),
  tools: z.record(z.string(), z.strictObject({ rules: z.array(interceptRuleSchema) })),
});
export type InterceptPolicy = z.infer<typeof interceptPolicySchema>;
export type InterceptRule = z.infer<typeof interceptRuleSchema>;
