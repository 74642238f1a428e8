/**
 * Go `time.ParseDuration` (Go 1.26 time/format.go): a possibly signed
 * sequence of decimal numbers with optional fraction and a unit suffix
 * (`ns`, `us`, micro sign `\u00b5s` (U+00B5), Greek mu `\u03bcs` (U+03BC), `ms`, `s`, `m`, `h`), e.g.
 * `300ms`, `-1.5h`, `2h45m`. Result in nanoseconds as a BigInt.
 * Errors: `time: invalid duration "<s>"`, `time: missing unit in duration "<s>"`,
 * `time: unknown unit "<u>" in duration "<s>"` (quoted with Go's time.quote).
 */
import { GoResult } from './strconv';
import { goTimeQuote } from './quote';
import { fromByteString, toByteString } from './bytes';

const UNITS: Record<string, bigint> = {
  ns: 1n,
  us: 1000n,
  '\xc2\xb5s': 1000n, // micro sign U+00B5 + s (UTF-8 bytes)
  '\xce\xbcs': 1000n, // Greek mu U+03BC + s
  ms: 1000000n,
  s: 1000000000n,
  m: 60000000000n,
  h: 3600000000000n,
};

const TWO63 = 1n << 63n;

function durationError(msg: string, orig: string): GoResult<bigint> {
  return { ok: false, error: 'time: ' + msg + ' ' + goTimeQuote(fromByteString(orig)) };
}

/** Go time.ParseDuration; value in nanoseconds. */
export function parseGoDuration(input: string): GoResult<bigint> {
  const orig = toByteString(input); // byte semantics as in Go
  let s = orig;
  let d = 0n;
  let neg = false;
  if (s !== '') {
    const c = s[0];
    if (c === '-' || c === '+') {
      neg = c === '-';
      s = s.slice(1);
    }
  }
  if (s === '0') return { ok: true, value: 0n };
  if (s === '') return durationError('invalid duration', orig);
  const isDigit = (c: number) => c >= 0x30 && c <= 0x39;
  while (s !== '') {
    let v = 0n;
    let f = 0n;
    let scale = 1; // float64 in Go
    if (!(s[0] === '.' || isDigit(s.charCodeAt(0)))) return durationError('invalid duration', orig);
    // leadingInt
    const pl = s.length;
    let i = 0;
    for (; i < s.length; i++) {
      const c = s.charCodeAt(i);
      if (!isDigit(c)) break;
      if (v > TWO63 / 10n) return durationError('invalid duration', orig);
      v = v * 10n + BigInt(c - 0x30);
      if (v > TWO63) return durationError('invalid duration', orig);
    }
    s = s.slice(i);
    const pre = pl !== s.length;
    let post = false;
    if (s !== '' && s[0] === '.') {
      s = s.slice(1);
      const pl2 = s.length;
      // leadingFraction
      let j = 0;
      let overflow = false;
      for (; j < s.length; j++) {
        const c = s.charCodeAt(j);
        if (!isDigit(c)) break;
        if (overflow) continue;
        if (f > (TWO63 - 1n) / 10n) {
          overflow = true;
          continue;
        }
        const y = f * 10n + BigInt(c - 0x30);
        if (y > TWO63) {
          overflow = true;
          continue;
        }
        f = y;
        scale *= 10;
      }
      s = s.slice(j);
      post = pl2 !== s.length;
    }
    if (!pre && !post) return durationError('invalid duration', orig);
    let k = 0;
    for (; k < s.length; k++) {
      const c = s.charCodeAt(k);
      if (c === 0x2e || isDigit(c)) break;
    }
    if (k === 0) return durationError('missing unit in duration', orig);
    const u = s.slice(0, k);
    s = s.slice(k);
    const unit = UNITS[u];
    if (unit === undefined) {
      return {
        ok: false,
        error: 'time: unknown unit ' + goTimeQuote(fromByteString(u)) + ' in duration ' + goTimeQuote(fromByteString(orig)),
      };
    }
    if (v > TWO63 / unit) return durationError('invalid duration', orig);
    v *= unit;
    if (f > 0n) {
      // Go: v += uint64(float64(f) * (float64(unit) / scale))
      const add = Math.trunc(Number(f) * (Number(unit) / scale));
      v += BigInt(add);
      if (v > TWO63) return durationError('invalid duration', orig);
    }
    d += v;
    if (d > TWO63) return durationError('invalid duration', orig);
  }
  if (neg) return { ok: true, value: -d };
  if (d > TWO63 - 1n) return durationError('invalid duration', orig);
  return { ok: true, value: d };
}
