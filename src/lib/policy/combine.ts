/**
 * Policies for more than one tool: a whole server's, and a whole stack's
 * (several servers a team runs). Both are written from each tool's
 * structured choice, the same way the per-tool policies are, so the server
 * page, the policy builder and `npm run scan` agree to the letter.
 * No validation library here: the browser's policy builder bundles this
 * module, and checks with the same plain rules the build's schemas use.
 */
import { CATEGORY_PRECEDENCE, type Category } from '../../schemas/levels.ts';
import type { InterceptPolicy, PolicyChoice, PolicyJson } from '../../schemas/policy.ts';
import { policyJsonProblems } from '../../schemas/policy-rules.ts';
import { interceptPolicyRuleProblems } from '../../schemas/intercept-rules.ts';
import { interceptRules, toolEntry } from './entries.ts';
import { writeInterceptYaml, type ToolGroup } from './yaml-writer.ts';

export interface ChosenTool {
  name: string;
  category: Category;
  choice: PolicyChoice;
}

export interface CombinedPolicy {
  policy: PolicyJson;
  /** The Intercept policy as text, and the object it was written from (for checks). */
  intercept: string;
  interceptPolicy: InterceptPolicy;
}

/** Most dangerous categories first, so a reader of the YAML sees them at the top. */

/**
 * One server's policy.json and Intercept YAML, tools grouped by category.
 * Maps are turned into objects with Object.fromEntries, so that a tool named
 * "__proto__" or "constructor" becomes an ordinary key.
 */
export function serverPolicy(description: string, tools: readonly ChosenTool[]): CombinedPolicy {
  const hide: string[] = [];
  const entries = new Map<string, PolicyJson['tools'][string]>();
  const interceptTools = new Map<string, InterceptPolicy['tools'][string]>();
  const groups: ToolGroup[] = [];
  for (const category of CATEGORY_PRECEDENCE) {
    const list = tools.filter((t) => t.category === category);
    if (!list.length) continue;
    groups.push({ comment: `${category}: ${list.length} tool${list.length === 1 ? '' : 's'}`, names: list.map((t) => t.name) });
    for (const t of list) {
      const entry = toolEntry(t.name, t.choice);
      if (entry === null) hide.push(t.name);
      else {
        entries.set(t.name, entry);
        interceptTools.set(t.name, { rules: interceptRules(t.choice) });
      }
    }
  }
  const policy: PolicyJson = { version: '1', default: 'deny', description, ...(hide.length ? { hide } : {}), tools: Object.fromEntries(entries) };
  const problems = policyJsonProblems(policy);
  if (problems.length) throw new Error(`policy "${description}" is invalid: ${problems.join('; ')}`);
  const interceptPolicy: InterceptPolicy = { version: '1', description, default: 'deny', ...(hide.length ? { hide } : {}), tools: Object.fromEntries(interceptTools) };
  const interceptIssues = interceptPolicyRuleProblems(interceptPolicy).map((p) => p.message);
  if (interceptIssues.length) throw new Error(`Intercept policy "${description}" is invalid: ${interceptIssues.join('; ')}`);
  const intercept = writeInterceptYaml(interceptPolicy, groups);
  return { policy, intercept, interceptPolicy };
}

export interface StackServer {
  slug: string;
  title: string;
  tools: readonly ChosenTool[];
}

/** Two servers of one stack with a tool of the same name, and the choice the combined file keeps. */
export interface NameClash {
  tool: string;
  servers: string[];
  kept: PolicyChoice['kind'];
}

export interface StackPolicy {
  /** One policy.json for every tool of every server. */
  policy: PolicyJson;
  /** One Intercept YAML per server: Intercept runs one policy per upstream server. */
  intercepts: { slug: string; title: string; yaml: string; policy: InterceptPolicy }[];
  clashes: NameClash[];
}

/** How much a choice restricts the agent; in a name clash the stricter one wins. */
const STRICTNESS: Record<PolicyChoice['kind'], number> = { allow: 0, rate: 1, capped: 2, conditional: 3, approval: 4, hide: 5 };

const callsPerDay = (c: PolicyChoice) => (c.rate ? c.rate.limit * { minute: 1440, hour: 24, day: 1 }[c.rate.window] : Infinity);

function stricter(a: PolicyChoice, b: PolicyChoice): PolicyChoice {
  if (STRICTNESS[a.kind] !== STRICTNESS[b.kind]) return STRICTNESS[a.kind] > STRICTNESS[b.kind] ? a : b;
  return callsPerDay(b) < callsPerDay(a) ? b : a;
}

/**
 * A stack's policies. A gateway sees tool names only, so when two servers
 * expose a tool of the same name, the combined policy.json can hold one
 * entry for it: it keeps the stricter choice and reports the clash (a name
 * shared across servers is also how one server shadows another's tool).
 * The per-server Intercept files keep each server's own choice.
 */
export function stackPolicy(servers: readonly StackServer[], description = `Stack policy for ${servers.map((s) => s.title).join(', ')} (toolrisk)`): StackPolicy {
  const byName = new Map<string, { tool: ChosenTool; servers: string[] }>();
  for (const server of servers) {
    for (const tool of server.tools) {
      const seen = byName.get(tool.name);
      if (!seen) byName.set(tool.name, { tool, servers: [server.title] });
      else {
        seen.servers.push(server.title);
        const kept = stricter(seen.tool.choice, tool.choice);
        if (kept !== seen.tool.choice) seen.tool = tool;
      }
    }
  }
  const merged = [...byName.values()].map((v) => v.tool);
  const clashes = [...byName.entries()]
    .filter(([, v]) => v.servers.length > 1)
    .map(([tool, v]) => ({ tool, servers: v.servers, kept: v.tool.choice.kind }));
  return {
    policy: serverPolicy(description, merged).policy,
    intercepts: servers.map((s) => {
      const own = serverPolicy(`Policy for ${s.title} (toolrisk)`, s.tools);
      return { slug: s.slug, title: s.title, yaml: own.intercept, policy: own.interceptPolicy };
    }),
    clashes,
  };
}
