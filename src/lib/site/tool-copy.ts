/**
 * The sentences a tool page says about a tool: what it does on its server,
 * the FAQ and the meta description. Written by us for each category and
 * signal, and filled with the tool's own name, server and evidence, so the
 * text is specific to the tool rather than a bare template.
 */
import type { CatalogueTool } from '../../schemas/catalogue.ts';
import { oneLine, summaryLine } from '../text/display.ts';
import type { CompiledRules } from '../rules/load-rules.ts';
import { isPlaceholder } from '../classify/description-stage.ts';
import { privateThing } from '../classify/rationale.ts';
import { NOTE_READ_TAIL } from '../classify/findings.ts';
import { splitIdentifier } from '../text/words.ts';

const has = (t: CatalogueTool, id: string) => t.signals.some((s) => s.id === id);

/** What the copy reads of the rules the catalogue was classified with: placeholder descriptions and the verb lexicon. */
export type CopyRules = Pick<CompiledRules, 'placeholders' | 'verbCategory' | 'nounVerbs' | 'privateReads'>;

export function whatItDoes(t: CatalogueTool, rules: CopyRules): string[] {
  const server = t.serverTitle;
  const name = t.name;
  const summary = summaryLine(unwrapLines(t.description), 180);
  // A scrape placeholder ("Description not available") is no description at all.
  const said = summary && !isPlaceholder(rules, t.description) ? ` The server describes it as “${summary}”.` : ' The server gives it no description.';
  const params = t.params.length
    ? ` A call takes ${t.params.length} parameter${t.params.length === 1 ? '' : 's'}${t.requiredParams.length ? `, of which ${t.requiredParams.slice(0, 4).join(', ')}${t.requiredParams.length > 4 ? '…' : ''} ${t.requiredParams.length === 1 ? 'is' : 'are'} required` : ''}.`
    : '';
  const selectable = t.operations.filter((o) => o.param);
  const ops =
    selectable.length > 1
      ? ` Its ${selectable[0]!.param} parameter picks what a call does: ${selectable.slice(0, 8).map((o) => `${o.action} (${o.category})`).join(', ')}${selectable.length > 8 ? ' and more' : ''}.`
      : '';
  const p1 = `${name} is one of the tools ${serverPhrase(server)} offers to an agent.${said}${params}${ops}`;
  return [p1, specificParagraph(t, rules) ?? generalParagraph(t)];
}

/**
 * A description hard-wrapped at a fixed width ("Information about the current
 * active\n    deployment as well as…") as one line again: a break inside a
 * sentence, before a lower-case word, is a wrap and not a new line, so the
 * first line quoted does not stop mid-sentence.
 */
export function unwrapLines(text: string): string {
  return text.replace(/([\p{L}\p{N},;)])[ \t]*\r?\n[ \t]*(?=[a-z(])/gu, '$1 ');
}

/** The general paragraph for a category: only when nothing specific to the tool is known. */
function generalParagraph(t: CatalogueTool): string {
  const server = t.serverTitle;
  switch (t.category) {
    case 'Read':
      return `Agents call it to gather information before deciding what to do next. One call changes nothing on ${server}${has(t, 'credentials') ? ', but the result can contain secrets that then sit in the agent’s context' : has(t, 'key_material') ? ', but a private key or seed phrase passes through the call and the agent’s context' : ''}${has(t, 'open_world') ? '; it may fetch content from outside systems that the agent will read as input' : ''}.`;
    case 'Write':
      return `Agents use it in workflows that create or update things on ${server}, for example after reading the current state and deciding on a change. One call changes ${has(t, 'bulk_scope') ? 'many items at once' : 'one item'}${has(t, 'external_messaging') ? ' and can put a message in front of people outside the conversation' : ''}${has(t, 'admin_scope') ? ', and it touches who can do what' : ''}; another call can usually correct it.`;
    case 'Execute':
      return `Agents use it to run code, commands, queries or deployments on ${server}. What one call changes is decided by its input${has(t, 'read_only') ? ' (the server says the execution is read-only)' : ''}, so the tool is as powerful as the permissions the server runs with.`;
    case 'Financial':
      return `Agents use it in trading, payment or on-chain workflows, usually right after reading prices or balances. One call ${has(t, 'leverage') ? 'changes leverage or margin, which changes how much a price move costs' : has(t, 'signs_transactions') ? 'signs or broadcasts a transaction that moves value' : 'commits money or market exposure'}${has(t, 'bulk_scope') ? ', possibly for many positions at once' : ''}; once ${server} has accepted it, it settles at market terms.`;
    case 'Destructive':
      return `Agents reach for it when cleaning up or reversing earlier actions on ${server}. One call removes or cancels ${has(t, 'bulk_scope') ? 'every matching item' : 'an existing item'}${has(t, 'recreatable') ? ' that is cheap to recreate' : ''}${has(t, 'reversible') ? ', and only the service’s trash or history brings it back' : ', and no call on the server restores it'}.`;
  }
}

