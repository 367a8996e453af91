/**
 * A small, deterministic YAML writer for Intercept policies. Every string is
 * written as a double-quoted JSON string (valid YAML), so untrusted tool
 * names can never break out of their scalar or inject keys.
 */
import { parse as parseYaml } from 'yaml';
import { interceptPolicySchema, type InterceptPolicy, type InterceptRule } from '../../schemas/policy.ts';

const q = (s: string): string => JSON.stringify(s);

function scalar(v: unknown): string {
  if (typeof v === 'string') return q(v);
  if (Array.isArray(v)) return '[' + v.map(scalar).join(', ') + ']';
  return String(v);
}

function rule(r: InterceptRule, indent: string): string[] {
  const lines = [`${indent}- name: ${q(r.name)}`];
  const inner = indent + '  ';
  if (r.action) lines.push(`${inner}action: ${q(r.action)}`);
  if (r.rate_limit) lines.push(`${inner}rate_limit: ${q(r.rate_limit)}`);
  if (r.conditions?.length) {
    lines.push(`${inner}conditions:`);
    for (const c of r.conditions) {
      lines.push(`${inner}  - path: ${q(c.path)}`, `${inner}    op: ${q(c.op)}`, `${inner}    value: ${scalar(c.value)}`);
    }
  }
  if (r.on_deny) lines.push(`${inner}on_deny: ${q(r.on_deny)}`);
  return lines;
}

/** Groups let a whole-server policy carry a comment per category. */
export interface ToolGroup {
  comment?: string;
  names: string[];
}

/**
 * Writes the policy as YAML. The policy is validated first; with `verify`,
 * the YAML is also parsed back and validated again (tests and whole-server
 * files do this; per-tool snippets skip it to keep ingest fast, and the test
 * suite round-trips every one of them).
 */
const validRuleShapes = new Set<string>();
const validTopShapes = new Set<string>();

/** Validates the policy; rule lists are checked once per distinct shape (they do not depend on tool names). */
function checkIntercept(policy: InterceptPolicy): InterceptPolicy {
  const { tools, ...top } = policy;
  // The top level differs per tool only in its description text; validate each shape once.
  const topKey = JSON.stringify({ ...top, description: typeof top.description });
  if (!validTopShapes.has(topKey)) {
    const topCheck = interceptPolicySchema.safeParse({ ...top, tools: {} });
    if (!topCheck.success) throw new Error(`invalid Intercept policy: ${topCheck.error.message}`);
    validTopShapes.add(topKey);
  }
  for (const name of Object.keys(tools)) {
    if (!name) throw new Error('invalid Intercept policy: empty tool name');
    const rules = tools[name]!;
    const key = JSON.stringify(rules);
    if (validRuleShapes.has(key)) continue;
    const r = interceptPolicySchema.safeParse({ version: '1', tools: { x: rules } });
    if (!r.success) throw new Error(`invalid Intercept rules for "${name}": ${r.error.message}`);
    validRuleShapes.add(key);
  }
  // Our own object, not zod's output, so names such as "__proto__" survive.
  return policy;
}

export function toInterceptYaml(policy: InterceptPolicy, groups?: ToolGroup[], verify = false): string {
  const checked = checkIntercept(policy);
  const out: string[] = [`version: ${q(checked.version)}`];
  if (checked.description) out.push(`description: ${q(checked.description)}`);
  if (checked.default) out.push(`default: ${q(checked.default)}`);
  if (checked.hide?.length) {
    out.push('hide:');
    for (const h of checked.hide) out.push(`  - ${q(h)}`);
  }
  const names = Object.keys(checked.tools);
  out.push(names.length ? 'tools:' : 'tools: {}');
  const order: ToolGroup[] = groups ?? [{ names }];
  for (const group of order) {
    const present = group.names.filter((n) => Object.hasOwn(checked.tools, n));
    if (!present.length) continue;
    if (group.comment) out.push(`  # ${group.comment.replace(/[\r\n]+/g, ' ')}`);
    for (const name of present) {
      const rules = checked.tools[name]!.rules;
      out.push(`  ${q(name)}:`);
      if (!rules.length) {
        out.push('    rules: []');
        continue;
      }
      out.push('    rules:');
      for (const r of rules) out.push(...rule(r, '      '));
    }
  }
  const yaml = out.join('\n') + '\n';
  if (!verify) return yaml;
  const back = interceptPolicySchema.safeParse(parseYaml(yaml, { uniqueKeys: false }));
  if (!back.success) throw new Error(`generated Intercept YAML does not validate: ${back.error.message}`);
  return yaml;
}
