/** Reads catalogue/sources.yaml: the manifest folders, their licences and how complete their definitions are. */
import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { sourcesFileSchema, type SourceInfo } from '../../schemas/sources.ts';
import { formatZodError, SOURCES_FILE } from '../config.ts';

let cached: SourceInfo[] | undefined;

export function loadSourceInfos(file = SOURCES_FILE): SourceInfo[] {
  if (cached && file === SOURCES_FILE) return cached;
  const parsed = sourcesFileSchema.safeParse(parseYaml(readFileSync(file, 'utf8')));
  if (!parsed.success) throw new Error(`catalogue/sources.yaml: ${formatZodError(parsed.error)}`);
  if (file === SOURCES_FILE) cached = parsed.data.sources;
  return parsed.data.sources;
}
