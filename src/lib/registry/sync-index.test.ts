import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { copyFile, mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { FULL_LISTING, startFakeRegistry, type FakeRegistry, type Reply } from '../../../tests/fixtures/registry/fake-registry.ts';
import { syncIndex, SyncFailedError, type InvalidServer, type SyncOptions } from './sync-index.ts';

const FIXTURES = fileURLToPath(new URL('../../../tests/fixtures/registry/', import.meta.url));

let dir: string;
let registry: FakeRegistry | undefined;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'index-sync-'));
});
afterEach(async () => {
  await registry?.close();
  registry = undefined;
  await rm(dir, { recursive: true, force: true });
});

async function serve(routes: Record<string, Reply | Reply[]>): Promise<string> {
  registry = await startFakeRegistry(routes);
  return registry.url;
}

function options(baseUrl: string, outFile: string, extra: Partial<SyncOptions> = {}): SyncOptions {
  return { baseUrl, outFile, limit: 3, timeoutMs: 2000, retries: 2, retryDelayMs: 5, partial: false, ...extra };
}

async function readLines(path: string): Promise<string[]> {
  return (await readFile(path, 'utf8')).split('\n').filter(Boolean);
}

async function readEntries(path: string): Promise<Map<string, any>> {
  return new Map((await readLines(path)).map((line) => [JSON.parse(line).name, JSON.parse(line)]));
}

async function existingIndexCopy(): Promise<string> {
  const out = join(dir, 'index', 'servers.jsonl');
  await mkdir(join(dir, 'index'), { recursive: true });
  await copyFile(join(FIXTURES, 'existing-index.jsonl'), out);
  return out;
}

describe('syncIndex: fresh sync', () => {
  it('follows the cursors, keeps latest versions only and writes a sorted index', async () => {
    const url = await serve(FULL_LISTING);
    const out = join(dir, 'new', 'servers.jsonl');
    const invalid: InvalidServer[] = [];

    const summary = await syncIndex({ ...options(url, out), reporter: { invalid: (info) => invalid.push(info) } });

    expect(summary).toMatchObject({
      pages: 3,
      seen: 8,
      added: 5,
      changed: 0,
      unchanged: 0,
      invalid: 1,
      skippedNotLatest: 1,
      skippedDeleted: 1,
      written: true,
    });
    // Page 2 was asked for with page 1's cursor, and so on.
    expect(registry!.requests.map((r) => r.searchParams.get('cursor'))).toEqual([
      null,
      'com.example/notes:1.0.0',
      'io.github.jdoe/translate:2.0.0',
    ]);
    expect(registry!.requests[0]!.searchParams.get('limit')).toBe('3');

    const lines = await readLines(out);
    expect(lines.map((line) => JSON.parse(line).name)).toEqual([
      'ai.smithery/box-files',
      'com.example/notes',
      'dev.sqlbridge/server',
      'io.github.acme/weather-mcp',
      'io.github.jdoe/translate',
    ]);
    // Exact line: index key order, Python-style separators, collapsed description,
    // the empty repository left out, remote headers dropped, only the latest version.
    expect(lines[1]).toBe(
      '{"name": "com.example/notes", "description": "Hosted notes with full-text search and tags.", "version": "1.0.0", ' +
        '"remotes": [{"type": "streamable-http", "url": "https://mcp.example.com/notes/mcp"}], ' +
        '"_meta": {"catalogue": {"sources": ["official-registry"], "descriptionSource": "official-registry", ' +
        '"updatedAt": "2025-09-20T12:00:00Z", "registryNames": ["com.example/notes"], "confidence": "high"}}}',
    );
    // Non-ASCII stays UTF-8, as in the shared index.
    expect(lines[4]).toContain('"description": "Translate text between 40 languages — 中文, 日本語, Español."');
    expect(JSON.parse(lines[3]!).packages).toEqual([{ registryType: 'npm', identifier: '@acme/weather-mcp' }]);
  });

  it('reports an invalid server with page, position, name and problem, and skips only that one', async () => {
    const url = await serve(FULL_LISTING);
    const out = join(dir, 'servers.jsonl');
    const invalid: InvalidServer[] = [];
    await syncIndex({ ...options(url, out), reporter: { invalid: (info) => invalid.push(info) } });

    expect(invalid).toHaveLength(1);
    expect(invalid[0]).toMatchObject({ page: 2, position: 1, name: 'io.github.broken/no-description' });
    expect(invalid[0]!.problem).toMatch(/server\.description: description is required/);
    const names = [...(await readEntries(out)).keys()];
    expect(names).not.toContain('io.github.broken/no-description');
    // Its neighbours on the same page made it in.
    expect(names).toEqual(expect.arrayContaining(['dev.sqlbridge/server', 'io.github.jdoe/translate']));
  });
});

