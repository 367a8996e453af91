/**
 * The rules a policy.json must follow, as plain functions with no
 * validation library. The build's zod schema (policy.ts) delegates to them,
 * and the browser's policy builder runs them on what the user assembles, so
 * both check one set of rules, written once.
 *
 * Shape (PolicyLayer, "Writing policies", https://policylayer.com/docs/writing-policies):
 *   {"version":"1","default":"deny"|"allow","description"?,"hide"?:[names],
 *    "all_tools"?:{"limits":[...]},"tools":{name:{"require"?,"deny_if"?,"limits"?}}}
 * A limit is {counter, window, max, scope}, as on the reference's own
 * per-server policies (e.g. https://policylayer.com/policies/mcp-request-tracker:
 * {"counter":"add_ticket_comment_per_hour","window":"hour","max":30,"scope":"grant"}).
 */

export const CONDITION_OPS = ['eq', 'neq', 'in', 'not_in', 'lt', 'lte', 'gt', 'gte', 'regex', 'contains', 'exists'] as const;
export const WINDOWS = ['minute', 'hour', 'day'] as const;
export const CONDITION_PATH = /^args\.[A-Za-z0-9_.\-\[\]]+$/;

export interface PolicyCondition {
  path: string;
  op: (typeof CONDITION_OPS)[number];
  value: string | number | boolean | (string | number)[];
}
export interface PolicyLimit {
  counter: string;
  window: (typeof WINDOWS)[number];
  max: number;
  scope: 'grant';
}
export interface ToolPolicy {
  require?: PolicyCondition[];
  deny_if?: { conditions: PolicyCondition[]; on_deny: string }[];
  limits?: PolicyLimit[];
}
export interface PolicyJson {
  version: '1';
  default: 'deny' | 'allow';
  description?: string;
  hide?: string[];
  all_tools?: { limits: PolicyLimit[] };
  tools: Record<string, ToolPolicy>;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isScalar = (v: unknown) => typeof v === 'string' || (typeof v === 'number' && Number.isFinite(v)) || typeof v === 'boolean';

function unknownKeys(o: Record<string, unknown>, allowed: readonly string[], where: string, out: string[]): void {
  for (const k of Object.keys(o)) if (!allowed.includes(k)) out.push(`${where}: unknown key "${k}"`);
}

function conditionProblems(c: unknown, where: string, out: string[]): void {
  if (!isObject(c)) return void out.push(`${where}: a condition must be an object`);
  unknownKeys(c, ['path', 'op', 'value'], where, out);
  if (typeof c.path !== 'string' || !CONDITION_PATH.test(c.path)) out.push(`${where}: path must start with "args."`);
  if (!CONDITION_OPS.includes(c.op as PolicyCondition['op'])) out.push(`${where}: unknown operator "${String(c.op)}"`);
  const v = c.value;
  const list = Array.isArray(v) && v.every((x) => typeof x === 'string' || typeof x === 'number');
  if (!isScalar(v) && !list) out.push(`${where}: value must be a string, number, boolean or list`);
  if ((c.op === 'in' || c.op === 'not_in') && !list) out.push(`${where}: operator "${c.op}" needs a list value`);
  if (['lt', 'lte', 'gt', 'gte'].includes(c.op as string) && typeof v !== 'number') out.push(`${where}: operator "${String(c.op)}" needs a number`);
}

function limitProblems(l: unknown, where: string, out: string[]): void {
  if (!isObject(l)) return void out.push(`${where}: a limit must be an object`);
  unknownKeys(l, ['counter', 'window', 'max', 'scope'], where, out);
  if (typeof l.counter !== 'string' || !l.counter) out.push(`${where}: counter must be a non-empty string`);
  if (!WINDOWS.includes(l.window as PolicyLimit['window'])) out.push(`${where}: window must be "minute", "hour" or "day"`);
  if (typeof l.max !== 'number' || !Number.isInteger(l.max) || l.max < 1) out.push(`${where}: max must be a positive whole number`);
  if (l.scope !== 'grant') out.push(`${where}: scope must be "grant"`);
}

function listOf(v: unknown, where: string, out: string[], each: (item: unknown, at: string) => void, nonEmpty = false): void {
  if (v === undefined) return;
  if (!Array.isArray(v)) return void out.push(`${where}: must be a list`);
  if (nonEmpty && !v.length) out.push(`${where}: must not be empty`);
  v.forEach((item, i) => each(item, `${where}[${i}]`));
}

/** Every way the value breaks the policy.json rules; empty when it is a valid policy. */
export function policyJsonProblems(p: unknown): string[] {
  const out: string[] = [];
  if (!isObject(p)) return ['a policy must be a JSON object'];
  unknownKeys(p, ['version', 'default', 'description', 'hide', 'all_tools', 'tools'], 'policy', out);
  if (p.version !== '1') out.push('version must be "1"');
  if (p.default !== 'deny' && p.default !== 'allow') out.push('default must be "deny" or "allow"');
  if (p.description !== undefined && typeof p.description !== 'string') out.push('description must be a string');
  const hidden = new Set<string>();
  listOf(p.hide, 'hide', out, (h, at) => {
    if (typeof h !== 'string' || !h) out.push(`${at}: must be a tool name`);
    else if (hidden.has(h)) out.push(`${at}: "${h}" is hidden twice`);
    else hidden.add(h);
  });
  const limits: { limit: unknown; at: string }[] = [];
  if (p.all_tools !== undefined) {
    if (!isObject(p.all_tools)) out.push('all_tools must be an object');
    else {
      unknownKeys(p.all_tools, ['limits'], 'all_tools', out);
      listOf(p.all_tools.limits, 'all_tools.limits', out, (l, at) => limits.push({ limit: l, at }));
    }
  }
  if (!isObject(p.tools)) out.push('tools must be an object of tool names');
  else {
    for (const [name, entry] of Object.entries(p.tools)) {
      const where = `tools["${name}"]`;
      if (!name) out.push('tools: a tool name must not be empty');
      if (hidden.has(name)) out.push(`"${name}" is both hidden and configured`);
      if (!isObject(entry)) {
        out.push(`${where}: must be an object ({} allows the tool)`);
        continue;
      }
      unknownKeys(entry, ['require', 'deny_if', 'limits'], where, out);
      listOf(entry.require, `${where}.require`, out, (c, at) => conditionProblems(c, at, out));
      listOf(
        entry.deny_if,
        `${where}.deny_if`,
        out,
        (d, at) => {
          if (!isObject(d)) return void out.push(`${at}: must be an object`);
          unknownKeys(d, ['conditions', 'on_deny'], at, out);
          if (typeof d.on_deny !== 'string' || !d.on_deny) out.push(`${at}: on_deny must be a message`);
          if (!Array.isArray(d.conditions)) out.push(`${at}: conditions must be a list`);
          else d.conditions.forEach((c, i) => conditionProblems(c, `${at}.conditions[${i}]`, out));
        },
        true,
      );
      listOf(entry.limits, `${where}.limits`, out, (l, at) => limits.push({ limit: l, at }), true);
    }
  }
  // Two limits sharing a counter would count each other's calls.
  const counters = new Set<string>();
  for (const { limit, at } of limits) {
    limitProblems(limit, at, out);
    const counter = isObject(limit) ? limit.counter : undefined;
    if (typeof counter !== 'string') continue;
    if (counters.has(counter)) out.push(`${at}: limit counter "${counter}" is used twice`);
    counters.add(counter);
  }
  return out;
}
