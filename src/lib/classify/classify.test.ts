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
    // A private key or seed phrase: GUIDE "high: reading secrets/private keys" (no step above other secrets).
    expect(classify(rules, { name: 'get_private_key', description: 'Get the private key of the wallet' }, plain).severity).toBe('high');
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
  it('unsigned transaction builders are Financial one step lower, and local key generation is a read', () => {
    // "Building or signing a transaction" is Financial by the written definition; nothing is signed yet, so high.
    const built = run('make_payment_txn', 'Create a payment transaction', { from: { type: 'string' }, to: { type: 'string' }, amount: { type: 'number' } });
    expect([built.category, built.severity]).toEqual(['Financial', 'high']);
    expect(built.signals).toContain('unsigned_transaction');
    const key = run('generate_mnemonic', 'Generate a new BIP-39 mnemonic seed phrase');
    // It hands back a seed phrase: GUIDE "high: reading secrets/private keys".
    expect([key.category, key.severity]).toEqual(['Read', 'high']);
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
    return writeRationale(c, { rules, name, server: 'Server', policyKind: 'rate', policyBecause: 'reasons', description: tool.description ?? '' });
  };
  const first = (r: string) => r.split('. ')[0]!;

  it('gives a budget or bid its own cost: spent over time until changed, not "no later call takes it back"', () => {
    const r = rationaleOf('io.github.brnardo/meta-ads-mcp', 'update_campaign');
    expect(r).not.toMatch(/no later call takes it back|moves money or market exposure|at the price of that moment/);
    expect(r).toContain('updates an existing campaign on Server, and its daily_budget argument sets how much money that spends');
    expect(r).toContain('keeps spending until someone lowers or pauses it; another call can change it back, but what was spent meanwhile stays spent');
  });

  it('says a webhook or mail forward outlives the call, instead of "an unwanted webhook until someone removes it"', () => {
    const hook = rationaleOf('io.github.barryyip0625/mcp-discord', 'discord_create_webhook');
    expect(hook).not.toContain('leaves an unwanted webhook');
    expect(hook).toContain('A webhook outlives the call that makes it');
    const forward = rationaleOf('io.github.hitmanly007/gmail-mcp', 'create_forwarding_address');
    expect(forward).toContain('keeps forwarding the user’s new mail to that address with no further call');
  });

  it('says an upload by local path sends the file off the machine, not that it leaves "an unwanted one" on the server', () => {
    const r = rationaleOf('io.github.ucalyptus/prem-mcp-server', 'prem_upload_document');
    expect(r).not.toMatch(/unwanted document/);
    expect(r).toContain('It reads whatever local file its file_path argument names and sends it out of the machine');
    const many = rationaleOf('io.github.cloudflare/playwright-mcp', 'browser_file_upload');
    expect(many).not.toMatch(/uploads one\b|unwanted one/);
    expect(first(many)).toBe('browser_file_upload takes files from the machine it runs on, by path, and sends them out on Server');
  });

  it('says what a private read reveals: a channel’s messages, not mail', () => {
    const slack = rationaleOf('io.github.lars-hagen/slack-user-mcp', 'slack_get_channel_history');
    expect(slack).toContain('What it hands back is private (what people wrote in the workspace’s channels, which only its members see)');
    expect(slack).not.toContain('The risk lies in what it reveals');
  });

  it('says code in a throwaway sandbox stays away from the host, instead of "everything the server is allowed to do"', () => {
    const r = rationaleOf('io.github.babelcloud/gbox', 'run-python');
    expect(r).not.toContain('runs with everything');
    expect(r).toContain('The code runs in a throwaway sandbox, away from the host’s files, keys and processes');
  });

  it('says a message signature vouches for what the caller gives, not that a key "passes through the call"', () => {
    const entry = toucan('io.github.goat-sdk/goat')!;
    const tool = entry.tools.find((t) => t.name === 'sign_message')!;
    const c = classify(rules, tool, { title: 'GOAT', prefixWords: new Set<string>() });
    const r = writeRationale(c, { rules, name: tool.name, server: 'GOAT', policyKind: 'approval', policyBecause: 'reasons', description: tool.description ?? '' });
    expect(r).not.toContain('passes through the call');
    expect(r).not.toContain('looks it up instead');
    expect(r).toContain('the signature vouches for the text');
    expect(r).toContain('a person reads and signs the text themselves');
  });

  it('reads a verb word followed by "of" as a noun: "a partial update of an Object" is no "updates of an Object"', () => {
    const r = first(rationaleOf('io.github.blacksand-software/hubspot-mcp', 'products_update'));
    expect(r).not.toContain('updates of an Object');
    expect(r).toBe('products_update changes records on Server');
  });

  it('gives a read what it hands back, not one sentence for every read, and never says "changes nothing" twice', () => {
    const r = rationaleOf('io.github.lars-hagen/slack-user-mcp', 'slack_get_users');
    expect(r).not.toContain('The risk lies in what it reveals and in the outside text');
    expect(r.match(/changes nothing/g)).toHaveLength(1);
    expect(r).toMatch(/The risk lies only in what it hands back \(the [a-z ]+\)/);
  });

  it('states a guessed Read as a guess, not "looks up expand task … and changes nothing"', () => {
    const r = rationaleOf('io.github.tradesdontlie/task-manager-mcp', 'expand_task');
    expect(r).not.toMatch(/looks up expand task|changes nothing there/);
    expect(r).toContain('we guess it only returns information. If so, the risk lies in what it hands back');
  });

  it('says a batch creation makes many, not that it "reaches every item it matches"; a plural takes no "an"', () => {
    const batch = rationaleOf('io.github.shinzo-labs/hubspot-mcp', 'crm_batch_create_objects');
    expect(batch).not.toContain('every item it matches');
    expect(batch).toContain('One call makes many at once');
    const rel = rationaleOf('io.github.emmett-deen/linear-mcp-server', 'linear_createIssueRelation');
    expect(rel).not.toContain('an unwanted relations');
    expect(rel).toContain('leaves unwanted relations');
  });

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
    const r = writeRationale(c, { rules, name: tool.name, server: 'Ref', policyKind: 'allow', policyBecause: 'reasons', description: tool.description ?? '' });
    expect(r).not.toContain('searches a tool');
  });
});

