/** Frontmatter of an attack-pattern file in catalogue/attack-patterns/. */
import { z } from 'zod';
import { categorySchema } from './rules.ts';

export const attackPatternSchema = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  title: z.string().min(1),
  summary: z.string().min(1).max(300),
  appliesTo: z.object({
    categories: z.array(categorySchema),
    signals: z.array(z.string()),
  }),
  priority: z.number().int().min(1).max(100),
  references: z
    .array(z.object({ framework: z.string(), id: z.string(), name: z.string(), url: z.url() }))
    .min(1),
});
export type AttackPattern = z.infer<typeof attackPatternSchema> & { body: string; file: string };
