/**
 * A tool is a set of operations. Besides the action its name and its
 * description's lead say, many tools take a parameter whose value picks what
 * the call does: `method: [create, update, delete]`, `action: [get, list,
 * remove]`, `method: [GET, POST, DELETE]`. This stage finds those and reads
 * each value as an action, so a tool is judged by its most dangerous
 * operation and a policy can hold just that value for approval.
 */
import type { Category } from '../../schemas/rules.ts';
import type { CompiledRules } from '../rules/load-rules.ts';
import { normaliseParamName } from '../rules/load-rules.ts';
import { baseForms, splitIdentifier } from '../text/words.ts';
import type { ClassifyInput } from './types.ts';

/** One value of an operation-selecting parameter, read as an action. */
export interface SelectableOperation {
  /** The value exactly as the schema lists it ("delete", "DELETE", "drop_table"). */
  value: string;
  /** The action word it was read by ("delete"), or the HTTP method. */
  action: string;
  category: Category;
}

export interface OperationParam {
  /** The parameter's name exactly as the schema has it. */
  name: string;
  required: boolean;
  /** Whether the values sit in `items.enum` (an array of operations). */
  isArray: boolean;
  operations: SelectableOperation[];
  /** Values no action word was found in; they are left out of any condition. */
  unread: string[];
  /**
   * Set when the values come from the description's documentation of the
   * parameter ("method: HTTP method (GET, POST, PUT, DELETE)") rather than an
   * enum in the schema. Never required, so no policy conditions on it.
   */
  documented?: boolean;
}

const MAX_VALUES = 60;

function readValue(rules: CompiledRules, value: string): SelectableOperation | undefined {
  const http = rules.httpMethods.get(value.toUpperCase());
  if (http && /^[A-Za-z]+$/.test(value)) return { value, action: value.toUpperCase(), category: http };
  const words = splitIdentifier(value).map((t) => t.word);
  // Read the value like a tool name: its first known action word decides
  // ("drop_table", "createIssue", "list-all").
  for (const word of words.slice(0, 3)) {
    const exact = rules.verbCategory.get(word);
    if (exact) return { value, action: word, category: exact };
    for (const form of baseForms(word)) {
      const category = rules.verbCategory.get(form);
      if (category) return { value, action: form, category };
    }
  }
  return undefined;
}

function enumOf(schema: unknown): { values: string[]; isArray: boolean } | undefined {
  if (!schema || typeof schema !== 'object') return undefined;
  const s = schema as { enum?: unknown; items?: unknown; anyOf?: unknown; oneOf?: unknown };
  if (Array.isArray(s.enum)) return { values: s.enum.filter((v): v is string => typeof v === 'string'), isArray: false };
  if (s.items && typeof s.items === 'object' && Array.isArray((s.items as { enum?: unknown }).enum)) {
    return { values: ((s.items as { enum: unknown[] }).enum).filter((v): v is string => typeof v === 'string'), isArray: true };
  }
  // zod unions of literals come out as anyOf/oneOf of {const}.
  const alts = Array.isArray(s.anyOf) ? s.anyOf : Array.isArray(s.oneOf) ? s.oneOf : undefined;
  if (alts) {
    const values = alts.map((a) => (a && typeof a === 'object' ? (a as { const?: unknown }).const : undefined)).filter((v): v is string => typeof v === 'string');
    if (values.length === alts.length && values.length > 0) return { values, isArray: false };
  }
  return undefined;
}

/** An enum's values read as operations, when at least two of them read as actions. */
function readEnum(rules: CompiledRules, schema: unknown): { operations: SelectableOperation[]; unread: string[]; isArray: boolean } | undefined {
  const e = enumOf(schema);
  if (!e || e.values.length < 2) return undefined;
  const operations: SelectableOperation[] = [];
  const unread: string[] = [];
  for (const value of e.values.slice(0, MAX_VALUES)) {
    const op = readValue(rules, value);
    if (op) operations.push(op);
    else unread.push(value);
  }
  return operations.length < 2 ? undefined : { operations, unread, isArray: e.isArray };
}

