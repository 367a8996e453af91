/**
 * Lexicon look-ups the classifier stages share: verbs and combos by word,
 * noun phrases, coordination and negation. They only read the compiled rules
 * (catalogue/rules/classifier.yaml); they decide nothing on their own.
 */
import type { Category } from '../../schemas/rules.ts';
import type { CompiledCombo, CompiledRules, WordSet } from '../rules/load-rules.ts';
import { baseForms, newWordSpan, nextWord, splitWords, type Token } from '../text/words.ts';

/** The order of the categories from most to least dangerous (rules: precedence). */
export function precedenceRank(rules: CompiledRules, c: Category): number {
  return rules.raw.precedence.indexOf(c);
}

/**
 * Category of a word through its light base forms, or undefined. Names are
 * looked up by the exact word only: tool names use the bare imperative
 * ("cancel_order"), so an inflected word in a name is a noun or an adjective
 * ("cancelled_orders", "CryptoLoans", "staking_info").
 */
export function verbOf(rules: CompiledRules, word: string, exact = false): { category: Category; form: string } | undefined {
  if (exact) {
    const category = rules.verbCategory.get(word);
    return category ? { category, form: word } : undefined;
  }
  // Descriptions repeat the same words thousands of times: remember each
  // word's reading per rule set (a rule set never changes once compiled).
  let memo = VERB_MEMO.get(rules);
  if (!memo) VERB_MEMO.set(rules, (memo = new Map()));
  const known = memo.get(word);
  if (known !== undefined) return known ?? undefined;
  let found: { category: Category; form: string } | null = null;
  // "this tool is for rebooting cameras": a word that acts only as a whole name is no action in prose.
  if (rules.nameOnlyActions.has(word.toLowerCase())) {
    if (memo.size < 200_000) memo.set(word, null);
    return undefined;
  }
  for (const form of baseForms(word)) {
    const category = rules.verbCategory.get(form);
    if (category) {
      found = { category, form };
      break;
    }
  }
  if (memo.size < 200_000) memo.set(word, found);
  return found ?? undefined;
}

/** How a verb is written: its bare form ("get"), third person ("gets"), or anything else ("minted", "getting", "orders"). */
export function verbForm(rules: CompiledRules, word: string): 'bare' | 'third' | 'other' {
  if (rules.verbCategory.has(word)) return 'bare';
  if (word.endsWith('s') && (rules.verbCategory.has(word.slice(0, -1)) || (word.endsWith('es') && rules.verbCategory.has(word.slice(0, -2))))) return 'third';
  return 'other';
}

const VERB_MEMO = new WeakMap<CompiledRules, Map<string, { category: Category; form: string } | null>>();

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
export function findCombo(
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
        // "Add a new payment recipient": an object that starts a longer noun
        // phrase only qualifies its head (noun_phrases), so it is not the object.
        const end = j + object.length - 1;
        const headOk = !combo.head || end + 1 >= words.length || (clause !== undefined && clause[end + 1] !== clause[end]);
        if (matchesAt(words, j, object) && headOk && !startsNounPhrase(rules, words, end) && !(j - 1 > i && endsOtherSense(rules, words, j - 1, end))) return { combo, from: i, to: end };
      }
      if (allowBackward) {
        for (let j = i - object.length; j >= Math.max(0, i - window - object.length + 1); j--) {
          if (matchesAt(words, j, object) && !endsOtherSense(rules, words, j - 1, j + object.length - 1)) return { combo, from: j, to: i };
        }
      }
    }
  }
  return undefined;
}

/** True when words[from..to] are one of other_senses ("update the navigation order": an ordering, not a market order). */
function endsOtherSense(rules: CompiledRules, words: readonly string[], from: number, to: number): boolean {
  if (from < 0) return false;
  for (const f of baseForms(words[to]!)) for (const phrase of rules.otherSensesByLast.get(f) ?? []) if (phrase.length === to - from + 1 && matchesAt(words, from, phrase)) return true;
  return false;
}

/** True when a noun phrase of two words or more starts at position `at` ("payment recipient", "order book"). */
function startsNounPhrase(rules: CompiledRules, words: readonly string[], at: number): boolean {
  if (at + 1 >= words.length) return false;
  for (const f of baseForms(words[at]!)) for (const phrase of rules.nounPhrasesByFirst.get(f) ?? []) if (phrase.length > 1 && matchesAt(words, at, phrase)) return true;
  return false;
}

/** The first word or phrase of `set` in `words`, skipping positions in `skip` (noun phrases such as "error group"). */
export function inWordSet(set: WordSet, words: readonly string[], raw?: string, skip?: ReadonlySet<number>): string | undefined {
  return inSingles(set, words, skip) ?? inPhrases(set, words) ?? (raw ? inCjk(set, raw) : undefined);
}

export function inSingles(set: WordSet, words: readonly string[], skip?: ReadonlySet<number>): string | undefined {
  for (let i = 0; i < words.length; i++) if (set.single.has(words[i]!) && !skip?.has(i)) return words[i];
  return undefined;
}

