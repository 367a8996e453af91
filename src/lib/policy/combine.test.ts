import { parse as parseYaml } from 'yaml';
import { describe, expect, it } from 'vitest';
import { interceptPolicySchema, policyJsonSchema } from '../../schemas/policy.ts';
import { serverPolicy, stackPolicy, type ChosenTool } from './combine.ts';

const github: ChosenTool[] = [
  { name: 'get_issue', category: 'Read', choice: { kind: 'allow' } },
  { name: 'create_issue', category: 'Write', choice: { kind: 'rate', rate: { limit: 10, window: 'minute' } } },
  { name: 'delete_repository', category: 'Destructive', choice: { kind: 'hide' } },
  { name: 'merge_pull_request', category: 'Execute', choice: { kind: 'approval' } },
];
const files: ChosenTool[] = [
  { name: 'read_file', category: 'Read', choice: { kind: 'allow' } },
  // Same name as a GitHub tool, looser choice: the stack keeps the stricter one.
  { name: 'create_issue', category: 'Write', choice: { kind: 'rate', rate: { limit: 30, window: 'minute' } } },
  { name: 'get_issue', category: 'Read', choice: { kind: 'hide' } },
];

describe('a whole server policy', () => {
  it('lists allowed tools under default deny, hides hidden ones and groups the YAML by category, most dangerous first', () => {
    const { policy, intercept } = serverPolicy('GitHub', github);
    expect(policyJsonSchema.safeParse(policy).success).toBe(true);
    expect(policy.default).toBe('deny');
    expect(policy.hide).toEqual(['delete_repository']);
    expect(Object.keys(policy.tools).sort()).toEqual(['create_issue', 'get_issue', 'merge_pull_request']);
    expect(policy.tools.get_issue).toEqual({});
    const yaml = parseYaml(intercept);
    expect(interceptPolicySchema.safeParse(yaml).success).toBe(true);
    expect(yaml.tools.get_issue.rules).toEqual([]);
    expect(intercept.indexOf('# Destructive')).toBeLessThan(intercept.indexOf('# Read'));
  });
});

describe('a stack policy', () => {
  const stack = stackPolicy([
    { slug: 'github', title: 'GitHub', tools: github },
    { slug: 'files', title: 'Files', tools: files },
  ]);

  it('writes one valid policy.json for every tool of every server', () => {
    expect(policyJsonSchema.safeParse(stack.policy).success).toBe(true);
    expect(Object.keys(stack.policy.tools).sort()).toEqual(['create_issue', 'merge_pull_request', 'read_file']);
  });

  it('keeps the stricter choice where two servers share a tool name, and reports the clash', () => {
    expect(stack.policy.tools.create_issue!.limits![0]!.max).toBe(10);
    expect(stack.policy.hide?.sort()).toEqual(['delete_repository', 'get_issue']);
    expect(stack.clashes).toEqual([
      { tool: 'get_issue', servers: ['GitHub', 'Files'], kept: 'hide' },
      { tool: 'create_issue', servers: ['GitHub', 'Files'], kept: 'rate' },
    ]);
  });

  it("writes one Intercept YAML per server with that server's own choices", () => {
    expect(stack.intercepts.map((i) => i.slug)).toEqual(['github', 'files']);
    const files = parseYaml(stack.intercepts[1]!.yaml);
    expect(interceptPolicySchema.safeParse(files).success).toBe(true);
    expect(files.tools.create_issue.rules[0].rate_limit).toBe('30/minute');
    expect(files.hide).toEqual(['get_issue']);
  });
});
