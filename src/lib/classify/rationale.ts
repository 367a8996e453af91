/**
 * Writes the rationale from what the classifier found: the operations, what
 * they act on, how far a wrong call reaches, whether there is a way back,
 * the phrase that decided it and why the recommended policy fits. No fixed
 * frame: a sentence is only written when there is something to say, and
 * every sentence agrees with the category (no "can be corrected" on a
 * deletion, no "changes nothing" on anything but a read).
 */
import type { Category } from '../../schemas/rules.ts';
import type { PoisoningFinding as Finding } from '../../schemas/catalogue.ts';
import { isExtraOperation, isSelectableOperation, isStatedAction, NOTE_WRITES_FILE } from './findings.ts';
import type { Classification, Evidence, ObjectInfo } from './types.ts';

export interface RationaleContext {
  name: string;
  server: string;
  policyKind: string;
  policyBecause: string;
  /** Poisoning findings that steer the agent (the tool is hidden). */
  steering?: readonly Finding[];
  /** Parameter names, for tools whose other evidence is thin. */
  params?: readonly string[];
  /** Flags a reviewer judged harmless. */
  benignFlags?: readonly Finding[];
}

const AUDIENCE: Record<ObjectInfo['audience'], string> = {
  user: 'the user',
  team: 'the user and their team',
  customers: 'the people who use what runs there',
  public: 'whoever receives it',
};

function clip(text: string, max = 70): string {
  const one = text.replace(/\s+/g, ' ').trim();
  return one.length > max ? one.slice(0, max - 1) + '…' : one;
}

function quote(e: Evidence): string {
  return e.gloss ? `“${clip(e.text)}” (${e.gloss})` : `“${clip(e.text)}”`;
}

/** The object in words a sentence can use: the name's own words, else the kind's phrase. */
function objectText(c: Classification): string | undefined {
  const words = c.object
    .split(' ')
    .filter((w) => w.length > 1 && !/^\d+$/.test(w));
  if (words.length && words.length <= 5) return words.join(' ');
  return c.objectKind?.phrase;
}

/** Third person of an English verb: "clone" → "clones", "search" → "searches", "copy" → "copies". */
function thirdPerson(verb: string): string {
  if (/(s|x|z|ch|sh|o)$/.test(verb)) return `${verb}es`;
  if (/[^aeiou]y$/.test(verb)) return `${verb.slice(0, -1)}ies`;
  return `${verb}s`;
}

/** Words after a verb that take no article ("goes back", "updates code"). */
const NO_ARTICLE = new Set(['back', 'forward', 'up', 'down', 'in', 'out', 'on', 'off', 'over', 'away', 'all', 'every', 'each', 'the', 'a', 'an', 'this', 'that', 'its', 'their', 'code', 'data', 'information', 'info', 'content', 'text', 'state', 'status', 'metadata', 'weather', 'history', 'documentation', 'feedback', 'help', 'memory', 'storage', 'progress', 'traffic', 'access', 'analytics', 'usage', 'config', 'configuration', 'media', 'music', 'news', 'time', 'context', 'knowledge', 'research', 'evidence', 'software', 'hardware', 'inventory', 'liquidity', 'leverage', 'margin', 'people', 'staff', 'equipment', 'feedback', 'mail', 'advice', 'money', 'cash', 'cache']);

/** The object as a sentence wants it: "a voice", "an issue", but "webhooks", "back", "code". */
function withArticle(object: string): string {
  const words = object.split(' ');
  if (NO_ARTICLE.has(words[0]!) || NO_ARTICLE.has(words[words.length - 1]!) || /s$/.test(words[words.length - 1]!)) return object;
  return `${/^[aeiou]/.test(object) ? 'an' : 'a'} ${object}`;
}

/**
 * The name's own action and object when they state what the category says
 * ("pylon_snooze_issue" snoozes an issue); undefined when the name has no
 * action of that category, so the sentence stays general instead of wrong.
 */
function namedAction(c: Classification): { verb: string; object: string } | undefined {
  if (!c.action || !/^[a-z]+$/.test(c.action)) return undefined;
  const e = c.evidence.find((x) => x.source === 'name' && x.supports === c.category && isStatedAction(x));
  if (!e || e.text.toLowerCase().replace(/[^a-z]/g, '') !== c.action) return undefined;
  // Only a name that reads verb first says "verb object": "take_screenshot"
  // or "browser_wait" put other words first, and "screenshots a take" or
  // "waits a browser" would follow.
  const nameWords = c.nameWords ?? [];
  if (nameWords.length && nameWords[0] !== c.action) return undefined;
  const words = (text: string) =>
    text
      .split(' ')
      .filter((w) => w.length > 1 && !/^\d+$/.test(w))
      .slice(0, 4)
      .join(' ');
  // A one-word name ("search") acts on what its description names ("biomedical literature").
  return { verb: c.action, object: words(c.object) || words(c.leadObject) };
}

