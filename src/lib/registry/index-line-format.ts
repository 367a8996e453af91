/**
 * The exact text format of `index/servers.jsonl` lines.
 *
 * The shared index was written by Python's `json.dumps(obj, ensure_ascii=False)`:
 * `", "` between items, `": "` after keys, non-ASCII kept as UTF-8. Writing new
 * and changed lines the same way keeps a sync's diff down to the lines that
 * really changed, instead of rewriting all 37k lines in another style.
 */

/** Serialises a JSON value the way Python's default `json.dumps` does. */
export function formatIndexLine(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return `[${value.map((item) => formatIndexLine(item ?? null)).join(', ')}]`;
  if (typeof value === 'object') {
    const items = Object.entries(value as Record<string, unknown>)
      .filter(([, item]) => item !== undefined)
      .map(([key, item]) => `${JSON.stringify(key)}: ${formatIndexLine(item)}`);
    return `{${items.join(', ')}}`;
  }
  // Strings, numbers and booleans: JSON.stringify escapes exactly the
  // characters Python escapes when ensure_ascii is off.
  return JSON.stringify(value);
}

/**
 * Orders strings by Unicode code point, as Python's `sorted` does. JavaScript's
 * `<` compares UTF-16 code units, which differs for characters beyond U+FFFF.
 */
export function compareCodePoints(a: string, b: string): number {
  const left = a[Symbol.iterator]();
  const right = b[Symbol.iterator]();
  for (;;) {
    const x = left.next();
    const y = right.next();
    if (x.done || y.done) return x.done === y.done ? 0 : x.done ? -1 : 1;
    const diff = x.value.codePointAt(0)! - y.value.codePointAt(0)!;
    if (diff !== 0) return diff;
  }
}

/** Deep equality of two JSON values, ignoring object key order. */
export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const other = b as unknown[];
    return a.length === other.length && a.every((item, i) => sameJson(item, other[i]));
  }
  const left = definedEntries(a as Record<string, unknown>);
  const right = definedEntries(b as Record<string, unknown>);
  if (left.length !== right.length) return false;
  const rightMap = new Map(right);
  return left.every(([key, value]) => rightMap.has(key) && sameJson(value, rightMap.get(key)));
}

function definedEntries(object: Record<string, unknown>): [string, unknown][] {
  return Object.entries(object).filter(([, value]) => value !== undefined);
}
