import { describe, expect, it } from 'vitest';
import { codePointLabel, findInvisible, INVISIBLE_CLASSES, mixedScriptWord, revealInvisible, stripInvisible } from './invisible.ts';
import { revealHidden } from './display.ts';
import { normaliseForMatching } from './normalize.ts';
import { printable } from './terminal.ts';

describe('one table: what matching strips is what detection flags, pages reveal and the terminal escapes', () => {
  for (const c of INVISIBLE_CLASSES) {
    it(c.name, () => {
      const ch = c.example;
      const label = codePointLabel(ch);
      const text = `de${ch}lete`;
      expect(stripInvisible(text)).toBe('delete');
      expect(normaliseForMatching(text)).toBe('delete');
      expect(findInvisible(text)).toEqual({ char: ch, index: 2, count: 1 });
      expect(revealHidden(text)).toBe(`de[${label}]lete`);
      expect(printable(text)).not.toContain(ch);
      expect(printable(text)).toMatch(/^de\\u(\{[0-9a-f]+\}|[0-9a-f]{4})lete$/);
    });
  }

  it('every character of every class, not only the example', () => {
    const every = /[\u00AD\u034F\u061C\u115F\u1160\u17B4\u17B5\u180B-\u180F\u200B-\u200F\u202A-\u202E\u2060-\u206F\u3164\uFE00-\uFE0F\uFEFF\uFFA0\u{E0000}-\u{E007F}]/u;
    for (let cp = 0; cp <= 0xe007f; cp = cp === 0xffff ? 0xe0000 : cp + 1) {
      const ch = String.fromCodePoint(cp);
      if (cp >= 0xd800 && cp <= 0xdfff) continue;
      const listed = every.test(ch);
      const text = `a${ch}b`;
      expect(stripInvisible(text) === 'ab', ch).toBe(listed);
      expect(findInvisible(text) !== undefined, ch).toBe(listed);
      expect(revealInvisible(text) !== text, ch).toBe(listed);
    }
  });
});

describe('the emoji exception', () => {
  const family = '\u{1F468}\u200D\u{1F469}\u200D\u{1F467}';
  const rainbowFlag = '\u{1F3F3}\uFE0F\u200D\u{1F308}';
  const darkSkinCook = '\u{1F9D1}\u{1F3FF}\u200D\u{1F373}';
  const warning = '\u26A0\uFE0F';
  const keycap = '1\uFE0F\u20E3';
  const emoji = `Team ${family} ${rainbowFlag} ${darkSkinCook} ${warning} ${keycap} \u2197\uFE0E`;

  it('leaves joiners and presentation selectors inside emoji unflagged and unrevealed, and strips them for matching', () => {
    expect(findInvisible(emoji)).toBeUndefined();
    expect(revealHidden(emoji)).toBe(emoji);
    expect(printable(emoji)).toBe(emoji);
    expect(stripInvisible(emoji)).not.toMatch(/[\u200D\uFE0E\uFE0F]/);
  });

  it('flags and reveals a joiner or selector anywhere else', () => {
    expect(revealHidden('pay\u200Dpal')).toBe('pay[U+200D]pal');
    expect(revealHidden('\u{1F468}\u200Dx')).toBe('\u{1F468}[U+200D]x');
    expect(revealHidden('x\u200D\u{1F468}')).toBe('x[U+200D]\u{1F468}');
    expect(revealHidden('del\uFE0Fete')).toBe('del[U+FE0F]ete');
    // A run of selectors after an emoji can carry hidden bytes: only the first belongs to the emoji.
    expect(revealHidden('\u26A0\uFE0F\uFE0F\uFE01')).toBe('\u26A0\uFE0F[U+FE0F][U+FE01]');
    expect(findInvisible('\u26A0\uFE0F\uFE0F\uFE01')).toEqual({ char: '\uFE0F', index: 2, count: 2 });
    // Only U+FE0F makes a keycap.
    expect(revealHidden('1\uFE0E\u20E3')).toBe('1[U+FE0E]\u20E3');
  });
});

describe('look-alikes', () => {
  it('finds a word mixing Latin with Cyrillic or Greek letters', () => {
    expect(mixedScriptWord('call g\u0435t_balance now')).toBe('g\u0435t');
    expect(mixedScriptWord('Привет, world')).toBeUndefined();
    expect(mixedScriptWord('plain ascii')).toBeUndefined();
  });
});
