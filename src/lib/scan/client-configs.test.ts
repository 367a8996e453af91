/**
 * Config discovery against a fake home and project folder holding each
 * client's file at its documented place, written as the clients write them.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { discoverServers, stripJsonComments, type ConfiguredServer } from './client-configs.ts';
import type { Places } from './config-locations.ts';

let root: string;
let places: Places;

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'scan-configs-'));
  places = { home: join(root, 'home'), project: join(root, 'project'), env: { CURSOR_KEY: 'cursor-secret-1', WS_TOKEN: 'windsurf-secret-2' } };
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

function put(path: string, content: unknown): string {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content, null, 2));
  return path;
}

const find = (servers: ConfiguredServer[], client: string, name: string) => {
  const found = servers.filter((s) => s.client === client && s.name === name);
  expect(found, `${client}/${name}`).toHaveLength(1);
  return found[0]!;
};

describe('discoverServers', () => {
  it('reads every client at its documented place, Linux and macOS', () => {
    const home = places.home;
    const project = places.project;
    put(join(home, '.config/Claude/claude_desktop_config.json'), {
      mcpServers: { files: { command: 'npx', args: ['-y', '@modelcontextprotocol/server-filesystem', '/tmp'], env: { NOT_EXPANDED: '${CURSOR_KEY}' } } },
    });
    put(join(home, 'Library/Application Support/Claude/claude_desktop_config.json'), { mcpServers: { mac: { command: 'uvx', args: ['mcp-server-git'] } } });
    put(join(home, '.cursor/mcp.json'), { mcpServers: { shared: { command: 'global-version' }, github: { url: 'https://api.example.com/mcp', headers: { Authorization: 'Bearer ${env:CURSOR_KEY}' } } } });
    put(join(project, '.cursor/mcp.json'), { mcpServers: { shared: { command: 'project-version', args: ['${workspaceFolder}/server.js'] } } });
    put(
      join(project, '.vscode/mcp.json'),
      `{
        // VS Code allows comments and trailing commas
        "inputs": [{ "type": "promptString", "id": "api-key", "description": "API key", "password": true }],
        "servers": {
          "memory": { "type": "stdio", "command": "npx", "args": ["-y", "@modelcontextprotocol/server-memory"], },
          "prompted": { "type": "stdio", "command": "npx", "args": ["x"], "env": { "API_KEY": "\${input:api-key}" } },
          "remote": { "type": "http", "url": "https://mcp.example.com/mcp?token=query-secret-3" },
          "legacy": { "type": "sse", "url": "https://mcp.example.com/sse" },
        },
      }`,
    );
    put(join(home, '.config/Code/User/mcp.json'), { servers: { user: { type: 'stdio', command: 'node', args: ['${userHome}/server.js'] } } });
    put(join(project, '.mcp.json'), { mcpServers: { db: { command: 'project-db' }, tools: { type: 'stdio', command: '${TOOLS_BIN:-tools-server}', args: ['--token', '${MISSING_TOKEN}'] } } });
    put(join(home, '.claude.json'), {
      numStartups: 3,
      mcpServers: { everywhere: { type: 'http', url: 'https://everywhere.example.com/mcp' } },
      projects: { [project]: { mcpServers: { db: { command: 'local-db' } } }, '/somewhere/else': { mcpServers: { other: { command: 'x' } } } },
    });
    put(join(home, '.codeium/windsurf/mcp_config.json'), {
      mcpServers: { remote: { serverUrl: 'https://ws.example.com/mcp', headers: { Authorization: 'Bearer ${env:WS_TOKEN}' } }, off: { command: 'x', disabled: true }, filed: { command: 'x', env: { K: '${file:/etc/secret}' } } },
    });

    const { files, servers } = discoverServers(places);

    expect(files.map((f) => [f.location.client, f.status])).toEqual([
      ['claude-desktop', 'read'],
      ['claude-desktop', 'read'],
      ['cursor', 'read'],
      ['cursor', 'read'],
      ['vscode', 'read'],
      ['vscode', 'read'],
      ['claude-code', 'read'],
      ['claude-code', 'read'],
      ['windsurf', 'read'],
    ]);

    // Claude Desktop expands nothing: the placeholder is passed as written, and said so.
    const desktop = find(servers, 'claude-desktop', 'files');
    expect(desktop.target).toEqual({ kind: 'stdio', command: 'npx', args: ['-y', '@modelcontextprotocol/server-filesystem', '/tmp'], env: { NOT_EXPANDED: '${CURSOR_KEY}' } });
    expect(desktop.notes).toEqual(['${CURSOR_KEY} is passed as written (Claude Desktop does not expand it)']);
    expect(find(servers, 'claude-desktop', 'mac').target).toMatchObject({ command: 'uvx' });

    // Cursor: the project's "shared" wins over the global one; ${env:…} and ${workspaceFolder} are expanded.
    const cursorShared = servers.filter((s) => s.client === 'cursor' && s.name === 'shared');
    expect(cursorShared.map((s) => [s.scope, s.problem?.kind])).toEqual([
      ['project', undefined],
      ['user', 'overridden'],
    ]);
    expect(cursorShared[0]!.target).toEqual({ kind: 'stdio', command: 'project-version', args: [join(places.project, 'server.js')], cwd: places.project });
    const github = find(servers, 'cursor', 'github');
    expect(github.target).toEqual({ kind: 'http', url: 'https://api.example.com/mcp', headers: { Authorization: 'Bearer cursor-secret-1' } });
    expect(github.headerNames).toEqual(['Authorization']);
    expect(github.secrets).toContain('Bearer cursor-secret-1');

    // VS Code: JSONC, typed entries, prompted inputs and SSE are reported, not guessed.
    expect(find(servers, 'vscode', 'memory').target).toMatchObject({ kind: 'stdio', command: 'npx' });
    expect(find(servers, 'vscode', 'prompted').problem).toEqual({ kind: 'unresolved', message: 'needs ${input:api-key} (VS Code asks for it when the server starts; scan cannot)' });
    const remote = find(servers, 'vscode', 'remote');
    expect(remote.target).toEqual({ kind: 'http', url: 'https://mcp.example.com/mcp?token=query-secret-3' });
    expect(remote.secrets).toContain('query-secret-3');
    expect(find(servers, 'vscode', 'legacy').problem?.kind).toBe('unsupported');
    expect(find(servers, 'vscode', 'user').target).toMatchObject({ args: [join(places.home, 'server.js')] });

    // Claude Code: local scope (~/.claude.json under this project) beats .mcp.json; ${VAR:-default}; a missing ${VAR} is named.
    const db = servers.filter((s) => s.client === 'claude-code' && s.name === 'db');
    expect(db.map((s) => [s.scope, s.target && 'command' in s.target ? s.target.command : undefined, s.problem?.kind])).toEqual([
      ['local', 'local-db', undefined],
      ['project', 'project-db', 'overridden'],
    ]);
    expect(find(servers, 'claude-code', 'tools').problem).toEqual({ kind: 'unresolved', message: 'needs ${MISSING_TOKEN} (MISSING_TOKEN is not set)' });
    expect(find(servers, 'claude-code', 'everywhere').target).toEqual({ kind: 'http', url: 'https://everywhere.example.com/mcp' });
    expect(servers.some((s) => s.name === 'other')).toBe(false); // another project's local servers are not this project's

    // Windsurf: serverUrl, ${env:…} in headers, disabled entries and ${file:…} are not read.
    expect(find(servers, 'windsurf', 'remote').target).toEqual({ kind: 'http', url: 'https://ws.example.com/mcp', headers: { Authorization: 'Bearer windsurf-secret-2' } });
    expect(find(servers, 'windsurf', 'off').problem?.kind).toBe('disabled');
    expect(find(servers, 'windsurf', 'filed').problem?.message).toBe('needs ${file:/etc/secret} (scan does not read files named in a config)');
  });

  it('reports a malformed file in one line without quoting it, and reads the others', () => {
    const broken = put(join(places.home, '.cursor/mcp.json'), '{\n  "mcpServers": {\n    "a": { "env": { "KEY": "sk-live-do-not-print" } }\n    "b": {}\n  }\n}');
    put(join(places.home, '.codeium/windsurf/mcp_config.json'), { mcpServers: { ok: { command: 'x' }, bad: { command: 'x', args: 'not-a-list' }, empty: {} } });

    const { files, servers } = discoverServers(places);

    const cursor = files.find((f) => f.location.path === broken)!;
    expect(cursor.status).toBe('invalid');
    expect(cursor.problem).toMatch(/^not valid JSON \(line 4, column \d+\)$/);
    expect(JSON.stringify(files)).not.toContain('sk-live-do-not-print');
    expect(servers.map((s) => [s.name, s.problem?.message])).toEqual([
      ['ok', undefined],
      ['bad', 'malformed entry: args: Invalid input: expected array, received string'],
      ['empty', 'malformed entry: has neither a command nor a URL'],
    ]);
  });

  it('with --config reads only the files given, telling the client by the file name', () => {
    put(join(places.home, '.cursor/mcp.json'), { mcpServers: { ignored: { command: 'x' } } });
    const given = put(join(root, 'elsewhere/claude_desktop_config.json'), { mcpServers: { only: { command: 'y' } } });
    const plain = put(join(root, 'team-servers.json'), { mcpServers: { only: { command: 'z' } } });

    const { servers } = discoverServers(places, [given, plain]);

    // Two files of different clients may both have an "only": neither overrides the other.
    expect(servers.map((s) => [s.client, s.name, s.problem])).toEqual([
      ['claude-desktop', 'only', undefined],
      ['config', 'only', undefined],
    ]);
  });
});

describe('stripJsonComments', () => {
  it('drops comments and trailing commas but leaves strings alone', () => {
    const text = '{"a": "http://x//y", /* c */ "b": [1, 2,], // end\n "c": "a,}"}';
    expect(JSON.parse(stripJsonComments(text))).toEqual({ a: 'http://x//y', b: [1, 2], c: 'a,}' });
  });
});
