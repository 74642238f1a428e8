/**
 * Ports of Go `strconv` parsing/formatting behaviour (Go 1.26, 64-bit `int`).
 *
 *  - atoi(s): strconv.Atoi (int64 range, BigInt result) with Go's error texts
 *    `strconv.Atoi: parsing "<s>": invalid syntax` / `...: value out of range`.
 *  - parseGoInt(s, base, bitSize): strconv.ParseInt.
 *  - parseFloat64(s): strconv.ParseFloat(s, 64) acceptance, value and errors.
 *  - parseBool(s): strconv.ParseBool.
 *  - formatFloatV(x): fmt `%v` of a float64 (strconv 'g', shortest).
 */
import { goQuote } from './quote';

export type GoResult<T> = { ok: true; value: T } | { ok: false; error: string };

/** Go strconv.NumError.Error(): `strconv.<fn>: parsing "<num>": <err>`. */
export function numError(fn: string, num: string, err: string): string {
  return 'strconv.' + fn + ': parsing ' + goQuote(num) + ': ' + err;
}

const ERR_SYNTAX = 'invalid syntax';
const ERR_RANGE = 'value out of range';

function lower(c: number): number {
  return c | 0x20;
}

/**
 * Go underscoreOK: underscores may only appear between digits or between a
 * base prefix and a digit. `s` is ASCII-indexed (JS string of the input).
 */
function underscoreOK(s: string): boolean {
  let saw = '^';
  let i = 0;
  if (s.length >= 1 && (s[0] === '-' || s[0] === '+')) s = s.slice(1);
  let hex = false;
  if (
    s.length >= 2 &&
    s[0] === '0' &&
    (lower(s.charCodeAt(1)) === 0x62 || lower(s.charCodeAt(1)) === 0x6f || lower(s.charCodeAt(1)) === 0x78)
  ) {
    i = 2;
    saw = '0';
    hex = lower(s.charCodeAt(1)) === 0x78;
  }
  for (; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if ((c >= 0x30 && c <= 0x39) || (hex && lower(c) >= 0x61 && lower(c) <= 0x66)) {
      saw = '0';
      continue;
    }
    if (c === 0x5f) {
      if (saw !== '0') return false;
      saw = '_';
      continue;
    }
    if (saw === '_') return false;
    saw = '!';
  }
  return saw !== '_';
}

const MAX_UINT64 = (1n << 64n) - 1n;

/** internal ParseUint: returns [value, errKind] with errKind '' | syntax | range | base | bitsize */
function parseUintInternal(s: string, base: number, bitSize: number): [bigint, string] {
  if (s === '') return [0n, ERR_SYNTAX];
  const base0 = base === 0;
  const s0 = s;
  if (base >= 2 && base <= 36) {
    // ok
  } else if (base === 0) {
    base = 10;
    if (s[0] === '0') {
      if (s.length >= 3 && lower(s.charCodeAt(1)) === 0x62) {
        base = 2;
        s = s.slice(2);
      } else if (s.length >= 3 && lower(s.charCodeAt(1)) === 0x6f) {
        base = 8;
        s = s.slice(2);
      } else if (s.length >= 3 && lower(s.charCodeAt(1)) === 0x78) {
        base = 16;
        s = s.slice(2);
      } else {
        base = 8;
        s = s.slice(1);
      }
    }
  } else {
    return [0n, 'invalid base ' + base];
  }
  if (bitSize === 0) bitSize = 64;
  else if (bitSize < 0 || bitSize > 64) return [0n, 'invalid bit size ' + bitSize];

  const B = BigInt(base);
  const cutoff = MAX_UINT64 / B + 1n;
  const maxVal = (1n << BigInt(bitSize)) - 1n;
  let underscores = false;
  let n = 0n;
  // Go iterates over bytes; non-ASCII chars are never digits, so JS code units suffice.
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    let d: number;
    if (c === 0x5f && base0) {
      underscores = true;
      continue;
    } else if (c >= 0x30 && c <= 0x39) {
      d = c - 0x30;
    } else if (lower(c) >= 0x61 && lower(c) <= 0x7a && c < 0x80) {
      d = lower(c) - 0x61 + 10;
    } else {
      return [0n, ERR_SYNTAX];
    }
    if (d >= base) return [0n, ERR_SYNTAX];
    if (n >= cutoff) return [maxVal, ERR_RANGE];
    n *= B;
    const n1 = n + BigInt(d);
    if (n1 > MAX_UINT64 || n1 > maxVal) return [maxVal, ERR_RANGE];
    n = n1;
  }
  if (underscores && !underscoreOK(s0)) return [0n, ERR_SYNTAX];
  return [n, ''];
}

