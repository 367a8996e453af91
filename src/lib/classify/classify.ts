/**
 * The classifier: reads one tool definition and decides its category from
 * the evidence the rules in catalogue/rules/classifier.yaml find in it.
 * Severity and signals are derived afterwards (severity.ts). Pure and
 * deterministic: the same definition and rules always give the same result.
 */
import { CATEGORIES, type Category, type RiskSignal } from '../../schemas/rules.ts';
import type { CompiledCombo, CompiledRules, WordSet } from '../rules/load-rules.ts';
import { normaliseParamName } from '../rules/load-rules.ts';
import { baseForms, splitIdentifier, splitWords, type Token } from '../text/words.ts';
import { hasCjk, normaliseForMatching } from '../text/normalize.ts';
import { applySeverity } from './severity.ts';
import type { Classification, ClassifyInput, Evidence, ServerContext } from './types.ts';

const BODY_SCAN_LIMIT = 3000;
const HIGH_PARAM_COUNT = 12;

interface Scan {
  evidence: Evidence[];
  signals: Set<RiskSignal>;
  action: string;
  object: string;
}

/** Category of a word through its light base forms, or undefined. */
function verbOf(rules: CompiledRules, word: string): { category: Category; form: string } | undefined {
  for (const form of baseForms(word)) {
    const category = rules.verbCategory.get(form);
    if (category) return { category, form };
  }
  return undefined;
}

function combosOf(rules: CompiledRules, word: string): CompiledCombo[] {
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
    if (w !== p && !baseForms(w).includes(p)) return false;
  }
  return true;
}

