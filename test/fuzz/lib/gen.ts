/**
 * Type-directed random values for the fuzzers: valid values of a cty type (nulls, unknowns with
 * refinements, huge and odd strings, extreme numbers, dynamic values), random types, and the
 * domain strings the Coder validators care about (URLs, cron specs, UUIDs, slugs, regexes...).
 */
import {
  BigNumber,
  BoolType,
  DynamicType,
  DynamicWrapped,
  NumberType,
  StringType,
  UNKNOWN,
  Unknown,
  listOf,
  mapOf,
  objectOf,
  setOf,
  tupleOf,
  type CtyType,
  type Refinements,
  type Value,
} from '../../../provider/values';
import type { Rng } from './rng';

/** A marker the fuzzers put into string values; it must never show up in the provider's log. */
export const SENTINEL = 'FUZZ-SENTINEL-7f3a9c';

export const DOMAIN_STRINGS: readonly string[] = [
  '', ' ', 'a', 'main', 'dev', 'coder', 'linux', 'windows', 'darwin', 'amd64', 'arm64', 'armv7', '386',
  'https://coder.example.test/', 'http://localhost:8080', 'http://[::1]:3000/x?y=1#z', 'https://user:pw@host/path',
  'ftp://example.com', '://nope', 'http://%zz', 'http://a b', 'mailto:x@y', 'file:///etc/passwd', 'http://127.0.0.1:99999',
  '* * * * *', '0 9 * * 1-5', 'TZ=Europe/Berlin 0 9 * * *', 'CRON_TZ=UTC 0 0 * * *', 'TZ=X', 'TZ=', '@daily', '@every 5m',
  '*/0 * * * *', '60 * * * *', '* * * *', '0 0 31 2 *', '1-5/2 * * * SUN',
  '00000000-0000-0000-0000-000000000000', '0b1f6f3c-4f6b-4e3a-9b0e-1c2d3e4f5a6b', 'not-a-uuid', '{0b1f6f3c-4f6b-4e3a-9b0e-1c2d3e4f5a6b}',
  'my-app', 'My App', '-bad-', 'a--b', 'x'.repeat(33), 'code-server', 'vscode', 'web-terminal', 'ssh_helper', 'port_forwarding_helper',
  '^[a-z]+$', '(', '[', '(?P<x>a)', '\\', '(a+)+$', '^\\d{1,3}$', '\\p{L}+', '(?i)abc', 'a{1000}',
  '1', '-1', '0', '1e309', '0x10', 'NaN', '9223372036854775808', '-9223372036854775809', '3.14', '1_000', ' 7',
  'true', 'false', 'TRUE', 'yes', '{}', '[]', '{"a":1}', '[1,2', 'null', '["a","b"]', '[{"name":"x","org_id":""}]',
  '1s', '5m', '-1h', '1.5h', '1000000000h', '0', 'P1D',
  '/icon/code.svg', '/emojis/1f600.png', 'https://example.com/i.png',
  'input', 'textarea', 'dropdown', 'radio', 'multi-select', 'tag-select', 'checkbox', 'switch', 'slider', 'error',
  'string', 'number', 'bool', 'list(string)', 'owner', 'authenticated', 'public', 'organization', 'start', 'stop', 'delete',
  'ü', '日本語', '😀', '\u0000', '\u202e', 'a\u0301', '\ufeff', '\r\n', '\t', '%s%d%v', '${ACCESS_URL}', '$HOME', '../..',
  '__proto__', 'constructor', 'toString', 'hasOwnProperty',
];

const ASCII = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_./:=@ ';
const WIDE = ['é', 'ß', 'Ж', '中', '😀', '\u0301', '\u200b', '\u0000', '\uffff', '\u{10ffff}', '"', '\\', '\n'];

export interface GenOptions {
  /** Largest "huge" string, in characters. */
  readonly maxString: number;
  /** Largest collection. */
  readonly maxItems: number;
  /** Probability that a value (at any level) is null / unknown. */
  readonly nullRate: number;
  readonly unknownRate: number;
  /** Random types nest at most this deep. */
  readonly maxTypeDepth: number;
  /** Lone surrogates do not survive UTF-8; leave them out when checking round trips. */
  readonly loneSurrogates: boolean;
  /** Allow ±Infinity (msgpack carries it, JSON cannot). */
  readonly infinities: boolean;
}

