/**
 * Lists of actions anywhere in a description: "Manages GameObjects: create,
 * modify, delete", "Manage Netlify forms (enable, disable, delete, export)",
 * or an Args line such as operation: ("add", "remove", "list", "update").
 * Each listed action is an operation the tool exposes; the worst one weighs
 * like an operation parameter, because a caller can always ask for it.
 */
import type { Category } from '../../schemas/rules.ts';
import type { CompiledRules } from '../rules/load-rules.ts';
import type { Token } from '../text/words.ts';
import { NOTE_LISTED } from './findings.ts';
import { negatedAt, nounPositions, precedenceRank, verbForm, verbOf } from './lexicon.ts';
import type { Evidence } from './types.ts';

/** One action a description lists, as the page shows it. */
export interface ListedAction {
  action: string;
  category: Category;
  /** The whole list it came from, quoted. */
  text: string;
}

/** A bullet line that starts with one word and a colon or dash: "- insert: Create new records". */
const BULLET_ACTION = /^[ \t]*[-*•][ \t]*[`"']?([A-Za-z]+)[`"']?[ \t]*[:—–-][ \t]*([A-Za-z]+)/gm;

/** True when only list separators (",", "/", "or", "and", quotes) stand between two words, and at least one is not a quote. */
function listGap(rules: CompiledRules, text: string, from: number, to: number): boolean {
  const pieces = text.slice(from, to).toLowerCase().match(/[a-z]+|[^\sa-z]/g);
  if (!pieces) return false;
  let joined = false;
  for (const piece of pieces) {
    if (rules.leadCoordinators.has(piece)) joined = true;
    else if (!rules.listQuotes.has(piece)) return false;
  }
  return joined;
}

/** How many words before a list an introducing word ("supports", "operation") may stand. */
const INTRO_REACH = 3;

/**
 * True when a word ("supports", "operations") shortly before the list
 * starting at token i introduces it, in the same sentence; or, when `marks`
 * is set, a mark right before it (":", "(").
 */
function introduced(rules: CompiledRules, text: string, tokens: readonly Token[], i: number, marks: boolean): boolean {
  const from = i > 0 ? tokens[i - 1]!.end : 0;
  const gap = text.slice(from, tokens[i]!.start);
  if (marks) {
    for (let k = gap.length - 1; k >= 0; k--) {
      const c = gap[k]!;
      if (/\s/.test(c) || rules.listQuotes.has(c)) continue;
      if (rules.listIntroMarks.has(c)) return true;
      break;
    }
  }
  for (let k = i - 1; k >= 0 && k >= i - INTRO_REACH; k--) {
    if (/[.!?;\n]/.test(text.slice(tokens[k]!.end, tokens[k + 1]!.start))) return false;
    if (rules.listIntroWords.has(tokens[k]!.word)) return true;
  }
  return false;
}

/** True when nothing but marks stands between the token and the start of its sentence or line. */
function startsSentence(text: string, token: Token): boolean {
  for (let k = token.start - 1; k >= 0; k--) {
    const c = text[k]!;
    if (/[.!?\n]/.test(c)) return true;
    if (/[\p{L}\p{N}]/u.test(c)) return false;
  }
  return true;
}

/** How many items that are no known action may stand between two listed actions. */
const MAX_SKIPPED = 3;

/** An item a list may hold between actions: a word, not a filler or a word that introduces. */
function listItem(rules: CompiledRules, word: string): boolean {
  return !rules.stopwords.has(word) && !rules.listIntroWords.has(word) && !rules.leadCoordinators.has(word) && /^[a-z]/.test(word);
}

/** Where a description starts showing examples or code: calls shown there are not the tool's operations. */
const EXAMPLES = /\bexamples?\s*:|\bexample usage\b|\busage example|```/i;

/** True when the word is part of an identifier ("start_key", "obj.delete"), which names, not acts. */
export function inIdentifier(text: string, token: Token): boolean {
  const before = text[token.start - 1];
  const after = text[token.end];
  return before === '_' || after === '_' || (before === '.' && /\w/.test(text[token.start - 2] ?? '')) || (after === '.' && /\w/.test(text[token.end + 1] ?? ''));
}

/**
 * The action lists in `text`. Runs starting at an offset in `skipStarts`
 * (the lead's own list, already read) are left out, and so are lists inside
 * `readingLead`, the lead of a tool whose lead action reads or runs. Returns
 * one piece of evidence for the worst list, and every listed action. Marks
 * (":", "(") introduce a list only when `marks` is set: after a lead that
 * reads or runs, "(OPEN, CLOSED)" or 'in ("login", "logout")' are values.
 */
export function findActionLists(
  rules: CompiledRules,
  text: string,
  allTokens: readonly Token[],
  skipStarts: ReadonlySet<number>,
  readingLead?: { start: number; end: number },
  marks = true,
): { evidence?: Evidence; actions: ListedAction[] } {
  const examplesAt = text.search(EXAMPLES);
  const tokens = examplesAt >= 0 ? allTokens.filter((t) => t.end <= examplesAt) : allTokens;
  const words = tokens.map((t) => t.word);
  // A listed action is a verb in its bare, third-person or -ing form, in prose:
  // "closed" and "minted" are states, "start_key" names a parameter.
  // An all-capitals word is a value ("GET, POST, DELETE", "OPEN, CLOSED"),
  // and a third-person form mid-sentence is a plural noun ("Shows swaps, adds,
  // removes"); only at the start of a sentence does it act ("Creates, lists").
  const actionAt = (k: number) => {
    const word = words[k]!;
    const t = tokens[k]!;
    if (rules.stopwords.has(word) || rules.listIntroWords.has(word) || inIdentifier(text, t)) return undefined;
    if (verbForm(rules, word) !== 'bare' && (word.endsWith('ed') || (word.endsWith('s') && !startsSentence(text, t)))) return undefined;
    if (t.end - t.start >= 3 && text.slice(t.start, t.end) === word.toUpperCase()) return undefined;
    return verbOf(rules, word);
  };
  const minRun = rules.raw.action_lists.min_unintroduced;
  const actions: ListedAction[] = [];
  const seen = new Set<string>();
  /** gloss: the actions an abbreviation stands for ("CRUD": create, read, update, delete), shown beside the quote. */
  let worst: { category: Category; text: string; gloss?: string } | undefined;
  for (let i = 0; i < tokens.length; ) {
    if (!actionAt(i)) {
      i++;
      continue;
    }
    // The run goes on over separators and "and"/"or" to the next action.
    const members = [i];
    let j = i;
    // Items that are no action we know ("selectionBox", "setColor") may stand
    // between listed actions; such a list counts only when introduced
    // by a word ("actions such as select, selectionBox, setColor, delete,
    // hide"); after a mark it may be a list of names ("Supported buttons:
    // apple-pay, home, lock", "(meta_cognitive): examine, reflect, complete").
    let skipped = 0;
    for (;;) {
      let k = j + 1;
      while (k < tokens.length && rules.leadCoordinators.has(words[k]!)) k++;
      let gapFrom = j;
      let skips = 0;
      while (k < tokens.length && skips < MAX_SKIPPED && listGap(rules, text, tokens[gapFrom]!.end, tokens[k]!.start) && !actionAt(k) && listItem(rules, words[k]!)) {
        gapFrom = k;
        skips++;
        k++;
        while (k < tokens.length && rules.leadCoordinators.has(words[k]!)) k++;
      }
      if (k >= tokens.length || !listGap(rules, text, tokens[gapFrom]!.end, tokens[k]!.start) || !actionAt(k)) break;
      skipped += skips;
      members.push(k);
      j = k;
    }
    // Noun phrases ("open orders", "pull request") are no actions; they are
    // looked for only around a candidate list, which few words start.
    if (members.length >= 2) {
      const from = Math.max(0, i - 3);
      const nouns = nounPositions(rules, words.slice(from, j + 4));
      for (let m = members.length - 1; m >= 0; m--) if (nouns.has(members[m]! - from)) members.splice(m, 1);
    }
    const length = members.length;
    // (The lead reads its own list up to the first unknown item; a list that
    // goes on past one is read here, whole.)
    // A list inside a lead that reads or runs names kinds of what it reads or runs.
    const inReadingLead = readingLead !== undefined && tokens[i]!.start >= readingLead.start && tokens[i]!.start < readingLead.end;
    const counts = length >= 2 && !inReadingLead && (!skipStarts.has(tokens[i]!.start) || skipped > 0) && !negatedAt(rules, words, i) && (skipped ? introduced(rules, text, tokens, i, false) : length >= minRun || introduced(rules, text, tokens, i, marks));
    if (counts) {
      const quote = text.slice(tokens[i]!.start, tokens[j]!.end);
      for (const k of members) {
        const verb = actionAt(k)!;
        const action = text.slice(tokens[k]!.start, tokens[k]!.end);
        const key = `${verb.form}|${verb.category}`;
        if (!seen.has(key)) {
          seen.add(key);
          actions.push({ action, category: verb.category, text: quote });
        }
        if (!worst || precedenceRank(rules, verb.category) < precedenceRank(rules, worst.category)) worst = { category: verb.category, text: quote };
      }
    }
    i = j + 1;
  }
  // Bullets that each start with an action ("- insert: Create new records",
  // "- delete: Remove records") list operations the same way.
  const bullets: { action: string; category: Category }[] = [];
  // The bullet's text must itself start with an action ("Create new records"):
  // an Args list ("- label: The label text", "- sql: SQL to run") names parameters.
  for (const m of (examplesAt >= 0 ? text.slice(0, examplesAt) : text).matchAll(BULLET_ACTION)) {
    const verb = verbOf(rules, m[1]!.toLowerCase());
    const explained = m[2]!.toLowerCase();
    if (verb && !rules.nounVerbs.has(explained) && !rules.paramKinds.has(explained) && verbOf(rules, explained)) bullets.push({ action: m[1]!, category: verb.category });
  }
  if (bullets.length >= 2) {
    const quote = bullets.map((b) => b.action).join(', ');
    for (const b of bullets) {
      const key = `${b.action.toLowerCase()}|${b.category}`;
      if (!seen.has(key)) {
        seen.add(key);
        actions.push({ action: b.action, category: b.category, text: quote });
      }
      if (!worst || precedenceRank(rules, b.category) < precedenceRank(rules, worst.category)) worst = { category: b.category, text: quote };
    }
  }
  // A word that stands for a list ("with CRUD operations") lists its actions,
  // unless it only names a kind of what a reading or running lead handles.
  // A key of several words ("remote actions") matches those words in a row.
  const abbreviations = Object.entries(rules.raw.action_lists.abbreviations).map(([key, actions]) => ({ words: key.toLowerCase().split(/\s+/), actions }));
  for (let k = 0; k < tokens.length; k++) {
    const hit = abbreviations.find((a) => a.words.every((w, m) => words[k + m] === w));
    const t = tokens[k]!;
    if (!hit || inIdentifier(text, t) || negatedAt(rules, words, k)) continue;
    const expanded = hit.actions;
    if (readingLead !== undefined && t.start >= readingLead.start && t.start < readingLead.end) continue;
    const quote = text.slice(t.start, tokens[k + hit.words.length - 1]!.end);
    for (const a of expanded) {
      const verb = verbOf(rules, a);
      if (!verb) continue;
      const key = `${verb.form}|${verb.category}`;
      if (!seen.has(key)) {
        seen.add(key);
        actions.push({ action: a, category: verb.category, text: quote });
      }
      if (!worst || precedenceRank(rules, verb.category) < precedenceRank(rules, worst.category)) worst = { category: verb.category, text: quote, gloss: expanded.join(', ') };
    }
  }
  // A list of reads raises nothing; the actions are still shown.
  if (!worst || worst.category === 'Read') return { actions };
  return {
    evidence: { source: 'description', text: worst.text, ...(worst.gloss ? { gloss: worst.gloss } : {}), supports: worst.category, signals: [], weight: rules.raw.action_lists.weight, note: NOTE_LISTED },
    actions,
  };
}
