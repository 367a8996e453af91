/**
 * Hostile inputs that each once aborted or corrupted a whole ingest run (a
 * tool named "__proto__", lone surrogates, nesting past the stack). Each case
 * runs in its own folder, so if one comes back it fails alone and by name
 * instead of hiding the others behind one crash; the case's `knownBug` text in
 * generate.ts and tests/hostile/README.md say which code it exercises.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runIngest, type IngestResult } from '../../src/lib/ingest/run-ingest.ts';
import { checkCase, checkCounts, checkInvariants, checkNoUnexpectedIssues } from './check.ts';
import { generateHostileData, listCases, type HostileExpectation } from './generate.ts';

const root = mkdtempSync(join(tmpdir(), 'toolrisk-hostile-bugs-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function ingestCase(id: string): { expected: HostileExpectation; run: () => IngestResult } {
  const { expected } = generateHostileData(mkdtempSync(join(root, `${id}-`)), { only: [id] });
  return { expected, run: () => runIngest(expected.dataDir) };
}

/** Everything the main suite checks, for one case. */
function allProblems(expected: HostileExpectation, r: IngestResult): string[] {
  return [
    ...checkCase(r, expected.cases[0]!),
    ...checkCounts(r, expected),
    ...checkNoUnexpectedIssues(r, expected.cases),
    ...checkInvariants(r),
  ];
}

describe('regressions: hostile inputs that used to break ingest', () => {
  it('lists every known-bug case here', () => {
    expect(listCases().filter((c) => c.knownBug).map((c) => c.id).sort()).toEqual(
      ['kb-deep-nesting', 'kb-fffd-and-invalid-utf8', 'kb-lone-surrogates', 'kb-proto-param', 'kb-proto-tool', 'kb-tostring-tool'].sort(),
    );
  });

  it('kb-tostring-tool: a tool named "toString" (or any Object.prototype key) that gets a hide variant does not abort the run', () => {
    const { expected, run } = ingestCase('kb-tostring-tool');
    let r: IngestResult | undefined;
    expect(() => (r = run())).not.toThrow();
    expect(allProblems(expected, r!)).toEqual([]);
  });

  it('kb-proto-tool: a tool named "__proto__" does not abort the run and is named in the server policy', () => {
    const { expected, run } = ingestCase('kb-proto-tool');
    let r: IngestResult | undefined;
    expect(() => (r = run())).not.toThrow();
    const server = r!.servers[0]!;
    expect(Object.hasOwn(server.policy.tools, '__proto__') || (server.policy.hide ?? []).includes('__proto__')).toBe(true);
    expect(allProblems(expected, r!)).toEqual([]);
  });

  it('kb-proto-param: a parameter named "__proto__" is listed and kept in the stored definition', () => {
    const { expected, run } = ingestCase('kb-proto-param');
    const r = run();
    const tool = r.tools.find((t) => t.name === 'proto_param')!;
    expect(tool.params.map((p) => p.name)).toEqual(['__proto__', 'key']);
    expect(tool.definition).toContain('"__proto__"');
    expect(allProblems(expected, r)).toEqual([]);
  });

  it('kb-lone-surrogates: names equal after lone-surrogate replacement are not both written under one slug', () => {
    const { expected, run } = ingestCase('kb-lone-surrogates');
    const r = run();
    // Either fix is fine (report the second as a duplicate, or keep both under
    // distinct names), so only the invariants are required: unique slugs, one
    // policy entry per tool, Intercept YAML that parses, balanced counts.
    expect(checkInvariants(r)).toEqual([]);
    expect(r.report.counts.toolsRead).toBe(r.report.counts.toolsWritten + r.report.counts.toolsReported);
    expect(r.tools.filter((t) => t.name === 'ping')).toHaveLength(1);
    expect(expected.cases[0]!.toolsRead).toBe(r.report.counts.toolsRead);
  });

  it('kb-lone-surrogates: replacing lone surrogates in a name is reported', () => {
    const { run } = ingestCase('kb-lone-surrogates');
    const r = run();
    const file = 'manifests/kb-lone-surrogates/tools.json';
    expect(r.report.issues.filter((i) => i.file === file && /surrogate|U\+FFFD/i.test(i.problem) && !/duplicate/i.test(i.problem))).not.toEqual([]);
  });

  it('kb-fffd-and-invalid-utf8: invalid UTF-8 is reported even when the file also holds a real U+FFFD', () => {
    const { expected, run } = ingestCase('kb-fffd-and-invalid-utf8');
    const r = run();
    expect(r.report.issues.filter((i) => /invalid UTF-8/i.test(i.problem))).toHaveLength(1);
    expect(allProblems(expected, r)).toEqual([]);
  });

  it('kb-deep-nesting: a schema nested 10,000 levels deep does not abort the run', () => {
    const { expected, run } = ingestCase('kb-deep-nesting');
    let r: IngestResult | undefined;
    expect(() => (r = run())).not.toThrow();
    // Writing the tool or reporting it are both fine; losing the run is not.
    const c = expected.cases[0]!;
    const deep = r!.tools.some((t) => t.name === 'deep_schema') || r!.report.issues.some((i) => i.tool === 'deep_schema' && i.file === c.file);
    expect(deep).toBe(true);
    expect(r!.tools.some((t) => t.name === 'ping')).toBe(true);
    expect(r!.report.counts.toolsRead).toBe(r!.report.counts.toolsWritten + r!.report.counts.toolsReported);
  });
});
