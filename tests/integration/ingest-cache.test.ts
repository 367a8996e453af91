/**
 * The ingest cache through the command line: a second run over the same
 * inputs keeps the catalogue it wrote, and a changed definition, a changed
 * rule or --no-cache makes it judge every tool again.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../src/lib/config.ts';

const work = mkdtempSync(join(tmpdir(), 'toolrisk-ingest-cache-'));
const data = join(work, 'data');
const out = join(work, 'catalogue');
cpSync(join(REPO_ROOT, 'tests', 'fixtures', 'drift', 'v2'), data, { recursive: true });
afterAll(() => rmSync(work, { recursive: true, force: true }));

const ingest = (...extra: string[]) => {
  const r = spawnSync(process.execPath, ['scripts/ingest.ts', '--data', data, '--out', out, ...extra], { cwd: REPO_ROOT, encoding: 'utf8' });
  expect(r.status, r.stderr).toBe(0);
  return r.stdout;
};
const snapshot = () => readFileSync(join(out, 'servers.json'), 'utf8') + readFileSync(join(out, 'report.json'), 'utf8');

describe('ingest cache', () => {
  it('keeps the catalogue when nothing changed, and judges again when a definition changed', () => {
    expect(ingest()).not.toContain('nothing changed');
    const first = snapshot();
    expect(ingest()).toMatch(/nothing changed since the last run[\s\S]*ingest: 2 servers .* 7 written/);
    expect(snapshot()).toBe(first);
    expect(ingest('--no-cache')).not.toContain('nothing changed');
    expect(snapshot()).toBe(first);

    const file = join(data, 'manifests', 'notes', 'tools.json');
    writeFileSync(file, readFileSync(file, 'utf8').replace('"description": "', '"description": "Permanently deletes notes. '));
    expect(ingest()).not.toContain('nothing changed');
    expect(snapshot()).not.toBe(first);
    expect(ingest()).toContain('nothing changed');
  });
});
