/**
 * URL-safe slugs for servers and tools.
 *
 * Requirements: stable across runs, unique within their scope even on
 * case-insensitive file systems, ASCII only, and never empty. The original
 * name is always kept separately and shown as is; the slug only addresses it.
 */
import { sha256Hex } from './hash.ts';

const MAX_SLUG = 80;

/** Base slug: lower-case ASCII words joined by hyphens (may be empty). */
export function baseSlug(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '') // strip accents: café → cafe
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2') // camelCase → camel-Case
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1-$2') // HTTPServer → HTTP-Server
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** Short, stable disambiguator derived from the exact original name. */
export function nameHash(name: string, length = 8): string {
  return sha256Hex(name).slice(0, length);
}

/**
 * Slug for one name, before collision handling. Names that lose characters
 * (unicode, emoji) or get cut carry a hash of the original, so two different
 * names never quietly share a slug.
 */
export function slugFor(name: string, fallbackPrefix = 'tool'): string {
  let slug = baseSlug(name);
  const lossy = slug.length === 0 || /[^\x00-\x7F]/.test(name.replace(/[\u00C0-\u024F]/g, ''));
  if (slug.length > MAX_SLUG) {
    slug = slug.slice(0, MAX_SLUG).replace(/-+$/, '');
    return `${slug}-${nameHash(name)}`;
  }
  if (slug.length === 0) return `${fallbackPrefix}-${nameHash(name)}`;
  return lossy ? `${slug}-${nameHash(name)}` : slug;
}

/**
 * Assigns unique slugs to a list of names. When several names share a slug
 * (getUser / get_user / GetUser), the one that sorts first by code point keeps
 * the plain slug and the others get a hash suffix. Sorting makes the choice
 * independent of input order, so slugs are stable across runs.
 */
export function assignSlugs(names: readonly string[], fallbackPrefix = 'tool'): Map<string, string> {
  const byBase = new Map<string, string[]>();
  for (const name of new Set(names)) {
    const s = slugFor(name, fallbackPrefix);
    const group = byBase.get(s);
    if (group) group.push(name);
    else byBase.set(s, [name]);
  }
  const result = new Map<string, string>();
  const taken = new Set<string>();
  for (const [s, group] of byBase) {
    group.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    result.set(group[0]!, s);
    taken.add(s);
  }
  for (const [s, group] of byBase) {
    for (const name of group.slice(1)) {
      let candidate = `${s}-${nameHash(name)}`;
      for (let n = 12; taken.has(candidate); n += 4) candidate = `${s}-${nameHash(name, n)}`;
      taken.add(candidate);
      result.set(name, candidate);
    }
  }
  return result;
}

/** What a server slug is made from: `io.github.owner/repo` reads better as `owner/repo`. */
export function serverSlugSource(registryName: string): string {
  return registryName.replace(/^io\.github\./, '');
}
