/**
 * `npm run introspect` end to end (a real Node process running the script,
 * real fixture servers) and its argument rules.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { serverJsonSchema } from '../../schemas/server-json.ts';
import { PAGE_1, PAGE_2, createPagedToolsServer } from '../../../tests/fixtures/mcp-servers/paged-tools-server.ts';
import { serveOverHttp } from '../../../tests/fixtures/mcp-servers/http-fixture.ts';
import { parseIntrospectArgs } from './introspect-cli.ts';
import { UsageError } from '../config.ts';

const SCRIPT = fileURLToPath(new URL('../../../scripts/introspect.ts', import.meta.url));
const FIXTURES = fileURLToPath(new URL('../../../tests/fixtures/mcp-servers/', import.meta.url));
const run = promisify(execFile);

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'introspect-cli-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function introspect(args: string[]) {
  try {
    const { stdout, stderr } = await run(process.execPath, [SCRIPT, ...args], { timeout: 18_000 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

const node = process.execPath;
const readJson = async (path: string) => JSON.parse(await readFile(path, 'utf8'));

describe('scripts/introspect.ts', () => {
  it('writes server.json and tools.json under <data>/manifests/<slug>, and refuses to overwrite without --force', async () => {
    const args = ['--data', dir, '--name', 'io.github.acme/files', '--', node, join(FIXTURES, 'paged-tools-server.ts')];

    const first = await introspect(args);

    const folder = join(dir, 'manifests', 'acme-files');
    expect(first.stderr).toBe('');
    expect(first.stdout.trim()).toBe(`introspect: io.github.acme/files: 5 tools (2 pages) → ${folder}`);
    expect(first.code).toBe(0);
    expect(await readJson(join(folder, 'tools.json'))).toEqual({ tools: [...PAGE_1, ...PAGE_2] });
    const serverJson = await readJson(join(folder, 'server.json'));
    expect(serverJsonSchema.safeParse(serverJson).success).toBe(true);
    expect(serverJson).toMatchObject({
      name: 'io.github.acme/files',
      title: 'Fixture Files',
      description: 'Workspace file tools for introspection tests.',
      version: '0.3.1',
      _meta: { catalogue: { serverInfo: { name: 'fixture-files', version: '0.3.1' }, toolCount: 5 } },
    });

    const again = await introspect(args);
    expect(again.code).toBe(1);
    expect(again.stderr.trim()).toBe(`introspect: ${folder} already holds a manifest; pass --force to replace it`);

    const forced = await introspect(['--force', '--description', 'Files, refreshed.', ...args]);
    expect(forced.code).toBe(0);
    expect((await readJson(join(folder, 'server.json'))).description).toBe('Files, refreshed.');
  });

  it('fails on invalid tools with one line per tool and writes nothing; --keep-invalid writes them as served', async () => {
    const out = join(dir, 'invalid');
    const server = [node, join(FIXTURES, 'invalid-tools-server.ts')];

    const strict = await introspect(['--out', out, ...server]);

    expect(strict.code).toBe(1);
    const lines = strict.stderr.trim().split('\n');
    expect(lines).toHaveLength(6);
    expect(lines[0]).toBe('introspect: warning: invalid tool #1 "(empty name)": name: name is empty');
    expect(lines[5]).toMatch(/^introspect: 5 of 7 tools are invalid \(first: tool #1 .*\); nothing written/);
    expect(existsSync(out)).toBe(false);

    const lenient = await introspect(['--keep-invalid', '--out', out, ...server]);

    expect(lenient.code).toBe(0);
    const served = JSON.parse(readFileSync(join(FIXTURES, 'invalid-tools.json'), 'utf8'));
    expect(await readJson(join(out, 'tools.json'))).toEqual(served);
    expect((await readJson(join(out, 'server.json'))).name).toBe('local/fixture-invalid');
  });

  it('gives a one-line error and exit 1 for a crashing server', async () => {
    const result = await introspect(['--out', join(dir, 'x'), node, join(FIXTURES, 'crash-server.ts'), '--at', 'start']);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('introspect: server exited during initialize: Error: environment variable ACME_API_KEY is not set\n');
    expect(existsSync(join(dir, 'x'))).toBe(false);
  });

  it('gives a one-line error and exit 1 for a hanging server, and the server is gone afterwards', async () => {
    const pidFile = join(dir, 'pid');
    const result = await introspect(['--timeout', '2', '--env', `FIXTURE_PID_FILE=${pidFile}`, '--out', join(dir, 'x'), node, join(FIXTURES, 'hang-server.ts')]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^introspect: timed out after 2 s waiting for initialize[^\n]*\n$/);
    const pid = Number(await readFile(pidFile, 'utf8'));
    expect(() => process.kill(pid, 0)).toThrow(/ESRCH/);
  });

  it('introspects a Streamable HTTP server with --url', async () => {
    const http = await serveOverHttp(createPagedToolsServer);
    try {
      const out = join(dir, 'remote');
      const result = await introspect(['--url', `${http.url}?key=secret`, '--header', 'X-Api-Key: k1', '--out', out]);

      expect(result.code).toBe(0);
      expect(await readJson(join(out, 'tools.json'))).toEqual({ tools: [...PAGE_1, ...PAGE_2] });
      const serverJson = await readJson(join(out, 'server.json'));
      // The query (where tokens tend to live) is not written down.
      expect(serverJson.remotes).toEqual([{ type: 'streamable-http', url: http.url }]);
      expect(serverJson._meta.catalogue.method).toMatch(/over Streamable HTTP/);
      expect(http.requestHeaders.some((headers) => headers['x-api-key'] === 'k1')).toBe(true);
    } finally {
      await http.close();
    }
  });
});

describe('parseIntrospectArgs', () => {
  const parse = (argv: string[], env: Record<string, string> = {}) => parseIntrospectArgs(argv, env, '/data/default');

  it('hands everything from the first non-option word to the server command, flags included', () => {
    const command = parse(['--timeout', '5', 'npx', '-y', '@acme/server', '--root', '/tmp', '--name', 'not-ours']);
    expect(command).toEqual({
      help: false,
      options: expect.objectContaining({
        target: { kind: 'stdio', command: 'npx', args: ['-y', '@acme/server', '--root', '/tmp', '--name', 'not-ours'], env: undefined, cwd: undefined },
        name: undefined,
        timeoutMs: 5000,
        manifestsDir: '/data/default/manifests',
        outDir: undefined,
      }),
    });
    expect(parse(['--', '--weird-command'])).toMatchObject({ options: { target: { command: '--weird-command', args: [] } } });
  });

  it('reads --env as NAME=value or NAME copied from the shell, and CATALOGUE_DATA for the data folder', () => {
    const command = parse(['--env', 'A=1', '--env=B', 'server'], { B: 'from-shell', CATALOGUE_DATA: '/data/env' });
    expect(command).toMatchObject({ options: { target: { env: { A: '1', B: 'from-shell' } }, manifestsDir: '/data/env/manifests' } });
    expect(() => parse(['--env', 'MISSING', 'server'])).toThrow(/MISSING is not set/);
  });

  it('rejects contradictory or malformed settings', () => {
    expect(() => parse([])).toThrow(UsageError);
    expect(() => parse(['--url', 'http://127.0.0.1:1/mcp', 'server'])).toThrow(/either --url or a command/);
    expect(() => parse(['--url', 'ftp://x'])).toThrow(/http\(s\) URL/);
    expect(() => parse(['--name', 'no-namespace', 'server'])).toThrow(/namespace\/name/);
    expect(() => parse(['--header', 'NoColon', '--url', 'http://127.0.0.1:1/'])).toThrow(/Name: value/);
    expect(() => parse(['--timeout', '0', 'server'])).toThrow(/positive number/);
    expect(() => parse(['--frobnicate', 'server'])).toThrow(/unknown option --frobnicate/);
  });
});
