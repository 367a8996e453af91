/**
 * Stage two: what the description says the tool does. Its lead (first line or
 * sentence) is read for the action, in English and Chinese; phrases further
 * down add a little weight and raise signals.
 */
import type { Category, RiskSignal } from '../../schemas/rules.ts';
import type { CompiledRules } from '../rules/load-rules.ts';
import { baseForms, newWordSpan, nextWord, splitWords, type Token } from '../text/words.ts';
import { hasCjk, normaliseForMatching } from '../text/normalize.ts';
import { findActionLists, inIdentifier } from './action-lists.ts';
import { addSignalEvidence, NOTE_BODY_PHRASE, NOTE_BODY_ZH, NOTE_SAVES_FILE, NOTE_THEN, NOTE_TRASH_MOVE, type DescriptionFindings } from './findings.ts';
import type { Evidence } from './types.ts';
import { coordinated, coveredBy, findCombo, glossFor, hasBarrier, inWordSet, isNounVerb, negatedAt, negatedBefore, nounPositions, precedenceRank, verbForm, verbOf, wordStartsAt, zhAffirmed } from './lexicon.ts';

/** The description's lead: its first line when that says something, else its first sentence. */
function descriptionLead(description: string, leadChars = 300): { text: string; start: number } {
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

/** A description that says nothing: empty, or a scrape placeholder ("Description not available"). */
export function isPlaceholder(rules: Pick<CompiledRules, 'placeholders'>, description: string | undefined): boolean {
  const d = (description ?? '').trim();
  if (!d) return true;
  if (d.length > 80) return false;
  return rules.placeholders.has(d.toLowerCase().replace(/[.!。]+$/, ''));
}

/** Words that start a verb's object: after one, a joined word acts ("and save it", "and mark the task"). */
const DETERMINERS = new Set(['it', 'them', 'the', 'a', 'an', 'this', 'that', 'these', 'those', 'its', 'their', 'your', 'to', 'into', 'as', 'all', 'each', 'every']);

/** True when a Chinese or Japanese phrase stands in an enumeration: right after 、 or ・ or right before one, or after 支持 ("supports"). */
function zhListed(text: string, phrase: string): boolean {
  for (let at = text.indexOf(phrase); at >= 0; at = text.indexOf(phrase, at + 1)) {
    const before = text.slice(Math.max(0, at - 2), at);
    const after = text.slice(at + phrase.length, at + phrase.length + 6);
    if (/[、・]$/.test(before) || before.endsWith('支持') || /^[^，。,.]{0,4}[、・]/.test(after)) return true;
  }
  return false;
}

/**
 * Where a move of the lead's word i to the trash ends ("Moves a file to the
 * trash"): the index of the place's last token, or undefined when word i is no
 * move verb or its clause takes the object anywhere else.
 */
function trashMoveEnd(rules: CompiledRules, text: string, tokens: readonly Token[], i: number): number | undefined {
  const place = rules.trashMovePlace;
  if (!place || !verbOf(rules, tokens[i]!.word) || !baseForms(tokens[i]!.word).some((f) => rules.raw.trash_moves.verbs.includes(f))) return undefined;
  const rest = /^[^.;:!?\n]{0,80}/.exec(text.slice(tokens[i]!.end))![0];
  const m = place.exec(rest);
  if (!m) return undefined;
  const end = tokens[i]!.end + m.index + m[0].length;
  let last = i;
  for (let k = i + 1; k < tokens.length && tokens[k]!.end <= end; k++) last = k;
  return last;
}

/** Words after which a noun stands: "a set of", "the label", "its type". */
const DETERMINER_BEFORE = /\b(?:a|an|the|this|that|these|those|each|every|its|their|your|our|my|his|her)\s+$/i;

/** Words after which a verb stands: "to call", "can post", "must send". */
const VERB_MARKER = /\b(?:to|can|will|must|may|should|also|then)\s+$/i;

/** Two verbs in the same inflected form that marks a list of verb phrases: both -ing ("disabling", "revoking") or both -s ("disables", "revokes"). */
function sameListForm(rules: CompiledRules, a: string, b: string): boolean {
  const gerund = (w: string) => w.endsWith('ing') && verbOf(rules, w) !== undefined && verbForm(rules, w) === 'other';
  if (gerund(a) && gerund(b)) return true;
  return verbForm(rules, a) === 'third' && verbForm(rules, b) === 'third';
}

/**
 * Placeholders in a lead: "<query>", "{id}", "[<start> ... <end>]" stand for
 * values the caller fills in, so no word inside one is the tool's action
 * ("The number of log entries for the given <query> on the given [<start> ...
 * <end>] time range"). A bracket followed by "(" is a markdown link, whose
 * text is prose.
 */
const PLACEHOLDER = /<[A-Za-z_$][\w$.:|-]{0,40}>|\{[A-Za-z_$][\w$.:|-]{0,40}\}|\[[^\[\]\n]{1,80}\](?!\()/g;

/**
 * Spans of the lead no word of which acts: placeholders, and the tool's own
 * parameter names in quotes or backticks ("sets 'start' to …").
 */
function inertSpans(text: string, paramNames: readonly string[]): [number, number][] {
  const spans: [number, number][] = [];
  for (const m of text.matchAll(PLACEHOLDER)) spans.push([m.index, m.index + m[0].length]);
  if (paramNames.length) {
    const names = new Set(paramNames.map((n) => n.toLowerCase()));
    for (const m of text.matchAll(/(["'`‘“])([A-Za-z_][\w.-]{0,60})(["'`’”])/g)) if (names.has(m[2]!.toLowerCase())) spans.push([m.index, m.index + m[0].length]);
  }
  return spans;
}

/** Words right before a credential that make it what the call needs ("requires an API key", "with your access token"). */
const CREDENTIAL_AS_INPUT = /\b(?:requires?|requiring|needs?|needing|using|uses|use|with|via|by|provide|providing|configured?|set|no)\s+(?:an?\s+|the\s+|your\s+|a\s+valid\s+|valid\s+)?(?:[\w.-]+\s+){0,2}$/i;

export function scanDescription(rules: CompiledRules, description: string, paramNames: readonly string[] = []): DescriptionFindings {
  const scan: DescriptionFindings = { evidence: [], signals: new Set(), action: '', objectWords: [], listedActions: [], leadListedActions: [], leadOtherWords: [] };
  // Offsets in `text` where the lead's own list of actions starts (read there, not again as a list).
  const leadListStarts = new Set<number>();
  let leadCategory: Category | undefined;
  const w = rules.raw.weights;
  if (!description) return scan;
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
  // A leading tag ("[WORKFLOW]", "[Requires Login]") labels the tool; the lead starts after it.
  const tagEnd = /^\s*\[[^\]\n]{1,40}\]/.exec(lead.text)?.[0].length ?? 0;
  for (const t of splitWords(lead.text)) {
    if (t.end <= tagEnd) continue;
    if (hasBarrier(rules, lead.text, prevEnd, t.start)) clauseNo++;
    prevEnd = t.end;
    if (rules.objectBarriers.has(t.word)) clauseNo++;
    if (rules.stopwords.has(t.word)) continue;
    leadTokens.push(t);
    clause.push(clauseNo);
  }
  const leadWords = leadTokens.map((t) => t.word);
  const nouns = nounPositions(rules, leadWords);
  const inert = inertSpans(lead.text, paramNames);
  // "If `code` is omitted or empty, a random code is generated": an opening
  // condition says when, not what the tool does.
  const condition = /^\s*(?:if|when|whenever|unless)\b[^,.;:\n]{0,120},/i.exec(lead.text);
  if (condition) inert.push([0, condition[0].length]);
  const isInert = (k: number) => inert.some(([from, to]) => leadTokens[k]!.start >= from && leadTokens[k]!.end <= to);
  /** Word k stands between an action word and a noun, with only spaces around it. */
  const modifies = (k: number) => {
    const next = k + 1 < leadWords.length ? leadWords[k + 1]! : undefined;
    if (next === undefined || !/^\s+$/.test(lead.text.slice(leadTokens[k - 1]!.end, leadTokens[k]!.start)) || !/^\s+$/.test(lead.text.slice(leadTokens[k]!.end, leadTokens[k + 1]!.start))) return false;
    return verbOf(rules, leadWords[k - 1]!) !== undefined && verbOf(rules, next) === undefined && !DETERMINERS.has(next);
  };
  let i = 0;
  while (i < leadWords.length && rules.leadFillers.has(leadWords[i]!)) i++;
  const head = i;
  const window = rules.raw.lead_combo_window;
  const rank = (c: Category) => precedenceRank(rules, c);
  for (; i < leadWords.length && i < rules.raw.limits.lead_action_words; i++) {
    if (nouns.has(i)) continue;
    // "today's scheduled items", "sent_time": a participle describes, a word
    // inside an identifier names; neither is the tool's action.
    if (verbForm(rules, leadWords[i]!) === 'other' && leadWords[i]!.endsWith('ed')) continue;
    if (inIdentifier(lead.text, leadTokens[i]!) || isInert(i)) continue;
    // "does not delete", "never sends": a negated action is not what the tool does.
    if (negatedAt(rules, leadWords, i)) continue;
    // "Export complete graph": an adjective that is an action word too,
    // right after another action word and before its noun, qualifies the object.
    if (i > 0 && rules.raw.modifier_verbs.includes(leadWords[i]!) && modifies(i)) continue;
    // "Start following a trader": the introducing verb gives way to the next one.
    if (rules.auxVerbs.has(leadWords[i]!) && i + 1 < leadWords.length && verbOf(rules, leadWords[i + 1]!)) continue;
    const combo = findCombo(rules, leadWords, i, false, window, clause);
    const verb = verbOf(rules, leadWords[i]!);
    if (!combo && !verb) continue;
    // A word as often a noun ("message", "label", "types") acts only at the
    // head of the lead ("Message the team"), after an adverb ("Quickly
    // tags…") or after "to" or a modal ("Use Grok to call functions"); after
    // other words it names a thing ("Access a specific console message",
    // "Enumerate resources of specified types").
    // It acts too before a modifier and its noun ("P1.6: Export complete graph").
    const beforeModifier = i + 1 < leadWords.length && rules.raw.modifier_verbs.includes(leadWords[i + 1]!) && modifies(i + 1);
    if (!combo && i > head && isNounVerb(rules, leadWords[i]!) && !leadWords[i - 1]!.endsWith('ly') && !VERB_MARKER.test(lead.text.slice(0, leadTokens[i]!.start)) && !beforeModifier) continue;
    // "Rerank a set of documents": a word right after an article or a
    // possessive is a noun, whatever else it can be.
    if (!combo && i > head && DETERMINER_BEFORE.test(lead.text.slice(0, leadTokens[i]!.start))) continue;
    // "Automatically triggers when the user asks about buying": a verb followed
    // by "when" or "if" says when the tool is called, not what it does.
    // ("Check if …" still checks.)
    if (!combo && verb!.category !== 'Read' && /^\s+(?:when|whenever|if)\b/i.test(lead.text.slice(leadTokens[i]!.end))) continue;
    const quote = (from: number, to: number) => {
      const text = lead.text.slice(leadTokens[from]!.start, leadTokens[to]!.end);
      // "Archive (delete": close the bracket the quote opened.
      const open = (text.match(/\(/g) ?? []).length - (text.match(/\)/g) ?? []).length;
      return open > 0 && lead.text[leadTokens[to]!.end] === ')' ? text + ')' : text;
    };
    // The action, then any actions listed with it ("List and create keys",
    // "Read/create/update/delete resources"): the most severe one counts,
    // because a tool is as risky as the worst thing it can be asked to do.
    let chosen = combo
      ? { at: i, to: combo.to, isCombo: true, category: combo.combo.category, signals: combo.combo.signals, note: `the description ${combo.combo.label}` }
      : { at: i, to: i, isCombo: false, category: verb!.category, signals: [] as RiskSignal[], note: 'the first action word of the description' };
    const trashed = !combo || combo.combo.category === 'Write' ? trashMoveEnd(rules, lead.text, leadTokens, i) : undefined;
    if (trashed !== undefined) chosen = { at: i, to: trashed, isCombo: true, category: 'Destructive', signals: ['reversible'], note: NOTE_TRASH_MOVE };
    let listed = false;
    let listEnd = chosen.to;
    // Each action of the lead's own list, as the page shows it: "create, archive,
    // restore, search, update" are five operations, each with its category.
    const members: { at: number; category: Category }[] = [{ at: i, category: chosen.category }];
    // "Archive (delete) multiple email records": a verb glossed in brackets by
    // another is listed with it.
    const glossed = (k: number) => /^\s*\(\s*$/.test(lead.text.slice(leadTokens[k - 1]!.end, leadTokens[k]!.start)) && /^\s*\)/.test(lead.text.slice(leadTokens[k]!.end));
    for (let k = chosen.to + 1; k < leadWords.length && (coordinated(rules, lead.text, leadTokens[k - 1]!.end, leadTokens[k]!.start) || glossed(k)); ) {
      if (nouns.has(k)) break;
      const c2 = findCombo(rules, leadWords, k, false, window, clause);
      const v2 = c2 ? undefined : verbOf(rules, leadWords[k]!);
      if (!c2 && !v2) break;
      const category = c2 ? c2.combo.category : v2!.category;
      const to = c2 ? c2.to : k;
      members.push({ at: k, category });
      if (rank(category) < rank(chosen.category)) {
        chosen = c2
          ? { at: k, to, isCombo: true, category, signals: c2.combo.signals, note: `the description ${c2.combo.label}` }
          : { at: k, to, isCombo: false, category, signals: [], note: 'the most severe of the actions the description lists' };
        listed = true;
      }
      listEnd = to;
      k = to + 1;
    }
    // "List, create, close, or select a browser tab": the object after the
    // last listed verb is every listed verb's object, so "close … tab" is read
    // as the combo it is, though a comma stands between them.
    if (listEnd > i) {
      const shared: string[] = [];
      for (let k = listEnd + 1; k < leadWords.length && k <= listEnd + window && clause[k] === clause[listEnd]; k++) shared.push(leadWords[k]!);
      for (let k = i; shared.length && k < listEnd; k++) {
        if (nouns.has(k) || !verbOf(rules, leadWords[k]!)) continue;
        // A first action that found its own object ("Close the browser and
        // release all resources") does not share the last one's.
        if (k === i && combo) continue;
        const c4 = findCombo(rules, [leadWords[k]!, ...shared], 0, false, window);
        if (!c4 || rank(c4.combo.category) >= rank(chosen.category)) continue;
        chosen = { at: k, to: listEnd + (c4.to - 0), isCombo: true, category: c4.combo.category, signals: c4.combo.signals, note: `the description ${c4.combo.label}` };
        listed = true;
      }
    }
    leadListStarts.add(lead.start + leadTokens[i]!.start);
    leadCategory = chosen.category;
    // (The action a shared object made worse, "close … tab", takes that category.)
    for (const m of members) if (m.at === chosen.at) m.category = chosen.category;
    scan.leadOtherWords = leadWords.filter((_, k) => k < i || k > listEnd);
    // A lone verb is quoted with the words after it in its clause ("Get the
    // current weather"), so the quote says what it acts on.
    let quoteTo = chosen.to;
    if (!chosen.isCombo && !listed) while (quoteTo < chosen.at + 4 && quoteTo + 1 < leadWords.length && clause[quoteTo + 1] === clause[chosen.at]) quoteTo++;
    const leadQuote = quote(listed ? i : chosen.at, quoteTo);
    scan.evidence.push({
      source: 'description',
      text: leadQuote,
      supports: chosen.category,
      signals: chosen.signals,
      weight: chosen.isCombo ? w.lead_combo : w.lead_verb,
      note: chosen.note,
    });
    if (members.length > 1) for (const m of members) scan.leadListedActions.push({ action: lead.text.slice(leadTokens[m.at]!.start, leadTokens[m.at]!.end), category: m.category, text: leadQuote });
    // "Analyse the purchased items and transfer USDC": a further action joined
    // to the first by "and"/"then" counts when it is worse. It needs an object
    // in its own clause, so "Get orders and trades for a pair" lists nouns.
    for (let k = listEnd + 1; k < leadWords.length; k++) {
      const gap = lead.text.slice(leadTokens[k - 1]!.end, leadTokens[k]!.start);
      if (/[.!?;]/.test(gap)) break;
      if (inIdentifier(lead.text, leadTokens[k]!) || isInert(k)) continue;
      // "by disabling accounts, revoking access, and …": a comma alone joins
      // verb phrases of one list, when both verbs are -ing or -s forms (a bare
      // word after a comma is as often a noun: "Get orders, trades").
      const commaOnly = /^\s*,\s*$/.test(gap);
      if (commaOnly ? !rules.thenWords.has(',') || !sameListForm(rules, leadWords[chosen.at]!, leadWords[k]!) : !/^[\s,]*[A-Za-z]+(\s+[A-Za-z]+)?[\s,]*$/.test(gap) || !rules.thenWords.has(gap.replace(/[\s,]+/g, ' ').trim().toLowerCase())) continue;
      const c3 = findCombo(rules, leadWords, k, false, window, clause);
      // A word as often a noun ("transfer") acts here only with its own object ("transfer USDC").
      if (nouns.has(k) || (rules.nounVerbs.has(leadWords[k]!) && !c3) || negatedAt(rules, leadWords, k)) continue;
      // The joined verb takes the first one's form ("Get … and mark", "Gets …
      // and marks"); "minted and transferred runes" are adjectives.
      if (verbForm(rules, leadWords[k]!) !== verbForm(rules, leadWords[chosen.at]!)) continue;
      if (k + 1 >= leadWords.length || clause[k + 1] !== clause[k]) continue;
      // After a lead that reads, "and" often joins nouns ("balance and rebase
      // state", "buyback and burn statistics"): a joined action must take a
      // determined object ("and mark it as in progress", "and save the file").
      const next = /^\s+([A-Za-z]+)/.exec(lead.text.slice(leadTokens[k]!.end))?.[1]?.toLowerCase();
      const determined = next !== undefined && DETERMINERS.has(next);
      const v3 = c3 ? undefined : verbOf(rules, leadWords[k]!);
      const category = c3 ? c3.combo.category : v3?.category;
      if (!category || rank(category) >= rank(chosen.category)) continue;
      // A verb with its own object ("and transfer USDC") is specific enough,
      // unless it is capitalised mid-sentence: "ExpressTrade and Undo transfers" names kinds.
      const capitalised = /^[A-Z]/.test(lead.text.slice(leadTokens[k]!.start, leadTokens[k]!.end));
      if (chosen.category === 'Read' && !determined && (!c3 || capitalised)) continue;
      let to = c3 ? c3.to : k;
      if (!c3) while (to < k + 3 && to + 1 < leadWords.length && clause[to + 1] === clause[k]) to++;
      scan.evidence.push({ source: 'description', text: quote(k, to), supports: category, signals: c3?.combo.signals ?? [], weight: c3 ? w.lead_combo : w.lead_verb, note: NOTE_THEN });
      break;
    }
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
    const leadZhEvidence: Evidence[] = [];
    for (const entry of leadHasZh ? rules.raw.zh : []) {
      const inLead = zhAffirmed(rules, leadZh, entry.phrase, entry.not_after);
      if (!inLead) continue;
      // A longer phrase already matched (批量撤单) covers its parts (撤单).
      if (coveredBy(seen, entry.phrase)) continue;
      seen.add(entry.phrase);
      leadZhEvidence.push({
        source: 'description',
        text: entry.phrase,
        gloss: entry.gloss,
        supports: entry.category,
        signals: entry.signals ?? [],
        weight: w.lead_zh,
        note: 'a phrase in the first line of the description',
      });
    }
    // When the first line lists the tool's operations (支持上传、下载、删除), the
    // worst listed one counts in full and the others at half, so milder ones
    // cannot outvote it. Outside such a list (检查下单参数: checks order
    // parameters) every phrase counts alike.
    const worstZh = leadZhEvidence.reduce<Evidence | undefined>((worst, e) => (worst === undefined || rank(e.supports!) < rank(worst.supports!) ? e : worst), undefined);
    if (worstZh && zhListed(leadZh, worstZh.text)) for (const e of leadZhEvidence) if (e.supports !== worstZh.supports) e.weight = w.lead_zh / 2;
    scan.evidence.push(...leadZhEvidence);
    let bodyTotal = 0;
    for (const entry of bodyHasZh ? rules.raw.zh : []) {
      if (seen.has(entry.phrase) || coveredBy(seen, entry.phrase)) continue;
      if (!zhAffirmed(rules, bodyZh, entry.phrase, entry.not_after) || bodyTotal >= w.body_cap) continue;
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
  const span = newWordSpan();
  finder.lastIndex = 0;
  for (let hit = finder.exec(text); hit !== null; hit = finder.exec(text)) {
    if (!wordStartsAt(text, hit.index)) continue;
    nextWord(text, span, hit.index);
    const start = span.start;
    const end = span.end;
    const candidates = rules.bodyPhrases.get(text.slice(start, span.stemEnd).toLowerCase());
    if (!candidates) continue;
    for (const { words: phrase, entry } of candidates) {
      if (found.has(entry.phrase)) continue;
      let ok = true;
      let quoteEnd = end;
      for (let m = 1, p = end; m < phrase.length; m++) {
        if (!nextWord(text, span, p) || text.slice(span.start, span.stemEnd).toLowerCase() !== phrase[m]) {
          ok = false;
          break;
        }
        p = quoteEnd = span.end;
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
      // "Requires API key", "using your access token": a credential named
      // outside the lead, or as what the call needs, is an input, not
      // something the call hands back ("Gets the anonymous API key" returns one).
      const asInput = entry.signals?.length === 1 && entry.signals[0] === 'credentials' && (start >= lead.start + lead.text.length || CREDENTIAL_AS_INPUT.test(text.slice(Math.max(0, start - 40), start)));
      const signals: RiskSignal[] = asInput ? ['needs_credentials'] : (entry.signals ?? []);
      for (const s of signals) scan.signals.add(s);
      scan.evidence.push({
        source: 'description',
        text: quote,
        supports: entry.category,
        signals,
        weight,
        note: NOTE_BODY_PHRASE,
      });
    }
  }

  // "The chroma CQT is saved to a CSV file", "保存为Markdown文件": whatever the
  // tool reads, it writes a file, as an output-path parameter says.
  const saves = rules.savesFile?.pattern.exec(text);
  if (saves && !negatedBefore(rules, text, saves.index) && !rules.savesFile!.notWith?.test(saves[0])) {
    scan.evidence.push({ source: 'description', text: saves[0], supports: 'Write', signals: ['filesystem_path'], weight: w.param, note: NOTE_SAVES_FILE });
    scan.signals.add('filesystem_path');
  }

  // Lists of actions anywhere in the description ("Manages X: create, modify, delete").
  // A list inside a lead that reads or runs names kinds of what is read or
  // run ("Fetch swap transactions (buy, sell)", "Execute an INSERT, UPDATE or
  // DELETE query"), not operations of their own.
  const readingLead = leadCategory === 'Read' || leadCategory === 'Execute' ? { start: lead.start, end: lead.start + lead.text.length } : undefined;
  // After a lead that reads, lists further down name what is read or what
  // other tools do ("operations like merging or resetting"); they are left out.
  if (leadCategory !== 'Read') {
    const lists = findActionLists(rules, text, splitWords(text), leadListStarts, readingLead, !readingLead);
    if (lists.evidence) scan.evidence.push(lists.evidence);
    scan.listedActions = lists.actions;
  }

  const bulk = inWordSet(rules.bulkWords, leadWords, lead.text);
  if (bulk) addSignalEvidence(scan, 'description', bulk, 'bulk_scope', 'the description covers many items', glossFor(rules, bulk));
  return scan;
}
