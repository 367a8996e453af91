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

export function decodeCbor(bytes: Uint8Array): CborValue {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const text = new TextDecoder('utf-8', { fatal: true });
  let at = 0;

  const need = (n: number) => {
    if (at + n > bytes.length) throw new CborError(`CBOR ends early at byte ${at}`);
  };
  const argument = (info: number): number => {
    if (info < 24) return info;
    if (info === 24) { need(1); return bytes[at++]!; }
    if (info === 25) { need(2); const v = view.getUint16(at); at += 2; return v; }
    if (info === 26) { need(4); const v = view.getUint32(at); at += 4; return v; }
    if (info === 27) {
      need(8);
      const v = view.getBigUint64(at);
      at += 8;
      if (v > BigInt(Number.MAX_SAFE_INTEGER)) throw new CborError(`CBOR integer too large at byte ${at - 8}`);
      return Number(v);
    }
    throw new CborError(`unsupported CBOR length encoding ${info} at byte ${at - 1}`);
  };
  const item = (depth: number): CborValue => {
    if (depth > 64) throw new CborError('CBOR nested too deeply');
    need(1);
    const head = bytes[at++]!;
    const major = head >> 5;
    const n = argument(head & 31);
    switch (major) {
      case 0: return n;
      case 1: return -1 - n;
      case 3: {
        need(n);
        const s = text.decode(bytes.subarray(at, at + n));
        at += n;
        return s;
      }
      case 4: {
        const out: CborValue[] = [];
        for (let i = 0; i < n; i++) out.push(item(depth + 1));
        return out;
      }
      default:
        throw new CborError(`unsupported CBOR major type ${major} at byte ${at - 1}`);
    }
  };
  const value = item(0);
  if (at !== bytes.length) throw new CborError(`${bytes.length - at} bytes after the CBOR value`);
  return value;
}

export function encodeCbor(value: CborValue): Uint8Array {
  const chunks: Uint8Array[] = [];
  let size = 0;
  const text = new TextEncoder();
  const push = (b: Uint8Array) => {
    chunks.push(b);
    size += b.length;
  };
  const head = (major: number, n: number) => {
    const m = major << 5;
    if (n < 24) push(Uint8Array.of(m | n));
    else if (n < 0x100) push(Uint8Array.of(m | 24, n));
    else if (n < 0x10000) push(Uint8Array.of(m | 25, n >> 8, n & 0xff));
    else if (n < 0x100000000) push(Uint8Array.of(m | 26, n >>> 24, (n >> 16) & 0xff, (n >> 8) & 0xff, n & 0xff));
    else throw new CborError(`integer ${n} is out of range`);
  };
  const item = (v: CborValue) => {
    if (typeof v === 'number') {
      if (!Number.isInteger(v)) throw new CborError(`not an integer: ${v}`);
      if (v >= 0) head(0, v);
      else head(1, -1 - v);
    } else if (typeof v === 'string') {
      const b = text.encode(v);
      head(3, b.length);
      push(b);
    } else {
      head(4, v.length);
      for (const x of v) item(x);
    }
  };
  item(value);
  const out = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}
