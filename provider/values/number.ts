/**
 * Decimal number handling shared by the codecs: parsing decimal text without precision loss,
 * choosing between a JS number and a BigNumber, and canonical forms for equality.
 *
 * The rule for "can this decimal be a JS number": the double must re-encode to a value go-cty
 * considers equal. Integer doubles below 2^63 are sent as msgpack ints, i.e. their *exact*
 * integer value; other doubles are sent as float64, which go-cty compares by their shortest
 * round-trip decimal (cty's number equality compares `Text('f', -1)` at the value's precision).
 * So "0.1" becomes the double 0.1, "9007199254740993" stays a BigNumber (the nearest double is
 * ...992), and "1152921504606846976" (2^60) becomes a double because that double is exactly it.
 */
import { BigNumber } from './value';

/** A decimal as sign, significant digits (no leading/trailing zeros; '' = zero) and exponent. */
export interface Decimal {
  readonly neg: boolean;
  readonly digits: string;
  /** value = digits * 10^exp */
  readonly exp: number;
}

// Decimal grammar accepted by go-cty's number parsing (big.Float.Parse base 10), minus the
// base-2 'p' exponent nobody uses: sign, digits with optional fraction, optional exponent.
const DECIMAL = /^([+-]?)(?:(\d+)(?:\.(\d*))?|\.(\d+))(?:[eE]([+-]?\d+))?$/;
const INFINITY = /^([+-]?)inf(?:inity)?$/i;

/**
 * At most this many zeros may be introduced by an exponent when expanding to plain decimal
 * text. It covers every double (1e308, 5e-324) with room to spare while keeping a 9-byte input
 * such as "1e9999999" from expanding into megabytes.
 */
const MAX_EXPONENT_PADDING = 1100;

/** Parses decimal text; undefined if it is not a decimal number. */
export function parseDecimal(text: string): Decimal | undefined {
  const m = DECIMAL.exec(text);
  if (m === null) return undefined;
  const intPart = m[2] ?? '';
  const fracPart = m[3] ?? m[4] ?? '';
  let exp = m[5] === undefined ? 0 : Number(m[5]);
  if (!Number.isFinite(exp)) exp = m[5]!.startsWith('-') ? -Infinity : Infinity;
  let all = intPart + fracPart;
  exp -= fracPart.length;
  let start = 0;
  while (start < all.length && all.charCodeAt(start) === 0x30) start++;
  if (start === all.length) return { neg: false, digits: '', exp: 0 };
  let end = all.length;
  while (all.charCodeAt(end - 1) === 0x30) end--;
  exp += all.length - end;
  all = all.slice(start, end);
  return { neg: m[1] === '-', digits: all, exp };
}

/** Plain decimal text (no exponent), as go-cty writes numbers: "-12.5", "0.001", "1000". */
export function formatPlain(d: Decimal): string {
  if (d.digits === '') return '0';
  const sign = d.neg ? '-' : '';
  const n = d.digits.length;
  if (d.exp >= 0) return sign + d.digits + '0'.repeat(d.exp);
  const point = n + d.exp;
  if (point > 0) return `${sign}${d.digits.slice(0, point)}.${d.digits.slice(point)}`;
  return `${sign}0.${'0'.repeat(-point)}${d.digits}`;
}

/** Number of characters formatPlain would produce, without building the string. */
function plainLength(d: Decimal): number {
  if (d.digits === '') return 1;
  const n = d.digits.length + (d.neg ? 1 : 0);
  if (d.exp >= 0) return n + d.exp;
  return d.digits.length + d.exp > 0 ? n + 1 : n + 2 - (d.digits.length + d.exp);
}

const TWO_63 = 9223372036854775808;

/** The decimal a double stands for on the wire (see the module comment). Finite input only. */
export function decimalOfNumber(x: number): Decimal {
  let text: string;
  if (Number.isInteger(x) && x >= -TWO_63 && x < TWO_63) {
    text = Number.isSafeInteger(x) ? String(x) : BigInt(x).toString();
  } else {
    text = String(x);
  }
  return parseDecimal(text)!;
}

export function decimalsEqual(a: Decimal, b: Decimal): boolean {
  return a.digits === b.digits && a.exp === b.exp && (a.neg === b.neg || a.digits === '');
}

