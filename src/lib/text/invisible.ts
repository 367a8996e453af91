/**
 * The one table of invisible and confusable characters. Third-party text
 * (tool names, descriptions, parameter descriptions) can hide words from
 * the classifier ("de\u200Blete"), hide or reorder text for a reader (bidi
 * overrides, tag characters) or pass a look-alike off as a known name.
 * Every character listed here is, from this one list:
 *
 * - stripped from the copy the classifier and poisoning detection match
 *   words in (stripInvisible);
 * - flagged by poisoning detection as `invisible_unicode` (findInvisible);
 * - revealed as [U+XXXX] on pages, in search records and the scan report
 *   (revealInvisible, used by display.ts);
 * - escaped as \uXXXX in terminal output (escapeInvisible, used by terminal.ts).
 *
 * One exception, for ordinary emoji: a zero-width joiner between two
 * pictographs (👨‍💻), a presentation selector (U+FE0E, U+FE0F) right after
 * a pictograph (⚠️), and U+FE0F in a keycap (1️⃣) are part of the emoji.
 * They are still stripped for matching (an emoji holds no words), but not
 * flagged and not revealed. A second selector, or a joiner with no
 * pictograph on both sides, is flagged and revealed like the rest.
 */

export interface InvisibleClass {
  name: string;
  /** A regular-expression character-class body (the part inside [ ]). */
  chars: string;
  /** Code points, one per class, that the tests check are stripped, flagged and revealed. */
  example: string;
}

export const INVISIBLE_CLASSES: readonly InvisibleClass[] = [
  { name: 'soft hyphen', chars: '\\u00AD', example: '\u00AD' },
  { name: 'combining grapheme joiner', chars: '\\u034F', example: '\u034F' },
  { name: 'Arabic letter mark', chars: '\\u061C', example: '\u061C' },
  { name: 'Hangul fillers', chars: '\\u115F\\u1160\\u3164\\uFFA0', example: '\u3164' },
  { name: 'Khmer inherent vowels', chars: '\\u17B4\\u17B5', example: '\u17B4' },
  { name: 'Mongolian variation selectors and vowel separator', chars: '\\u180B-\\u180F', example: '\u180E' },
  { name: 'zero-width space and non-joiner, direction marks', chars: '\\u200B\\u200C\\u200E\\u200F', example: '\u200B' },
  { name: 'zero-width joiner (outside emoji)', chars: '\\u200D', example: '\u200D' },
  { name: 'bidi embeddings and overrides', chars: '\\u202A-\\u202E', example: '\u202E' },
  { name: 'word joiner, invisible operators, bidi isolates, deprecated format controls', chars: '\\u2060-\\u206F', example: '\u2066' },
  { name: 'variation selectors (outside emoji)', chars: '\\uFE00-\\uFE0F', example: '\uFE0F' },
  { name: 'zero-width no-break space (byte order mark)', chars: '\\uFEFF', example: '\uFEFF' },
  { name: 'tag characters', chars: '\\u{E0000}-\\u{E007F}', example: '\u{E0041}' },
];

const ALL = INVISIBLE_CLASSES.map((c) => c.chars).join('');

/** Any listed character, with no exception: what matching strips. */
const STRIP = new RegExp(`[${ALL}]`, 'gu');

const PICTOGRAPH = /^\p{Extended_Pictographic}$/u;
const SKIN_TONE = /^[\u{1F3FB}-\u{1F3FF}]$/u;

/** The code point that ends just before `index`. */
function before(text: string, index: number): string {
  const low = text.charCodeAt(index - 1);
  return low >= 0xdc00 && low <= 0xdfff && index >= 2 ? text.slice(index - 2, index) : text.slice(Math.max(0, index - 1), index);
}

/** The code point that starts at `index`. */
function at(text: string, index: number): string {
  return String.fromCodePoint(text.codePointAt(index) ?? 0);
}

/**
 * The emoji exception. A joiner is part of an emoji when a pictograph
 * (optionally with its presentation selector or skin tone) comes before it
 * and a pictograph after it; a presentation selector when it follows a
 * pictograph, or makes a keycap (digit, # or *, U+FE0F, U+20E3).
 */
function inEmoji(text: string, ch: string, index: number): boolean {
  if (ch === '\u200D') {
    let prev = before(text, index);
    if (prev === '\uFE0F' || SKIN_TONE.test(prev)) prev = before(text, index - prev.length);
    return PICTOGRAPH.test(prev) && index + 1 < text.length && PICTOGRAPH.test(at(text, index + 1));
  }
  if (ch === '\uFE0F' || ch === '\uFE0E') {
    const prev = before(text, index);
    if (PICTOGRAPH.test(prev)) return true;
    return ch === '\uFE0F' && /^[0-9#*]$/.test(prev) && text.charCodeAt(index + 1) === 0x20e3;
  }
  return false;
}

/** Calls `each` for every hidden character: listed, and not part of an emoji. */
function forEachHidden(text: string, each: (ch: string, index: number) => void): void {
  for (const m of text.matchAll(STRIP)) if (!inEmoji(text, m[0], m.index!)) each(m[0], m.index!);
}

function replaceHidden(text: string, by: (ch: string) => string): string {
  return text.replace(STRIP, (ch: string, index: number) => (inEmoji(text, ch, index) ? ch : by(ch)));
}

const NON_ASCII = /[^\x00-\x7F]/;

/** The text without any listed character (emoji joiners and selectors included): the copy words are matched in. */
export function stripInvisible(text: string): string {
  return NON_ASCII.test(text) ? text.replace(STRIP, '') : text;
}

/** U+XXXX, at least four hex digits. */
export function codePointLabel(ch: string): string {
  return `U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** Each hidden character shown as [U+XXXX]. */
export function revealInvisible(text: string): string {
  return NON_ASCII.test(text) ? replaceHidden(text, (ch) => `[${codePointLabel(ch)}]`) : text;
}

/** Each hidden character as a \uXXXX (or \u{XXXXX}) escape, for a terminal. */
export function escapeInvisible(text: string): string {
  return NON_ASCII.test(text) ? replaceHidden(text, escapeChar) : text;
}

export function escapeChar(ch: string): string {
  const cp = ch.codePointAt(0)!;
  return cp > 0xffff ? `\\u{${cp.toString(16)}}` : `\\u${cp.toString(16).padStart(4, '0')}`;
}

export interface InvisibleFound {
  /** The first hidden character. */
  char: string;
  /** Its offset in UTF-16 code units. */
  index: number;
  /** How many hidden characters the text holds. */
  count: number;
}

/** The first hidden character and how many there are, or undefined when there is none. */
export function findInvisible(text: string): InvisibleFound | undefined {
  if (!NON_ASCII.test(text)) return undefined;
  let found: InvisibleFound | undefined;
  forEachHidden(text, (char, index) => {
    if (found) found.count++;
    else found = { char, index, count: 1 };
  });
  return found;
}

// A word mixing Latin with Cyrillic or Greek letters is a classic look-alike ("gеt" with a Cyrillic е).
const MIXED_SCRIPT = /(?=[\p{L}]*\p{Script=Latin})(?=[\p{L}]*[\p{Script=Cyrillic}\p{Script=Greek}])[\p{L}]{2,}/u;

/** The first word mixing Latin with Cyrillic or Greek letters, read in the first `limit` characters. */
export function mixedScriptWord(text: string, limit = 20_000): string | undefined {
  // Look-alikes need a non-ASCII letter; most text has none, so skip the costly regex.
  if (!NON_ASCII.test(text)) return undefined;
  return MIXED_SCRIPT.exec(text.slice(0, limit))?.[0];
}
