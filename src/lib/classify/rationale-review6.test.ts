/**
 * Rationale text classes the sixth review found garbled, each pinned on a
 * small definition written here: the sentence a class produced, and what it
 * says instead.
 */
import { describe, expect, it } from 'vitest';
import { loadRules } from '../rules/load-rules.ts';
import { classify } from './classify.ts';
import { writeRationale } from './rationale.ts';

const rules = loadRules();
const ctx = { title: 'Test', prefixWords: new Set<string>() };
const said = (name: string, description: string, params?: Record<string, unknown>, server = 'Test') => {
  const input = { name, description, ...(params ? { inputSchema: { type: 'object', properties: params } } : {}) };
  const c = classify(rules, input, { ...ctx, title: server });
  return { c, r: writeRationale(c, { rules, name, server, policyKind: 'rate', policyBecause: 'reasons', description, params: Object.keys(params ?? {}) }) };
};

describe('rationale text classes of review 6', () => {
  it('a name matched whole as a verb and its message ("send_email") sends it to whoever it is addressed to, not "changes a message to people outside the tool"', () => {
    const { c, r } = said('send_email', 'Description not available');
    expect(c.category).toBe('Write');
    expect(r).toContain('send_email sends an email to whoever it is addressed to on Test');
    expect(r).not.toContain('changes a message');
    // The description's own words still win when it names the object.
    expect(said('send_email', 'Send an email to a recipient').r).toContain('sends an email to a recipient on Test');
    // A verb that reaches its object through a preposition gets it back.
    expect(said('reply_widget_tweet', '').r).not.toContain('replies a');
  });

  it('what a request is for ("the request to disable OTP on your transfers") is part of the object, not a purpose that ends it', () => {
    const r = said('finalize_disable_widget', 'Finalize the request to disable widgets on your transfers').r;
    expect(r).toContain('finalizes the request to disable widgets on the user’s transfers on Test');
  });

  it('name words the server title spells as one CamelCase word stay one word ("WildFly", not "wild fly"), and an acronym the name writes in capitals stays so', () => {
    const r = said('invokeGizmoHubCLIOperation', '', undefined, 'GizmoHub MCP Server').r;
    expect(r).toContain('invokes a GizmoHub CLI operation on GizmoHub MCP Server');
    // A type name in brackets is code, not the prose's spelling.
    expect(said('get_manga_widget', 'Get a widget. Args: kind (MangaWidget): the kind').r).not.toContain('MangaWidget on');
  });

  it('"run_doctor" runs its doctor command, not "a doctor"; a read that analyzes or converts its object reports about it or makes something of it, rather than handing it back', () => {
    const doctor = said('run_doctor', 'Iteratively install upgrades and run tests').r;
    expect(doctor).toContain('run_doctor runs its doctor command on Test');
    expect(said('run_pipeline', 'Run a pipeline').r).toContain('runs a pipeline on Test');
    const { c, r } = said('gizmo_code', 'Analyzes codebases with Gizmo.');
    expect(c.category).toBe('Read');
    expect(r).toContain('what it reports about the codebases');
    expect(r).not.toContain('(the codebases)');
    expect(said('convert_widget', 'Convert a widget to PNG').r).toContain('what it makes of the widget');
  });

  it('an admin-scope write names what it found: a payee payments can later go to, a credential the server uses, not "who can do what"', () => {
    const payee = said('create-widget-payee', '').r;
    expect(payee).toContain('adds a payee on Test, someone payments can later be sent to');
    expect(payee).not.toContain('who can do what');
    const key = said('setApiKey', '').r;
    expect(key).toContain('changes a credential Test uses');
    expect(key).not.toContain('who can do what');
    expect(said('assign_widget_role', 'Assign a role to a user').r).toContain('who can do what');
  });

  it('an item’s ACL is who may do what, not a record: its access rules are taken away, not "records" lost', () => {
    const { c, r } = said('widget-clear-item-acl', 'Clears all access rules from a Widget item by its ID.');
    expect(c.objectKind?.id).toBe('permission');
    expect(r).toContain('takes away someone’s access or role (the access rules)');
    expect(said('widget-add-item-acl-by-id', 'Adds an access control entry to a Widget item by its ID.').c.objectKind?.id).toBe('permission');
    // An item alone is still a record.
    expect(said('delete_widget_item', 'Delete a widget item').c.objectKind?.id).toBe('record');
  });

  it('a verb word that is the object of the name’s action ("block" of "append-block-children") is no operation; a list of actions ("create_run_close", "create_or_update") still is', () => {
    const { c } = said('append-block-children', 'Append new children blocks to a parent widget');
    expect(c.category).toBe('Write');
    expect(c.operations.map((o) => o.action.toLowerCase())).not.toContain('block');
    expect(c.operations[0]!.action.toLowerCase()).toMatch(/^append/);
    expect(said('create_run_close', 'Create a sandbox, run code, and close it').c.operations.map((o) => o.action.toLowerCase())).toContain('run');
    expect(said('create_or_update_widget', '').c.operations.map((o) => o.action.toLowerCase())).toContain('update');
  });

  it('from the 30 pages: plural objects are removed as "them", a participle before a preposition is no part of what is lost, mass nouns take no article, a vote is cast', () => {
    expect(said('add_labels', 'Add labels to a card').r).toContain('removes them');
    expect(said('create_page', 'Create an HTML page displaying comics').r).toContain('removes it');
    // The head noun decides the article too: "an unwanted HTML page displaying comics".
    expect(said('create_page', 'Create an HTML page displaying comics').r).toContain('leaves an unwanted HTML page displaying comics');
    expect(said('create_exploratory_sessions', 'Create exploratory testing sessions').r).toMatch(/leaves unwanted exploratory testing sessions on Test until someone notices and removes them/);
    expect(said('delete_upstream_associated_to_a_target', 'Delete an upstream associated to a target').r).not.toContain('upstream associated for');
    expect(said('get_air_quality', 'Get air quality for a city').r).not.toContain('an air quality');
  });

  it('a deleted credential is costly to lose: its rationale does not say a wrong call costs little', () => {
    const { c, r } = said('delete_credential', 'Delete a credential by ID.');
    expect(c.category).toBe('Destructive');
    expect(r).not.toContain('costs little');
  });

  it('"new" names no action in a sentence: a NewOrder tool places an order, and "The New Order API allows users to …" is no object', () => {
    const { c, r } = said('WidgetNewOrder', 'The Volume Participation (VP) New Order API allows users to place a VP order on futures.');
    expect(c.category).toBe('Financial');
    expect(r).toMatch(/^WidgetNewOrder places an order on Test/);
    expect(r).not.toContain(' news ');
  });

  it('a move that deletes says where it goes: "moves an Object to the recycling bin", not a harmless "moves an Object"', () => {
    expect(said('products_archive', 'Move an Object identified by ID to the recycling bin.').r).toMatch(/^products_archive moves an Object to the recycling bin on Test/);
  });

  it('a destructive switch says what the tool itself does and what the switch destroys; activities after a preposition take no article', () => {
    const r = said('git_push', 'Push changes to a remote repository.', { force: { type: 'boolean', description: 'Whether to force push' } }).r;
    expect(r).toContain('git_push pushes changes to a remote repository on Test, and its force switch replaces the remote branch');
    expect(r).not.toContain('makes a change');
    expect(said('k8s_drain_node', 'Drain a node in preparation for maintenance.').r).toContain('in preparation for maintenance');
    expect(said('upload_ad_image', 'Upload an image to use in ads.').r).not.toContain('to a use');
  });

  it('"X API allows users to …" names X: the object stops where the API starts describing itself', () => {
    const r = said('WidgetGetEthRedemptionHistory', 'Get ETH Redemption History API allows users to retrieve their redemption records').r;
    expect(r).toMatch(/^WidgetGetEthRedemptionHistory gets ETH Redemption History on Test/);
    expect(r).not.toContain('allows users');
  });
});
