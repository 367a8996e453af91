/**
 * Recognises name prefixes a server puts on its tools (binance_…,
 * BinanceFutures…, github_…) so the classifier reads the action after them.
 * A leading word is a prefix when it is part of the server's own name, or
 * when at least a quarter of the server's tools (and at least three) start
 * with it and it is not itself an action word.
 */
import { splitIdentifier } from '../text/words.ts';

export function serverPrefixWords(
  serverNames: readonly string[],
  toolNames: readonly string[],
  isActionWord: (word: string) => boolean,
): Set<string> {
  const prefixes = new Set<string>();
  const ignore = new Set(['mcp', 'server', 'io', 'github', 'com', 'ai', 'the']);
  for (const n of serverNames) {
    for (const t of splitIdentifier(n)) if (t.word.length > 2 && !ignore.has(t.word)) prefixes.add(t.word);
  }
  const firstCounts = new Map<string, number>();
  for (const name of toolNames) {
    const first = splitIdentifier(name)[0]?.word;
    if (first) firstCounts.set(first, (firstCounts.get(first) ?? 0) + 1);
  }
  for (const [word, count] of firstCounts) {
    if (count >= 3 && count >= toolNames.length * 0.25 && !isActionWord(word)) prefixes.add(word);
  }
  // Server-name words that are also action words ("trade-mcp") still count
  // as prefixes: they name the server, not the action.
  return prefixes;
}
