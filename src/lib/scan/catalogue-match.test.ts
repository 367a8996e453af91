/**
 * Recognising a configured server in the catalogue: the package a command
 * runs, the remote URL, or the registry name, against a small catalogue
 * written in the layout ingest writes (servers.json + tools/<slug>.json).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openCatalogue, packagesRun } from './catalogue-match.ts';

const stdio = (command: string, ...args: string[]) => ({ kind: 'stdio' as const, command, args });

describe('packagesRun', () => {
  it.each([
    [stdio('npx', '-y', '@modelcontextprotocol/server-filesystem@2025.1.0', '/tmp'), '@modelcontextprotocol/server-filesystem'],
    [stdio('/usr/local/bin/npx', '--yes', '--package', 'mcp-remote@latest', 'mcp-remote', 'https://x'), 'mcp-remote'],
    [stdio('pnpm', 'dlx', 'some-mcp'), 'some-mcp'],
    [stdio('uvx', '--python', '3.12', 'mcp-server-git==0.6.2', '--repository', '.'), 'mcp-server-git'],
    [stdio('uvx', '--from', 'awslabs.cdk-mcp-server@latest', 'awslabs.cdk-mcp-server'), 'awslabs.cdk-mcp-server'],
    [stdio('docker', 'run', '-i', '--rm', '-e', 'GITHUB_TOKEN', 'ghcr.io/github/github-mcp-server:v1'), 'ghcr.io/github/github-mcp-server'],
    [stdio('node', '/home/me/app/node_modules/@modelcontextprotocol/server-everything/dist/index.js', 'stdio'), '@modelcontextprotocol/server-everything'],
  ])('%j runs %s', (target, expected) => {
    expect(packagesRun(target)[0]).toBe(expected);
  });

  it('finds nothing in a plain local command', () => {
    expect(packagesRun(stdio('node', 'server.js'))).toEqual([]);
  });
});

describe('openCatalogue', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'scan-catalogue-'));
    const server = (name: string, slug: string, toolCount: number, extra: object) => ({ name, slug, toolCount, packages: [], remotes: [], ...extra });
    writeFileSync(
      join(dir, 'servers.json'),
      JSON.stringify([
        server('io.github.fork/files', 'fork-files', 2, { packages: [{ registryType: 'npm', identifier: '@acme/files-mcp' }] }),
        server('io.github.acme/files', 'acme-files', 9, { packages: [{ registryType: 'npm', identifier: '@acme/files-mcp' }] }),
        server('io.github.acme/remote', 'acme-remote', 1, { remotes: [{ type: 'streamable-http', url: 'https://mcp.acme.test/mcp/' }] }),
        server('io.github.acme/docker', 'acme-docker', 1, { packages: [{ registryType: 'oci', identifier: 'docker.io/acme/mcp' }] }),
      ]),
    );
    mkdirSync(join(dir, 'tools'));
    writeFileSync(join(dir, 'tools', 'acme-files.json'), JSON.stringify([{ name: 'read_file', definitionHash: 'a'.repeat(64) }]));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('is undefined where no catalogue was built', () => {
    expect(openCatalogue(join(dir, 'nothing-here'))).toBeUndefined();
  });

  it('matches by package (the server with most tools), by URL without its query, by image and by name', () => {
    const catalogue = openCatalogue(dir)!;
    expect(catalogue.servers).toBe(4);

    const files = catalogue.match(stdio('npx', '-y', '@acme/files-mcp'), ['files'])!;
    expect([files.server.name, files.matchedBy, files.key]).toEqual(['io.github.acme/files', 'package', '@acme/files-mcp']);
    expect([...catalogue.tools(files.server).keys()]).toEqual(['read_file']);

    const remote = catalogue.match({ kind: 'http', url: 'https://mcp.acme.test/mcp?api_key=secret' }, [])!;
    expect([remote.server.name, remote.matchedBy, remote.key]).toEqual(['io.github.acme/remote', 'remote', 'https://mcp.acme.test/mcp']);

    expect(catalogue.match(stdio('docker', 'run', '-i', '--rm', 'acme/mcp:latest'), [])!.server.name).toBe('io.github.acme/docker');
    expect(catalogue.match(stdio('./run.sh'), ['IO.GITHUB.ACME/REMOTE'])!.matchedBy).toBe('name');
    expect(catalogue.match(stdio('./run.sh'), ['files'])).toBeUndefined();
    expect(catalogue.tools(remote.server).size).toBe(0);
  });
});
