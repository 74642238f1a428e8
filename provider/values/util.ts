/**
 * Small shared helpers: Go-compatible string ordering and JSON string quoting, cached attribute
 * name lists, and a short description of a JS value for error messages.
 */
import type { CtyType } from './types';
import { BigNumber, DynamicWrapped, Unknown, type ObjectValue, type Value } from './value';

/**
 * Orders strings by Unicode code point, which is the byte order of their UTF-8 encoding and so
 * the order Go's sort.Strings (used by go-cty and encoding/json) produces. JS's default sort
 * compares UTF-16 code units, which differs once surrogate pairs meet U+E000..U+FFFF.
 */
export function compareCodePoints(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    let x = a.charCodeAt(i);
    let y = b.charCodeAt(i);
    if (x === y) continue;
    // Lift surrogates above the rest of the BMP so pairs sort as the astral code points they encode.
    if (x >= 0xd800) x = x <= 0xdfff ? x + 0x2000 : x - 0x800;
    if (y >= 0xd800) y = y <= 0xdfff ? y + 0x2000 : y - 0x800;
    return x - y;
  }
  return a.length - b.length;
}

type ObjectType = Extract<CtyType, { kind: 'object' }>;
const attrNameCache = new WeakMap<object, readonly string[]>();

/**
 * Attribute names of an object type in code point order, cached per type object. Schemas build
 * their types once, so codecs walking thousands of objects of one type sort the names once.
 */
export function sortedAttributeNames(t: ObjectType): readonly string[] {
  let names = attrNameCache.get(t);
  if (names === undefined) {
    names = Object.keys(t.attributes).sort(compareCodePoints);
    attrNameCache.set(t, names);
  }
  return names;
}

const attrMapCache = new WeakMap<object, ReadonlyMap<string, CtyType>>();

/**
 * Attribute types of an object type as a Map, cached per type. Map lookups are much faster
 * than hasOwnProperty on the dictionary-mode null-prototype records types use, and codecs do
 * one lookup per attribute of every object they read.
 */
export function attributeMap(t: ObjectType): ReadonlyMap<string, CtyType> {
  let m = attrMapCache.get(t);
  if (m === undefined) {
    m = new Map(Object.entries(t.attributes));
    attrMapCache.set(t, m);
  }
  return m;
}

/** Keys of a record in code point order; skips the sort when they already are (the usual case). */
export function sortedKeys(o: object): string[] {
  const keys = Object.keys(o);
  for (let i = 1; i < keys.length; i++) {
    if (compareCodePoints(keys[i - 1], keys[i]) > 0) return keys.sort(compareCodePoints);
  }
  return keys;
}

/**
 * A new empty null-prototype record for an *object* value. `Object.create(null)` gives a
 * dictionary-mode object in V8; setting the prototype of a fresh `{}` to null keeps fast
 * properties (about 3x faster to build and 8x faster to read for schema objects, which always
 * have the same attributes). Safe for any key: with no prototype, "__proto__" is a plain own
 * property. Maps, whose keys vary freely, stay on Object.create(null).
 */
export function newObjectRecord(): ObjectValue {
  return Object.setPrototypeOf({}, null) as ObjectValue;
}

export const hasOwn = (o: object, k: string): boolean => Object.prototype.hasOwnProperty.call(o, k);

// Anything outside printable ASCII, or one of the characters Go escapes.
const NEEDS_ESCAPE = /["\\<>&\u0000-\u001f\u007f-\uffff]/;
const HEX = '0123456789abcdef';

/**
 * Quotes a string exactly as Go's encoding/json does (HTML-safe escaping of < > &, \u2028 and
 * \u2029 escaped, \b \f \n \r \t short forms, other control characters as \u00xx, invalid
 * UTF-16 (lone surrogates) replaced by \ufffd), so type JSON and JSON values match go-cty output
 * byte for byte.
 */
export function goJsonString(s: string): string {
  if (!NEEDS_ESCAPE.test(s)) return `"${s}"`;
  let out = '"';
  let start = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    let rep: string | undefined;
    if (c < 0x20 || c === 0x22 || c === 0x5c || c === 0x3c || c === 0x3e || c === 0x26) {
      switch (c) {
        case 0x22: rep = '\\"'; break;
        case 0x5c: rep = '\\\\'; break;
        case 0x08: rep = '\\b'; break;
        case 0x0c: rep = '\\f'; break;
        case 0x0a: rep = '\\n'; break;
        case 0x0d: rep = '\\r'; break;
        case 0x09: rep = '\\t'; break;
        default: rep = '\\u00' + HEX[c >> 4] + HEX[c & 0xf];
      }
    } else if (c === 0x2028 || c === 0x2029) {
      rep = c === 0x2028 ? '\\u2028' : '\\u2029';
    } else if (c >= 0xd800 && c <= 0xdfff) {
      const next = i + 1 < s.length ? s.charCodeAt(i + 1) : 0;
      if (c <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
        i++; // a valid pair passes through unchanged
        continue;
      }
      rep = '\\ufffd';
    }
    if (rep !== undefined) {
      out += s.slice(start, i) + rep;
      start = i + 1;
    }
  }
  return out + s.slice(start) + '"';
}

/**
 * Replaces unpaired surrogates with U+FFFD, as Go's encoding/json does when it decodes a \u escape
 * of one (String.prototype.toWellFormed, Node >= 20; not yet in TypeScript's ES2022 lib).
 */
export function toWellFormed(s: string): string {
  return (s as unknown as { toWellFormed(): string }).toWellFormed();
}

/** A short description of what a JS value is, for "expected X, got Y" messages. */
export function describeValue(v: Value | undefined): string {
  if (v === undefined) return 'undefined';
  if (v === null) return 'null';
  if (v instanceof Unknown) return 'an unknown value';
  if (v instanceof BigNumber) return 'a number';
  if (v instanceof DynamicWrapped) return 'a DynamicWrapped value';
  if (Array.isArray(v)) return 'an array';
  switch (typeof v) {
    case 'string': return 'a string';
    case 'number': return Number.isNaN(v) ? 'NaN' : 'a number';
    case 'boolean': return 'a bool';
    case 'object': return 'an object';
    default: return typeof v;
  }
}