/** Finds a combo object after (or, for names, before) the verb at index i. */
function findCombo(
  rules: CompiledRules,
  words: readonly string[],
  i: number,
  allowBackward: boolean,
): { combo: CompiledCombo; from: number; to: number } | undefined {
  const window = rules.raw.combo_window;
  for (const combo of combosOf(rules, words[i]!)) {
    for (const object of combo.objects) {
      for (let j = i + 1; j <= i + window && j < words.length; j++) {
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

function inWordSet(set: WordSet, words: readonly string[], raw?: string): string | undefined {
  for (const w of words) if (set.single.has(w)) return w;
  for (const phrase of set.multi) {
    for (let i = 0; i + phrase.length <= words.length; i++) {
      if (matchesAt(words, i, phrase)) return phrase.join(' ');
    }
  }
  if (raw) for (const c of set.cjk) if (raw.includes(c)) return c;
  return undefined;
}

function glossFor(rules: CompiledRules, text: string): string | undefined {
  return rules.raw.glosses[text];
}

/** Marks word positions that belong to a noun phrase ("open orders"). */
function nounPositions(rules: CompiledRules, words: readonly string[]): Set<number> {
  const taken = new Set<number>();
  for (const phrase of rules.nounPhrases) {
    for (let i = 0; i + phrase.length <= words.length; i++) {
      if (matchesAt(words, i, phrase)) for (let k = 0; k < phrase.length; k++) taken.add(i + k);
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
  const tokens = stripPrefix(splitIdentifier(input.name), ctx.prefixWords).filter(
    (t) => !rules.stopwords.has(t.word),
  );
  if (tokens.length === 0) return;
  const words = tokens.map((t) => t.word);
  const nouns = nounPositions(rules, words);
  const span = (from: number, to: number) => input.name.slice(tokens[from]!.start, tokens[to]!.end);
  const last = words.length - 1;
  const endsInReadTail = rules.readTails.has(words[last]!) || nouns.has(last);
  let firstVerb: { index: number; category: Category } | undefined;
  const consumed = new Set<number>();

  for (let i = 0; i < words.length; i++) {
    if (consumed.has(i) || nouns.has(i)) continue;
    const combo = findCombo(rules, words, i, true);
    // A read noun that ends a longer name is a noun ("console_messages").
    const tailNoun = i === last && i > 0 && rules.readTails.has(words[i]!);
    const verb = tailNoun ? undefined : verbOf(rules, words[i]!);
    if (!combo && !verb) continue;
    // The first action word of a name is the action; later ones are mostly
    // modifiers ("list_cancelled_orders"), so they count for less, and for
    // very little after a read verb or in a name ending in a read noun.
    let weight: number;
    if (!firstVerb) weight = combo ? w.name_combo : w.name_first_verb;
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
      note: 'the name ends in something you look up',
    });
    if (!scan.object) scan.object = words.join(' ');
  }
  if (!scan.object) scan.object = words.filter((x) => !rules.verbCategory.has(x)).join(' ');

  const bulk = inWordSet(rules.bulkWords, words);
  if (bulk) addSignalEvidence(scan, 'name', findText(input.name, tokens, bulk), 'bulk_scope', 'the name covers many items');
  const admin = inWordSet(rules.adminWords, words);
  if (admin) addSignalEvidence(scan, 'name', findText(input.name, tokens, admin), 'admin_scope', 'the name touches people, permissions or the account');
  const recreatable = inWordSet(rules.recreatableWords, words);
  if (recreatable) addSignalEvidence(scan, 'name', findText(input.name, tokens, recreatable), 'recreatable', 'the name names something small and easy to recreate');
  const secret = inWordSet(rules.secretWords, words);
  if (secret) addSignalEvidence(scan, 'name', findText(input.name, tokens, secret), 'credentials', 'the name mentions secrets or keys');
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
export function descriptionLead(description: string): { text: string; start: number } {
  const lines = description.split('\n');
  let offset = 0;
  for (const line of lines) {
    const trimmed = line.trim();
    // Skip blank lines and markdown decoration; a heading still counts as text.
    const letters = trimmed.replace(/[^\p{L}\p{N}]/gu, '');
    if (letters.length >= 2) {
      const sentenceEnd = trimmed.search(/[.!?。！？](\s|$)/);
      const text = sentenceEnd > 20 ? trimmed.slice(0, sentenceEnd + 1) : trimmed;
      return { text: text.slice(0, 300), start: offset + line.indexOf(trimmed) };
    }
    offset += line.length + 1;
  }
  return { text: '', start: 0 };
}

function scanDescription(rules: CompiledRules, description: string, scan: Scan): void {
  const w = rules.raw.weights;
  if (!description) return;
  const text = normaliseForMatching(description.length > BODY_SCAN_LIMIT ? description.slice(0, BODY_SCAN_LIMIT) : description);
  const lead = descriptionLead(text);

  // English lead: the first action word after the filler ("This tool lets you…").
  const leadTokens = splitWords(lead.text).filter((t) => !rules.stopwords.has(t.word));
  const leadWords = leadTokens.map((t) => t.word);
  const nouns = nounPositions(rules, leadWords);
  let i = 0;
  while (i < leadWords.length && rules.leadFillers.has(leadWords[i]!)) i++;
  let leadVerbFound = false;
  for (; i < leadWords.length && i < 8; i++) {
    if (nouns.has(i)) continue;
    const combo = findCombo(rules, leadWords, i, false);
    const verb = verbOf(rules, leadWords[i]!);
    if (!combo && !verb) continue;
    const quote = (from: number, to: number) => lead.text.slice(leadTokens[from]!.start, leadTokens[to]!.end);
    if (combo) {
      scan.evidence.push({
        source: 'description',
        text: quote(combo.from, combo.to),
        supports: combo.combo.category,
        signals: combo.combo.signals,
        weight: w.lead_combo,
        note: `the description ${combo.combo.label}`,
      });
    } else if (verb) {
      scan.evidence.push({
        source: 'description',
        text: quote(i, i),
        supports: verb.category,
        signals: [],
        weight: w.lead_verb,
        note: 'the first action word of the description',
      });
    }
    if (!scan.action && verb) scan.action = verb.form;
    leadVerbFound = true;
    break;
  }
  void leadVerbFound;

  // Chinese: phrases in the first line count as the lead, elsewhere as body.
  if (hasCjk(text)) {
    const leadZh = lead.text;
    const bodyZh = text.slice(0, 600);
    const seen = new Set<string>();
    for (const entry of rules.raw.zh) {
      const inLead = leadZh.includes(entry.phrase);
      if (!inLead) continue;
      // A longer phrase already matched (批量撤单) covers its parts (撤单).
      if ([...seen].some((s) => s.includes(entry.phrase))) continue;
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
    for (const entry of rules.raw.zh) {
      if (seen.has(entry.phrase) || [...seen].some((s) => s.includes(entry.phrase))) continue;
      if (!bodyZh.includes(entry.phrase) || bodyTotal >= w.body_cap) continue;
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
        note: 'a phrase further down the description',
      });
    }
  }

  // English body phrases.
  const words = splitWords(text);
  const perCategory = new Map<Category, number>();
  const found = new Set<string>();
  for (let k = 0; k < words.length; k++) {
    const candidates = rules.bodyPhrases.get(words[k]!.word);
    if (!candidates) continue;
    for (const { words: phrase, entry } of candidates) {
      if (found.has(entry.phrase)) continue;
      let ok = true;
      for (let m = 1; m < phrase.length; m++) if (words[k + m]?.word !== phrase[m]) ok = false;
      if (!ok) continue;
      found.add(entry.phrase);
      const quote = text.slice(words[k]!.start, words[k + phrase.length - 1]!.end);
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
        note: 'a phrase in the description',
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
        addSignalEvidence(scan, 'parameter', p.name, 'credentials', 'a parameter that takes a secret');
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
  if (params.length > HIGH_PARAM_COUNT) {
    addSignalEvidence(scan, 'parameter', `${params.length} parameters`, 'high_param_count', `more than ${HIGH_PARAM_COUNT} parameters to get right`);
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
};

export function classify(rules: CompiledRules, input: ClassifyInput, ctx: ServerContext): Classification {
  const scan: Scan = { evidence: [], signals: new Set(), action: '', object: '' };
  scanName(rules, input, ctx, scan);
  scanDescription(rules, input.description ?? '', scan);
  scanParams(rules, input, scan);
  scanAnnotations(rules, input, scan);

  const scores = { Read: 0, Write: 0, Execute: 0, Financial: 0, Destructive: 0 } as Record<Category, number>;
  for (const e of scan.evidence) if (e.supports) scores[e.supports] += e.weight;

  // Highest score wins; near-ties (within 15%) go to the category that comes
  // first in the precedence order (Financial > Destructive > Execute > Write > Read).
  const top = Math.max(...CATEGORIES.map((c) => scores[c]));
  let category: Category;
  let fallback = false;
  if (top <= 0) {
    category = 'Write';
    fallback = true;
  } else {
    category = rules.raw.precedence.find((c) => scores[c] >= top * 0.85)!;
  }
  // Execute over Write when the input is code or a query.
  if (category === 'Write' && scan.signals.has('freeform_code') && scores.Execute > 0) category = 'Execute';

  for (const e of scan.evidence) for (const s of e.signals) if (e.supports === undefined || e.supports === category) scan.signals.add(s);
  if (category === 'Destructive') scan.signals.add('irreversible');
  if (category === 'Financial') scan.signals.add('moves_money');
  const signals = [...scan.signals].filter((s) => {
    const scope = SIGNAL_SCOPE[s];
    return !scope || scope.includes(category);
  });
  signals.sort();

  const sorted = CATEGORIES.map((c) => scores[c]).sort((a, b) => b - a);
  const margin = top > 0 ? (sorted[0]! - sorted[1]!) / sorted[0]! : 0;
  const strength = Math.min(top, 7) / 7;
  const confidence = fallback ? 0.2 : Math.round((0.5 * margin + 0.5 * strength) * 100) / 100;

  const severity = applySeverity(rules.severity, category, signals);

  // Keep evidence that supports the decision or explains a kept signal, strongest first.
  const evidence = scan.evidence
    .filter((e) => e.supports === category || (e.supports === undefined && e.signals.some((s) => signals.includes(s))) || (e.weight === 0 && e.signals.some((s) => signals.includes(s))))
    .sort((a, b) => b.weight - a.weight || sourceOrder(a.source) - sourceOrder(b.source));

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
  };
}

function sourceOrder(s: Evidence['source']): number {
  return s === 'name' ? 0 : s === 'description' ? 1 : s === 'parameter' ? 2 : 3;
}
