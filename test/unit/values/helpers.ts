/** Shared helpers for the values-layer tests. */
import { ValueError } from '../../../provider/values/errors';

export const hex = (b: Uint8Array): string => Buffer.from(b).toString('hex');
export const fromHex = (h: string): Uint8Array => {
  const clean = h.replace(/\s+/g, '');
  if (clean.length % 2 !== 0 || /[^0-9a-f]/i.test(clean)) throw new Error(`bad hex in test: ${h}`);
  return new Uint8Array(Buffer.from(clean, 'hex'));
};

/** Runs fn, asserts it throws a ValueError, and returns it for further checks. */
export function valueError(fn: () => unknown): ValueError {
  try {
    fn();
  } catch (e) {
    if (!(e instanceof ValueError)) throw new Error(`expected ValueError, got ${String(e)}`);
    return e;
  }
  throw new Error('expected a ValueError, but nothing was thrown');
}

/** Small deterministic PRNG so fuzz tests are reproducible. */
export function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
