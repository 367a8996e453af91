/**
 * The classifier: reads one tool definition and decides its category from
 * the evidence the rules in catalogue/rules/classifier.yaml find in it.
 * Severity and signals are derived afterwards (severity.ts). Pure and
 * deterministic: the same definition and rules always give the same result.
 */
import { CATEGORIES, type Category, type RiskSignal } from '../../schemas/rules.ts';
import type { CompiledCombo, CompiledRules, WordSet } from '../rules/load-rules.ts';
import { normaliseParamName } from '../rules/load-rules.ts';
import { baseForms, nextWord, splitIdentifier, splitWords, WORD_SPAN, type Token } from '../text/words.ts';
import { hasCjk, normaliseForMatching } from '../text/normalize.ts';
import { applySeverity } from './severity.ts';
import { findOperationParams, type OperationParam } from './operations.ts';
import type { Classification, ClassifyInput, Evidence, ObjectInfo, Operation, ServerContext } from './types.ts';

/** Evidence notes that say a piece is not a stated action (see isStatedAction). */
const NOTE_READ_TAIL = 'the name ends in something you look up';
const NOTE_BODY_PHRASE = 'a phrase in the description';
const NOTE_BODY_ZH = 'a phrase further down the description';
const OVERRULED = ' (the description says otherwise)';
const NOTE_SELECTABLE = (param: string) => `the most dangerous operation its “${param}” parameter can select`;

/** The order of the categories from most to least dangerous (rules: precedence). */
function precedenceRank(rules: CompiledRules, c: Category): number {
  return rules.raw.precedence.indexOf(c);
}

interface Scan {
  evidence: Evidence[];
  signals: Set<RiskSignal>;
  action: string;
  object: string;
  /** A parameter that takes a private key or seed to sign with. */
  signingKey: boolean;
  /** Parameters whose enum values select an operation. */
  operationParams: OperationParam[];
  /** Words naming what the action applies to, from the name and the lead. */
  objectWords: string[];
}

/**
 * Category of a word through its light base forms, or undefined. Names are
 * looked up by the exact word only: tool names use the bare imperative
 * ("cancel_order"), so an inflected word in a name is a noun or an adjective
 * ("cancelled_orders", "CryptoLoans", "staking_info").
 */
function verbOf(rules: CompiledRules, word: string, exact = false): { category: Category; form: string } | undefined {
  if (exact) {
    const category = rules.verbCategory.get(word);
    return category ? { category, form: word } : undefined;
  }
  for (const form of baseForms(word)) {
    const category = rules.verbCategory.get(form);
    if (category) return { category, form };
  }
  return undefined;
}

function combosOf(rules: CompiledRules, word: string, exact: boolean): CompiledCombo[] {
  if (exact) return rules.combosByVerb.get(word) ?? [];
  for (const form of baseForms(word)) {
    const list = rules.combosByVerb.get(form);
    if (list) return list;
  }
  return [];
}

function matchesAt(words: readonly string[], at: number, phrase: readonly string[]): boolean {
  if (at < 0 || at + phrase.length > words.length) return false;
  for (let k = 0; k < phrase.length; k++) {
    const w = words[at + k]!;
    const p = phrase[k]!;
    if (w !== p && (w.length < p.length || !baseForms(w).includes(p))) return false;
  }
  return true;
}

/** True when a word in words[from..to] could start one of the phrases whose first words are `starts`. */
function anyStart(words: readonly string[], from: number, to: number, starts: ReadonlySet<string>): boolean {
  for (let j = Math.max(0, from); j <= to && j < words.length; j++) {
    for (const f of baseForms(words[j]!)) if (starts.has(f)) return true;
  }
  return false;
}

/** Finds a combo object after (or, for names, before) the verb at index i. */
function findCombo(
  rules: CompiledRules,
  words: readonly string[],
  i: number,
  allowBackward: boolean,
  defaultWindow: number,
  clause?: readonly number[],
): { combo: CompiledCombo; from: number; to: number } | undefined {
  // Names are read by their exact words (see verbOf), descriptions by base forms.
  for (const combo of combosOf(rules, words[i]!, allowBackward)) {
    const window = combo.window ? Math.min(combo.window, defaultWindow) : defaultWindow;
    // Most combos have no object anywhere near the verb; skip them in one pass.
    if (!anyStart(words, i + 1, i + window, combo.objectStarts) && !(allowBackward && anyStart(words, i - window - combo.maxObjectLength + 1, i - 1, combo.objectStarts))) continue;
    for (const object of combo.objects) {
      for (let j = i + 1; j <= i + window && j < words.length; j++) {
        // The object ends where the verb's clause ends ("… calls in a transaction").
        if (clause && clause[j + object.length - 1] !== clause[i]) break;
        if (matchesAt(words, j, object)) return { combo, from: i, to: j + object.length - 1 };
      }
      if (allowBackward) {
        for (let j = i - object.length; j >= Math.max(0, i - window - object.length + 1); j--) {
          if (matchesAt(words, j, object)) return { combo, from: j, to: i };
        }
      }
    }
  }
  return undefined;
}

/** The first word or phrase of `set` in `words`, skipping positions in `skip` (noun phrases such as "error group"). */
function inWordSet(set: WordSet, words: readonly string[], raw?: string, skip?: ReadonlySet<number>): string | undefined {
  return inSingles(set, words, skip) ?? inPhrases(set, words) ?? (raw ? inCjk(set, raw) : undefined);
}

function inSingles(set: WordSet, words: readonly string[], skip?: ReadonlySet<number>): string | undefined {
  for (let i = 0; i < words.length; i++) if (set.single.has(words[i]!) && !skip?.has(i)) return words[i];
  return undefined;
}

