import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_DATA_DIR } from '../../src/lib/config.ts';
import { runIngest } from '../../src/lib/ingest/run-ingest.ts';
import type { CatalogueServer, CatalogueTool } from '../../src/schemas/catalogue.ts';
import { interceptComparison, shortReason } from '../../src/lib/site/intercept-comparison.ts';
import {
  compareInterceptCategories,
  firstSentence,
  githubId,
  parseInterceptCategories,
  readInterceptPolicyFiles,
  type ComparableTool,
  type InterceptPolicyFile,
} from '../../src/lib/policy/intercept-categories.ts';

// Written for this test in the shape of Intercept's generated files; not taken from them.
const FIXTURE = `#  ──────────
#  Policy: Notes Example MCP Server
#  Server: example-org/notes-mcp
#  Homepage: https://github.com/example-org/notes-mcp
#  ──────────
version: "1"
description: "Policy for example-org/notes-mcp"
default: "allow"
tools:
    #  ── Read Tools ───────────
    #  list_notes: lists the notes
    list_notes:
        rules: []
    read_note:
        rules: []
    #  ── Destructive Tools ────
    #  purge_notes: removes every note
    purge_notes:
        rules: []
    #  ── Other Tools ──────────
    "sync notes":
        rules: []
    #  ── Write Tools ──────────
    archive_note:
        rules: []

  # A commented-out wildcard, as the shipped files end:
  # "*":
  #   rules: []
`;

describe('reading categories from a policy file', () => {
  const parsed = parseInterceptCategories(FIXTURE, 'notes.yaml');

  it('gives each tool the category of the header above it', () => {
    expect([...parsed.tools]).toEqual([
      ['list_notes', 'Read'],
      ['read_note', 'Read'],
      ['purge_notes', 'Destructive'],
      ['sync notes', 'Other'],
      ['archive_note', 'Write'],
    ]);
  });

  it('reads the server the file is for from its header', () => {
    expect(parsed).toMatchObject({ file: 'notes.yaml', title: 'Notes Example MCP Server', server: 'example-org/notes-mcp', homepage: 'https://github.com/example-org/notes-mcp' });
  });

  it('falls back to the description for the server, and leaves tools under no header out', () => {
    const bare = parseInterceptCategories('version: "1"\ndescription: "Policy for some-mcp"\ntools:\n  lone_tool:\n    rules: []\n', 'bare.yaml');
    expect(bare.server).toBe('some-mcp');
    expect(bare.tools.size).toBe(0);
  });
});

