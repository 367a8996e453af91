/**
 * Editorial overrides: catalogue/overrides/<server-slug>/<tool-slug>.md, a
 * Markdown file with frontmatter that pins a tool's category or severity and
 * carries a reviewer's note (the body). The page then shows the tool as
 * reviewed, with the note and what was pinned.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import matter from 'gray-matter';
import { z } from 'zod';
import { categorySchema, severitySchema } from '../../schemas/rules.ts';
import { formatZodError, OVERRIDES_DIR, REPO_ROOT } from '../config.ts';

export const overrideFrontmatterSchema = z.strictObject({
  server: z.string().min(1),
  tool: z.string().min(1),
  category: categorySchema.optional(),
  severity: severitySchema.optional(),
  /** A reviewer judged the tool's poisoning flags harmless (display guidance, not an attack): it keeps its judgement. */
  poisoning: z.literal('benign').optional(),
  reviewer: z.string().optional(),
  date: z.union([z.string(), z.date()]).optional(),
});

export interface Override {
  server: string;
  tool: string;
  category?: z.infer<typeof categorySchema>;
  severity?: z.infer<typeof severitySchema>;
  poisoning?: 'benign';
  reviewer?: string;
  date?: string;
  note: string;
  file: string;
}

/** Reads every override; a malformed one is a build error naming the file. */
export function loadOverrides(dir: string = OVERRIDES_DIR): Map<string, Override> {
  const result = new Map<string, Override>();
  if (!existsSync(dir)) return result;
  const files: string[] = [];
  const walk = (d: string) => {
    for (const e of readdirSync(d).sort()) {
      const p = join(d, e);
      if (statSync(p).isDirectory()) walk(p);
      else if (e.endsWith('.md') && e !== 'README.md') files.push(p);
    }
  };
  walk(dir);
  for (const file of files) {
    const rel = relative(REPO_ROOT, file);
    const parsed = matter(readFileSync(file, 'utf8'));
    const fm = overrideFrontmatterSchema.safeParse(parsed.data);
    if (!fm.success) {
      throw new Error(`${rel}: invalid override frontmatter: ${formatZodError(fm.error)}`);
    }
    const note = parsed.content.trim();
    if (!note) throw new Error(`${rel}: an override needs a reviewer's note in its body`);
    const date = fm.data.date instanceof Date ? fm.data.date.toISOString().slice(0, 10) : fm.data.date;
    const key = `${fm.data.server}\u0000${fm.data.tool}`;
    if (result.has(key)) throw new Error(`${rel}: a second override for ${fm.data.server} / ${fm.data.tool}`);
    result.set(key, {
      server: fm.data.server,
      tool: fm.data.tool,
      ...(fm.data.category ? { category: fm.data.category } : {}),
      ...(fm.data.severity ? { severity: fm.data.severity } : {}),
      ...(fm.data.poisoning ? { poisoning: fm.data.poisoning } : {}),
      ...(fm.data.reviewer ? { reviewer: fm.data.reviewer } : {}),
      ...(date ? { date } : {}),
      note,
      file: rel,
    });
  }
  return result;
}

export const overrideKey = (server: string, tool: string) => `${server}\u0000${tool}`;
