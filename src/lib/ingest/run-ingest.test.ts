import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_DATA_DIR, REPO_ROOT } from '../config.ts';
import { balanced, readDefinitions, runIngest } from './run-ingest.ts';
import { sharedDataCounts } from '../../../tests/support/shared-data-counts.ts';

// Counted from the files themselves, so the tests hold as the data grows.
const expected = sharedDataCounts(DEFAULT_DATA_DIR);
/** Tools that are valid and not a same-server duplicate: written, or dropped for a richer copy of the same tool. */
const kept = expected.toolsRead - expected.duplicates;

describe('ingest of the shared data', () => {
  it('readDefinitions gives the ids, definitions, hashes and report of a full ingest without classifying', () => {
    const full = runIngest(DEFAULT_DATA_DIR, { lean: true });
    const defs = readDefinitions(DEFAULT_DATA_DIR);
    expect(defs.tools).toEqual(full.tools.map((t) => ({ id: t.id, server: t.server, name: t.name, definition: t.definition, definitionHash: t.definitionHash })));
    expect(defs.report).toEqual(full.report);
  });

  it('reads every manifest and loses no tool', () => {
    const { report, servers, tools } = runIngest(DEFAULT_DATA_DIR, { lean: true });
    expect(report.counts).toMatchObject({ serverCopies: expected.servers, toolsRead: expected.toolsRead, toolsReported: expected.duplicates });
    expect(report.counts.toolsWritten + report.counts.toolsDropped).toBe(kept);
    expect(tools.length).toBe(report.counts.toolsWritten);
    expect(balanced(report)).toBe(true);
    // One server, one page: no two servers share a registry name in any case,
    // and every copy that was read sits on exactly one server.
    expect(servers.length).toBe(report.counts.servers);
    expect(new Set(servers.map((s) => s.name.toLowerCase())).size).toBe(servers.length);
    const copies = servers.flatMap((s) => s.copies.map((c) => c.source));
    expect(copies.length).toBe(expected.servers);
    expect(new Set(copies).size).toBe(expected.servers);
    for (const [folder, c] of expected.byFolder) {
      const row = report.sources.find((s) => s.family === folder)!;
      expect(row, folder).toBeDefined();
      expect(row.servers, folder).toBe(c.servers);
      expect(row.toolsRead, folder).toBe(c.tools);
    }
    // The same server from the popular manifests and the ToolSDK list is one page now.
    const blender = servers.filter((s) => s.name.toLowerCase() === 'io.github.ahujasid/blender-mcp');
    expect(blender.length).toBe(1);
    expect(blender[0]!.copies.map((c) => c.family).sort()).toEqual(expect.arrayContaining(['popular', 'toolsdk']));
    expect(blender[0]!.formerSlugs.length).toBeGreaterThan(0);
    expect(servers.find((s) => s.slug === 'binance')?.toolCount).toBe(35);
    expect(servers.find((s) => s.slug === 'sperax')?.toolCount).toBe(expected.byFolder.get('sperax')!.tools);
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
      expect(r.stdout).toMatch(new RegExp(`ingest: \\d+ servers \\(${expected.servers} copies, \\d+ found in more than one source, \\d+ not in the server index\\), ${expected.toolsRead} tools read, \\d+ written, ${expected.duplicates} reported`));
    }
    const files = readdirSync(join(outs[0]!, 'tools'));
    const report = JSON.parse(readFileSync(join(outs[0]!, 'report.json'), 'utf8')) as { counts: { servers: number; serverCopies: number } };
    expect(report.counts.serverCopies).toBe(expected.servers);
    expect(files.length).toBe(report.counts.servers);
    expect(files.length).toBeLessThan(expected.servers);
    for (const f of files) expect(readFileSync(join(outs[1]!, 'tools', f)).equals(readFileSync(join(outs[0]!, 'tools', f))), f).toBe(true);
    expect(readFileSync(join(outs[1]!, 'servers.json')).equals(readFileSync(join(outs[0]!, 'servers.json')))).toBe(true);
  }, 120_000);
});
