/**
 * Loads the rule files from catalogue/rules/, validates them and compiles
 * them into look-up tables so classifying a tool costs a handful of map
 * look-ups per word (the bench target is 50,000 tools/s).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { RULES_DIR, zodProblems } from '../config.ts';
import type { z } from 'zod';
import {
  classifierRulesSchema,
  policyRulesSchema,
  severityRulesSchema,
  objectKindsSchema,
  CATEGORIES,
  type ObjectKind,
  type ObjectKinds,
  type Category,
  type ClassifierRules,
  type PolicyRules,
  type RiskSignal,
  type SeverityRules,
} from '../../schemas/rules.ts';
import { phraseForms } from '../text/words.ts';

export interface CompiledCombo {
  verbs: Set<string>;
  objects: string[][];
  /** First words of the objects: a position whose word has none of them cannot start an object. */
  objectStarts: Set<string>;
  maxObjectLength: number;
  /** Largest verb-object distance for this combo, if narrower than the default. */
  window?: number;
  /** The object must be the last word of its clause or of the name. */
  head?: boolean;
  category: Category;
  signals: RiskSignal[];
  label: string;
}

export interface Phrase<T> {
  words: string[];
  entry: T;
}

export interface CompiledRules {
  raw: ClassifierRules;
  severity: SeverityRules;
  policy: PolicyRules;
  verbCategory: Map<string, Category>;
  combosByVerb: Map<string, CompiledCombo[]>;
  readTails: Set<string>;
  /** noun_phrases, then compound_nouns; the first `readNounPhrases` are read nouns. */
  nounPhrases: string[][];
  readNounPhrases: number;
  /** nounPhrases by their first word. */
  nounPhrasesByFirst: Map<string, string[][]>;
  /** other_senses by their last word: a combo object that ends one of them is that other thing. */
  otherSensesByLast: Map<string, string[][]>;
  /** The read noun phrases by their last word. */
  readNounPhrasesByLast: Map<string, string[][]>;
  stopwords: Set<string>;
  leadFillers: Set<string>;
  bodyPhrases: Map<string, Phrase<ClassifierRules['body_phrases'][number]>[]>;
  /**
   * Finds, case-insensitively, each place where the first word of a body
   * phrase may start (not right after a letter or digit). Global and so
   * stateful: set lastIndex to 0 before a scan.
   */
  bodyPhraseFinder: RegExp;
  /** Every zh phrase contains a Chinese character (so text without one holds none). */
  zhAllCjk: boolean;
  paramKinds: Map<string, (keyof ClassifierRules['params'])[]>;
  bulkWords: WordSet;
  adminWords: WordSet;
  recreatableWords: WordSet;
  secretWords: WordSet;
  keyMaterialWords: WordSet;
  nounVerbs: Set<string>;
  umbrellaVerbs: Set<string>;
  leadCoordinators: Set<string>;
  objectBarriers: Set<string>;
  /** Object kinds (objects.yaml) by each word or phrase (words joined by a space) that names them. */
  objectKinds: Map<string, ObjectKind>;
  /** objects.yaml private_actions by kind id: actions on the kind that reach nobody but the user. */
  privateActionsByKind: Map<string, Set<string>>;
  /** Words in the longest object phrase (1 when every kind is named by single words). */
  objectPhraseLength: number;
  /** objects.yaml word_senses: kind words that need a context word (`with`) and none of `notWith` to name their kind. */
  objectSenses: Map<string, { with: Set<string>; notWith: Set<string> }>;
  reversiblePhrases: string[];
  /** objects.yaml throwaway_contexts: words that make an object throwaway or local, the kind it then has, and which kinds they replace (all when absent). */
  throwawayContexts: { words: Set<string>; kind: ObjectKind; replaces?: Set<string> }[];
  /** Normalised names of parameters whose enum values select an operation. */
  operationParams: Set<string>;
  httpMethods: Map<string, Category>;
  queryMethods: Set<string>;
  negationEn: Set<string>;
  negationZh: string[];
  auxVerbs: Set<string>;
  /** action_lists: marks and words that introduce a list of operations, and the quote marks allowed around them. */
  listIntroMarks: Set<string>;
  listIntroWords: Set<string>;
  listQuotes: Set<string>;
  thenWords: Set<string>;
  hypotheticalVerbs: Set<string>;
  scratchVerbs: Set<string>;
  retrievalVerbs: Set<string>;
  outboundVerbs: Set<string>;
  /** classifier.yaml money_context: money verbs that need a money word in the definition to move money. */
  moneyContext?: { verbs: Set<string>; words: Set<string> };
  /** classifier.yaml local_file_reads: reads of whatever local file a path names. */
  localFileReads?: { verbs: Set<string>; phrases: string[]; notWith: string[] };
  /** Words that are an action only as a whole tool name (non_wordnet_actions.name_nouns: "screenshot", "is"), never in a description. */
  nameOnlyActions: Set<string>;
  /** classifier.yaml billable_resources: creating what a hosting provider bills for; one-word objects are heads, longer ones phrases. */
  billableResources?: { verbs: Set<string>; heads: Set<string>; phrases: string[][]; hosts: Set<string>; notWith: Set<string> };
  /** classifier.yaml umbrella_worst_case: thin umbrella tools over high-loss objects. */
  umbrellaWorstCase?: { phrases: string[][]; objects: Set<string>; category: Category; confidence: number; maxDescriptionChars: number };
  publicPlaces: string[];
  codeAsData: string[];
  undoVerbs: Set<string>;
  accountCreation?: { verbs: Set<string>; between: Set<string>; objects: Set<string>; then: Set<string> };
  /** classifier.yaml saves_file, compiled: where a description says it saves a file. */
  savesFile?: { pattern: RegExp; notWith: RegExp | undefined };
  /** classifier.yaml trash_moves places, compiled: "to the trash", "into the recycling bin". */
  trashMovePlace?: RegExp;
  privateReads?: {
    verbs: Set<string>;
    words: Set<string>;
    /** The two-word entries of `words` ("browser history"), matched as a phrase of what is read. */
    phrases: string[];
    personal: Set<string>;
    personalWords: Set<string>;
    notWith: Set<string>;
    wholeStoreVerbs: Set<string>;
    /** What a private read hands back, as sentences say it: the first entry with a word in the name or the description's start. */
    says: { words: Set<string>; says: string }[];
    otherwise: string;
  };
  ambiguousCode: Set<string>;
  codeHints: Set<string>;
  queryCode: Set<string>;
  queryHints: Set<string>;
  /** classifier.yaml params.code_tails: last words of a parameter name that take code. */
  codeTails: Set<string>;
  codeTailRuns: Set<string>;
  imageHints: Set<string>;
  ambiguousSecret: Set<string>;
  secretHints: Set<string>;
  placeholders: Set<string>;
  /** classifier.yaml read_only_languages: each language word, and whether it reads private logs. */
  readOnlyLanguages: Map<string, boolean>;
}