/** Parameter names are the server's text: shown only when they are plain identifiers. */
const plainName = (name: string) => (/^[A-Za-z_][A-Za-z0-9_.-]{0,40}$/.test(name) ? name : undefined);

/** The first parameter whose evidence carries a signal, by name. */
function paramWith(t: CatalogueTool, signal: string): string | undefined {
  const e = t.evidence.find((x) => x.source === 'parameter' && x.signals.includes(signal as never));
  return e ? plainName(e.text) : undefined;
}

/** The first parameter whose name matches, by name. */
function paramNamed(t: CatalogueTool, re: RegExp): string | undefined {
  const p = t.params.find((x) => re.test(x.name) && plainName(x.name));
  return p?.name;
}

const WHO: Record<string, string> = { user: 'the user', team: 'the user’s team', customers: 'the people who use what runs there', public: 'whoever receives it' };

/** What the catalogue knows about what the tool acts on, said for its category. */
function objectSentence(t: CatalogueTool): string | undefined {
  const o = t.object;
  if (!o) return undefined;
  const who = WHO[o.audience] ?? 'the user';
  switch (t.category) {
    case 'Destructive': {
      const back = has(t, 'reversible') ? 'the service’s trash or history can bring it back, outside the agent’s reach' : o.undo === 'recreate' || has(t, 'recreatable') ? 'one call makes an equivalent one again' : 'no call brings it back';
      if (o.id === 'scratch') return `What it removes is small, and one call makes it again; the loss falls on ${who}.`;
      const what = o.id === 'permission' ? 'someone’s access or role' : o.phrase;
      return `What it removes is ${what}; ${back}, and the loss falls on ${who}.`;
    }
    case 'Write': {
      // A message kind from a word such as "email" ("update_email_account") is no message sent: the signal says so, and has its own sentence.
      if (o.id === 'message') return undefined;
      // "Press a keyboard key" matches the secret kind's word "key": say it only when a credential signal agrees.
      if (o.id === 'secret' && !has(t, 'credentials') && !has(t, 'needs_credentials')) return undefined;
      // The word the tool names, not the kind's phrase: a Kubernetes "cluster" counts as the database kind, but it is no table.
      const word = /^[a-z][a-z ]{1,30}$/.test(o.word) ? (/[^s]s$/.test(o.word) ? o.word : `${/^[aeiou]/.test(o.word) ? 'an' : 'a'} ${o.word}`) : o.phrase;
      const shared = o.audience === 'team' ? ' that the user’s team shares' : o.audience === 'customers' ? ' that customers rely on' : o.audience === 'public' ? ' that other people see' : '';
      return `It works on ${word}${shared}; ${o.undo === 'recreate' || o.loss === 'low' ? 'a wrong call is cheap to put right' : 'a wrong call stays in effect until someone notices and puts it right'}.`;
    }
    case 'Execute':
      return o.loss === 'high' ? `What it runs can reach ${o.phrase}.` : undefined;
    case 'Financial':
      return o.id === 'order' ? `It acts on ${o.phrase}, so a wrong call leaves the account exposed to the market.` : undefined;
    case 'Read':
      // The object kind of a read is a guess from words ("token" of an SPL token is no secret): the signals say what it reveals.
      return undefined;
  }
}

