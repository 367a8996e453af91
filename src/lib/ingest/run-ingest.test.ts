import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_DATA_DIR, REPO_ROOT, resolveDataDir } from './data-dir.ts';
import { balanced, runIngest } from './run-ingest.ts';
import { sharedDataCounts } from '../../../tests/support/shared-data-counts.ts';

// Counted from the files themselves, so the tests hold as the data grows.
const expected = sharedDataCounts(DEFAULT_DATA_DIR);
const written = expected.toolsRead - expected.duplicates;

describe('ingest of the shared data', () => {
  it('reads every manifest and loses no tool', () => {
    const { report, servers, tools } = runIngest(DEFAULT_DATA_DIR, { lean: true });
    expect(report.counts).toMatchObject({ servers: expected.servers, toolsRead: expected.toolsRead, toolsWritten: written, toolsReported: expected.duplicates });
    expect(tools.length).toBe(written);
    expect(balanced(report)).toBe(true);
    expect(servers.find((s) => s.slug === 'binance')?.toolCount).toBe(35);
    expect(servers.find((s) => s.slug === 'sperax')?.toolCount).toBe(expected.byFolder.get('sperax')!.tools);
    expect(servers.filter((s) => s.sourceKind === 'toolsdk').length).toBe(expected.byFolder.get('toolsdk')!.servers);
    const ids = new Set(tools.map((t) => t.id.toLowerCase()));
    expect(ids.size).toBe(tools.length);
    for (const t of tools) {
      expect(t.slug).toMatch(/^[a-z0-9][a-z0-9-]*$/);
      expect(['Read', 'Write', 'Execute', 'Financial', 'Destructive']).toContain(t.category);
      expect(t.rationale.split(/(?<=[.!?])\s+(?=[A-Z0-9a-z])/).length, t.id).toBeGreaterThanOrEqual(2);
      expect(t.rationale, t.id).toContain(t.name);
    }
  });

  it('is byte-for-byte deterministic through the command line', () => {
    const outs = [mkdtempSync(join(tmpdir(), 'ingest-a-')), mkdtempSync(join(tmpdir(), 'ingest-b-'))];
    for (const out of outs) {
      const r = spawnSync(process.execPath, ['scripts/ingest.ts', '--data', DEFAULT_DATA_DIR, '--out', out], { cwd: REPO_ROOT, encoding: 'utf8' });
      expect(r.status, r.stderr).toBe(0);
      expect(r.stdout).toContain(`ingest: ${expected.servers} servers, ${expected.toolsRead} tools read, ${written} written, ${expected.duplicates} reported`);
    }
    const files = readdirSync(join(outs[0]!, 'tools'));
    expect(files.length).toBe(expected.servers);
    for (const f of files) expect(readFileSync(join(outs[1]!, 'tools', f)).equals(readFileSync(join(outs[0]!, 'tools', f))), f).toBe(true);
    expect(readFileSync(join(outs[1]!, 'servers.json')).equals(readFileSync(join(outs[0]!, 'servers.json')))).toBe(true);
  }, 120_000);

  it('takes the data folder from --data, then CATALOGUE_DATA, then ../shared/data', () => {
    expect(resolveDataDir(['node', 'x', '--data', '/tmp/a'], { CATALOGUE_DATA: '/tmp/b' })).toBe('/tmp/a');
    expect(resolveDataDir(['node', 'x', '--data=/tmp/c'], {})).toBe('/tmp/c');
    expect(resolveDataDir(['node', 'x'], { CATALOGUE_DATA: '/tmp/b' })).toBe('/tmp/b');
    expect(resolveDataDir(['node', 'x'], {})).toBe(DEFAULT_DATA_DIR);
    expect(DEFAULT_DATA_DIR).toBe(join(REPO_ROOT, '..', 'shared', 'data'));
  });
});
