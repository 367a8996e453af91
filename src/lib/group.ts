/**
 * Items grouped by a key, each group in input order. The catalogue, the
 * published API, the redirects and the pages all group tools by server;
 * one function keeps them from drifting apart (and from copying a list on
 * every item).
 */
export function groupBy<T, K>(items: Iterable<T>, key: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = groups.get(k);
    if (list) list.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}
