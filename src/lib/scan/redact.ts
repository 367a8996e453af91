/**
 * Keeps config secrets out of everything scan prints or writes. The values
 * of every env and header entry (as written and as expanded) and the
 * credentials and query values of URLs are secrets; any text that contains
 * one, from a tool description to a crashed server's last stderr line that
 * echoes its token, has it replaced by "[redacted]".
 *
 * Very short values are left alone: "1" or "true" in an env block is a
 * switch, not a credential, and replacing it everywhere would garble the
 * report. A header such as "Bearer sk-…" also has its token redacted alone,
 * since a server may echo it without the scheme.
 */
const MIN_SECRET = 6;
export const REDACTED = '[redacted]';

export class Redactor {
  private readonly secrets: string[];

  constructor(values: Iterable<string>) {
    const all = new Set<string>();
    for (const value of values) {
      // "Bearer <token>", "Basic <creds>": the token alone counts too.
      const scheme = /^[A-Za-z][\w-]*\s+(\S+)$/.exec(value.trim());
      for (const candidate of scheme ? [value, scheme[1]!] : [value]) {
        const v = candidate.trim();
        if (v.length < MIN_SECRET) continue;
        all.add(v);
        const encoded = encodeURIComponent(v);
        if (encoded !== v) all.add(encoded);
      }
    }
    // Longest first, so a secret that contains another is replaced whole.
    this.secrets = [...all].sort((a, b) => b.length - a.length);
  }

  text(s: string): string {
    let out = s;
    for (const secret of this.secrets) if (out.includes(secret)) out = out.split(secret).join(REDACTED);
    return out;
  }

  /** A copy of a JSON-like value with every string (keys included) redacted. */
  deep<T>(value: T): T {
    if (typeof value === 'string') return this.text(value) as T;
    if (Array.isArray(value)) return value.map((v) => this.deep(v)) as T;
    if (value && typeof value === 'object') {
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [this.text(k), this.deep(v)])) as T;
    }
    return value;
  }
}