function parseIntInternal(s: string, base: number, bitSize: number): [bigint, string] {
  if (s === '') return [0n, ERR_SYNTAX];
  let neg = false;
  if (s[0] === '+') s = s.slice(1);
  else if (s[0] === '-') {
    s = s.slice(1);
    neg = true;
  }
  const [un, err] = parseUintInternal(s, base, bitSize);
  if (err !== '' && err !== ERR_RANGE) return [0n, err];
  if (bitSize === 0) bitSize = 64;
  const cutoff = 1n << BigInt(bitSize - 1);
  if (!neg && un >= cutoff) return [cutoff - 1n, ERR_RANGE];
  if (neg && un > cutoff) return [-cutoff, ERR_RANGE];
  return [neg ? -un : un, ''];
}

/** Go strconv.ParseInt(s, base, bitSize). */
export function parseGoInt(s: string, base = 10, bitSize = 64): GoResult<bigint> {
  const [v, err] = parseIntInternal(s, base, bitSize);
  if (err !== '') return { ok: false, error: numError('ParseInt', s, err) };
  return { ok: true, value: v };
}

/**
 * Go strconv.Atoi on a 64-bit platform. The value is returned as a BigInt
 * (Go int = int64); use `atoiNumber` for a JS number when the magnitude is
 * known to be small.
 */
export function atoi(s: string): GoResult<bigint> {
  const byteLen = utf8Length(s);
  if (byteLen > 0 && byteLen < 19) {
    // fast path
    let t = s;
    if (t[0] === '-' || t[0] === '+') {
      t = t.slice(1);
      if (t.length < 1) return { ok: false, error: numError('Atoi', s, ERR_SYNTAX) };
    }
    for (let i = 0; i < t.length; i++) {
      const d = t.charCodeAt(i) - 0x30;
      if (d < 0 || d > 9) return { ok: false, error: numError('Atoi', s, ERR_SYNTAX) };
    }
    const n = BigInt(t);
    return { ok: true, value: s[0] === '-' ? -n : n };
  }
  const [v, err] = parseIntInternal(s, 10, 0);
  if (err !== '') return { ok: false, error: numError('Atoi', s, err) };
  return { ok: true, value: v };
}

/** atoi() with the value converted to a JS number (exact for |v| <= 2^53). */
export function atoiNumber(s: string): GoResult<number> {
  const r = atoi(s);
  if (!r.ok) return r;
  return { ok: true, value: Number(r.value) };
}

function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        n += 4;
        i++;
      } else n += 3;
    } else n += 3;
  }
  return n;
}

/** Go strconv.ParseBool. */
export function parseBool(s: string): GoResult<boolean> {
  switch (s) {
    case '1':
    case 't':
    case 'T':
    case 'true':
    case 'TRUE':
    case 'True':
      return { ok: true, value: true };
    case '0':
    case 'f':
    case 'F':
    case 'false':
    case 'FALSE':
    case 'False':
      return { ok: true, value: false };
  }
  return { ok: false, error: numError('ParseBool', s, ERR_SYNTAX) };
}

// ---------------------------------------------------------------------------
// ParseFloat

function commonPrefixLenIgnoreCase(s: string, prefix: string): number {
  const n = Math.min(prefix.length, s.length);
  for (let i = 0; i < n; i++) {
    let c = s.charCodeAt(i);
    if (c >= 0x41 && c <= 0x5a) c += 0x20;
    if (c !== prefix.charCodeAt(i)) return i;
  }
  return n;
}

/** Go `special`: inf/infinity/nan prefix. Returns [value, consumed] or null. */
function special(s: string): [number, number] | null {
  if (s.length === 0) return null;
  let sign = 1;
  let nsign = 0;
  const c = s[0];
  if (c === '+' || c === '-' || c === 'i' || c === 'I') {
    if (c === '+' || c === '-') {
      if (c === '-') sign = -1;
      nsign = 1;
      s = s.slice(1);
    }
    let n = commonPrefixLenIgnoreCase(s, 'infinity');
    if (n > 3 && n < 8) n = 3;
    if (n === 3 || n === 8) return [sign * Infinity, nsign + n];
    return null;
  }
  if (c === 'n' || c === 'N') {
    if (commonPrefixLenIgnoreCase(s, 'nan') === 3) return [NaN, 3];
  }
  return null;
}

