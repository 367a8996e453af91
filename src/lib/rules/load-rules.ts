/**
 * Loads the rule files from catalogue/rules/, validates them and compiles
 * them into look-up tables so classifying a tool costs a handful of map
 * look-ups per word (the bench target is 50,000 tools/s).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { REPO_ROOT } from '../ingest/data-dir.ts';
import type { z } from 'zod';
import {
  classifierRulesSchema,
  policyRulesSchema,
  severityRulesSchema,
  CATEGORIES,
  type Category,
  type ClassifierRules,
  type PolicyRules,
  type RiskSignal,
  type SeverityRules,
} from '../../schemas/rules.ts';

export interface CompiledCombo {
  verbs: Set<string>;
  objects: string[][];
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
  nounPhrases: string[][];
  stopwords: Set<string>;
  leadFillers: Set<string>;
  bodyPhrases: Map<string, Phrase<ClassifierRules['body_phrases'][number]>[]>;
  paramKinds: Map<string, (keyof ClassifierRules['params'])[]>;
  bulkWords: WordSet;
  adminWords: WordSet;
  recreatableWords: WordSet;
  secretWords: WordSet;
}

/** Single words in a set, multi-word phrases (and CJK strings) in a list. */
export interface WordSet {
  single: Set<string>;
  multi: string[][];
  cjk: string[];
}

export const DEFAULT_RULES_DIR = join(REPO_ROOT, 'catalogue', 'rules');

function readYaml<T extends z.ZodType>(file: string, schema: T): z.infer<T> {
  let data: unknown;
  try {
    data = parseYaml(readFileSync(file, 'utf8'));
  } catch (err) {
    throw new Error(`${file}: not valid YAML: ${(err as Error).message}`);
  }
  const result = schema.safeParse(data);
  if (!result.success) {
    const problems = result.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`);
    throw new Error(`${file}: invalid rules:\n  ${problems.join('\n  ')}`);
  }
  return result.data;
}

export const normaliseParamName = (name: string): string => name.toLowerCase().replace(/[^a-z0-9]/g, '');

function wordSet(list: string[]): WordSet {
  const set: WordSet = { single: new Set(), multi: [], cjk: [] };
  for (const item of list) {
    if (/[\u3400-\u9FFF]/.test(item)) set.cjk.push(item);
    else if (item.includes(' ')) set.multi.push(item.toLowerCase().split(/\s+/));
    else set.single.add(item.toLowerCase());
  }
  return set;
}

export function compileRules(raw: ClassifierRules, severity: SeverityRules, policy: PolicyRules, source = 'rules'): CompiledRules {
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
  for (const combo of raw.combos) {
    const compiled: CompiledCombo = {
      verbs: new Set(combo.verbs),
      objects: combo.objects.map((o) => splitPhrase(o)),
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

  const bodyPhrases = new Map<string, Phrase<ClassifierRules['body_phrases'][number]>[]>();
  for (const entry of raw.body_phrases) {
    const words = entry.phrase.toLowerCase().split(/[\s-]+/);
    const list = bodyPhrases.get(words[0]!) ?? [];
    list.push({ words, entry });
    bodyPhrases.set(words[0]!, list);
  }

  const paramKinds = new Map<string, (keyof ClassifierRules['params'])[]>();
  for (const kind of Object.keys(raw.params) as (keyof ClassifierRules['params'])[]) {
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
    nounPhrases: raw.noun_phrases.map(splitPhrase),
    stopwords: new Set(raw.stopwords),
    leadFillers: new Set(raw.lead_fillers),
    bodyPhrases,
    paramKinds,
    bulkWords: wordSet(raw.bulk_words),
    adminWords: wordSet(raw.admin_words),
    recreatableWords: wordSet(raw.recreatable_words),
    secretWords: wordSet(raw.secret_words),
  };
}

/** "marginType" and "margin type" both become [margin, type]. */
export function splitPhrase(phrase: string): string[] {
  return phrase
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[\s_-]+/)
    .filter(Boolean);
}

const cache = new Map<string, CompiledRules>();

export function loadRules(dir: string = DEFAULT_RULES_DIR): CompiledRules {
  const hit = cache.get(dir);
  if (hit) return hit;
  const classifierFile = join(dir, 'classifier.yaml');
  const raw = readYaml(classifierFile, classifierRulesSchema);
  const severity = readYaml(join(dir, 'severity.yaml'), severityRulesSchema);
  const policy = readYaml(join(dir, 'policy.yaml'), policyRulesSchema);
  const compiled = compileRules(raw, severity, policy, classifierFile);
  cache.set(dir, compiled);
  return compiled;
}