describe('comparing with our categories', () => {
  const file: InterceptPolicyFile = parseInterceptCategories(FIXTURE, 'notes.yaml');
  const servers = [
    { name: 'io.github.example-org/notes-mcp', slug: 'example-org-notes-mcp', title: 'Notes MCP', repository: { url: 'https://github.com/example-org/notes-mcp' } },
    // Same slug as the file name, but another project: the named match must win.
    { name: 'io.github.someone/notes', slug: 'notes', title: 'Notes', repository: { url: 'https://github.com/someone/notes' } },
  ];
  const tool = (serverSlug: string, name: string, category: ComparableTool['category']): ComparableTool => ({
    name,
    server: serverSlug,
    serverSlug,
    serverTitle: serverSlug === 'notes' ? 'Notes' : 'Notes MCP',
    slug: name.replace(/[^a-z]+/g, '-'),
    category,
    reason: `${name} is ${category}.`,
  });
  const tools = [
    tool('example-org-notes-mcp', 'list_notes', 'Read'),
    tool('example-org-notes-mcp', 'read_note', 'Write'),
    tool('example-org-notes-mcp', 'purge_notes', 'Destructive'),
    tool('example-org-notes-mcp', 'sync notes', 'Write'),
    tool('example-org-notes-mcp', 'not_in_file', 'Execute'),
    tool('notes', 'list_notes', 'Execute'),
  ];
  const result = compareInterceptCategories([file], servers, tools);

  it('matches the file to the server it names and counts agreement tool by tool', () => {
    expect(result.servers).toEqual([{ file: 'notes.yaml', serverSlug: 'example-org-notes-mcp', by: 'server name' }]);
    expect(result).toMatchObject({ files: 1, matched: 4, agreed: 2, unmatchedFiles: [] });
  });

  it("lists each difference, Intercept's Other included", () => {
    expect(result.differences.map((d) => [d.tool, d.intercept, d.ours, d.toolSlug])).toEqual([
      ['read_note', 'Read', 'Write', 'read-note'],
      ['sync notes', 'Other', 'Write', 'sync-notes'],
    ]);
  });

  it('falls back to a weaker match, and reports a file nothing matches', () => {
    const weak = compareInterceptCategories([file], [servers[1]!], tools);
    expect(weak.servers).toEqual([{ file: 'notes.yaml', serverSlug: 'notes', by: 'slug or title' }]);
    expect(weak.differences).toHaveLength(1);
    const none = compareInterceptCategories([file], [{ name: 'other', slug: 'other', title: 'Other' }], tools);
    expect(none.unmatchedFiles).toEqual(['notes.yaml']);
    expect(none.matched).toBe(0);
  });

  it('reads GitHub ids from repository and homepage addresses', () => {
    expect(githubId('https://github.com/Org/Repo.git')).toBe('org/repo');
    expect(githubId('https://github.com/org/servers/tree/main/src/git')).toBe('org/servers/src/git');
    expect(githubId('https://github.com/org/servers', 'src/git/')).toBe('org/servers/src/git');
    expect(githubId('https://docs.example.com/mcp')).toBeUndefined();
  });

  it('says the comparison is unavailable when the reference folder is missing, without reading the catalogue', () => {
    expect(interceptComparison({ policiesDir: join(DEFAULT_DATA_DIR, 'no-such-folder'), catalogue: join(DEFAULT_DATA_DIR, 'no-such-catalogue') })).toEqual({
      available: false,
      dir: join(DEFAULT_DATA_DIR, 'no-such-folder'),
    });
  });

  it('keeps dotted names inside the first sentence', () => {
    expect(firstSentence('deploy runs tasks on Trigger.dev for you. Then more.')).toBe('deploy runs tasks on Trigger.dev for you.');
    expect(firstSentence('No full stop at all')).toBe('No full stop at all');
  });
});

describe("Intercept's shipped files against the shared catalogue", () => {
  const dir = join(DEFAULT_DATA_DIR, 'reference', 'intercept-policies');
  let files: InterceptPolicyFile[];
  let servers: CatalogueServer[];
  let tools: CatalogueTool[];
  beforeAll(() => {
    files = readInterceptPolicyFiles(dir);
    ({ servers, tools } = runIngest(DEFAULT_DATA_DIR, { lean: true }));
  });

  it('finds a category for every tool key in every file', () => {
    expect(files.length).toBe(readdirSync(dir).filter((f) => f.endsWith('.yaml')).length);
    expect(files.length).toBeGreaterThan(0);
    for (const f of files) {
      const keys = Object.keys((parseYaml(readFileSync(join(dir, f.file), 'utf8')) as { tools: object }).tools);
      expect([...f.tools.keys()].sort(), f.file).toEqual(keys.sort());
    }
  });

  it('matches tools and reports differences that agree with both sides', () => {
    const ours = tools.map((t) => ({ name: t.name, server: t.server, serverSlug: t.serverSlug, serverTitle: t.serverTitle, slug: t.slug, category: t.category, reason: shortReason(t) }));
    const r = compareInterceptCategories(files, servers, ours);
    expect(r.matched).toBeGreaterThan(0);
    expect(r.agreed + r.differences.length).toBe(r.matched);
    expect(r.servers.length + r.unmatchedFiles.length).toBe(files.length);
    const byFile = new Map(files.map((f) => [f.file, f]));
    const bySlug = new Map(tools.map((t) => [`${t.serverSlug}/${t.slug}`, t]));
    for (const d of r.differences) {
      expect(d.intercept).not.toBe(d.ours);
      expect(byFile.get(d.file)!.tools.get(d.tool)).toBe(d.intercept);
      const t = bySlug.get(`${d.serverSlug}/${d.toolSlug}`)!;
      expect(t.name).toBe(d.tool);
      expect(t.category).toBe(d.ours);
      expect(d.reason.length).toBeGreaterThan(0);
    }
    // One of our servers per file at most, so no tool is counted twice.
    const keys = r.differences.map((d) => `${d.serverSlug}/${d.tool}`);
    expect(new Set(keys).size).toBe(keys.length);
  });
});
