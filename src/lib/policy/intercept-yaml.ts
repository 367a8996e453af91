/**
 * Intercept YAML for the build: validates the policy, writes it with the
 * shared writer (yaml-writer.ts) and, when asked, parses the text back and
 * validates it again.
 */
import { parse as parseYaml } from 'yaml';
import { interceptPolicySchema, type InterceptPolicy } from '../../schemas/policy.ts';
import { writeInterceptYaml, type ToolGroup } from './yaml-writer.ts';

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

/**
 * Writes a per-tool policy as YAML. The policy is validated first; with
 * `verify`, the YAML is also parsed back and validated again (tests do this;
 * ingest skips it to stay fast, and the test suite round-trips every policy
 * it writes). Whole-server and stack files are written by combine.ts.
 */
export function toInterceptYaml(policy: InterceptPolicy, groups?: ToolGroup[], verify = false): string {
  const yaml = writeInterceptYaml(checkIntercept(policy), groups);
  if (!verify) return yaml;
  const back = interceptPolicySchema.safeParse(parseYaml(yaml, { uniqueKeys: false }));
  if (!back.success) throw new Error(`generated Intercept YAML does not validate: ${back.error.message}`);
  return yaml;
}
