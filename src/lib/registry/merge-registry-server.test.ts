import { describe, expect, it } from 'vitest';
import type { IndexServer } from '../../schemas/server-json.ts';
import { IndexLookup } from './index-lookup.ts';
import { collapseDescription, mergeRegistryServer, normaliseTimestamp, repositoryIndexName } from './merge-registry-server.ts';

describe('mergeRegistryServer', () => {
  it('builds a new entry with official-registry provenance', () => {
    const entry = mergeRegistryServer(
      undefined,
      { name: 'app.example/tool', description: 'Does things.', version: '1.0.0', websiteUrl: 'https://example.app' },
      { updatedAt: '2025-10-01T12:34:56.789012Z', isLatest: true },
    );
    expect(entry).toEqual({
      name: 'app.example/tool',
      description: 'Does things.',
      version: '1.0.0',
      websiteUrl: 'https://example.app',
      _meta: {
        catalogue: {
          sources: ['official-registry'],
          descriptionSource: 'official-registry',
          updatedAt: '2025-10-01T12:34:56Z',
          registryNames: ['app.example/tool'],
          confidence: 'high',
        },
      },
    });
    // Same key order as the shared index lines.
    expect(Object.keys(entry)).toEqual(['name', 'description', 'version', 'websiteUrl', '_meta']);
  });

  it('keeps an existing description when the registry sends an empty one, and the later updatedAt', () => {
    const existing: IndexServer = {
      name: 'io.github.a/b',
      description: 'From mcp.so',
      _meta: { catalogue: { sources: ['mcp.so'], descriptionSource: 'mcp.so', updatedAt: '2026-01-01T00:00:00Z', confidence: 'low' } },
    };
    const entry = mergeRegistryServer(existing, { name: 'io.github.a/b', description: '  ' }, { updatedAt: '2025-01-01T00:00:00Z' });
    expect(entry.description).toBe('From mcp.so');
    expect(entry._meta?.catalogue).toEqual({
      sources: ['official-registry', 'mcp.so'],
      descriptionSource: 'mcp.so',
      updatedAt: '2026-01-01T00:00:00Z',
      registryNames: ['io.github.a/b'],
      confidence: 'high',
    });
  });

  it('gives the same entry when merged again (idempotent)', () => {
    const server = { name: 'x.y/z', description: 'd', packages: [{ registryType: 'npm', identifier: 'z' }] };
    const once = mergeRegistryServer(undefined, server, { updatedAt: '2025-05-05T05:05:05Z' });
    expect(mergeRegistryServer(once, server, { updatedAt: '2025-05-05T05:05:05Z' })).toEqual(once);
  });
});

describe('helpers', () => {
  it('collapseDescription collapses whitespace and cuts at 500 characters with an ellipsis', () => {
    expect(collapseDescription(' a \n\t b ')).toBe('a b');
    const cut = collapseDescription('word '.repeat(200));
    expect([...cut]).toHaveLength(500);
    expect(cut.endsWith('…')).toBe(true);
  });

  it('normaliseTimestamp gives whole seconds in UTC, or nothing for junk', () => {
    expect(normaliseTimestamp('2025-09-20T14:00:00.123456+02:00')).toBe('2025-09-20T12:00:00Z');
    expect(normaliseTimestamp('yesterday')).toBeUndefined();
  });

  it('repositoryIndexName follows the index naming of repositories', () => {
    expect(repositoryIndexName({ url: 'https://github.com/Octo-Org/SQL-Bridge.git', source: 'github' })).toBe('io.github.octo-org/sql-bridge');
    expect(repositoryIndexName({ url: 'https://gitlab.com/Group/Proj', subfolder: 'packages/Server/' })).toBe(
      'com.gitlab.group/proj/packages/server',
    );
    expect(repositoryIndexName({ url: '' })).toBeUndefined();
    expect(repositoryIndexName({ url: 'https://example.com' })).toBeUndefined();
  });
});

describe('IndexLookup', () => {
  const record = (value: IndexServer) => ({ value });

  it('finds by registry name alias, then by name, then by an unclaimed repository entry', () => {
    const aliased = record({ name: 'io.github.o/repo', _meta: { catalogue: { registryNames: ['com.o/server'] } } });
    const unclaimed = record({ name: 'io.github.p/tool' });
    const lookup = new IndexLookup([aliased, unclaimed]);

    expect(lookup.find({ name: 'com.o/server', description: '' })).toBe(aliased);
    expect(lookup.find({ name: 'io.github.p/tool', description: '' })).toBe(unclaimed);
    expect(lookup.find({ name: 'dev.p/tool', description: '', repository: { url: 'https://github.com/P/Tool' } })).toBe(unclaimed);
    // An entry another registry server already claimed is not taken over.
    expect(lookup.find({ name: 'com.o/other', description: '', repository: { url: 'https://github.com/o/repo' } })).toBeUndefined();
  });
});
