import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadRules } from '../rules/load-rules.ts';
import { classify } from './classify.ts';
import { serverPrefixWords } from './server-prefix.ts';
import { writeRationale } from './rationale.ts';
import { DEFAULT_DATA_DIR } from '../config.ts';

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
  it('lowers Destructive for trivially recreatable items and raises Read for secrets', () => {
    // Destructive starts at high; a label is made again in one call.
    expect(classify(rules, { name: 'remove_label', description: 'Remove a label from an issue' }, plain).severity).toBe('medium');
    // Handing back a key is two levels above a plain read; needing one is not.
    expect(classify(rules, { name: 'get_api_key', description: 'Get the API key of the project' }, plain).severity).toBe('high');
    expect(classify(rules, { name: 'get_weather', description: 'Get the weather', inputSchema: { properties: { apiKey: { type: 'string' } } } }, plain).severity).toBe('low');
    // A private key or seed phrase controls a wallet outright: one level more.
    expect(classify(rules, { name: 'get_private_key', description: 'Get the private key of the wallet' }, plain).severity).toBe('critical');
  });
});

describe('general rules (catalogue/rules/classifier.yaml)', () => {
  const plain = { title: 'Test', prefixWords: new Set<string>() };
  const pk = { privateKey: { type: 'string' } };
  const run = (name: string, description = '', properties: Record<string, unknown> = {}) =>
    classify(rules, { name, description, inputSchema: { properties } }, plain);

  it('a swap or bridge beats the bare "execute"', () => {
    expect(run('execute_swap', 'Execute a token swap on a DEX', pk).category).toBe('Financial');
    expect(run('execute_bridge', 'Execute a cross-chain bridge transfer', pk).category).toBe('Financial');
  });
  it('signs with a caller key: Financial over Write', () => {
    const c = run('cast_vote', 'Cast a vote on a governance proposal', pk);
    expect(c.category).toBe('Financial');
    expect(c.signals).toContain('signs_transactions');
  });
  it('unsigned transaction builders and local key generation are reads', () => {
    expect(run('make_payment_txn', 'Create a payment transaction', { from: { type: 'string' }, to: { type: 'string' }, amount: { type: 'number' } }).category).toBe('Read');
    const key = run('generate_mnemonic', 'Generate a new BIP-39 mnemonic seed phrase');
    // It hands back a seed phrase: secrets (two levels) and key material (one more).
    expect([key.category, key.severity]).toEqual(['Read', 'critical']);
    expect(key.signals).toEqual(expect.arrayContaining(['credentials', 'key_material']));
    expect(run('create_wallet', 'Create a new random wallet with private key and address').category).toBe('Read');
    // A longer name names an account at a hosted service, which is a change.
    expect(run('create_coinbase_mpc_wallet', 'Used to create your Coinbase MPC wallet address.').category).toBe('Write');
  });
  it('queries in a language that can write are Execute; read-only query languages are Read', () => {
    expect(run('query_sql', 'Execute read-only SQL queries against S3 Tables').category).toBe('Execute');
    expect(run('query_sql', 'Execute read-only SQL queries against S3 Tables').severity).toBe('medium');
    expect(run('aggregate', 'Run an aggregation against a MongoDB collection').category).toBe('Execute');
    expect(run('execute_log_insights_query', 'Run CloudWatch Logs Insights queries').category).toBe('Read');
    expect(run('tf_plan', 'Generate Terraform execution plan').category).toBe('Read');
  });
  it('closing a tab or page is Destructive, one level down because it reopens', () => {
    const c = run('close_page', 'Close a browser page');
    expect([c.category, c.severity]).toEqual(['Destructive', 'medium']);
  });
  it('reads a noun-verb as the thing when a plainer verb follows it', () => {
    expect(run('order_cancel', 'Cancel an order').category).toBe('Destructive');
    expect(run('API-post-search', 'Search by title').category).toBe('Read');
    expect(run('api_market_order_message', 'Generate message from the order data').category).toBe('Read');
  });
  it('takes the most severe of the actions the lead lists', () => {
    expect(run('keyvault', 'List and create keys, secrets, certificates in Azure Key Vault').category).toBe('Write');
    expect(run('manage_k8s_resource', 'Read/create/update/delete Kubernetes resources').category).toBe('Destructive');
  });
  it("stops a verb's object at a preposition", () => {
    expect(run('execute_multicall', 'Execute multiple contract calls in a single transaction').category).toBe('Execute');
  });
  it('does not match plural nouns in names as verbs', () => {
    expect(run('get_cancelled_orders', 'List orders').category).toBe('Read');
    expect(run('product_reviews', '').category).toBe('Read');
  });
});

describe('a word that is as often a noun as a verb, in the description lead', () => {
  const plain = { title: 'Test', prefixWords: new Set<string>() };
  it.each([
    // After other words it names a thing, so the name's own action decides.
    ['list_loki_label_names', 'Log label exploration', 'Read'],
    ['list_resources', 'Enumerate resources of specified types', 'Read'],
    ['get_console_message', 'Access a specific console message', 'Read'],
    // At the head of the lead, or after "to", it is the action.
    ['notify', 'Message the on-call team', 'Write'],
    ['assistant', 'Use the assistant to message the team', 'Write'],
    ['step_over', 'Steps over to the next line of code', 'Execute'],
    ['place_bet', 'Place a bet on a market', 'Financial'],
  ])('%s: "%s" is %s', (name, description, category) => {
    expect(classify(rules, { name, description, inputSchema: {} }, plain).category).toBe(category);
  });
});