/** How much one read returns, from its parameters: one item by id, a page of a list, or a fixed answer. */
function readShape(t: CatalogueTool, saidParams: boolean): string | undefined {
  if (t.category !== 'Read' || !t.hasInputSchema) return undefined;
  const id = t.requiredParams.find((p) => /^(id|uuid|key)$|_id$|[a-z]Id$/.test(p) && plainName(p));
  if (id) return `One call looks up what its ${id} parameter names and changes nothing on ${t.serverTitle}.`;
  const size = paramNamed(t, /^(limit|page_?size|per_?page|max_?results|count|top_?k|n)$/i);
  if (size) return `One call returns a list, as long as its ${size} parameter allows, and changes nothing on ${t.serverTitle}.`;
  // No parameters is not "no input": many scraped definitions lost their schema.
  // Otherwise the inputs it needs say what a call is about ("its symbol and interval parameters").
  const needed = t.requiredParams.filter((p) => plainName(p)).slice(0, 3);
  if (needed.length && !saidParams) return `What one call returns depends on its ${needed.length === 1 ? needed[0] : `${needed.slice(0, -1).join(', ')} and ${needed[needed.length - 1]}`} parameter${needed.length === 1 ? '' : 's'}, and it changes nothing on ${t.serverTitle}.`;
  return undefined;
}

/** What its parameters let the caller choose: a path, a web address, code, a query, an amount. */
function paramSentences(t: CatalogueTool): string[] {
  const out: string[] = [];
  const code = paramWith(t, 'freeform_code');
  if (code) out.push(`Whatever code or query goes in its ${code} parameter is what runs, so no fixed action limits a call.`);
  const path = paramWith(t, 'filesystem_path');
  if (path) {
    const does = has(t, 'sends_local_files') ? 'reads and sends out' : t.category === 'Read' ? 'reads' : t.category === 'Destructive' ? 'removes' : t.category === 'Write' ? 'writes' : 'works on';
    out.push(`Its ${path} parameter is a path on the machine where ${t.serverTitle} runs, so the caller picks which file it ${does}.`);
  }
  const url = !code && paramNamed(t, /^(url|uri|href|link|endpoint|target_?url|webhook_?url|page_?url|website)s?$/i);
  if (url) out.push(has(t, 'server_side_fetch') ? `Its ${url} parameter takes any web address, which ${t.serverTitle} fetches from its own network, internal addresses included.` : `Its ${url} parameter takes a web address that the caller chooses.`);
  const key = paramWith(t, 'key_material');
  if (key) out.push(`Its ${key} parameter takes a private key or seed phrase, which then sits in the agent’s context.`);
  const spend = paramWith(t, 'sets_spend');
  const amount = spend ?? (t.category === 'Financial' ? paramNamed(t, /^(amount|quantity|qty|size|value|sum|price|budget|daily_budget|lifetime_budget|bid_amount)$/i) : undefined);
  if (amount) {
    const cap = t.policyKind === 'capped' || t.alternatives.some((a) => a.kind === 'capped');
    out.push(`Its ${amount} parameter sets how much money ${spend ? 'it spends' : 'a call commits'}${cap ? '; the capped policy on this page can hold it to a limit' : ''}.`);
  }
  const query = !code && t.category === 'Read' && paramNamed(t, /^(q|query|search|search_?query|keywords?|term|prompt)$/i);
  if (query) out.push(`What comes back depends on what the caller writes in its ${query} parameter, and it is outside text the agent then reads as input.`);
  return out;
}

