/**
 * Untrusted text prepared for display. Astro escapes every expression, so
 * markup is always shown as text; on top of that, characters that change
 * how text around them is displayed (bidi overrides, zero-width characters)
 * are made visible as [U+XXXX] so a description cannot reorder or hide parts
 * of the page, and very long text is cut to keep pages light. Which
 * characters those are (and the emoji they are left alone in) is
 * invisible.ts's table, the same one detection flags and matching strips.
 */
import { revealInvisible } from './invisible.ts';

// C0 controls other than tab and newline, and DEL, never belong in prose.
const CONTROLS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;

export function revealHidden(text: string): string {
  return revealInvisible(text).replace(CONTROLS, '');
}

export interface DisplayText {
  text: string;
  truncated: boolean;
  fullLength: number;
}

export function displayText(text: string, max: number): DisplayText {
  const fullLength = text.length;
  const cut = fullLength > max ? text.slice(0, max) : text;
  return { text: revealHidden(cut.isWellFormed() ? cut : cut.toWellFormed()), truncated: fullLength > max, fullLength };
}

/** One line of untrusted text for lists, titles and meta tags. */
export function oneLine(text: string, max = 160): string {
  const line = revealHidden(text).replace(/\s+/g, ' ').trim();
  if (line.length <= max) return line;
  return line.slice(0, max - 1).replace(/\s+\S*$/, '') + '…';
}

/** The first sentence or line of a description, for list rows. */
export function summaryLine(text: string, max = 140): string {
  // Skip blank lines and bare labels such as "Tool name:" or "## Usage:".
  const isLabel = (l: string) => /^[^:]{0,30}:\s*$/.test(l.trim());
  const firstLine = text.split('\n').find((l) => l.replace(/[^\p{L}\p{N}]/gu, '').length > 1 && !isLabel(l)) ?? '';
  return oneLine(firstLine, max);
}