interface ReadFloat {
  ok: boolean;
  n: number; // bytes consumed
  hex: boolean;
  neg: boolean;
  // decimal form: digits and decimal exponent
  digits: string; // significant digits without leading zeros (decimal or hex digits)
  dp: number; // position of the point relative to `digits` (in digits; for hex in bits after *4)
  exp: number; // explicit exponent value (after sign)
}

/** Port of Go's readFloat syntax scanning (acceptance and consumed length). */
function readFloat(s: string): ReadFloat {
  const r: ReadFloat = { ok: false, n: 0, hex: false, neg: false, digits: '', dp: 0, exp: 0 };
  let i = 0;
  let underscores = false;
  if (i >= s.length) return r;
  if (s[i] === '+') i++;
  else if (s[i] === '-') {
    i++;
    r.neg = true;
  }
  let base = 10;
  let expChar = 0x65; // 'e'
  if (i + 2 < s.length && s[i] === '0' && lower(s.charCodeAt(i + 1)) === 0x78) {
    base = 16;
    i += 2;
    expChar = 0x70; // 'p'
    r.hex = true;
  }
  let sawdot = false;
  let sawdigits = false;
  let nd = 0;
  let dp = 0;
  let digits = '';
  loop: for (; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 0x5f) {
      underscores = true;
      continue;
    } else if (c === 0x2e) {
      if (sawdot) break loop;
      sawdot = true;
      dp = nd;
      continue;
    } else if (c >= 0x30 && c <= 0x39) {
      sawdigits = true;
      if (c === 0x30 && nd === 0) {
        dp--;
        continue;
      }
      nd++;
      digits += s[i];
      continue;
    } else if (base === 16 && lower(c) >= 0x61 && lower(c) <= 0x66) {
      sawdigits = true;
      nd++;
      digits += s[i];
      continue;
    }
    break;
  }
  if (!sawdigits) {
    r.n = i;
    return r;
  }
  if (!sawdot) dp = nd;
  let e = 0;
  let esign = 1;
  if (i < s.length && lower(s.charCodeAt(i)) === expChar) {
    i++;
    if (i >= s.length) {
      r.n = i;
      return r;
    }
    if (s[i] === '+') i++;
    else if (s[i] === '-') {
      i++;
      esign = -1;
    }
    if (i >= s.length || s.charCodeAt(i) < 0x30 || s.charCodeAt(i) > 0x39) {
      r.n = i;
      return r;
    }
    for (; i < s.length && ((s.charCodeAt(i) >= 0x30 && s.charCodeAt(i) <= 0x39) || s[i] === '_'); i++) {
      if (s[i] === '_') {
        underscores = true;
        continue;
      }
      if (e < 10000) e = e * 10 + (s.charCodeAt(i) - 0x30);
    }
  } else if (base === 16) {
    r.n = i;
    return r; // hex needs an exponent
  }
  if (underscores && !underscoreOK(s.slice(0, i))) {
    r.n = i;
    return r;
  }
  r.ok = true;
  r.n = i;
  r.digits = digits;
  r.dp = dp;
  r.exp = e * esign;
  return r;
}

/** Correctly rounded (nearest, ties to even) float64 value of mant * 2^exp2, mant > 0. */
function bigToFloat(mant: bigint, exp2: number): number {
  const bits = mant.toString(2).length;
  const top = exp2 + bits - 1; // exponent of the most significant bit
  if (top >= 1024) return Infinity;
  const lsbExp = Math.max(top - 52, -1074);
  const shift = lsbExp - exp2;
  let q: bigint;
  if (shift <= 0) {
    q = mant << BigInt(-shift);
  } else {
    const sh = BigInt(shift);
    q = mant >> sh;
    const rem = mant & ((1n << sh) - 1n);
    const half = 1n << (sh - 1n);
    if (rem > half || (rem === half && (q & 1n) === 1n)) q += 1n;
  }
  // q < 2^54 here, so Number(q) is exact; scale in two exact steps.
  let v = Number(q);
  if (lsbExp < -1022) {
    v *= Math.pow(2, -1022);
    v *= Math.pow(2, lsbExp + 1022);
  } else {
    v *= Math.pow(2, lsbExp);
  }
  return v;
}

