import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../config.ts';
import { readCatalogueTools, readValidatedCatalogue } from './read-catalogue.ts';

let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'toolrisk-read-catalogue-'));
  const r = spawnSync(process.execPath, ['scripts/ingest.ts', '--data', 'tests/fixtures/drift/v2', '--out', join(dir, 'cat'), '--no-cache'], { cwd: REPO_ROOT, encoding: 'utf8' });
  expect(r.status, r.stderr).toBe(0);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('readValidatedCatalogue', () => {
  it('reads every tool and server ingest wrote', () => {
    const { tools, servers } = readValidatedCatalogue(join(dir, 'cat'));
    expect(tools.length).toBe(readCatalogueTools(join(dir, 'cat')).length);
    expect(tools.length).toBeGreaterThan(0);
    expect(servers.length).toBe(readdirSync(join(dir, 'cat', 'tools')).length);
  });

  it('stops on an entry that breaks the schema, naming the file, the tool and the field', () => {
    const file = join(dir, 'cat', 'tools', readdirSync(join(dir, 'cat', 'tools'))[0]!);
    const tools = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>[];
    const id = tools[0]!.id as string;
    tools[0]!.severity = 'apocalyptic';
    writeFileSync(file, JSON.stringify(tools));
    expect(() => readValidatedCatalogue(join(dir, 'cat'))).toThrow(new RegExp(`${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}, tool 0 "${id}": .*severity`));
  });
});
