/**
 * Minimal hand-rolled protobuf wire reader/writer for tests: lets us check field numbers and wire
 * types independently of the generated codecs.
 */

export type WireField =
  | { readonly no: number; readonly wt: 0; readonly value: bigint }
  | { readonly no: number; readonly wt: 1 | 5; readonly value: Uint8Array }
  | { readonly no: number; readonly wt: 2; readonly value: Uint8Array };

function readVarint(buf: Uint8Array, pos: number): [bigint, number] {
  let result = 0n;
  let shift = 0n;
  for (;;) {
    if (pos >= buf.length) throw new Error('truncated varint');
    const b = buf[pos++]!;
    result |= BigInt(b & 0x7f) << shift;
    if ((b & 0x80) === 0) return [result, pos];
    shift += 7n;
  }
}

/** Top-level fields of one encoded message, in wire order. */
export function readFields(buf: Uint8Array): WireField[] {
  const out: WireField[] = [];
  let pos = 0;
  while (pos < buf.length) {
    const [tag, p1] = readVarint(buf, pos);
    pos = p1;
    const no = Number(tag >> 3n);
    const wt = Number(tag & 7n);
    if (wt === 0) {
      const [v, p2] = readVarint(buf, pos);
      pos = p2;
      out.push({ no, wt: 0, value: v });
    } else if (wt === 2) {
      const [len, p2] = readVarint(buf, pos);
      const end = p2 + Number(len);
      out.push({ no, wt: 2, value: buf.subarray(p2, end) });
      pos = end;
    } else if (wt === 1) {
      out.push({ no, wt: 1, value: buf.subarray(pos, pos + 8) });
      pos += 8;
    } else if (wt === 5) {
      out.push({ no, wt: 5, value: buf.subarray(pos, pos + 4) });
      pos += 4;
    } else {
      throw new Error(`unsupported wire type ${wt}`);
    }
  }
  return out;
}

/** The single field numbered `no`; fails if absent or repeated. */
export function field(buf: Uint8Array, no: number): WireField {
  const found = readFields(buf).filter((f) => f.no === no);
  if (found.length !== 1) throw new Error(`expected exactly one field ${no}, found ${found.length}`);
  return found[0]!;
}

export function fieldNumbers(buf: Uint8Array): number[] {
  return readFields(buf).map((f) => f.no);
}

function varint(n: bigint | number): number[] {
  let v = BigInt(n);
  if (v < 0n) v += 1n << 64n;
  const out: number[] = [];
  do {
    let b = Number(v & 0x7fn);
    v >>= 7n;
    if (v > 0n) b |= 0x80;
    out.push(b);
  } while (v > 0n);
  return out;
}

/** Builders for hand-encoding request messages. */
export const w = {
  varint(no: number, value: bigint | number | boolean): number[] {
    return [...varint((no << 3) | 0), ...varint(typeof value === 'boolean' ? (value ? 1 : 0) : value)];
  },
  bytes(no: number, value: Uint8Array | number[]): number[] {
    const arr = Array.from(value);
    return [...varint((no << 3) | 2), ...varint(arr.length), ...arr];
  },
  string(no: number, value: string): number[] {
    return w.bytes(no, Buffer.from(value, 'utf8'));
  },
  message(no: number, ...parts: number[][]): number[] {
    return w.bytes(no, parts.flat());
  },
  build(...parts: number[][]): Uint8Array {
    return Uint8Array.from(parts.flat());
  },
};

export function encodeBytes(writer: { finish(): Uint8Array }): Uint8Array {
  return writer.finish();
}
