/**
 * Definition drift between two catalogue snapshots: which tools appeared,
 * disappeared, or changed their definition since the last time they were
 * listed. A tool whose description quietly gains an instruction, or whose
 * annotations stop saying "destructive", is exactly the change a reviewer
 * needs to see, so a changed tool is broken down into the parts that moved.
 *
 * Tools are matched by server registry name + tool name, never by id/slug:
 * slugs depend on folder names and on collisions with other tools, so they can
 * change while the tool stays the same.
 *
 * The comparison works on `definition` (the canonical JSON of the tool as the
 * server listed it), so key order and list position never count as change.
 */
import type { CatalogueTool } from '../../schemas/catalogue.ts';
import { groupBy } from '../group.ts';

/** The catalogue fields drift needs; tests and callers may pass just these. */
export type DiffableTool = Pick<CatalogueTool, 'id' | 'server' | 'name' | 'definition' | 'definitionHash'>;

export interface ToolRef {
  server: string;
  name: string;
  id: string;
  definitionHash: string;
}

/** Fixed order in which parts are reported. */
export const CHANGED_PARTS = ['description', 'inputSchema', 'annotations', 'title', 'other'] as const;
export type ChangedPart = (typeof CHANGED_PARTS)[number];

/** A value before and after; a missing key means the field was absent on that side. */
export interface ValueChange {
  key: string;
  before?: unknown;
  after?: unknown;
}

export interface DescriptionChange {
  /** Lengths in characters (code points), so emoji and CJK count as one. */
  oldLength: number;
  newLength: number;
  delta: number;
  present: 'both' | 'added' | 'removed';
  /** Text between the common prefix and suffix, truncated: what was put in / taken out. */
  inserted: string;
  deleted: string;
}

export interface InputSchemaChange {
  present: 'both' | 'added' | 'removed';
  paramsAdded: string[];
  paramsRemoved: string[];
  /** Parameters on both sides whose schema differs, with the keys of it that differ. */
  paramsChanged: { name: string; keys: string[] }[];
  requiredChanged: boolean;
  /** Names that became required / stopped being required (including added/removed params). */
  requiredAdded: string[];
  requiredRemoved: string[];
  /** Other top-level inputSchema keys that differ (type, additionalProperties, $defs, …). */
  otherKeys: string[];
}

export interface ToolChange {
  server: string;
  name: string;
  /** Id in the new snapshot (and the old one, which can differ when a slug moved). */
  id: string;
  previousId: string;
  oldHash: string;
  newHash: string;
  parts: ChangedPart[];
  description?: DescriptionChange;
  inputSchema?: InputSchemaChange;
  annotations?: ValueChange[];
  title?: ValueChange;
  /** Top-level definition fields outside the named parts that differ (outputSchema, _meta, …). */
  otherFields: string[];
  /** One line for people, e.g. "description changed (+312 characters); parameter `notes` added". */
  summary: string;
}

export interface CatalogueDiff {
  added: ToolRef[];
  removed: ToolRef[];
  changed: ToolChange[];
  unchanged: number;
}

/** Code-unit order: deterministic whatever the locale. */
function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function byServerThenName(a: { server: string; name: string }, b: { server: string; name: string }): number {
  return cmp(a.server, b.server) || cmp(a.name, b.name);
}

function ref(t: DiffableTool): ToolRef {
  return { server: t.server, name: t.name, id: t.id, definitionHash: t.definitionHash };
}

function keyOf(t: { server: string; name: string }): string {
  return `${t.server}\u0000${t.name}`;
}

/**
 * server + name → its tools, in server/name/id order: Map iteration follows
 * insertion, so every list built by walking it comes out in that order.
 * A key usually has one tool; it has more when two sources list the same
 * server (a manifest folder and a toolsdk line, say).
 */
function group(tools: readonly DiffableTool[]): Map<string, DiffableTool[]> {
  return groupBy(
    [...tools].sort((a, b) => byServerThenName(a, b) || cmp(a.id, b.id)),
    keyOf,
  );
}

/**
 * Pairs the old and new listings of one server + name. Same id first (the
 * same source listed it both times); what is left pairs up in id order, and
 * the rest is added or removed.
 */
function pair(before: DiffableTool[], after: DiffableTool[]): { pairs: [DiffableTool, DiffableTool][]; added: DiffableTool[]; removed: DiffableTool[] } {
  if (before.length === 1 && after.length === 1) return { pairs: [[before[0]!, after[0]!]], added: [], removed: [] };
  const pairs: [DiffableTool, DiffableTool][] = [];
  const restBefore = [...before];
  const restAfter: DiffableTool[] = [];
  for (const t of after) {
    const i = restBefore.findIndex((b) => b.id === t.id);
    if (i >= 0) pairs.push([restBefore.splice(i, 1)[0]!, t]);
    else restAfter.push(t);
  }
  while (restBefore.length && restAfter.length) pairs.push([restBefore.shift()!, restAfter.shift()!]);
  pairs.sort((x, y) => cmp(x[1].id, y[1].id));
  return { pairs, added: restAfter, removed: restBefore };
}

