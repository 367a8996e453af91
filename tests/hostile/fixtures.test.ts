/**
 * The committed fixture folder and the README table are what the generator
 * produces, byte for byte; large cases are never committed.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FIXTURE_DIR, README_FILE, buildHostileCases, generateHostileData, listCases, readmeWithTable } from './generate.ts';

const root = mkdtempSync(join(tmpdir(), 'toolrisk-hostile-fixtures-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function listFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of readdirSync(d).sort()) {
      const p = join(d, e);
      if (statSync(p).isDirectory()) walk(p);
      else out.push(relative(dir, p));
    }
  };
  walk(dir);
  return out;
}

describe('hostile fixture folder', () => {
  it('is exactly what `npx node tests/hostile/generate.ts` writes (run it after changing a case)', () => {
    const fresh = join(root, 'fresh');
    generateHostileData(fresh, { large: false });
    const committed = listFiles(FIXTURE_DIR);
    const generated = listFiles(fresh);
    expect(committed).toEqual(generated);
    for (const f of generated) {
      expect(readFileSync(join(FIXTURE_DIR, f)).equals(readFileSync(join(fresh, f))), f).toBe(true);
    }
  });

  it('commits no large or known-bug case', () => {
    const committed = listFiles(FIXTURE_DIR);
    for (const f of committed) expect(statSync(join(FIXTURE_DIR, f)).size, f).toBeLessThan(16 * 1024);
    for (const c of listCases().filter((x) => x.generated || x.knownBug)) {
      expect(committed.some((f) => f.startsWith(`manifests/${c.id}/`)), c.id).toBe(false);
    }
  });

  it('has the README case table up to date', () => {
    const readme = readFileSync(README_FILE, 'utf8');
    expect(readme).toBe(readmeWithTable(readme));
    for (const c of listCases()) expect(readme, c.id).toContain(`| \`${c.id}\` |`);
  });

  it('has unique case ids, at least one written tool per server case, and one source per server', () => {
    const ids = listCases().map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    const { cases } = buildHostileCases({ large: false, knownBugs: true });
    for (const c of cases) {
      if (c.server.written && c.tools.length) expect(c.tools.some((t) => t.outcome === 'written'), c.id).toBe(true);
    }
    const sources = cases.filter((c) => c.source !== null).map((c) => c.source);
    expect(new Set(sources).size).toBe(sources.length);
  });

  it('refuses to generate into a folder that already has manifests', () => {
    expect(() => generateHostileData(FIXTURE_DIR)).toThrow(/already has a manifests folder/);
  });
});
