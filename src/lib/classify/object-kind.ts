/**
 * What a call acts on (objects.yaml): the kind of the first object word or
 * phrase that names one, read in context. A phrase of several words ("security
 * group", "pull request") is matched before its single words; a word that
 * names a kind only in some company (word_senses: a "key" is a secret next to
 * "API" but not next to "keyboard") counts only when its context holds one of
 * its `with` words (any context, when it lists none) and none of its
 * `not_with`, and is otherwise passed over; a
 * throwaway place (a sandbox, a simulator) turns the kind into its own.
 */
import type { CompiledRules } from '../rules/load-rules.ts';
import type { ObjectKind } from '../../schemas/rules.ts';
import { baseForms, splitIdentifier } from '../text/words.ts';
import type { ClassifyInput, ObjectInfo } from './types.ts';

const info = (kind: ObjectKind, word: string): ObjectInfo => ({ id: kind.id, word, phrase: kind.phrase, loss: kind.loss, undo: kind.undo, audience: kind.audience });

function kindOfWord(rules: CompiledRules, word: string): ObjectKind | undefined {
  return rules.objectKinds.get(word) ?? baseForms(word).map((f) => rules.objectKinds.get(f)).find(Boolean);
}

/**
 * The kind of the object, from its words (the name's object, then the
 * description's) and the words around it, lower-cased: `context` (the whole
 * name, the description's lead and the server's name) decides a word's sense,
 * `place` (the name's and the lead's words) a throwaway place.
 */
export function objectKindOf(rules: CompiledRules, objectWords: readonly string[], context: ReadonlySet<string>, place: readonly string[]): ObjectInfo | undefined {
  const words = objectWords.map((w) => w.toLowerCase());
  const longest = rules.objectPhraseLength;
  let kind: ObjectInfo | undefined;
  for (let i = 0; i < words.length && !kind; i++) {
    // "security group" before "group", "pull request" before "request".
    for (let n = Math.min(longest, words.length - i); n >= 2 && !kind; n--) {
      const phrase = words.slice(i, i + n).join(' ');
      const k = rules.objectKinds.get(phrase);
      // A phrase before a word that names a kind qualifies it: the comments of
      // "pull request comments" are what the call acts on.
      const next = words[i + n];
      if (k && !(next && kindOfWord(rules, next))) kind = info(k, objectWords.slice(i, i + n).join(' '));
    }
    if (kind) break;
    const k = kindOfWord(rules, words[i]!);
    if (!k) continue;
    const sense = rules.objectSenses.get(words[i]!) ?? baseForms(words[i]!).map((f) => rules.objectSenses.get(f)).find(Boolean);
    // "press_key", "Group shapes on the board", "get_route_directions": the word names something else here.
    if (sense && ((sense.with.size > 0 && ![...sense.with].some((w) => context.has(w))) || [...sense.notWith].some((w) => context.has(w)))) continue;
    kind = info(k, objectWords[i]!);
  }
  // "close_sandbox": "Close and clean up a sandbox environment" is no running
  // infrastructure, and an app in a simulator reaches no customers.
  for (const throwaway of rules.throwawayContexts) {
    if (!kind || kind.id === throwaway.kind.id || (throwaway.replaces && !throwaway.replaces.has(kind.id))) continue;
    const word = place.find((w) => throwaway.words.has(w));
    if (!word) continue;
    kind = info(throwaway.kind, word);
  }
  return kind;
}

/** The words a word's sense is read from: the whole name, the description's first sentence, the server's name, and `place`. */
export function objectContext(rules: CompiledRules, input: ClassifyInput, serverWords: readonly string[], place: readonly string[]): Set<string> {
  const lead = (input.description ?? '').slice(0, rules.raw.limits.lead_chars).split(/(?<=[.!?])\s|\n/)[0]!;
  const out = new Set(place);
  for (const text of [input.name, lead, ...serverWords]) for (const t of splitIdentifier(text)) out.add(t.word.toLowerCase());
  return out;
}
