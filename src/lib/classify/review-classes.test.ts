/**
 * Classes of error a blind review of 150 random tools found, each on a small
 * definition written here (not a tool of the data): one rule per class.
 */
import { describe, expect, it } from 'vitest';
import { loadRules } from '../rules/load-rules.ts';
import { classify } from './classify.ts';
import type { ClassifyInput } from './types.ts';

const rules = loadRules();
const plain = { title: 'Test', prefixWords: new Set<string>() };
const run = (input: ClassifyInput) => classify(rules, input, plain);

describe('review classes', () => {
  it('words inside <…>, {…} or […] placeholders, and quoted parameter names, are not actions', () => {
    expect(run({ name: 'bucket_counts', description: 'The number of matching rows for the given <filter> on the given [<start> ... <end>] range.' }).category).toBe('Read');
    expect(run({ name: 'bucket_counts', description: 'The number of rows between {start} and {stop} in a table.' }).category).toBe('Read');
    const quoted = { name: 'span_counts', description: "The number of spans after 'start' in a trace.", inputSchema: { properties: { start: { type: 'string' } } } };
    expect(run(quoted).category).toBe('Read');
    // Outside a placeholder the same word still acts.
    expect(run({ name: 'timer', description: 'Start a timer for the given <duration>.' }).category).toBe('Write');
  });

  it('a name word the retrieving lead uses as a noun does not outrank the lead', () => {
    expect(run({ name: 'atlas_release', description: 'Get all Atlas release information' }).category).toBe('Read');
    expect(run({ name: 'deck-card-build', description: 'Tool for retrieving deck card build information.' }).category).toBe('Read');
    // A name that acts on something the lead does not retrieve keeps its action.
    expect(run({ name: 'atlas_release', description: 'Get the version and publish it' }).category).not.toBe('Read');
    // A rug pull is a scam looked for, not a pull.
    expect(run({ name: 'token_scam_detection', description: 'Comprehensive rug pull detection combining several checks' }).category).toBe('Read');
  });

  it('an adjective that is an action word too, right after an action word and before a noun, is a modifier', () => {
    expect(run({ name: 'export_map_data', description: 'Q2.1: Export complete map with notes and sources' }).category).toBe('Read');
    expect(run({ name: 'table_rows', description: 'Step 3: Export empty rows of a table' }).category).not.toBe('Destructive');
    // Before an article it acts.
    expect(run({ name: 'task_step', description: 'Complete the task' }).category).toBe('Write');
  });

  it('populating a transaction fills in its fields for the wallet to sign, like building one (Financial, nothing sent yet)', () => {
    const filled = run({ name: 'evm_populate_tx', description: 'Populate a transaction with missing fields' });
    expect([filled.category, filled.severity]).toEqual(['Financial', 'high']);
    // Sending one still moves money.
    expect(run({ name: 'evm_send_tx', description: 'Send a transaction to the network' }).category).toBe('Financial');
  });

  it('switching something on or off is a change (Write)', () => {
    expect(run({ name: 'lamp_power', description: 'Turn the desk lamp on or off' }).category).toBe('Write');
  });

  it('a Chinese negation before a phrase cancels it: 不删除 ("does not delete"), 不可撤销 ("cannot be undone")', () => {
    expect(run({ name: 'archive_note', description: '归档笔记，不删除任何数据' }).category).not.toBe('Destructive');
    const c = run({ name: 'delete_node', description: '删除节点。此操作不可撤销' });
    expect(c.category).toBe('Destructive');
    expect(c.evidence.map((e) => e.text)).toContain('删除');
    expect(c.evidence.map((e) => e.text)).not.toContain('撤销');
  });

  it('skipping a track, playing one, equipping an item and denying a pending request are changes (Write)', () => {
    expect(run({ name: 'last-song', description: 'Skip to the previous song' }).category).toBe('Write');
    expect(run({ name: 'player_start', description: 'Play a specific playlist on the active device' }).category).toBe('Write');
    expect(run({ name: 'hold-thing', description: 'Equip a specific sword' }).category).toBe('Write');
    expect(run({ name: 'deny_command', description: 'Deny a pending command' }).category).toBe('Write');
    // Playing a sound is passing output; equipping an agent with a tool says what the tool offers.
    expect(run({ name: 'beep', description: 'Play a notification sound' }).category).toBe('Read');
    expect(run({ name: 'ask_oracle', description: 'Oracle equips agents with a tool for gathering facts from the web' }).category).toBe('Read');
    expect(run({ name: 'random_cards', description: 'Draw cards from a deck of playing cards' }).category).toBe('Read');
  });

  it('a boolean switch that truncates, drops or deletes what exists first adds that destructive step', () => {
    const copy = run({ name: 'copy_table', description: 'Copy rows from one table to another', inputSchema: { properties: { source: { type: 'string' }, target: { type: 'string' }, truncateTarget: { type: 'boolean', default: false } } } });
    expect(copy.category).toBe('Destructive');
    expect(copy.operations.map((o) => o.action)).toContain('truncateTarget');
    expect(run({ name: 'move_bucket', description: 'Rename a bucket', inputSchema: { properties: { name: { type: 'string' }, drop_existing: { type: 'boolean' } } } }).category).toBe('Destructive');
    // A switch that protects, or one that only lifts the refusal to overwrite, adds no deletion.
    expect(run({ name: 'copy_table', description: 'Copy rows from one table to another', inputSchema: { properties: { delete_protection: { type: 'boolean' } } } }).category).toBe('Write');
    expect(run({ name: 'write_types', description: 'Write type definitions to a folder', inputSchema: { properties: { overwrite: { type: 'boolean', description: 'Whether to overwrite existing files' } } } }).category).toBe('Write');
    // A string naming what to delete is an argument, not a switch.
    expect(run({ name: 'copy_table', description: 'Copy rows from one table to another', inputSchema: { properties: { deleteAfter: { type: 'string' } } } }).category).toBe('Write');
  });

  it('a generic API client whose caller chooses method and path is Execute', () => {
    const client = run({ name: 'acme assistant', description: 'Acme cloud API client with retries', inputSchema: { properties: { method: { type: 'string' }, path: { type: 'string' }, body: { type: 'object' } } } });
    expect(client.category).toBe('Execute');
    expect(client.evidence.some((e) => e.text === 'method + path')).toBe(true);
    expect(run({ name: 'acme assistant', description: 'Microsoft Graph API client with field selection' }).category).toBe('Execute');
    // A method enum is an operation parameter: its worst value decides.
    expect(run({ name: 'call_api', description: 'Call the Acme API', inputSchema: { properties: { method: { type: 'string', enum: ['GET', 'DELETE'] }, path: { type: 'string' } } } }).category).toBe('Destructive');
    // Creating something that holds a method (a mock endpoint) stays a change.
    expect(run({ name: 'create_mock', description: 'Create mock API endpoints for testing', inputSchema: { properties: { method: { type: 'string' }, endpoint: { type: 'string' } } } }).category).toBe('Write');
  });
});
