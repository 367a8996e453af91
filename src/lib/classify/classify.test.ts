import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadRules } from '../rules/load-rules.ts';
import { classify } from './classify.ts';
import { serverPrefixWords } from './server-prefix.ts';
import { DEFAULT_DATA_DIR } from '../ingest/data-dir.ts';

const rules = loadRules();
const binance = JSON.parse(readFileSync(`${DEFAULT_DATA_DIR}/manifests/binance/tools.json`, 'utf8')).tools as { name: string }[];
const ctx = {
  title: 'Binance',
  prefixWords: serverPrefixWords(['binance-mcp-server', 'Binance'], binance.map((t) => t.name), (w) => rules.verbCategory.has(w)),
};
const byName = (name: string) => {
  const tool = binance.find((t) => t.name === name);
  if (!tool) throw new Error(`no tool ${name}`);
  return classify(rules, tool, ctx);
};

describe('classifier on the Binance seed tools (the examples the catalogue must get right)', () => {
  it.each([
    ['binance_spot_cancel_all_orders', 'Destructive', 'critical'],
    ['binance_futures_cancel_all_orders', 'Destructive', 'critical'],
    ['binance_futures_cancel_order', 'Destructive', 'critical'],
    ['binance_spot_cancel_order', 'Destructive', 'critical'],
    ['binance_futures_close_position', 'Financial', 'critical'],
    ['binance_spot_place_order', 'Financial', 'critical'],
    ['binance_futures_place_order', 'Financial', 'critical'],
    ['binance_futures_change_leverage', 'Financial', 'critical'],
    ['binance_futures_set_margin_type', 'Write', 'medium'],
    ['binance_spot_balances', 'Read', 'low'],
    ['binance_spot_open_orders', 'Read', 'low'],
  ])('%s is %s / %s', (name, category, severity) => {
    const c = byName(name);
    expect(c.category).toBe(category);
    expect(c.severity).toBe(severity);
  });

  it('quotes Chinese evidence with an English gloss', () => {
    const c = byName('binance_spot_cancel_order');
    const zh = c.evidence.find((e) => e.text === '撤单');
    expect(zh?.gloss).toBe('cancel order');
  });

  it('marks cancel-all as bulk scope', () => {
    expect(byName('binance_spot_cancel_all_orders').signals).toContain('bulk_scope');
  });
});

describe('classifier on synthetic definitions', () => {
  const plain = { title: 'Test', prefixWords: new Set<string>() };
  it('reads parameters: free-form SQL is Execute', () => {
    const c = classify(rules, { name: 'query', description: 'Run a SQL statement', inputSchema: { properties: { sql: { type: 'string' } } } }, plain);
    expect(c.category).toBe('Execute');
    expect(c.signals).toContain('freeform_code');
  });
  it('treats annotations as hints, not proof', () => {
    const c = classify(rules, { name: 'delete_repository', description: 'Delete a repository', annotations: { readOnlyHint: true } }, plain);
    expect(c.category).toBe('Destructive');
  });
  it('splits camelCase names and recognises combos', () => {
    expect(classify(rules, { name: 'BinanceFuturesNewOrder', description: '' }, { title: 'x', prefixWords: new Set(['binance']) }).category).toBe('Financial');
    expect(classify(rules, { name: 'sendEmail', description: 'Send an email to a recipient' }, plain).signals).toContain('external_messaging');
  });
  it('is deterministic', () => {
    const input = { name: 'transfer_tokens', description: 'Transfer ERC20 tokens', inputSchema: { properties: { to: { type: 'string' }, amount: { type: 'string' } } } };
    expect(JSON.stringify(classify(rules, input, plain))).toBe(JSON.stringify(classify(rules, input, plain)));
  });
  it('lowers Destructive for trivially recreatable items and raises Read for secrets', () => {
    expect(classify(rules, { name: 'remove_label', description: 'Remove a label from an issue' }, plain).severity).toBe('high');
    expect(classify(rules, { name: 'get_private_key', description: 'Get the private key of the wallet' }, plain).severity).toBe('medium');
  });
});
