/**
 * JSON for a <script type="application/ld+json"> block. JSON.stringify alone
 * is not enough inside HTML: "</script>" or "<!--" in a tool description
 * would end or confuse the script element. Escaping <, > and & as \u00XX keeps
 * the JSON identical when parsed and makes the block inert as HTML.
 */
export function jsonLd(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}
