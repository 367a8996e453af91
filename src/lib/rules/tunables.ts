/**
 * Every tunable number of the classifier with what it means, read from the
 * rules schema's descriptions and the values in force, so the about page
 * shows the numbers the catalogue was built with instead of repeating them
 * in prose that drifts.
 */
import type { z } from 'zod';
import { classifierRulesSchema, type ClassifierRules } from '../../schemas/rules.ts';

export interface TunableNumber {
  /** Where it lives in catalogue/rules/classifier.yaml ("limits.near_tie"). */
  key: string;
  value: number;
  meaning: string;
}

/** Schema wrappers that hold the real schema inside (defaults, optionals). */
const WRAPPERS = new Set(['default', 'optional', 'nullable', 'prefault']);

function inner(schema: z.ZodType): z.ZodType {
  let s = schema as z.ZodType & { def: { type: string }; unwrap?: () => z.ZodType };
  while (WRAPPERS.has(s.def.type) && s.unwrap) s = s.unwrap() as typeof s;
  return s;
}

export function tunableNumbers(raw: ClassifierRules): TunableNumber[] {
  const rows: TunableNumber[] = [];
  const visit = (schema: z.ZodType, value: unknown, path: string[]) => {
    const s = inner(schema) as z.ZodType & { def: { type: string }; shape?: Record<string, z.ZodType> };
    if (s.def.type === 'object' && s.shape) {
      for (const [k, sub] of Object.entries(s.shape)) visit(sub, (value as Record<string, unknown> | undefined)?.[k], [...path, k]);
    } else if (typeof value === 'number' && schema.description) {
      rows.push({ key: path.join('.'), value, meaning: schema.description });
    }
  };
  visit(classifierRulesSchema, raw, []);
  return rows;
}
