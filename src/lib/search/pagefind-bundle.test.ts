/**
 * Builds small bundles with the real Pagefind binary and reads back what a
 * browser would get (fragments are gzipped JSON behind a signature): hostile
 * text survives exactly, as text, whichever way records reach Pagefind, and
 * filter and meta values with commas and colons are not split.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { buildBundles, recordHtml, recordPath } from './pagefind-bundle.ts';
import type { SearchRecord } from './records.ts';

const scratch = mkdtempSync(join(tmpdir(), 'toolrisk-bundle-test-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const HOSTILE = '<img src=x onerror="alert(1)"> & </p><script>alert(2)</script> "quoted" \'single\' a, b: c';
const records: SearchRecord[] = [
  { url: '/tools/x/evil/', content: HOSTILE, language: 'en', meta: { title: 'evil_tool', server: 'Server, with: colon' }, filters: { server: ['x'], category: ['Destructive'], severity: ['critical'] } },
  { url: '/index-search/s/a.html', content: 'plain words here', language: 'en', meta: { title: 'Plain' }, filters: { source: ['awesome-lists (via mcp-discovery)', 'a:b,c'] } },
];

interface Fragment { url: string; content: string; meta: Record<string, string>; filters: Record<string, string[]> }

function fragments(dir: string): Fragment[] {
  return readdirSync(join(dir, 'fragment')).map((f) => {
    const raw = gunzipSync(readFileSync(join(dir, 'fragment', f)));
    expect(raw.subarray(0, 12).toString()).toBe('pagefind_dcd');
    return JSON.parse(raw.subarray(12).toString()) as Fragment;
  }).sort((a, b) => a.url.localeCompare(b.url));
}

describe('pagefind bundles from records', () => {
  it('maps record URLs to scratch paths and refuses anything else', () => {
    expect(recordPath('/tools/a/b/')).toBe('tools/a/b/index.html');
    expect(recordPath('/index-search/s/1z.html')).toBe('index-search/s/1z.html');
    expect(() => recordPath('/../etc/passwd')).toThrow();
    expect(() => recordPath('https://evil.example/')).toThrow();
    expect(() => recordPath('/a b/')).toThrow();
  });

  it('escapes every value in the scratch document', () => {
    const html = recordHtml(records[0]!);
    expect(html).not.toContain('<img');
    expect(html).not.toContain('<script>');
    expect(html).toContain('content="Server, with: colon"');
  });

  for (const transport of ['html', 'records'] as const) {
    it(`keeps hostile text exactly, as text (${transport})`, async () => {
      const out = join(scratch, transport);
      const [stats] = await buildBundles([{ name: `test-${transport}`, outputPath: out, records }], { transport, cache: false });
      expect(stats!.errors).toEqual([]);
      expect(stats!.records).toBe(2);
      const [index, tool] = fragments(out);
      expect(tool!.url).toBe('/tools/x/evil/');
      expect(tool!.content).toBe(HOSTILE);
      expect(tool!.meta.title).toBe('evil_tool');
      expect(tool!.meta.server).toBe('Server, with: colon');
      expect(tool!.filters).toEqual({ server: ['x'], category: ['Destructive'], severity: ['critical'] });
      expect(index!.url).toBe('/index-search/s/a.html');
      expect(index!.filters.source!.sort()).toEqual(['a:b,c', 'awesome-lists (via mcp-discovery)']);
      // Only what the search pages load is shipped.
      const files = readdirSync(out);
      expect(files).toContain('pagefind.js');
      expect(files.some((f) => f.endsWith('.pf_meta'))).toBe(true);
      expect(files.filter((f) => /ui|highlight|worker/.test(f))).toEqual([]);
    }, 60_000);
  }
});
