/**
 * Stage one: what the tool's name says. The name is split into words, a
 * server prefix is dropped, and verbs, combos and read nouns become evidence.
 */
import type { Category } from '../../schemas/rules.ts';
import type { CompiledRules, WordSet } from '../rules/load-rules.ts';
import { splitIdentifier, type Token } from '../text/words.ts';
import { addSignalEvidence, NOTE_NAME_LATER, NOTE_READ_TAIL, NOTE_ROUTE_READ, type NameFindings } from './findings.ts';
import { endsInReadPhrase, findCombo, findText, inPhrases, inSingles, namesTheThing, nounPositions, verbOf } from './lexicon.ts';
import type { ClassifyInput, ServerContext } from './types.ts';

/** Removes a leading server prefix (binance_, BinanceFutures…) from name tokens. */
function stripPrefix(tokens: Token[], prefixWords: ReadonlySet<string>): Token[] {
  let start = 0;
  while (start < tokens.length - 1 && start < 2 && prefixWords.has(tokens[start]!.word)) start++;
  return tokens.slice(start);
}

export function scanName(rules: CompiledRules, input: ClassifyInput, ctx: ServerContext): NameFindings {
  const scan: NameFindings = { evidence: [], signals: new Set(), action: '', object: '', words: [] };
  const w = rules.raw.weights;
  // Signal words are looked for in every word of the name, stopwords and the
  // server prefix included: "user" and "account" are stopwords for combos but
  // name admin scope, and "env" in "envGet" still says what is read.
  const allTokens = splitIdentifier(input.name);
  const stripped = stripPrefix(allTokens, ctx.prefixWords);
  const tokens = stripped.filter((t) => !rules.stopwords.has(t.word));
  if (tokens.length === 0) return scan;
  const words = tokens.map((t) => t.word);
  scan.words = words;
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
        note: firstVerb ? NOTE_NAME_LATER : 'the action word of the name',
      });
      if (!firstVerb) {
        firstVerb = { index: i, category: verb.category };
        scan.action = verb.form;
        scan.object = words.slice(i + 1).join(' ');
      }
    }
  }

  // "API-post-database-query": POST /databases/{id}/query reads; the method
  // only says how the request is sent, the route's last word what it does.
  const routeWords = allTokens.map((t) => t.word).filter((x) => x !== 'api');
  if (routeWords.length > 2 && rules.queryMethods.has(routeWords[0]!.toUpperCase()) && rules.raw.route_read_actions.includes(routeWords[routeWords.length - 1]!)) {
    for (const e of scan.evidence) if (e.source === 'name' && e.text.toLowerCase() === routeWords[0]) e.weight = w.name_verb_as_noun;
    scan.evidence.push({ source: 'name', text: allTokens[allTokens.length - 1]!.word, supports: 'Read', signals: [], weight: w.name_first_verb, note: NOTE_ROUTE_READ });
    scan.action = routeWords[routeWords.length - 1]!;
    scan.object = routeWords.slice(1, -1).join(' ');
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
  return scan;
}