export const DEFAULT_GEN: GenOptions = {
  maxString: 4096,
  maxItems: 24,
  nullRate: 0.08,
  unknownRate: 0.06,
  maxTypeDepth: 5,
  loneSurrogates: false,
  infinities: true,
};

export function randomString(rng: Rng, opts: GenOptions): string {
  const mode = rng.int(100);
  if (mode < 40) return rng.pick(DOMAIN_STRINGS);
  if (mode < 50) return `${SENTINEL}-${rng.u32().toString(16)}`;
  if (mode < 75) {
    const n = rng.size(40);
    let s = '';
    for (let i = 0; i < n; i++) s += ASCII[rng.int(ASCII.length)];
    return s;
  }
  if (mode < 90) {
    const n = rng.size(24);
    let s = '';
    for (let i = 0; i < n; i++) s += rng.chance(0.5) ? rng.pick(WIDE) : ASCII[rng.int(ASCII.length)];
    if (opts.loneSurrogates && rng.chance(0.2)) s += rng.chance(0.5) ? '\ud800' : '\udc00';
    return s;
  }
  if (mode < 97) {
    // Long: a domain string repeated.
    const n = rng.range(256, Math.max(256, Math.min(opts.maxString, 8192)));
    const s = (rng.pick(DOMAIN_STRINGS) || 'x').repeat(Math.ceil(n / 8) + 1).slice(0, n);
    // Never end on half a surrogate pair (it would not survive UTF-8).
    return /[\ud800-\udbff]$/.test(s) ? s.slice(0, -1) : s;
  }
  // As long as allowed (callers keep maxString small unless they want one huge string).
  return 'x'.repeat(rng.range(Math.min(opts.maxString, 8192), opts.maxString));
}

/**
 * Puts one huge string (up to `max` characters) into a value of an object type, at a random
 * string attribute, or returns the value unchanged when the type has none.
 */
export function withHugeString(rng: Rng, value: Value, t: CtyType, max: number): Value {
  if (t.kind !== 'object' || value === null || typeof value !== 'object' || Array.isArray(value) || value instanceof Unknown) return value;
  const names = Object.keys(t.attributes).filter((n) => t.attributes[n]!.kind === 'string');
  if (names.length === 0) return value;
  const out: Record<string, Value> = Object.create(null);
  for (const [k, v] of Object.entries(value as Record<string, Value>)) out[k] = v;
  const size = rng.range(64 * 1024, max);
  out[rng.pick(names)] = rng.chance(0.5) ? 'x'.repeat(size) : rng.pick(DOMAIN_STRINGS.filter((d) => d.length > 0)).repeat(Math.ceil(size / 8)).slice(0, size).replace(/[\ud800-\udbff]$/, '');
  return out;
}

const INTERESTING_NUMBERS: readonly (number | string)[] = [
  0, -0, 1, -1, 2, 7, 127, 128, 255, 256, -32, -33, 65535, 65536, 2147483647, -2147483648, 4294967295, 4294967296,
  9007199254740991, -9007199254740991, 9007199254740992, 1.5, -2.25, 0.1, 1e-7, 5e-324, 1.7976931348623157e308, 1e21,
  '9007199254740993', '9223372036854775807', '-9223372036854775808', '18446744073709551615', '18446744073709551616',
  '0.1000000000000000000000001', '123456789012345678901234567890', '-0.000000000000000000000000000001',
];

export function randomNumber(rng: Rng, opts: GenOptions): number | BigNumber {
  const mode = rng.int(10);
  if (mode < 4) {
    const n = rng.pick(INTERESTING_NUMBERS);
    return typeof n === 'string' ? new BigNumber(n) : n;
  }
  if (mode < 7) return rng.range(-1000, 100000);
  if (mode < 9) return (rng.float() - 0.5) * 10 ** rng.range(-10, 30);
  if (opts.infinities && rng.chance(0.3)) return rng.chance(0.5) ? Infinity : -Infinity;
  // A long decimal that no double holds exactly.
  let digits = String(rng.range(1, 9));
  const n = rng.range(17, 60);
  for (let i = 0; i < n; i++) digits += String(rng.int(10));
  return new BigNumber(rng.chance(0.5) ? digits : `${digits.slice(0, 5)}.${digits.slice(5)}`);
}

