/**
 * Raw-byte mutations (AFL-style): bit flips, interesting bytes, truncation, insertion, deletion,
 * duplication, splicing and length-field damage. Each mutation is chosen and parameterised by the
 * caller's Rng, so the result is reproducible.
 */
import type { Rng } from './rng';

/** Bytes that mean something to msgpack, protobuf or JSON (lengths, markers, reserved codes). */
const INTERESTING_BYTES = [
  0x00, 0x01, 0x7f, 0x80, 0x81, 0x8f, 0x90, 0x91, 0x9f, 0xa0, 0xbf, 0xc0, 0xc1, 0xc2, 0xc3, 0xc4, 0xc7, 0xca, 0xcb, 0xcf,
  0xd3, 0xd4, 0xd8, 0xd9, 0xdb, 0xdc, 0xdd, 0xde, 0xdf, 0xe0, 0xff, 0x0a, 0x12, 0x1a, 0x22, 0x08, 0x5b, 0x7b, 0x22, 0x5c,
];

/** Multi-byte values that make length fields huge, zero or negative. */
const INTERESTING_WORDS: readonly number[][] = [
  [0xff, 0xff],
  [0xff, 0xff, 0xff, 0xff],
  [0x7f, 0xff, 0xff, 0xff],
  [0x80, 0x00, 0x00, 0x00],
  [0x00, 0x00],
  [0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x7f],
  [0xdd, 0xff, 0xff, 0xff, 0xff],
  [0xdf, 0x00, 0x10, 0x00, 0x00],
  [0xdb, 0x7f, 0xff, 0xff, 0xff],
];

export type MutationKind =
  | 'bitflip'
  | 'byte'
  | 'interesting'
  | 'word'
  | 'truncate'
  | 'insert'
  | 'delete'
  | 'duplicate'
  | 'splice'
  | 'swap'
  | 'arith';

const KINDS: readonly MutationKind[] = ['bitflip', 'byte', 'interesting', 'word', 'truncate', 'insert', 'delete', 'duplicate', 'splice', 'swap', 'arith'];

/** Applies one mutation; `donor` supplies bytes for splicing (may be the input itself). */
export function mutateOnce(rng: Rng, input: Uint8Array, donor: Uint8Array = input): { bytes: Buffer; kind: MutationKind } {
  const kind = rng.pick(KINDS);
  const b = Buffer.from(input);
  const pos = (): number => rng.int(Math.max(1, b.length));
  switch (kind) {
    case 'bitflip': {
      if (b.length === 0) return { bytes: Buffer.from([rng.u32() & 0xff]), kind };
      const flips = rng.weighted([[6, 1], [2, 2], [1, 4]] as const);
      for (let i = 0; i < flips; i++) {
        const p = pos();
        b[p] = (b[p] ?? 0) ^ (1 << rng.int(8));
      }
      return { bytes: b, kind };
    }
    case 'byte':
      if (b.length > 0) b[pos()] = rng.u32() & 0xff;
      return { bytes: b, kind };
    case 'interesting':
      if (b.length > 0) b[pos()] = rng.pick(INTERESTING_BYTES);
      return { bytes: b, kind };
    case 'word': {
      const w = rng.pick(INTERESTING_WORDS);
      const p = pos();
      for (let i = 0; i < w.length && p + i < b.length; i++) b[p + i] = w[i]!;
      return { bytes: b, kind };
    }
    case 'arith': {
      if (b.length === 0) return { bytes: b, kind };
      const p = pos();
      b[p] = (b[p]! + rng.range(-35, 35)) & 0xff;
      return { bytes: b, kind };
    }
    case 'truncate':
      return { bytes: b.subarray(0, rng.int(b.length + 1)), kind };
    case 'insert': {
      const p = rng.int(b.length + 1);
      const n = rng.weighted([[6, 1], [3, rng.range(2, 16)], [1, rng.range(17, 512)]] as const);
      const chunk = rng.chance(0.5) ? rng.bytes(n) : Buffer.alloc(n, rng.pick(INTERESTING_BYTES));
      return { bytes: Buffer.concat([b.subarray(0, p), chunk, b.subarray(p)]), kind };
    }
    case 'delete': {
      if (b.length === 0) return { bytes: b, kind };
      const p = pos();
      const n = Math.min(b.length - p, rng.weighted([[6, 1], [3, rng.range(2, 16)], [1, rng.range(17, 256)]] as const));
      return { bytes: Buffer.concat([b.subarray(0, p), b.subarray(p + n)]), kind };
    }
    case 'duplicate': {
      if (b.length === 0) return { bytes: b, kind };
      const p = pos();
      const n = Math.min(b.length - p, rng.range(1, 64));
      const times = rng.weighted([[5, 1], [3, rng.range(2, 8)], [1, rng.range(9, 2000)]] as const);
      const chunk = b.subarray(p, p + n);
      return { bytes: Buffer.concat([b.subarray(0, p + n), ...Array.from({ length: times }, () => chunk), b.subarray(p + n)]), kind };
    }
    case 'splice': {
      const d = Buffer.from(donor);
      const cut = rng.int(b.length + 1);
      const from = rng.int(d.length + 1);
      return { bytes: Buffer.concat([b.subarray(0, cut), d.subarray(from)]), kind };
    }
    case 'swap': {
      if (b.length < 2) return { bytes: b, kind };
      const p = pos();
      const q = pos();
      const t = b[p]!;
      b[p] = b[q]!;
      b[q] = t;
      return { bytes: b, kind };
    }
  }
}

/** One to `max` stacked mutations. */
export function mutate(rng: Rng, input: Uint8Array, donor?: Uint8Array, max = 4): Buffer {
  let out: Buffer = Buffer.from(input);
  const n = rng.weighted([[6, 1], [3, 2], [1, rng.range(3, max)]] as const);
  for (let i = 0; i < n; i++) out = mutateOnce(rng, out, donor ?? input).bytes;
  return out;
}

/** Text-level mutations for JSON: structural characters inserted, dropped or repeated. */
export function mutateJsonText(rng: Rng, text: string): string {
  const tokens = ['{', '}', '[', ']', '"', ',', ':', '\\', 'null', 'true', '-', '1e999', '0.', '\\u', '\\ud800', '"\\u0000"', ' ', '\u00ff'];
  let s = text;
  const n = rng.range(1, 3);
  for (let i = 0; i < n; i++) {
    const p = rng.int(s.length + 1);
    switch (rng.int(5)) {
      case 0:
        s = s.slice(0, p) + rng.pick(tokens) + s.slice(p);
        break;
      case 1:
        s = s.slice(0, p) + s.slice(p + rng.range(1, 8));
        break;
      case 2: {
        const open = rng.chance(0.5) ? '[' : '{"a":';
        const depth = rng.weighted([[3, rng.range(2, 50)], [1, rng.range(500, 5000)]] as const);
        s = s.slice(0, p) + open.repeat(depth) + s.slice(p);
        break;
      }
      case 3:
        s = s.slice(0, p);
        break;
      default: {
        const q = rng.int(s.length + 1);
        s = s.slice(0, p) + s.slice(Math.min(p, q), Math.max(p, q)) + s.slice(p);
      }
    }
  }
  return s;
}
