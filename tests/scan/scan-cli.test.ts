/**
 * `npm run scan` end to end: a real Node process running scripts/scan.ts
 * against a fake home and project whose Cursor config starts real servers
 * (the published @modelcontextprotocol/server-everything and our fixtures:
 * a poisoned one, a crashing one, a hanging one, one that needs a secret
 * token), with a small catalogue written in ingest's layout.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { randomBytes, createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { parse as parseYaml } from 'yaml';
import { canonicalJson, sha256Hex } from '../../src/lib/hash.ts';
import { interceptPolicySchema, policyJsonSchema } from '../../src/schemas/policy.ts';
import { CATEGORIES } from '../../src/schemas/rules.ts';
import { scanReportSchema, type ScanReport } from '../../src/schemas/scan-report.ts';
import { POISONED_TOOLS } from '../fixtures/mcp-servers/poisoned-server.ts';

const SCRIPT = fileURLToPath(new URL('../../scripts/scan.ts', import.meta.url));
const FIXTURES = fileURLToPath(new URL('../fixtures/mcp-servers/', import.meta.url));
const node = process.execPath;
const packageJson = createRequire(import.meta.url).resolve('@modelcontextprotocol/server-everything/package.json');
const EVERYTHING = join(dirname(packageJson), JSON.parse(readFileSync(packageJson, 'utf8')).bin['mcp-server-everything']);
const run = promisify(execFile);

let root: string;
let home: string;
let project: string;
let catalogue: string;
const token = `sk-test-${randomBytes(12).toString('hex')}`;
const wrongToken = `sk-test-${randomBytes(12).toString('hex')}`;
const tokenSha = createHash('sha256').update(token).digest('hex');

async function scan(args: string[]) {
  const env = { ...process.env, HOME: home };
  delete env.XDG_CONFIG_HOME;
  try {
    const { stdout, stderr } = await run(node, [SCRIPT, '--home', home, '--project', project, '--catalogue', catalogue, ...args], { timeout: 50_000, env, cwd: root });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

function writeJson(path: string, value: unknown): string {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, JSON.stringify(value, null, 2));
  return path;
}

const fixture = (file: string, ...args: string[]) => ({ command: node, args: [join(FIXTURES, file), ...args] });

let main: { code: number; stdout: string; stderr: string };
let report: ScanReport;
const out = () => join(root, 'out');

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'scan-cli-'));
  home = join(root, 'home');
  project = join(root, 'project');
  catalogue = join(root, 'catalogue');
  // The project's Cursor config; the global one is broken, and must not stop the scan.
  writeJson(join(project, '.cursor', 'mcp.json'), {
    mcpServers: {
      everything: { command: node, args: [EVERYTHING, 'stdio'] },
      'io.github.example/notes': fixture('poisoned-server.ts'),
      crash: fixture('crash-server.ts', '--at', 'start'),
      hang: fixture('hang-server.ts'),
      billing: { ...fixture('secret-env-server.ts', '--expect-sha256', tokenSha), env: { FAKE_TOKEN: token } },
      'billing-wrong': { ...fixture('secret-env-server.ts', '--expect-sha256', tokenSha), env: { FAKE_TOKEN: wrongToken } },
    },
  });
  mkdirSync(join(home, '.cursor'), { recursive: true });
  writeFileSync(join(home, '.cursor', 'mcp.json'), '{ "mcpServers": { ');
  // A catalogue that knows server-everything by package and the notes server by name, with its echo as served.
  writeJson(join(catalogue, 'servers.json'), [
    { name: 'io.github.modelcontextprotocol/servers/src/everything', slug: 'everything', toolCount: 1, packages: [{ registryType: 'npm', identifier: '@modelcontextprotocol/server-everything' }], remotes: [] },
    { name: 'io.github.example/notes', slug: 'example-notes', toolCount: 2, packages: [], remotes: [] },
  ]);
  writeJson(join(catalogue, 'tools', 'everything.json'), [{ name: 'printEnv', url: '/tools/everything/print-env/', category: 'Read', severity: 'high', definitionHash: 'b'.repeat(64) }]);
  writeJson(join(catalogue, 'tools', 'example-notes.json'), [
    { name: 'echo', url: '/tools/example-notes/echo/', category: 'Read', severity: 'low', definitionHash: sha256Hex(canonicalJson(POISONED_TOOLS[1])) },
    { name: 'add_note', url: '/tools/example-notes/add-note/', category: 'Write', severity: 'medium', definitionHash: 'c'.repeat(64) },
  ]);

  // Long enough for server-everything to start and list its tools on a loaded
  // 2-core CI machine (2 s was not, once); the hanging server still times out.
  main = await scan(['--timeout', '10', '--out', out()]);
  report = scanReportSchema.parse(JSON.parse(readFileSync(join(out(), 'scan-report.json'), 'utf8')));
}, 60_000);

afterAll(() => rmSync(root, { recursive: true, force: true }));

const server = (name: string) => report.servers.find((s) => s.name === name)!;
const tool = (serverName: string, name: string) => server(serverName).tools.find((t) => t.name === name)!;

describe('npm run scan', () => {
  it('prints one status line per server and exits 0 without --fail-on, whatever it found', () => {
    expect(main.code).toBe(0);
    const lines = main.stdout.split('\n');
    const line = (name: string) => lines.find((l) => l.includes(`cursor/${name} `)) ?? '';
    expect(line('everything')).toMatch(/^ {2}ok +cursor\/everything +\d+ tools, catalogue: io\.github\.modelcontextprotocol\/servers\/src\/everything \(by package @modelcontextprotocol\/server-everything\)/);
    expect(line('io.github.example/notes')).toMatch(/^ {2}ok +cursor\/io\.github\.example\/notes +2 tools, catalogue: io\.github\.example\/notes \(by name/);
    expect(line('crash')).toMatch(/^ {2}failed +cursor\/crash +exited: server exited during initialize: Error: environment variable ACME_API_KEY is not set$/);
    expect(line('hang')).toMatch(/^ {2}failed +cursor\/hang +timeout: timed out after 10 s waiting for initialize/);
    expect(line('billing')).toMatch(/^ {2}ok +cursor\/billing +1 tool, not in the catalogue, [\d.]+ s; env: FAKE_TOKEN$/);
    expect(line('billing-wrong')).toMatch(/^ {2}failed +cursor\/billing-wrong +protocol: tools\/list \(page 1\) failed: .*bad FAKE_TOKEN "\[redacted\]"; env: FAKE_TOKEN$/);
    // The broken global config is one line naming the file, and the project's servers were scanned anyway.
    expect(main.stderr).toContain(`scan: ${join(home, '.cursor', 'mcp.json')} (Cursor): not valid JSON`);
    expect(report.configs.map((c) => c.status)).toEqual(['read', 'invalid']);
    expect(report.summary).toMatchObject({ servers: 6, scanned: 3, failed: 3, skipped: 0 });
  });

  it('classifies every server-everything tool with the catalogue rules and compares with the catalogue', () => {
    const everything = server('everything');
    expect(everything.tools.length).toBeGreaterThanOrEqual(10);
    for (const t of everything.tools) {
      expect(CATEGORIES).toContain(t.category);
      expect(t.rationale.length).toBeGreaterThan(20);
      expect(t.catalogue?.status).toBe('not-catalogued');
    }
    expect(tool('everything', 'echo')).toMatchObject({ category: 'Read', severity: 'low', action: 'allow' });
    expect(everything.catalogue?.missingTools).toEqual(['printEnv']);
    // Same definition as catalogued, and a changed one.
    expect(tool('io.github.example/notes', 'echo').catalogue?.status).toBe('same');
    expect(tool('io.github.example/notes', 'add_note').catalogue).toMatchObject({ status: 'changed', definitionHash: 'c'.repeat(64) });
  });

  it('flags the poisoned tool and recommends hiding it', () => {
    const addNote = tool('io.github.example/notes', 'add_note');
    expect(addNote.action).toBe('hide');
    expect(addNote.poisoning.map((p) => p.id)).toEqual(expect.arrayContaining(['hidden_instructions', 'sensitive_file_request', 'tool_shadowing']));
    expect(main.stdout).toMatch(/cursor\/io\.github\.example\/notes +add_note +\w+ +\w+ +hide +changed +hidden_instructions/);
  });

  it('flags tools that shadow another configured server, by name and by description', () => {
    const everythingId = server('everything').id;
    const notesId = server('io.github.example/notes').id;
    expect(report.findings).toContainEqual(expect.objectContaining({ kind: 'same-name', client: 'cursor', tool: 'echo', servers: [everythingId, notesId] }));
    expect(report.findings).toContainEqual(expect.objectContaining({ kind: 'names-other-tool', tool: 'add_note', servers: [notesId], detail: expect.stringContaining('get-structured-content') }));
    expect(main.stdout).toMatch(/same name: .*both list "echo"/);
  });

  it('writes a valid combined policy.json holding every scanned tool, and a valid Intercept YAML per server', () => {
    const policy = policyJsonSchema.parse(JSON.parse(readFileSync(join(out(), 'policy.json'), 'utf8')));
    expect(policy.hide).toContain('add_note');
    const named = new Set([...Object.keys(policy.tools), ...(policy.hide ?? [])]);
    for (const s of report.servers) for (const t of s.tools) expect(named.has(t.name), t.name).toBe(true);
    expect(report.policy.clashes).toEqual([{ tool: 'echo', servers: ['cursor/everything', 'cursor/io.github.example/notes'], kept: 'allow' }]);

    const files = readdirSync(join(out(), 'intercept')).sort();
    expect(files).toEqual(report.policy.intercepts.map((i) => i.file.replace('intercept/', '')).sort());
    expect(files).toHaveLength(3);
    for (const file of files) expect(interceptPolicySchema.safeParse(parseYaml(readFileSync(join(out(), 'intercept', file), 'utf8'))).success, file).toBe(true);
  });

  it('writes an HTML report that loads nothing and shows tool text as text', () => {
    const html = readFileSync(join(out(), 'report.html'), 'utf8');
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<link/i);
    expect(html).not.toMatch(/(src|href|action)\s*=\s*["']?\s*(https?:)?\/\//i);
    expect(html).toContain("default-src 'none'");
    expect(html).not.toContain('<IMPORTANT>');
    expect(html).toContain('&#60;IMPORTANT&#62;');
  });

  it('never prints or writes the token from the config, even where a server echoes it', () => {
    const outputs = [main.stdout, main.stderr, ...readdirSync(out(), { recursive: true, withFileTypes: true }).filter((d) => d.isFile()).map((d) => readFileSync(join(d.parentPath, d.name), 'utf8'))];
    expect(outputs.length).toBeGreaterThanOrEqual(7);
    for (const text of outputs) {
      expect(text).not.toContain(token);
      expect(text).not.toContain(wrongToken);
    }
    // The server did get it (it listed its tool) and put it in a description, which is redacted.
    expect(tool('billing', 'list_invoices').description).toBe('Lists the invoices of the account (authenticated as [redacted]).');
  });
});

describe('npm run scan exit codes', () => {
  it('exits 1 when --fail-on poisoning is hit, 0 when a severity threshold is not', async () => {
    const config = writeJson(join(root, 'notes-only.json'), { mcpServers: { notes: fixture('poisoned-server.ts') } });
    const poisoning = await scan(['--config', config, '--fail-on', 'poisoning', '--out', join(root, 'out-poisoning')]);
    expect(poisoning.code).toBe(1);
    expect(poisoning.stdout).toMatch(/--fail-on poisoning: 1 tool hit the threshold \(config-notes\/add_note\)/);
    const critical = await scan(['--config', config, '--fail-on', 'critical', '--out', join(root, 'out-critical')]);
    expect(critical.stdout).toContain('--fail-on critical: no tool hit the threshold');
    expect(critical.code).toBe(0);
  });

  it('exits 2 with the usage line on an unknown flag', async () => {
    const result = await scan(['--no-such-flag']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("Unknown option '--no-such-flag'");
    expect(result.stderr).toContain('Usage: npm run scan --');
  });

  it('exits 3 when no config is found, or when no server could be scanned', async () => {
    const none = await scan(['--config', join(root, 'missing.json')]);
    expect(none.code).toBe(3);
    expect(none.stderr).toContain('file not found');
    const config = writeJson(join(root, 'crash-only.json'), { mcpServers: { crash: fixture('crash-server.ts', '--at', 'start') } });
    const failed = await scan(['--config', config, '--fail-on', 'low', '--out', join(root, 'out-crash')]);
    expect(failed.code).toBe(3);
    expect(failed.stdout).toMatch(/failed +config\/crash +exited/);
  });
});