/**
 * An operation-named array of objects whose items pick their own operation
 * ("operations": [{ "type": add | alter | drop, "columnName": … }]): each item
 * is one operation, so the enum of its first field whose values read as
 * actions lists what the call can do. Marked documented: a policy does not
 * condition on a value inside an array of objects.
 */
function nestedOperationParam(rules: CompiledRules, name: string, schema: unknown): OperationParam | undefined {
  const items = (schema as { type?: unknown; items?: { properties?: unknown } } | null)?.items?.properties;
  if (!items || typeof items !== 'object') return undefined;
  for (const [field, child] of Object.entries(items as Record<string, unknown>)) {
    const read = readEnum(rules, child);
    if (!read) continue;
    return { name: `${name}[].${field}`, required: false, isArray: true, operations: read.operations, unread: read.unread, documented: true };
  }
  return undefined;
}

/**
 * Parameters that select an operation: a name from `operations.params`
 * (action, method, operation…) with an enum of at least two values, of
 * which at least two read as actions. Other enums (a `side` of buy/sell, a
 * `sort` order) are arguments, not operations.
 */
export function findOperationParams(rules: CompiledRules, input: ClassifyInput): OperationParam[] {
  const props = input.inputSchema?.properties;
  if (!props || typeof props !== 'object') return [];
  const required = new Set(Array.isArray(input.inputSchema?.required) ? input.inputSchema!.required : []);
  const out: OperationParam[] = [];
  for (const [name, schema] of Object.entries(props)) {
    if (!rules.operationParams.has(normaliseParamName(name))) continue;
    const nested = nestedOperationParam(rules, name, schema);
    if (nested) out.push(nested);
    const read = readEnum(rules, schema);
    if (!read) continue;
    out.push({ name, required: required.has(name), isArray: read.isArray, operations: read.operations, unread: read.unread });
  }
  return out;
}

/**
 * Where a description documents one parameter: "method: HTTP method (GET,
 * POST, PUT, DELETE)", on its own line or run together with the others
 * ("Args: endpoint: … method: …"). The documentation ends at the line's end
 * or where the next "name:" starts.
 */
const PARAM_DOC = /(?:^|[\s(,;*•-])`?([A-Za-z_]+)`?[ \t]*(?:\([^)\n]{0,40}\)[ \t]*)?:[ \t]+/gm;
const NEXT_PARAM = /\s[A-Za-z_]+[ \t]*(?:\([^)\n]{0,40}\)[ \t]*)?:\s|\n/;
const DOC_CHARS = 200;
const QUOTED = /["'`]([A-Za-z][A-Za-z0-9_-]*)["'`]/g;
const LIST_ITEM = /^[A-Za-z][A-Za-z0-9_-]*$/;

/** The values a parameter's documentation offers: quoted ones, else a list in brackets or after the colon. */
function documentedValues(doc: string): string[] {
  const quoted = [...doc.matchAll(QUOTED)].map((m) => m[1]!);
  if (quoted.length >= 2) return quoted;
  const bracket = /\(([^)]*)\)/.exec(doc)?.[1] ?? doc;
  const items = bracket.replace(/^\s*(?:e\.g\.,?|one of:?|either)\s*/i, '').split(/\s*(?:,|\/|\||\bor\b)\s*/);
  const values = items.map((v) => v.trim()).filter((v) => LIST_ITEM.test(v));
  // A list is most of what the brackets hold: "(the ID of the item)" is prose.
  return values.length >= 2 && values.length >= items.length - 1 ? values : [];
}

/**
 * Operation-selecting parameters documented in the description instead of
 * the schema (many servers ship an empty schema and an "Args:" block). Only
 * names from `operations.params` that the schema does not already give an
 * enum for; the values are read like enum values.
 */
