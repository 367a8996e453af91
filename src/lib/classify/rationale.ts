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
import { isExtraOperation, isSelectableOperation, isStatedAction, NOTE_DESTRUCTIVE_SWITCH, NOTE_ROUTE_READ, NOTE_RUNS_IMAGE, NOTE_TRASH_MOVE, NOTE_WRITES_FILE } from './findings.ts';
import type { Classification, Evidence, ObjectInfo } from './types.ts';
import type { CompiledRules } from '../rules/load-rules.ts';
import { baseForms, splitIdentifier } from '../text/words.ts';

export interface RationaleContext {
  /** The rules the tool was classified with: the verb lexicon that tells a verb from a noun. */
  rules: Lexicon;
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
  /** The tool's description, whose own words name the object when the name's do not read as English. */
  description?: string;
}

/** What the sentences read of the rules: which words are verbs (and which of those are nouns too), and how a private read is named. */
export type Lexicon = Pick<CompiledRules, 'verbCategory' | 'nounVerbs' | 'combosByVerb' | 'privateReads' | 'trashMovePlace'>;

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

/** The evidence up to the end of its first sentence: "Delete a checklist. Args" was matched across it, but "Args" decided nothing. */
function firstSentence(text: string): string {
  return text.replace(/([A-Za-z]{3,})\. +[A-Z][\s\S]*$/, '$1');
}

/** Words a quote must not stop on: "Delete a Railway project and all" goes on to "its resources". */
const DANGLING = /^(a|an|the|and|or|of|to|for|from|in|into|on|at|by|with|without|about|across|through|via|per|over|under|between|within|including|such|as|is|are|was|were|be|been|can|will|all|its|their|your|his|her|our|my|this|that|these|those|any|each|every|some|no|not|than|whose|which|who|if|when|where)$/i;

/**
 * The evidence as the description has it around the match: a quote that
 * stopped inside a word ("a new regular 48" of "48-character") goes on to the
 * word's end, and one that stopped on a word such as "and", "all" or "is"
 * goes on until a word that ends a phrase (at most six more, never past
 * punctuation).
 */
