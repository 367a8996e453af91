import { describe, expect, it } from 'vitest';
import { CborError, decodeCbor, encodeCbor, type CborValue } from './cbor.ts';

const hex = (b: Uint8Array) => Buffer.from(b).toString('hex');

describe('CBOR subset', () => {
  it('writes each value in its shortest form, as minicbor does', () => {
    expect(hex(encodeCbor(0))).toBe('00');
    expect(hex(encodeCbor(23))).toBe('17');
    expect(hex(encodeCbor(24))).toBe('1818');
    expect(hex(encodeCbor(255))).toBe('18ff');
    expect(hex(encodeCbor(256))).toBe('190100');
    expect(hex(encodeCbor(65536))).toBe('1a00010000');
    expect(hex(encodeCbor(-1))).toBe('20');
    expect(hex(encodeCbor(-25))).toBe('3818');
    expect(hex(encodeCbor(''))).toBe('60');
    expect(hex(encodeCbor('é'))).toBe('62c3a9');
    expect(hex(encodeCbor([1, ['a']]))).toBe('8201816161');
  });

  it('reads back what it writes', () => {
    const values: CborValue[] = [0, 23, 24, 4294967295, -1, -4294967296, '', 'café 日本 😀', [], [[[]]], ['en_0', 12, ''], Array.from({ length: 300 }, (_, i) => i * 997)];
    for (const v of values) expect(decodeCbor(encodeCbor(v))).toEqual(v);
  });

  it('reads longer-than-needed integer forms', () => {
    expect(decodeCbor(Uint8Array.of(0x19, 0x00, 0x05))).toBe(5);
    expect(decodeCbor(Uint8Array.of(0x1b, 0, 0, 0, 0, 0, 0, 0, 7))).toBe(7);
  });

  it('refuses what Pagefind does not write, rather than guess', () => {
    const bad: [number[], RegExp][] = [
      [[0xa0], /major type 5/], // map
      [[0x40], /major type 2/], // byte string
      [[0xf9, 0x3c, 0x00], /major type 7/], // float
      [[0x9f, 0xff], /length encoding 31/], // indefinite array
      [[0x01, 0x02], /1 bytes after/],
      [[0x82, 0x01], /ends early/],
      [[0x62, 0xff, 0xfe], /./], // invalid UTF-8
    ];
    for (const [bytes, message] of bad) expect(() => decodeCbor(Uint8Array.from(bytes))).toThrow(message);
    expect(() => encodeCbor(1.5)).toThrow(CborError);
    expect(() => encodeCbor(2 ** 33)).toThrow(CborError);
  });
});