/** What the severity signals add, in a sentence each, for those not said already. */
function signalSentences(t: CatalogueTool, rules: CopyRules): string[] {
  const out: string[] = [];
  const add = (id: string, text: string) => has(t, id) && out.push(text);
  add('forwards_data', 'A webhook or forward keeps carrying data after the call, until someone removes it.');
  add('private_data', `What it returns is private: ${privateThing(rules, t.name, t.description)}.`);
  // As in the rationale: a credential the call takes as input is not one it hands back.
  if (t.category === 'Read' && t.evidence.some((e) => e.source !== 'parameter' && e.signals.includes('credentials')) && !t.evidence.some((e) => e.source === 'parameter' && e.signals.includes('key_material'))) add('credentials', 'What it returns can include secrets or keys.');
  add('external_messaging', 'What it sends reaches people outside the conversation, and cannot be unsent once read.');
  if (!has(t, 'external_messaging') && t.object?.audience !== 'customers') add('public_audience', 'A change reaches the people who use what runs there as soon as it lands.');
  if (t.object?.id !== 'permission') add('admin_scope', 'It changes who can do what.');
  add('bulk_scope', 'One call can act on many items at once, not just one.');
  // A sandboxed shell is no shell on the host: the two sentences would contradict each other.
  if (!has(t, 'disposable_sandbox')) add('host_shell', 'Commands run on the host with the server’s own rights.');
  if (!has(t, 'read_only')) add('disposable_sandbox', 'The code runs in a throwaway sandbox, not on the host.');
  if (t.category === 'Execute') add('read_only', 'The server says what it runs is read-only.');
  add('leverage', 'Leverage multiplies what a price move costs.');
  add('billable_resource', 'What it creates is billed to the account for as long as it exists, so a wrong call keeps costing money until someone deletes it.');
  add('signs_transactions', 'It signs or sends a transaction, and a chain does not reverse one.');
  if (!t.object && t.category === 'Destructive') {
    add('reversible', 'The service keeps a trash or history that can bring it back.');
    add('recreatable', 'What it removes is small and one call makes it again.');
  }
  return out;
}

/** More than one operation named outside an argument (the argument's are in the first paragraph). */
function operationsSentence(t: CatalogueTool, rules: CopyRules): string | undefined {
  if (t.operations.some((o) => o.param)) return undefined;
  const seen = new Map<string, string>();
  // Only actions the verb lexicon knows: an operation read from "This is a tool" or "Resume" is no action to list.
  const { verbCategory, nounVerbs } = rules;
  for (const o of t.operations) {
    const action = o.action.toLowerCase();
    if (/^[a-z]{2,20}$/i.test(o.action) && verbCategory.has(action) && !nounVerbs.has(action) && !seen.has(action)) seen.set(action, o.category);
  }
  if (seen.size < 2 || new Set(seen.values()).size < 2) return undefined;
  const list = [...seen].slice(0, 4).map(([a, c]) => `${a} (${c})`);
  return `Its definition names more than one operation: ${list.join(', ')}; it is judged by the most dangerous.`;
}

/**
 * Whether the definition we hold says which parameters the tool takes: it
 * lists some, it says there are none (an explicit empty `properties`, as a
 * live tools/list gives it), or it cannot tell (a bare `{"type": "object"}`
 * or no schema at all: sources that kept only names and descriptions, or a
 * page scrape that lost the arguments).
 */
export function paramsKnown(t: CatalogueTool): 'listed' | 'none' | 'unknown' {
  if (t.params.length) return 'listed';
  if (!t.hasInputSchema) return 'unknown';
  try {
    const schema = (JSON.parse(t.definition) as { inputSchema?: { properties?: unknown } }).inputSchema;
    const props = schema?.properties;
    return props && typeof props === 'object' && !Array.isArray(props) && Object.keys(props).length === 0 ? 'none' : 'unknown';
  } catch {
    return 'unknown';
  }
}

/** Why a definition lists no parameters when it cannot tell, by the source its shown copy came from. */
const LOST: Record<string, string> = {
  toolsdk: 'its source lists only names and descriptions',
  popular: 'its source lists only names and one-line descriptions',
};

/** Words a name can end in that name no thing ("create_new", "search_tool", "list_all"). */
const NO_THING = new Set(['auth', 'take', 'do', 'use', 'go', 'give', 'tool', 'tools', 'mcp', 'api', 'server', 'all', 'any', 'by', 'for', 'new', 'the', 'and', 'with', 'from', 'to', 'in', 'on', 'of', 'info', 'async', 'sync', 'batch', 'bulk', 'v2', 'one', 'many', 'multiple', 'single']);

/**
 * The thing the tool's name ends in ("list-tax-rates" → "rates",
 * "delete_daily_note" → "note"): the classifier's looked-up tail when it
 * found one, else the name's last word, when it is a plain noun after
 * another word and no verb of the lexicon.
 */
