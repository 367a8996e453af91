import { describe, expect, it } from 'vitest';
import { baseForms, splitIdentifier, splitIdentifierAscii, splitIdentifierUnicode, splitWords, splitWordsRegex } from '../../src/lib/text/words.ts';
import { prng } from '../../src/lib/bench/generate-manifests.ts';

// The fast paths must give exactly what the regular expressions define.
const ALPHABET = 'aAbBzZ09_-. /:\'s';
function randomText(rnd: () => number, length: number, alphabet = ALPHABET): string {
  let s = '';
  for (let i = 0; i < length; i++) s += alphabet[Math.floor(rnd() * alphabet.length)];
  return s;
}

describe('splitIdentifier', () => {
  it.each([
    ['binance_spot_cancel_order', ['binance', 'spot', 'cancel', 'order']],
    ['BinanceFuturesNewOrder', ['binance', 'futures', 'new', 'order']],
    ['getHTTPStatus', ['get', 'http', 'status']],
    ['get24hrTicker', ['get', '24hr', 'ticker']],
    ['get-file.contents', ['get', 'file', 'contents']],
    ['ABc', ['a', 'bc']],
    ['ABC1x', ['abc', '1x']],
    ['撤单_cancel', ['撤单', 'cancel']],
  ])('%s', (name, words) => {
    expect(splitIdentifier(name).map((t) => t.word)).toEqual(words);
  });

  it('gives the same tokens on the ASCII fast path as the Unicode definition', () => {
    const rnd = prng(7);
    for (let n = 0; n < 5000; n++) {
      const name = randomText(rnd, 1 + Math.floor(rnd() * 24));
      expect(splitIdentifierAscii(name), name).toEqual(splitIdentifierUnicode(name));
    }
  });
});

describe('splitWords', () => {
  it('gives the same tokens as the regular expression', () => {
    const rnd = prng(11);
    for (let n = 0; n < 5000; n++) {
      const text = randomText(rnd, Math.floor(rnd() * 40), ALPHABET + 'é中\n,');
      expect(splitWords(text), text).toEqual(splitWordsRegex(text));
      const limit = Math.floor(rnd() * 40);
      expect(splitWords(text, limit), `${text} @${limit}`).toEqual(splitWordsRegex(text, limit));
    }
  });

  it("drops a possessive 's", () => {
    expect(splitWords("the user's key").map((t) => t.word)).toEqual(['the', 'user', 'key']);
  });
});

describe('baseForms', () => {
  it('de-inflects lightly and returns the same array from the cache', () => {
    expect(baseForms('cancelled')).toContain('cancel');
    expect(baseForms('queries')).toContain('query');
    expect(baseForms('running')).toContain('run');
    expect(baseForms('deletes')).toBe(baseForms('deletes'));
  });
});
