import { parse as parseYaml } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_DATA_DIR } from '../../src/lib/config.ts';
import { runIngest } from '../../src/lib/ingest/run-ingest.ts';
import { interceptPolicySchema, interceptRuleSchema, policyJsonSchema } from '../../src/schemas/policy.ts';
import type { CatalogueServer, CatalogueTool } from '../../src/schemas/catalogue.ts';
import { toInterceptYaml } from '../../src/lib/policy/intercept-yaml.ts';
import { recommendPolicy } from '../../src/lib/policy/build-policy.ts';
import { loadRules } from '../../src/lib/rules/load-rules.ts';
import { classify } from '../../src/lib/classify/classify.ts';

let tools: CatalogueTool[];
let servers: CatalogueServer[];
beforeAll(() => {
  ({ tools, servers } = runIngest(DEFAULT_DATA_DIR, { lean: true }));
});

describe('recommended policies for every shared tool', () => {
  it('follows the written rule from category and severity', () => {
    for (const t of tools) {
      const kind = t.policyKind;
      // A definition that steers the agent is hidden whatever its severity.
      if (t.signals.some((s) => s.id === 'steers_agent')) {
        expect(kind, t.id).toBe('hide');
        continue;
      }
      if (t.severity === 'critical') expect(['hide', 'approval', 'conditional'], t.id).toContain(kind);
      if (t.severity === 'high') expect(['approval', 'conditional'], t.id).toContain(kind);
      if (t.severity === 'medium') expect(kind, t.id).toBe('rate');
      // A read we could only guess at is rate-limited like a change until someone reviews it.
      if (t.severity === 'low') expect(kind, t.id).toBe(t.category === 'Read' && !t.signals.some((s) => s.id === 'unknown_action') ? 'allow' : 'rate');
    }
    const cancelAll = tools.find((t) => t.name === 'binance_spot_cancel_all_orders')!;
    expect(cancelAll.policy).toEqual({ version: '1', default: 'deny', hide: ['binance_spot_cancel_all_orders'], tools: {} });
    const close = tools.find((t) => t.name === 'binance_futures_close_position')!;
    expect(close.policy.tools.binance_futures_close_position).toEqual({ deny_if: [{ conditions: [], on_deny: 'Requires human approval.' }] });
    const price = tools.find((t) => t.name === 'binance_spot_price')!;
    expect(price.policy.tools.binance_spot_price).toEqual({});
  });

  it("writes rate limits in policy.json as the reference gateway's limits, and as the shorthand only in Intercept YAML", () => {
    const rated = tools.filter((t) => t.policyKind === 'rate');
    expect(rated.length).toBeGreaterThan(0);
    for (const t of rated) {
      const entry = t.policy.tools[t.name]!;
      const rate = t.policyChoice.rate!;
      expect(entry, t.id).toEqual({ limits: [{ counter: `${t.name}_per_${rate.window}`, window: rate.window, max: rate.limit, scope: 'grant' }] });
      expect(JSON.stringify(t.policy)).not.toContain('rate_limit');
      expect(parseYaml(t.intercept).tools[t.name].rules[0].rate_limit).toBe(`${rate.limit}/${rate.window}`);
    }
    // The old shorthand is no longer valid policy.json.
    expect(policyJsonSchema.safeParse({ version: '1', default: 'deny', tools: { x: { rate_limit: '10/minute' } } }).success).toBe(false);
    expect(policyJsonSchema.safeParse({ version: '1', default: 'deny', tools: { x: { limits: [{ counter: 'x_per_minute', window: 60, max: 10, scope: 'grant' }] } } }).success).toBe(false);
  });

  it('validates every policy.json and round-trips every Intercept YAML through the schema', () => {
    for (const t of tools) {
      for (const v of [{ policy: t.policy, intercept: t.intercept }, ...t.alternatives]) {
        expect(policyJsonSchema.safeParse(v.policy).success, t.id).toBe(true);
        const parsed = interceptPolicySchema.safeParse(parseYaml(v.intercept));
        expect(parsed.success, `${t.id}: ${v.intercept}`).toBe(true);
      }
    }
  });

  it('offers a capped variant where a numeric amount, quantity or leverage parameter exists', () => {
    const order = tools.find((t) => t.name === 'binance_futures_change_leverage')!;
    const capped = order.alternatives.find((a) => a.id === 'capped');
    expect(capped).toBeDefined();
    expect(capped!.policy.tools.binance_futures_change_leverage!.deny_if![0]!.conditions[0]).toEqual({ path: 'args.leverage', op: 'gt', value: 3 });
    const yaml = parseYaml(capped!.intercept);
    expect(yaml.tools.binance_futures_change_leverage.rules[0].conditions[0]).toEqual({ path: 'args.leverage', op: 'lte', value: 3 });
    const read = tools.find((t) => t.name === 'binance_spot_price')!;
    expect(read.alternatives.some((a) => a.id === 'capped')).toBe(false);
  });

  it('builds whole-server policies that cover every tool, grouped by category', () => {
    for (const s of servers) {
      expect(policyJsonSchema.safeParse(s.policy).success).toBe(true);
      expect(Object.keys(s.policy.tools).length + (s.policy.hide?.length ?? 0)).toBe(s.toolCount);
      expect(interceptPolicySchema.safeParse(parseYaml(s.intercept)).success, s.slug).toBe(true);
    }
    const binance = servers.find((s) => s.slug === 'binance')!;
    expect(binance.intercept).toMatch(/# Financial: 4 tools[\s\S]*# Destructive: 4 tools[\s\S]*# Read: 26 tools/);
  });
});

describe('Intercept rules', () => {
  it('rejects rules the gateway documents as invalid', () => {
    expect(interceptRuleSchema.safeParse({ name: 'x', rate_limit: '5/hour', conditions: [{ path: 'args.a', op: 'gt', value: 1 }] }).success).toBe(false);
    expect(interceptRuleSchema.safeParse({ name: 'x', action: 'deny', conditions: [{ path: 'args.a', op: 'gt', value: 1 }] }).success).toBe(false);
    expect(interceptRuleSchema.safeParse({ name: '', action: 'deny' }).success).toBe(false);
    expect(interceptRuleSchema.safeParse({ name: 'x' }).success).toBe(false);
    expect(interceptRuleSchema.safeParse({ name: 'x', rate_limit: '5 per hour' }).success).toBe(false);
  });

  it('quotes hostile tool names so they cannot inject YAML', () => {
    const name = 'evil"\n  injected: true\n#';
    const yaml = toInterceptYaml({ version: '1', default: 'deny', tools: { [name]: { rules: [{ name: 'r', action: 'deny' }] } } }, undefined, true);
    const back = parseYaml(yaml);
    expect(Object.keys(back.tools)).toEqual([name]);
    expect(back.injected).toBeUndefined();
  });
});

describe('argument-conditioned policies for multi-operation tools', () => {
  const rules = loadRules();
  const props = { method: { type: 'string', enum: ['create', 'update', 'delete'] }, name: { type: 'string' } };
  const tool = { name: 'record_write', description: 'Create, update or delete a record', inputSchema: { properties: props, required: ['method', 'name'] } };
  const c = classify(rules, tool, { title: 'Test', prefixWords: new Set() });

  it('judges the tool by its most dangerous operation and lists every operation', () => {
    expect(c.category).toBe('Destructive');
    expect(c.operations.filter((o) => o.param === 'method').map((o) => `${o.action}:${o.category}`)).toEqual(['delete:Destructive', 'create:Write', 'update:Write']);
  });

  it('lets the safe values through and holds the dangerous one, in policy.json and Intercept YAML', () => {
    const rec = recommendPolicy(rules.policy, tool.name, 'Test', c.category, c.severity, c.signals, props, c.operationParams);
    expect(rec.recommended.kind).toBe('conditional');
    expect(rec.recommended.policy.tools.record_write).toEqual({
      deny_if: [{ conditions: [{ path: 'args.method', op: 'in', value: ['delete'] }], on_deny: 'method "delete" requires human approval.' }],
      limits: [{ counter: 'record_write_per_minute', window: 'minute', max: 10, scope: 'grant' }],
    });
    const yaml = parseYaml(rec.recommended.intercept);
    expect(yaml.tools.record_write.rules[0]).toMatchObject({ action: 'evaluate', conditions: [{ path: 'args.method', op: 'not_in', value: ['delete'] }] });
    expect(interceptPolicySchema.safeParse(yaml).success).toBe(true);
    // The plain approval stays on offer.
    expect(rec.alternatives.find((a) => a.id === 'stricter')?.kind).toBe('approval');
  });

  it('does not condition on an optional parameter, which a call could leave out', () => {
    const optional = { ...tool, inputSchema: { properties: props, required: ['name'] } };
    const c2 = classify(rules, optional, { title: 'Test', prefixWords: new Set() });
    const rec = recommendPolicy(rules.policy, tool.name, 'Test', c2.category, c2.severity, c2.signals, props, c2.operationParams);
    expect(rec.recommended.kind).toBe('approval');
  });
});
