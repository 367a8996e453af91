/**
 * Canonical JSON and the definition fingerprint. Canonical means keys sorted
 * at every depth and no insignificant whitespace, so two servers that list the
 * same tool with keys in another order get the same fingerprint.
 */
import { createHash } from 'node:crypto';

export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') {
    const s = JSON.stringify(value);
    return s === undefined ? 'null' : s;
  }
  if (Array.isArray(value)) return '[' + value.map(canonicalJson).join(',') + ']';
  const obj = value as Record<string, unknown>;
  const keys = Object.keys(obj).filter((k) => obj[k] !== undefined).sort();
  return '{' + keys.map((k) => JSON.stringify(k) + ':' + canonicalJson(obj[k])).join(',') + '}';
}

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** sha256 of the canonical JSON of the tool definition as the server listed it. */
export function definitionHash(tool: unknown): string {
  return sha256Hex(canonicalJson(tool));
}