/**
 * Converts a parsed decimal to the in-memory number: a JS number when that is lossless (module
 * comment), else a BigNumber with plain decimal text. `sourceLength` bounds how much longer than
 * its source the plain text may get (protection against exponent bombs).
 */
export function numberFromDecimal(d: Decimal, sourceLength = 0): number | BigNumber {
  if (d.digits === '') return 0;
  // A double's wire decimal has at most 19 significant digits (integers below 2^63) and lies
  // within 1e-324..1e309, so anything else cannot be one and skips the conversion attempt.
  if (d.digits.length <= 19 && d.exp > -345 && d.exp < 310) {
    const x = Number(`${d.neg ? '-' : ''}${d.digits}e${d.exp}`);
    if (Number.isFinite(x) && x !== 0 && decimalsEqual(decimalOfNumber(x), d)) return x;
  }
  if (plainLength(d) > sourceLength + MAX_EXPONENT_PADDING) {
    throw new RangeError('number is too large or too precise to represent');
  }
  return new BigNumber(formatPlain(d));
}

/**
 * Parses decimal number text (also "Inf"/"-Inf", which go-cty's parser accepts) to a number or
 * BigNumber; undefined if the text is not a number. Throws RangeError for exponent bombs.
 */
export function numberFromText(text: string): number | BigNumber | undefined {
  // Fast path: text that is exactly JS's own rendering of a double ("1.5", "42", "0.1") is that
  // double. Excluded: unsafe integers, whose JS rendering is the shortest form rather than the
  // exact integer sent on the wire (String(2**60) is "1152921504606847000"), and NaN.
  const x = Number(text);
  if (String(x) === text && !Number.isNaN(x) && (Number.isSafeInteger(x) || !Number.isInteger(x))) return x;
  const d = parseDecimal(text);
  if (d === undefined) {
    const inf = INFINITY.exec(text);
    if (inf === null) return undefined;
    return inf[1] === '-' ? -Infinity : Infinity;
  }
  return numberFromDecimal(d, text.length);
}

/** The decimal a number value stands for; undefined for +/-Infinity, NaN or malformed BigNumber text. */
export function decimalOf(v: number | BigNumber): Decimal | undefined {
  if (typeof v === 'number') return Number.isFinite(v) ? decimalOfNumber(v) : undefined;
  return parseDecimal(v.text);
}

/**
 * A canonical string for a number value, equal for equal numbers whatever their representation
 * (5, BigNumber("5.0"), -0 and 0 all agree). Used for equality and hashing.
 */
export function numberKey(v: number | BigNumber): string {
  if (typeof v === 'number') {
    if (Number.isSafeInteger(v)) {
      // Fast path for the common case, same output as the general form below.
      if (v === 0) return '0';
      const s = String(v);
      let end = s.length;
      while (s.charCodeAt(end - 1) === 0x30) end--;
      return `${s.slice(0, end)}e${s.length - end}`;
    }
    if (Number.isNaN(v)) return 'NaN';
    if (!Number.isFinite(v)) return v > 0 ? '+Inf' : '-Inf';
  }
  const d = decimalOf(v);
  if (d === undefined) return `invalid:${(v as BigNumber).text}`;
  if (d.digits === '') return '0';
  return `${d.neg ? '-' : ''}${d.digits}e${d.exp}`;
}

/** Numeric equality across number and BigNumber. */
export function numbersEqual(a: number | BigNumber, b: number | BigNumber): boolean {
  if (typeof a === 'number' && typeof b === 'number') return a === b;
  return numberKey(a) === numberKey(b);
}

/**
 * The exact integer a decimal denotes when it fits int64; undefined otherwise (fractional or out
 * of range). Used to send integral BigNumbers as msgpack ints, as go-cty does.
 */
export function decimalToInt64(d: Decimal): bigint | undefined {
  if (d.digits === '') return 0n;
  if (d.exp < 0 || d.digits.length + d.exp > 19) return undefined;
  let b = BigInt(d.digits + '0'.repeat(d.exp));
  if (d.neg) b = -b;
  return b >= -(1n << 63n) && b < 1n << 63n ? b : undefined;
}