/** Single words in a set, multi-word phrases (and CJK strings) in a list. */
export interface WordSet {
  single: Set<string>;
  multi: string[][];
  /** Positions in `multi` by the phrase's first word, so a scan looks up only phrases that can start at a word. */
  multiByFirst: Map<string, { phrase: string[]; order: number }[]>;
  cjk: string[];
}

function readYaml<T extends z.ZodType>(file: string, schema: T): z.infer<T> {
  let data: unknown;
  try {
    data = parseYaml(readFileSync(file, 'utf8'));
  } catch (err) {
    throw new Error(`${file}: not valid YAML: ${(err as Error).message}`);
  }
  const result = schema.safeParse(data);
  if (!result.success) {
    throw new Error(`${file}: invalid rules:\n  ${zodProblems(result.error).join('\n  ')}`);
  }
  return result.data;
}

// Parameter names repeat across tools (id, limit, symbol…); the cache is
// cleared past a size so that hostile manifests cannot grow it without bound.
const PARAM_NAME_CACHE_LIMIT = 20_000;
const paramNames = new Map<string, string>();

export const normaliseParamName = (name: string): string => {
  let key = paramNames.get(name);
  if (key === undefined) {
    key = name.toLowerCase().replace(/[^a-z0-9]/g, '');
    if (paramNames.size >= PARAM_NAME_CACHE_LIMIT) paramNames.clear();
    paramNames.set(name, key);
  }
  return key;
};

