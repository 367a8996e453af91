import { describe, expect, it } from 'vitest';
import { compileRules, loadRules } from '../rules/load-rules.ts';
import { classify } from './classify.ts';
import { writeRationale } from './rationale.ts';

describe('the rationale reads the rules the tool was classified with', () => {
  it('a verb only a custom rules folder knows is a verb in the sentence too', () => {
    const base = loadRules();
    const raw = structuredClone(base.raw);
    raw.verbs.Write.push('frobnicate');
    const mine = compileRules(raw, base.severity, base.policy, 'test', { kinds: [], reversible_phrases: [], throwaway_contexts: [], word_senses: [] });
    const tool = { name: 'frobnicate_widget', description: '' };
    const ctx = { title: 'Test', prefixWords: new Set<string>() };
    const c = classify(mine, tool, ctx);
    expect(c.category).toBe('Write');
    const r = writeRationale(c, { rules: mine, name: tool.name, server: 'Test', policyKind: 'rate', policyBecause: 'reasons', description: tool.description });
    expect(r).toContain('frobnicate_widget frobnicates a widget on Test');
    // Rules in which "widget" is a verb too read no object from the name: the sentence follows the rules it is given.
    raw.verbs.Write.push('widget');
    const other = compileRules(raw, base.severity, base.policy, 'test', { kinds: [], reversible_phrases: [], throwaway_contexts: [], word_senses: [] });
    expect(writeRationale(c, { rules: other, name: tool.name, server: 'Test', policyKind: 'rate', policyBecause: 'reasons', description: tool.description })).not.toContain('frobnicates a widget');
  });
});

describe('what a private read hands back, said for what it reads', () => {
  const rules = loadRules();
  const ctx = { title: 'Test', prefixWords: new Set<string>() };
  const said = (name: string, description: string) => {
    const c = classify(rules, { name, description }, ctx);
    expect(c.signals).toContain('private_data');
    return writeRationale(c, { rules, name, server: 'Test', policyKind: 'approval', policyBecause: 'reasons', description });
  };

  it('an inbox is mail, a channel is what members wrote, a chat is messages; none is called all of them', () => {
    expect(said('list_inbox_messages', 'List messages in the inbox')).toContain('(the user’s own mail)');
    expect(said('get_channel_history', 'Get recent messages from a public channel')).toContain('what people wrote in the workspace’s channels');
    expect(said('get_chat_messages', 'Retrieve all messages from a specific chat')).toContain('(people’s chats and messages)');
    for (const r of [said('get_channel_history', 'Get recent messages from a public channel'), said('get_chat_messages', 'Retrieve all messages from a specific chat')]) expect(r).not.toContain('or mail');
  });

  it('the table is the rules’: a custom entry names what it reads', () => {
    const custom = structuredClone(rules.raw);
    custom.private_reads!.says.unshift({ words: ['inbox'], says: 'the postbox' });
    const mine = compileRules(custom, rules.severity, rules.policy, 'test');
    const c = classify(mine, { name: 'list_inbox_messages', description: 'List messages in the inbox' }, ctx);
    expect(writeRationale(c, { rules: mine, name: 'list_inbox_messages', server: 'Test', policyKind: 'approval', policyBecause: 'reasons', description: 'List messages in the inbox' })).toContain('(the postbox)');
  });
});

describe('objects read from names and descriptions stay whole noun phrases', () => {
  const rules = loadRules();
  const ctx = { title: 'Test', prefixWords: new Set<string>() };
  const first = (name: string, description: string) => writeRationale(classify(rules, { name, description }, ctx), { rules, name, server: 'Test', policyKind: 'rate', policyBecause: 'reasons', description }).split('. ')[0];

  it('a letter-digit-letter run is one word ("C2C", "p2p"), not "c2" and a stray letter', () => {
    expect(first('GetC2CTradeHistory', '')).toContain('gets C2C trade history');
    expect(first('get_p2p_orders', '')).toContain('p2p orders');
  });

  it('"create operations" names no thing: the name’s own object does', () => {
    expect(first('create_widget', 'Admin API tool for widgets - create operations')).toBe('create_widget creates a widget on Test');
  });
});

