import { describe, expect, it } from 'vitest';
import type { SourceInfo } from '../../schemas/sources.ts';
import { familyOf, mergeServers, normaliseRepoUrl } from './merge-servers.ts';
import type { RawServer, RawTool } from './read-sources.ts';

const infos: SourceInfo[] = [
  { id: 'live', title: 'Live lists', licence: 'MIT', definitions: 'live', rank: 4, versionIsCrawlDate: false },
  { id: 'listed', title: 'Name lists', licence: 'MIT', definitions: 'listed', rank: 1, versionIsCrawlDate: false },
];

function tool(name: string, properties?: Record<string, unknown>): RawTool {
  const inputSchema = properties ? { type: 'object', properties } : null;
  return { definition: { name, description: `${name} does it`, ...(inputSchema ? { inputSchema } : {}) }, name, description: `${name} does it`, inputSchema };
}

function server(source: string, name: string, tools: RawTool[], repository?: string, subfolder?: string): RawServer {
  return {
    meta: { name, description: '', ...(repository ? { repository: { url: repository, source: 'github', ...(subfolder ? { subfolder } : {}) } } : {}) },
    source,
    sourceKind: source.endsWith('.jsonl:1') ? 'toolsdk' : 'manifest',
    slugSource: name.replace(/^io\.github\./, ''),
    tools,
    toolsRead: tools.length,
    toolsReported: 0,
  };
}

describe('server identity', () => {
  it('normalises repository URLs to one key', () => {
    for (const url of ['https://github.com/Owner/Repo', 'https://www.github.com/owner/repo.git', 'git+https://github.com/owner/repo/', 'git@github.com:owner/repo.git', 'https://github.com/owner/repo/tree/main/src/x', 'http://github.com/owner/repo#readme']) {
      expect(normaliseRepoUrl(url), url).toBe('github.com/owner/repo');
    }
    expect(normaliseRepoUrl(undefined)).toBeUndefined();
    expect(familyOf('manifests/toucan/io.github.a__b')).toBe('toucan');
    expect(familyOf('manifests/toolsdk/tools.jsonl:12')).toBe('toolsdk');
  });

  it('merges names that differ only in case, and copies that share a repository, into one server led by the richest copy', () => {
    const r = mergeServers(
      [
        server('manifests/listed/a', 'io.github.Arize-ai/phoenix', [tool('list_traces'), tool('get_span')]),
        server('manifests/live/b', 'io.github.arize-ai/phoenix', [tool('list_traces', { limit: { type: 'number' } })]),
        server('manifests/live/c', 'io.github.other/name', [tool('ping')], 'https://github.com/Exa-Labs/exa-mcp-server'),
        server('manifests/listed/d', 'io.github.exa-labs/exa-mcp-server', [tool('ping'), tool('search')], 'https://github.com/exa-labs/exa-mcp-server.git'),
      ],
      infos,
    );
    expect(r.servers).toHaveLength(2);
    const phoenix = r.servers.find((s) => s.copies.some((c) => c.name === 'io.github.Arize-ai/phoenix'))!;
    // The live list leads; its name and slug are the server's.
    expect(phoenix.meta.name).toBe('io.github.arize-ai/phoenix');
    expect(phoenix.copies.map((c) => c.family)).toEqual(['live', 'listed']);
    expect(phoenix.tools.map((t) => t.name).sort()).toEqual(['get_span', 'list_traces']);
    // The richer definition (a real schema) is used, and both sources are recorded with differing fingerprints.
    const traces = phoenix.tools.find((t) => t.name === 'list_traces')!;
    expect(traces.inputSchema?.properties).toHaveProperty('limit');
    expect(traces.origins.map((o) => o.family)).toEqual(['live', 'listed']);
    expect(new Set(traces.origins.map((o) => o.fingerprint)).size).toBe(2);
    expect(r.dropped).toContainEqual({ family: 'listed', server: 'io.github.arize-ai/phoenix', tool: 'list_traces', reason: 'the same tool from live has the richer definition' });
    // Equal definitions: the higher-ranked source's copy is kept ("ping" on Exa).
    expect(r.dropped.filter((d) => d.tool === 'ping').map((d) => d.family)).toEqual(['listed']);
    expect(r.dropped).toHaveLength(2);
    // Every tool is accounted for, per source.
    for (const s of r.sources) expect(s.toolsRead, s.family).toBe(s.toolsWritten + s.toolsReported + s.duplicatesDropped);
    expect(r.mergedServers).toBe(2);
    const exa = r.servers.find((s) => s !== phoenix)!;
    expect(exa.copies).toHaveLength(2);
    expect(exa.formerSlugs).toEqual(['exa-labs-exa-mcp-server']);
  });

  it('prefers a definition that describes the tool over a placeholder, even one with a schema', () => {
    const placeholder = { ...tool('list_calls', { limit: {} }), description: 'Description not available' };
    const r = mergeServers([server('manifests/live/p', 'io.github.a/calls', [placeholder]), server('manifests/listed/q', 'io.github.a/calls', [tool('list_calls')])], infos, (d) => d.trim() !== '' && d !== 'Description not available');
    const chosen = r.servers[0]!.tools[0]!;
    expect(chosen.description).toBe('list_calls does it');
    expect(chosen.origins.map((o) => o.family)).toEqual(['listed', 'live']);
  });

  it('does not merge different servers that one source keeps in one repository (a monorepo)', () => {
    const r = mergeServers(
      [
        server('manifests/live/x', 'ai.smithery/mono-a', [tool('a')], 'https://github.com/org/mono'),
        server('manifests/live/y', 'ai.smithery/mono-b', [tool('b')], 'https://github.com/org/mono'),
        server('manifests/listed/z', 'io.github.org/mono', [tool('c')], 'https://github.com/org/mono'),
      ],
      infos,
    );
    expect(r.servers).toHaveLength(3);
  });
});