describe('syncIndex: idempotence', () => {
  it('a second run with the same pages leaves the file byte-identical', async () => {
    const url = await serve(FULL_LISTING);
    const out = join(dir, 'servers.jsonl');
    await syncIndex(options(url, out));
    const first = await readFile(out);
    const firstMtime = (await stat(out)).mtimeMs;

    const again = await syncIndex(options(url, out));

    expect(again).toMatchObject({ added: 0, changed: 0, unchanged: 5, written: false });
    expect(await readFile(out)).toEqual(first);
    expect((await stat(out)).mtimeMs).toBe(firstMtime);
  });

  it('is also byte-identical when merging into an existing index twice', async () => {
    const url = await serve(FULL_LISTING);
    const out = await existingIndexCopy();
    await syncIndex(options(url, out));
    const first = await readFile(out);
    const again = await syncIndex(options(url, out));
    expect(again).toMatchObject({ added: 0, changed: 0, unchanged: 5 });
    expect(await readFile(out)).toEqual(first);
  });
});

describe('syncIndex: merging into an existing index', () => {
  it('updates what the registry states and keeps what other sources said', async () => {
    const url = await serve(FULL_LISTING);
    const out = await existingIndexCopy();
    const before = await readLines(out);

    const summary = await syncIndex(options(url, out));

    expect(summary).toMatchObject({ added: 2, changed: 3, unchanged: 0 });
    const entries = await readEntries(out);
    // Same name: the registry's description, title, version and npm package win;
    // categories, stars, listings and the other sources' PyPI package stay.
    expect(entries.get('io.github.acme/weather-mcp')).toEqual({
      name: 'io.github.acme/weather-mcp',
      title: 'Acme Weather',
      description: 'Weather forecasts and alerts from the National Weather Service.',
      repository: { url: 'https://github.com/acme/weather-mcp', source: 'github', id: '812734561' },
      version: '1.2.0',
      packages: [
        { registryType: 'npm', identifier: '@acme/weather-mcp' },
        { registryType: 'pypi', identifier: 'acme-weather-mcp' },
      ],
      _meta: {
        catalogue: {
          sources: ['official-registry', 'glama', 'mcp.so'],
          descriptionSource: 'official-registry',
          categories: ['weather', 'data'],
          stars: 120,
          updatedAt: '2025-10-01T09:00:00Z',
          listings: { glama: 'https://glama.ai/mcp/servers/acme/weather-mcp' },
          registryNames: ['io.github.acme/weather-mcp'],
          confidence: 'high',
        },
      },
    });
    // Found through registryNames: no duplicate "com.example/notes" entry.
    expect(entries.has('com.example/notes')).toBe(false);
    const notes = entries.get('io.github.someone/notes-server');
    expect(notes.description).toBe('Hosted notes with full-text search and tags.');
    expect(notes.repository).toEqual({ url: 'https://github.com/someone/notes-server', source: 'github' });
    expect(notes.remotes).toEqual([
      { type: 'streamable-http', url: 'https://mcp.example.com/notes/mcp' },
      { type: 'sse', url: 'https://mcp.example.com/notes/sse' },
    ]);
    expect(notes._meta.catalogue.sources).toEqual(['official-registry', 'smithery']);
    // Found through the repository the index named it after.
    expect(entries.has('dev.sqlbridge/server')).toBe(false);
    const sql = entries.get('io.github.octo-org/sql-bridge');
    expect(sql._meta.catalogue).toMatchObject({ sources: ['official-registry', 'glama'], registryNames: ['dev.sqlbridge/server'] });
    expect(sql._meta.catalogue.repositoryInferred).toBeUndefined();
    expect(sql.websiteUrl).toBe('https://sqlbridge.dev');
    // Untouched lines are kept byte for byte.
    expect(before[0]).toContain('"com.zeta/unrelated"');
    expect(await readLines(out)).toContain(before[0]);
  });

  it('a later incremental run (updated_since) updates the one server that changed', async () => {
    let url = await serve(FULL_LISTING);
    const out = await existingIndexCopy();
    await syncIndex(options(url, out));
    const before = await readLines(out);
    await registry!.close();
    url = await serve({ '': { file: 'later-page-1.json' } });

    const summary = await syncIndex(options(url, out, { updatedSince: '2025-11-01T00:00:00Z' }));

    expect(registry!.requests[0]!.searchParams.get('updated_since')).toBe('2025-11-01T00:00:00Z');
    expect(summary).toMatchObject({ pages: 1, seen: 2, added: 0, changed: 1, skippedNotLatest: 1 });
    const after = await readLines(out);
    const changed = after.filter((line, i) => line !== before[i]);
    expect(changed).toHaveLength(1);
    expect(JSON.parse(changed[0]!)).toMatchObject({
      name: 'io.github.acme/weather-mcp',
      description: 'Weather forecasts, alerts and radar images from the National Weather Service.',
      version: '1.3.0',
      _meta: { catalogue: { updatedAt: '2025-11-20T10:00:00Z', stars: 120 } },
    });
  });
});

