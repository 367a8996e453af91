/**
 * The subset of CBOR (RFC 8949) that Pagefind's index files use: unsigned
 * and negative integers, text strings and definite-length arrays, each
 * encoded in its shortest form, as Pagefind's encoder (minicbor) writes
 * them. Anything else (maps, byte strings, floats, tags, indefinite
 * lengths) is refused, so a file in a format we do not know is never
 * half-understood and rewritten wrong.
 */

export type CborValue = number | string | CborValue[];

export class CborError extends Error {}

const MAJOR_UINT = 0, MAJOR_NEGINT = 1, MAJOR_TEXT = 3, MAJOR_ARRAY = 4;

/**
 * A cursor over CBOR bytes. Besides decoding whole values it can read an
 * array's length or a string in place and skip items, so a large file can
 * be walked (and parts of it copied byte for byte) without building it.
 */
export class CborReader {
  at = 0;
  readonly bytes: Uint8Array;
  private readonly view: DataView;
  private readonly utf8 = new TextDecoder('utf-8', { fatal: true });

  constructor(bytes: Uint8Array) {
    this.bytes = bytes;
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  get done(): boolean {
    return this.at >= this.bytes.length;
  }

  private need(n: number): void {
    if (this.at + n > this.bytes.length) throw new CborError(`CBOR ends early at byte ${this.at}`);
  }

  /** Reads an item's head: its major type and its argument (a value or a length). */
  head(): [major: number, n: number] {
    this.need(1);
    const first = this.bytes[this.at++]!;
    const major = first >> 5;
    const info = first & 31;
    if (major !== MAJOR_UINT && major !== MAJOR_NEGINT && major !== MAJOR_TEXT && major !== MAJOR_ARRAY) {
      throw new CborError(`unsupported CBOR major type ${major} at byte ${this.at - 1}`);
    }
    if (info < 24) return [major, info];
    if (info === 24) { this.need(1); return [major, this.bytes[this.at++]!]; }
    if (info === 25) { this.need(2); const v = this.view.getUint16(this.at); this.at += 2; return [major, v]; }
    if (info === 26) { this.need(4); const v = this.view.getUint32(this.at); this.at += 4; return [major, v]; }
    if (info === 27) {
      this.need(8);
      const v = this.view.getBigUint64(this.at);
      this.at += 8;
      if (v > BigInt(Number.MAX_SAFE_INTEGER)) throw new CborError(`CBOR integer too large at byte ${this.at - 8}`);
      return [major, Number(v)];
    }
    throw new CborError(`unsupported CBOR length encoding ${info} at byte ${this.at - 1}`);
  }

  private expect(major: number, what: string): number {
    const start = this.at;
    const [m, n] = this.head();
    if (m !== major) {
      this.at = start;
      throw new CborError(`expected ${what} at byte ${start}`);
    }
    return n;
  }

  uint(): number {
    return this.expect(MAJOR_UINT, 'an unsigned integer');
  }

  arrayLength(): number {
    return this.expect(MAJOR_ARRAY, 'an array');
  }

  text(): string {
    const n = this.expect(MAJOR_TEXT, 'a text string');
    this.need(n);
    const s = this.utf8.decode(this.bytes.subarray(this.at, this.at + n));
    this.at += n;
    return s;
  }

  /** Steps over one whole item, nested arrays included. */
  skip(): void {
    let pending = 1;
    while (pending > 0) {
      const [major, n] = this.head();
      pending--;
      if (major === MAJOR_TEXT) {
        this.need(n);
        this.at += n;
      } else if (major === MAJOR_ARRAY) pending += n;
    }
  }

  value(depth = 0): CborValue {
    if (depth > 64) throw new CborError('CBOR nested too deeply');
    const start = this.at;
    const [major, n] = this.head();
    if (major === MAJOR_UINT) return n;
    if (major === MAJOR_NEGINT) return -1 - n;
    if (major === MAJOR_TEXT) {
      this.at = start;
      return this.text();
    }
    const out: CborValue[] = [];
    for (let i = 0; i < n; i++) out.push(this.value(depth + 1));
    return out;
  }
}

export function decodeCbor(bytes: Uint8Array): CborValue {
  const reader = new CborReader(bytes);
  const value = reader.value();
  if (!reader.done) throw new CborError(`${bytes.length - reader.at} bytes after the CBOR value`);
  return value;
}

/** An item's head in its shortest form. */
export function cborHead(major: number, n: number): Uint8Array {
  const m = major << 5;
  if (n < 24) return Uint8Array.of(m | n);
  if (n < 0x100) return Uint8Array.of(m | 24, n);
  if (n < 0x10000) return Uint8Array.of(m | 25, n >> 8, n & 0xff);
  if (n < 0x100000000) return Uint8Array.of(m | 26, n >>> 24, (n >> 16) & 0xff, (n >> 8) & 0xff, n & 0xff);
  throw new CborError(`integer ${n} is out of range`);
}

/** The head of an array of `n` items. */
export const cborArrayHead = (n: number) => cborHead(MAJOR_ARRAY, n);

export function encodeCbor(value: CborValue): Uint8Array {
  const parts: Uint8Array[] = [];
  const text = new TextEncoder();
  const item = (v: CborValue) => {
    if (typeof v === 'number') {
      if (!Number.isInteger(v)) throw new CborError(`not an integer: ${v}`);
      parts.push(v >= 0 ? cborHead(MAJOR_UINT, v) : cborHead(MAJOR_NEGINT, -1 - v));
    } else if (typeof v === 'string') {
      const b = text.encode(v);
      parts.push(cborHead(MAJOR_TEXT, b.length), b);
    } else {
      parts.push(cborHead(MAJOR_ARRAY, v.length));
      for (const x of v) item(x);
    }
  };
  item(value);
  return Buffer.concat(parts);
}