describe('what a later sentence refers back to is a thing, never a preposition', () => {
  const rules = loadRules();
  const ctx = { title: 'Test', prefixWords: new Set<string>() };
  const said = (name: string, description: string) => writeRationale(classify(rules, { name, description }, ctx), { rules, name, server: 'Test', policyKind: 'allow', policyBecause: 'reasons', description });

  it('"searches for widgets" hands back the widgets, not "the for widgets"', () => {
    const r = said('search_widgets', 'Search for widgets by colour');
    expect(r).toContain('(the widgets)');
    expect(r).not.toMatch(/\(the for /);
  });

  it('"translates from English to Braille" names no thing to refer back to', () => {
    const r = said('translate_braille', 'Translate from English to Braille');
    expect(r).toContain('translates from English to Braille on Test');
    expect(r).not.toMatch(/\(the (from|to) /);
  });
});

describe('what a deletion loses is what the tool names', () => {
  const rules = loadRules();
  const ctx = { title: 'Test', prefixWords: new Set<string>() };
  const said = (name: string, description: string) => writeRationale(classify(rules, { name, description }, ctx), { rules, name, server: 'Test', policyKind: 'approval', policyBecause: 'reasons', description });

  it('the named thing, with the kind in brackets only when it adds the scale', () => {
    expect(said('delete_gizmo_instance', 'Delete a gizmo instance')).toContain('loses the gizmo instance (running infrastructure) for');
    expect(said('delete_widget_fields', 'Delete specific fields from a widget')).toContain('loses the fields for the user, and nothing on Test brings them back');
  });

  it('a removed member loses access, not "who may do what" as a thing', () => {
    const r = said('remove_tester_from_group', 'Remove a tester from a beta group');
    expect(r).toContain('takes away someone’s access or role (the tester)');
    expect(r).not.toContain('loses who may do what');
  });

  it('emptying the trash loses what it held, and the trash is no way back from that', () => {
    const r = said('empty_trash', 'Empty the trash, permanently deleting everything in it.');
    expect(r).toContain('loses everything in the trash');
    expect(r).not.toMatch(/restores? (it|them) from the service’s trash|many at once/);
  });

  it('nothing named and no kind: no "loses what it removes"', () => {
    expect(said('frob_purge', 'Delete things')).not.toMatch(/loses what it removes/);
  });
});

describe('a name with a product word before its verb still says what it acts on', () => {
  const rules = loadRules();
  const ctx = { title: 'Test', prefixWords: new Set<string>() };
  const first = (name: string, description: string) => writeRationale(classify(rules, { name, description }, ctx), { rules, name, server: 'Test', policyKind: 'approval', policyBecause: 'reasons', description }).split('. ')[0];

  it('"r2_delete_bucket" deletes a bucket and "gizmo_delete" deletes a gizmo, when the description says nothing', () => {
    expect(first('r2_delete_bucket', '')).toBe('r2_delete_bucket deletes a bucket on Test');
    expect(first('gizmo_delete', '')).toBe('gizmo_delete deletes a gizmo on Test');
  });

  it('the description’s own object still wins, and a verb that is a noun too is not read this way', () => {
    expect(first('http-delete', 'Makes an HTTP DELETE request')).toContain('makes an HTTP DELETE request');
    expect(first('file_search_agent', '')).not.toContain('searches an agent');
    expect(first('w3_rm', '')).not.toContain('rms');
  });
});

describe('our sentences speak about the user, not to the reader', () => {
  const rules = loadRules();
  const ctx = { title: 'Test', prefixWords: new Set<string>() };
  const said = (name: string, description: string) => writeRationale(classify(rules, { name, description }, ctx), { rules, name, server: 'Test', policyKind: 'allow', policyBecause: 'reasons', description });

  it('"your account" becomes the user’s, and "you" ends the object', () => {
    expect(said('list_gizmos', 'List all gizmos in your account')).toContain('lists all gizmos in the user’s account on Test');
    const r = said('help_me', 'Get information to help you work better');
    expect(r.replace(/“[^”]*”/g, '')).not.toMatch(/\byou\b/);
  });
});

describe('an object read from a name keeps the description’s spelling of its acronyms', () => {
  const rules = loadRules();
  const ctx = { title: 'Test', prefixWords: new Set<string>() };
  const first = (name: string, description: string) => writeRationale(classify(rules, { name, description }, ctx), { rules, name, server: 'Test', policyKind: 'allow', policyBecause: 'reasons', description }).split('. ')[0];

  it('"gizmodb" is "GizmoDB" and "xyz" is "XYZ" when the description spells them so, but a Title Case word stays as the name has it', () => {
    expect(first('get_gizmodb_status_xyz', 'Returns health of the GizmoDB cluster via XYZ')).toContain('GizmoDB status XYZ');
    expect(first('getWidgetArticles', 'Access the latest Widget Articles')).toContain('widget articles');
  });
});

describe('a quoted phrase ends with its sentence', () => {
  const rules = loadRules();
  const ctx = { title: 'Test', prefixWords: new Set<string>() };
  it('"Delete a widget. Args" is quoted as “Delete a widget”', () => {
    const description = 'Delete a widget. Args: widget_id (str): the widget';
    const r = writeRationale(classify(rules, { name: 'delete_widget', description }, ctx), { rules, name: 'delete_widget', server: 'Test', policyKind: 'approval', policyBecause: 'reasons', description });
    expect(r).not.toContain('. Args”');
  });
});

describe('what a wrong Financial call costs depends on how it moves money', () => {
  const rules = loadRules();
  const ctx = { title: 'Test', prefixWords: new Set<string>() };
  const said = (name: string, description: string) => writeRationale(classify(rules, { name, description }, ctx), { rules, name, server: 'Test', policyKind: 'approval', policyBecause: 'reasons', description });

  it('a market order, a payment-provider order, an invoice, a token approval and a leverage change each say their own cost', () => {
    expect(said('place_order', 'Place a market order on the exchange')).toContain('Once the exchange fills the order');
    expect(said('create_order', 'Create an order in PayPal')).toContain('the money has left the account');
    expect(said('finalize_invoice', 'Finalize a draft invoice')).toContain('commits the account or its customer to a charge');
    expect(said('approve_token_spending', 'Approve a spender to use ERC20 tokens')).toContain('until someone revokes the approval on chain');
    expect(said('change_leverage', 'Change initial leverage')).toContain('the exchange can liquidate them');
    expect(said('create_order', 'Create an order in PayPal')).not.toContain('price of that moment');
  });
});

describe('an off-chain signature is not said to be a transaction on chain', () => {
  it('signing typed data says what the signature permits', () => {
    const rules = loadRules();
    const description = 'Sign typed data (EIP-712) with the wallet';
    const c = classify(rules, { name: 'wallet_sign_typed_data', description }, { title: 'Test', prefixWords: new Set<string>() });
    expect(c.category).toBe('Financial');
    const r = writeRationale(c, { rules, name: 'wallet_sign_typed_data', server: 'Test', policyKind: 'approval', policyBecause: 'reasons', description });
    expect(r).not.toContain('Once the chain includes the transaction');
  });
});

describe('a brand in the description’s object is English, an identifier is not', () => {
  const rules = loadRules();
  const ctx = { title: 'Test', prefixWords: new Set<string>() };
  const first = (name: string, description: string) => writeRationale(classify(rules, { name, description }, ctx), { rules, name, server: 'Test', policyKind: 'rate', policyBecause: 'reasons', description }).split('. ')[0];
  it('"Connect to a GizmoDB instance" connects to one; "Update the ModifyWidgetSpecs" names no object', () => {
    expect(first('connect', 'Connect to a GizmoDB instance')).toBe('connect connects to a GizmoDB instance on Test');
    expect(first('update_spec', 'Update the ModifyWidgetSpecs')).not.toContain('ModifyWidgetSpecs');
  });
});

describe('what a Financial tool moves is said for its kind', () => {
  it('a payment-provider order moves money, not market exposure', () => {
    const rules = loadRules();
    const description = 'Create an order in PayPal';
    const r = writeRationale(classify(rules, { name: 'create_order', description }, { title: 'Test', prefixWords: new Set<string>() }), { rules, name: 'create_order', server: 'Test', policyKind: 'approval', policyBecause: 'reasons', description });
    expect(r).toContain('which moves money out of the account');
    expect(r).not.toContain('market exposure');
  });
});

describe('objects that name no thing', () => {
  const rules = loadRules();
  const ctx = { title: 'Test', prefixWords: new Set<string>() };
  const said = (name: string, description: string) => writeRationale(classify(rules, { name, description }, ctx), { rules, name, server: 'Test', policyKind: 'approval', policyBecause: 'reasons', description });

  it('a count or a pronoun is no object: "deleteOne" does not lose "the one", "what_time_is_it" does not return "the it"', () => {
    const one = said('deleteOne', '');
    expect(one).not.toMatch(/\bthe one\b|deletes one\b/);
    expect(one).toContain('removes what the caller names');
    expect(said('ledger_search_all', '')).not.toContain('(the all)');
  });

  it('a plural without an s takes no article: "appends block children", not "a block children"', () => {
    const r = said('append_block_children', 'Append block children');
    expect(r).not.toContain('a block children');
    expect(r).toContain('block children');
  });

  it('a participle phrase is no object: a crawl "starting from a base URL" crawls no "starting"', () => {
    const r = said('site_crawl', 'A web crawler that initiates a structured web crawl starting from a specified base URL.');
    expect(r).not.toMatch(/\ba starting\b|\(the starting\)/);
  });
});