function randomRefinements(rng: Rng, t: CtyType, opts: GenOptions): Refinements | undefined {
  if (rng.chance(0.5)) return undefined;
  const r: { -readonly [K in keyof Refinements]: Refinements[K] } = {};
  if (rng.chance(0.6)) r.nullable = false;
  if (t.kind === 'string' && rng.chance(0.7)) r.stringPrefix = randomString(rng, { ...opts, maxString: 300 });
  if (t.kind === 'number') {
    if (rng.chance(0.6)) r.numberLower = [Math.floor(rng.float() * 100) - 50, rng.chance(0.5)];
    if (rng.chance(0.6)) r.numberUpper = [Math.floor(rng.float() * 100) + 50, rng.chance(0.5)];
  }
  if (t.kind === 'list' || t.kind === 'set' || t.kind === 'map') {
    const lo = rng.int(5);
    if (rng.chance(0.6)) r.lengthLower = lo;
    if (rng.chance(0.6)) r.lengthUpper = lo + rng.int(10);
  }
  return r;
}

/** A random value of type `t` (which must not be undefined). `depth` counts nesting so far. */
export function randomValue(rng: Rng, t: CtyType, opts: GenOptions = DEFAULT_GEN, depth = 0): Value {
  if (rng.chance(opts.nullRate)) return null;
  if (rng.chance(opts.unknownRate)) {
    const r = randomRefinements(rng, t, opts);
    return r ? new Unknown(r) : UNKNOWN;
  }
  const items = (): number => (depth > 6 ? rng.int(2) : rng.size(opts.maxItems));
  switch (t.kind) {
    case 'string':
      return randomString(rng, opts);
    case 'number':
      return randomNumber(rng, opts);
    case 'bool':
      return rng.chance(0.5);
    case 'list':
    case 'set': {
      const n = items();
      const out: Value[] = [];
      for (let i = 0; i < n; i++) out.push(randomValue(rng, t.element, opts, depth + 1));
      return out;
    }
    case 'tuple':
      return t.elements.map((e) => randomValue(rng, e, opts, depth + 1));
    case 'map': {
      const n = items();
      const out: Record<string, Value> = Object.create(null);
      for (let i = 0; i < n; i++) out[randomString(rng, { ...opts, maxString: 64 })] = randomValue(rng, t.element, opts, depth + 1);
      return out;
    }
    case 'object': {
      const out: Record<string, Value> = Object.create(null);
      for (const name of Object.keys(t.attributes)) out[name] = randomValue(rng, t.attributes[name]!, opts, depth + 1);
      return out;
    }
    case 'dynamic': {
      const inner = randomType(rng, Math.min(opts.maxTypeDepth, 3));
      if (inner.kind === 'dynamic') return null;
      return new DynamicWrapped(inner, randomValue(rng, inner, opts, depth + 1));
    }
  }
}

const ATTR_NAMES = ['a', 'b', 'id', 'name', 'value', 'env', 'x_y', '__proto__', 'ü', 'constructor', ''];

/** A random cty type, at most `maxDepth` levels of containers. */
export function randomType(rng: Rng, maxDepth: number): CtyType {
  const leafOnly = maxDepth <= 0;
  const kind = leafOnly ? rng.int(4) : rng.int(11);
  switch (kind) {
    case 0:
      return StringType;
    case 1:
      return NumberType;
    case 2:
      return BoolType;
    case 3:
      return rng.chance(0.3) ? DynamicType : StringType;
    case 4:
      return listOf(randomType(rng, maxDepth - 1));
    case 5:
      return setOf(randomType(rng, maxDepth - 1));
    case 6:
      return mapOf(randomType(rng, maxDepth - 1));
    case 7: {
      const n = rng.int(4);
      return tupleOf(Array.from({ length: n }, () => randomType(rng, maxDepth - 1)));
    }
    default: {
      const attrs: Record<string, CtyType> = {};
      const n = rng.int(6);
      for (let i = 0; i < n; i++) attrs[rng.pick(ATTR_NAMES) + (rng.chance(0.5) ? String(i) : '')] = randomType(rng, maxDepth - 1);
      const names = Object.keys(attrs);
      const optional = names.filter(() => rng.chance(0.2));
      return objectOf(attrs, optional);
    }
  }
}

/** A type nested `depth` levels deep (for depth-limit probing), built iteratively. */
export function deepType(rng: Rng, depth: number): CtyType {
  let t: CtyType = rng.pick([StringType, NumberType, BoolType]);
  for (let i = 0; i < depth; i++) {
    const k = rng.int(4);
    t = k === 0 ? listOf(t) : k === 1 ? setOf(t) : k === 2 ? mapOf(t) : objectOf({ a: t });
  }
  return t;
}