/**
 * Go strconv.ParseFloat(s, 64). Accepts decimal and hexadecimal float
 * syntax, optional sign, `inf`/`infinity`/`nan` (any case), underscores per
 * Go's underscoreOK rule. Out of range (overflow to +/-Inf) is an error.
 */
export function parseFloat64(s: string): GoResult<number> {
  const sp = special(s);
  if (sp !== null) {
    if (sp[1] !== s.length) return { ok: false, error: numError('ParseFloat', s, ERR_SYNTAX) };
    return { ok: true, value: sp[0] };
  }
  const r = readFloat(s);
  if (!r.ok || r.n !== s.length) return { ok: false, error: numError('ParseFloat', s, ERR_SYNTAX) };
  let v: number;
  if (r.hex) {
    if (r.digits === '') {
      v = 0;
    } else {
      const mant = BigInt('0x' + r.digits);
      // value = mant * 16^(dp - nd) * 2^exp  (dp counted in hex digits)
      const exp2 = (r.dp - r.digits.length) * 4 + r.exp;
      v = bigToFloat(mant, exp2);
    }
  } else {
    if (r.digits === '') {
      v = 0;
    } else {
      // Build a canonical decimal literal; JS Number() parsing is correctly rounded (ties-to-even).
      const e10 = r.dp - r.digits.length + r.exp;
      if (r.dp + r.exp > 400) v = Infinity;
      else if (r.dp + r.exp < -400) v = 0;
      else v = Number(r.digits + 'e' + e10);
    }
  }
  if (r.neg) v = -v;
  if (!Number.isFinite(v)) {
    return { ok: false, error: numError('ParseFloat', s, ERR_RANGE) };
  }
  return { ok: true, value: v };
}

// ---------------------------------------------------------------------------
// Formatting

/** Shortest decimal digits and decimal-point position of |x| (x finite, non-zero). */
function shortestDigits(x: number): { digits: string; dp: number } {
  const e = Math.abs(x).toExponential(); // shortest round-trip digits, e.g. "1.2345e+6"
  const m = /^(\d)(?:\.(\d+))?e([+-]\d+)$/.exec(e);
  if (!m) throw new Error('unexpected toExponential output ' + e);
  let digits = m[1] + (m[2] ?? '');
  digits = digits.replace(/0+$/, '') || '0';
  return { digits, dp: Number(m[3]) + 1 };
}

/**
 * Go strconv.FormatFloat(x, 'g', -1, 64), which is also what fmt prints for
 * `%v` of a float64: shortest round-trip digits, exponent form when the
 * decimal exponent is < -4 or >= 6 (Go's shortest-'g' threshold is 6, not
 * the 21 of JavaScript/JSON): 100000, 1e+06, 1.23456789e+08, 0.0001, 1e-05,
 * +Inf, -Inf, NaN. Verified against the Go oracle.
 */
export function formatFloatG(x: number): string {
  if (Number.isNaN(x)) return 'NaN';
  if (x === Infinity) return '+Inf';
  if (x === -Infinity) return '-Inf';
  const neg = x < 0 || Object.is(x, -0);
  if (x === 0) return neg ? '-0' : '0';
  const { digits, dp } = shortestDigits(x);
  const nd = digits.length;
  const exp = dp - 1;
  let out: string;
  if (exp < -4 || exp >= 6) {
    // %e with precision nd-1
    out = digits[0];
    if (nd > 1) out += '.' + digits.slice(1);
    const ae = Math.abs(exp);
    out += 'e' + (exp < 0 ? '-' : '+') + (ae < 10 ? '0' + ae : String(ae));
  } else {
    // %f with max(nd - dp, 0) fractional digits
    if (dp <= 0) {
      out = '0.' + '0'.repeat(-dp) + digits;
    } else if (dp >= nd) {
      out = digits + '0'.repeat(dp - nd);
    } else {
      out = digits.slice(0, dp) + '.' + digits.slice(dp);
    }
  }
  return neg ? '-' + out : out;
}

/** fmt `%v` of a float64 (e.g. 1.5, 1e+20, 100000, 1e+06, +Inf, NaN). */
export function formatFloatV(x: number): string {
  return formatFloatG(x);
}

/** fmt `%d` / `%v` of an integer. */
export function formatIntV(x: number | bigint): string {
  return typeof x === 'bigint' ? x.toString() : Math.trunc(x).toString();
}
