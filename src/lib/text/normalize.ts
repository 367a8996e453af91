/**
 * Text clean-up shared by the classifier and the pages. Descriptions are
 * untrusted: we never interpret them, but we do need a normalised copy to
 * match words in, with invisible characters removed so that "de\u200Blete"
 * cannot hide the word "delete" from the classifier. Which characters are
 * invisible is invisible.ts's table, the one detection flags and pages reveal.
 */

import { stripInvisible } from './invisible.ts';

const NON_ASCII = /[^\x00-\x7F]/;

/** NFKC folds full-width and compatibility forms ("ｄｅｌｅｔｅ") onto ASCII. */
export function normaliseForMatching(text: string): string {
  // ASCII text has no invisible format characters and is its own NFKC form;
  // most descriptions are ASCII, so skip both passes for them.
  if (!NON_ASCII.test(text)) return text;
  return stripInvisible(text).normalize('NFKC');
}

/** Collapse all whitespace runs to one space; used for one-line summaries. */
export function collapseWhitespace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Cut text to at most `max` characters on a word boundary, with an ellipsis. */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return (space > max * 0.6 ? cut.slice(0, space) : cut).trimEnd() + '…';
}

const CJK = /[\u3400-\u9FFF\uF900-\uFAFF]/;
export function hasCjk(text: string): boolean {
  return CJK.test(text);
}
