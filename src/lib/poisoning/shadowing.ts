import type { PoisoningFinding } from '../../schemas/catalogue.ts';
import { POISONING_SIGNALS, poisoningRules } from './detect.ts';

/** What shadowing needs of a tool: its name, its server, its description, and its findings to add to. */
export interface ShadowingInput {
  name: string;
  serverSlug: string;
  description: string;
  poisoning: PoisoningFinding[];
}

/** Distinctive tool names and the servers (slugs) that have them. */
export type ShadowingOwners = ReadonlyMap<string, ReadonlySet<string>>;

/**
 * The owners of every distinctive tool name. Only names and server slugs are
 * needed, so a catalogue built one server at a time collects them in a light
 * first pass and marks each server's tools as they are built.
 */
export function shadowingOwners(tools: Iterable<{ name: string; serverSlug: string }>): ShadowingOwners {
  const { shadowingMin: min } = poisoningRules();
  const owners = new Map<string, Set<string>>();
  for (const t of tools) {
    if (t.name.length < min || !/^[A-Za-z][A-Za-z0-9]*(?:[_.-][A-Za-z0-9]+)+$/.test(t.name)) continue;
    const set = owners.get(t.name) ?? new Set<string>();
    set.add(t.serverSlug);
    owners.set(t.name, set);
  }
  return owners;
}

/**
 * Tool shadowing: a description that names a distinctive tool of another
 * server ("before calling send_email…") tries to steer or replace that tool.
 * Only names long enough not to collide by chance, and only names that the
 * tool's own server does not also have, count. `owners` defaults to the
 * owners among `tools`; pass shadowingOwners of the whole catalogue to mark
 * a part of it.
 */
export function markShadowing(tools: readonly ShadowingInput[], owners: ShadowingOwners = shadowingOwners(tools)): void {
  const { shadowingContext } = poisoningRules();
  if (!owners.size) return;
  const identifier = /[A-Za-z][A-Za-z0-9]*(?:[_.-][A-Za-z0-9]+)+/g;
  for (const t of tools) {
    const text = t.description.length > 20_000 ? t.description.slice(0, 20_000) : t.description;
    for (const m of text.matchAll(identifier)) {
      const owner = owners.get(m[0]);
      if (!owner || owner.has(t.serverSlug) || m[0] === t.name) continue;
      const index = m.index ?? 0;
      if (!shadowingContext.test(text.slice(Math.max(0, index - 80), index))) continue;
      const others = [...owner].sort().slice(0, 3).join(', ');
      t.poisoning.push({ id: 'tool_shadowing', label: POISONING_SIGNALS.tool_shadowing, where: 'description', text: `names “${m[0]}”, a tool of ${others}`, patterns: [] });
      break;
    }
  }
}
