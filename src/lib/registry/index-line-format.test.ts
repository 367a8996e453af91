import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { compareCodePoints, formatIndexLine, sameJson } from './index-line-format.ts';

const existingIndex = readFileSync(new URL('../../../tests/fixtures/registry/existing-index.jsonl', import.meta.url), 'utf8');

describe('formatIndexLine', () => {
  it('reproduces lines written by Python json.dumps(ensure_ascii=False) exactly', () => {
    const lines = existingIndex.split('\n').filter(Boolean);
    expect(lines.length).toBeGreaterThan(2);
    for (const line of lines) expect(formatIndexLine(JSON.parse(line))).toBe(line);
  });

  it('uses Python separators, keeps non-ASCII, escapes control characters, drops undefined', () => {
    expect(formatIndexLine({ a: [1, true, null], b: {}, c: [], d: 'é "q" \\ \n\t\u0001 😀', e: undefined })).toBe(
      '{"a": [1, true, null], "b": {}, "c": [], "d": "é \\"q\\" \\\\ \\n\\t\\u0001 😀"}',
    );
  });
});

describe('compareCodePoints', () => {
  it('orders by code point, so a character beyond U+FFFF sorts after U+FFxx (unlike UTF-16 order)', () => {
    const astral = 'a😀';
    const highBmp = 'a\uff5e';
    expect(astral < highBmp).toBe(true); // what plain JS comparison says
    expect(compareCodePoints(astral, highBmp)).toBeGreaterThan(0); // what Python's sorted() says
    expect(['b', 'a/b', 'a', 'a/a'].sort(compareCodePoints)).toEqual(['a', 'a/a', 'a/b', 'b']);
    expect(compareCodePoints('same', 'same')).toBe(0);
  });
});

describe('sameJson', () => {
  it('ignores key order but not values, array order or extra keys', () => {
    expect(sameJson({ a: 1, b: { c: [1, 2] } }, { b: { c: [1, 2] }, a: 1 })).toBe(true);
    expect(sameJson({ a: 1 }, { a: 2 })).toBe(false);
    expect(sameJson({ a: [1, 2] }, { a: [2, 1] })).toBe(false);
    expect(sameJson({ a: 1 }, { a: 1, b: 2 })).toBe(false);
    expect(sameJson({ a: 1, b: undefined }, { a: 1 })).toBe(true);
    expect(sameJson([], {})).toBe(false);
  });
});
