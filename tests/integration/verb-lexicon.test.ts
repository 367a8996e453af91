/**
 * The verb lexicon (catalogue/rules/classifier.yaml `verbs`) decides what
 * counts as an action. Each of its words must be a verb in WordNet's verb
 * index, or be declared in `non_wordnet_actions` with the reason it is an
 * action anyway; so a noun ("index", "history", "details") cannot join the
 * lexicon unnoticed, and a declaration WordNet makes needless is removed.
 */
import { describe, expect, it } from 'vitest';
import { lexiconGaps } from '../../src/lib/classify/lexicon-gaps.ts';
import { loadRules } from '../../src/lib/rules/load-rules.ts';
import { isWordnetVerb, wordnetLemmas } from '../../src/lib/rules/wordnet.ts';

const rules = loadRules().raw;
const lexicon = Object.values(rules.verbs).flat();
const declared = Object.values(rules.non_wordnet_actions).flat();

describe('verb lexicon against WordNet', () => {
  it('reads WordNet 3.1 verbs and nouns', () => {
    expect(wordnetLemmas('verb').size).toBeGreaterThan(10_000);
    expect(isWordnetVerb('delete')).toBe(true);
    expect(isWordnetVerb('fetches')).toBe(true);
    expect(isWordnetVerb('unstar')).toBe(true);
    // Nouns only: never actions. (Some nouns are WordNet verbs too, "index"
    // and "detail"; whether such a word is the action is the classifier's
    // noun_verbs and read_tails business, not the lexicon's.)
    for (const noun of ['info', 'items', 'history', 'url', 'status', 'summary']) expect(isWordnetVerb(noun), noun).toBe(false);
  });

  it('holds only WordNet verbs and declared non-WordNet actions', () => {
    const undeclared = lexicon.filter((w) => !isWordnetVerb(w) && !declared.includes(w));
    expect(undeclared, 'lexicon words WordNet does not know as verbs: declare them in non_wordnet_actions or remove them').toEqual([]);
  });

  it('declares nothing WordNet already knows or the lexicon lacks', () => {
    expect(declared.filter((w) => isWordnetVerb(w))).toEqual([]);
    expect(declared.filter((w) => !lexicon.includes(w))).toEqual([]);
  });

  it('lists no action word twice', () => {
    expect(lexicon.filter((w, i) => lexicon.indexOf(w) !== i)).toEqual([]);
  });
});

describe('lexicon gaps', () => {
  it('counts names with no known action by their first word after the server prefix, with WordNet parts of speech', async () => {
    const servers = new Map([
      // "acme" is the server's own prefix; "notes_create" has its action after the object.
      ['io.example/acme', ['acme_rekindle_user', 'acme_rekindle_team', 'acme_widget_status', 'notes_create', 'acme_zorble_thing']],
    ]);
    const gaps = lexiconGaps(servers, loadRules());
    expect(gaps.map((g) => [g.word, g.tools, g.wordnet])).toEqual([
      ['rekindle', 2, 'verb'],
      ['widget', 1, 'noun'],
      ['zorble', 1, ''],
    ]);
    expect(gaps[0]!.examples).toEqual(['acme_rekindle_user', 'acme_rekindle_team']);
  });
});