function indexBy(phrases: string[][], at: (phrase: string[]) => string): Map<string, string[][]> {
  const map = new Map<string, string[][]>();
  for (const phrase of phrases) {
    const key = at(phrase);
    const list = map.get(key) ?? [];
    list.push(phrase);
    map.set(key, list);
  }
  return map;
}

function wordSet(list: string[]): WordSet {
  const set: WordSet = { single: new Set(), multi: [], multiByFirst: new Map(), cjk: [] };
  for (const item of list) {
    if (/[\u3400-\u9FFF]/.test(item)) set.cjk.push(item);
    else if (item.includes(' ')) set.multi.push(item.toLowerCase().split(/\s+/));
    else set.single.add(item.toLowerCase());
  }
  set.multi.forEach((phrase, order) => {
    const list = set.multiByFirst.get(phrase[0]!) ?? [];
    list.push({ phrase, order });
    set.multiByFirst.set(phrase[0]!, list);
  });
  return set;
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** One pattern for classifier.yaml saves_file: "saves the answer to a file", "is saved to a CSV file", "保存为". */
/** "to the trash", "into the recycling bin": where a move deletes (trash_moves). */
function trashMovePlace(places: readonly string[]): RegExp {
  const alternatives = places.map((p) => escapeRe(p.trim()).replace(/\s+/g, '\\s+')).join('|');
  return new RegExp(`\\b(?:to|into)\\s+(?:the\\s+|its\\s+|their\\s+|a\\s+)?(?:${alternatives})\\b`, 'i');
}

function savesFilePattern(s: { verbs: string[]; participles: string[]; places: string[]; phrases: string[] }): RegExp {
  const alt = (xs: string[]) => xs.map(escapeRe).join('|');
  const place = `(?:to|into|as|in)\\s+(?:[A-Za-z-]+\\s+){0,3}?(?:${alt(s.places)})\\b`;
  const parts = [`\\b(?:${alt(s.verbs)})\\b(?:\\s+[A-Za-z-]+){0,4}?\\s+${place}`];
  if (s.participles.length) parts.push(`\\b(?:is|are|be|been|get|gets)\\s+(?:${alt(s.participles)})\\s+${place}`);
  if (s.phrases.length) parts.push(`(?:${alt(s.phrases)})`);
  return new RegExp(parts.join('|'), 'i');
}

function throwawayContexts(objects: ObjectKinds): { throwawayContexts: { words: Set<string>; kind: ObjectKind; replaces?: Set<string> }[] } {
  return {
    throwawayContexts: objects.throwaway_contexts.map((t) => {
      const kind = objects.kinds.find((k) => k.id === t.kind);
      if (!kind) throw new Error(`objects.yaml: throwaway_contexts names kind "${t.kind}", which is not defined`);
      return { words: new Set(t.words.map((w) => w.toLowerCase())), kind, ...(t.replaces ? { replaces: new Set(t.replaces) } : {}) };
    }),
  };
}

function objectSenses(objects: ObjectKinds): Map<string, { with: Set<string>; notWith: Set<string> }> {
  const out = new Map<string, { with: Set<string>; notWith: Set<string> }>();
  for (const s of objects.word_senses) {
    const sense = { with: new Set(s.with.map((w) => w.toLowerCase())), notWith: new Set(s.not_with.map((w) => w.toLowerCase())) };
    for (const w of s.words) {
      if (![...objects.kinds].some((k) => k.words.some((x) => x.toLowerCase() === w.toLowerCase()))) throw new Error(`objects.yaml: word_senses lists "${w}", which names no kind`);
      out.set(w.toLowerCase(), sense);
    }
  }
  return out;
}

const NO_OBJECTS: ObjectKinds = { kinds: [], reversible_phrases: [], throwaway_contexts: [], word_senses: [] };

export function compileRules(raw: ClassifierRules, severity: SeverityRules, policy: PolicyRules, source = 'rules', objects: ObjectKinds = NO_OBJECTS): CompiledRules {
  const verbCategory = new Map<string, Category>();
  const clashes: string[] = [];
  for (const category of CATEGORIES) {
    for (const verb of raw.verbs[category]) {
      const seen = verbCategory.get(verb);
      if (seen && seen !== category) clashes.push(`"${verb}" is listed under both ${seen} and ${category}`);
      verbCategory.set(verb, category);
    }
  }
  if (clashes.length) throw new Error(`${source}: ambiguous verbs:\n  ${clashes.join('\n  ')}`);

  const combosByVerb = new Map<string, CompiledCombo[]>();
  // Names and leads are matched with their stopwords removed, so an object
  // phrase is too ("user data stream" is read as "data stream"): otherwise a
  // phrase holding one could never match. A phrase left with a single word
  // keeps its stopword ("to live" must not become "live").
  const stop = new Set(raw.stopwords);
  const withoutStopwords = (o: string[]) => {
    const kept = o.filter((w) => !stop.has(w));
    return kept.length >= 2 ? kept : o;
  };
  for (const combo of raw.combos) {
    const objects = combo.objects.flatMap(phraseForms).map(withoutStopwords);
    const compiled: CompiledCombo = {
      verbs: new Set(combo.verbs),
      objects,
      objectStarts: new Set(objects.map((o) => o[0]!)),
      maxObjectLength: Math.max(...objects.map((o) => o.length)),
      ...(combo.window ? { window: combo.window } : {}),
      ...(combo.head ? { head: true } : {}),
      category: combo.category,
      signals: combo.signals ?? [],
      label: combo.label,
    };
    for (const verb of combo.verbs) {
      const list = combosByVerb.get(verb) ?? [];
      list.push(compiled);
      combosByVerb.set(verb, list);
    }
  }

  const readNounPhrases = raw.noun_phrases.flatMap(phraseForms);
  const nounPhrases = [...readNounPhrases, ...raw.compound_nouns.flatMap(phraseForms)];

  const bodyPhrases = new Map<string, Phrase<ClassifierRules['body_phrases'][number]>[]>();
  for (const entry of raw.body_phrases) {
    const words = entry.phrase.toLowerCase().split(/[\s-]+/);
    const list = bodyPhrases.get(words[0]!) ?? [];
    // "read only" and "read-only" are the same words once split; counting
    // both would give one phrase in the description double weight.
    if (list.some((p) => p.words.join(' ') === words.join(' '))) continue;
    list.push({ words, entry });
    bodyPhrases.set(words[0]!, list);
  }

  // Longest first, so that "cannot" is tried before "can"; the words are
  // checked again as whole words after a hit, so this only narrows the search.
  const firstWords = [...bodyPhrases.keys()].sort((a, b) => b.length - a.length || a.localeCompare(b));
  for (const first of firstWords) {
    if (!/^[a-z][a-z0-9']*$/.test(first)) throw new Error(`${source}: body phrase word "${first}" must start with a letter and hold only letters, digits and apostrophes`);
  }
  const bodyPhraseFinder = new RegExp(`(?<![A-Za-z0-9])(?:${firstWords.join('|') || '(?!)'})`, 'gi');

  const paramKinds = new Map<string, (keyof ClassifierRules['params'])[]>();
  for (const kind of Object.keys(raw.params) as (keyof ClassifierRules['params'])[]) {
    // These qualify freeform_code or container_image names; they are no kind of their own.
    if (kind === 'ambiguous_code' || kind === 'code_hints' || kind === 'code_tails' || kind === 'code_tail_runs' || kind === 'image_hints' || kind === 'query_code' || kind === 'query_hints') continue;
    for (const name of raw.params[kind]) {
      const key = normaliseParamName(name);
      paramKinds.set(key, [...(paramKinds.get(key) ?? []), kind]);
    }
  }

  return {
    raw,
    severity,
    policy,
    verbCategory,
    combosByVerb,
    readTails: new Set(raw.read_tails),
    nounPhrases,
    readNounPhrases: readNounPhrases.length,
    nounPhrasesByFirst: indexBy(nounPhrases, (p) => p[0]!),
    otherSensesByLast: indexBy(raw.other_senses.flatMap(phraseForms), (p) => p[p.length - 1]!),
    readNounPhrasesByLast: indexBy(readNounPhrases, (p) => p[p.length - 1]!),
    stopwords: new Set(raw.stopwords),
    leadFillers: new Set(raw.lead_fillers),
    bodyPhrases,
    bodyPhraseFinder,
    zhAllCjk: raw.zh.every((e) => /[\u3400-\u9FFF\uF900-\uFAFF]/.test(e.phrase)),
    paramKinds,
    bulkWords: wordSet(raw.bulk_words),
    adminWords: wordSet(raw.admin_words),
    recreatableWords: wordSet(raw.recreatable_words),
    secretWords: wordSet(raw.secret_words),
    keyMaterialWords: wordSet(raw.key_material_words),
    nounVerbs: new Set(raw.noun_verbs),
    umbrellaVerbs: new Set(raw.umbrella_verbs),
    leadCoordinators: new Set(raw.lead_coordinators),
    objectBarriers: new Set(raw.object_barriers),
    objectKinds: new Map(objects.kinds.flatMap((k) => k.words.map((w) => [w.toLowerCase().split(/\s+/).join(' '), k] as const))),
    privateActionsByKind: new Map(objects.kinds.filter((k) => k.private_actions.length).map((k) => [k.id, new Set(k.private_actions.map((a) => a.toLowerCase()))])),
    objectPhraseLength: Math.max(1, ...objects.kinds.flatMap((k) => k.words.map((w) => w.trim().split(/\s+/).length))),
    objectSenses: objectSenses(objects),
    reversiblePhrases: objects.reversible_phrases.map((p) => p.toLowerCase()),
    ...throwawayContexts(objects),
    operationParams: new Set(raw.operations.params.map(normaliseParamName)),
    httpMethods: new Map(Object.entries(raw.operations.http_methods).map(([k, v]) => [k.toUpperCase(), v])),
    queryMethods: new Set(raw.operations.query_methods.map((m) => m.toUpperCase())),
    negationEn: new Set(raw.negation.en.map((w) => w.toLowerCase())),
    negationZh: [...raw.negation.zh].sort((a, b) => b.length - a.length),
    auxVerbs: new Set(raw.aux_verbs),
    listIntroMarks: new Set(raw.action_lists.intro_marks),
    listIntroWords: new Set(raw.action_lists.intro_words.map((w) => w.toLowerCase())),
    listQuotes: new Set(raw.action_lists.quotes),
    thenWords: new Set(raw.then_words.map((w) => w.toLowerCase())),
    hypotheticalVerbs: new Set(raw.hypothetical_verbs),
    scratchVerbs: new Set(raw.scratch_verbs),
    retrievalVerbs: new Set(raw.retrieval_verbs),
    outboundVerbs: new Set(raw.outbound_verbs),
    publicPlaces: raw.public_places.map((w) => w.toLowerCase()),
    codeAsData: raw.code_as_data.map((w) => w.toLowerCase()),
    undoVerbs: new Set(raw.undo_verbs.map((w) => w.toLowerCase())),
    nameOnlyActions: new Set((raw.non_wordnet_actions.name_nouns ?? []).map((w) => w.toLowerCase())),
    ...(raw.billable_resources
      ? {
          billableResources: {
            verbs: new Set(raw.billable_resources.verbs.map((w) => w.toLowerCase())),
            heads: new Set(raw.billable_resources.objects.filter((o) => !/\s/.test(o)).map((w) => w.toLowerCase())),
            phrases: raw.billable_resources.objects.filter((o) => /\s/.test(o)).map((o) => o.toLowerCase().split(/\s+/)),
            hosts: new Set(raw.billable_resources.hosts.map((w) => w.toLowerCase())),
            notWith: new Set(raw.billable_resources.not_with.map((w) => w.toLowerCase())),
          },
        }
      : {}),
    ...(raw.umbrella_worst_case
      ? { umbrellaWorstCase: { phrases: raw.umbrella_worst_case.phrases.map((p) => p.toLowerCase().split(/\s+/)), objects: new Set(raw.umbrella_worst_case.objects.map((w) => w.toLowerCase())), category: raw.umbrella_worst_case.category, confidence: raw.umbrella_worst_case.confidence, maxDescriptionChars: raw.umbrella_worst_case.max_description_chars } }
      : {}),
    ...(raw.account_creation ? { accountCreation: { verbs: new Set(raw.account_creation.verbs), between: new Set(raw.account_creation.between), objects: new Set(raw.account_creation.objects), then: new Set(raw.account_creation.then) } } : {}),
    ...(raw.local_file_reads ? { localFileReads: { verbs: new Set(raw.local_file_reads.verbs), phrases: raw.local_file_reads.phrases.map((w) => w.toLowerCase()), notWith: raw.local_file_reads.not_with.map((w) => w.toLowerCase()) } } : {}),
    ...(raw.money_context ? { moneyContext: { verbs: new Set(raw.money_context.verbs), words: new Set(raw.money_context.words.map((w) => w.toLowerCase())) } } : {}),
    ...(raw.trash_moves.places.length ? { trashMovePlace: trashMovePlace(raw.trash_moves.places) } : {}),
    ...(raw.saves_file ? { savesFile: { pattern: savesFilePattern(raw.saves_file), notWith: raw.saves_file.not_with.length ? new RegExp(`\\b(?:${raw.saves_file.not_with.map(escapeRe).join('|')})\\b`, 'i') : undefined } } : {}),
    ...(raw.private_reads
      ? { privateReads: { verbs: new Set(raw.private_reads.verbs), words: new Set(raw.private_reads.words), phrases: raw.private_reads.words.filter((w) => w.includes(' ')), personal: new Set(raw.private_reads.personal), personalWords: new Set(raw.private_reads.personal_words), notWith: new Set(raw.private_reads.not_with), wholeStoreVerbs: new Set(raw.private_reads.whole_store_verbs), says: raw.private_reads.says.map((e) => ({ words: new Set(e.words.map((w) => w.toLowerCase())), says: e.says })), otherwise: raw.private_reads.otherwise } }
      : {}),
    ambiguousCode: new Set(raw.params.ambiguous_code.map(normaliseParamName)),
    codeHints: new Set(raw.params.code_hints),
    queryCode: new Set(raw.params.query_code.map(normaliseParamName)),
    queryHints: new Set(raw.params.query_hints),
    codeTails: new Set(raw.params.code_tails.map((w) => w.toLowerCase())),
    codeTailRuns: new Set(raw.params.code_tail_runs.map((w) => w.toLowerCase())),
    imageHints: new Set(raw.params.image_hints.map((w) => w.toLowerCase())),
    ambiguousSecret: new Set(raw.params.ambiguous_secret.map(normaliseParamName)),
    secretHints: new Set(raw.params.secret_hints),
    placeholders: new Set(raw.placeholder_descriptions.map((p) => p.toLowerCase())),
    readOnlyLanguages: new Map(raw.read_only_languages.flatMap((l) => l.words.map((w) => [w.toLowerCase(), l.private] as const))),
  };
}

const cache = new Map<string, CompiledRules>();

export function loadRules(dir: string = RULES_DIR): CompiledRules {
  const hit = cache.get(dir);
  if (hit) return hit;
  const classifierFile = join(dir, 'classifier.yaml');
  const raw = readYaml(classifierFile, classifierRulesSchema);
  const severity = readYaml(join(dir, 'severity.yaml'), severityRulesSchema);
  const policy = readYaml(join(dir, 'policy.yaml'), policyRulesSchema);
  const objects = readYaml(join(dir, 'objects.yaml'), objectKindsSchema);
  const compiled = compileRules(raw, severity, policy, classifierFile, objects);
  cache.set(dir, compiled);
  return compiled;
}
