/**
 * Word tokenisation with source spans, so every piece of evidence can quote
 * the exact original text it came from.
 */

export interface Token {
  /** Lower-cased word. */
  word: string;
  /** Offsets into the text the token was read from. */
  start: number;
  end: number;
}

/**
 * Splits an identifier such as `binance_spot_cancel_order`,
 * `BinanceFuturesNewOrder`, `get-file.contents` or `list users` into words.
 * camelCase and PascalCase boundaries split, runs of capitals stay together
 * (`getHTTPStatus` → get, http, status), digits keep the letters that follow
 * after them (`get24hrTicker` → get, 24hr, ticker).
 */
export function splitIdentifier(name: string): Token[] {
  const tokens: Token[] = [];
  // Letters/digits runs; everything else (_ - . / : space, emoji) separates.
  const chunk = /[\p{L}\p{N}]+/gu;
  for (const m of name.matchAll(chunk)) {
    const text = m[0];
    const base = m.index ?? 0;
    // Split inside the chunk on case and letter/digit changes.
    const part = /\p{Lu}+(?=\p{Lu}\p{Ll})|\p{Lu}?\p{Ll}+|\p{Lu}+|\p{N}+\p{Ll}*|[^\p{Lu}\p{Ll}\p{N}]+/gu;
    for (const p of text.matchAll(part)) {
      const start = base + (p.index ?? 0);
      tokens.push({ word: p[0].toLowerCase(), start, end: start + p[0].length });
    }
  }
  return tokens;
}

/** Splits prose into lower-cased word tokens (Latin letters, digits, apostrophes). */
export function splitWords(text: string, limit = Number.POSITIVE_INFINITY): Token[] {
  const tokens: Token[] = [];
  const re = /[A-Za-z][A-Za-z0-9']*|[0-9]+[A-Za-z]*/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    if (m.index >= limit) break;
    tokens.push({ word: m[0].toLowerCase().replace(/'s$/, ''), start: m.index, end: m.index + m[0].length });
  }
  return tokens;
}

/**
 * Candidate base forms of an English word, most specific first: the word
 * itself, then light de-inflections (deletes → delete, cancelled → cancel,
 * retrieves → retrieve, queries → query, running → run). Good enough for
 * lexicon look-ups, where a wrong candidate simply finds nothing.
 */
export function baseForms(word: string): string[] {
  const forms = [word];
  const n = word.length;
  if (n > 3 && word.endsWith('ies')) forms.push(word.slice(0, -3) + 'y');
  if (n > 3 && word.endsWith('es')) forms.push(word.slice(0, -2));
  if (n > 2 && word.endsWith('s') && !word.endsWith('ss')) forms.push(word.slice(0, -1));
  if (n > 4 && word.endsWith('ied')) forms.push(word.slice(0, -3) + 'y');
  if (n > 3 && word.endsWith('ed')) {
    forms.push(word.slice(0, -1), word.slice(0, -2));
    if (word[n - 3] === word[n - 4]) forms.push(word.slice(0, -3)); // cancelled, dropped
  }
  if (n > 5 && word.endsWith('ing')) {
    forms.push(word.slice(0, -3), word.slice(0, -3) + 'e');
    if (word[n - 4] === word[n - 5]) forms.push(word.slice(0, -4)); // running
  }
  return forms;
}
