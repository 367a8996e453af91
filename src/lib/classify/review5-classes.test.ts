/**
 * Classes of error the fifth blind review (150 tools, labelled from their
 * definitions before our output was read) and the remaining understated
 * labelled tools showed, each pinned on a small definition written here.
 */
import { describe, expect, it } from 'vitest';
import { loadRules } from '../rules/load-rules.ts';
import { classify } from './classify.ts';
import type { ClassifyInput } from './types.ts';

const rules = loadRules();
const plain = { title: 'Test', prefixWords: new Set<string>() };
const run = (input: ClassifyInput) => classify(rules, input, plain);

describe('review 5 classes', () => {
  it('editing, pausing or resuming a recurring buying plan changes what it spends (Financial), and a listed pause/resume does not outvote the lead', () => {
    expect(run({ name: 'change_plan_status', description: 'Change the status of an auto-invest plan (pause or resume). It spends the account funds.' }).category).toBe('Financial');
    expect(run({ name: 'edit_plan', description: 'Edit an existing auto-invest plan. Modify the amount of funds or the cycle.' }).category).toBe('Financial');
    // A listed action still raises a milder lead.
    expect(run({ name: 'manage_form', description: 'Update a site form (enable, disable, delete).' }).category).toBe('Destructive');
  });

  it('a task assigned to managed endpoints runs there (Execute); a task assigned to a person is a Write', () => {
    expect(run({ name: 'assign_reboot_task', description: 'Assign a reboot task to specific endpoints' }).category).toBe('Execute');
    expect(run({ name: 'assign_task', description: 'Assign a task to a team member' }).category).toBe('Write');
  });

  it('a run of a workflow or a flow executes it; explaining a SQL statement hands it to the engine (Execute)', () => {
    expect(run({ name: 'create_flow_run', description: 'Create a new flow run for the given deployment.' }).category).toBe('Execute');
    expect(run({ name: 'explain_sql_statement', description: 'Provide execution plans' }).category).toBe('Execute');
    // A question explained is no SQL.
    expect(run({ name: 'explain_topic', description: 'Explain a query about a topic' }).category).toBe('Read');
  });

  it('a machine powered off or shut down is a change (Write), not a read', () => {
    expect(run({ name: 'shutdown_instance', description: 'Power off a cloud instance' }).category).toBe('Write');
    expect(run({ name: 'power_usage', description: 'Power usage of the device' }).category).toBe('Read');
  });

  it('"GET /route" is a read whatever the route names; a slash with a space only before it starts a path', () => {
    expect(run({ name: 'get_transfers_by_tx_hash', description: 'GET /transfers/tx/{hash} hash: The hash of a transaction.' }).category).toBe('Read');
    // Words around a spaced slash are still listed actions.
    expect(run({ name: 'ip_route', description: 'Show / delete routing entries' }).category).toBe('Destructive');
  });

  it('a one-word name that is as often a noun yields to a lead that returns something ("type")', () => {
    expect(run({ name: 'type', description: 'Returns the string representation of the type of the value stored at key' }).category).toBe('Read');
    expect(run({ name: 'type', description: 'Type text into an input element' }).category).toBe('Write');
  });

  it('browser automation that performs an action on the page is a change; compressing an image returns a copy', () => {
    expect(run({ name: 'stagehand_act', description: 'Performs an action on a web page element, such as a click.' }).category).toBe('Write');
    expect(run({ name: 'compress_image', description: 'Compress a remote image file by giving its URL' }).category).toBe('Read');
  });

  it('an API key the call requires is an input, not a secret it hands back; one the lead retrieves is', () => {
    const needs = run({ name: 'get_trades', description: 'Get older market trades for a symbol. Requires API key.' });
    expect(needs.signals).not.toContain('credentials');
    expect(needs.signals).toContain('needs_credentials');
    expect(run({ name: 'list_exchanges', description: 'Get exchanges with volume - requires Pro API key' }).signals).not.toContain('credentials');
    expect(run({ name: 'get_anon_key', description: 'Gets the anonymous API key for a project.' }).signals).toContain('credentials');
  });

  it('turning off a one-time code or changing how people sign in changes who gets in (admin scope, high)', () => {
    const otp = run({ name: 'disable_transfers_otp', description: 'Disable OTP requirement for transfers' });
    expect(otp.category).toBe('Write');
    expect(otp.signals).toContain('admin_scope');
    expect(otp.severity).toBe('high');
  });

  it('the "all" of a reading lead says how much is listed, not how much the name\'s action reaches', () => {
    const run_ = run({ name: 'run_plugin', description: 'List all available plugins that can be used for memory analysis.' });
    expect(run_.signals).not.toContain('bulk_scope');
  });

  it('a word as often a noun in a name is what a retrieving lead retrieves when its sentence names it', () => {
    expect(run({ name: 'vm_label_values', description: 'Get all unique values for a specific label' }).category).toBe('Read');
    expect(run({ name: 'search_book', description: 'Searches for book information using the given keyword.' }).category).toBe('Read');
  });

  it('logging work, a meal or a decision records an entry (Write); "log" alone names logs', () => {
    expect(run({ name: 'log_work', description: 'Log work time on an issue.' }).category).toBe('Write');
    expect(run({ name: 'git_log', description: 'Shows the commit logs' }).category).toBe('Read');
  });

  it('a lone quantity parameter is no money where nothing speaks of money', () => {
    const c = run({ name: 'pantry_item', description: 'Pantry item for a user', inputSchema: { properties: { quantity: { type: 'number' } } } });
    expect(c.category).not.toBe('Financial');
  });

  it('an open order, a repayment record and a loan looked up are reads, not orders or loans', () => {
    expect(run({ name: 'FuturesOpenOrder', description: 'Query a single open order by its id.' }).category).toBe('Read');
    expect(run({ name: 'LoanRepayHistory', description: 'Get repayment history for flexible loans.' }).category).toBe('Read');
    expect(run({ name: 'LoanCollateralAssets', description: 'Get available collateral assets for flexible crypto loans.' }).category).toBe('Read');
    // Opening one is still an order.
    expect(run({ name: 'open_order', description: 'Open a new limit order for a symbol.' }).category).toBe('Financial');
  });

  it('a lead that returns or shows what a noun-verb name word names retrieves it ("Returns the latest trades")', () => {
    expect(run({ name: 'dexPairsTradeLatest', description: 'Returns up to the latest 100 trades for 1 spot pair.' }).category).toBe('Read');
    expect(run({ name: 'ledger_register', description: 'Show transaction register' }).category).toBe('Read');
  });

  it('submitting code or a query runs it; submitting a task with fixed inputs queues work (Write)', () => {
    expect(run({ name: 'submit_query', description: 'Submit a SQL query to the warehouse' }).category).toBe('Execute');
    expect(run({ name: 'submit_tryon_task', description: 'Submit a tryon task with user image url and cloth image url' }).category).toBe('Write');
  });

  it('text typed into a terminal runs as a command, and a scheduled or cron job runs code (Execute)', () => {
    expect(run({ name: 'write_to_terminal', description: 'Writes text to the active terminal' }).category).toBe('Execute');
    expect(run({ name: 'create_scheduled_job', description: 'Create an automated job to execute a notebook on a schedule.' }).category).toBe('Execute');
    expect(run({ name: 'create_task', description: 'Create a new task in a project' }).category).toBe('Write');
  });

  it('review 6: a terminal process runs on the host, a recycled node loses its machine, a membership is access, a shared drive is a whole workspace', () => {
    const term = run({ name: 'start_process', description: 'Start a new terminal process with state detection.' });
    expect(term.category).toBe('Execute');
    expect(term.signals).toContain('host_shell');
    expect(run({ name: 'recycle_node', description: 'Recycle a node in a Kubernetes cluster' }).category).toBe('Destructive');
    expect(run({ name: 'create_membership', description: 'Create a membership in a chat room.' }).severity).toBe('high');
    expect(run({ name: 'shared_drive_delete', description: 'Delete a Shared Drive' }).severity).toBe('critical');
  });

  it('browser automation acts in pages (Write); an autonomous browser automation agent follows whatever task it is given (Execute)', () => {
    expect(run({ name: 'browser', description: 'Interactive browser automation' }).category).toBe('Write');
    expect(run({ name: 'browser_use_agent', description: 'This tool employs an open-source browser automation agent for fast tasks.' }).category).toBe('Execute');
    expect(run({ name: 'web_fetch', description: 'Extract readable text content from a webpage using Chrome browser automation.' }).category).toBe('Read');
  });

  it("each action of the lead's own list is an operation with its own category", () => {
    const c = run({ name: 'pages', description: 'Perform various page operations (create, archive, restore, search, update)' });
    expect(c.operations.map((o) => o.action).sort()).toEqual(['archive', 'create', 'restore', 'search', 'update']);
    expect(c.operations.find((o) => o.action === 'search')!.category).toBe('Read');
    const tabs = run({ name: 'browser_tabs', description: 'List, create, close, or select a browser tab.' });
    expect(tabs.operations.find((o) => o.action === 'close')!.category).toBe(tabs.category);
    expect(tabs.operations.find((o) => o.action === 'List')!.category).toBe('Read');
  });

  it('creating what a hosting provider bills for while it exists is a billing commitment (Financial, one step lower)', () => {
    const neon = classify(rules, { name: 'create_project', description: 'Create a new Neon project.' }, { title: 'Neon', prefixWords: new Set() });
    expect(neon.category).toBe('Financial');
    expect(neon.signals).toContain('billable_resource');
    expect(neon.severity).toBe('high');
    expect(run({ name: 'create_redis', description: 'Create and list Azure Redis resources' }).category).toBe('Financial');
    // A tracker's project, a free cluster and a database user bill nothing.
    expect(classify(rules, { name: 'create_project', description: 'Create a new project' }, { title: 'Linear', prefixWords: new Set() }).category).toBe('Write');
    expect(run({ name: 'atlas_create_free_cluster', description: 'Create a free MongoDB Atlas cluster' }).category).toBe('Write');
    expect(run({ name: 'atlas_create_db_user', description: 'Create a MongoDB Atlas database user' }).category).not.toBe('Financial');
  });

  it('a word that acts only as a whole name ("is") is no operation in prose, and an opening condition ("If … is omitted or empty,") is no action', () => {
    const cams = run({ name: 'reboot-cameras', description: 'this tool is for rebooting one or more cameras' });
    expect(cams.operations.map((o) => o.action.toLowerCase())).not.toContain('is');
    expect(run({ name: 'create_discounts', description: 'If `code` is omitted or empty, a random code is generated.' }).category).toBe('Write');
  });

  it('opening stored nodes or entries by name reads them; opening a tab or an issue is a change', () => {
    expect(run({ name: 'open_nodes', description: 'Open specific nodes in the knowledge graph by their names' }).category).toBe('Read');
    expect(run({ name: 'open_tab', description: 'Open a new browser tab' }).category).toBe('Write');
  });

  it('a new deployment ships code (Execute); a deployment pipeline created is configuration', () => {
    expect(run({ name: 'create_deployment', description: 'Create a new deployment for an app' }).category).toBe('Execute');
    expect(run({ name: 'pipelines_create', description: 'Create new deployment pipelines for an app' }).category).toBe('Write');
  });

  it('rebuilding a machine or a hosted database wipes its disk (Destructive); rebuilding an index or a pipeline does not', () => {
    expect(run({ name: 'rebuild_instance', description: 'Rebuild a cloud instance' }).category).toBe('Destructive');
    expect(run({ name: 'rebuild_vector_index', description: 'Rebuild the vector index in the instance.' }).category).toBe('Write');
    expect(run({ name: 'rebuild_pipeline', description: 'Rebuild a pipeline' }).category).toBe('Execute');
    expect(run({ name: 'enforce_mfa', description: 'Enforce phishing-resistant MFA for all users' }).severity).toBe('high');
  });

  it('review 7: impersonating a user is an admin change, an airdrop and a completed draft order are Financial, a GraphQL schema introspected is read', () => {
    expect(run({ name: 'impersonate_user', description: 'Impersonate another user (admin only)' }).severity).toBe('high');
    expect(run({ name: 'start_airdrop', description: 'Perform the token airdrop to employee wallets' }).category).toBe('Financial');
    expect(run({ name: 'complete-draft-order', description: 'Complete a draft order' }).category).toBe('Financial');
    expect(run({ name: 'introspection-graphql', description: 'Introspection GraphQL schema, use this tool before doing a query' }).category).toBe('Read');
    expect(run({ name: 'resubscribeContact', description: 'Resubscribe contact in mailmodo' }).category).toBe('Write');
  });

  it('a rating or a wantlist entry removed is given again in one call (one step lower); "actions like delete" is no like', () => {
    expect(run({ name: 'delete_release_rating', description: "Deletes the release's rating for a given user" }).severity).toBe('medium');
    expect(run({ name: 'manage_file', description: 'Perform actions like move, rename, copy, or delete a file.' }).severity).toBe('high');
  });

  it('filing a message the user received reaches nobody (no public audience); sending or editing one does', () => {
    expect(run({ name: 'dismiss_notification', description: 'Dismiss notification' }).signals).not.toContain('public_audience');
    expect(run({ name: 'edit_message', description: 'Edit a message in the chat.' }).signals).toContain('public_audience');
  });

  it('an invoice or a payment link asks someone else to pay: Financial, one step lower (nothing has moved yet)', () => {
    const link = run({ name: 'create_payment_link', description: 'Create a payment link for a product' });
    expect([link.category, link.severity]).toEqual(['Financial', 'high']);
    expect(run({ name: 'send_invoice', description: 'Send an invoice to recipients' }).signals).toContain('bills_customer');
  });

  it('a dash with space on both sides ends the lead’s clause, so the quoted action stops there; a hyphen inside a word does not', () => {
    const pg = run({ name: 'pg_manage_functions', description: 'Manage PostgreSQL functions - get, create, or drop functions with a single tool.', inputSchema: { type: 'object', properties: { operation: { type: 'string', enum: ['get', 'create', 'drop'] } } } });
    expect(pg.operations.map((o) => o.action)).toContain('Manage PostgreSQL functions');
    expect(pg.operations.map((o) => o.action)).not.toContain('Manage PostgreSQL functions - get');
    expect(run({ name: 'export_report', description: 'Export a read-only report of the team' }).operations[0]!.action).toBe('Export a read-only report of the team');
  });

  it('a sort, navigation or priority order is an ordering of items, not a market order (Write); an order on its own still is one', () => {
    expect(run({ name: 'update_navigation_order', description: 'Update the navigation order of a document by modifying its frontmatter.' }).category).toBe('Write');
    expect(run({ name: 'update_policy_priorities', description: 'Update the priority order of policies' }).category).toBe('Write');
    expect(run({ name: 'update_order', description: 'Update an existing order' }).category).toBe('Financial');
    expect(run({ name: 'remove_item_from_order', description: 'Remove an item from an order' }).category).toBe('Destructive');
  });

  it('a "query" parameter of a SQL database tool takes the SQL that runs (Execute); a search query does not', () => {
    const sqlQuery = { type: 'object', properties: { query: {} } };
    expect(run({ name: 'update_data', description: 'Updates data in a table in the MySQL database.', inputSchema: sqlQuery }).category).toBe('Execute');
    expect(run({ name: 'update_data', description: 'Updates data in a table.', inputSchema: sqlQuery }).category).toBe('Write');
    const docs = run({ name: 'get_python_docs', description: 'Get Python documentation for a given query', inputSchema: { type: 'object', properties: { query: { type: 'string', description: 'The search query for Python documentation' } } } });
    expect(docs.category).toBe('Read');
    expect(docs.signals).not.toContain('freeform_code');
  });

  it('the user’s browsing history is a private read (one step up); a page’s own history is not named so', () => {
    const h = run({ name: 'get-recent-browser-history', description: 'Get the list of recent browser history' });
    expect([h.category, h.severity]).toEqual(['Read', 'medium']);
    expect(run({ name: 'get_page_history', description: 'Get the revision history of a wiki page' }).severity).toBe('low');
  });

  it('moving something to the trash or the recycling bin deletes it with a way back (Destructive, one step lower); moving it anywhere else, or out of the trash, is a Write', () => {
    const bin = run({ name: 'products_archive', description: 'Move an Object identified by ID to the recycling bin.' });
    expect([bin.category, bin.severity]).toEqual(['Destructive', 'medium']);
    expect(run({ name: 'delete_file', description: 'Moves a file to the trash.' }).category).toBe('Destructive');
    expect(run({ name: 'move_file', description: 'Move a file to the archive folder' }).category).toBe('Write');
    expect(run({ name: 'restore_file', description: 'Move a file out of the trash to its folder' }).category).toBe('Write');
  });

  it('Japanese is read in its own kanji: 作成・実行 lists create and run (Execute), 削除 deletes; 実行 after a click performs it and runs nothing', () => {
    expect(run({ name: 'create_simulation', description: 'ファイルからシミュレーションを作成・実行します。' }).category).toBe('Execute');
    expect(run({ name: 'remove_item', description: '指定したアイテムを削除します' }).category).toBe('Destructive');
    expect(run({ name: 'mouse_click', description: '指定された座標でマウスクリックを実行します' }).category).toBe('Write');
    expect(run({ name: 'gmail_get_message', description: '指定したmessageIdのメール本文と詳細を取得します。' }).category).toBe('Read');
  });

  it('a force switch on a push replaces the remote history (Destructive); "force" elsewhere only skips a check', () => {
    const force = { type: 'object', properties: { force: { type: 'boolean', description: 'Whether to force push' } } };
    expect(run({ name: 'git_push', description: 'Push changes to a remote repository.', inputSchema: force }).category).toBe('Destructive');
    expect(run({ name: 'git_push', description: 'Push changes to a remote repository.' }).category).toBe('Write');
    expect(run({ name: 'update_docs', description: 'Update documentation from the source.', inputSchema: force }).category).toBe('Write');
  });

  it('an action joined by "and optionally" counts like one joined by "and" (edit a cell and optionally execute it: Execute)', () => {
    expect(run({ name: 'edit_cell_content', description: 'Edit the content of a specific cell by its index and optionally execute it' }).category).toBe('Execute');
  });

  it('completing a prepared database migration applies it (Execute); a later name verb the lead starts with says what a generated name does', () => {
    expect(run({ name: 'complete_database_migration', description: 'Complete a database migration when the user confirms the migration is ready to be applied to the main branch.' }).category).toBe('Execute');
    expect(run({ name: 'complete_auth_methods_migration', description: 'Set Authentication Methods Manage Migration to Complete' }).category).toBe('Write');
    expect(run({ name: 'registerWidgetGetStakingHistory', description: 'Get Staking History API allows users to retrieve their historical staking records' }).category).toBe('Read');
    // A lead that only returns something still does not overrule a name that acts.
    expect(run({ name: 'delete_user', description: 'Returns the result of the operation' }).category).toBe('Destructive');
  });

  it('an API route sent with POST that ends in a read action reads (POST /databases/{id}/query); one that ends in a thing is a change', () => {
    const q = run({ name: 'API-post-database-query', description: 'Description not available' });
    expect(q.category).toBe('Read');
    expect(q.object).toBe('database');
    expect(run({ name: 'API-post-page', description: 'Description not available' }).category).toBe('Write');
  });
});