function nameThing(t: CatalogueTool, rules: CopyRules): string | undefined {
  const plain = (w: string | undefined) => !!w && /^[a-z]{3,20}$/.test(w) && !(rules.verbCategory.has(w) && !rules.nounVerbs.has(w));
  const tail = t.evidence.find((x) => x.source === 'name' && x.note === NOTE_READ_TAIL)?.text.toLowerCase();
  if (plain(tail) && tail !== 'info') return tail;
  // The last word that is no verb: "project_create" works on a project, "mark-notifications-read" on notifications.
  // An acronym ("getCOTList") is no word to lower-case; a name with a preposition names its thing before it
  // ("get-stories-by-external-link" returns stories, not links).
  const tokens = splitIdentifier(t.name);
  const all = tokens.map((x) => (/^[A-Z0-9]{2,}$/.test(t.name.slice(x.start, x.end)) ? '' : x.word));
  if (all.length < 2) return undefined;
  const prep = all.findIndex((w, i) => i > 0 && /^(by|for|to|from|with|of|in|on|at|via|using|per)$/.test(w));
  const words = prep > 0 ? all.slice(0, prep) : all;
  for (let i = words.length - 1; i >= 0; i--) {
    const w = words[i]!;
    if (!w) return undefined;
    if (NO_THING.has(w) || ADJECTIVE.test(w) || (rules.verbCategory.has(w) && !rules.nounVerbs.has(w))) continue;
    return plain(w) ? w : undefined;
  }
  return undefined;
}

/** Name words that qualify a thing without naming one ("get_hot_search", "list_recent"). */
const ADJECTIVE = /^(hot|top|latest|recent|current|random|raw|local|full|basic|simple|detailed|advanced|public|private|global|default|custom|active|open|closed|available|popular|trending|daily|weekly|monthly|multi|quick|smart|auto|web|online|remote|external|internal|[a-z]+(ed|ing|ly|ous|ive|al|ful|able|ible))$/;

/** A name that is an identifier: a parameter named like the id of one item. */
const ID_PARAM = /^(id|uuid|key|slug)$|_(id|uuid|key|slug)$|[a-z](Id|Uuid|Key|Slug)$/;
/** Parameters that carry what a write puts on the server. */
const CONTENT_PARAM = /^(content|contents|body|text|message|msg|description|title|data|value|comment|note|notes|markdown|html|payload|caption|summary|subject|prompt)$/i;

/**
 * What the caller chooses through the parameters, for what readShape and
 * paramSentences left unsaid: that there are none (so the agent picks only
 * when to call it), that the definition does not say, that they can all be
 * left out, or which one names the target and which one carries the content.
 */