type Json = Record<string, unknown>;

function isObject(v: unknown): v is Json {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

function parseDefinition(definition: string): Json {
  try {
    const v: unknown = JSON.parse(definition);
    return isObject(v) ? v : {};
  } catch {
    return {};
  }
}

/** Deep equality for parsed JSON: key order does not matter, array order does. */
function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((x, i) => sameJson(x, b[i]));
  }
  if (!isObject(a) || !isObject(b)) return false;
  const ka = Object.keys(a);
  return ka.length === Object.keys(b).length && ka.every((k) => k in b && sameJson(a[k], b[k]));
}

/** Keys (of the union) whose values differ between two objects, sorted. */
function differingKeys(a: Json, b: Json, skip: readonly string[] = []): string[] {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...keys].filter((k) => !skip.includes(k) && (k in a !== k in b || !sameJson(a[k], b[k]))).sort(cmp);
}

const SNIPPET_MAX = 200;

function clip(chars: string[]): string {
  return chars.length > SNIPPET_MAX ? chars.slice(0, SNIPPET_MAX - 1).join('') + '…' : chars.join('');
}

function diffDescription(before: unknown, after: unknown): DescriptionChange {
  const a = Array.from(typeof before === 'string' ? before : '');
  const b = Array.from(typeof after === 'string' ? after : '');
  let pre = 0;
  while (pre < a.length && pre < b.length && a[pre] === b[pre]) pre++;
  let suf = 0;
  while (suf < a.length - pre && suf < b.length - pre && a[a.length - 1 - suf] === b[b.length - 1 - suf]) suf++;
  const hadBefore = typeof before === 'string';
  const hasAfter = typeof after === 'string';
  return {
    oldLength: a.length,
    newLength: b.length,
    delta: b.length - a.length,
    present: hadBefore && hasAfter ? 'both' : hasAfter ? 'added' : 'removed',
    inserted: clip(b.slice(pre, b.length - suf)),
    deleted: clip(a.slice(pre, a.length - suf)),
  };
}

function requiredOf(schema: Json): string[] {
  return Array.isArray(schema.required) ? schema.required.filter((r): r is string => typeof r === 'string') : [];
}

function diffInputSchema(before: unknown, after: unknown): InputSchemaChange {
  const a = isObject(before) ? before : {};
  const b = isObject(after) ? after : {};
  const pa = isObject(a.properties) ? a.properties : {};
  const pb = isObject(b.properties) ? b.properties : {};
  const paramsAdded = Object.keys(pb).filter((k) => !(k in pa)).sort(cmp);
  const paramsRemoved = Object.keys(pa).filter((k) => !(k in pb)).sort(cmp);
  const paramsChanged = Object.keys(pb)
    .filter((k) => k in pa && !sameJson(pa[k], pb[k]))
    .sort(cmp)
    .map((name) => {
      const x = pa[name];
      const y = pb[name];
      // A parameter schema that is not an object (e.g. `true`) changed as a whole.
      return { name, keys: isObject(x) && isObject(y) ? differingKeys(x, y) : ['schema'] };
    });
  const ra = new Set(requiredOf(a));
  const rb = new Set(requiredOf(b));
  const requiredAdded = [...rb].filter((r) => !ra.has(r)).sort(cmp);
  const requiredRemoved = [...ra].filter((r) => !rb.has(r)).sort(cmp);
  return {
    present: isObject(before) && isObject(after) ? 'both' : isObject(after) ? 'added' : 'removed',
    paramsAdded,
    paramsRemoved,
    paramsChanged,
    requiredChanged: requiredAdded.length > 0 || requiredRemoved.length > 0,
    requiredAdded,
    requiredRemoved,
    otherKeys: differingKeys(a, b, ['properties', 'required']),
  };
}

function diffAnnotations(before: unknown, after: unknown): ValueChange[] {
  const a = isObject(before) ? before : {};
  const b = isObject(after) ? after : {};
  return differingKeys(a, b).map((key) => ({ key, ...(key in a ? { before: a[key] } : {}), ...(key in b ? { after: b[key] } : {}) }));
}

/** A short, single-line rendering of a JSON value; "absent" for a missing one. */
export function showValue(v: unknown, present = v !== undefined): string {
  if (!present) return 'absent';
  const s = JSON.stringify(v) ?? String(v);
  return s.length > 60 ? s.slice(0, 59) + '…' : s;
}

function names(list: readonly string[], max = 3): string {
  const shown = list.slice(0, max).map((n) => '`' + n + '`');
  return list.length > max ? `${shown.join(', ')} and ${list.length - max} more` : shown.join(', ');
}

function plural(n: number, one: string, many: string): string {
  return n === 1 ? one : many;
}

