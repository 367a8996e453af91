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
