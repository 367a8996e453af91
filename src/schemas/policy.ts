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

export const WINDOWS = ['minute', 'hour', 'day'] as const;

/** One quota: at most `max` calls per calendar `window`, counted per grant (one agent's credentials). */
export const limitSchema = z.strictObject({
  counter: z.string().min(1),
  window: z.enum(WINDOWS),
  max: z.number().int().positive(),
  scope: z.literal('grant'),
});
export type PolicyLimit = z.infer<typeof limitSchema>;

export const toolPolicySchema = z.strictObject({
  require: z.array(conditionSchema).optional(),
  deny_if: z.array(denyIfSchema).min(1).optional(),
  limits: z.array(limitSchema).min(1).optional(),
});

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

export const policyJsonSchema = z
  .strictObject({
    version: z.literal('1'),
    default: z.enum(['deny', 'allow']),
    description: z.string().optional(),
    hide: z.array(z.string().min(1)).optional(),
    all_tools: z.strictObject({ limits: z.array(limitSchema) }).optional(),
    tools: z.record(z.string(), toolPolicySchema),
  })
  .superRefine((p, ctx) => {
    for (const name of p.hide ?? []) {
      if (Object.hasOwn(p.tools, name)) ctx.addIssue({ code: 'custom', message: `"${name}" is both hidden and configured` });
    }
    // Two limits sharing a counter would count each other's calls.
    const counters = new Set<string>();
    const limits = [...(p.all_tools?.limits ?? []), ...Object.values(p.tools).flatMap((t) => t.limits ?? [])];
    for (const l of limits) {
      if (counters.has(l.counter)) ctx.addIssue({ code: 'custom', message: `limit counter "${l.counter}" is used twice` });
      counters.add(l.counter);
    }
  });
export type PolicyJson = z.infer<typeof policyJsonSchema>;
export type ToolPolicy = z.infer<typeof toolPolicySchema>;
export type PolicyCondition = z.infer<typeof conditionSchema>;

export const interceptRuleSchema = z
  .strictObject({
    name: z.string().min(1, 'every rule needs a name'),
    action: z.enum(['evaluate', 'deny']).optional(),
    rate_limit: z.string().regex(RATE_PATTERN).optional(),
    conditions: z.array(conditionSchema).optional(),
    on_deny: z.string().optional(),
  })
  .superRefine((r, ctx) => {
    if (r.rate_limit && r.conditions?.length) ctx.addIssue({ code: 'custom', message: `rule "${r.name}": rate_limit cannot be combined with conditions` });
    if (r.action === 'deny' && r.conditions?.length) ctx.addIssue({ code: 'custom', message: `rule "${r.name}": a deny rule takes no conditions` });
    if ((r.action ?? 'evaluate') === 'evaluate' && !r.rate_limit && !r.conditions?.length)
      ctx.addIssue({ code: 'custom', message: `rule "${r.name}": an evaluate rule needs conditions or a rate_limit` });
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