/** The phrase of `set` that comes first in the rule file among those found anywhere in `words`. */
function inPhrases(set: WordSet, words: readonly string[]): string | undefined {
  if (set.multi.length === 0) return undefined;
  let best: string[] | undefined;
  let bestOrder = Number.POSITIVE_INFINITY;
  for (let i = 0; i < words.length; i++) {
    for (const f of baseForms(words[i]!)) {
      const list = set.multiByFirst.get(f);
      if (!list) continue;
      for (const { phrase, order } of list) if (order < bestOrder && matchesAt(words, i, phrase)) (best = phrase), (bestOrder = order);
    }
  }
  return best?.join(' ');
}

function inCjk(set: WordSet, raw: string): string | undefined {
  for (const c of set.cjk) if (raw.includes(c)) return c;
  return undefined;
}

/**
 * Whether a prose word (as splitWords reads them) starts at `at`, given that
 * the character before it is no letter or digit. Words are made of letters,
 * digits and apostrophes only, so after any other character the reading
 * restarts cleanly; only an apostrophe right before needs a second look
 * ("x'read" is one word, " 'read" starts one).
 */
function wordStartsAt(text: string, at: number): boolean {
  if (at === 0 || text.charCodeAt(at - 1) !== 39) return true;
  let from = at - 1;
  while (from > 0 && /[A-Za-z0-9']/.test(text[from - 1]!)) from--;
  for (let pos = from; nextWord(text, pos, at + 1); pos = WORD_SPAN[1]!) if (WORD_SPAN[0] === at) return true;
  return false;
}

/** True when punctuation between two words of the lead is an object barrier (",", "(", …). */
function hasBarrier(rules: CompiledRules, text: string, from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (rules.objectBarriers.has(text[k]!)) return true;
  return false;
}

/** True when only list punctuation or "and"/"or" separate two words of the lead. */
function coordinated(rules: CompiledRules, text: string, from: number, to: number): boolean {
  const gap = text.slice(from, to).toLowerCase().match(/[a-z]+|[^\sa-z]/g);
  if (!gap) return false;
  for (const piece of gap) if (!rules.leadCoordinators.has(piece)) return false;
  return true;
}

/** True when a phrase already found contains this one. */
function coveredBy(seen: ReadonlySet<string>, phrase: string): boolean {
  for (const s of seen) if (s.includes(phrase)) return true;
  return false;
}

function glossFor(rules: CompiledRules, text: string): string | undefined {
  return rules.raw.glosses[text];
}

/** True when the words end in one of the read noun phrases ("…_order_history"), not a compound noun. */
function endsInReadPhrase(rules: CompiledRules, words: readonly string[]): boolean {
  if (words.length === 0) return false;
  for (const f of baseForms(words[words.length - 1]!)) {
    const list = rules.readNounPhrasesByLast.get(f);
    if (list) for (const phrase of list) if (matchesAt(words, words.length - phrase.length, phrase)) return true;
  }
  return false;
}

/** Marks word positions that belong to a noun phrase ("open orders") or compound noun ("margin call"). */
function nounPositions(rules: CompiledRules, words: readonly string[]): Set<number> {
  const taken = new Set<number>();
  for (let i = 0; i < words.length; i++) {
    for (const f of baseForms(words[i]!)) {
      const list = rules.nounPhrasesByFirst.get(f);
      if (!list) continue;
      for (const phrase of list) if (matchesAt(words, i, phrase)) for (let k = 0; k < phrase.length; k++) taken.add(i + k);
    }
  }
  return taken;
}

/** Removes a leading server prefix (binance_, BinanceFutures…) from name tokens. */
export function stripPrefix(tokens: Token[], prefixWords: ReadonlySet<string>): Token[] {
  let start = 0;
  while (start < tokens.length - 1 && start < 2 && prefixWords.has(tokens[start]!.word)) start++;
  return tokens.slice(start);
}

function scanName(rules: CompiledRules, input: ClassifyInput, ctx: ServerContext, scan: Scan): void {
  const w = rules.raw.weights;
  // Signal words are looked for in every word of the name, stopwords and the
  // server prefix included: "user" and "account" are stopwords for combos but
  // name admin scope, and "env" in "envGet" still says what is read.
  const allTokens = splitIdentifier(input.name);
  const stripped = stripPrefix(allTokens, ctx.prefixWords);
  const tokens = stripped.filter((t) => !rules.stopwords.has(t.word));
  if (tokens.length === 0) return;
  const words = tokens.map((t) => t.word);
  // Noun phrases are found before the prefix is removed: in "app-store-reviews"
  // the prefix "app" still makes "store" part of "app store".
  let nouns = nounPositions(rules, words);
  if (stripped.length < allTokens.length) {
    const before = allTokens.slice(0, allTokens.length - stripped.length).filter((t) => !rules.stopwords.has(t.word)).map((t) => t.word);
    const joined = nounPositions(rules, [...before, ...words]);
    nouns = new Set([...joined].filter((n) => n >= before.length).map((n) => n - before.length));
  }
  const span = (from: number, to: number) => input.name.slice(tokens[from]!.start, tokens[to]!.end);
  const last = words.length - 1;
  const endsInReadTail = rules.readTails.has(words[last]!) || endsInReadPhrase(rules, words);
  let firstVerb: { index: number; category: Category } | undefined;
  const consumed = new Set<number>();

  for (let i = 0; i < words.length; i++) {
    if (consumed.has(i) || nouns.has(i)) continue;
    const combo = findCombo(rules, words, i, true, rules.raw.combo_window);
    if (!combo && namesTheThing(rules, words, nouns, i)) continue;
    // A read noun that ends a longer name is a noun ("console_messages").
    const tailNoun = i === last && i > 0 && rules.readTails.has(words[i]!);
    const verb = tailNoun ? undefined : verbOf(rules, words[i]!, true);
    if (!combo && !verb) continue;
    // The first action word of a name is the action; later ones are mostly
    // modifiers ("list_cancelled_orders"), so they count for less, and for
    // very little after a read verb or in a name ending in a read noun.
    // An umbrella verb ("manage_…") names no action of its own, so it leaves
    // the decision to the description.
    let weight: number;
    if (!firstVerb) weight = combo ? w.name_combo : rules.umbrellaVerbs.has(words[i]!) ? w.name_umbrella_verb : w.name_first_verb;
    else if (firstVerb.category === 'Read' || endsInReadTail) weight = w.name_verb_as_noun;
    else weight = combo ? w.name_combo * 0.6 : w.name_verb;
    if (combo) {
      for (let k = combo.from; k <= combo.to; k++) consumed.add(k);
      scan.evidence.push({
        source: 'name',
        text: span(combo.from, combo.to),
        supports: combo.combo.category,
        signals: combo.combo.signals,
        weight,
        note: `the name ${combo.combo.label}`,
      });
      if (!firstVerb) {
        firstVerb = { index: i, category: combo.combo.category };
        scan.action = words[i]!;
        scan.object = words.slice(combo.from === i ? i + 1 : combo.from, combo.from === i ? combo.to + 1 : i).join(' ');
      }
      continue;
    }
    if (verb) {
      consumed.add(i);
      scan.evidence.push({
        source: 'name',
        text: span(i, i),
        supports: verb.category,
        signals: [],
        weight,
        note: firstVerb ? 'a later action word in the name' : 'the action word of the name',
      });
      if (!firstVerb) {
        firstVerb = { index: i, category: verb.category };
        scan.action = verb.form;
        scan.object = words.slice(i + 1).join(' ');
      }
    }
  }

  // The read-noun ending counts only when no other kind of action leads the name
  // ("delete_records" deletes records; "order_history" looks them up).
  if (endsInReadTail && (!firstVerb || (firstVerb.category === 'Read' && firstVerb.index !== last))) {
    const from = nouns.has(last) ? Math.max(0, [...nouns].filter((n) => n <= last).sort((a, b) => a - b)[0]!) : last;
    scan.evidence.push({
      source: 'name',
      text: span(from, last),
      supports: 'Read',
      signals: [],
      weight: w.name_read_tail,
      note: NOTE_READ_TAIL,
    });
    if (!scan.object) scan.object = words.join(' ');
  }
  if (!scan.object) scan.object = words.filter((x) => !rules.verbCategory.has(x)).join(' ');

  // Single signal words are read without stopwords ("edit_user_profile" is no
  // user administration), phrases with them ("sub account", "db user") are not.
  const allWords = allTokens.map((t) => t.word);
  const keptWords = allWords.filter((x) => !rules.stopwords.has(x));
  const signalWord = (set: WordSet, skip?: ReadonlySet<number>): string | undefined => inSingles(set, keptWords, skip) ?? inPhrases(set, allWords);
  const bulk = signalWord(rules.bulkWords);
  if (bulk) addSignalEvidence(scan, 'name', findText(input.name, allTokens, bulk), 'bulk_scope', 'the name covers many items');
  const admin = signalWord(rules.adminWords, nounPositions(rules, keptWords));
  if (admin) addSignalEvidence(scan, 'name', findText(input.name, allTokens, admin), 'admin_scope', 'the name touches people, permissions or the account');
  const recreatable = signalWord(rules.recreatableWords);
  if (recreatable) addSignalEvidence(scan, 'name', findText(input.name, allTokens, recreatable), 'recreatable', 'the name names something small and easy to recreate');
  // "import_wallet_from_mnemonic", "login_with_password": the secret is an
  // input the caller supplies, not something the tool hands back.
  const asInput = (word: string) => {
    const at = allWords.indexOf(word.split(' ')[0]!);
    return at > 0 && ['from', 'with', 'using', 'by', 'via'].includes(allWords[at - 1]!);
  };
  const secret = signalWord(rules.secretWords);
  if (secret) {
    const secretIsInput = asInput(secret);
    addSignalEvidence(scan, 'name', findText(input.name, allTokens, secret), secretIsInput ? 'needs_credentials' : 'credentials', secretIsInput ? 'the name says it takes a secret' : 'the name mentions secrets or keys');
  }
  const key = signalWord(rules.keyMaterialWords);
  if (key) {
    const text = findText(input.name, allTokens, key);
    addSignalEvidence(scan, 'name', text, asInput(key) ? 'needs_credentials' : 'credentials', 'the name mentions secrets or keys');
    addSignalEvidence(scan, 'name', text, 'key_material', 'the name mentions a private key or seed phrase');
  }
  // Description phrases that only raise signals ("read_only", "leverage")
  // mean the same in a name ("run_select_query", "get_leverage_brackets").
  for (let k = 0; k < allWords.length; k++) {
    const candidates = rules.bodyPhrases.get(allWords[k]!);
    if (!candidates) continue;
    for (const { words: phrase, entry } of candidates) {
      if (!entry.signals?.length) continue;
      let ok = true;
      for (let m = 1; m < phrase.length; m++) if (allWords[k + m] !== phrase[m]) ok = false;
      if (!ok) continue;
      const text = input.name.slice(allTokens[k]!.start, allTokens[k + phrase.length - 1]!.end);
      for (const signal of entry.signals) addSignalEvidence(scan, 'name', text, signal, 'the name says so');
    }
  }
}

/**
 * A word that is as often a noun as a verb ("order", "transfer", "post")
 * names the thing, not the action, when a plainer action word follows it
 * ("order_cancel", "yield_reserve_get_quote", "API-post-search"). A written
 * thing that ends a longer name is a noun too ("api_market_order_message");
 * other words keep their verb there: a look-up ("inventory_export") still
 * looks up, a run ("ci_pipeline") still runs, and a money word still names
 * the money action ("WalletDustTransfer", "MarginLoan").
 */
function namesTheThing(rules: CompiledRules, words: readonly string[], nouns: ReadonlySet<number>, i: number): boolean {
  const word = words[i]!;
  if (!rules.nounVerbs.has(word)) return false;
  if (i > 0 && i === words.length - 1) return rules.verbCategory.get(word) === 'Write';
  // "cache_stats", "queue_status": the word names what the read tail describes.
  if (i === words.length - 2 && rules.readTails.has(words[i + 1]!)) return true;
  for (let j = i + 1; j < words.length; j++) {
    if (nouns.has(j)) continue;
    const x = words[j]!;
    if (rules.verbCategory.has(x) && !rules.nounVerbs.has(x)) return true;
  }
  return false;
}

function findText(raw: string, tokens: Token[], word: string): string {
  const first = word.split(' ')[0];
  const t = tokens.find((x) => x.word === first || baseForms(x.word).includes(first!));
  if (!t) return word;
  const n = word.split(' ').length;
  const idx = tokens.indexOf(t);
  const end = tokens[Math.min(tokens.length - 1, idx + n - 1)]!.end;
  return raw.slice(t.start, end);
}

function addSignalEvidence(scan: Scan, source: Evidence['source'], text: string, signal: RiskSignal, note: string, gloss?: string): void {
  scan.signals.add(signal);
  if (scan.evidence.some((e) => e.source === source && e.text === text && e.signals.includes(signal))) return;
  scan.evidence.push({ source, text, ...(gloss ? { gloss } : {}), signals: [signal], weight: 0, note });
}

/** The description's lead: its first line when that says something, else its first sentence. */
export function descriptionLead(description: string, leadChars = 300): { text: string; start: number } {
  let offset = 0;
  while (offset <= description.length) {
    let lineEnd = description.indexOf('\n', offset);
    if (lineEnd < 0) lineEnd = description.length;
    const line = description.slice(offset, lineEnd);
    const trimmed = line.trim();
    // Skip blank lines and markdown decoration; a heading still counts as text.
    if (hasTwoLettersOrDigits(trimmed)) {
      const sentenceEnd = trimmed.search(/[.!?。！？](\s|$)/);
      const text = sentenceEnd > 20 ? trimmed.slice(0, sentenceEnd + 1) : trimmed;
      return { text: text.slice(0, leadChars), start: offset + line.indexOf(trimmed) };
    }
    offset = lineEnd + 1;
  }
  return { text: '', start: 0 };
}

const TWO_LETTERS_OR_DIGITS = /[\p{L}\p{N}][^\p{L}\p{N}]*[\p{L}\p{N}]/u;

/** At least two letters or digits (any script); ASCII is counted by hand, the rest by the regular expression. */
function hasTwoLettersOrDigits(text: string): boolean {
  let count = 0;
  for (let k = 0; k < text.length; k++) {
    const c = text.charCodeAt(k);
    if (c >= 128) return TWO_LETTERS_OR_DIGITS.test(text);
    if ((c >= 48 && c <= 57) || ((c | 0x20) >= 97 && (c | 0x20) <= 122)) if (++count >= 2) return true;
  }
  return false;
}

/** True when a negation word stands within the window before word i ("does not delete"). */
function negatedAt(rules: CompiledRules, words: readonly string[], i: number): boolean {
  for (let k = Math.max(0, i - rules.raw.negation.window); k < i; k++) if (rules.negationEn.has(words[k]!)) return true;
  return false;
}

/** The same test on raw text before a phrase starting at `at`. */
function negatedBefore(rules: CompiledRules, text: string, at: number): boolean {
  const before = splitWords(text.slice(Math.max(0, at - 40), at));
  const words = before.map((t) => t.word);
  return negatedAt(rules, [...words, ''], words.length);
}

/** True when a Chinese phrase occurs somewhere not right after a negation (不删除 does not delete). */
function zhAffirmed(rules: CompiledRules, text: string, phrase: string): boolean {
  for (let at = text.indexOf(phrase); at >= 0; at = text.indexOf(phrase, at + 1)) {
    const before = text.slice(Math.max(0, at - 3), at);
    if (!rules.negationZh.some((n) => before.endsWith(n))) return true;
  }
  return false;
}

function scanDescription(rules: CompiledRules, description: string, scan: Scan): void {
  const w = rules.raw.weights;
  if (!description) return;
  const limit = rules.raw.limits.body_scan_chars;
  const text = normaliseForMatching(description.length > limit ? description.slice(0, limit) : description);
  const lead = descriptionLead(text, rules.raw.limits.lead_chars);

  // English lead: the first action word after the filler ("This tool lets you…").
  const leadTokens: Token[] = [];
  // Clause number of each kept word: it grows at each object barrier, so a
  // combo's object is looked for only in the verb's own clause.
  const clause: number[] = [];
  let clauseNo = 0;
  let prevEnd = 0;
  for (const t of splitWords(lead.text)) {
    if (hasBarrier(rules, lead.text, prevEnd, t.start)) clauseNo++;
    prevEnd = t.end;
    if (rules.objectBarriers.has(t.word)) clauseNo++;
    if (rules.stopwords.has(t.word)) continue;
    leadTokens.push(t);
    clause.push(clauseNo);
  }
  const leadWords = leadTokens.map((t) => t.word);
  const nouns = nounPositions(rules, leadWords);
  let i = 0;
  while (i < leadWords.length && rules.leadFillers.has(leadWords[i]!)) i++;
  const window = rules.raw.lead_combo_window;
  const rank = (c: Category) => rules.raw.precedence.indexOf(c);
  for (; i < leadWords.length && i < rules.raw.limits.lead_action_words; i++) {
    if (nouns.has(i)) continue;
    // "does not delete", "never sends": a negated action is not what the tool does.
    if (negatedAt(rules, leadWords, i)) continue;
    // "Start following a trader": the introducing verb gives way to the next one.
    if (rules.auxVerbs.has(leadWords[i]!) && i + 1 < leadWords.length && verbOf(rules, leadWords[i + 1]!)) continue;
    const combo = findCombo(rules, leadWords, i, false, window, clause);
    const verb = verbOf(rules, leadWords[i]!);
    if (!combo && !verb) continue;
    const quote = (from: number, to: number) => lead.text.slice(leadTokens[from]!.start, leadTokens[to]!.end);
    // The action, then any actions listed with it ("List and create keys",
    // "Read/create/update/delete resources"): the most severe one counts,
    // because a tool is as risky as the worst thing it can be asked to do.
    let chosen = combo
      ? { at: i, to: combo.to, isCombo: true, category: combo.combo.category, signals: combo.combo.signals, note: `the description ${combo.combo.label}` }
      : { at: i, to: i, isCombo: false, category: verb!.category, signals: [] as RiskSignal[], note: 'the first action word of the description' };
    let listed = false;
    for (let k = chosen.to + 1; k < leadWords.length && coordinated(rules, lead.text, leadTokens[k - 1]!.end, leadTokens[k]!.start); ) {
      if (nouns.has(k)) break;
      const c2 = findCombo(rules, leadWords, k, false, window, clause);
      const v2 = c2 ? undefined : verbOf(rules, leadWords[k]!);
      if (!c2 && !v2) break;
      const category = c2 ? c2.combo.category : v2!.category;
      const to = c2 ? c2.to : k;
      if (rank(category) < rank(chosen.category)) {
        chosen = c2
          ? { at: k, to, isCombo: true, category, signals: c2.combo.signals, note: `the description ${c2.combo.label}` }
          : { at: k, to, isCombo: false, category, signals: [], note: 'the most severe of the actions the description lists' };
        listed = true;
      }
      k = to + 1;
    }
    // A lone verb is quoted with the words after it in its clause ("Get the
    // current weather"), so the quote says what it acts on.
    let quoteTo = chosen.to;
    if (!chosen.isCombo && !listed) while (quoteTo < chosen.at + 4 && quoteTo + 1 < leadWords.length && clause[quoteTo + 1] === clause[chosen.at]) quoteTo++;
    scan.evidence.push({
      source: 'description',
      text: quote(listed ? i : chosen.at, quoteTo),
      supports: chosen.category,
      signals: chosen.signals,
      weight: chosen.isCombo ? w.lead_combo : w.lead_verb,
      note: chosen.note,
    });
    // What the action applies to, right after it in the same clause ("Close a browser tab").
    const object: string[] = [];
    for (let k = chosen.at + 1; k <= chosen.at + rules.raw.combo_window && k < leadWords.length && clause[k] === clause[chosen.at]; k++) {
      // "a collection or view": only the first of several alternatives is the object.
      if (k > chosen.at + 1 && coordinated(rules, lead.text, leadTokens[k - 1]!.end, leadTokens[k]!.start)) break;
      object.push(leadWords[k]!);
    }
    scan.objectWords.push(...object);
    const recreatable = inWordSet(rules.recreatableWords, object);
    if (recreatable) addSignalEvidence(scan, 'description', recreatable, 'recreatable', 'the description names something small and easy to recreate');
    if (!scan.action && verb) scan.action = verb.form;
    break;
  }

  // Chinese: phrases in the first line count as the lead, elsewhere as body.
  if (hasCjk(text)) {
    const leadZh = lead.text;
    const bodyZh = text.slice(0, 600);
    const seen = new Set<string>();
    // Every phrase is Chinese, so a part of the text without any cannot hold one.
    const leadHasZh = !rules.zhAllCjk || hasCjk(leadZh);
    const bodyHasZh = !rules.zhAllCjk || hasCjk(bodyZh);
    for (const entry of leadHasZh ? rules.raw.zh : []) {
      const inLead = zhAffirmed(rules, leadZh, entry.phrase);
      if (!inLead) continue;
      // A longer phrase already matched (批量撤单) covers its parts (撤单).
      if (coveredBy(seen, entry.phrase)) continue;
      seen.add(entry.phrase);
      scan.evidence.push({
        source: 'description',
        text: entry.phrase,
        gloss: entry.gloss,
        supports: entry.category,
        signals: entry.signals ?? [],
        weight: w.lead_zh,
        note: 'a phrase in the first line of the description',
      });
    }
    let bodyTotal = 0;
    for (const entry of bodyHasZh ? rules.raw.zh : []) {
      if (seen.has(entry.phrase) || coveredBy(seen, entry.phrase)) continue;
      if (!zhAffirmed(rules, bodyZh, entry.phrase) || bodyTotal >= w.body_cap) continue;
      // Body phrases only add signals and a little weight; "提现权限" in an
      // account summary is not a withdrawal.
      seen.add(entry.phrase);
      bodyTotal += w.body_phrase * 0.5;
      scan.evidence.push({
        source: 'description',
        text: entry.phrase,
        gloss: entry.gloss,
        supports: entry.category,
        signals: [],
        weight: w.body_phrase * 0.5,
        note: NOTE_BODY_ZH,
      });
    }
  }

  // English body phrases. Most words of a long description start no phrase,
  // so a regular expression finds the places where a phrase's first word
  // could start, and only those are read as words (the same words splitWords
  // gives, so "HAL_SECRET_KEY" still holds "secret key").
  const perCategory = new Map<Category, number>();
  const found = new Set<string>();
  const finder = rules.bodyPhraseFinder;
  finder.lastIndex = 0;
  for (let hit = finder.exec(text); hit !== null; hit = finder.exec(text)) {
    if (!wordStartsAt(text, hit.index)) continue;
    nextWord(text, hit.index);
    const start = WORD_SPAN[0]!;
    const end = WORD_SPAN[1]!;
    const candidates = rules.bodyPhrases.get(text.slice(start, WORD_SPAN[2]).toLowerCase());
    if (!candidates) continue;
    for (const { words: phrase, entry } of candidates) {
      if (found.has(entry.phrase)) continue;
      let ok = true;
      let quoteEnd = end;
      for (let m = 1, p = end; m < phrase.length; m++) {
        if (!nextWord(text, p) || text.slice(WORD_SPAN[0], WORD_SPAN[2]).toLowerCase() !== phrase[m]) {
          ok = false;
          break;
        }
        p = quoteEnd = WORD_SPAN[1]!;
      }
      if (!ok) continue;
      if (entry.category && negatedBefore(rules, text, start)) continue;
      found.add(entry.phrase);
      const quote = text.slice(start, quoteEnd);
      let weight = 0;
      if (entry.category) {
        const used = perCategory.get(entry.category) ?? 0;
        weight = Math.min(w.body_phrase, Math.max(0, w.body_cap - used));
        perCategory.set(entry.category, used + weight);
      }
      for (const s of entry.signals ?? []) scan.signals.add(s);
      scan.evidence.push({
        source: 'description',
        text: quote,
        supports: entry.category,
        signals: entry.signals ?? [],
        weight,
        note: NOTE_BODY_PHRASE,
      });
    }
  }

  const bulk = inWordSet(rules.bulkWords, leadWords, lead.text);
  if (bulk) addSignalEvidence(scan, 'description', bulk, 'bulk_scope', 'the description covers many items', glossFor(rules, bulk));
}

interface ParamInfo {
  name: string;
  type: string;
}

export function listParams(input: ClassifyInput): ParamInfo[] {
  const props = input.inputSchema?.properties;
  if (!props || typeof props !== 'object') return [];
  return Object.keys(props).map((name) => {
    const p = props[name] as { type?: unknown } | null;
    const t = p && typeof p === 'object' ? p.type : undefined;
    return { name, type: typeof t === 'string' ? t : Array.isArray(t) ? t.join('|') : 'any' };
  });
}

function scanParams(rules: CompiledRules, input: ClassifyInput, scan: Scan): void {
  const w = rules.raw.weights;
  const params = listParams(input);
  let amount: ParamInfo | undefined;
  let recipient: ParamInfo | undefined;
  for (const p of params) {
    const kinds = rules.paramKinds.get(normaliseParamName(p.name));
    if (!kinds) continue;
    for (const kind of kinds) {
      if (kind === 'freeform_code' && (p.type === 'string' || p.type === 'any' || p.type.includes('string'))) {
        scan.signals.add('freeform_code');
        scan.evidence.push({ source: 'parameter', text: p.name, supports: 'Execute', signals: ['freeform_code'], weight: w.param, note: 'a parameter that takes code, a command or a query' });
      } else if (kind === 'filesystem_path') {
        addSignalEvidence(scan, 'parameter', p.name, 'filesystem_path', 'a parameter that takes a file or folder path');
      } else if (kind === 'credentials') {
        // Needing a key to call a service is not the same as handing one back.
        addSignalEvidence(scan, 'parameter', p.name, 'needs_credentials', 'a parameter that takes a secret');
      } else if (kind === 'signing_key') {
        scan.signingKey = true;
        addSignalEvidence(scan, 'parameter', p.name, 'key_material', 'a parameter that takes a private key or seed phrase');
        scan.evidence.push({ source: 'parameter', text: p.name, supports: 'Financial', signals: ['signs_transactions'], weight: w.param, note: 'a parameter that takes a private key to sign with' });
      } else if (kind === 'leverage' && p.type !== 'boolean') {
        scan.signals.add('leverage');
        scan.evidence.push({ source: 'parameter', text: p.name, supports: 'Financial', signals: ['leverage'], weight: w.param * 0.5, note: 'a leverage or margin parameter' });
      } else if (kind === 'bulk' && (p.type === 'boolean' || p.name.toLowerCase() === 'all')) {
        addSignalEvidence(scan, 'parameter', p.name, 'bulk_scope', 'a switch that widens the call to everything');
      } else if (kind === 'open_world') {
        addSignalEvidence(scan, 'parameter', p.name, 'open_world', 'a parameter that takes an outside address');
      } else if (kind === 'amount' && !amount && p.type !== 'boolean') {
        amount = p;
      } else if (kind === 'recipient' && !recipient) {
        recipient = p;
      }
    }
  }
  if (amount && recipient) {
    scan.signals.add('moves_money');
    scan.evidence.push({ source: 'parameter', text: `${amount.name} + ${recipient.name}`, supports: 'Financial', signals: ['moves_money'], weight: w.param, note: 'an amount and a recipient together' });
  } else if (amount) {
    scan.evidence.push({ source: 'parameter', text: amount.name, supports: 'Financial', signals: [], weight: w.param * 0.3, note: 'an amount or quantity parameter' });
  }
  const many = rules.raw.limits.many_params;
  if (params.length > many) {
    addSignalEvidence(scan, 'parameter', `${params.length} parameters`, 'high_param_count', `more than ${many} parameters to get right`);
  }
  // Enum parameters that pick the operation: the most dangerous value counts
  // as strongly as the name, because the caller can always choose it.
  for (const op of findOperationParams(rules, input)) {
    scan.operationParams.push(op);
    const worst = [...op.operations].sort((a, b) => precedenceRank(rules, a.category) - precedenceRank(rules, b.category))[0]!;
    scan.evidence.push({
      source: 'parameter',
      text: `${op.name}: ${worst.value}`,
      supports: worst.category,
      signals: [],
      weight: rules.raw.operations.weight,
      note: NOTE_SELECTABLE(op.name),
    });
  }
}

function scanAnnotations(rules: CompiledRules, input: ClassifyInput, scan: Scan): void {
  const a = input.annotations;
  if (!a) return;
  const w = rules.raw.weights.annotation;
  if (a.readOnlyHint === true) {
    scan.evidence.push({ source: 'annotation', text: 'readOnlyHint: true', supports: 'Read', signals: ['read_only'], weight: w, note: 'the server marks it read-only (a hint, not proof)' });
    scan.signals.add('read_only');
  } else if (a.destructiveHint === true) {
    scan.evidence.push({ source: 'annotation', text: 'destructiveHint: true', supports: 'Destructive', signals: [], weight: w, note: 'the server marks it destructive (a hint, not proof)' });
  }
  if (a.openWorldHint === true) addSignalEvidence(scan, 'annotation', 'openWorldHint: true', 'open_world', 'the server says it reaches outside systems');
}

/** Signals that only make sense for some categories are dropped elsewhere. */
const SIGNAL_SCOPE: Partial<Record<RiskSignal, readonly Category[]>> = {
  bulk_scope: ['Write', 'Execute', 'Financial', 'Destructive'],
  irreversible: ['Destructive', 'Financial'],
  moves_money: ['Financial'],
  leverage: ['Financial', 'Write'],
  signs_transactions: ['Financial'],
  external_messaging: ['Write', 'Execute', 'Financial'],
  admin_scope: ['Write', 'Execute', 'Destructive'],
  read_only: ['Read', 'Execute'],
  recreatable: ['Destructive'],
  reversible: ['Destructive', 'Write'],
  high_loss_object: ['Destructive', 'Execute', 'Write'],
  public_audience: ['Write', 'Execute'],
  server_side_fetch: ['Read'],
};

/** A description that says nothing: empty, or a scrape placeholder ("Description not available"). */
export function isPlaceholder(rules: CompiledRules, description: string | undefined): boolean {
  const d = (description ?? '').trim();
  if (!d) return true;
  if (d.length > 80) return false;
  return rules.placeholders.has(d.toLowerCase().replace(/[.!。]+$/, ''));
}

/**
 * Evidence where the name or the description's lead states an action (a verb,
 * or a verb with its object): not a read noun at the end of a name, not a
 * phrase further down the description, not a name verb the description
 * overruled. Only these are quoted as "says" and listed as operations.
 */
export function isStatedAction(e: Evidence): boolean {
  return (
    e.weight > 0 &&
    !!e.supports &&
    (e.source === 'name' || e.source === 'description') &&
    e.note !== NOTE_READ_TAIL &&
    e.note !== NOTE_BODY_PHRASE &&
    e.note !== NOTE_BODY_ZH &&
    !e.note.endsWith(OVERRULED)
  );
}

/** Evidence for the most dangerous value of an operation-selecting parameter. */
export function isSelectableOperation(e: Evidence): boolean {
  return e.source === 'parameter' && e.note.endsWith('parameter can select');
}

/**
 * The description outranks the name when they disagree about what happens:
 * "git_reset" that "Unstages all staged changes" unstages, "add" that "Adds
 * two numbers" computes. A lead that only says the tool returns or gets
 * something does not overrule a name that acts ("delete_user: Returns the
 * result"), and a description's own list of actions keeps its worst one.
 */
function descriptionOutranksName(rules: CompiledRules, evidence: Evidence[]): void {
  const lead = evidence.find((e) => e.source === 'description' && e.weight >= rules.raw.weights.lead_verb && isStatedAction(e));
  if (!lead?.supports) return;
  const weakRead = lead.supports === 'Read' && lead.weight < rules.raw.weights.lead_combo;
  if (weakRead) return;
  for (const e of evidence) {
    // A verb-object pair in the name ("make_payment_txn") is as specific as the description.
    if (e.source === 'name' && e.supports && e.supports !== lead.supports && e.weight > 0 && !e.note.startsWith('the name ')) {
      e.weight = Math.round(e.weight * 0.4 * 100) / 100;
      e.note += OVERRULED;
    }
  }
}

/** The kind of object the action applies to, from objects.yaml: the first object word that names one. */
function objectKindOf(rules: CompiledRules, words: readonly string[]): ObjectInfo | undefined {
  for (const raw of words) {
    const word = raw.toLowerCase();
    const kind = rules.objectKinds.get(word) ?? baseForms(word).map((f) => rules.objectKinds.get(f)).find(Boolean);
    if (kind) return { id: kind.id, word: raw, phrase: kind.phrase, loss: kind.loss, undo: kind.undo, audience: kind.audience };
  }
  return undefined;
}

function hasReversiblePhrase(rules: CompiledRules, description: string): boolean {
  const text = description.slice(0, rules.raw.limits.body_scan_chars).toLowerCase();
  for (const p of rules.reversiblePhrases) {
    const at = text.indexOf(p);
    if (at < 0) continue;
    // "cannot be undone", "no undo" say the opposite.
    if (!negatedBefore(rules, text, at)) return true;
  }
  return false;
}

/** Every operation the evidence shows, one per action and category, most dangerous first. */
function listOperations(rules: CompiledRules, category: Category, evidence: readonly Evidence[], params: readonly OperationParam[]): Operation[] {
  const out: Operation[] = [];
  const seen = new Set<string>();
  const push = (op: Operation) => {
    const key = `${op.action.toLowerCase()}|${op.category}|${op.param ?? ''}`;
    if (seen.has(key)) return;
    seen.add(key);
    out.push(op);
  };
  for (const e of evidence) {
    if (!isStatedAction(e)) continue;
    push({ action: e.text, category: e.supports!, source: e.source, text: e.text });
  }
  for (const p of params) for (const op of p.operations) push({ action: op.action.toLowerCase() === op.value.toLowerCase() ? op.value : op.action, category: op.category, source: 'parameter', text: `${p.name}: ${op.value}`, param: p.name });
  if (!out.length) return out;
  return out.sort((a, b) => precedenceRank(rules, a.category) - precedenceRank(rules, b.category) || (a.category === category ? -1 : 0));
}

export function classify(rules: CompiledRules, input: ClassifyInput, ctx: ServerContext): Classification {
  const scan: Scan = { evidence: [], signals: new Set(), action: '', object: '', signingKey: false, operationParams: [], objectWords: [] };
  const limits = rules.raw.limits;
  const noDescription = isPlaceholder(rules, input.description);
  scanName(rules, input, ctx, scan);
  if (!noDescription) scanDescription(rules, input.description ?? '', scan);
  scanParams(rules, input, scan);
  scanAnnotations(rules, input, scan);
  descriptionOutranksName(rules, scan.evidence);

  const scores = { Read: 0, Write: 0, Execute: 0, Financial: 0, Destructive: 0 } as Record<Category, number>;
  for (const e of scan.evidence) if (e.supports) scores[e.supports] += e.weight;

  // Highest score wins; near-ties go to the category that comes first in the
  // precedence order (Financial > Destructive > Execute > Write > Read).
  let top = 0;
  let second = 0;
  for (const c of CATEGORIES) {
    const v = scores[c];
    if (v > top) (second = top), (top = v);
    else if (v > second) second = v;
  }
  let category: Category;
  let fallback = false;
  if (top <= 0) {
    // Nothing names an action. Calling it a change would be a guess; calling
    // it a read is one too, so the page says so and asks for review.
    category = 'Read';
    fallback = true;
  } else {
    category = rules.raw.precedence.find((c) => scores[c] >= top * limits.near_tie)!;
  }
  // Execute over Write when the input is code or a query; over Read too when
  // the name or description itself says it runs it ("by executing it").
  if (category === 'Write' && scan.signals.has('freeform_code') && scores.Execute > 0) category = 'Execute';
  else if (
    category === 'Read' &&
    scan.signals.has('freeform_code') &&
    !scan.signals.has('read_only') &&
    scores.Execute >= rules.raw.weights.param &&
    scan.evidence.some((e) => e.supports === 'Execute' && e.source !== 'parameter' && e.weight > 0)
  )
    category = 'Execute';
  // Financial over Write when the tool is handed a private key: a change made
  // with the caller's key is a signed transaction ("cast_vote", "register_ens_name").
  else if (category === 'Write' && scan.signingKey) category = 'Financial';
  // A tool is as dangerous as the worst operation a caller can select.
  for (const p of scan.operationParams) for (const op of p.operations) if (precedenceRank(rules, op.category) < precedenceRank(rules, category)) category = op.category;

  for (const e of scan.evidence) for (const s of e.signals) if (e.supports === undefined || e.supports === category) scan.signals.add(s);
  if (category === 'Destructive') scan.signals.add('irreversible');
  if (category === 'Financial') scan.signals.add('moves_money');

  // What the action applies to, and what losing it costs (objects.yaml).
  const nameObject = scan.object.split(' ').filter(Boolean);
  const objectKind = objectKindOf(rules, [...nameObject, ...scan.objectWords]);
  if (objectKind) {
    if (objectKind.loss === 'high') scan.signals.add('high_loss_object');
    if (objectKind.undo === 'recreate' || objectKind.loss === 'low') scan.signals.add('recreatable');
    if (objectKind.undo === 'trash') scan.signals.add('reversible');
    if (objectKind.audience === 'public' || objectKind.audience === 'customers') scan.signals.add('public_audience');
  }
  if (category === 'Destructive' && !noDescription && hasReversiblePhrase(rules, input.description ?? '')) scan.signals.add('reversible');
  if (scan.signals.has('external_messaging')) scan.signals.add('public_audience');
  // A read that takes any URL makes the server fetch it: internal addresses
  // and whatever the page says both reach the agent.
  if (category === 'Read' && scan.signals.has('open_world') && scan.evidence.some((e) => e.source === 'parameter' && e.signals.includes('open_world'))) scan.signals.add('server_side_fetch');

  const signals = [...scan.signals].filter((s) => {
    const scope = SIGNAL_SCOPE[s];
    return !scope || scope.includes(category);
  });
  signals.sort();

  const margin = top > 0 ? (top - second) / top : 0;
  const strength = Math.min(top, limits.full_strength) / limits.full_strength;
  let confidence = fallback ? 0.2 : Math.round((0.5 * margin + 0.5 * strength) * 100) / 100;
  if (noDescription && !fallback) confidence = Math.min(confidence, 0.5);

  const severity = applySeverity(rules.severity, category, signals);

  // Keep evidence that supports the decision or explains a kept signal, strongest first.
  const evidence = scan.evidence
    .filter((e) => e.supports === category || (e.supports === undefined && e.signals.some((s) => signals.includes(s))) || (e.weight === 0 && e.signals.some((s) => signals.includes(s))))
    .sort((a, b) => b.weight - a.weight || sourceOrder(a.source) - sourceOrder(b.source));

  const operations = listOperations(rules, category, scan.evidence, scan.operationParams);
  let needsReview: string | undefined;
  if (fallback) needsReview = noDescription ? 'no description and no action word we know in the name' : 'no action word we know in the name or the description';
  else if (confidence < limits.review_below) needsReview = 'the evidence points more than one way';
  else if (noDescription) needsReview = 'judged from the name alone: the description is empty or a placeholder';

  return {
    category,
    severity: severity.severity,
    baseSeverity: severity.base,
    severitySteps: severity.steps,
    confidence,
    signals,
    evidence,
    scores,
    object: scan.object,
    action: scan.action,
    fallback,
    operations,
    operationParams: scan.operationParams,
    ...(objectKind ? { objectKind } : {}),
    ...(needsReview ? { needsReview } : {}),
    noDescription,
  };
}

function sourceOrder(s: Evidence['source']): number {
  return s === 'name' ? 0 : s === 'description' ? 1 : s === 'parameter' ? 2 : 3;
}
