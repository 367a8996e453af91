import { describe, expect, it } from 'vitest';
import { displayText, oneLine, revealHidden, summaryLine } from './display-text.ts';

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
