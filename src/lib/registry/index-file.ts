/**
 * Reading and writing `servers.jsonl` without disturbing lines nobody touched.
 *
 * Each record keeps the exact text it was read from; the writer reuses that
 * text for unchanged records, so a sync that changes nothing produces a
 * byte-identical file, and one that changes a few servers changes a few lines.
 */
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { randomBytes } from 'node:crypto';
import type { IndexServer } from '../../schemas/server-json.ts';
import { compareCodePoints, formatIndexLine } from './index-line-format.ts';

export interface IndexRecord {
  value: IndexServer;
  /** The line as read from disk; absent for records created or changed in this run. */
  raw?: string;
}

/** Loads an index; a missing file is an empty index (first sync). */
export async function readIndexFile(path: string): Promise<IndexRecord[]> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  const records: IndexRecord[] = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i]!.replace(/\r$/, '');
    if (raw.trim() === '') continue;
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch (error) {
      // Refuse to go on: rewriting the file would silently drop this line.
      throw new Error(`${path}:${i + 1}: not valid JSON (${(error as Error).message})`);
    }
    const name = (value as { name?: unknown } | null)?.name;
    if (typeof name !== 'string' || name === '') {
      throw new Error(`${path}:${i + 1}: index line has no "name"`);
    }
    records.push({ value: value as IndexServer, raw });
  }
  return records;
}

/** One line per record, sorted by name (code point order, as the index is). */
export function renderIndex(records: readonly IndexRecord[]): string {
  const sorted = [...records].sort((a, b) => compareCodePoints(a.value.name, b.value.name));
  return sorted.map((record) => `${record.raw ?? formatIndexLine(record.value)}\n`).join('');
}

/**
 * Writes through a temporary file in the same folder and renames it over the
 * target, so a reader (or a crash half-way) never sees a half-written index.
 */
export async function writeFileAtomically(path: string, text: string): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const temporary = join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    await writeFile(temporary, text, 'utf8');
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}
