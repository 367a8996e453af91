import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_DATA_DIR, REPO_ROOT, resolveDataDir } from './data-dir.ts';
import { balanced, runIngest } from './run-ingest.ts';

describe('ingest of the shared data', () => {
  it('reads every manifest and loses no tool', () => {
    const { report, servers, tools } = runIngest(DEFAULT_DATA_DIR, { lean: true });
    expect(report.counts).toMatchObject({ servers: 762, toolsRead: 8659, toolsWritten: 8659, toolsReported: 0, errors: 0 });
    expect(balanced(report)).toBe(true);
    expect(servers.find((s) => s.slug === 'binance')?.toolCount).toBe(35);
    expect(servers.find((s) => s.slug === 'sperax')?.toolCount).toBe(1317);
    expect(servers.filter((s) => s.sourceKind === 'toolsdk').length).toBe(707);
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
      expect(r.stdout).toMatch(/ingest: 762 servers, 8659 tools read, 8659 written, 0 reported, 0 errors/);
    }
    const files = readdirSync(join(outs[0]!, 'tools'));
    expect(files.length).toBe(762);
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
