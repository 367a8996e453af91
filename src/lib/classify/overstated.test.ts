/**
 * Classes of overstated or wrong-kind judgements (a Read or Write tool rated
 * Execute, Financial or Destructive, or the wrong one of those), each on a
 * small definition written for the test.
 */
import { describe, expect, it } from 'vitest';
import { loadRules } from '../rules/load-rules.ts';
import { classify } from './classify.ts';
import type { ClassifyInput } from './types.ts';

const rules = loadRules();
const plain = { title: 'Test', prefixWords: new Set<string>() };
const judge = (def: ClassifyInput) => classify(rules, def, plain);

describe('overstated and wrong-kind classes', () => {
  it('cancelling a subscription ends it (Destructive, critical); changing one changes billing (Financial)', () => {
    const cancel = judge({ name: 'cancel_subscription', description: 'Cancel an active subscription', inputSchema: { properties: { subscription_id: { type: 'string' } } } });
    expect([cancel.category, cancel.severity]).toEqual(['Destructive', 'critical']);
    expect(judge({ name: 'update_subscription', description: 'Update a subscription', inputSchema: { properties: { subscription_id: { type: 'string' } } } }).category).toBe('Financial');
  });

  it('guidance, a price quote, a stored search, a speed test or a read-only query language only read, whatever verb starts them', () => {
    const cases: [string, string][] = [
      ['write_custom_rule', 'Provide guidance for creating lint rules'],
      ['otc_quote', 'Request a quote for an OTC trade'],
      ['run_stored_search', 'Run a stored search by its ID'],
      ['run_speed_test', 'Run a complete speed test returning all metrics'],
      ['run_query', 'Run a tree-sitter query on project files'],
      ['Run-Frequency-Query', 'Run a frequency query on user actions'],
    ];
    for (const [name, description] of cases) expect(judge({ name, description, inputSchema: { properties: { query: { type: 'string' } } } }).category, name).toBe('Read');
    // A query in a language that can write still runs.
    expect(judge({ name: 'run_query', description: 'Run a SQL query on the database', inputSchema: { properties: { query: { type: 'string' } } } }).category).toBe('Execute');
  });

  it('search-and-replace and moving through browser history change state (Write); a block trade is market data', () => {
    expect(judge({ name: 'search_and_replace', description: '' }).category).toBe('Write');
    expect(judge({ name: 'browser_go_back', description: 'Go back to the previous page' }).category).toBe('Write');
    expect(judge({ name: 'block_trade', description: '', inputSchema: { properties: { start_date: { type: 'string' } } } }).category).toBe('Read');
  });

  it('a scratch reasoning tool whose operation parameter creates or deletes diagram elements only reasons (Read)', () => {
    const inputSchema = { properties: { operation: { type: 'string', enum: ['create', 'update', 'delete', 'observe'] }, elementId: { type: 'string' } } };
    expect(judge({ name: 'visual_reasoning', description: 'A tool for visual thinking and problem-solving with diagrams.', inputSchema }).category).toBe('Read');
    // The same parameter on a tool that manages something kept still deletes.
    expect(judge({ name: 'manage_diagram', description: 'Manage diagrams stored in the workspace.', inputSchema }).category).toBe('Destructive');
  });

  it('a "command" parameter with a closed set of values picks an operation; it takes no code', () => {
    const closed = judge({ name: 'text_editor', description: 'View, create and edit files', inputSchema: { properties: { command: { type: 'string', enum: ['view', 'create', 'str_replace', 'insert', 'undo_edit'] }, path: { type: 'string' } } } });
    expect(closed.category).toBe('Write');
    expect(closed.signals).not.toContain('freeform_code');
    const open = judge({ name: 'text_editor', description: 'View, create and edit files', inputSchema: { properties: { command: { type: 'string' }, path: { type: 'string' } } } });
    expect(open.category).toBe('Execute');
  });

  it('a command or query kept as an entry (a whitelist, a blacklist, a saved query) is stored, not run', () => {
    const command = { properties: { command: { type: 'string' } } };
    const allow = judge({ name: 'add_to_whitelist', description: 'Add a command to the whitelist', inputSchema: command });
    expect([allow.category, allow.severity]).toEqual(['Write', 'high']);
    expect(judge({ name: 'block_command', description: 'Add a command to the blacklist. Once blocked, it cannot run until unblocked.', inputSchema: command }).category).toBe('Write');
    expect(judge({ name: 'saved_query_create', description: 'Create a new saved query. Saves a SQL query for later reuse.', inputSchema: { properties: { query_data: { type: 'object' } } } }).category).toBe('Write');
    // The same command parameter on a tool that runs it is Execute.
    expect(judge({ name: 'run_command', description: 'Run a command in the terminal', inputSchema: command }).category).toBe('Execute');
  });

  it('"add or remove" and "set or remove" take a member out of a set or clear a value the add puts back (Write)', () => {
    expect(judge({ name: 'update_event_attendees', description: 'Add or remove attendees from a calendar event' }).category).toBe('Write');
    expect(judge({ name: 'setLayerExpression', description: 'Set or remove an expression for a layer property.' }).category).toBe('Write');
    // A remove on its own, or after a create, still deletes.
    expect(judge({ name: 'remove_attendee', description: 'Remove an attendee from a calendar event' }).category).toBe('Destructive');
    expect(judge({ name: 'manage_events', description: 'Create, update or remove calendar events' }).category).toBe('Destructive');
  });

  it('a name that undoes a removal keeps its word over a lead that says it "removes" from the trash', () => {
    expect(judge({ name: 'untrash_thread', description: 'Remove a thread from the trash' }).category).toBe('Write');
    expect(judge({ name: 'trash_thread', description: 'Remove a thread to the trash' }).category).toBe('Destructive');
  });

  it('closing the browser stops an app (Write); closing a tab or page of it is still Destructive', () => {
    expect(judge({ name: 'playwright_close', description: 'Close the browser and release all resources' }).category).toBe('Write');
    expect(judge({ name: 'close_browser_tabs', description: "Close tabs in the user's browser by tab IDs" }).category).toBe('Destructive');
    expect(judge({ name: 'browser_tabs', description: 'List, create, close, or select a browser tab.' }).category).toBe('Destructive');
  });

  it('cleaning up markup or text returns a tidied copy (Read; Write when it saves one); cleaning up a store still deletes', () => {
    expect(judge({ name: 'minify_json', description: 'Minify JSON by removing whitespace and unnecessary characters.', inputSchema: { properties: { json: { type: 'string' } } } }).category).toBe('Read');
    expect(judge({ name: 'html_cleaner', description: 'Clean HTML by removing unnecessary tags and attributes', inputSchema: { properties: { inputPath: { type: 'string' }, outputDir: { type: 'string' } } } }).category).toBe('Write');
    expect(judge({ name: 'clean_logs', description: 'Clean old log files from the server' }).category).toBe('Destructive');
  });

  it('a tool whose name and lead both retrieve picks with its enum what is looked up, not an operation', () => {
    const inputSchema = { properties: { task: { type: 'string', enum: ['data_sync', 'email_automation', 'scheduling', 'file_processing'] } } };
    expect(judge({ name: 'get_templates_for_task', description: 'Get recommended templates for common automation tasks.', inputSchema }).category).toBe('Read');
    // A tool that acts with the same enum still does what it selects.
    expect(judge({ name: 'run_task', description: 'Run an automation task.', inputSchema }).category).not.toBe('Read');
  });

  it('a GET/POST method enum on a tool whose lead reads says how the query is sent; PUT or DELETE still select changes', () => {
    const schema = (methods: string[]) => ({ properties: { url: { type: 'string' }, method: { type: 'string', enum: methods } } });
    const fetch = judge({ name: 'extract-html-fragment', description: 'Extract a specific HTML fragment from a webpage using CSS selectors', inputSchema: schema(['GET', 'POST']) });
    expect(fetch.category).toBe('Read');
    expect(fetch.signals).toContain('server_side_fetch');
    expect(judge({ name: 'extract-html-fragment', description: 'Extract a specific HTML fragment from a webpage using CSS selectors', inputSchema: schema(['GET', 'POST', 'DELETE']) }).category).toBe('Destructive');
  });

  it('a webhook, event or email subscription says who is notified (Write); a billing subscription stays Financial', () => {
    expect(judge({ name: 'updateWebhookSubscriptions', description: 'Update webhook subscriptions' }).category).toBe('Write');
    expect(judge({ name: 'communications_update_subscription_status', description: 'Update subscription status for multiple contacts' }).category).toBe('Write');
    expect(judge({ name: 'upgrade_subscription', description: 'Upgrade the subscription to the pro plan' }).category).toBe('Financial');
  });
});
