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
  // A missing value is YAML null, as the gateway reads an absent `value`.
  if (v === undefined || v === null) return 'null';
  // Numbers and booleans as written; maps (eq may compare one) as JSON, which YAML reads as a flow map.
  if (typeof v === 'number' && !Number.isFinite(v)) return Number.isNaN(v) ? '.nan' : v > 0 ? '.inf' : '-.inf';
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return JSON.stringify(v);
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
  if (r.state) {
    lines.push(`${inner}state:`, `${inner}  counter: ${q(r.state.counter)}`, `${inner}  window: ${q(r.state.window)}`);
    if (r.state.increment !== undefined) lines.push(`${inner}  increment: ${r.state.increment}`);
    if (r.state.increment_from !== undefined) lines.push(`${inner}  increment_from: ${q(r.state.increment_from)}`);
  }
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
  // A condition on a counter is checked against the counters of the tool it names, so
  // such policies are validated whole; the placeholder name below would not match.
  const readsState = Object.values(tools).some((t) => t.rules.some((r) => r.conditions?.some((c) => c.path.startsWith('state.'))));
  if (readsState) {
    const whole = interceptPolicySchema.safeParse(policy);
    if (!whole.success) throw new Error(`invalid Intercept policy: ${whole.error.message}`);
  }
  for (const name of Object.keys(tools)) {
    if (!name) throw new Error('invalid Intercept policy: empty tool name');
    if (readsState) continue;
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
