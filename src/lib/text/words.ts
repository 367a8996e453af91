/**
 * Word tokenisation with source spans, so every piece of evidence can quote
 * the exact original text it came from.
 *
 * These run several times per tool on every tool of the catalogue, so the
 * common case (ASCII text) is scanned by hand instead of with Unicode
 * regular expressions, and base forms are cached. The regular expressions
 * stay as the definition and as the path for everything else; both paths
 * give identical tokens (tests/integration/text-words.test.ts checks this).
 */

export interface Token {
  /** Lower-cased word. */
  word: string;
  /** Offsets into the text the token was read from. */
  start: number;
  end: number;
}

const NON_ASCII = /[^\x00-\x7F]/;

/** Letters/digits runs; everything else (_ - . / : space, emoji) separates. */
const CHUNK = /[\p{L}\p{N}]+/gu;
/** Parts inside a chunk: case and letter/digit changes. */
const PART = /\p{Lu}+(?=\p{Lu}\p{Ll})|\p{Lu}?\p{Ll}+|\p{Lu}+|\p{N}+\p{Ll}*|[^\p{Lu}\p{Ll}\p{N}]+/gu;

/**
 * Splits an identifier such as `binance_spot_cancel_order`,
 * `BinanceFuturesNewOrder`, `get-file.contents` or `list users` into words.
 * camelCase and PascalCase boundaries split, runs of capitals stay together
 * (`getHTTPStatus` → get, http, status), digits keep the letters that follow
 * after them (`get24hrTicker` → get, 24hr, ticker).
 */
export function splitIdentifier(name: string): Token[] {
  return NON_ASCII.test(name) ? splitIdentifierUnicode(name) : splitIdentifierAscii(name);
}

/** The definition: two Unicode regular expressions. */
export function splitIdentifierUnicode(name: string): Token[] {
  const tokens: Token[] = [];
  for (const m of name.matchAll(CHUNK)) {
    const text = m[0];
    const base = m.index ?? 0;
    for (const p of text.matchAll(PART)) {
      const start = base + (p.index ?? 0);
      tokens.push({ word: p[0].toLowerCase(), start, end: start + p[0].length });
    }
  }
  return tokens;
}

// Character classes of the ASCII fast path.
const UPPER = 1;
const LOWER = 2;
const DIGIT = 3;
function asciiClass(c: number): number {
  if (c >= 65 && c <= 90) return UPPER;
  if (c >= 97 && c <= 122) return LOWER;
  if (c >= 48 && c <= 57) return DIGIT;
  return 0;
}

/** The same parts as splitIdentifierUnicode for ASCII-only names, without regular expressions. */
export function splitIdentifierAscii(name: string): Token[] {
  const tokens: Token[] = [];
  const n = name.length;
  let i = 0;
  while (i < n) {
    const k = asciiClass(name.charCodeAt(i));
    if (k === 0) {
      i++;
      continue;
    }
    const start = i;
    if (k === DIGIT) {
      // \p{N}+\p{Ll}*
      while (i < n && asciiClass(name.charCodeAt(i)) === DIGIT) i++;
      while (i < n && asciiClass(name.charCodeAt(i)) === LOWER) i++;
    } else if (k === LOWER) {
      // \p{Lu}?\p{Ll}+ without the capital
      while (i < n && asciiClass(name.charCodeAt(i)) === LOWER) i++;
    } else {
      // A run of capitals: all but the last when a lower-case letter follows
      // the run (HTTPStatus → HTTP, Status), else one capital plus its
      // lower-case letters (Status), else the whole run (HTTP).
      let j = i;
      while (j < n && asciiClass(name.charCodeAt(j)) === UPPER) j++;
      const runLength = j - i;
      const nextIsLower = j < n && asciiClass(name.charCodeAt(j)) === LOWER;
      if (runLength >= 2 && nextIsLower) {
        i = j - 1;
      } else if (runLength === 1 && nextIsLower) {
        i = j;
        while (i < n && asciiClass(name.charCodeAt(i)) === LOWER) i++;
      } else {
        i = j;
      }
    }
    tokens.push({ word: name.slice(start, i).toLowerCase(), start, end: i });
  }
  return tokens;
}

/**
 * The runs of letters and digits that splitIdentifier cut at a change from
 * letters to digits, whole again: `get_hs300_stocks` → hs300,
 * `base64Encode` → base64, `get24hrTicker` → get24hr. People search for
 * "hs300" and "base64" as one word; the parts alone would not find them.
 */
export function letterDigitRuns(name: string, tokens: readonly Token[] = splitIdentifier(name)): string[] {
  const runs: string[] = [];
  let i = 0;
  while (i < tokens.length) {
    let j = i;
    while (j + 1 < tokens.length && tokens[j]!.end === tokens[j + 1]!.start && isLetterThenDigit(name, tokens[j + 1]!.start)) j++;
    if (j > i) runs.push(name.slice(tokens[i]!.start, tokens[j]!.end).toLowerCase());
    i = j + 1;
  }
  return runs;
}