describe('syncIndex: failures', () => {
  it('a page that is not JSON stops the run, names the URL and writes nothing', async () => {
    const url = await serve({ ...FULL_LISTING, 'com.example/notes:1.0.0': { status: 200, body: '<html>Bad gateway</html>' } });
    const out = await existingIndexCopy();
    const before = await readFile(out);

    const failure = await syncIndex(options(url, out)).catch((error: unknown) => error);

    expect(failure).toBeInstanceOf(SyncFailedError);
    const error = failure as SyncFailedError;
    expect(error.message).toContain(`${url}/v0.1/servers?`);
    expect(error.message).toContain('cursor=com.example%2Fnotes%3A1.0.0');
    expect(error.message).toMatch(/malformed registry page: response is not JSON: <html>Bad gateway<\/html>/);
    expect(error.summary).toMatchObject({ pages: 1, changed: 2, written: false });
    expect(await readFile(out)).toEqual(before);
  });

  it('a page of the wrong shape is malformed too', async () => {
    const url = await serve({ '': { status: 200, body: '{"servers": {"name": "x"}}' } });
    const out = join(dir, 'servers.jsonl');
    await expect(syncIndex(options(url, out))).rejects.toThrow(/malformed registry page: servers: expected "servers" to be an array/);
    expect(existsSync(out)).toBe(false);
  });

  it('with partial, the servers merged before the bad page are written', async () => {
    const url = await serve({ ...FULL_LISTING, 'com.example/notes:1.0.0': { status: 200, body: 'not json' } });
    const out = join(dir, 'servers.jsonl');

    const error = (await syncIndex(options(url, out, { partial: true })).catch((e: unknown) => e)) as SyncFailedError;

    expect(error).toBeInstanceOf(SyncFailedError);
    expect(error.summary).toMatchObject({ pages: 1, added: 2, written: true });
    expect([...(await readEntries(out)).keys()]).toEqual(['com.example/notes', 'io.github.acme/weather-mcp']);
  });

  it('a registry that never answers times out after the retries, and nothing is written', async () => {
    const url = await serve({ '': { hang: true } });
    const out = join(dir, 'servers.jsonl');
    const retries: string[] = [];
    const started = Date.now();

    const failure = syncIndex({ ...options(url, out, { timeoutMs: 150, retries: 1 }), reporter: { retry: (r) => retries.push(r.reason) } });

    await expect(failure).rejects.toThrow(/v0\.1\/servers\?limit=3.*: no response within 150 ms \(after 2 attempts\)/);
    expect(Date.now() - started).toBeLessThan(5000);
    expect(registry!.requests).toHaveLength(2);
    expect(retries).toEqual(['no response within 150 ms']);
    expect(existsSync(out)).toBe(false);
  });

  it('retries a 503 and carries on', async () => {
    const url = await serve({
      ...FULL_LISTING,
      'com.example/notes:1.0.0': [{ status: 503, body: 'busy' }, { file: 'page-2.json' }],
    });
    const out = join(dir, 'servers.jsonl');
    const retries: string[] = [];
    const summary = await syncIndex({ ...options(url, out), reporter: { retry: (r) => retries.push(r.reason) } });
    expect(retries).toEqual(['HTTP 503']);
    expect(summary).toMatchObject({ pages: 3, added: 5 });
  });

  it('does not retry a 404', async () => {
    const url = await serve({});
    await expect(syncIndex(options(url, join(dir, 'x.jsonl')))).rejects.toThrow(/HTTP 404/);
    expect(registry!.requests).toHaveLength(1);
  });

  it('refuses to rewrite an index with a corrupt line', async () => {
    const url = await serve(FULL_LISTING);
    const out = join(dir, 'servers.jsonl');
    await writeFile(out, '{"name": "a/b"}\n{broken\n');
    await expect(syncIndex(options(url, out))).rejects.toThrow(/servers\.jsonl:2: not valid JSON/);
    expect(registry!.requests).toHaveLength(0);
  });
});
