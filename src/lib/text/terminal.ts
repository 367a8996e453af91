/**
 * Untrusted text made safe for a terminal. Tool names, descriptions and
 * server messages are third-party text: an escape sequence could recolour,
 * move the cursor or rewrite earlier lines, and bidi or zero-width
 * characters could reorder or hide parts of a line, so all of them are shown
 * as \u escapes instead of being interpreted.
 */

const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/g;

export function printable(s: string): string {
  return s.replace(UNSAFE, (c) => '\\u' + c.charCodeAt(0).toString(16).padStart(4, '0'));
}

/** One table cell: one line, escaped, at most `max` characters (an ellipsis marks a cut). */
export function terminalCell(s: string, max: number): string {
  // Whitespace first, so a newline becomes a space rather than a visible \u000a.
  const line = printable(s.replace(/\s+/g, ' ').trim());
  return line.length <= max ? line : `${line.slice(0, Math.max(0, max - 1))}…`;
}
