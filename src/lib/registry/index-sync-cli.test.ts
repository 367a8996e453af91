/**
 * The `npm run index:sync` script end to end: a real Node process against the
 * fake registry, plus the flag/environment precedence of its settings.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { FULL_LISTING, startFakeRegistry, type FakeRegistry } from '../../../tests/fixtures/registry/fake-registry.ts';
import { DEFAULT_REGISTRY_URL, parseSyncArgs } from './sync-cli.ts';
import { UsageError } from '../config.ts';

const SCRIPT = fileURLToPath(new URL('../../../scripts/index-sync.ts', import.meta.url));
const run = promisify(execFile);

let dir: string;
let registry: FakeRegistry | undefined;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'index-sync-cli-'));
});
afterEach(async () => {
  await registry?.close();
  registry = undefined;
  await rm(dir, { recursive: true, force: true });
});

/** Runs the script with the project's Node (vitest itself runs on it). */
async function runScript(args: string[], env: Record<string, string> = {}) {
  try {
    const { stdout, stderr } = await run(process.execPath, [SCRIPT, ...args], { env: { ...process.env, ...env }, timeout: 15_000 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

describe('scripts/index-sync.ts', () => {
  it('syncs into --out, prints plain progress lines off a terminal and a final summary', async () => {
    registry = await startFakeRegistry(FULL_LISTING);
    const out = join(dir, 'servers.jsonl');

    const result = await runScript(['--out', out, '--limit', '3'], { MCP_REGISTRY_URL: registry.url });

    expect(result.code).toBe(0);
    expect(result.stderr).toContain('index:sync: page 1 fetched (3 servers)');
    expect(result.stderr).toContain('index:sync: page 3 fetched (2 servers)');
    expect(result.stderr).toContain('page 2, server #2 "io.github.broken/no-description" skipped: server.description: description is required');
    expect(result.stderr).not.toContain('\r');
    expect(result.stdout.trim()).toBe(
      `index:sync: 3 pages, 8 servers seen, 5 added, 0 changed, 0 unchanged, 1 invalid, 2 skipped (1 not latest, 1 deleted); wrote ${out}`,
    );
    expect((await readFile(out, 'utf8')).split('\n').filter(Boolean)).toHaveLength(5);
  });

  it('exits 1 with a one-line reason when the registry fails, and writes nothing', async () => {
    registry = await startFakeRegistry({ '': { status: 200, body: 'oops' } });
    const out = join(dir, 'servers.jsonl');
    const result = await runScript(['--out', out, '--registry', registry.url]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/index:sync: failed: http:\/\/127\.0\.0\.1:\d+\/v0\.1\/servers\?\S+: malformed registry page: response is not JSON: oops/);
    await expect(readFile(out)).rejects.toThrow(/ENOENT/);
  });

  it('exits 2 on bad usage', async () => {
    const result = await runScript(['--limit', 'zero']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--limit must be a whole number');
  });
});

describe('parseSyncArgs', () => {
  it('takes flags over environment over defaults', () => {
    const fromDefaults = parseSyncArgs([], {}, '/data/default');
    expect(fromDefaults).toEqual({
      help: false,
      options: expect.objectContaining({
        baseUrl: DEFAULT_REGISTRY_URL,
        outFile: '/data/default/index/servers.jsonl',
        limit: 100,
        timeoutMs: 30_000,
        retries: 2,
        partial: false,
      }),
    });
    const fromEnv = parseSyncArgs([], { CATALOGUE_DATA: '/data/env', MCP_REGISTRY_URL: 'http://127.0.0.1:9' }, '/data/default');
    expect(fromEnv).toMatchObject({ options: { baseUrl: 'http://127.0.0.1:9', outFile: '/data/env/index/servers.jsonl' } });
    const fromFlags = parseSyncArgs(
      ['--data', '/data/flag', '--registry', 'http://127.0.0.1:8', '--timeout', '0.5', '--since', '2025-08-07T13:15:04Z', '--partial'],
      { CATALOGUE_DATA: '/data/env', MCP_REGISTRY_URL: 'http://127.0.0.1:9' },
      '/data/default',
    );
    expect(fromFlags).toMatchObject({
      options: { baseUrl: 'http://127.0.0.1:8', outFile: '/data/flag/index/servers.jsonl', timeoutMs: 500, updatedSince: '2025-08-07T13:15:04Z', partial: true },
    });
  });

  it('rejects bad values', () => {
    expect(() => parseSyncArgs(['--since', 'last week'], {}, '/d')).toThrow(UsageError);
    expect(() => parseSyncArgs(['--registry', 'registry.example'], {}, '/d')).toThrow(/http\(s\) URL/);
    expect(() => parseSyncArgs(['--unknown'], {}, '/d')).toThrow(UsageError);
  });
});
