/**
 * Untrusted text prepared for display. Astro escapes every expression, so
 * markup is always shown as text; on top of that, characters that change
 * how text around them is displayed (bidi overrides, zero-width characters)
 * are made visible as [U+XXXX] so a description cannot reorder or hide parts
 * of the page, and very long text is cut to keep pages light.
 */
// U+200D (zero-width joiner) is shown as it is only inside an emoji
// sequence (pictograph, optional variation selector or skin tone, joiner,
// pictograph), where it draws one emoji such as a family; anywhere else it
// is revealed like the other invisible characters.
const HIDDEN = /[\u200B\u200C\u200E\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF\u00AD\u180E]|[\u{E0000}-\u{E007F}]|(?<!\p{Extended_Pictographic}[\uFE0F\u{1F3FB}-\u{1F3FF}]?)\u200D|\u200D(?!\p{Extended_Pictographic})/gu;
// C0 controls other than tab and newline, and DEL, never belong in prose.
const CONTROLS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;

export function revealHidden(text: string): string {
  return text
    .replace(HIDDEN, (ch) => `[U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}]`)
    .replace(CONTROLS, '');
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