function isLetterThenDigit(name: string, at: number): boolean {
  return /\p{L}/u.test(String.fromCodePoint(name.codePointAt(at - 1) ?? 32)) && /\p{N}/u.test(String.fromCodePoint(name.codePointAt(at) ?? 32));
}

/**
 * A rule phrase ("margin type", "marginType", "erc20 token") as the word
 * lists it can appear as: the words of a name holding it (splitIdentifier:
 * margin type; erc 20 token) and, when different, the words of prose
 * holding it (splitWords: erc20 token). Rule phrases are matched against
 * both names and descriptions, so both forms are kept.
 */
export function phraseForms(phrase: string): string[][] {
  const asName = splitIdentifier(phrase).map((t) => t.word);
  const asProse = splitWords(phrase).map((t) => t.word);
  return asProse.join(' ') === asName.join(' ') || asProse.length === 0 ? [asName] : [asName, asProse];
}

const WORD = /[A-Za-z][A-Za-z0-9']*|[0-9]+[A-Za-z]*/g;

/**
 * Where nextWord found its word. The caller owns one and passes it to every
 * call, so scanning a long description allocates nothing for the words
 * nobody looks at, and no state is shared between callers.
 */
export interface WordSpan {
  start: number;
  end: number;
  /** The end without a possessive "'s". */
  stemEnd: number;
}

export function newWordSpan(): WordSpan {
  return { start: 0, end: 0, stemEnd: 0 };
}

/**
 * Finds the next prose word (as splitWords defines it) that starts at or
 * after `from` and before `limit`, and writes its span to `span`.
 */
export function nextWord(text: string, span: WordSpan, from: number, limit = text.length): boolean {
  const n = Math.min(text.length, limit);
  let i = from;
  while (i < n && asciiClass(text.charCodeAt(i)) === 0) i++;
  if (i >= n) return false;
  const start = i;
  const digit = asciiClass(text.charCodeAt(i)) === DIGIT;
  i++;
  if (digit) {
    // [0-9]+[A-Za-z]*
    while (i < text.length && asciiClass(text.charCodeAt(i)) === DIGIT) i++;
    while (i < text.length) {
      const k = asciiClass(text.charCodeAt(i));
      if (k !== UPPER && k !== LOWER) break;
      i++;
    }
  } else {
    // [A-Za-z][A-Za-z0-9']*
    while (i < text.length && (asciiClass(text.charCodeAt(i)) !== 0 || text.charCodeAt(i) === 39)) i++;
  }
  span.start = start;
  span.end = i;
  // A possessive 's (or 'S) is not part of the word.
  const last = text.charCodeAt(i - 1);
  span.stemEnd = i - start >= 2 && (last === 115 || last === 83) && text.charCodeAt(i - 2) === 39 ? i - 2 : i;
  return true;
}

/** Splits prose into lower-cased word tokens (Latin letters, digits, apostrophes). */
export function splitWords(text: string, limit = Number.POSITIVE_INFINITY): Token[] {
  const tokens: Token[] = [];
  const span = newWordSpan();
  let pos = 0;
  while (nextWord(text, span, pos, limit)) {
    tokens.push({ word: text.slice(span.start, span.stemEnd).toLowerCase(), start: span.start, end: span.end });
    pos = span.end;
  }
  return tokens;
}

/** The definition of splitWords, kept for the equivalence test. */
export function splitWordsRegex(text: string, limit = Number.POSITIVE_INFINITY): Token[] {
  const tokens: Token[] = [];
  const re = new RegExp(WORD.source, 'g');
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    if (m.index >= limit) break;
    tokens.push({ word: m[0].toLowerCase().replace(/'s$/, ''), start: m.index, end: m.index + m[0].length });
  }
  return tokens;
}

/**
 * Base forms are looked up for the same few thousand words over and over;
 * the cache is cleared when it grows past this, so hostile input cannot make
 * it grow without bound.
 */
const FORMS_CACHE_LIMIT = 50_000;
const formsCache = new Map<string, readonly string[]>();

/**
 * Candidate base forms of an English word, most specific first: the word
 * itself, then light de-inflections (deletes → delete, cancelled → cancel,
 * retrieves → retrieve, queries → query, running → run). Good enough for
 * lexicon look-ups, where a wrong candidate simply finds nothing. The
 * returned array is shared: do not modify it.
 */
export function baseForms(word: string): readonly string[] {
  const hit = formsCache.get(word);
  if (hit) return hit;
  const forms = computeBaseForms(word);
  if (formsCache.size >= FORMS_CACHE_LIMIT) formsCache.clear();
  formsCache.set(word, forms);
  return forms;
}

function computeBaseForms(word: string): string[] {
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