/** The phrase of `set` that comes first in the rule file among those found anywhere in `words`. */
export function inPhrases(set: WordSet, words: readonly string[]): string | undefined {
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
export function wordStartsAt(text: string, at: number): boolean {
  if (at === 0 || text.charCodeAt(at - 1) !== 39) return true;
  let from = at - 1;
  while (from > 0 && /[A-Za-z0-9']/.test(text[from - 1]!)) from--;
  const span = newWordSpan();
  for (let pos = from; nextWord(text, span, pos, at + 1); pos = span.end) if (span.start === at) return true;
  return false;
}

/** True when punctuation between two words of the lead is an object barrier (",", "(", …). */
export function hasBarrier(rules: CompiledRules, text: string, from: number, to: number): boolean {
  for (let k = from; k < to; k++) {
    if (rules.objectBarriers.has(text[k]!)) return true;
    // A dash with space on both sides ends a clause ("Manage functions - get, create or drop"); one inside a word ("sub-account") does not.
    if ((text[k] === '-' || text[k] === '–' || text[k] === '—') && /\s/.test(text[k - 1] ?? '') && /\s/.test(text[k + 1] ?? '')) return true;
  }
  return false;
}

/** True when only list punctuation or "and"/"or" separate two words of the lead. */
export function coordinated(rules: CompiledRules, text: string, from: number, to: number): boolean {
  const raw = text.slice(from, to);
  // "GET /transfers/tx": a slash with a space before it and none after starts a route path, not a second action.
  if (/^\s+\/$/.test(raw)) return false;
  const gap = raw.toLowerCase().match(/[a-z]+|[^\sa-z]/g);
  if (!gap) return false;
  for (const piece of gap) if (!rules.leadCoordinators.has(piece)) return false;
  return true;
}

/** True when a phrase already found contains this one. */
export function coveredBy(seen: ReadonlySet<string>, phrase: string): boolean {
  for (const s of seen) if (s.includes(phrase)) return true;
  return false;
}

export function glossFor(rules: CompiledRules, text: string): string | undefined {
  return rules.raw.glosses[text];
}

/** True when the words end in one of the read noun phrases ("…_order_history"), not a compound noun. */
export function endsInReadPhrase(rules: CompiledRules, words: readonly string[]): boolean {
  if (words.length === 0) return false;
  for (const f of baseForms(words[words.length - 1]!)) {
    const list = rules.readNounPhrasesByLast.get(f);
    if (list) for (const phrase of list) if (matchesAt(words, words.length - phrase.length, phrase)) return true;
  }
  return false;
}

/** Marks word positions that belong to a noun phrase ("open orders") or compound noun ("margin call"). */
export function nounPositions(rules: CompiledRules, words: readonly string[]): Set<number> {
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

/**
 * A word that is as often a noun as a verb ("order", "transfer", "post")
 * names the thing, not the action, when a plainer action word follows it
 * ("order_cancel", "yield_reserve_get_quote", "API-post-search"). A written
 * thing that ends a longer name is a noun too ("api_market_order_message");
 * other words keep their verb there: a look-up ("inventory_export") still
 * looks up, a run ("ci_pipeline") still runs, and a money word still names
 * the money action ("WalletDustTransfer", "MarginLoan").
 */
/** A word as often a noun as a verb ("message", "types" of "type"). */
export function isNounVerb(rules: CompiledRules, word: string): boolean {
  return rules.nounVerbs.has(word) || baseForms(word).some((f) => rules.nounVerbs.has(f));
}

export function namesTheThing(rules: CompiledRules, words: readonly string[], nouns: ReadonlySet<number>, i: number): boolean {
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

export function findText(raw: string, tokens: Token[], word: string): string {
  const first = word.split(' ')[0];
  const t = tokens.find((x) => x.word === first || baseForms(x.word).includes(first!));
  if (!t) return word;
  const n = word.split(' ').length;
  const idx = tokens.indexOf(t);
  const end = tokens[Math.min(tokens.length - 1, idx + n - 1)]!.end;
  return raw.slice(t.start, end);
}

/** True when a negation word stands within the window before word i ("does not delete"). */
export function negatedAt(rules: CompiledRules, words: readonly string[], i: number): boolean {
  for (let k = Math.max(0, i - rules.raw.negation.window); k < i; k++) if (rules.negationEn.has(words[k]!)) return true;
  return false;
}

/** The same test on raw text before a phrase starting at `at`. */
export function negatedBefore(rules: CompiledRules, text: string, at: number): boolean {
  const before = splitWords(text.slice(Math.max(0, at - 40), at));
  const words = before.map((t) => t.word);
  return negatedAt(rules, [...words, ''], words.length);
}

/** True when a Chinese phrase occurs somewhere not right after a negation (不删除 does not delete). */
export function zhAffirmed(rules: CompiledRules, text: string, phrase: string, notAfter?: readonly string[]): boolean {
  for (let at = text.indexOf(phrase); at >= 0; at = text.indexOf(phrase, at + 1)) {
    const before = text.slice(Math.max(0, at - 3), at);
    if (rules.negationZh.some((n) => before.endsWith(n))) continue;
    // The object right before it, less a Japanese particle ("スクロールを実行").
    const object = text.slice(Math.max(0, at - 12), at).replace(/[をのがは]\s*$/, '');
    if (notAfter?.some((n) => object.endsWith(n))) continue;
    return true;
  }
  return false;
}