export function findDocumentedOperationParams(rules: CompiledRules, description: string, known: ReadonlySet<string>): OperationParam[] {
  const out: OperationParam[] = [];
  for (const m of description.matchAll(PARAM_DOC)) {
    const name = m[1]!;
    if (known.has(name) || !rules.operationParams.has(normaliseParamName(name)) || out.some((p) => p.name === name)) continue;
    const rest = description.slice(m.index + m[0].length, m.index + m[0].length + DOC_CHARS);
    const end = rest.search(NEXT_PARAM);
    const doc = end >= 0 ? rest.slice(0, end) : rest;
    const operations: SelectableOperation[] = [];
    const unread: string[] = [];
    for (const value of documentedValues(doc).slice(0, MAX_VALUES)) {
      const op = readValue(rules, value);
      if (op) operations.push(op);
      else unread.push(value);
    }
    if (operations.length < 2) continue;
    out.push({ name, required: false, isArray: false, operations, unread, documented: true });
  }
  return out;
}

/**
 * Where a parameter's own description names its values: "Valid values:
 * Select, SetColor, Delete", "One of: create, update, delete", "Allowed
 * actions: …". The marker must be there: "The command to send (restart,
 * update, status, etc.)" gives examples of free text, not a closed set.
 */
const VALUES_MARKER = /\b(?:valid|allowed|possible|available|supported|accepted)\s+(?:values|options|actions|operations|methods|commands)\s*(?:are|is|include)?\s*:?|\bone of\s*:?|\boptions\s*:/i;

/** The values a parameter's description lists after a marker, up to the end of that sentence. */
function markedValues(doc: string): string[] {
  const m = VALUES_MARKER.exec(doc);
  if (!m) return [];
  const rest = doc.slice(m.index + m[0].length);
  const end = rest.search(/\.(?:\s|$)|\n/);
  const list = end >= 0 ? rest.slice(0, end) : rest;
  const items = list.split(/\s*(?:,|\/|\||\bor\b|\band\b)\s*/).map((v) => v.trim().replace(/^["'`]|["'`]$/g, '')).filter(Boolean);
  const values = items.filter((v) => LIST_ITEM.test(v));
  return values.length >= 2 && values.length >= items.length - 1 ? values : [];
}

/**
 * Operation-selecting parameters with no enum whose own description lists
 * the values ("action": a string, "Valid values: Select, SetColor, Delete,
 * Hide"), at the top level or one object down ("data.action"). The caller
 * can send any listed value, so each counts like an enum value. They are
 * marked documented: a policy does not condition on a free string.
 */
export function findDescribedOperationParams(rules: CompiledRules, input: ClassifyInput, known: ReadonlySet<string>): OperationParam[] {
  const out: OperationParam[] = [];
  const walk = (props: unknown, prefix: string, depth: number) => {
    if (!props || typeof props !== 'object') return;
    for (const [name, schema] of Object.entries(props as Record<string, unknown>)) {
      if (!schema || typeof schema !== 'object') continue;
      const s = schema as { description?: unknown; properties?: unknown };
      const full = prefix + name;
      if (depth < 1 && s.properties) walk(s.properties, `${full}.`, depth + 1);
      if (known.has(full) || enumOf(schema) || typeof s.description !== 'string' || !rules.operationParams.has(normaliseParamName(name))) continue;
      const operations: SelectableOperation[] = [];
      const unread: string[] = [];
      for (const value of markedValues(s.description.slice(0, DOC_CHARS * 4)).slice(0, MAX_VALUES)) {
        const op = readValue(rules, value);
        if (op) operations.push(op);
        else unread.push(value);
      }
      if (operations.length < 2) continue;
      out.push({ name: full, required: false, isArray: false, operations, unread, documented: true });
    }
  };
  walk(input.inputSchema?.properties, '', 0);
  return out;
}
