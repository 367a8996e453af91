import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ADDED_SUMMARY, changesBetween, changesSince } from './changed-since.ts';
import { loadSnapshot, SnapshotError } from './load-snapshot.ts';

const V1 = fileURLToPath(new URL('../../../tests/fixtures/drift/v1', import.meta.url));
const V2 = fileURLToPath(new URL('../../../tests/fixtures/drift/v2', import.meta.url));

let tmp: string;
beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'drift-changed-since-'));
});
afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

describe('changesSince', () => {
  const v1 = loadSnapshot(V1);
  const current = loadSnapshot(V2).tools;

  it('gives a note for each added or changed tool, keyed by current id, and none for unchanged ones', () => {
    const notes = changesSince(V1, current);
    expect([...notes.keys()].sort()).toEqual([
      'acme-files/delete-file',
      'acme-files/list-directory',
      'acme-files/search',
      'acme-files/write-file',
    ]);
    expect(notes.get('acme-files/search')).toEqual({ status: 'added', summary: ADDED_SUMMARY });
    const prevHash = (name: string) => v1.tools.find((t) => t.server === 'io.github.acme/files' && t.name === name)!.definitionHash;
    expect(notes.get('acme-files/list-directory')).toEqual({
      status: 'changed',
      summary: 'description changed (+151 characters)',
      previousHash: prevHash('list_directory'),
    });
    expect(notes.get('acme-files/write-file')).toEqual({ status: 'changed', summary: 'parameter `append` added', previousHash: prevHash('write_file') });
    expect(notes.get('acme-files/delete-file')?.summary).toBe('annotations.destructiveHint true → false');
    // The notes server's tools moved slug (notes/…) but did not change.
    expect(notes.has('notes/search')).toBe(false);
    expect(notes.has('acme-files/read-file')).toBe(false);
  });

  it('gives no notes when the previous snapshot is the same', () => {
    expect(changesSince(V2, current).size).toBe(0);
    expect(changesBetween(current, current).size).toBe(0);
  });

  it('refuses a previous folder that is missing or not a data folder, instead of calling every tool new', async () => {
    expect(() => changesSince(join(tmp, 'missing'), current)).toThrow(SnapshotError);
    expect(() => changesSince(join(tmp, 'missing'), current)).toThrow(/missing does not exist/);
    const empty = join(tmp, 'empty');
    await mkdir(empty);
    expect(() => changesSince(empty, current)).toThrow(/is not a data folder \(no manifests\/ folder in it\)/);
    const file = join(tmp, 'file.json');
    await writeFile(file, '{}');
    expect(() => changesSince(file, current)).toThrow(/is not a directory/);
  });
});
