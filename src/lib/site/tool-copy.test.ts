import { describe, expect, it } from 'vitest';
import { unwrapLines } from './tool-copy.ts';
import { summaryLine } from '../text/display.ts';

describe('a hard-wrapped description is quoted as whole sentences', () => {
  it('a break before a lower-case word inside a sentence is a wrap', () => {
    const d = 'List all apps on the account. Information about the current active\n    deployment is included for\neach app.';
    expect(summaryLine(unwrapLines(d), 180)).toBe('List all apps on the account. Information about the current active deployment is included for each app.');
  });

  it('a break before a new line of its own stays a break', () => {
    const d = 'Delete a checklist.\nArgs:\n  checklist_id: the id';
    expect(summaryLine(unwrapLines(d), 180)).toBe('Delete a checklist.');
    expect(unwrapLines('First line\n- item one\nSecond')).toBe('First line\n- item one\nSecond');
  });
});

import type { CatalogueTool } from '../../schemas/catalogue.ts';
import { loadRules } from '../rules/load-rules.ts';
import { paramsKnown, whatItDoes } from './tool-copy.ts';

const rules = loadRules();

/** A tool record with just what the second paragraph reads. */
function tool(over: Partial<CatalogueTool> & { schema?: unknown }): CatalogueTool {
  const { schema, ...rest } = over;
  const base = {
    id: 'x/t',
    server: 'x',
    serverSlug: 'x',
    serverTitle: 'Acme',
    name: 't',
    description: '',
    params: [],
    requiredParams: [],
    hasInputSchema: schema !== undefined,
    category: 'Read',
    signals: [],
    evidence: [],
    operations: [],
    alternatives: [],
    policyKind: 'allow',
    origins: [{ family: 'toucan', fingerprint: '000000000000' }],
    definition: JSON.stringify({ name: over.name ?? 't', ...(schema !== undefined ? { inputSchema: schema } : {}) }),
  };
  return { ...base, ...rest } as unknown as CatalogueTool;
}
const second = (t: CatalogueTool) => whatItDoes(t, rules)[1]!;

describe('what the caller controls, in the second paragraph', () => {
  it('says a tool takes no parameters only when its schema lists none', () => {
    const none = tool({ name: 'get_slot', schema: { type: 'object', properties: {} } });
    expect(paramsKnown(none)).toBe('none');
    expect(second(none)).toBe('It takes no parameters, so every call asks Acme the same question: the agent decides when to call it, not which slot it returns.');
    // A bare {"type": "object"} is a scrape that lost the arguments, not a tool without any.
    const bare = tool({ name: 'get_slot', schema: { type: 'object' } });
    expect(paramsKnown(bare)).toBe('unknown');
    expect(second(bare)).not.toContain('takes no parameters');
    expect(second(bare)).toContain('which slot a call can reach is not known from here');
  });

  it('names the source that kept no parameter list, and the prose that speaks of arguments', () => {
    const listed = tool({ name: 'list_charges', origins: [{ family: 'toolsdk', fingerprint: '0' }], operations: [{ action: 'List charges', category: 'Read', source: 'description', text: 'List charges' }] });
    expect(second(listed)).toBe('Its definition lists no parameters (its source lists only names and descriptions), so which charges a call can reach is not known from here. One call hands back a list of charges rather than one item, and every entry lands in the agent’s context.');
    const prose = tool({ name: 'list_tables', description: 'List all tables. Args: schema: the schema name', schema: { type: 'object' } });
    expect(second(prose)).toContain('only its description speaks of arguments, so which tables a call can reach is known only from that prose');
  });

  it('never says "changes nothing" or "what it returns" of a write without parameters', () => {
    const p = second(tool({ name: 'browser_navigate_back', category: 'Write', schema: { type: 'object', properties: {} } }));
    expect(p).toBe('It takes no parameters, so the caller cannot steer what one call does; the agent decides only whether and when it runs.');
    expect(second(tool({ name: 'purge_cache', category: 'Destructive', schema: { type: 'object', properties: {} } }))).toContain('cannot choose what it removes');
  });

  it('tells the id of the thing removed from an id that only says where', () => {
    const own = tool({ name: 'delete_message', category: 'Destructive', params: [{ name: 'message_id', type: 'string', required: true }], requiredParams: ['message_id'] });
    expect(second(own)).toBe('Its message_id parameter names the item a call acts on, and that is what it removes.');
    const where = tool({ name: 'delete_messages', category: 'Destructive', params: [{ name: 'channel_id', type: 'string', required: true }], requiredParams: ['channel_id'] });
    expect(second(where)).toBe('Its channel_id parameter says where a call acts.');
  });

  it('names the parameter that carries what a write puts on the server', () => {
    const t = tool({ name: 'type', category: 'Write', params: [{ name: 'selector', type: 'string', required: true }, { name: 'text', type: 'string', required: true }], requiredParams: ['selector', 'text'] });
    expect(second(t)).toBe('What it writes comes from its text parameter, so outside text the agent copies into it is written as is.');
  });

  it('says optional parameters leave the answer to the server, and a listing without a limit returns all of it', () => {
    const t = tool({
      name: 'list_contexts',
      params: [{ name: 'tag', type: 'string', required: false }, { name: 'type', type: 'string', required: false }],
      operations: [{ action: 'List contexts', category: 'Read', source: 'description', text: 'List contexts' }],
    });
    expect(second(t)).toBe('None of its 2 parameters (tag and type) is marked required, so what a call returns without them is up to Acme. One call hands back a list of contexts rather than one item, and every entry lands in the agent’s context.');
  });

  it('reads no acronym as a word and no thing after a preposition', () => {
    expect(second(tool({ name: 'getCOTList', schema: { type: 'object', properties: {} } }))).toContain('not what it returns');
    expect(second(tool({ name: 'get-stories-by-external-link' }))).toContain('which stories a call can reach');
  });

  it('"Finds the minimum value from a list of numbers" hands back no list', () => {
    const t = tool({ name: 'min', params: [{ name: 'numbers', type: 'array', required: true }], requiredParams: ['numbers'], operations: [{ action: 'Finds the minimum value from a list of numbers', category: 'Read', source: 'description', text: 'Finds' }] });
    expect(second(t)).not.toContain('hands back a list');
  });
});

describe('what a billable resource costs, in the second paragraph', () => {
  it('says a Financial tool that creates a billed resource keeps costing until someone deletes it', () => {
    const t = tool({ name: 'create_project', category: 'Financial', signals: [{ id: 'billable_resource' }] as never, schema: { type: 'object' } });
    expect(second(t)).toContain('billed to the account for as long as it exists');
  });
});
