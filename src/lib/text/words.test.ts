import { describe, expect, it } from 'vitest';
import { letterDigitRuns, phraseForms, splitIdentifier } from './words.ts';

describe('one name splitter', () => {
  it('splits identifiers at separators, case changes and letter-to-digit changes', () => {
    const words = (s: string) => splitIdentifier(s).map((t) => t.word);
    expect(words('get24hrTicker')).toEqual(['get', '24hr', 'ticker']);
    expect(words('getHTTPStatus')).toEqual(['get', 'http', 'status']);
    expect(words('binance_spot-cancel.all orders')).toEqual(['binance', 'spot', 'cancel', 'all', 'orders']);
  });

  it('gives back the letter-and-digit runs the split cut apart', () => {
    expect(letterDigitRuns('get24hrTicker')).toEqual(['get24hr']);
    expect(letterDigitRuns('approveERC20_and_base64')).toEqual(['erc20', 'base64']);
    expect(letterDigitRuns('list_files')).toEqual([]);
    expect(letterDigitRuns('a1b2')).toEqual(['a1b2']);
  });

  it('reads a rule phrase both as a name and as prose would split it', () => {
    expect(phraseForms('margin type')).toEqual([['margin', 'type']]);
    expect(phraseForms('marginType')).toEqual([['margin', 'type'], ['margintype']]);
    expect(phraseForms('erc20 token')).toEqual([['erc', '20', 'token'], ['erc20', 'token']]);
    expect(phraseForms('read-only')).toEqual([['read', 'only']]);
  });
});