describe('classes of mistake, each on real tool definitions from the shared data', () => {
  const plain = { title: 'Test', prefixWords: new Set<string>() };
  const judge = (tool: { name: string; description?: string; inputSchema?: { properties?: Record<string, unknown>; required?: string[] } }) => classify(rules, tool, plain);

  it('an HTTP method leading an API-route name is how the request is sent; the description says what it does', () => {
    // zereight/bithumb-mcp: every private endpoint is a POST, reads included.
    expect(judge({ name: 'post_wallet_address', description: "Get member's coin deposit wallet address (Private)", inputSchema: { properties: { currency: { type: 'string' } } } }).category).toBe('Read');
    expect(judge({ name: 'post_orders', description: "Get member's order details (Private)", inputSchema: { properties: { order_currency: { type: 'string' } } } }).category).toBe('Read');
    // The same prefix still places an order when the description says so.
    expect(judge({ name: 'post_place', description: 'Place a limit order (buy/sell) (Private)', inputSchema: { properties: { units: { type: 'number' }, price: { type: 'number' } } } }).category).toBe('Financial');
    // An ordinary verb-first name keeps its action against a lead that only gets.
    expect(judge({ name: 'delete_file', description: 'Returns the result of deleting a file' }).category).toBe('Destructive');
  });

  it('a force switch does not widen the call to everything; on a push it replaces the remote history (Destructive)', () => {
    // bsreeram08/git-commands-mcp git_push: force was read as "all", so the rationale said it "reaches every item it matches".
    const push = judge({ name: 'git_push', description: 'Push changes to a remote repository.', inputSchema: { properties: { repo_path: { type: 'string' }, remote: { type: 'string' }, branch: { type: 'string' }, force: { type: 'boolean', description: 'Whether to force push' } }, required: ['repo_path'] } });
    expect(push.category).toBe('Destructive');
    expect(push.signals).not.toContain('bulk_scope');
  });

  it('an object in a throwaway place (a code sandbox, a simulator) is no running infrastructure', () => {
    // chrishayuk/mcp-code-sandbox: "environment" alone is infrastructure, a sandbox environment is scratch.
    const close = judge({ name: 'close_sandbox', description: 'Close and clean up a sandbox environment.\n\nArgs:\n    session_id: The unique identifier for the sandbox session', inputSchema: { properties: { session_id: { type: 'string' } }, required: ['session_id'] } });
    expect(close.objectKind?.id).toBe('scratch');
    expect(close.severity).toBe('medium');
    // cameroncooke/xcodebuildmcp: an app in a simulator reaches no customers.
    const stop = judge({ name: 'stop_app_sim', description: 'Stops an app running in an iOS simulator. Requires simulatorUuid and bundleId.', inputSchema: { properties: { simulatorUuid: { type: 'string' }, bundleId: { type: 'string' } } } });
    expect([stop.category, stop.severity]).toEqual(['Write', 'medium']);
    // The same words without the sandbox still name infrastructure.
    expect(judge({ name: 'delete_environment', description: 'Delete a deployment environment' }).severity).toBe('critical');
  });

  it('code run in a throwaway sandbox is one level lower; a command in a container (maybe a production pod) is not', () => {
    // babelcloud/gbox run-bash
    const bash = judge({ name: 'run-bash', description: 'Run Bash commands in a sandbox. To persist files after sandbox reclamation, save them to /var/gbox/share directory.', inputSchema: { properties: { code: { type: 'string', description: 'The bash script to run' } }, required: ['code'] } });
    expect([bash.category, bash.severity]).toEqual(['Execute', 'medium']);
    expect(bash.severitySteps.map((s) => s.id)).toContain('sandboxed-execute');
    // razvanmacovei/k8s-multicluster-mcp k8s_pod_exec
    const pod = judge({ name: 'k8s_pod_exec', description: 'Execute a command in a container.', inputSchema: { properties: { pod_name: { type: 'string' }, command: { type: 'string' }, namespace: { type: 'string' } }, required: ['pod_name', 'command'] } });
    expect([pod.category, pod.severity]).toEqual(['Execute', 'high']);
  });

  it('a verb glossed in brackets by a worse one is listed with it ("Archive (delete)")', () => {
    // createitv/hubspot-mcp emails_batch_archive
    const c = judge({ name: 'emails_batch_archive', description: 'Archive (delete) multiple email records in a single request', inputSchema: { properties: { emailIds: { type: 'array', items: { type: 'string' } } }, required: ['emailIds'] } });
    expect([c.category, c.severity]).toEqual(['Destructive', 'high']);
    expect(c.evidence.some((e) => e.text === 'Archive (delete)')).toBe(true);
    // The single archive keeps the recycle bin's way back: one level lower.
    expect(judge({ name: 'notes_archive', description: 'Archive (delete) a note', inputSchema: { properties: { noteId: { type: 'string' } } } }).severity).toBe('medium');
  });

  it('the object after the last of several listed verbs belongs to each of them ("List, create, close, or select a browser tab")', () => {
    // microsoft/playwright-mcp browser_tabs: "close … tab" is the closing combo, though commas stand between.
    const c = judge({ name: 'browser_tabs', description: 'List, create, close, or select a browser tab.', inputSchema: { properties: { action: { type: 'string', description: 'Operation to perform' }, index: { type: 'number' } }, required: ['action'] } });
    expect([c.category, c.severity]).toEqual(['Destructive', 'medium']);
    // A list of reads stays a read.
    expect(judge({ name: 'tabs', description: 'List, count, or describe the open browser tabs.' }).category).toBe('Read');
  });

  it('changing the owner or mode of files changes who may read or write them (admin scope, high)', () => {
    // sylphxltd/filesystem-mcp chown_items
    const c = judge({ name: 'chown_items', description: 'Change owner (UID) and group (GID) for multiple specified files/directories.', inputSchema: { properties: { paths: { type: 'array', items: { type: 'string' } }, uid: { type: 'number' }, gid: { type: 'number' } }, required: ['paths', 'uid', 'gid'] } });
    expect([c.category, c.severity]).toEqual(['Write', 'high']);
    expect(c.signals).toContain('admin_scope');
  });

  it('a webhook or mail forward is a standing link to an outside address (high); posting to a webhook sends data out (high)', () => {
    // shinzo-labs/gmail-mcp update_auto_forwarding
    const fwd = judge({ name: 'update_auto_forwarding', description: 'Updates automatic forwarding settings', inputSchema: { properties: { enabled: { type: 'boolean' }, emailAddress: { type: 'string' }, disposition: { type: 'string' } }, required: ['enabled'] } });
    expect([fwd.category, fwd.severity]).toEqual(['Write', 'high']);
    expect(fwd.severitySteps.map((s) => s.id)).toEqual(['standing-forward']);
    // marcinwyszynski/pylon-mcp pylon_create_webhook
    expect(judge({ name: 'pylon_create_webhook', description: 'Create a new webhook to automatically notify external systems when events occur in Pylon.' }).severity).toBe('high');
    // binalyze/air-mcp post_webhook
    const post = judge({ name: 'post_webhook', description: 'Post data to a webhook', inputSchema: { properties: { slug: { type: 'string' }, data: { type: 'string' }, token: { type: 'string' } } } });
    expect([post.category, post.severity]).toEqual(['Write', 'high']);
    // Reading webhooks stays a read.
    expect(judge({ name: 'list_webhooks', description: 'List all webhooks for the organization.' }).severity).toBe('low');
  });

  it('an upload that takes any local file path can carry any file out (high); writing a local file cannot', () => {
    // ucalyptus/prem-mcp-server prem_upload_document
    const up = judge({ name: 'prem_upload_document', description: 'Upload a document to a Prem AI repository', inputSchema: { properties: { repository_id: { type: 'string' }, file_path: { type: 'string' } }, required: ['repository_id', 'file_path'] } });
    expect([up.category, up.severity]).toEqual(['Write', 'high']);
    expect(up.signals).toContain('sends_local_files');
    // A local write with a path stays medium.
    const write = judge({ name: 'write_file', description: 'Write content to a file', inputSchema: { properties: { path: { type: 'string' }, content: { type: 'string' } } } });
    expect([write.category, write.severity]).toEqual(['Write', 'medium']);
  });

  it("reading people's private messages or the account's own trades is medium; console messages, AI chat and lookups by email are not", () => {
    // quegenx/wapulse-whatsapp-mcp load_chat_messages
    const chat = judge({ name: 'load_chat_messages', description: 'Retrieve all messages from a specific chat or conversation using WaPulse API', inputSchema: { properties: { id: { type: 'string' } } } });
    expect([chat.category, chat.severity]).toEqual(['Read', 'medium']);
    expect(chat.severitySteps.map((s) => s.id)).toEqual(['reads-private']);
    // lazy-dinosaur/ccxt-mcp fetchMyTrades
    expect(judge({ name: 'fetchMyTrades', description: 'Fetch personal trade history for a configured account', inputSchema: { properties: { accountName: { type: 'string' }, symbol: { type: 'string' } } } }).severity).toBe('medium');
    // microsoft/playwright-mcp browser_console_messages, misanthropic-ai/ddg-mcp ddg-ai-chat, kohasummons/paystack-mcp get_customer
    expect(judge({ name: 'browser_console_messages', description: 'Returns all console messages' }).severity).toBe('low');
    expect(judge({ name: 'ddg-ai-chat', description: 'Chat with DuckDuckGo AI', inputSchema: { properties: { query: { type: 'string' } } } }).severity).toBe('low');
    expect(judge({ name: 'get_customer', description: 'Get details of a specific customer by email or code', inputSchema: { properties: { email_or_code: { type: 'string' } } } }).severity).toBe('low');
    // Public market trades stay low.
    expect(judge({ name: 'get_recent_trades', description: 'Get recent trades for a symbol' }).severity).toBe('low');
  });

  it('a lead that says the name\'s camelCase words more precisely outranks it ("CreatePlan": "Create an auto-invest plan")', () => {
    // sperax/sperax-crypto-mcp BinanceAutoInvestCreatePlan
    const c = classify(rules, { name: 'BinanceAutoInvestCreatePlan', description: 'Create an auto-invest plan for dollar-cost averaging. Automatically purchases crypto at regular intervals.' }, { title: 'Binance', prefixWords: new Set(['binance']) });
    expect(c.category).toBe('Financial');
  });

  it("a vague lead does not overrule the name's worse action when the next sentence names it", () => {
    const bnb = { title: 'Binance', prefixWords: new Set(['binance']) };
    // sperax/sperax-crypto-mcp BinanceVipLoanBorrow
    expect(classify(rules, { name: 'BinanceVipLoanBorrow', description: 'Allow  users (master account only) to apply for a loan by pledging collateral. Users specify the coin they want to borrow, the amount, and the collateral details.' }, bnb).category).toBe('Financial');
    // heroku transfer_app: the lead's own combo says which transfer, and parameter docs confirm nothing.
    expect(judge({ name: 'transfer_app', description: "Transfer ownership of a Heroku application. Use this tool when a user wants to: 1) Transfer an app to another user's account, 2) Move an app to a team." }).category).toBe('Write');
    expect(judge({ name: 'terminate_app', description: 'Force stop an application on the device.\n\nArgs:\n    package_name (str): Package name of the app to terminate' }).category).toBe('Write');
  });

  it('a combo object holding a stopword still matches ("user data stream", read without "user")', () => {
    // sperax/sperax-crypto-mcp BinanceDeleteUserDataStream
    const c = classify(rules, { name: 'BinanceDeleteUserDataStream', description: 'Close a user data stream by invalidating the listen key.' }, { title: 'Binance', prefixWords: new Set(['binance']) });
    expect([c.category, c.severity]).toEqual(['Destructive', 'medium']);
  });

  it('"by" introduces the actions that carry out what the lead says ("performs migrations by … executing DDL statements")', () => {
    // neondatabase/mcp-server-neon prepare_database_migration
    const c = judge({ name: 'prepare_database_migration', description: '<use_case>\n  This tool performs database schema migrations by automatically generating and executing DDL statements.\n</use_case>', inputSchema: { properties: { migrationSql: { type: 'string' }, projectId: { type: 'string' } } } });
    expect(c.category).toBe('Execute');
  });

  it('a description that says the tool saves its result to a file makes it a Write, whatever it reads', () => {
    // shariqriazz/vertex-ai-mcp-server save_answer_query_websearch
    expect(judge({ name: 'save_answer_query_websearch', description: 'Answers a natural language query using Google Search results and saves the answer to a file. Uses the configured Vertex AI model.' }).category).toBe('Write');
    // gcluowenqiang/kingbase-mcp generate_database_overview
    expect(judge({ name: 'generate_database_overview', description: '生成数据库概览文档并保存为Markdown文件' }).category).toBe('Write');
    // A file that only describes where data lives, or a temporary file handed back, saves nothing.
    expect(judge({ name: 'read_pubnub_resources', description: 'Access PubNub "How to" and "resources" documentation stored as markdown files in the "resources" directory.' }).category).toBe('Read');
    expect(judge({ name: 'view_level_image', description: 'View a VibeTide level as a beautiful PNG image. The image is saved to a temporary\n    file and the file path is returned.' }).category).toBe('Read');
  });

  it('a change that sets a budget, bid or spend cap commits money (Financial, one level down: it is spent over time)', () => {
    // brnardo/meta-ads-mcp update_campaign
    const c = judge({ name: 'update_campaign', description: 'Update an existing campaign in a Meta Ads account.', inputSchema: { properties: { campaign_id: { type: 'string' }, status: { type: 'string' }, daily_budget: { type: 'integer' }, lifetime_budget: { type: 'integer' }, spend_cap: { type: 'integer' } }, required: ['campaign_id'] } });
    expect([c.category, c.severity]).toEqual(['Financial', 'high']);
    expect(c.severitySteps.map((s) => s.id)).toEqual(['spend-over-time']);
    // Reading a budget stays a read.
    expect(judge({ name: 'get_campaign', description: 'Get a campaign', inputSchema: { properties: { daily_budget: { type: 'integer' } } } }).category).toBe('Read');
  });

  it('a way back is read from whole words only ("bin" is not in "Binance", "trash" not in "trashed")', () => {
    // sperax/sperax-crypto-mcp BinanceDeleteOrder: cancelling an order has no recycle bin.
    const c = classify(rules, { name: 'BinanceDeleteOrder', description: 'Cancel an active order on Binance for a specific trading pair.', inputSchema: { properties: { symbol: { type: 'string' }, orderId: { type: 'number' } } } }, { title: 'Binance', prefixWords: new Set(['binance']) });
    expect([c.category, c.severity]).toEqual(['Destructive', 'critical']);
    expect(c.signals).not.toContain('reversible');
    // google-drive-mcp drive_file_empty_trash
    expect(judge({ name: 'drive_file_empty_trash', description: 'Permanently delete all trashed files' }).signals).not.toContain('reversible');
    // A real trash still counts.
    expect(judge({ name: 'delete_email', description: 'Delete an email. It is moved to the trash.' }).signals).toContain('reversible');
  });

  it('removing access, a role or a member is not "small and made again in one call": it stays high', () => {
    // rishipradeep-think41/google-drive-mcp drive_permission_delete
    const c = judge({ name: 'drive_permission_delete', description: "Remove a user's access from a file or folder by permission ID", inputSchema: { properties: { fileId: { type: 'string' }, permissionId: { type: 'string' } } } });
    expect([c.category, c.severity]).toEqual(['Destructive', 'high']);
    expect(c.signals).not.toContain('recreatable');
  });

  it('"infrastructure" names running infrastructure', () => {
    // awslabs/mcp tf_destroy
    expect(judge({ name: 'tf_destroy', description: 'Destroy infrastructure' }).severity).toBe('critical');
  });

  it('a numeric seed makes a random result reproducible; it is no seed phrase', () => {
    // pinkpixel-dev/mcpollinations respondText
    const c = judge({ name: 'respondText', description: 'Respond with text to a prompt using the Pollinations Text API', inputSchema: { properties: { prompt: { type: 'string' }, seed: { type: 'number', description: 'Seed for reproducible results (default: random)' } } } });
    expect(c.signals).not.toContain('key_material');
    expect(c.severity).toBe('low');
  });

  it('"seed" is a seed phrase only where the definition speaks of wallets or mnemonics', () => {
    // devfurkank/wallhaven-mcp search_wallpapers: "seed: Seed for random results"
    expect(judge({ name: 'search_wallpapers', description: 'Search for wallpapers on Wallhaven\n\n    Args:\n        query: Search query\n        colors: Color hex code\n        seed: Seed for random results', inputSchema: { properties: { query: { type: 'string' }, seed: { type: 'string' } } } }).signals).not.toContain('key_material');
    // sperax mnemonic_from_seed
    expect(judge({ name: 'mnemonic_from_seed', description: 'Generate a mnemonic from a seed', inputSchema: { properties: { seed: { type: 'string', description: 'The seed in hexadecimal format to generate a mnemonic from' } } } }).signals).toContain('key_material');
  });

  it('a raw private key passing through a read is high even when it is only an input', () => {
    // sperax/sperax-crypto-mcp sign_message
    const c = judge({ name: 'sign_message', description: 'Sign a message using personal_sign (EIP-191)', inputSchema: { properties: { message: { type: 'string' }, privateKey: { type: 'string' } }, required: ['message', 'privateKey'] } });
    expect([c.category, c.severity]).toEqual(['Read', 'high']);
  });

  it("a route-shaped name's path parts are not its object; the description's object is shown instead", () => {
    // gologinapp/gologin-mcp delete_tags__id__removeFromProfiles
    const c = judge({ name: 'delete_tags__id__removeFromProfiles', description: 'Remove tag from profiles', inputSchema: { properties: { id: { type: 'string' }, profiles: { type: 'array', items: { type: 'string' } } } } });
    expect(c.object).toBe('tag');
    expect(c.category).toBe('Destructive');
  });

  it("an app on the user's phone is no running infrastructure; a firewall's device still is", () => {
    // mobile-next/mobile-mcp mobile_terminate_app
    const c = judge({ name: 'mobile_terminate_app', description: 'Stop and terminate an app on mobile device', inputSchema: { properties: { packageName: { type: 'string' } } } });
    expect([c.category, c.severity]).toEqual(['Destructive', 'medium']);
    // digitalocean delete_app keeps its weight.
    expect(judge({ name: 'delete_app', description: 'Delete an app by ID' }).severity).toBe('critical');
  });
  it('an action list in a parameter\'s description or in the prose counts like an enum: the worst listed action decides', () => {
    // ideook/revit-mcp operate_element (its action values are documented, not enumerated, one object down)
    const c = judge({
      name: 'operate_element',
      description: 'Operate on Revit elements by performing actions such as select, selectionBox, setColor, setTransparency, delete, hide, etc.',
      inputSchema: { properties: { data: { type: 'object', properties: { elementIds: { type: 'array', items: { type: 'number' } }, action: { type: 'string', description: 'The operation to perform on elements. Valid values: Select, SelectionBox, SetColor, SetTransparency, Delete, Hide. Delete permanently removes elements from the project.' } } } } },
    });
    expect(c.category).toBe('Destructive');
    expect(c.operationParams.map((p) => p.name)).toEqual(['data.action']);
    // The prose alone says it too: unknown items ("selectionBox") may stand between listed actions after "such as".
    expect(judge({ name: 'operate_element', description: 'Operate on Revit elements by performing actions such as select, selectionBox, setColor, setTransparency, delete, hide, etc.' }).category).toBe('Destructive');
    // A list after a mark may be names, not actions: cameroncooke/xcodebuildmcp button.
    expect(judge({ name: 'button', description: 'Press hardware button on iOS simulator. Supported buttons: apple-pay, home, lock, side-button, siri' }).category).toBe('Write');
    // Examples of free text are no closed set of operations.
    expect(judge({ name: 'send-command', description: 'Send a command to a device', inputSchema: { properties: { command: { type: 'string', description: 'The command to send (restart, update, status, etc.)' } } } }).operationParams).toEqual([]);
  });
  it('a money verb that is an ordinary verb too moves money only where the definition speaks of money', () => {
    // artillect/mtg-mcp-servers sideboard_swap: a card game, nothing moves money.
    const swap = judge({ name: 'sideboard_swap', description: 'Swap a card from your deck with a card from your sideboard.', inputSchema: { properties: { remove_card: { type: 'string' }, add_card: { type: 'string' } } } });
    expect([swap.category, swap.severity]).toEqual(['Write', 'medium']);
    // nacal/mcp-minecraft-remote withdrawItem
    expect(judge({ name: 'withdrawItem', description: 'Take items from an open container' }).category).toBe('Write');
    // A token swap still trades; so does a swap on a server whose name says it trades (kukapay/uniswap-trader-mcp executeSwap).
    expect(judge({ name: 'swap', description: 'Swap one token for another', inputSchema: { properties: { from: { type: 'string' }, to: { type: 'string' } } } }).category).toBe('Financial');
    expect(classify(rules, { name: 'executeSwap', description: 'Execute a swap on Uniswap with optimal multi-hop routing' }, { title: 'Uniswap Trader MCP', prefixWords: new Set() }).category).toBe('Financial');
  });

  it('adding a payee moves no money, but it is where an injected payment later goes (Write, high)', () => {
    // dragonkhoi/mercury-mcp add_payment_recipient
    const c = judge({ name: 'add_payment_recipient', description: "Add a new payment recipient to Mercury. You must provide the recipient's name, email(s), and default payment method, along with the appropriate routing information for the chosen payment method." });
    expect([c.category, c.severity]).toEqual(['Write', 'high']);
    expect(c.signals).toContain('admin_scope');
    // A payment to a recipient still moves money.
    expect(judge({ name: 'create_payment', description: 'Create a payment to a recipient' }).category).toBe('Financial');
  });
  it('keys and secrets passing through: a message signed with the wallet, a new key handed back, stored secrets filled into any request', () => {
    // goat-sdk/goat sign_message: no transaction (not Financial), but the wallet's key vouches for what the caller picks.
    const sign = judge({ name: 'sign_message', description: 'Sign a message with the wallet', inputSchema: { properties: { message: { type: 'string' } }, required: ['message'] } });
    expect([sign.category, sign.severity]).toEqual(['Read', 'high']);
    // dcspark/mcp-cryptowallet-evm wallet_create_random: nothing is created on a server; the private key comes back (GUIDE: reading private keys is high).
    const gen = judge({ name: 'create_random', description: 'Create a new wallet with a random private key', inputSchema: { properties: { password: { type: 'string' } } } });
    expect([gen.category, gen.severity]).toEqual(['Read', 'high']);
    // ...but "Create new wallet groups" makes groups.
    expect(judge({ name: 'create_groups', description: 'Create new wallet groups. Expects a list of group names.' }).category).toBe('Write');
    // deanward/hal http-options and http-post: {secrets.key} substitution into a URL the caller picks.
    const opts = judge({ name: 'http-options', description: "Make an HTTP OPTIONS request to a specified URL to check available methods and headers. Supports secret substitution using {secrets.key} syntax in URL and headers where 'key' corresponds to HAL_SECRET_KEY environment variables." });
    expect([opts.category, opts.severity]).toEqual(['Read', 'high']);
    const post = judge({ name: 'http-post', description: 'Make an HTTP POST request to a specified URL with optional body and headers. Supports secret substitution using {secrets.key} syntax in URL, headers, and body.' });
    expect([post.category, post.severity]).toEqual(['Write', 'high']);
    // A plain GET of whatever URL is given is a server-side fetch (medium), not a change.
    expect([judge({ name: 'http_get', description: 'Make an HTTP GET request to the specified URL' }).category, judge({ name: 'http_get', description: 'Make an HTTP GET request to the specified URL' }).severity]).toEqual(['Read', 'medium']);
  });
  it('reads of private health or business records, a whole table, or any local file are medium; public data stays low', () => {
    // kartha-ai/google-cloud-healthcare-api-mcp get_patient_careplans, blacksand-software/hubspot-mcp crm_search_leads, k-jarzyna/mcp-miro get-case
    expect(judge({ name: 'get_patient_careplans', description: 'Get care plans for a patient', inputSchema: { properties: { patientId: {} } } }).severity).toBe('medium');
    expect(judge({ name: 'crm_search_leads', description: 'Search leads with lead-specific filters' }).severity).toBe('medium');
    expect(judge({ name: 'get-case', description: 'Retrieves information about a specific eDiscovery case (Enterprise only)' }).severity).toBe('medium');
    expect(judge({ name: 'list_invoices', description: 'List invoices from PayPal.' }).severity).toBe('medium');
    // imankamyabi/dynamodb-mcp-server scan_table
    expect(judge({ name: 'scan_table', description: 'Scans an entire table with optional filters' }).severity).toBe('medium');
    // rusiaaman/wcgw ReadFiles; a read confined to a sandbox is not the host's files.
    const any = judge({ name: 'ReadFiles', description: '- Read full file content of one or more files.\n- Provide absolute paths only (~ allowed)' });
    expect([any.category, any.severity]).toEqual(['Read', 'medium']);
    expect(any.signals).toContain('reads_local_files');
    expect(judge({ name: 'read_file', description: 'Read the contents of a file in the sandbox.', inputSchema: { properties: { session_id: { type: 'string' }, file_path: { type: 'string' } } } }).severity).toBe('low');
    // Public data: weather, prices, a documentation search, Reddit submissions.
    expect(judge({ name: 'get_forecast', description: 'Get the weather forecast for a location' }).severity).toBe('low');
    expect(judge({ name: 'get_price', description: 'Get the current price of a token' }).severity).toBe('low');
    expect(judge({ name: 'search_docs', description: 'Search the documentation' }).severity).toBe('low');
    expect(judge({ name: 'get_comments_by_submission', description: 'Retrieve comments from a specific submission.' }).severity).toBe('low');
  });
  it('live gateway config, public static hosting and new user accounts reach others at once (Write, high)', () => {
    // api7/apisix-mcp update_global_rule: global plugins run on every route of a live gateway.
    expect(judge({ name: 'update_global_rule', description: 'Update specific attributes of an existing global rule' }).severity).toBe('high');
    // thinkfar/kong-mcp create_route
    expect(judge({ name: 'create_route', description: 'Kong Admin API tool for routes - create operations' }).severity).toBe('high');
    // tencentcloudbase/cloudbase-ai-toolkit uploadFiles: upload files to static website hosting.
    expect(judge({ name: 'uploadFiles', description: '上传文件到静态网站托管' }).severity).toBe('high');
    // mrwyndham/pocketbase-mcp create_user
    const user = judge({ name: 'create_user', description: 'Create a new user account', inputSchema: { properties: { email: {}, password: {} } } });
    expect([user.category, user.severity]).toEqual(['Write', 'high']);
    // A global variable is one thing; a user profile is no account; a CRM account is a customer record.
    expect(judge({ name: 'rename_global_variable', description: 'Rename a global variable' }).severity).toBe('medium');
    expect(judge({ name: 'create_user_profile', description: 'Create a user profile page' }).severity).toBe('medium');
    expect(judge({ name: 'create_account', description: 'Create a new account in Frontapp' }).severity).toBe('medium');
  });
  it('queries an engine runs in its language; a running query stopped, a branch reset, a webhook unsubscribed or a currency sent are no plain changes (issue 9)', () => {
    // A SQL or logic engine takes the caller's query, which can change data.
    expect(judge({ name: 'db_query', description: 'Query a SQLite database' }).category).toBe('Execute');
    expect(judge({ name: 'ask', description: 'Query the Prolog engine', inputSchema: { properties: { query: { type: 'string' } } } }).category).toBe('Execute');
    // A Notion-style database is filtered, not programmed.
    expect(judge({ name: 'query_database', description: 'Query a Notion database with filters' }).category).toBe('Read');
    // A running query stopped is lost, but easily run again.
    const stop = judge({ name: 'query_stop', description: 'Stop a running query.\n\nArgs:\n  client_id: the query to stop' });
    expect([stop.category, stop.severity]).toEqual(['Destructive', 'medium']);
    // Setting a branch back to its parent discards its own changes; git revert adds a commit.
    expect(judge({ name: 'reset_from_parent', description: 'Set the branch back to its parent state' }).category).toBe('Destructive');
    expect(judge({ name: 'git_revert', description: 'Revert the current branch to a commit', inputSchema: { properties: { commit: { type: 'string' } } } }).category).toBe('Write');
    // Unsubscribing a webhook deletes its subscription, which one call makes again.
    const hook = judge({ name: 'webhooks', description: 'Subscribe, find, or unsubscribe webhooks' });
    expect([hook.category, hook.severity]).toEqual(['Destructive', 'medium']);
    // A platform currency sent to other users is money.
    expect(judge({ name: 'send_mana', description: 'Send mana to another user' }).category).toBe('Financial');
  });
  it('a list of verb phrases joined by commas counts its worst phrase; a bare word after a comma is a noun', () => {
    expect(judge({ name: 'offboard_user', description: 'Offboard people by disabling logins, revoking access, and moving their files' }).category).toBe('Destructive');
    expect(judge({ name: 'offboard_user', description: 'Offboards people: disables logins, revokes access, moves their files' }).category).toBe('Destructive');
    expect(judge({ name: 'get_activity', description: 'Get orders, cancels and fills for a pair' }).category).toBe('Read');
  });
  it('"CRUD operations" lists create, read, update and delete; CRUD counts that are read list nothing', () => {
    const crud = judge({ name: 'manage_asset_types', description: 'Manage asset types with CRUD operations' });
    expect(crud.category).toBe('Destructive');
    expect(crud.operations.map((o) => o.action)).toContain('delete');
    // The rationale quotes the word with the actions it stands for.
    expect(crud.evidence.find((e) => e.text === 'CRUD')?.gloss).toBe('create, read, update, delete');
    expect(judge({ name: 'get_usage', description: 'Get usage analytics showing CRUD operation counts per feature' }).category).toBe('Read');
  });
  it('an operations array whose items pick their own operation counts its worst value', () => {
    const schema = {
      properties: {
        operation: { type: 'string', enum: ['get_info', 'create_table', 'alter_table'] },
        operations: { type: 'array', items: { type: 'object', properties: { type: { type: 'string', enum: ['add', 'alter', 'drop'] }, columnName: { type: 'string' } } } },
      },
      required: ['operation'],
    };
    const c = judge({ name: 'manage_schema', description: 'Manage the database schema: get info, create or alter tables', inputSchema: schema });
    expect(c.category).toBe('Destructive');
    // No policy condition on a value inside an array of objects.
    expect(c.operationParams.find((p) => p.name === 'operations[].type')?.documented).toBe(true);
    // An array of items without an operation field is no operation.
    expect(judge({ name: 'add_rows', description: 'Add rows to a sheet', inputSchema: { properties: { operations: { type: 'array', items: { type: 'object', properties: { sort: { type: 'string', enum: ['asc', 'desc'] } } } } } } }).category).toBe('Write');
  });
  it('handling the payment step moves money; creating a code sandbox runs code in it (sandboxed)', () => {
    expect(judge({ name: 'handle_payment_flow', description: 'Handle the payment flow for an order. Args: name: the customer name' }).category).toBe('Financial');
    const box = judge({ name: 'createSandbox', description: 'Create a Linux sandbox that can run commands and code' });
    expect([box.category, box.severity]).toEqual(['Execute', 'medium']);
    // Handling a request or an error moves no money.
    expect(judge({ name: 'handle_request', description: 'Handle an incoming support request' }).category).toBe('Write');
  });
  it("a device manager's remote actions include wiping the device", () => {
    const c = judge({ name: 'manage_laptops', description: 'Manage enrolled laptops including compliance, configuration, and remote actions' });
    expect(c.category).toBe('Destructive');
    expect(c.operations.map((o) => o.action)).toContain('wipe');
  });
  it('managing a CI/CD pipeline runs it; managing a log pipeline configures it', () => {
    expect(judge({ name: 'manage_pipeline', description: 'Manages a CI/CD pipeline of a project' }).category).toBe('Execute');
    expect(judge({ name: 'manage_pipeline', description: 'Manages a log ingest pipeline' }).category).toBe('Write');
  });
  it('a thin umbrella tool over stacks or databases is read as deleting them, low confidence and for review', () => {
    const stacks = judge({ name: 'manage_app_stacks', description: 'Manage the app CloudFormation stacks', inputSchema: { type: 'object' } });
    expect(stacks.category).toBe('Destructive');
    expect(stacks.confidence).toBeLessThanOrEqual(0.3);
    expect(stacks.needsReview).toMatch(/umbrella/);
    const dbs = judge({ name: 'graphdb', description: 'Work with graph database clusters, databases and indexes' });
    expect([dbs.category, dbs.needsReview !== undefined]).toEqual(['Destructive', true]);
    // Settings, a qualifier, parameters or a list of operations: no cautious reading.
    expect(judge({ name: 'manage_dns', description: 'Manage the DNS configuration of the network' }).category).toBe('Write');
    expect(judge({ name: 'manage_repo_subscription', description: 'Manage repository notification subscription' }).category).toBe('Write');
    expect(judge({ name: 'manage_stacks', description: 'Manage CloudFormation stacks', inputSchema: { properties: { stackName: { type: 'string' } } } }).category).toBe('Write');
    expect(judge({ name: 'manage_db', description: 'Manage databases: list and create' }).category).not.toBe('Destructive');
  });
  it('a parameter whose last word takes code runs it when the definition says it runs; kept example code does not', () => {
    const run = judge({ name: 'save_check', description: 'Create or update a browser check', inputSchema: { properties: { checkScript: { type: 'string', description: 'JavaScript steps of the check' }, runNow: { type: 'boolean', description: 'Run the check right after saving it' } } } });
    expect(run.category).toBe('Execute');
    expect(run.signals).toContain('freeform_code');
    expect(judge({ name: 'add_note', description: 'Add a note to the notebook', inputSchema: { properties: { exampleScript: { type: 'string', description: 'Example script for the reader' } } } }).category).toBe('Write');
    // "postal_code" is no code, even beside a run word.
    expect(judge({ name: 'update_address', description: "Update a customer's address", inputSchema: { properties: { postal_code: { type: 'string', description: 'Postal code' }, runValidation: { type: 'boolean', description: 'Run validation after the update' } } } }).category).toBe('Write');
  });
  it('a change that starts a container image the caller picks runs what the image holds; a picture is no image to run', () => {
    const box = judge({ name: 'start_worker', description: 'Start a build worker', inputSchema: { properties: { image: { type: 'string', description: 'Docker image for the worker container' } } } });
    expect(box.category).toBe('Execute');
    expect(judge({ name: 'set_avatar', description: 'Set the profile avatar', inputSchema: { properties: { image: { type: 'string', description: 'PNG image of the avatar' } } } }).category).toBe('Write');
    expect(judge({ name: 'get_image_tags', description: 'Get tags for a container image', inputSchema: { properties: { imageName: { type: 'string' } } } }).category).toBe('Read');
  });
});
