import { describe, expect, it } from 'vitest';
import { displayText, oneLine, revealHidden, summaryLine } from './display.ts';

describe('display text', () => {
  it('makes bidi overrides and zero-width characters visible', () => {
    expect(revealHidden('abc\u202Edef\u200B')).toBe('abc[U+202E]def[U+200B]');
    expect(revealHidden('tag\u{E0041}')).toBe('tag[U+E0041]');
  });
  it('keeps line breaks but cuts long text and reports it', () => {
    const d = displayText('a\nb'.repeat(10), 5);
    expect(d).toEqual({ text: 'a\nba\n', truncated: true, fullLength: 30 });
  });
  it('summarises with the first real line, skipping bare labels', () => {
    expect(summaryLine('Tool name:\nDelete an organization for good.')).toBe('Delete an organization for good.');
    expect(summaryLine('\n\n## \n【现货撤单】取消现货市场的指定委托订单\nmore')).toBe('【现货撤单】取消现货市场的指定委托订单');
    expect(oneLine('a   b\n c', 160)).toBe('a b c');
  });
});

describe('zero-width joiner', () => {
  it('keeps emoji sequences whole and reveals a joiner anywhere else', () => {
    const family = '\u{1F468}\u200D\u{1F469}\u200D\u{1F467}';
    const rainbowFlag = '\u{1F3F3}\uFE0F\u200D\u{1F308}';
    const darkSkinCook = '\u{1F9D1}\u{1F3FF}\u200D\u{1F373}';
    expect(revealHidden(`Team ${family} ${rainbowFlag} ${darkSkinCook}`)).toBe(`Team ${family} ${rainbowFlag} ${darkSkinCook}`);
    expect(revealHidden('pay\u200Dpal')).toBe('pay[U+200D]pal');
    expect(revealHidden('\u{1F468}\u200Dx')).toBe('\u{1F468}[U+200D]x');
    expect(revealHidden('x\u200D\u{1F468}')).toBe('x[U+200D]\u{1F468}');
    expect(revealHidden('\u200B\u200C\u200E\u200F')).toBe('[U+200B][U+200C][U+200E][U+200F]');
  });
});
