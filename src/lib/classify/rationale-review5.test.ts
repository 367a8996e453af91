/**
 * Rationale text classes the fifth blind review found garbled, each pinned on
 * a small definition written here: the sentence a class produced, and what it
 * says instead.
 */
import { describe, expect, it } from 'vitest';
import { loadRules } from '../rules/load-rules.ts';
import { classify } from './classify.ts';
import { writeRationale } from './rationale.ts';

const rules = loadRules();
const ctx = { title: 'Test', prefixWords: new Set<string>() };
const said = (name: string, description: string, params?: Record<string, unknown>) => {
  const input = { name, description, ...(params ? { inputSchema: { type: 'object', properties: params } } : {}) };
  const c = classify(rules, input, ctx);
  return { c, r: writeRationale(c, { rules, name, server: 'Test', policyKind: 'rate', policyBecause: 'reasons', description, params: Object.keys(params ?? {}) }) };
};

describe('rationale text classes of review 5', () => {
  it('a bracketed gloss after the verb ("Archive (delete) a widget record") leaves the object after it, and a removed message is lost to everyone it reached', () => {
    const { c, r } = said('widgets_archive', 'Archive (delete) a widget record');
    expect(c.category).toBe('Destructive');
    expect(r).toContain('widgets_archive archives a widget record on Test');
    const m = said('delete_tweet', 'Delete a tweet').r;
    expect(m).toContain('for the user and everyone it reached');
    expect(m).not.toContain('whoever receives it');
  });

  it('registering what the user already owns ("Register your account …") leaves no "unwanted user’s account"; creating the user’s own thing leaves an unwanted one', () => {
    const r = said('register_widget', 'Register your account to receive widgets.').r;
    expect(r).not.toMatch(/unwanted user’s/);
    expect(r).toContain('A wrong call stays in effect on Test');
    expect(said('create_widget_address', 'Create your widget address.').r).toContain('leaves an unwanted widget address on Test');
  });

  it('a read named "<verb> <thing> status" whose verb is no look-up ("ConvertOrderStatus") says the description’s action, not "converts order status"', () => {
    const { c, r } = said('WidgetConvertOrderStatus', 'The API checks the status of a widget conversion order and returns its details.');
    expect(c.category).toBe('Read');
    expect(r).toContain('checks the status of a widget conversion order on Test');
    expect(r).not.toContain('converts order status');
    // A look-up verb in the name says it well enough.
    expect(said('get_widget_status', 'Retrieve the status of a widget.').r).toContain('gets widget status on Test');
  });

  it('"List the widgets a user is active on": an article right after a plural noun starts a clause, so the object is "the widgets", not "the widgets a user"', () => {
    const r = said('list_user_widgets', 'List the widgets a user is active on, with their first and last seen times.').r;
    expect(r).toContain('lists the widgets on Test');
    expect(r).toContain('(the widgets)');
    // A verb that takes two objects keeps both.
    expect(said('send_widget', 'Send the user a widget.').r).not.toMatch(/sends the user on/);
  });

  it('a dot inside a word ("Pump.fun", "Node.js") ends no sentence, so the object is not cut to the brand ("sells a Pump"); a dotted name alone takes no article', () => {
    const r = said('sell_widget', 'Sell a Widget.fun token').r;
    expect(r).toContain('sells a Widget.fun token on Test');
    expect(said('search_widget_docs', 'Search widget.dev for examples').r).toContain('searches widget.dev for examples on Test');
    // A dot before a capitalised word still ends the sentence.
    expect(said('get_widget_info', 'get a widget setting.For example the colour').r).not.toContain('setting.For');
  });

  it('a quote goes on to the end of a word ("48-character", not "48") and past a word it cannot stop on ("and all" goes on to "its resources")', () => {
    const r = said('set_widgetkey', 'Use this function to create and store a new regular 48-character widgetkey. Then more.').r;
    expect(r).toContain('“create and store a new regular 48-character widgetkey”');
    const d = said('project_delete', 'Delete a widget project and all its resources').r;
    expect(d).toContain('“Delete a widget project and all its resources”');
  });

  it('adding collateral sets no leverage: it moves what stands behind the positions, and the rationale says so instead of "a wrong leverage or margin setting"', () => {
    const { c, r } = said('ADD_COLLATERAL', 'Add collateral to your widget position');
    expect(c.category).toBe('Financial');
    expect(r).not.toContain('leverage or margin setting');
    expect(r).toContain('adds collateral to');
    expect(r).toContain('how close the account’s leveraged positions or loans are to liquidation');
  });
});