function inputSentences(t: CatalogueTool, rules: CopyRules, said: boolean): string[] {
  const server = t.serverTitle;
  const known = paramsKnown(t);
  const word = nameThing(t, rules);
  // The rationale of a thin umbrella tool says already that it takes no parameters.
  const worstCase = t.evidence.some((e) => /worst plausible operation/.test(e.note));
  if (known === 'none' && !worstCase) {
    if (t.category === 'Read') return [`It takes no parameters, so every call asks ${server} the same question: the agent decides when to call it, not ${word ? `which ${word} it returns` : 'what it returns'}.`];
    if (t.category === 'Destructive') return ['It takes no parameters, so the caller cannot choose what it removes; the agent decides only whether and when it runs.'];
    if (t.category === 'Execute') return [`It takes no parameters, so what it runs is fixed by ${server}, not written by the caller; the agent decides only whether and when it runs.`];
    return ['It takes no parameters, so the caller cannot steer what one call does; the agent decides only whether and when it runs.'];
  }
  if (known === 'unknown') {
    // A bare {"type": "object"} says nothing either way: a page scrape gives it for tools whose arguments it lost.
    const why = LOST[t.origins[0]?.family ?? ''];
    const what =
      t.category === 'Read'
        ? word ? `which ${word} a call can reach` : 'what a call can be aimed at'
        : t.category === 'Destructive'
          ? `how the caller picks ${word ? `which ${word}` : 'what'} it removes`
          : t.category === 'Write' && word
            ? `what the caller can set on the ${word}`
            : 'what the caller can set in a call';
    // "Args: schema: The schema name…": the arguments are in the description's prose only, which the page shows.
    if (ARGS_IN_PROSE.test(t.description)) return [`Its definition has no parameter list, and only its description speaks of arguments, so ${what} is known only from that prose.`];
    return [`${why ? `Its definition lists no parameters (${why})` : 'Its definition has no parameter list, which does not tell whether it takes none'}, so ${what} is not known from here.`];
  }
  if (known !== 'listed' || said) return [];
  const out: string[] = [];
  const named = t.params.filter((p) => plainName(p.name));
  const listOf = (names: string[]) => (names.length === 1 ? names[0]! : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`);
  if (t.category === 'Read') {
    if (!t.requiredParams.length && named.length) {
      const shown = named.slice(0, 3).map((p) => p.name);
      out.push(`${named.length === 1 ? `Its one parameter, ${shown[0]}, is optional` : `None of its ${t.params.length} parameters (${listOf(shown)}${named.length > 3 ? ' and more' : ''}) is marked required`}, so what a call returns without ${named.length === 1 ? 'it' : 'them'} is up to ${server}.`);
    }
    return out;
  }
  // A write, deletion, run or payment: which parameter names the target, and which one carries what is written.
  // The id of the thing the name acts on ("message_id" of delete_message, or a bare "id"); any other
  // required id ("channel_id" of delete_message) says only where the call acts.
  const ids = named.filter((p) => t.requiredParams.includes(p.name) && ID_PARAM.test(p.name));
  const nameWords = new Set(splitIdentifier(t.name).map((x) => x.word.replace(/s$/, '')));
  const stem = (n: string) => splitIdentifier(n.replace(/_?(id|uuid|key|slug)$/i, '')).map((x) => x.word.replace(/s$/, ''));
  const own = ids.find((p) => ID_PARAM.test(p.name) && (/^(id|uuid|key|slug)$/i.test(p.name) || (stem(p.name).length > 0 && stem(p.name).every((w) => nameWords.has(w)))));
  if (own) {
    const many = /array/i.test(own.type);
    out.push(`${many ? `Its ${own.name} parameter takes a list, so one call can reach several items` : `Its ${own.name} parameter names the item a call acts on`}${t.category === 'Destructive' ? `, and that is what it removes` : ''}.`);
  } else if (ids.length) {
    const shown = ids.slice(0, 2).map((p) => p.name);
    out.push(`Its ${listOf(shown)} parameter${shown.length === 1 ? ' says' : 's say'} where a call acts.`);
  }
  const content = t.category === 'Write' || t.category === 'Execute' ? named.find((p) => CONTENT_PARAM.test(p.name) && !/^(boolean|number|integer)$/i.test(p.type)) : undefined;
  if (content) out.push(`What it writes comes from its ${content.name} parameter, so outside text the agent copies into it is written as is.`);
  if (!out.length && !t.requiredParams.length && named.length) {
    const shown = named.slice(0, 3).map((p) => p.name);
    out.push(`${named.length === 1 ? `Its one parameter, ${shown[0]}, is optional` : `None of its ${t.params.length} parameters (${listOf(shown)}${named.length > 3 ? ' and more' : ''}) is marked required`}, so a call may leave ${named.length === 1 ? 'it' : 'them all'} out and let ${server} decide the rest.`);
  }
  if (!out.length && t.requiredParams.length) {
    const needed = t.requiredParams.filter((p) => plainName(p)).slice(0, 3);
    if (needed.length) out.push(`The caller must give its ${listOf(needed)} parameter${needed.length === 1 ? '' : 's'}, and ${needed.length === 1 ? 'that is what decides' : 'those are what decide'} what one call ${t.category === 'Destructive' ? 'removes' : t.category === 'Write' ? 'changes' : 'does'}.`);
  }
  return out;
}

/** Verbs whose read hands back many entries at once. */
// Not "query" ("Query a single open order" reads one), nor "find" ("Finds the minimum value").
const LIST_VERBS = /^(list|lists|search|searches|browse|browses|scan|scans|discover|discovers|explore|explores|enumerate|enumerates)$/;

/** A description that lists its arguments in prose ("Args: schema: …", "(item_key parameter)"). */
const ARGS_IN_PROSE = /\b(args|arguments|parameters|params|inputs?)\b\s*(\([^)]{0,40}\))?\s*:|\(\s*[a-z_][a-z0-9_]*\s+parameter\s*\)/i;

/** How much one read hands back when its parameters say nothing of it: a whole list, every entry of which the agent reads. */
function readReach(t: CatalogueTool, rules: CopyRules): string | undefined {
  if (t.category !== 'Read' || paramNamed(t, /^(limit|page_?size|per_?page|max_?results|count|top_?k|n)$/i)) return undefined;
  const op = t.operations.find((o) => o.category === 'Read' && o.source !== 'parameter');
  if (!op) return undefined;
  const text = op.action.toLowerCase();
  const verb = text.split(/\s+/)[0]!;
  const word = nameThing(t, rules);
  const listy = LIST_VERBS.test(verb) || /^\S+ (a|the) list of\b/.test(text) || (/^(get|gets|fetch|fetches|retrieve|retrieves|return|returns)$/.test(verb) && /\ball\b/.test(text));
  if (!listy) return undefined;
  const all = /\ball\b/.test(text) && paramsKnown(t) === 'none';
  return all
    ? `One call hands back every ${word && /[^s]s$/.test(word) ? `one of the ${word}` : 'entry'} there is, with no parameter to page or narrow it, and all of it lands in the agent’s context.`
    : `One call hands back a list${word && /[^s]s$/.test(word) ? ` of ${word}` : ''} rather than one item, and every entry lands in the agent’s context.`;
}

/** The second paragraph from what the catalogue knows about this tool; undefined when it knows nothing specific. */
export function specificParagraph(t: CatalogueTool, rules: CopyRules): string | undefined {
  const params = paramSentences(t).slice(0, 2);
  const shape = readShape(t, params.length > 0);
  const inputs = inputSentences(t, rules, params.length > 0 || !!shape);
  const parts = [operationsSentence(t, rules), shape, objectSentence(t), ...params, ...inputs, readReach(t, rules), ...signalSentences(t, rules)].filter((x): x is string => !!x);
  if (!parts.length) return undefined;
  return parts.slice(0, 4).join(' ');
}

/** As many whole sentences of our own text as fit in `max` characters (at least one), so an answer never stops mid-sentence. */
export function wholeSentences(text: string, max: number): string {
  const sentences = oneLine(text, Number.POSITIVE_INFINITY).split(/(?<=[.!?])\s+(?=[A-Z“"])/);
  let out = sentences[0]!;
  for (const s of sentences.slice(1)) {
    if (out.length + 1 + s.length > max) break;
    out += ` ${s}`;
  }
  return out;
}

/** "the GitHub MCP server", without doubling a title that already ends in "server" or "MCP". */
export function serverPhrase(title: string): string {
  if (/\bserver$/i.test(title.trim())) return `the ${title.trim()}`;
  if (/\bMCP$/i.test(title.trim())) return `the ${title.trim()} server`;
  return `the ${title.trim()} MCP server`;
}

export function gatewayParagraph(t: CatalogueTool): string {
  return `A gateway (an MCP proxy such as Intercept) sits between the agent and ${t.serverTitle}. It reads every tools/list answer and every tools/call request, and applies a policy file before anything reaches the server: it can hide a tool from the list, refuse calls with a message for the agent (for example that a person must make this change), count them against a rate limit or check their arguments. The agent cannot see or bypass it, because the check happens outside the model.`;
}

export function applySteps(t: CatalogueTool): string[] {
  return [
    `Copy the recommended policy above into the policy file of your gateway (for Intercept, use the YAML tab and save it as ${t.serverSlug}.yaml).`,
    `Start ${serverPhrase(t.serverTitle)} through the gateway instead of directly, so every call to ${t.name} passes the policy.`,
    `Call ${t.name} once from a test agent and check that the gateway ${t.policyKind === 'allow' ? 'lets it through' : t.policyKind === 'rate' ? 'counts it against the limit' : t.policyKind === 'hide' ? 'no longer lists it' : 'refuses it with the policy\'s message'}.`,
  ];
}

export interface FaqEntry {
  q: string;
  a: string;
}

const KIND_WORDS: Record<CatalogueTool['policyKind'], string> = {
  hide: 'hide it from the agent entirely',
  approval: 'refuse every call and leave the action to a person',
  rate: 'allow it under a rate limit',
  allow: 'allow it',
  capped: 'allow it only within parameter caps',
  conditional: 'let its safe operations through and refuse the dangerous ones, leaving those to a person',
};

export function faq(t: CatalogueTool, serverToolCount: number, rules: CopyRules): FaqEntry[] {
  const rateChoice = t.policyKind === 'rate' ? t.policyChoice : t.alternatives.find((a) => a.kind === 'rate')?.choice;
  const rate = rateChoice?.rate;
  const steps = t.severitySteps.map((s) => `${s.step > 0 ? 'raised' : 'lowered'} because ${s.because}`).join('; ');
  return [
    {
      q: `What does ${t.name} do?`,
      a: `${whatItDoes(t, rules)[0]} We classify it as ${t.category}: ${wholeSentences(t.rationale, 320)}`,
    },
    {
      q: `How do I enforce a policy on ${t.name}?`,
      a: `Run ${t.serverTitle} behind an MCP gateway and give it a policy file. Our recommendation is to ${KIND_WORDS[t.policyKind]}, because ${t.policyRule.because}. The policy section of this page has the policy.json and Intercept YAML to copy.`,
    },
    {
      q: `What risk level is ${t.name}?`,
      a: `${t.category}, severity ${t.severity}. ${t.category} tools start at ${t.baseSeverity}${steps ? `; this one was ${steps}` : ' and nothing in its definition moved it'}. Our confidence in the category is ${Math.round(t.confidence * 100)}%${t.review ? ', and a reviewer has checked it' : ''}.`,
    },
    {
      q: `Can I rate-limit ${t.name}?`,
      a: rate
        ? `Yes. A gateway can count calls per tool; the ${t.policyKind === 'rate' ? 'recommended policy' : 'rate-limited variant on this page'} allows ${rate.limit} calls per ${rate.window} and refuses the rest until the window passes. In policy.json that is a limit with "max": ${rate.limit} and "window": "${rate.window}" in the tool's "limits"; in Intercept YAML it is rate_limit: ${rate.limit}/${rate.window}.${t.category === 'Financial' || t.category === 'Destructive' ? ' For a tool this dangerous a rate limit slows damage down but does not prevent it, so we recommend approval instead.' : ''}`
        : `Yes. Give the tool's entry in policy.json a "limits" list with an entry such as {"counter": "${t.name}_per_minute", "window": "minute", "max": 10, "scope": "grant"}, or an Intercept rule with rate_limit: 10/minute. Note that a limit alone does not stop a single harmful call.`,
    },
    {
      q: `How do I block ${t.name} completely?`,
      a: `Put "${t.name}" in the hide list of the policy ({"version": "1", "default": "deny", "hide": ["${t.name}"]}). The gateway then removes it from the tool list the agent receives and refuses any call that names it anyway.`,
    },
    {
      q: `Which server provides ${t.name}?`,
      a: `${t.serverTitle} (${t.server}), which has ${serverToolCount} tool${serverToolCount === 1 ? '' : 's'} in this catalogue.`,
    },
    {
      q: `Does the server mark ${t.name} as read-only or destructive?`,
      a: t.annotations && Object.keys(t.annotations).length
        ? `Its MCP annotations say ${Object.entries(t.annotations)
            .filter(([, v]) => typeof v === 'boolean')
            .map(([k, v]) => `${k}: ${String(v)}`)
            .join(', ') || 'nothing about behaviour'}. We treat annotations as hints from the server author, never as proof, and weigh them with the rest of the definition.`
        : `No. Its definition carries no MCP annotations (readOnlyHint, destructiveHint and so on), so our rating rests on its name, description and parameters alone.`,
    },
  ];
}

export function metaDescription(t: CatalogueTool): string {
  return oneLine(`${t.name} (${t.serverTitle}): ${t.category}, ${t.severity} risk. ${t.policySummary}`, 158);
}
