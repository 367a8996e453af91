/**
 * The checker must be able to fail: take a real ingest result of the
 * committed hostile set, break it the ways a regression would, and require
 * the checks to say so.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runIngest, type IngestResult } from '../../src/lib/ingest/run-ingest.ts';
import { checkCase, checkCounts, checkInvariants, checkNoUnexpectedIssues } from './check.ts';
import { generateHostileData, type HostileExpectation } from './generate.ts';

const root = mkdtempSync(join(tmpdir(), 'toolrisk-hostile-check-'));
let expected: HostileExpectation;
let pristine: IngestResult;

beforeAll(() => {
  expected = generateHostileData(join(root, 'data'), { large: false }).expected;
  pristine = runIngest(expected.dataDir);
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

const all = (r: IngestResult) => [
  ...expected.cases.flatMap((c) => checkCase(r, c)),
  ...checkCounts(r, expected),
  ...checkNoUnexpectedIssues(r, expected.cases),
  ...checkInvariants(r),
];
const mutate = (fn: (r: IngestResult) => void): IngestResult => {
  const r = structuredClone(pristine);
  fn(r);
  return r;
};
const tool = (r: IngestResult, source: string, name: string) => r.tools.find((t) => t.source === source && t.name === name)!;

describe('hostile checker', () => {
  it('passes the unmodified result', () => {
    expect(all(pristine)).toEqual([]);
  });

  const mutations: [string, (r: IngestResult) => void, RegExp][] = [
    ['a trimmed name', (r) => void (tool(r, 'manifests/odd-names', '  padded name  ').name = 'padded name'), /written names/],
    ['a dropped tool', (r) => void r.tools.splice(r.tools.indexOf(tool(r, 'manifests/poisoning', 'ping')), 1), /expected to be written once/],
    ['a stripped bidi character', (r) => void (tool(r, 'manifests/bidi-zero-width', 'rename_file').description = 'Renames a file to reporttxt.exe safely.'), /description differs/],
    ['a missing poisoning finding', (r) => void (tool(r, 'manifests/poisoning', 'summarise_doc').poisoning = []), /no hidden_instructions finding/],
    ['paraphrased evidence', (r) => void (tool(r, 'manifests/poisoning', 'sync_calendar').poisoning[0]!.text = 'Do not tell the user, said somebody'), /is not text of the description/],
    ['a finding on a clean tool', (r) => void tool(r, 'manifests/shadowed-mailer', 'send_email').poisoning.push({ id: 'x', label: 'x', where: 'description', text: 'x', patterns: [] }), /clean tool has poisoning/],
    ['a lost report issue', (r) => void (r.issues = r.report.issues = r.report.issues.filter((i) => !(i.file === 'manifests/duplicate-names/tools.json'))), /no report issue/],
    ['a vague reason', (r) => void (r.report.issues.find((i) => i.tool === 'no_schema')!.problem = 'tool 0: bad; skipped'), /does not name the problem/],
    ['a spurious warning', (r) => void r.report.issues.push({ level: 'warning', file: 'manifests/ref-loop/tools.json', problem: 'surprise' }), /unexpected warning/],
    ['unbalanced counts', (r) => void (r.report.counts.toolsReported += 1), /toolsReported|!=/],
    ['a case-insensitive slug clash', (r) => void (tool(r, 'manifests/slug-collisions', 'getUser').slug = 'get-user'), /not unique/],
    ['an over-long slug', (r) => void (tool(r, 'manifests/odd-names', 'files/read').slug = 'a'.repeat(91)), /max 90/],
    ['a non-ASCII slug', (r) => void (tool(r, 'manifests/odd-names', '\u{1F525}').slug = 'fire-\u{1F525}'), /does not match/],
    ['a missing server', (r) => void r.servers.splice(r.servers.findIndex((s) => s.source === 'manifests/server-json-absent'), 1), /expected one server/],
    ['a tool missing from the server policy', (r) => {
      const s = r.servers.find((x) => x.source === 'manifests/yaml-names')!;
      delete s.policy.tools['---'];
      s.policy.hide = (s.policy.hide ?? []).filter((n) => n !== '---');
    }, /server policy.json names/],
    ['a duplicate key in the Intercept YAML', (r) => {
      const s = r.servers.find((x) => x.source === 'manifests/collide_server')!;
      s.intercept += '  "ping":\n    rules: []\n';
    }, /does not parse|names/],
  ];

  for (const [what, fn, message] of mutations) {
    it(`catches ${what}`, () => {
      const problems = all(mutate(fn));
      expect(problems.length, what).toBeGreaterThan(0);
      expect(problems.join('\n')).toMatch(message);
    });
  }
});