describe('rationales name what the tool acts on in readable words', () => {
  // Real tools of the shared data, classified and written as the catalogue does.
  const toolsdk = readFileSync(`${DEFAULT_DATA_DIR}/manifests/toolsdk/tools.jsonl`, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as { server: string; tools: { name: string; description?: string }[] });
  const toucan = (server: string) => {
    const file = `${DEFAULT_DATA_DIR}/manifests/toucan/${server.replace('/', '__')}/tools.json`;
    return { server, tools: (JSON.parse(readFileSync(file, 'utf8')) as { tools: { name: string; description?: string }[] }).tools };
  };
  const rationaleOf = (server: string, name: string): string => {
    const entry = toolsdk.find((s) => s.server === server && s.tools.some((t) => t.name === name)) ?? toucan(server);
    if (!entry) throw new Error(`no tool ${server} ${name}`);
    const tool = entry.tools.find((t) => t.name === name)!;
    const c = classify(rules, tool, { title: 'Server', prefixWords: serverPrefixWords([server.split('/').pop()!], entry.tools.map((t) => t.name), (w) => rules.verbCategory.has(w)) });
    return writeRationale(c, { name, server: 'Server', policyKind: 'rate', policyBecause: 'reasons', description: tool.description ?? '' });
  };
  const first = (r: string) => r.split('. ')[0]!;

  it('reads an API-path name from its description, never from path ids or a verb used as a noun', () => {
    const r = first(rationaleOf('io.github.gologinapp/gologin-mcp', 'delete_tags__id__removeFromProfiles'));
    expect(r).not.toMatch(/\bid\b|tags id|remove profiles/);
    expect(r).toContain('removes a tag from profiles');
    const cookies = first(rationaleOf('io.github.gologinapp/gologin-mcp', 'post_profile__id__cookies'));
    expect(cookies).not.toMatch(/posts|profile id/);
    expect(cookies).toContain('updates cookies for a profile');
  });

  it('does not make an object of a preposition or of a version mark ("saves an as pdf", "a profile proxy many v 2")', () => {
    expect(first(rationaleOf('io.github.executeautomation/mcp-playwright', 'playwright_save_as_pdf'))).toContain('saves the current page as a PDF file');
    const r = first(rationaleOf('io.github.gologinapp/gologin-mcp', 'patch_profile_proxy_many_v2')).replace('patch_profile_proxy_many_v2', '');
    expect(r).not.toMatch(/many|\bv\b|\b2\b/);
    expect(r).toContain('updates a proxy for multiple profiles');
  });

  it('conjugates the base form of a description verb ("returns", not "returnses")', () => {
    const r = first(rationaleOf('io.github.shinzo-labs/coinmarketcap-mcp', 'cryptoCategories'));
    expect(r).not.toContain('returnses');
    expect(r).toContain('returns information about all coin categories');
  });

  it('keeps a real ID as a noun and drops a lookup key ("gets the chain ID", "gets a recipe")', () => {
    expect(first(rationaleOf('io.github.xiaok/etherscan-mcp', 'get_chain_id'))).toContain('gets the chain ID');
  });

  it('never joins a second verb into the object ("follows an unfollow", "creates an or update lead")', () => {
    const follow = rationaleOf('io.github.yuna0x0/anilist-mcp', 'follow_user');
    expect(follow).not.toMatch(/an unfollow/);
    expect(first(follow)).toContain('follows a user');
    // A follow is not a thing left "wrong": it stays in effect until undone.
    expect(follow).not.toMatch(/leaves the user .* wrong/);
    expect(rationaleOf('io.github.alexleventer/marketo-mcp', 'marketo_create_or_update_lead')).not.toMatch(/an or update|an update lead/);
  });

  it('says what a wrong creation leaves behind', () => {
    const r = rationaleOf('io.github.gologinapp/gologin-mcp', 'post_profile_quick');
    expect(r).not.toMatch(/posts a profile quick|leaves something/);
    expect(r).toMatch(/creates a profile .*A wrong call leaves an unwanted profile/);
  });
});

describe('rationales read a description verb only where it acts', () => {
  it('does not take "search" in "A powerful search tool" for the action ("searches a tool")', () => {
    const entries = readFileSync(`${DEFAULT_DATA_DIR}/manifests/toolsdk/tools.jsonl`, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as { server: string; tools: { name: string; description?: string }[] });
    const entry = entries.find((s) => s.tools.some((t) => t.name === 'ref_search_documentation'));
    if (!entry) throw new Error('no tool ref_search_documentation');
    const tool = entry.tools.find((t) => t.name === 'ref_search_documentation')!;
    const c = classify(rules, tool, { title: 'Ref', prefixWords: serverPrefixWords(['ref'], entry.tools.map((t) => t.name), (w) => rules.verbCategory.has(w)) });
    const r = writeRationale(c, { name: tool.name, server: 'Ref', policyKind: 'allow', policyBecause: 'reasons', description: tool.description ?? '' });
    expect(r).not.toContain('searches a tool');
  });
});
