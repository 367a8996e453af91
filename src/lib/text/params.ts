/**
 * The one walker over a tool's parameters: the top-level properties of its
 * input schema, in the schema's order, each with its declared types, whether
 * it is required, and its description. Third-party schemas are loose (a type
 * may be a list, a property may be null), so every field is checked here and
 * callers read plain values. Used by the catalogue's parameter list, the
 * classifier's parameter stage, the policy's numeric caps and poisoning
 * detection (through the catalogue's list).
 */

export interface ToolParam {
  name: string;
  /** The declared JSON Schema types (`["string", "null"]` for a list); undefined when none is declared. */
  types: string[] | undefined;
  required: boolean;
  description?: string;
}

interface InputSchemaLike {
  properties?: Record<string, unknown> | null;
  required?: unknown;
}

export function toolParams(inputSchema: InputSchemaLike | null | undefined): ToolParam[] {
  const props = inputSchema?.properties;
  if (!props || typeof props !== 'object') return [];
  const required = new Set(Array.isArray(inputSchema?.required) ? (inputSchema.required as unknown[]) : []);
  return Object.keys(props).map((name) => {
    const p = props[name] as { type?: unknown; description?: unknown } | null;
    const t = p && typeof p === 'object' ? p.type : undefined;
    const d = p && typeof p === 'object' && typeof p.description === 'string' ? p.description : undefined;
    const types = typeof t === 'string' ? [t] : Array.isArray(t) ? t.filter((x): x is string => typeof x === 'string') : undefined;
    return { name, types, required: required.has(name), ...(d !== undefined ? { description: d } : {}) };
  });
}

/** The types as one string: `a | b` (`joiner` to change), `any` when none is declared. */
export function typeLabel(p: ToolParam, joiner = ' | '): string {
  return p.types === undefined ? 'any' : p.types.join(joiner);
}