function joinOr(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}`;
}

function whatItDoes(c: Classification, ctx: RationaleContext): string {
  const obj = objectText(c);
  const on = `on ${ctx.server}`;
  // When only an argument's value makes the tool this dangerous, the name's
  // own action is not what the category says ("send_webhook" with method
  // DELETE sends a request; it does not remove a webhook).
  const byArgument = c.operationParams.find((p) => p.operations.some((o) => o.category === c.category));
  if (byArgument && !c.evidence.some((e) => e.supports === c.category && isStatedAction(e))) {
    return `${ctx.name} does more than one kind of thing ${on}, and the value of its ${byArgument.name} argument decides which.`;
  }
  switch (c.category) {
    case 'Read': {
      const named = namedAction(c);
      if (named?.object) return `${ctx.name} ${thirdPerson(named.verb)} ${withArticle(named.object)} ${on} and changes nothing there.`;
      // "order_history", "stock_basic": the name is the thing looked up.
      if (obj) return `${ctx.name} looks up ${clip(obj, 50)} ${on} and changes nothing there.`;
      return `${ctx.name} only returns information or a result and changes nothing ${on}.`;
    }
    case 'Write': {
      const named = namedAction(c);
      if (named?.object) return `${ctx.name} ${thirdPerson(named.verb)} ${withArticle(named.object)} ${on}.`;
      const file = c.evidence.find((e) => e.note === NOTE_WRITES_FILE);
      if (file) return `${ctx.name} saves what it produces to a file where ${ctx.server} runs, at the path its ${file.text} parameter gives.`;
      return obj && c.objectKind ? `${ctx.name} changes ${c.objectKind.phrase} ${on}.` : `${ctx.name} makes a change ${on}.`;
    }
    case 'Execute': {
      const param = c.evidence.find((e) => e.source === 'parameter' && e.signals.includes('freeform_code'));
      return param
        ? `${ctx.name} runs the code or query the caller puts in its ${param.text} parameter, ${on}.`
        : `${ctx.name} runs ${obj ? `the ${clip(obj, 40)} the caller gives it` : 'what the caller asks for'} ${on}, so its input, not its name, decides what happens.`;
    }
    case 'Financial':
      return `${ctx.name} moves money or market exposure ${on}${c.signals.includes('leverage') ? ', and leverage multiplies what is at stake' : ''}.`;
    case 'Destructive':
      return `${ctx.name} removes ${c.object.trim() && obj && obj !== c.objectKind?.phrase ? `the ${obj} it is given` : 'what the caller names'} ${on}${c.signals.includes('bulk_scope') ? ', many at once' : ''}.`;
  }
}

function operationsSentence(c: Classification): string | undefined {
  const p = c.operationParams[0];
  if (!p) return undefined;
  const values = p.operations.map((o) => o.value);
  const shown = values.length > 6 ? [...values.slice(0, 5), `${values.length - 5} more`] : values;
  const worst = p.operations.find((o) => o.category === c.category);
  return `Its ${p.name} argument picks the operation (${joinOr(shown)})${worst ? `; ${worst.value} is what makes it ${c.category}` : ''}.`;
}

function costSentence(c: Classification, ctx: RationaleContext): string {
  const kind = c.objectKind;
  const who = kind ? AUDIENCE[kind.audience] : 'the user';
  switch (c.category) {
    case 'Read': {
      const keyInput = c.evidence.some((e) => e.source === 'parameter' && e.signals.includes('key_material'));
      const returnsSecrets = !keyInput && c.signals.includes('credentials') && c.evidence.some((e) => e.signals.includes('credentials') && e.source !== 'parameter');
      if (returnsSecrets) return 'What it hands back includes secrets or keys, and anything in the agent’s context can leak to whoever can steer the agent.';
      if (c.signals.includes('key_material') || keyInput) return 'A private key or seed phrase passes through the call, so it sits in the agent’s context where a leak would expose the wallet.';
      if (c.signals.includes('server_side_fetch')) return 'It fetches whatever address it is given from the server’s own network, which can reach internal services, and brings untrusted page text back to the agent.';
      if (c.signals.includes('needs_credentials')) return 'It needs a credential to call the service; the risk lies in what it reveals and in the outside text it brings back.';
      return 'The risk lies in what it reveals and in the outside text it brings into the agent’s context.';
    }
    case 'Write':
      if (c.signals.includes('external_messaging')) return `What it sends or publishes reaches ${who === 'the user' ? 'other people' : who}, and a message cannot be pulled back once read.`;
      if (c.signals.includes('public_audience')) return `A wrong change reaches ${who === 'the user' ? 'other people' : who} as soon as it lands, before another call can put it right.`;
      if (c.signals.includes('admin_scope')) return `A wrong call changes who can do what on ${ctx.server}, which affects the whole team until someone notices.`;
      if (c.signals.includes('bulk_scope')) return 'One call reaches every item it matches; each change can be corrected, but a loop can make many before anyone notices.';
      if (kind && (kind.loss === 'low' || kind.undo === 'recreate')) return `A wrong call is put right by the next one; ${kind.phrase} is cheap to set again.`;
      return `A wrong call leaves ${kind ? kind.phrase : 'something'} on ${ctx.server} wrong until someone notices and corrects it with another call.`;
    case 'Execute':
      return c.signals.includes('read_only')
        ? 'The server says the code or query runs read-only, which narrows the damage but not what it can reveal.'
        : `An injected or mistaken input runs with everything ${ctx.server} is allowed to do${kind?.loss === 'high' ? `, up to ${kind.phrase}` : ''}.`;
    case 'Financial':
      return 'Once the exchange, payment provider or chain accepts the call, the money or position has moved at the price of that moment, and no later call takes it back.';
    case 'Destructive': {
      const lost = kind ? `${kind.phrase} for ${who}` : `what it removes for ${who}`;
      if (c.signals.includes('reversible')) return `A wrong call costs ${lost} until someone restores it from the service’s trash or history; that way back is outside the agent’s control.`;
      if (c.signals.includes('recreatable') && !c.signals.includes('bulk_scope')) return `What it removes is small and one call makes it again, so a wrong call costs little beyond the work of noticing.`;
      return `A wrong call loses ${lost}, and nothing on ${ctx.server} brings it back.`;
    }
  }
}

/** The phrase that decided the category: action evidence only, never a bare noun. */
function decidingSentence(c: Classification, params: readonly string[] = []): string | undefined {
  if (c.fallback) {
    const shown = params.slice(0, 3).join(', ');
    const of = params.length ? `its ${params.length} parameter${params.length === 1 ? '' : 's'} (${shown}${params.length > 3 ? ', …' : ''})` : 'its parameters (it has none)';
    return `Nothing in its name, description or ${of} names an action we know, so this is a low-confidence guess that needs a person to review it.`;
  }
  // Phrases further down the description ("permanently") are hints, not the action.
  const stated = (e: Evidence) => e.supports === c.category && isStatedAction(e);
  const param = c.evidence.find((e) => e.supports === c.category && e.weight > 0 && isSelectableOperation(e));
  const description = c.evidence.find((e) => stated(e) && e.source === 'description');
  const name = c.evidence.find((e) => stated(e) && e.source === 'name');
  const parts: string[] = [];
  if (description) parts.push(`its description says ${quote(description)}`);
  if (name && parts.length < 2) parts.push(`its name says ${quote(name)}`);
  if (param && parts.length < 2) {
    const value = param.text.slice(param.text.indexOf(': ') + 2);
    parts.unshift(`its ${param.text.slice(0, param.text.indexOf(':'))} parameter accepts ${quote({ ...param, text: value })}`);
  }
  const extra = c.evidence.find((e) => e.supports === c.category && isExtraOperation(e) && e.source === 'parameter');
  if (!parts.length && extra) return `What decided it: its ${extra.text} parameter says where to save the result, so a call writes a file.`;
  const codeParam = c.evidence.find((e) => e.source === 'parameter' && e.signals.includes('freeform_code'));
  if (!parts.length && codeParam) return `What decided it: it takes code or a query as input (${codeParam.text}).`;
  if (!parts.length) return undefined;
  return `What decided it: ${parts.slice(0, 2).join(', and ')}.`;
}

const POLICY_WORDS: Record<string, string> = {
  hide: 'hiding it from the agent',
  approval: 'a person’s approval: the gateway refuses each call with a message and a person makes the change',
  rate: 'a rate limit',
  allow: 'allowing it',
  capped: 'caps on its amounts',
  conditional: 'letting its safe operations through and refusing the dangerous ones, which a person makes instead',
};

function categoryLabel(category: Category): string {
  return category === 'Execute' ? 'an Execute' : `a ${category}`;
}

export function writeRationale(c: Classification, ctx: RationaleContext): string {
  const sentences: string[] = [];
  if (ctx.steering?.length) {
    const labels = [...new Set(ctx.steering.map((f) => f.label.toLowerCase()))];
    sentences.push(`${ctx.name} on ${ctx.server} is hidden: its own definition carries ${joinOr(labels)}, so the description itself is the attack and the agent must never read it.`);
    sentences.push(`Apart from that, we read it as ${categoryLabel(c.category)} tool.`);
    const decided = decidingSentence(c, ctx.params);
    if (decided) sentences.push(decided);
    return sentences.join(' ');
  }
  sentences.push(whatItDoes(c, ctx));
  const ops = operationsSentence(c);
  if (ops) sentences.push(ops);
  sentences.push(costSentence(c, ctx));
  const decided = decidingSentence(c, ctx.params);
  if (decided) sentences.push(decided);
  if (c.noDescription && !c.fallback) sentences.push('Its description is empty or a placeholder, so we judged it from the name and parameters alone.');
  // A read that needs a person (secrets, private data) changes nothing: the person looks it up instead.
  const words = ctx.policyKind === 'approval' && c.category === 'Read' ? 'a person’s approval: the gateway refuses each call with a message and a person looks it up instead' : (POLICY_WORDS[ctx.policyKind] ?? ctx.policyKind);
  sentences.push(`We recommend ${words}, because ${ctx.policyBecause}.`);
  if (ctx.benignFlags?.length) sentences.push('Its description gives the agent display directions; a reviewer judged them harmless, so the flag is shown but the tool keeps its judgement.');
  return sentences.join(' ');
}
