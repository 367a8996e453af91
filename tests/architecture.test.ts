/**
 * Dependencies point one way: a module imports from its own unit and from
 * lower layers only (ARCHITECTURE.md). This reads every import and re-export
 * of every .ts file under src/ and scripts/ (unit tests included: a test that
 * needs a higher layer, such as a whole ingest of the shared data, is an
 * integration test and lives in tests/integration/), resolves relative
 * paths, and names each file that imports from a neighbour on its own layer
 * or from above.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../src/lib/config.ts';

interface Unit {
  name: string;
  layer: number;
  /** Folders (every file below) or single files, relative to the repository root. */
  paths: string[];
  /** When set, the only units this one may import from (the browser bundle must not pull in node code). */
  only?: string[];
  /** Units this one may import types from and nothing else. */
  typesFrom?: string[];
}

/** The layer table; ARCHITECTURE.md shows the same. Lower numbers are lower layers. */
export const UNITS: Unit[] = [
  { name: 'config', layer: 0, paths: ['src/lib/config.ts', 'src/lib/group.ts', 'src/lib/hash.ts', 'src/lib/slug.ts', 'src/lib/token-count.ts'] },
  { name: 'schemas', layer: 1, paths: ['src/schemas'] },
  { name: 'text', layer: 2, paths: ['src/lib/text'] },
  { name: 'registry', layer: 2, paths: ['src/lib/registry'] },
  { name: 'introspect', layer: 2, paths: ['src/lib/introspect'] },
  { name: 'rules', layer: 3, paths: ['src/lib/rules', 'src/lib/attack-patterns.ts'] },
  { name: 'classify', layer: 4, paths: ['src/lib/classify'] },
  { name: 'poisoning', layer: 4, paths: ['src/lib/poisoning'] },
  { name: 'policy', layer: 4, paths: ['src/lib/policy'] },
  { name: 'catalogue', layer: 5, paths: ['src/lib/ingest'] },
  { name: 'site', layer: 6, paths: ['src/lib/site'] },
  { name: 'search', layer: 6, paths: ['src/lib/search'] },
  { name: 'drift', layer: 6, paths: ['src/lib/drift'] },
  { name: 'scan', layer: 6, paths: ['src/lib/scan'] },
  { name: 'bench', layer: 7, paths: ['src/lib/bench'] },
  { name: 'pages', layer: 7, paths: ['src/content.config.ts', 'src/pages', 'src/components', 'src/layouts'] },
  { name: 'client', layer: 7, paths: ['src/client'], only: ['schemas', 'text', 'rules', 'policy'], typesFrom: ['site'] },
  { name: 'scripts', layer: 8, paths: ['scripts'] },
];

/** The unit a repository path belongs to; undefined outside src/ and scripts/ (tests/, node_modules). */
export function unitOf(path: string): Unit | undefined {
  // A unit test belongs to the unit of the file it tests (src/lib/slug.test.ts to slug.ts).
  if (path.endsWith('.test.ts')) return unitOf(path.replace(/\.test\.ts$/, '.ts'));
  let best: { unit: Unit; length: number } | undefined;
  for (const unit of UNITS) {
    for (const p of unit.paths) {
      if ((path === p || path.startsWith(`${p}/`)) && (!best || p.length > best.length)) best = { unit, length: p.length };
    }
  }
  return best?.unit;
}

const IMPORT = /(?:^|[\n;])\s*(import|export)\s+(type\s+)?(?:[^'";]*?\sfrom\s+)?['"]([^'"]+)['"]/g;

export interface ImportLine {
  file: string;
  specifier: string;
  /** Repository-relative path of the imported file. */
  target: string;
  typeOnly: boolean;
}

export function importsOf(file: string, text: string): ImportLine[] {
  const out: ImportLine[] = [];
  for (const m of text.matchAll(IMPORT)) {
    const specifier = m[3]!;
    if (!specifier.startsWith('.')) continue;
    out.push({ file, specifier, target: relative(REPO_ROOT, resolve(REPO_ROOT, dirname(file), specifier)), typeOnly: !!m[2] });
  }
  return out;
}

/** Why an import breaks the rule, or undefined when it keeps it. */
export function violation(line: ImportLine): string | undefined {
  if (line.file === 'src/lib/config.ts') return `${line.file} imports ${line.specifier}: config.ts imports only node builtins and zod`;
  const from = unitOf(line.file);
  const to = unitOf(line.target);
  if (!from || !to || from === to) return undefined;
  if (from.typesFrom?.includes(to.name) && line.typeOnly) return undefined;
  if (from.only) return from.only.includes(to.name) ? undefined : `${line.file} imports ${line.specifier}: ${from.name} may import only ${from.only.join(', ')}${from.typesFrom ? ` and types of ${from.typesFrom.join(', ')}` : ''}`;
  if (to.layer < from.layer) return undefined;
  const where = to.layer === from.layer ? `${to.name}, a neighbour on its own layer ${to.layer}` : `${to.name}, a higher layer (${to.layer} > ${from.layer})`;
  return `${line.file} (${from.name}, layer ${from.layer}) imports ${line.specifier} from ${where}`;
}

function tsFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(join(REPO_ROOT, dir))) {
    const rel = `${dir}/${entry}`;
    if (statSync(join(REPO_ROOT, rel)).isDirectory()) out.push(...tsFiles(rel));
    else if (entry.endsWith('.ts') && !entry.endsWith('.d.ts')) out.push(rel);
  }
  return out;
}

describe('import direction', () => {
  const files = [...tsFiles('src'), ...tsFiles('scripts')];

  it('places every file of src/ and scripts/ in a layer', () => {
    expect(files.filter((f) => !unitOf(f))).toEqual([]);
  });

  it('has no import from a higher layer or a neighbour', () => {
    const problems = files.flatMap((f) => importsOf(f, readFileSync(join(REPO_ROOT, f), 'utf8')).map(violation)).filter((p): p is string => p !== undefined);
    expect(problems).toEqual([]);
  });

  it('catches a wrong import', () => {
    const wrong = (file: string, code: string) => importsOf(file, code).map(violation).filter(Boolean);
    expect(wrong('src/lib/search/records.ts', "import { oneLine } from '../site/display-text.ts';")).toHaveLength(1);
    expect(wrong('src/lib/rules/x.ts', "export { x } from '../ingest/run-ingest.ts';")).toHaveLength(1);
    expect(wrong('src/lib/policy/x.ts', "import type { OperationParam } from '../classify/operations.ts';")).toHaveLength(1);
    expect(wrong('src/client/x.ts', "import { loadConfig } from '../lib/config.ts';")).toHaveLength(1);
    expect(wrong('src/client/x.ts', "import { buildRelatedIndex } from '../lib/site/related.ts';")).toHaveLength(1);
    expect(wrong('src/client/x.ts', "import type { BuilderTool } from '../lib/site/builder-data.ts';")).toHaveLength(0);
    expect(wrong('src/lib/config.ts', "import { x } from './slug.ts';")).toHaveLength(1);
    expect(wrong('src/lib/ingest/x.ts', "import {\n  a,\n  b,\n} from '../classify/classify.ts';")).toHaveLength(0);
    expect(wrong('scripts/x.ts', "import '../src/lib/ingest/run-ingest.ts';")).toHaveLength(0);
  });
});
