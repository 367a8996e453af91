/**
 * introspectServer against real MCP server processes: the published
 * @modelcontextprotocol/server-everything and the fixture servers in
 * tests/fixtures/mcp-servers/, each started with the project's Node.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PAGE_1, PAGE_2, createPagedToolsServer } from '../../../tests/fixtures/mcp-servers/paged-tools-server.ts';
import { serveOverHttp } from '../../../tests/fixtures/mcp-servers/http-fixture.ts';
import { IntrospectError } from './introspect-error.ts';
import { introspectServer } from './introspect-server.ts';
import { isRunning, type ServerTarget } from './mcp-session.ts';

const FIXTURES = fileURLToPath(new URL('../../../tests/fixtures/mcp-servers/', import.meta.url));

function fixture(file: string, ...args: string[]): ServerTarget {
  return { kind: 'stdio', command: process.execPath, args: [join(FIXTURES, file), ...args] };
}

async function failureOf(promise: Promise<unknown>): Promise<IntrospectError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(IntrospectError);
  return error as IntrospectError;
}

describe('introspectServer over stdio', () => {
  it('pages through tools/list and returns the tools exactly as served', async () => {
    const result = await introspectServer(fixture('paged-tools-server.ts'), { timeoutMs: 15_000 });

    expect(result.pages).toBe(2);
    // Deep equality with what the server sent: vendor fields (_meta) and
    // outputSchema survive, nothing is added or reordered.
    expect(result.tools).toEqual([...PAGE_1, ...PAGE_2]);
    expect(result.problems).toEqual([]);
    expect(result.serverInfo).toMatchObject({ name: 'fixture-files', version: '0.3.1', title: 'Fixture Files' });
    expect(result.protocolVersion).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(result.pid).toBeGreaterThan(0);
    expect(isRunning(result.pid!)).toBe(false);
  });

  it('works with the published @modelcontextprotocol/server-everything', async () => {
    const packageJson = createRequire(import.meta.url).resolve('@modelcontextprotocol/server-everything/package.json');
    const entry = join(dirname(packageJson), JSON.parse(readFileSync(packageJson, 'utf8')).bin['mcp-server-everything']);

    const result = await introspectServer({ kind: 'stdio', command: process.execPath, args: [entry, 'stdio'] }, { timeoutMs: 15_000 });

    expect(result.serverInfo.name).toBe('mcp-servers/everything');
    expect(result.tools.length).toBeGreaterThanOrEqual(5);
    expect(result.tools.map((tool) => (tool as { name: string }).name)).toContain('echo');
    expect(result.problems).toEqual([]);
    expect(isRunning(result.pid!)).toBe(false);
  });

  it('explains a server that crashes at start with its stderr', async () => {
    const error = await failureOf(introspectServer(fixture('crash-server.ts', '--at', 'start'), { timeoutMs: 15_000 }));
    expect(error.kind).toBe('exited');
    expect(error.message).toBe('server exited during initialize: Error: environment variable ACME_API_KEY is not set');
  });

  it('explains a server that exits in the middle of the session', async () => {
    const error = await failureOf(introspectServer(fixture('crash-server.ts', '--at', 'tools-list'), { timeoutMs: 15_000 }));
    expect(error.kind).toBe('exited');
    expect(error.message).toBe('server exited during tools/list (page 1): fatal: lost connection to the backend, exiting');
    expect(isRunning(error.pid!)).toBe(false);
  });

  it('times out on a server that never answers initialize, and kills it even though it ignores SIGTERM', async () => {
    const stderr: string[] = [];
    const started = Date.now();
    const error = await failureOf(introspectServer(fixture('hang-server.ts'), { timeoutMs: 2000, echoStderr: (chunk) => stderr.push(chunk) }));
    expect(error.kind).toBe('timeout');
    expect(error.message).toMatch(/^timed out after 2 s waiting for initialize/);
    // It was asked to stop, refused, and is gone anyway...
    expect(stderr.join('')).toContain('hang-server: ignoring SIGTERM');
    expect(error.pid).toBeGreaterThan(0);
    expect(isRunning(error.pid!)).toBe(false);
    // ...well before the SDK's own 2 s + 2 s SIGTERM/SIGKILL escalation would have ended it.
    expect(Date.now() - started).toBeLessThan(2000 + 3500);
  });

  it('times out on a tools/list that never returns', async () => {
    // Generous: the server must get through start-up and initialize first, on a busy CI machine too.
    const error = await failureOf(introspectServer(fixture('hang-server.ts', '--at', 'tools-list'), { timeoutMs: 4000 }));
    expect(error.kind).toBe('timeout');
    expect(error.message).toMatch(/^timed out after 4 s waiting for tools\/list \(page 1\)/);
    expect(isRunning(error.pid!)).toBe(false);
  });

  it('reports every invalid tool by index, name and problem', async () => {
    const result = await introspectServer(fixture('invalid-tools-server.ts'), { timeoutMs: 15_000 });
    const served = JSON.parse(readFileSync(join(FIXTURES, 'invalid-tools.json'), 'utf8'));
    expect(result.tools).toEqual(served.tools);
    expect(result.problems).toEqual([
      { index: 1, name: '(empty name)', problem: 'name: name is empty' },
      { index: 2, name: 'transfer', problem: expect.stringMatching(/^inputSchema: .*expected object/) },
      { index: 3, name: 'search', problem: 'inputSchema.type: inputSchema.type must be "object"' },
      { index: 4, name: 'count', problem: 'description: description must be a string' },
      { index: 5, name: 'get_balance', problem: 'duplicate name (first used by tool #0)' },
    ]);
  });

  it('says so when the command does not exist', async () => {
    const error = await failureOf(introspectServer({ kind: 'stdio', command: 'toolrisk-no-such-command', args: [] }, { timeoutMs: 5000 }));
    expect(error.kind).toBe('start');
    expect(error.message).toBe('could not start "toolrisk-no-such-command": command not found');
  });
});

describe('introspectServer over Streamable HTTP', () => {
  it('lists both pages and sends the configured headers', async () => {
    const http = await serveOverHttp(createPagedToolsServer);
    try {
      const result = await introspectServer(
        { kind: 'http', url: http.url, headers: { Authorization: 'Bearer test-token' } },
        { timeoutMs: 10_000 },
      );
      expect(result.pages).toBe(2);
      expect(result.tools).toEqual([...PAGE_1, ...PAGE_2]);
      expect(http.requestHeaders.some((headers) => headers.authorization === 'Bearer test-token')).toBe(true);
    } finally {
      await http.close();
    }
  });

  it('says so when nothing listens at the URL', async () => {
    const http = await serveOverHttp(createPagedToolsServer);
    const url = http.url;
    await http.close(); // a port that was just free: nothing listens there now
    const error = await failureOf(introspectServer({ kind: 'http', url: `${url}?token=secret` }, { timeoutMs: 5000 }));
    expect(error.kind).toBe('start');
    expect(error.message).toBe(`could not connect to ${url}: ECONNREFUSED`);
  });
});
