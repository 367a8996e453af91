import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_DATA_DIR } from '../config.ts';
import { loadOverrides } from './overrides.ts';
import { runIngest } from './run-ingest.ts';

function overridesDir(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'overrides-'));
  for (const [name, body] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), body);
  }
  return dir;
}

describe('editorial overrides', () => {
  it('pins category and severity and marks the tool as reviewed', () => {
    const dir = overridesDir({
      'binance/binance-futures-set-margin-type.md': `---\nserver: io.github.kydlikebtc/binance-mcp-server\ntool: binance_futures_set_margin_type\nseverity: high\nreviewer: jane\ndate: 2026-11-21\n---\nSwitching margin mode moves collateral between positions.\n`,
    });
    const { tools } = runIngest(DEFAULT_DATA_DIR, { overridesDir: dir, lean: true });
    const t = tools.find((x) => x.name === 'binance_futures_set_margin_type')!;
    expect(t.category).toBe('Write');
    expect(t.severity).toBe('high');
    expect(t.review).toMatchObject({ reviewer: 'jane', date: '2026-11-21', pinned: ['severity'] });
    expect(t.review!.note).toContain('collateral');
    // The policy follows the pinned severity.
    expect(t.policyKind).toBe('approval');
    const other = tools.find((x) => x.name === 'binance_spot_price')!;
    expect(other.review).toBeUndefined();
  });

  it('recomputes severity for a pinned category', () => {
    const dir = overridesDir({
      'x.md': `---\nserver: io.github.kydlikebtc/binance-mcp-server\ntool: binance_spot_price\ncategory: Destructive\n---\nPretend review.\n`,
    });
    const { tools } = runIngest(DEFAULT_DATA_DIR, { overridesDir: dir, lean: true });
    const t = tools.find((x) => x.name === 'binance_spot_price')!;
    expect(t.category).toBe('Destructive');
    // Recomputed from the signals: Destructive starts at high.
    expect(t.severity).toBe('high');
  });

  it('rejects a malformed override, naming the file', () => {
    const dir = overridesDir({ 'bad.md': `---\nserver: x\ntool: y\ncategory: Dangerous\n---\nnote\n` });
    expect(() => loadOverrides(dir)).toThrow(/bad\.md.*category/s);
    const empty = overridesDir({ 'empty.md': `---\nserver: x\ntool: y\n---\n` });
    expect(() => loadOverrides(empty)).toThrow(/empty\.md.*note/);
  });

  it('applies the committed overrides in catalogue/overrides', () => {
    const { tools } = runIngest(DEFAULT_DATA_DIR, { lean: true });
    const t = tools.find((x) => x.server === 'io.github.github/github-mcp-server' && x.name === 'delete_file')!;
    expect(t.category).toBe('Write');
    expect(t.review?.file).toBe('catalogue/overrides/github/delete-file.md');
  });
});