function summarise(c: Omit<ToolChange, 'summary'>): string {
  const out: string[] = [];
  const d = c.description;
  if (d) {
    if (d.present === 'added') out.push(`description added (${d.newLength} characters)`);
    else if (d.present === 'removed') out.push(`description removed (was ${d.oldLength} characters)`);
    else if (d.delta === 0) out.push('description changed (same length)');
    else out.push(`description changed (${d.delta > 0 ? '+' : ''}${d.delta} ${plural(Math.abs(d.delta), 'character', 'characters')})`);
  }
  const s = c.inputSchema;
  if (s) {
    if (s.present !== 'both') out.push(`inputSchema ${s.present}`);
    const newlyRequired = new Set(s.requiredAdded);
    if (s.paramsAdded.length) {
      const req = s.paramsAdded.filter((p) => newlyRequired.has(p));
      const label = `${plural(s.paramsAdded.length, 'parameter', 'parameters')} ${names(s.paramsAdded)} added`;
      out.push(req.length === 0 ? label : req.length === s.paramsAdded.length ? `${label} (required)` : `${label} (${names(req)} required)`);
    }
    if (s.paramsRemoved.length) out.push(`${plural(s.paramsRemoved.length, 'parameter', 'parameters')} ${names(s.paramsRemoved)} removed`);
    for (const p of s.paramsChanged.slice(0, 3)) out.push(`parameter \`${p.name}\` changed (${p.keys.join(', ')})`);
    if (s.paramsChanged.length > 3) out.push(`${s.paramsChanged.length - 3} more parameters changed`);
    // Added/removed parameters already say whether they are required.
    const nowRequired = s.requiredAdded.filter((p) => !s.paramsAdded.includes(p));
    const noLonger = s.requiredRemoved.filter((p) => !s.paramsRemoved.includes(p));
    if (nowRequired.length) out.push(`${names(nowRequired)} now required`);
    if (noLonger.length) out.push(`${names(noLonger)} no longer required`);
    for (const k of s.otherKeys) out.push(`inputSchema.${k} changed`);
  }
  for (const a of c.annotations ?? []) out.push(`annotations.${a.key} ${showValue(a.before, 'before' in a)} → ${showValue(a.after, 'after' in a)}`);
  if (c.title) out.push(`title ${showValue(c.title.before, 'before' in c.title)} → ${showValue(c.title.after, 'after' in c.title)}`);
  for (const f of c.otherFields) out.push(`${f} changed`);
  // The hashes differ but no part does (e.g. a definition that is not JSON): say so rather than print nothing.
  return out.length ? out.join('; ') : 'definition changed';
}

/** Breaks one changed tool down into the parts of its definition that moved. */
export function describeChange(before: DiffableTool, after: DiffableTool): ToolChange {
  const a = parseDefinition(before.definition);
  const b = parseDefinition(after.definition);
  const differs = (k: string) => k in a !== k in b || !sameJson(a[k], b[k]);
  const parts: ChangedPart[] = [];
  const change: Omit<ToolChange, 'summary'> = {
    server: after.server,
    name: after.name,
    id: after.id,
    previousId: before.id,
    oldHash: before.definitionHash,
    newHash: after.definitionHash,
    parts,
    otherFields: differingKeys(a, b, ['name', 'description', 'inputSchema', 'annotations', 'title']),
  };
  if (differs('description')) {
    parts.push('description');
    change.description = diffDescription(a.description, b.description);
  }
  if (differs('inputSchema')) {
    parts.push('inputSchema');
    change.inputSchema = diffInputSchema(a.inputSchema, b.inputSchema);
  }
  if (differs('annotations')) {
    parts.push('annotations');
    change.annotations = diffAnnotations(a.annotations, b.annotations);
  }
  if (differs('title')) {
    parts.push('title');
    change.title = { key: 'title', ...('title' in a ? { before: a.title } : {}), ...('title' in b ? { after: b.title } : {}) };
  }
  if (change.otherFields.length) parts.push('other');
  return { ...change, summary: summarise(change) };
}

/** Compares two snapshots' tools; every list is ordered by server, then tool name (then id). */
export function diffCatalogues(oldTools: readonly DiffableTool[], newTools: readonly DiffableTool[]): CatalogueDiff {
  const before = group(oldTools);
  const after = group(newTools);
  const added: ToolRef[] = [];
  const removed: ToolRef[] = [];
  const changed: ToolChange[] = [];
  let unchanged = 0;
  for (const [k, list] of after) {
    const r = pair(before.get(k) ?? [], list);
    for (const [prev, t] of r.pairs) {
      if (prev.definitionHash === t.definitionHash) unchanged++;
      else changed.push(describeChange(prev, t));
    }
    added.push(...r.added.map(ref));
    removed.push(...r.removed.map(ref));
  }
  for (const [k, list] of before) if (!after.has(k)) removed.push(...list.map(ref));
  // Removals come from two walks (keys still present, keys gone), so they need one sort.
  removed.sort((x, y) => byServerThenName(x, y) || cmp(x.id, y.id));
  return { added, removed, changed, unchanged };
}
