/**
 * A small, deterministic YAML writer for Intercept policies. Every string is
 * written as a double-quoted JSON string (valid YAML), so untrusted tool
 * names can never break out of their scalar or inject keys. No validation
 * here and no YAML library, so the browser's policy builder bundles the same
 * writer; src/lib/policy/intercept-yaml.ts validates around it.
 */
import type { InterceptPolicy, InterceptRule } from '../../schemas/policy.ts';

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

export function writeInterceptYaml(checked: InterceptPolicy, groups?: ToolGroup[]): string {
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
  return out.join('\n') + '\n';
}