function wholeWords(text: string, source: string | undefined): string {
  if (!source) return text;
  const at = source.indexOf(text);
  if (at < 0) return text;
  let end = at + text.length;
  const rest = (from: number) => source.slice(from);
  // Latin script only: Chinese writes no spaces, so its words have no end to go on to.
  const inWord = /^(?:[-‐]?[A-Za-z0-9]+)+/.exec(rest(end));
  if (inWord && /[A-Za-z0-9]$/.test(text)) end += inWord[0].length;
  for (let more = 0; more < 6; more++) {
    const last = /([A-Za-z0-9'’-]+)$/.exec(source.slice(at, end))?.[1];
    // A participle or an adjective before its noun dangles too ("Cancel all open", "Clear all recorded").
    // So does a compound before its noun ("48-character", "up-to-date").
    if (!last || !(DANGLING.test(last) || /^[a-z0-9]+-[a-z0-9-]+$/.test(last) || /^[a-z]{3,}(ed|ly)$|^(given|high-level|open|available|existing|complete|current|new|old|active|other|own|specific|single|multiple|several|many|up)$/.test(last))) break;
    const next = /^[ \t]+[A-Za-z0-9][A-Za-z0-9'’-]*/.exec(rest(end));
    if (!next) break;
    end += next[0].length;
  }
  return source.slice(at, end);
}

function quote(e: Evidence, source?: string): string {
  const text = firstSentence(wholeWords(e.text, source));
  return e.gloss ? `“${clip(text)}” (${e.gloss})` : `“${clip(text)}”`;
}

/** Third person of an English verb: "clone" → "clones", "search" → "searches", "copy" → "copies", "lookup" → "looks up". */
function thirdPerson(verb: string): string {
  const particle = PHRASAL[verb];
  if (particle) return `${thirdPerson(particle[0])} ${particle[1]}`;
  if (/(s|x|z|ch|sh|o)$/.test(verb)) return `${verb}es`;
  if (/[^aeiou]y$/.test(verb)) return `${verb.slice(0, -1)}ies`;
  return `${verb}s`;
}

/** Verbs written as one word in names that English writes as two ("lookup" → "look up"). */
const PHRASAL: Record<string, [string, string]> = {
  lookup: ['look', 'up'],
  setup: ['set', 'up'],
  login: ['log', 'in'],
  logout: ['log', 'out'],
  checkout: ['check', 'out'],
  cleanup: ['clean', 'up'],
  backup: ['back', 'up'],
  rollback: ['roll', 'back'],
  signin: ['sign', 'in'],
  signup: ['sign', 'up'],
};

/** Words after a verb that take no article ("goes back", "updates code"). */
const NO_ARTICLE = new Set(['back', 'another', 'other', 'forward', 'up', 'down', 'in', 'out', 'on', 'off', 'over', 'away', 'all', 'every', 'each', 'the', 'a', 'an', 'this', 'that', 'these', 'those', 'its', 'their', 'your', 'his', 'her', 'our', 'my', 'any', 'some', 'multiple', 'several', 'many', 'one', 'two', 'no', 'code', 'data', 'information', 'info', 'content', 'text', 'state', 'status', 'metadata', 'weather', 'history', 'documentation', 'feedback', 'help', 'memory', 'storage', 'progress', 'traffic', 'access', 'analytics', 'usage', 'config', 'configuration', 'media', 'music', 'news', 'time', 'context', 'knowledge', 'research', 'evidence', 'software', 'hardware', 'inventory', 'liquidity', 'leverage', 'margin', 'collateral', 'people', 'staff', 'equipment', 'mail', 'advice', 'money', 'cash', 'cache', 'quality', 'whatever', 'what', 'how', 'where', 'which', 'who', 'when', 'whether', 'it', 'them', 'me', 'us', 'everything', 'anything', 'something', 'preparation', 'maintenance', 'voting']);

/** Nouns that take no article after a preposition, where they name an activity ("for execution", "to use", "on production"), though they are counted elsewhere ("an execution"). */
const BARE_AFTER_PREPOSITION = new Set(['execution', 'use', 'testing', 'development', 'production', 'review', 'approval', 'deletion', 'reference', 'analysis', 'inspection', 'debugging']);

/** Words that join a noun to what qualifies it ("tag from profiles", "page as a PDF file"). */
const PREPOSITIONS = new Set(['of', 'for', 'to', 'from', 'in', 'into', 'on', 'at', 'by', 'with', 'as', 'about', 'across', 'within', 'between', 'over', 'under', 'via', 'per']);

/** Words that end the object in a description ("Create profile with templates" → "profile"). */
const OBJECT_ENDS = new Set(['and', 'or', 'to', 'into', 'from', 'in', 'on', 'at', 'by', 'with', 'using', 'via', 'based', 'that', 'which', 'who', 'where', 'when', 'if', 'so', 'then', 'while', 'given', 'within', 'across', 'through', 'without', 'including', 'e', 'i', 'etc', 'instead', 'before', 'after', 'until', 'such', 'like', 'but', 'is', 'are', 'will', 'can', 'should', 'must']);

/** Words of a name or path that identify an item rather than name it (the "id" of "get_profile__id_"). */
const ID_WORDS = new Set(['id', 'ids', 'uuid', 'uuids', 'uid', 'guid', 'wid', 'pk', 'oid', 'sid']);
/** Words that count or point but name no thing: "deleteOne" deletes what the caller names, not "the one". */
const NO_THING = new Set(['one', 'ones', 'all', 'it', 'them', 'some', 'any', 'each', 'every', 'single', 'several', 'something', 'anything', 'everything']);
/** Participles that open a phrase about how, not what: "a crawl starting from a base URL" crawls no "starting". */
const PARTICIPLE_OPENERS = new Set(['starting', 'using', 'following', 'based', 'given', 'according', 'including', 'depending', 'beginning', 'ending']);

/**
 * Words the verb lexicon lists that are nouns when they name what is acted
 * on ("a screenshot", "the SQL", "health"), besides the lexicon's own noun-verbs.
 */
const NOUN_LIKE = new Set(['screenshot', 'sql', 'python', 'docker', 'health', 'plan', 'diff', 'terminal', 'js', 'javascript', 'ssh', 'shell', 'bash', 'cmd', 'sh', 'preview', 'research', 'store', 'rank', 'archive', 'login', 'trash', 'rollback', 'graphql', 'cypher', 'sparql', 'gremlin', 'poll', 'trigger', 'sum', 'stat', 'debug', 'compose', 'compound', 'me', 'setup', 'checkout', 'cleanup', 'view', 'search', 'list', 'update', 'change', 'return', 'backup', 'show', 'echo', 'format', 'track', 'plot', 'invite', 'measure', 'monitor', 'repl', 'terraform', 'kubectl', 'file', 'order', 'like', 'mention', 'display', 'spend', 'estimate', 'upgrade', 'increase', 'decrease', 'swipe', 'tap', 'click', 'scroll', 'print', 'download', 'upload', 'import', 'install', 'event', 'watch', 'wait', 'sign', 'switch', 'work', 'play', 'test', 'contact', 'ping', 'summary', 'resume', 'merge', 'lint', 'status', 'start', 'finish', 'read', 'write', 'text', 'find', 'whoami', 'capture', 'crawl', 'scrape', 'sync', 'redo', 'undo', 'hover', 'focus', 'highlight', 'handle', 'press', 'sleep', 'spawn', 'ask', 'ban', 'kick', 'mute', 'chat', 'input', 'output', 'subscribe', 'enter', 'move', 'drag', 'fill', 'select', 'open', 'close', 'reset', 'refresh', 'save', 'report', 'load', 'dump', 'log', 'attach', 'pay', 'run', 'rerun', 'retry', 'review', 'encoding', 'changes']);

/** True when a word of a would-be object acts as a verb ("remove" in "tags id remove profiles"). */
function actsAsVerb(lex: Lexicon, word: string): boolean {
  const w = word.toLowerCase();
  const { verbCategory, nounVerbs } = lex;
  return verbCategory.has(w) && !nounVerbs.has(w) && !NOUN_LIKE.has(w);
}

/** The base form of a verb as the lexicon lists it ("Returns" → "return", "Retrieving" → "retrieve"). */
function lexiconVerb(lex: Lexicon, word: string): string | undefined {
  const w = word.toLowerCase();
  // "returns" and "shows" are listed too, but the sentence conjugates the base form.
  const forms = baseForms(w);
  const { verbCategory, combosByVerb } = lex;
  const known = (f: string) => verbCategory.has(f) || combosByVerb.has(f);
  return forms.slice(1).find(known) ?? (known(w) ? w : undefined);
}

/** "a" or "an" as a word is said: "an issue", "a user", "an SQL query", "a one-off". */
function indefinite(word: string): string {
  if (/^[A-Z]{2,}/.test(word)) return /^[AEFHILMNORSX]/.test(word) ? 'an' : 'a';
  const w = word.toLowerCase();
  if (/^(u[bcdfghjklmnpqrstvwxyz][aeiou]|uni|use|usu|uti|eu|one|once)/.test(w)) return 'a';
  if (/^(hour|honest|honou?r)/.test(w)) return 'an';
  return /^[aeiou]/.test(w) ? 'an' : 'a';
}

/** The words of an object up to its first preposition: what a sentence names ("proxy" of "proxy for multiple profiles"). */
function headWords(object: string): string[] {
  const words = object.split(' ');
  const cut = words.findIndex((w, i) => i > 0 && PREPOSITIONS.has(w.toLowerCase()));
  return cut > 0 ? words.slice(0, cut) : words;
}

/** The last word before what qualifies the object ("HTML page" of "HTML page displaying Marvel comics"). */
function headNoun(object: string): string {
  const words = headWords(object);
  const ing = words.findIndex((w, k) => k > 0 && /^[a-z]{3,}ing$/.test(w) && !/(thing|string|ring|king|wing|spring|setting|listing|mapping|meeting|building|booking|painting|pricing|routing|billing|logging|ping)$/.test(w));
  // After an adjective the -ing word modifies a noun ("exploratory testing sessions"), it starts no phrase.
  if (ing > 0 && !/(ory|ive|al|ous|ful|ic|able|ible)$/.test(words[ing - 1]!)) return words[ing - 1]!;
  return words.at(-1)!;
}

function isPlural(word: string): boolean {
  if (IRREGULAR_PLURALS.has(word.toLowerCase())) return true;
  return /[^s]s$|ies$|ches$|shes$|xes$/i.test(word) && !/(ss|us|is|news|status|series|species|analysis|alias|canvas|atlas|bias|gas)$/i.test(word);
}

/** Plurals without an s: "appends block children", not "a block children". */
const IRREGULAR_PLURALS = new Set(['children', 'people', 'men', 'women', 'feet', 'teeth', 'mice', 'geese', 'criteria', 'phenomena', 'indices', 'vertices', 'matrices', 'appendices']);

/** The object as a sentence wants it: "a voice", "an issue", but "webhooks", "the DSL", "code". */
function withArticle(object: string): string {
  const words = object.split(' ');
  const head = headWords(object);
  const first = words[0]!.toLowerCase();
  const last = head[head.length - 1]!;
  if (NO_ARTICLE.has(first) || PREPOSITIONS.has(first) || NO_ARTICLE.has(last.toLowerCase()) || isPlural(last) || /^\d/.test(first) || (words.length === 1 && /^[A-Z0-9]{2,}$/.test(words[0]!)) || (head.length === 1 && first.includes('.'))) return articlesAfterPrepositions(object);
  // "the current gas price", "the latest release": there is only one.
  if (/^(current|latest|recent|last|next|first|top|default|full|whole|entire|same|main|primary)$/.test(first)) return `the ${articlesAfterPrepositions(object)}`;
  return `${indefinite(words[0]!)} ${articlesAfterPrepositions(object)}`;
}

/** "tag from profile" → "tag from a profile": a bare singular after a preposition takes an article too. */
function articlesAfterPrepositions(object: string): string {
  const words = object.split(' ');
  const out: string[] = [];
  for (let i = 0; i < words.length; i++) {
    out.push(words[i]!);
    const next = words[i + 1];
    if (next && /^(of|for|from|to|in|into|on|with)$/i.test(words[i]!) && !NO_ARTICLE.has(next.toLowerCase()) && !BARE_AFTER_PREPOSITION.has(next.toLowerCase()) && !isPlural(next) && /^[a-z]/.test(next) && !/^\d/.test(next) && !next.includes('.')) {
      // Only when the bare noun ends the object or is followed by another preposition: "for user" but not "of processing power".
      const after = words[i + 2];
      if (!after || PREPOSITIONS.has(after.toLowerCase())) out.push(indefinite(next));
    }
  }
  return out.join(' ');
}

/** The same object with "the": what a later sentence refers back to ("the proxy", "the cookies"). */
function definite(object: string): string {
  const head = headWords(object);
  // Every leading determiner goes: "a new label" → "the label".
  // "the specific fields", "the existing appointment": what identifies it in a request says nothing once it is named.
  while (head.length > 1 && /^(a|an|the|all|every|each|multiple|several|many|one|some|any|its|their|your|this|that|these|those|new|existing|specific|specified|given|selected|particular|certain|single)$/i.test(head[0]!)) head.shift();
  if (!head.length) return 'what it changed';
  return `the ${head.join(' ')}`;
}

/** Verbs that take two objects ("send the user a message", "give the bot a role"). */
const TWO_OBJECT_VERBS = new Set(['send', 'give', 'show', 'tell', 'offer', 'grant', 'email', 'pass', 'hand', 'lend', 'sell', 'buy', 'bring', 'ask', 'teach', 'assign', 'award', 'pay', 'message', 'text', 'allow', 'deny', 'charge', 'cost', 'get', 'make', 'leave', 'write', 'owe']);

/** Verbs whose object after "for" is what they bring back ("searches for files" → the files). */
const SEEK_VERBS = new Set(['search', 'scan', 'check', 'look', 'hunt', 'find', 'query', 'browse']);

/**
 * What a later sentence refers back to, or undefined when the object is no
 * thing: "searches for files" refers to the files, but "translates from
 * English to Braille" and "waits for the page to load" name nothing a
 * sentence could call "the from English" or "the for the page".
 */
function referent(act: Act): string | undefined {
  const words = act.object.split(' ');
  const first = words[0]!.toLowerCase();
  // "an upstream associated to a target" refers back as "the upstream": a participle after the noun qualifies it.
  if (!PREPOSITIONS.has(first)) {
    const the = definite(act.object);
    const participle = /^(\S+ \S+.*?) ([a-z]{2,}ed)$/.exec(the);
    // Only a participle that goes on with a preposition ("associated to", "installed on"): "floors climbed" names a count.
    const at = participle ? words.findIndex((w, k) => w === participle[2] && k + 1 < words.length && PREPOSITIONS.has(words[k + 1]!.toLowerCase())) : -1;
    return participle && at > 0 && !/(eed|embed|shred|hundred|kindred)$/.test(participle[2]!) ? participle[1]! : the;
  }
  if (first === 'for' && words.length > 1 && SEEK_VERBS.has(act.verb) && !PREPOSITIONS.has(words[1]!.toLowerCase())) return definite(words.slice(1).join(' '));
  return undefined;
}

/** Verbs whose wrong call leaves the thing itself wrong ("updates the proxy"). */
const CHANGE_VERBS = new Set(['update', 'set', 'edit', 'modify', 'change', 'rename', 'patch', 'move', 'configure', 'assign', 'unassign', 'toggle', 'enable', 'disable', 'replace', 'write', 'overwrite', 'mark', 'adjust', 'reorder', 'refresh', 'reset', 'resize', 'transition', 'promote', 'tag', 'label', 'upsert', 'append', 'annotate', 'customize', 'format', 'apply', 'attach', 'detach']);

/** Verbs whose wrong call leaves something that should not exist ("creates a label"). */
const CREATE_VERBS = new Set(['create', 'add', 'save', 'upload', 'insert', 'generate', 'import', 'clone', 'copy', 'duplicate', 'register', 'store', 'draft', 'fork', 'build', 'make', 'record', 'schedule', 'book', 'reserve', 'open', 'spawn', 'launch', 'install', 'provision', 'deploy', 'init', 'initialize', 'compose']);

/** A verb and the words it acts on, ready for "<tool> <verb>s <object> on <server>". */
interface Act {
  verb: string;
  /** With its article or determiner; empty when nothing readable names it. */
  object: string;
  /** Read from a name whose action is not its first word ("r2_delete_bucket"): used only when the description names nothing. */
  weak?: boolean;
}

/** HTTP methods that a name made from an API path starts with; as verbs they say nothing ("posts profile quick"). */
const HTTP_VERBS = new Set(['post', 'put', 'patch', 'head', 'options']);

/** True when the name is an API path (double underscores around path ids, "post_profile_quick"). */
function isApiPath(name: string, verb: string): boolean {
  return /[A-Za-z0-9]__|__[A-Za-z0-9]/.test(name) || HTTP_VERBS.has(verb);
}

/**
 * Cleans the words of an object taken from a name or a description: drops
 * path ids, version marks and stray letters, stops at "by <key>", and gives
 * up (undefined) when what is left is not a noun phrase: a verb among the
 * words, a leading preposition, the verb itself again, or too many words.
 */
function cleanObject(lex: Lexicon, words: string[], verb: string, max: number, fromName = true): string | undefined {
  const out: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    const l = w.toLowerCase();
    // "by id", "by protocol": the key the item is looked up by, not the item.
    if (l === 'by' || l === 'byid') break;
    // A trailing "id" is the thing itself ("get_chain_id": the chain ID); elsewhere it marks a path slot.
    if (ID_WORDS.has(l) && !(fromName === false && w === w.toUpperCase())) {
      if (i === words.length - 1 && out.length && !ID_WORDS.has(out[out.length - 1]!.toLowerCase())) out.push('ID');
      continue;
    }
    if (/^v\d*$/.test(l) || (/^\d+$/.test(l) && out.length === 0) || (w.length === 1 && !/^[aA]$/.test(w)) || /^(many|multi|bulk)$/.test(l) || (fromName && l === 'batch')) continue;
    out.push(w);
  }
  while (out.length && (PREPOSITIONS.has(out[out.length - 1]!.toLowerCase()) || /^(and|or|the|a|an)$/i.test(out[out.length - 1]!))) out.pop();
  if (!out.length || out.length > max) return undefined;
  if (out.every((w) => NO_THING.has(w.toLowerCase())) || PARTICIPLE_OPENERS.has(out[0]!.toLowerCase())) return undefined;
  // "create_or_update_lead", "click_and_switch_tab", "save_as_pdf": no object follows the verb.
  if (/^(and|or|as|by|then|if|not)$/i.test(out[0]!)) return undefined;
  // A name's verb among the object words: "tags id remove from profiles",
  // "end codegen session". One before a noun is a modifier ("rebase params").
  if (fromName) {
    for (let i = 0; i < out.length; i++) {
      if (!actsAsVerb(lex, out[i]!)) continue;
      const next = out[i + 1]?.toLowerCase();
      if (i === 0 || next === undefined || PREPOSITIONS.has(next) || next === 'and' || next === 'or') return undefined;
    }
  }
  // "screenshots a screenshot", "unfollows an unfollow".
  const v = baseForms(verb);
  if (verb && out.some((w) => baseForms(w.toLowerCase()).some((f) => v.includes(f)))) return undefined;
  // Glued words a name runs together ("txlistinternal") are not English.
  if (out.some((w) => w.length > 15)) return undefined;
  return out.join(' ');
}

/**
 * The name's own action and object when they state what the category says
 * ("pylon_snooze_issue" snoozes an issue); undefined when the name has no
 * action of that category, or its object does not read as English (API
 * paths: "delete_tags__id__removeFromProfiles", "post_profile_quick").
 */
function namedAction(lex: Lexicon, c: Classification, name: string, spelled = ''): Act | undefined {
  if (!c.action || !/^[a-z]+$/.test(c.action)) return undefined;
  const e = c.evidence.find((x) => x.source === 'name' && x.supports === c.category && isStatedAction(x));
  const said = e?.text.toLowerCase().replace(/[^a-z]/g, '') ?? '';
  // Only a name that reads verb first (after any server prefix) says "verb
  // object": "take_screenshot" or "browser_wait" put other words first, and
  // "screenshots a take" or "waits a browser" would follow.
  const nameWords = c.nameWords ?? [];
  const leads = !nameWords.length || nameWords[0] === c.action;
  // The action alone ("delete"), or a pair that starts with it ("send_email",
  // "cancel_order"): a whole-name match still reads verb first when the name does.
  if (!e || !said.startsWith(c.action)) return undefined;
  if (isApiPath(name, c.action)) return undefined;
  const tokens = joinBrands(nameWordsGlued(name, c.action), spelled, c.action);
  const at = tokens.indexOf(c.action);
  if (at < 0) return undefined;
  // A name writes "mysql", "fmp", "ui" in lower case; the object takes the description's spelling ("MySQL", "FMP").
  for (let i = at + 1; i < tokens.length; i++) tokens[i] = spelling(tokens[i]!, spelled);
  for (let i = 0; i < at; i++) tokens[i] = spelling(tokens[i]!, spelled);
  if (!leads) {
    // A weak reading, used only when the description names nothing: words
    // before the verb are a product ("r2_delete_bucket",
    // "binance_futures_cancel_order") or, when a deletion ends the name, its
    // object ("collection_delete"); never another verb ("take_screenshot"),
    // and never a verb that is a noun too ("file_search_agent", "search_book").
    // "w3_rm": a shell abbreviation conjugates to no English ("rms a w3").
    if (at === 0 || !/[aeiouy]/.test(c.action)) return undefined;
    const before = tokens.slice(0, at);
    if (before.some((w) => actsAsVerb(lex, w)) || NOUN_LIKE.has(c.action) || lex.nounVerbs.has(c.action)) return undefined;
    const after = tokens.slice(at + 1).filter((w) => !/^(the|a|an)$/.test(w));
    // "browser_wait" waits for no browser, "confirm_email_change" changes no "confirm email": only a deletion ends a name this way.
    if (!after.length && c.category !== 'Destructive') return undefined;
    if (after.length && (PREPOSITIONS.has(after[0]!) || /^(and|or|as|by|then|if|not)$/.test(after[0]!))) return undefined;
    const object = after.length ? cleanObject(lex, after, c.action, 4) : cleanObject(lex, before, c.action, 3);
    return object === undefined ? undefined : { verb: c.action, object: withArticle(object), weak: true };
  }
  const rest = tokens.slice(at + 1).filter((w) => !/^(the|a|an|this|that|these|those|your|my|our|their|its|specified|specific|given|existing|current|selected|user's|s)$/.test(w));
  // A pair matched whole ("send_email") is read the same way, but only when the description names nothing:
  // its own words ("Send an email to a recipient") say it better.
  const whole = said !== c.action ? { weak: true } : {};
  // "send_email_tool": the tool is not what it sends.
  if (rest.length > 1 && rest[rest.length - 1] === 'tool') rest.pop();
  if (!rest.length) return { verb: c.action, object: '', ...whole };
  const object = cleanObject(lex, rest, c.action, 4);
  if (object === undefined) return undefined;
  // "reply_to_tweet" says its preposition; "reply_twitter_tweet" leaves it out ("replies to a Twitter tweet").
  const prep = VERB_PREPOSITION[c.action];
  return { verb: c.action, object: prep && !PREPOSITIONS.has(rest[0]!) ? `${prep} ${withArticle(object)}` : withArticle(object), ...whole };
}

/** Verbs that reach their object through a preposition, which a name leaves out ("reply_twitter_tweet", "subscribe_product"). */
const VERB_PREPOSITION: Record<string, string> = { reply: 'to', respond: 'to', subscribe: 'to', unsubscribe: 'from', listen: 'to', comment: 'on', vote: 'on' };

/** A lower-case word of a name as the tool's own prose spells it, when that spelling has capitals after its first letter ("mysql" → "MySQL", "fmp" → "FMP"; not "Item" of a Title Case "Delete an Item"). */
function spelling(word: string, text: string): string {
  // Function words ("all" of "search_all") keep the name's case even where the prose shouts them.
  if (!/^[a-z0-9]+$/.test(word) || word.length < 2 || !text || NO_ARTICLE.has(word) || PREPOSITIONS.has(word) || OBJECT_ENDS.has(word)) return word;
  const re = new RegExp(`(?<![A-Za-z0-9])${word.replace(/[^a-z0-9]/g, '')}(?![A-Za-z0-9])`, 'gi');
  // Only capitals after the first letter: a lone initial capital may be Title Case ("Delete an Item").
  for (const m of text.matchAll(re)) if (/[A-Z]/.test(m[0].slice(1))) return m[0];
  return word;
}

/**
 * Name words that the tool's prose writes as one CamelCase word joined again
 * ("wild"+"fly" → "WildFly" when the server is "WildFly MCP Server"), and an
 * acronym the name itself writes in capitals kept so ("invokeWildFlyCLIOperation" → "CLI").
 */
function joinBrands(tokens: string[], text: string, action: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    let joined: string | undefined;
    for (let n = 3; n >= 2 && !joined; n--) {
      const parts = tokens.slice(i, i + n);
      if (parts.length < n || parts.includes(action) || !parts.every((w) => /^[a-z]+$/.test(w))) continue;
      const re = new RegExp(`(?<![A-Za-z0-9])${parts.join('')}(?![A-Za-z0-9])`, 'gi');
      // Only a CamelCase spelling: capitals inside the word, and not all of it ("WildFly", not "WILDFLY" or "Wildfly").
      // A type name in brackets or backticks ("ranking_type (MangaRanking)") is code, not prose.
      for (const m of text.matchAll(re)) if (/^[A-Z][a-z]+[A-Z][a-z]/.test(m[0]) && !/^[(`]$/.test(text[m.index! - 1] ?? '')) joined = m[0];
      if (joined) (out.push(joined), (i += n - 1));
    }
    if (!joined) out.push(tokens[i]!);
  }
  return out;
}

/** A name's words with letter-digit runs whole again ("erc20", "base64", "C2C", "p2p", not "erc 20" or "c 2 c"). */
function nameWordsGlued(name: string, action = ''): string[] {
  const out: string[] = [];
  const starts: number[] = [];
  let prevEnd = -1;
  for (const t of splitIdentifier(name)) {
    const prev = out[out.length - 1];
    // A run touching a digit on either side goes on: "c"+"2"+"c", "p"+"2p".
    if (t.start === prevEnd && prev !== undefined && (/^\d/.test(t.word) ? /[a-z0-9]$/.test(prev) : /\d$/.test(prev) && t.word.length === 1)) out[out.length - 1] += t.word;
    else (out.push(t.word), starts.push(t.start));
    prevEnd = t.end;
  }
  // As the name writes it when it mixes capitals and digits ("C2C", not "c2c"),
  // or writes an acronym in capitals among lower-case words ("invokeWildFlyCLIOperation": "CLI").
  const mixed = /[a-z]/.test(name);
  return out.map((w, i) => {
    const raw = name.slice(starts[i], starts[i]! + w.length);
    const acronym = mixed && w.length >= 2 && w !== action && /^[A-Z]+$/.test(raw);
    return (/\d/.test(w) || acronym) && /^[A-Z0-9]+$/.test(raw) && raw.toLowerCase() === w ? raw : w;
  });
}

/**
 * The description's own action and object ("Update cookies for profile" →
 * update, "cookies for a profile"), from the phrase that decided the
 * category, read on in the description to the end of its clause.
 */
function describedAction(lex: Lexicon, c: Classification, description: string | undefined): Act | undefined {
  if (!description) return undefined;
  const e = c.evidence.find((x) => x.source === 'description' && x.supports === c.category && isStatedAction(x) && !x.gloss);
  if (!e || /[^\x20-\x7e]/.test(e.text)) return undefined;
  const at = description.indexOf(e.text);
  if (at < 0) return undefined;
  const first = /^[A-Za-z]+/.exec(e.text)?.[0];
  const verb = first && lexiconVerb(lex, first);
  if (!first || !verb || /^(is|are|has|have|can|will|should|must|may)$/.test(verb)) return undefined;
  // "A powerful search tool": a verb word after an article, or before "tool", is a noun.
  const before = /([A-Za-z]+)\W*$/.exec(description.slice(0, at))?.[1]?.toLowerCase();
  if (before && /^(a|an|the|this|that|our|your|its|their|powerful|simple|quick|fast|advanced)$/.test(before)) return undefined;
  if (/^\s*(tool|tools|engine|function|utility|helper)\b/i.test(description.slice(at + first.length))) return undefined;
  // "a partial update of an Object": a verb word followed by "of" is a noun.
  if (/^\s+of\b/i.test(description.slice(at + first.length))) return undefined;
  // "Archive (delete) an email record": a bracketed word after the verb glosses it; the object follows the brackets.
  const after = description.slice(at + first.length).replace(/^\s*\([^()]{1,30}\)(?=\s+[A-Za-z])/, '');
  // The clause after the verb: up to punctuation, and only plain words.
  // A dot inside a word ("Pump.fun", "Node.js", "Binance.US") ends no sentence; one before a capitalised word ("setting.For example") does.
  // "Get ETH Staking History API allows users to retrieve …": the API's name ends where it starts describing itself.
  const clause = /^(?:[^.,;:!?()\[\]{}\n—–"]|\.(?=[a-z0-9]|[A-Z]{2,}\b))*/.exec(after)![0].replace(/\s+(?:API|endpoint|tool|method)\s+(?:allows|lets|enables|helps)\b.*$/i, '');
  const words = clause.trim().split(/\s+/).filter(Boolean);
  const kept: string[] = [];
  // Where the object went on past a preposition: a comma right after cuts back to here ("with a rich, …").
  let continued = -1;
  let ended = false;
  // A request and what it is for ("the request to disable OTP on the user’s transfers") may run one word longer.
  let purpose = false;
  for (let i = 0; i < words.length && kept.length <= 8; i++) {
    const w = words[i]!;
    const l = w.toLowerCase();
    if (kept.length && OBJECT_ENDS.has(l)) {
      // "a review on a pull request" goes on; "task to Taskwarrior" or "in Sentry" names the server, which the sentence names anyway.
      const next = /^(a|an|the)$/i.test(words[i + 1] ?? '') ? words[i + 2] : words[i + 1];
      // "to compare content" is a purpose, not a place.
      // An object that is itself a place ("from English to Braille") keeps its capitalised end.
      const placeOnly = PREPOSITIONS.has(kept[0]!.toLowerCase());
      // "the request to disable OTP": what a request or an attempt is for is part of it, not a purpose of the call.
      const purposeOf = l === 'to' && next === words[i + 1] && REQUEST_NOUNS.has(kept[kept.length - 1]!.toLowerCase()) && lexiconVerb(lex, next!) === next!.toLowerCase();
      if (purposeOf) purpose = true;
      if (!purposeOf && (!/^(to|from|in|on|into|at|with)$/.test(l) || !next || !(/^[a-z]/.test(next) || placeOnly) || lexiconVerb(lex, next) === next.toLowerCase())) {
        ended = true;
        break;
      }
      if (continued < 0) continued = kept.length;
    }
    if (kept.length === 0 && OBJECT_ENDS.has(l) && !/^(to|in|on|into|from)$/.test(l)) return { verb, object: '' };
    // "tags associated with", "exchanges ranked by": a participle after a noun starts what qualifies it.
    // Only when the participle itself takes a preposition: "a different initialized repository" stays whole.
    if (kept.length && /^[a-z]{3,}(ed|ing)$/.test(w) && PREPOSITIONS.has((words[i + 1] ?? '').toLowerCase()) && !/^(a|an|the|of|for|all|any|each|every|new|some|to|from|in|on)$/i.test(kept[kept.length - 1]!)) {
      ended = true;
      break;
    }
    kept.push(w);
  }
  if (!ended && continued > 0 && /^\s*[,(]/.test(after.slice(clause.length))) kept.length = continued;
  // "List the blockchain networks a wallet is active on": an article right after a noun starts a clause about it
  // (its "that" left out), unless the verb takes two objects ("send the user a message").
  if (!TWO_OBJECT_VERBS.has(verb) && !kept.some((w) => /^(how|what|whose|which|who|whom|that|whether|where|when)$/i.test(w))) {
    // Only after a plural noun: "against a table", "matching a query" and "onto the left" go on.
    const clauseAt = kept.findIndex((w, i) => i > 1 && /^(a|an|the)$/i.test(w) && /^[a-z]{3,}$/i.test(kept[i - 1]!) && isPlural(kept[i - 1]!) && !/(ing|ed)$/i.test(kept[i - 1]!) && !PREPOSITIONS.has(kept[i - 1]!.toLowerCase()) && !OBJECT_ENDS.has(kept[i - 1]!.toLowerCase()) && !NO_ARTICLE.has(kept[i - 1]!.toLowerCase()) && !actsAsVerb(lex, kept[i - 1]!));
    if (clauseAt > 0) kept.length = clauseAt;
  }
  const longest = purpose ? 8 : 7;
  if (kept.length > longest) {
    // Too long to read as one object: keep what comes before its last preposition.
    const cut = kept.slice(0, 8).map((w) => w.toLowerCase()).findLastIndex((w, i) => i > 0 && PREPOSITIONS.has(w));
    if (cut <= 0) return undefined;
    kept.length = cut;
  }
  // An identifier ("getUser", "ModifyInstanceSpec") is no English object; a short brand ("MongoDB", "GitHub", "PayPal") is.
  const brand = (w: string) => /^[A-Z][a-z]+[A-Z][A-Za-z]{0,5}$/.test(w) && w.length <= 10;
  if (kept.some((w) => /[^A-Za-z0-9'’+.-]|\.$/.test(w) || (!brand(w) && (/[a-z][A-Z]/.test(w) || /^[A-Z][a-z]+[A-Z]/.test(w))))) return undefined;
  // The description speaks to its reader; our sentence speaks about the user:
  // "your account" is the user's, and "to help you work" ends the object.
  const you = kept.findIndex((w) => /^you$/i.test(w));
  if (you >= 0) kept.length = you;
  for (let i = 0; i < kept.length; i++) if (/^your$/i.test(kept[i]!)) kept[i] = /^[A-Z]/.test(kept[i]!) ? 'The user’s' : 'the user’s';
  // "CALL THIS TOOL FIRST": an instruction shouted at the agent names no object.
  if (kept.some((w) => /^(THIS|TOOL|FIRST|WHENEVER|ALWAYS|MUST|NEVER|BEFORE|AFTER|THE|YOU|CALL|USE|ONLY|IMPORTANT)$/.test(w))) return undefined;
  if (!kept.length) return { verb, object: '' };
  // "Update a Monday.com item's or sub-item's column values": a possessive is not the thing.
  if (/['’]s$/i.test(kept[kept.length - 1]!)) return undefined;
  const object = cleanObject(lex, kept, verb, longest, false);
  if (object === undefined) return undefined;
  // Verbs with a particle first ("Look up the price"), or objects that are only words like "all".
  if (/^(up|out|back|down|off|over|all|every|each|some|any|it|them|this|that|one|two|one or more)$/i.test(object)) return undefined;
  // "Kong Admin API tool for plugins - create operations": a word for any
  // action names no thing; the name's own object ("create_plugin") does.
  if (/^(operations?|actions?|functionality|things?|stuff)$/i.test(object)) return { verb, object: '' };
  return { verb, object: withArticle(object) };
}

/** Nouns whose "to <verb>" says what they are for ("the request to disable OTP", "an invitation to join"). */
const REQUEST_NOUNS = new Set(['request', 'requests', 'attempt', 'attempts', 'invitation', 'invitations', 'invite', 'invites', 'proposal', 'proposals', 'instruction', 'instructions', 'command', 'permission', 'approval', 'consent', 'offer', 'offers', 'challenge', 'ticket']);

/** Last words of a name that make it a look-up of something's state ("order_status", "sync_history"). */
const LOOKUP_ENDS = /\b(status|statuses|history|info|details|progress|state)$/i;
/** Verbs that say a look-up themselves: "get_order_status" gets it. */
const LOOKUP_VERBS = new Set(['get', 'list', 'fetch', 'search', 'find', 'read', 'query', 'retrieve', 'show', 'describe', 'view', 'lookup', 'browse', 'check', 'plot', 'track', 'monitor', 'inspect', 'load', 'see', 'poll', 'watch', 'display', 'print', 'return', 'obtain', 'request', 'pull', 'scan', 'look', 'explore', 'discover', 'report']);

/** What the tool does in verb and object, from its name when that reads well, else from its description. */
function actionOf(c: Classification, ctx: RationaleContext): Act | undefined {
  // "API-post-database-query": the route's last word acts on the words between it and the method ("queries a database").
  if (c.evidence.some((e) => e.note === NOTE_ROUTE_READ) && c.object) return { verb: c.action, object: withArticle(c.object) };
  const named = plainVerb(namedAction(ctx.rules, c, ctx.name, `${ctx.description ?? ''} ${ctx.server}`));
  // "The New Order API allows users to …": in prose "new" is an adjective, not the action.
  const describedRaw = trashPlace(ctx.rules, c, describedAction(ctx.rules, c, ctx.description));
  const described = describedRaw?.verb === 'new' ? undefined : describedRaw;
  // The description in its author's words, when it says the same action
  // ("delete_dns": "deletes a DNS record", not "deletes dns").
  if (named && described?.object && baseForms(named.verb).some((f) => baseForms(described.verb).includes(f))) return described;
  // "ConvertOrderStatus" looks up a conversion order's status: when a read's name ends in a looked-up noun after a verb that is no look-up,
  // that verb is a noun too, and the description's own action ("checks the status of a token conversion order") says what it does.
  if (named?.object && described?.object && c.category === 'Read' && !LOOKUP_VERBS.has(named.verb) && named.verb !== described.verb && LOOKUP_ENDS.test(named.object)) return described;
  if (named?.object && !(named.weak && described?.object)) return named;
  if (described?.object) return described;
  // A one-word name ("search") acts on what its description names.
  if (named && described && baseForms(named.verb).includes(described.verb)) return named;
  return named ?? described;
}

/** "moves an Object to the recycling bin": a move that deletes says where it goes, or it reads as a harmless move. */
function trashPlace(lex: Lexicon, c: Classification, act: Act | undefined): Act | undefined {
  const e = c.evidence.find((x) => x.note === NOTE_TRASH_MOVE);
  // The same place the description stage found the move going to.
  const place = e && lex.trashMovePlace?.exec(e.text)?.[0];
  if (!act?.object || !place || act.object.toLowerCase().includes(place.toLowerCase())) return act;
  return { ...act, object: `${act.object} ${place}` };
}

/** "NewOrder" names the action with an adjective: an order is placed, anything else created ("places an order", never "news an order"). */
function plainVerb(act: Act | undefined): Act | undefined {
  if (act?.verb !== 'new') return act;
  return { ...act, verb: /\b(orders?|trades?|oco|positions?)\b/i.test(act.object) ? 'place' : 'create' };
}

/** Lexicon verbs that start a looked-up noun phrase ("order_history", "file_info"). */
const LOOKED_UP_NOUNS = new Set(['order', 'file', 'event', 'status', 'text', 'health', 'chat', 'view', 'plan', 'diff', 'screenshot', 'sql', 'store', 'trash', 'archive', 'preview', 'research', 'rank', 'login', 'stat', 'sum', 'poll', 'trigger', 'monitor', 'track', 'contact', 'summary', 'input', 'output', 'log', 'report', 'display']);

/** What a name without an action looks up ("order_history" → "order history"), if it reads as a noun phrase. */
function lookedUp(lex: Lexicon, c: Classification, name: string): string | undefined {
  if (/[A-Za-z0-9]__|__[A-Za-z0-9]/.test(name)) return undefined;
  const words = (c.nameWords ?? []).filter((w) => !/^\d+$/.test(w));
  const object = cleanObject(lex, words.length ? words : c.object.split(' ').filter(Boolean), '', 4);
  // "search", "think", "site_match": a verb alone is not what is looked up.
  const head = object?.split(' ')[0]!.toLowerCase();
  const { verbCategory, nounVerbs } = lex;
  if (!object || !head || (verbCategory.has(head) && !nounVerbs.has(head) && !LOOKED_UP_NOUNS.has(head))) return undefined;
  return object;
}

function joinOr(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}`;
}

/** What the worst plausible operation of each category does to a thing, for thin umbrella tools. */
const WORST_OPERATION: Record<Category, string> = {
  Destructive: 'delete',
  Execute: 'run whatever the caller asks on',
  Financial: 'spend money on',
  Write: 'change',
  Read: 'read',
};

/**
 * The tool's own action read as a change, for a tool one argument makes worse
 * than that action: a budget that spends money, a switch that deletes first.
 */
function changeLead(c: Classification, ctx: RationaleContext, on: string): string {
  // The tool's own change is an operation the decision outranked, so its evidence is read back from the operations.
  const stated = c.operations.filter((o) => o.category === 'Write' && (o.source === 'name' || o.source === 'description')).map((o): Evidence => ({ source: o.source, text: o.text, supports: 'Write', signals: [], weight: 1, note: 'the tool’s own change' }));
  const own = actionOf({ ...c, category: 'Write', evidence: [...c.evidence, ...stated] }, ctx) ?? nameVerbObject(ctx.rules, c, ctx.name);
  return own?.object ? `${ctx.name} ${thirdPerson(own.verb)} ${own.object} ${on}` : `${ctx.name} makes a change ${on}`;
}

function whatItDoes(c: Classification, ctx: RationaleContext, act: Act | undefined): string {
  const on = `on ${ctx.server}`;
  // When only an argument's value makes the tool this dangerous, the name's
  // own action is not what the category says ("send_webhook" with method
  // DELETE sends a request; it does not remove a webhook).
  const byArgument = c.operationParams.find((p) => p.operations.some((o) => o.category === c.category));
  if (byArgument && !c.evidence.some((e) => e.supports === c.category && isStatedAction(e))) {
    return `${ctx.name} does more than one kind of thing ${on}, and the value of its ${byArgument.name} argument decides which.`;
  }
  // A thin umbrella tool read as its worst plausible operation: say it is a reading, not a fact.
  if (c.worstCase) {
    const opening = c.worstCase.phrase.charAt(0).toLowerCase() + c.worstCase.phrase.slice(1);
    return `${ctx.name} is described only as “${opening}” ${on}; it takes no parameters and names no operation, so we read it as able to ${WORST_OPERATION[c.category]} the ${c.worstCase.object} it works on.`;
  }
  const does = act?.object ? `${ctx.name} ${thirdPerson(act.verb)} ${act.object}` : undefined;
  switch (c.category) {
    case 'Read': {
      // No action we know: the Read is a guess, and the sentence must not state it as fact ("reactivate_vehicle looks up reactivate vehicle").
      if (c.fallback) return `We could not tell from its definition what ${ctx.name} does ${on}; we guess it only returns information.`;
      // "Executes LogsQL query": the caller writes the query, in a language that can only read.
      if (c.signals.includes('freeform_code') && c.signals.includes('read_only')) return `${ctx.name} runs a query the caller writes ${on}, in a query language that can only read, so it changes nothing there.`;
      if (does) return `${does} ${on} and changes nothing there.`;
      // "order_history", "stock_basic": the name is the thing looked up.
      const thing = lookedUp(ctx.rules, c, ctx.name);
      if (thing) return `${ctx.name} looks up ${thing} ${on} and changes nothing there.`;
      return `${ctx.name} only returns information or a result and changes nothing ${on}.`;
    }
    case 'Write': {
      // "send_email sends an email": a sent message goes to whoever the caller addresses it to.
      const sent = c.objectKind?.id === 'message' && c.signals.includes('external_messaging');
      if (does && sent && SENDING_VERBS.has(act!.verb) && !/\b(to|with)\b/.test(act!.object)) return `${does} to whoever it is addressed to ${on}.`;
      if (does) return `${does} ${on}.`;
      if (c.signals.includes('sends_local_files')) return `${ctx.name} takes files from the machine it runs on, by path, and sends them out ${on}.`;
      const file = c.evidence.find((e) => e.note === NOTE_WRITES_FILE);
      if (file) return `${ctx.name} saves what it produces to a file where ${ctx.server} runs, at the path its ${file.text} parameter gives.`;
      // A message is sent, not changed, and "changes a message to people outside the tool" says neither.
      if (sent) return /^(post|publish|tweet|broadcast)$/.test(c.action) ? `${ctx.name} posts a message ${on} for whoever can read it there.` : `${ctx.name} sends a message to whoever it is addressed to ${on}.`;
      if (c.objectKind?.id === 'message') return isPlural(c.objectKind.word) ? `${ctx.name} changes ${c.objectKind.word.toLowerCase()} ${on}.` : `${ctx.name} makes a change ${on}.`;
      return c.objectKind ? `${ctx.name} changes ${c.objectKind.phrase} ${on}.` : `${ctx.name} makes a change ${on}.`;
    }
    case 'Execute': {
      const param = c.evidence.find((e) => e.source === 'parameter' && e.signals.includes('freeform_code'));
      if (param) return `${ctx.name} runs the code or query the caller puts in its ${param.text} parameter, ${on}.`;
      // "run_doctor": a single word after "run" that names nothing runnable is the name of a command.
      const command = act!?.verb === 'run' && /^an? [a-z]+$/.test(act.object) && !RUNNABLE.has(act.object.split(' ')[1]!) ? act.object.split(' ')[1] : undefined;
      if (command) return `${ctx.name} runs its ${command} command ${on}, and the caller’s input, not the tool’s name, decides what each call does.`;
      if (does) return `${does} ${on}, and the caller’s input, not the tool’s name, decides what each call does.`;
      return `${ctx.name} runs what the caller asks for ${on}, so its input, not its name, decides what happens.`;
    }
    case 'Financial': {
      // A budget, bid or spend cap: the tool's own action is a change, and one parameter decides the money.
      const spend = spendParam(c);
      if (spend && !c.signals.includes('signs_transactions')) {
        return `${changeLead(c, ctx, on)}, and its ${spend} argument sets how much money that spends.`;
      }
      // What moves, in the words of the money kind: a PayPal order moves money, not market exposure.
      const kind = moneyKind(c, ctx);
      const moves = MONEY_MOVES[kind];
      const levered = c.signals.includes('leverage') && kind !== 'collateral' ? ', and leverage multiplies what is at stake' : '';
      // (What it creates is what is billed: "creates a new Neon project …, which the provider bills …".)
      if (does && kind === 'resource') return `${does} ${on}, which the provider bills the account for while it exists.`;
      // "cast_vote": the tool's own action is a change; the key signs it.
      if (kind === 'signed') return `${changeLead(c, ctx, on)}, and ${moves.replace(/^signs/, 'signs it as')}.`;
      if (does) return `${does} ${on}, which ${moves}${levered}.`;
      return `${ctx.name} ${moves}${/ on | on$/.test(moves) ? ` (${on})` : ` ${on}`}${levered}.`;
    }
    case 'Destructive': {
      // "pg_copy_between_databases" with truncateTarget: the tool's own action is a change, and a switch deletes first.
      const wipe = c.evidence.find((e) => e.note === NOTE_DESTRUCTIVE_SWITCH);
      if (wipe && !does) {
        return `${changeLead(c, ctx, on)}, and its ${wipe.text} switch ${wipe.gloss ?? 'first deletes what is already there'}.`;
      }
      if (does) return `${does} ${on}${c.signals.includes('bulk_scope') && !/\b(all|every|multiple|many)\b/i.test(act!.object) && !/^the /i.test(act!.object) ? ', many at once' : ''}.`;
      return `${ctx.name} removes what the caller names ${on}${c.signals.includes('bulk_scope') ? ', many at once' : ''}.`;
    }
  }
}

/** Reads whose object is what they examine, not what they hand back ("analyzes codebases" reports on them). */
const ASSESS_VERBS = new Set(['analyze', 'analyse', 'check', 'validate', 'compare', 'test', 'verify', 'debug', 'inspect', 'review', 'profile', 'diagnose', 'evaluate', 'audit', 'lint', 'explain', 'assess', 'examine', 'score', 'rate', 'detect', 'identify', 'benchmark', 'critique', 'grade', 'classify', 'interpret']);
/** Reads whose object is the input they turn into something else ("translates text", "decodes a transaction"). */
const TRANSFORM_VERBS = new Set(['convert', 'translate', 'decode', 'encode', 'format', 'parse', 'summarize', 'summarise', 'hash', 'encrypt', 'decrypt', 'transcribe', 'reverse', 'visualize', 'visualise', 'simulate', 'transform', 'compress', 'minify', 'beautify', 'render', 'tokenize']);

/** A command a run_<word> tool names, not a thing it runs ("run_doctor" runs no "doctor"); what a tool can run is one of these. */
const RUNNABLE = new Set(['script', 'scripts', 'code', 'command', 'commands', 'query', 'queries', 'test', 'tests', 'pipeline', 'pipelines', 'workflow', 'workflows', 'job', 'jobs', 'build', 'builds', 'container', 'containers', 'task', 'tasks', 'program', 'process', 'function', 'action', 'actions', 'migration', 'migrations', 'analysis', 'audit', 'benchmark', 'check', 'checks', 'scan', 'suite', 'notebook', 'cell', 'cells', 'simulation', 'agent', 'model', 'sql', 'python', 'shell', 'tool', 'plugin', 'recipe', 'shortcut', 'monitor', 'queue', 'execution', 'playbook', 'macro', 'snippet', 'step', 'steps', 'flow', 'experiment', 'evaluation', 'report', 'lint', 'linter', 'formatter', 'compiler', 'binary', 'image', 'app', 'application', 'server', 'service', 'terminal', 'cli', 'bash', 'node', 'js', 'javascript', 'typescript', 'ruby', 'go', 'rust', 'r', 'java', 'powershell', 'cmd', 'applescript', 'jxa', 'sequence', 'batch', 'routine', 'cron', 'trigger', 'hook', 'hooks', 'operation', 'operations', 'request', 'requests', 'spider', 'crawler', 'scraper', 'bot', 'swarm', 'pipeline', 'prompt', 'prompts', 'inference', 'training', 'statement', 'statements', 'transaction', 'transactions', 'procedure', 'procedures', 'sandbox', 'vm']);

/** Verbs that send what they act on to someone ("sends an email", "forwards a message"). */
const SENDING_VERBS = new Set(['send', 'forward', 'email', 'text', 'message', 'mail', 'dm']);

function operationsSentence(c: Classification): string | undefined {
  const p = c.operationParams[0];
  if (!p) return undefined;
  const values = p.operations.map((o) => o.value);
  const shown = values.length > 6 ? [...values.slice(0, 5), `${values.length - 5} more`] : values;
  const worst = p.operations.find((o) => o.category === c.category);
  return `Its ${p.name} argument picks the operation (${joinOr(shown)})${worst ? `; ${worst.value} is what makes it ${c.category}` : ''}.`;
}

/** The parameter that sets a budget, bid or spend cap, when one made the tool Financial. */
function spendParam(c: Classification): string | undefined {
  return c.signals.includes('sets_spend') ? c.evidence.find((e) => e.source === 'parameter' && e.signals.includes('sets_spend'))?.text : undefined;
}

/** A name read as verb and object when no evidence of the category names it ("update_campaign" → updates a campaign). */
function nameVerbObject(lex: Lexicon, c: Classification, name: string): Act | undefined {
  const words = c.nameWords ?? [];
  const verb = words[0] && lexiconVerb(lex, words[0]);
  if (!verb || words.length < 2 || isApiPath(name, verb)) return undefined;
  const object = cleanObject(lex, words.slice(1), verb, 4);
  return object ? { verb, object: withArticle(object) } : undefined;
}

/**
 * What a private read hands back, in the words of classifier.yaml
 * private_reads.says: the user's own mail for an inbox, what people wrote in a
 * channel or a forum, the account's own trades, patients' records.
 */
export function privateThing(rules: Pick<CompiledRules, 'privateReads'>, name: string, description: string | undefined): string {
  const p = rules.privateReads;
  if (!p) return 'private records';
  const words = new Set([...splitIdentifier(name).map((t) => t.word.toLowerCase()), ...(description ?? '').slice(0, 200).toLowerCase().split(/[^\p{L}\p{N}]+/u)]);
  return p.says.find((e) => [...e.words].some((w) => words.has(w)))?.says ?? p.otherwise;
}

/** "an unwanted label", but "unwanted relations"; "an unwanted HTML page displaying comics": the head noun, not the last word, decides the article. */
function unwanted(object: string): string {
  return isPlural(headNoun(object)) ? `unwanted ${object}` : `an unwanted ${object}`;
}

/** A read that signs what the caller gives with a wallet's key ("Sign a message with the wallet"). */
function signsWithKey(c: Classification): boolean {
  return c.action === 'sign' && c.signals.includes('key_material');
}

function costSentence(c: Classification, ctx: RationaleContext, act: Act | undefined): string {
  const kind = c.objectKind;
  const the = act?.object ? referent(act) : undefined;
  const who = kind ? AUDIENCE[kind.audience] : 'the user';
  switch (c.category) {
    case 'Read': {
      const keyInput = c.evidence.some((e) => e.source === 'parameter' && e.signals.includes('key_material'));
      const returnsSecrets = !keyInput && c.signals.includes('credentials') && c.evidence.some((e) => e.signals.includes('credentials') && e.source !== 'parameter');
      if (returnsSecrets) return 'What it hands back includes secrets or keys, and anything in the agent’s context can leak to whoever can steer the agent.';
      if (c.signals.includes('private_data') && !keyInput) return `What it hands back is private (${privateThing(ctx.rules, ctx.name, ctx.description)}), and once it sits in the agent’s context it can leak to whoever can steer the agent, for example through the next message or link the agent writes.`;
      // A message signature uses the key where it lives; what is at stake is what the signature vouches for.
      if (signsWithKey(c) && !keyInput) return 'It signs whatever text the caller gives with the wallet’s own key. The key stays where it is, but the signature vouches for the text, so an injected message can become a login to a site, or an off-chain order or permit, in the wallet’s name.';
      if (c.signals.includes('key_material') || keyInput) return 'A private key or seed phrase passes through the call, so it sits in the agent’s context where a leak would expose the wallet.';
      if (c.signals.includes('sends_secrets')) return 'The server sends its own stored token or secrets with a request to the address the caller gives, so one injected address can carry them to anyone.';
      if (c.signals.includes('server_side_fetch')) return 'It fetches whatever address it is given from the server’s own network, which can reach internal services, and brings untrusted page text back to the agent.';
      if (c.signals.includes('needs_credentials')) return 'It needs a credential to call the service; the risk lies in what it reveals and in the outside text it brings back.';
      // Search and open-world reads bring back text others wrote; other reads bring back the account's own data.
      // "analyzes codebases" hands back an analysis, not the codebases; "translates text" what it makes of the text.
      const verb = act?.verb ?? '';
      const shown = !the ? '' : ASSESS_VERBS.has(verb) ? ` about ${the}` : ` (${the})`;
      // A guessed Read is not known to change nothing: say so instead of "only".
      if (c.fallback) return 'If so, the risk lies in what it hands back and in who can see the agent’s context.';
      if (c.signals.includes('open_world') || /^(search|browse|crawl|scrape|fetch|research)$/.test(act?.verb ?? '')) return `The risk lies in what comes back${shown}: text from outside sources that the agent reads as input, where planted instructions can try to steer it.`;
      if (ASSESS_VERBS.has(verb) && the) return `The risk lies only in what it reports about ${the} and in who can see the agent’s context.`;
      if (TRANSFORM_VERBS.has(verb) && the) return `The risk lies only in what it makes of ${the} and in who can see the agent’s context.`;
      return `The risk lies only in what it hands back${shown} and in who can see the agent’s context.`;
    }
    case 'Write': {
      // A path it reads and sends: the cost is what leaves the machine, not what is left on the server.
      const path = c.signals.includes('sends_local_files') ? c.evidence.find((e) => e.source === 'parameter' && e.supports === undefined && e.signals.includes('filesystem_path'))?.text : undefined;
      if (path) return `It reads whatever local file its ${path} argument names and sends it out of the machine${c.signals.includes('external_messaging') ? ' to whoever receives it' : ''}, so an injected path can carry the user’s keys, tokens or private files away, and what was sent cannot be called back.`;
      // A webhook or forward outlives the call that made it.
      if (c.signals.includes('forwards_data')) {
        const mail = /forward/i.test(`${ctx.name} ${ctx.description ?? ''}`) && !/webhook/i.test(ctx.name);
        if (mail) return `Once set, ${ctx.server} keeps forwarding the user’s new mail to that address with no further call, so a wrong or injected address hands every message to an outsider until someone notices and turns it off.`;
        return `A webhook outlives the call that makes it: a wrong or injected one keeps sending ${ctx.server}’s events and data to an outside address, or lets whoever holds its URL post in, until someone notices and removes it.`;
      }
      if (c.signals.includes('external_messaging')) return `What it sends or publishes reaches ${who === 'the user' ? 'other people' : who}, and a message cannot be pulled back once read.`;
      if (c.signals.includes('public_audience')) return `A wrong change reaches ${who === 'the user' ? 'other people' : who} as soon as it lands, before another call can put it right.`;
      if (c.signals.includes('admin_scope')) {
        // Say what was found: a payee or a credential is not "who can do what".
        const admin = c.evidence.filter((e) => e.signals.includes('admin_scope')).map((e) => e.text.toLowerCase()).join(' ');
        const creates = CREATE_VERBS.has(act?.verb ?? '');
        if (/payee|beneficiar|recipient/.test(admin)) return `A wrong call ${creates ? 'adds a payee' : 'changes a payee'} on ${ctx.server}, someone payments can later be sent to, and it stays until someone notices and ${creates ? 'removes' : 'corrects'} it.`;
        // An API key the server is given ("setApiKey") is one it calls with; a password or token it issues lets someone in.
        const configures = /^(set|configure|update|save|store|change|replace)$/.test(act?.verb ?? c.action);
        if (configures && /api ?keys?\b|\bkeys?\b|credential/.test(`${admin} ${act?.object ?? ''}`.toLowerCase()) && !/password/.test(admin)) return `A wrong call changes a credential ${ctx.server} uses: calls that need it fail, or act for whoever the wrong one belongs to, until someone notices and sets it right.`;
        // A password policy ("disable_password_expiry") is still who can do what.
        if ((kind?.id === 'secret' || /api ?key|token|credential|secret|password/.test(admin)) && !/expir|polic/.test(`${admin} ${ctx.name.toLowerCase()}`)) return `A wrong call ${creates ? 'issues' : 'changes'} a password, key or token on ${ctx.server} that lets whoever holds it in, until someone notices and resets or revokes it.`;
        return `A wrong call changes who can do what on ${ctx.server}, which affects the whole team until someone notices.`;
      }
      if (c.signals.includes('bulk_scope')) {
        // A batch creation makes many things; it matches nothing.
        if (CREATE_VERBS.has(act?.verb ?? '')) return 'One call makes many at once; each can be removed again, but a loop can make many more before anyone notices.';
        return 'One call reaches every item it matches; each change can be corrected, but a loop can make many before anyone notices.';
      }
      // What "wrong" means depends on the verb: a change leaves the thing
      // wrong, a creation leaves an unwanted one, anything else stays done.
      const verb = act?.verb ?? '';
      if (CHANGE_VERBS.has(verb) && the) {
        if (kind && (kind.loss === 'low' || kind.undo === 'recreate')) return `A wrong call costs little: the next call sets ${the} right again.`;
        return `A wrong call leaves ${the} on ${ctx.server} wrong until someone notices and corrects it with another call.`;
      }
      // "registers the user’s account": what someone already owns is not what the call makes, so no "unwanted user’s account";
      // "creates the user’s wallet address" does make one ("an unwanted wallet address").
      const owned = the !== undefined && /^the [^ ]+[’']s? /.test(the);
      if (CREATE_VERBS.has(verb) && the && (!owned || /^(create|generate|make|build)$/.test(verb))) {
        const made = the.replace(/^the ([^ ]+[’']s? )?/, '');
        // "unwanted relations … removes them", "an unwanted doc … removes it".
        const them = isPlural(headNoun(made)) ? 'them' : 'it';
        return `A wrong call leaves ${unwanted(made)} on ${ctx.server} until someone notices and removes ${them}.`;
      }
      if (kind && (kind.loss === 'low' || kind.undo === 'recreate')) return 'A wrong call costs little, and the next call can put it right.';
      return `A wrong call stays in effect on ${ctx.server} until someone notices and undoes it with another call.`;
    }
    case 'Execute':
      if (c.signals.includes('read_only')) return 'The server says the code or query runs read-only, which narrows the damage but not what it can reveal.';
      if (c.signals.includes('disposable_sandbox')) return 'The code runs in a throwaway sandbox, away from the host’s files, keys and processes, so an injected input reaches what the sandbox holds and whatever it can reach over the network.';
      return `An injected or mistaken input runs with everything ${ctx.server} is allowed to do${kind?.loss === 'high' ? `, up to ${kind.phrase}` : ''}.`;
    case 'Financial':
      // A budget or bid is spent over time, and another call can change it.
      if (spendParam(c) && !c.signals.includes('signs_transactions')) return `A wrong budget or bid starts spending the account’s money as soon as ${ctx.server} accepts it and keeps spending until someone lowers or pauses it; another call can change it back, but what was spent meanwhile stays spent.`;
      return FINANCIAL_COST[moneyKind(c, ctx)];
    case 'Destructive': {
      // What the tool names ("the gist", "the tester") says what is lost; the
      // kind's phrase says it only when nothing is named, or in brackets when
      // it adds the scale ("the mysql instance (running infrastructure)").
      const plural = the ? isPlural(headWords(the).at(-1)!) : kind ? /s$/.test(kind.phrase.split(' ')[0]!) : false;
      const it = plural ? 'them' : 'it';
      // A removed message has already reached its readers: "whoever receives it" would speak of a sending.
      const who = kind?.audience === 'public' ? `the user and everyone ${plural ? 'they' : 'it'} reached` : kind ? AUDIENCE[kind.audience] : 'the user';
      // Emptying the trash is the deletion the trash was there to undo.
      const reversible = c.signals.includes('reversible') && !/\b(trash|bin|recycle|deleted)\b/i.test(the ?? '');
      if (kind?.id === 'permission') {
        const work = /^(the user|whoever receives it)$/.test(who) ? 'works' : 'work';
        const whose = `someone’s access or role${the ? ` (${the})` : ''}`;
        return reversible
          ? `A wrong call takes away ${whose} until someone restores it from the service’s history; ${who} ${work} without it meanwhile.`
          : `A wrong call takes away ${whose} at once; nothing on ${ctx.server} puts it back by itself, so ${who} ${work} without it until a person who knows what it was grants it again.`;
      }
      // Only when the kind was read from the named thing itself: "the item" of a search index is no database.
      const head = the ? headWords(the).at(-1)!.toLowerCase().replace(/s$/, '') : '';
      const scale = the && kind && kind.loss === 'high' && kind.word.toLowerCase().replace(/s$/, '') === head && !kind.phrase.toLowerCase().includes(head) ? ` (${kind.phrase})` : '';
      // "empties the trash": what is lost is what the trash held.
      const what = the ? `${/\b(trash|bin)$/i.test(the) ? 'everything in ' : ''}${the}${scale}` : kind?.phrase;
      // A long object goes after "away" ("takes away a message to people outside the tool from …"), not between "takes" and "away from".
      const heavy = what !== undefined && what.split(' ').slice(1).some((w) => PREPOSITIONS.has(w.toLowerCase()));
      if (reversible) return what ? `A wrong call takes ${heavy ? `away ${what} from` : `${what} away from`} ${who} until someone restores ${it} from the service’s trash or history; that way back is outside the agent’s control.` : `What a wrong call removes stays in the service’s trash or history until someone restores it; that way back is outside the agent’s control.`;
      // As severity.yaml's recreatable-destructive step: not for something costly to lose (a credential that workflows use).
      if (c.signals.includes('recreatable') && !c.signals.includes('bulk_scope') && !c.signals.includes('high_loss_object')) return `What it removes is small and one call makes it again, so a wrong call costs little beyond the work of noticing.`;
      if (!what) return `Whatever a wrong call removes is gone for ${who}, and nothing on ${ctx.server} brings it back.`;
      return `A wrong call loses ${what} for ${who}, and nothing on ${ctx.server} brings ${it} back.`;
    }
  }
}

/** How a Financial call moves money, which decides what a wrong one costs and who bears it. */
type MoneyKind = 'leverage' | 'collateral' | 'approval' | 'signature' | 'signed' | 'chain' | 'unsigned' | 'billing' | 'resource' | 'recurring' | 'payment' | 'trade' | 'exchange' | 'other';

const FINANCIAL_COST: Record<MoneyKind, string> = {
  leverage: 'A wrong leverage or margin setting changes how much every price move costs the account’s open positions, and the exchange can liquidate them before anyone notices; setting it back does not return what was lost meanwhile.',
  collateral: 'Collateral a wrong call moves changes how close the account’s leveraged positions or loans are to liquidation: too little left behind them and the protocol or exchange can liquidate them before anyone notices, and moving it back does not return what was lost meanwhile.',
  approval: 'An approval outlives the call: it lets the spender move the wallet’s tokens later without asking again, so a wrong or injected spender can drain them until someone revokes the approval on chain.',
  chain: 'Once the chain includes the transaction, nobody can reverse it: a wrong address, amount or contract moves the wallet’s funds for good.',
  billing: 'A wrong call commits the account or its customer to a charge on the service’s billing schedule; what has been paid comes back only through a refund that a person issues.',
  signed: 'Once the chain includes the transaction, nobody can reverse it: the change stands in the wallet’s name and the gas is spent, and the private key the call takes sits in the agent’s context.',
  unsigned: 'Nothing moves until someone signs and sends it, but the transaction is ready as built: the next signing call sends it with the address, amount and rights it names.',
  resource: 'A wrong call leaves a resource running that the account pays for while it exists, until someone notices and deletes it; what it cost meanwhile is not refunded.',
  recurring: 'A wrong plan keeps buying on its schedule with the account’s funds until someone pauses it, and each purchase fills at the price of its day; pausing later does not sell what was bought.',
  payment: 'Once the payment provider, bank or exchange accepts it, the money has left the account; getting it back depends on the recipient or a dispute, not on another call.',
  signature: 'A signature vouches for whatever it signs in the wallet’s name: an injected permit or order can be submitted later to move the wallet’s funds, and no call takes a signature back.',
  exchange: 'Once the exchange accepts it, the account’s funds have moved on the exchange’s books at the terms of that moment, and no later call takes this one back.',
  trade: 'Once the exchange fills the order, the position exists at the price of that moment; undoing it is a new trade at a new price, with fees both ways, and the account bears the difference.',
  other: 'Once the exchange, payment provider or chain accepts the call, the money or position has moved at the price of that moment, and no later call takes it back.',
};

/** What a call of each money kind moves, for the sentence that says what the tool does. */
const MONEY_MOVES: Record<MoneyKind, string> = {
  leverage: 'changes the account’s market exposure',
  collateral: 'moves collateral behind the account’s leveraged positions or loans',
  approval: 'lets another address spend the wallet’s tokens',
  signature: 'signs in the wallet’s name',
  chain: 'moves the wallet’s funds on chain',
  billing: 'commits the account or a customer to paying',
  resource: 'creates something the provider bills the account for while it exists',
  unsigned: 'builds a transaction for the wallet to sign',
  signed: 'signs a transaction with the wallet’s own key',
  recurring: 'commits the account’s funds to purchases on a schedule',
  payment: 'moves money out of the account',
  trade: 'changes the account’s market exposure',
  exchange: 'moves the account’s funds on the exchange',
  other: 'moves money or market exposure',
};

/** Words of the name, the lead of the description and the server title. */
function leadWords(ctx: RationaleContext): Set<string> {
  const text = `${splitIdentifier(ctx.name).map((t) => t.word).join(' ')} ${(ctx.description ?? '').slice(0, 200)} ${ctx.server}`.toLowerCase();
  return new Set(text.split(/[^a-z0-9-]+/).filter(Boolean));
}

/** Which of the money kinds a Financial tool is, first match wins: a PayPal order is a payment, not a market order. */
function moneyKind(c: Classification, ctx: RationaleContext): MoneyKind {
  const w = leadWords(ctx);
  const any = (...words: string[]) => words.some((x) => w.has(x));
  // Adding or removing collateral sets no leverage: it moves what stands behind the positions.
  if (c.signals.includes('leverage') && any('collateral') && !any('leverage')) return 'collateral';
  if (c.signals.includes('leverage')) return 'leverage';
  // Typed data and messages are signed off chain: what is at stake is what the signature permits.
  if (c.action === 'sign' && any('typed', 'message', 'eip-712', 'eip712', 'permit', 'order')) return 'signature';
  if (c.action === 'approve' || any('allowance', 'approval', 'approvals', 'permit')) return 'approval';
  if (c.signals.includes('unsigned_transaction') && !c.signals.includes('signs_transactions')) return 'unsigned';
  if (c.signals.includes('bills_customer')) return 'billing';
  // "Create a subdomain under an ENS name" with a privateKey: only the key makes it Financial, so what is at stake is a signed change, not a transfer.
  const money = c.evidence.filter((e) => e.supports === 'Financial' && e.weight > 0);
  if (money.length && money.every((e) => e.source === 'parameter' && e.signals.includes('signs_transactions'))) return 'signed';
  // A project, a VM or a cache the provider bills for while it exists.
  if (c.signals.includes('billable_resource')) return 'resource';
  // An auto-invest or DCA plan spends on a schedule: no one call is the whole cost.
  // (Taking money out of one, or a one-time purchase, is no schedule.)
  if ((any('auto-invest', 'autoinvest', 'dca', 'recurring') || (w.has('auto') && w.has('invest'))) && any('plan', 'plans') && !['redeem', 'sell', 'withdraw'].includes(c.action)) return 'recurring';
  // A custodial exchange keeps its own books: its tokens move on no chain, and its orders fill there.
  const exchange = !c.signals.includes('signs_transactions') && any('binance', 'coinbase', 'kraken', 'okx', 'bybit', 'bitget', 'kucoin', 'mexc', 'huobi', 'htx', 'gate', 'bitfinex', 'bitstamp', 'alpaca', 'ccxt', 'upbit', 'bithumb');
  const trade = c.objectKind?.id === 'order' || any('order', 'orders', 'position', 'positions', 'trade', 'trading', 'buy', 'sell', 'short', 'futures', 'margin', 'spot', 'market', 'swap', 'portfolio');
  if (exchange) return trade ? 'trade' : 'exchange';
  if (c.signals.includes('signs_transactions') || any('sui', 'aptos', 'near', 'ton', 'polygon', 'arbitrum', 'avalanche', 'bnb', 'usdt', 'token', 'tokens', 'erc20', 'erc721', 'nft', 'nfts', 'chain', 'on-chain', 'onchain', 'blockchain', 'contract', 'stake', 'unstake', 'staking', 'bridge', 'mint', 'burn', 'solana', 'ethereum', 'evm', 'gas', 'dex', 'liquidity', 'validator', 'delegate', 'wallet', 'lightning', 'sats', 'usdc', 'eth', 'sol', 'btc')) return 'chain';
  if (any('invoice', 'invoices', 'subscription', 'subscriptions', 'billing', 'checkout', 'plan', 'license', 'licenses', 'credits', 'number', 'domain')) return 'billing';
  if (any('paypal', 'stripe', 'square', 'shopify', 'adyen', 'braintree', 'razorpay', 'mollie', 'paddle', 'payment', 'payments', 'pay', 'refund', 'refunds', 'payout', 'payouts', 'charge', 'tip', 'donate', 'bank', 'iban', 'sepa')) return 'payment';
  if (trade || w.has('exchange')) return 'trade';
  if (any('transfer', 'withdraw', 'withdrawal', 'deposit', 'send', 'fund', 'funds')) return 'payment';
  return 'other';
}

/** The phrase that decided the category: action evidence only, never a bare noun. */
function decidingSentence(c: Classification, params: readonly string[] = [], source?: string): string | undefined {
  if (c.fallback) {
    const shown = params.slice(0, 3).join(', ');
    const of = params.length ? `its ${params.length} parameter${params.length === 1 ? '' : 's'} (${shown}${params.length > 3 ? ', …' : ''})` : 'its parameters (it has none)';
    return `Nothing in its name, description or ${of} names an action we know, so this is a low-confidence guess that needs a person to review it.`;
  }
  if (c.worstCase) return 'What decided it: the definition says nothing more, so this is a cautious, low-confidence reading that needs a person to review it.';
  // Phrases further down the description ("permanently") are hints, not the action.
  const stated = (e: Evidence) => e.supports === c.category && isStatedAction(e);
  const param = c.evidence.find((e) => e.supports === c.category && e.weight > 0 && isSelectableOperation(e));
  const description = c.evidence.find((e) => stated(e) && e.source === 'description');
  const name = c.evidence.find((e) => stated(e) && e.source === 'name');
  const parts: string[] = [];
  if (description) parts.push(`its description says ${quote(description, source)}`);
  if (name && parts.length < 2) parts.push(`its name says ${quote(name)}`);
  if (param && parts.length < 2) {
    const value = param.text.slice(param.text.indexOf(': ') + 2);
    parts.unshift(`its ${param.text.slice(0, param.text.indexOf(':'))} parameter accepts ${quote({ ...param, text: value })}`);
  }
  const extra = c.evidence.find((e) => e.supports === c.category && isExtraOperation(e) && e.source === 'parameter');
  if (!parts.length && extra?.note === NOTE_DESTRUCTIVE_SWITCH) return `What decided it: ${extra.gloss ? `its ${extra.text} switch, which any call can set` : `its ${extra.text} parameter can delete existing data before the call does its work`}.`;
  if (!parts.length && extra) return `What decided it: its ${extra.text} parameter says where to save the result, so a call writes a file.`;
  const image = c.category === 'Execute' ? c.evidence.find((e) => e.note === NOTE_RUNS_IMAGE) : undefined;
  if (image) return `What decided it: ${parts.length ? `${parts[0]}, and ` : ''}its ${image.text} parameter picks the container image to start, and whatever that image holds runs.`;
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
    const decided = decidingSentence(c, ctx.params, ctx.description);
    if (decided) sentences.push(decided);
    return sentences.join(' ');
  }
  const act = actionOf(c, ctx);
  sentences.push(whatItDoes(c, ctx, act));
  const ops = operationsSentence(c);
  if (ops) sentences.push(ops);
  sentences.push(costSentence(c, ctx, act));
  const decided = decidingSentence(c, ctx.params, ctx.description);
  if (decided) sentences.push(decided);
  if (c.noDescription && !c.fallback) sentences.push('Its description is empty or a placeholder, so we judged it from the name and parameters alone.');
  // A read that needs a person (secrets, private data) changes nothing: the person looks it up instead.
  const words =
    ctx.policyKind === 'approval' && c.category === 'Read'
      ? `a person’s approval: the gateway refuses each call with a message and a person ${signsWithKey(c) ? 'reads and signs the text themselves' : 'looks it up instead'}`
      : (POLICY_WORDS[ctx.policyKind] ?? ctx.policyKind);
  sentences.push(`We recommend ${words}, because ${ctx.policyBecause}.`);
  if (ctx.benignFlags?.length) sentences.push('Its description gives the agent display directions; a reviewer judged them harmless, so the flag is shown but the tool keeps its judgement.');
  return sentences.join(' ');
}
