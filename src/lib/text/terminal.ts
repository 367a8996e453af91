/**
 * Untrusted text made safe for a terminal. Tool names, descriptions and
 * server messages are third-party text: an escape sequence could recolour,
 * move the cursor or rewrite earlier lines, and bidi or zero-width
 * characters could reorder or hide parts of a line, so all of them are shown
 * as \u escapes instead of being interpreted. The invisible characters are
 * invisible.ts's table, the same ones pages reveal and detection flags.
 */
import { escapeChar, escapeInvisible } from './invisible.ts';

/** C0 and C1 controls and DEL: escape sequences start with them. */
const CONTROLS = /[\u0000-\u001f\u007f-\u009f]/g;

export function printable(s: string): string {
  return escapeInvisible(s.replace(CONTROLS, escapeChar));
}

/** One table cell: one line, escaped, at most `max` characters (an ellipsis marks a cut). */
export function terminalCell(s: string, max: number): string {
  // Whitespace first, so a newline becomes a space rather than a visible \u000a.
  const line = printable(s.replace(/\s+/g, ' ').trim());
  return line.length <= max ? line : `${line.slice(0, Math.max(0, max - 1))}…`;
}
