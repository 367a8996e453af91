/**
 * Where the verb lexicon has gaps: tool names in which the lexicon knows no
 * action word at all, counted by their leading word (after the server's own
 * prefix, as the classifier reads them), most frequent first, each with what
 * WordNet says it is. A
 * maintainer reads the list and decides each frequent word: add it to a
 * category's verbs, to noun_verbs or read_tails, or leave it as the noun it is.
 */
import type { CompiledRules } from '../rules/load-rules.ts';
import { serverPrefixWords } from './server-prefix.ts';
import { splitIdentifier } from '../text/words.ts';
import { isWordnetVerb, wordnetLemmas } from '../rules/wordnet.ts';

export interface LexiconGap {
  word: string;
  /** How many tool names it leads. */
  tools: number;
  /** WordNet's parts of speech for it: "verb", "noun", "verb+noun", or "" when WordNet does not know it. */
  wordnet: string;
  examples: string[];
}

export function lexiconGaps(servers: ReadonlyMap<string, readonly string[]>, rules: CompiledRules, exampleCount = 3): LexiconGap[] {
  const known = (w: string) => rules.verbCategory.has(w) || rules.readTails.has(w) || rules.raw.noun_verbs.includes(w);
  const gaps = new Map<string, LexiconGap>();
  for (const [server, toolNames] of servers) {
    const prefixes = serverPrefixWords([server], toolNames, (w) => rules.verbCategory.has(w));
    for (const name of toolNames) {
      const words = splitIdentifier(name).map((t) => t.word).filter((w) => !prefixes.has(w));
      // "notes_create" has its action after the object: no gap.
      if (words.some((w) => rules.verbCategory.has(w) || rules.combosByVerb.has(w))) continue;
      const word = words[0];
      if (!word || word.length < 2 || /\d/.test(word) || known(word)) continue;
      let gap = gaps.get(word);
      if (!gap) {
        const verb = isWordnetVerb(word);
        const noun = wordnetLemmas('noun').has(word);
        gaps.set(word, (gap = { word, tools: 0, wordnet: [verb && 'verb', noun && 'noun'].filter(Boolean).join('+'), examples: [] }));
      }
      gap.tools++;
      if (gap.examples.length < exampleCount) gap.examples.push(name);
    }
  }
  return [...gaps.values()].sort((a, b) => b.tools - a.tools || a.word.localeCompare(b.word));
}
