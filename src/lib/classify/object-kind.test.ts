import { describe, expect, it } from 'vitest';
import { compileRules, loadRules } from '../rules/load-rules.ts';
import { objectKindsSchema } from '../../schemas/rules.ts';
import { classify } from './classify.ts';

const rules = loadRules();
const judge = (name: string, description: string, title = 'Test') => classify(rules, { name, description }, { title, prefixWords: new Set<string>() });

describe('object kinds read in context', () => {
  it('a keyboard key, a key fact or a foreign key is no secret; an API, SSH or signing key is', () => {
    expect(judge('press_key', 'Press a keyboard key or key combination').objectKind).toBeUndefined();
    expect(judge('send_keys', 'Send keys to the focused element, aka typing').objectKind).toBeUndefined();
    expect(judge('extract_key_facts', 'Extract key facts from an article').objectKind).toBeUndefined();
    expect(judge('create_api_key', 'Create a new API key for the project').objectKind?.id).toBe('secret');
    expect(judge('delete_key', 'Delete an SSH key from the account').objectKind?.id).toBe('secret');
    expect(judge('revoke_key', 'Revoke a trading key').objectKind?.id).toBe('secret');
  });

  it('a whiteboard group is no permission; an IAM or member group is', () => {
    const board = judge('delete_group', 'Delete a group of shapes from a whiteboard');
    expect(board.objectKind?.id).not.toBe('permission');
    expect(judge('add_user_to_group', 'Add a user to an IAM group').objectKind?.id).toBe('permission');
    expect(judge('update_group', 'Update the members and roles of a group').objectKind?.id).toBe('permission');
    // A phrase of a kind names it without context: a security group is a firewall.
    expect(judge('delete_security_group', 'Delete a security group').objectKind?.id).toBe('infrastructure');
  });

  it('a service a travel agency sells is no running infrastructure; a deployed service is', () => {
    expect(judge('delete_service', 'Delete a service', 'Travel Booking Server').objectKind?.id).not.toBe('infrastructure');
    expect(judge('delete_service', 'Delete a tour service from the agency catalogue').objectKind?.id).not.toBe('infrastructure');
    expect(judge('delete_service', 'Delete a service from the Kubernetes cluster').objectKind?.id).toBe('infrastructure');
  });

  it('a route from A to B is no infrastructure; a gateway route or plugin is', () => {
    expect(judge('get_route', 'Plan a driving route between two addresses').objectKind).toBeUndefined();
    expect(judge('find_best_route', 'Find the best swap route across DEXs').objectKind).toBeUndefined();
    const gw = judge('create_route', 'Create a route on the API gateway');
    expect([gw.objectKind?.id, gw.severity]).toEqual(['infrastructure', 'high']);
    const plugin = judge('create_plugin', 'Kong Admin API tool for plugins - create operations');
    expect([plugin.objectKind?.id, plugin.severity]).toEqual(['infrastructure', 'high']);
    // An editor's plugin reaches nobody else.
    expect(judge('create_plugin', 'Create a new plugin project for the design editor').objectKind?.id).not.toBe('infrastructure');
  });

  it('the server name is context too: a route on an APISIX server is a gateway route', () => {
    expect(judge('create_route', 'Create a route', 'APISIX').objectKind?.id).toBe('infrastructure');
  });

  it('a phrase before a word of a kind qualifies it ("pull request comments" are comments)', () => {
    expect(judge('create_pull_request', 'Open a new pull request').objectKind?.id).toBe('branch');
    expect(judge('get_pull_request_comments', 'List comments on a pull request').objectKind?.id).toBe('record');
  });

  it('word_senses compile from any objects definition, and must name a kind word', () => {
    const base = rules.raw;
    const objects = objectKindsSchema.parse({
      kinds: [{ id: 'pet', words: ['cat', 'big cat'], loss: 'low', undo: 'recreate', audience: 'user', phrase: 'a pet' }],
      word_senses: [{ words: ['cat'], with: ['pet', 'kitten'], not_with: ['unix'] }],
    });
    const mine = compileRules(base, rules.severity, rules.policy, 'test', objects);
    const kind = (name: string, description: string) => classify(mine, { name, description }, { title: 'T', prefixWords: new Set<string>() }).objectKind?.id;
    expect(kind('delete_cat', 'Delete a pet cat')).toBe('pet');
    expect(kind('delete_cat', 'Delete a cat')).toBeUndefined();
    expect(kind('delete_cat', 'Delete a unix cat pet')).toBeUndefined();
    expect(kind('delete_big_cat', 'Delete a big cat')).toBe('pet');
    const bad = objectKindsSchema.parse({ kinds: objects.kinds, word_senses: [{ words: ['dog'], with: ['pet'] }] });
    expect(() => compileRules(base, rules.severity, rules.policy, 'test', bad)).toThrow(/names no kind/);
  });
});

describe('reads that run a query language or send a stored token', () => {
  it('a query in a language that can only read is Read; over logs it reveals private records', () => {
    const logs = judge('query', 'Executes LogsQL query expression to search log entries.');
    expect([logs.category, logs.severity]).toEqual(['Read', 'medium']);
    expect(logs.signals).toEqual(expect.arrayContaining(['read_only', 'private_data']));
    const metrics = judge('query_metrics', 'Execute PromQL against Prometheus');
    expect([metrics.category, metrics.severity]).toEqual(['Read', 'low']);
    // SQL is no read-only language.
    expect(judge('query', 'Executes an SQL query against the database').category).toBe('Execute');
  });

  it('a fetch of a caller-given URL with the server’s stored token is no low read', () => {
    const c = judge('describe_image', "Given an image URL, generate a description of the image. The tool will fetch the image using the Slack bot token before sending it on.");
    expect(c.signals).toContain('sends_secrets');
    expect(c.severity).not.toBe('low');
  });
});
