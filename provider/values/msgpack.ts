/**
 * msgpack codec for DynamicValue.msgpack (plugin-protocol.md sec. 3.3-sec. 3.7), written by hand rather
 * than on @msgpack/msgpack because the decoding is type-directed (an extension at any position
 * is an unknown, a str may be a number, int64 must not be rounded) and because hostile input
 * must fail with a clear error: nesting is depth-limited, declared lengths are checked against
 * the bytes actually present before anything is allocated, and every loop consumes input, so
 * decoding is linear in the input size and cannot hang.
 *
 * Output follows go-cty's encoder: compact int widths (non-negative values use the uint
 * formats), float64 for non-integers, decimal str for numbers beyond int64/float64, object
 * attributes and map keys in sorted order, unknowns as `d4 00 00` or ext 12 with refinements.
 */
import { ValueError, withStep } from './errors';
import {
  decimalToInt64,
  formatPlain,
  numberFromText,
  parseDecimal,
} from './number';
import { parseTypeJson, typeToJson } from './typejson';
import { DynamicType, typeName, type CtyType } from './types';
import { attributeMap, describeValue, newObjectRecord, sortedAttributeNames, sortedKeys } from './util';
import {
  BigNumber,
  DynamicWrapped,
  isObjectValue,
  UNKNOWN,
  Unknown,
  type ObjectValue,
  type Refinements,
  type Value,
} from './value';

/** Containers nested deeper than this are rejected (real values nest a few dozen levels). */
export const MAX_DEPTH = 512;
/** go-cty rejects refinement payloads above 1 KiB; so do we. */
const MAX_REFINEMENT_BYTES = 1024;
/** Terraform truncates string-prefix refinements to 256 bytes; we never send longer ones. */
const MAX_PREFIX_BYTES = 256;
const REFINED_UNKNOWN_EXT = 0x0c;

const TWO_32 = 4294967296;
const TWO_63 = 9223372036854775808;

// ---------------------------------------------------------------------------------------------
// Encoding
// ---------------------------------------------------------------------------------------------

const textEncoder = new TextEncoder();

/** Growable output buffer. One is kept between calls so small encodes do not reallocate. */
class Writer {
  buf: Uint8Array;
  view: DataView;
  pos = 0;

  constructor(size: number) {
    this.buf = new Uint8Array(size);
    this.view = new DataView(this.buf.buffer);
  }

  reserve(n: number): void {
    if (this.pos + n <= this.buf.length) return;
    let size = this.buf.length * 2;
    while (size < this.pos + n) size *= 2;
    const next = new Uint8Array(size);
    next.set(this.buf.subarray(0, this.pos));
    this.buf = next;
    this.view = new DataView(next.buffer);
  }

  u8(b: number): void {
    this.reserve(1);
    this.buf[this.pos++] = b;
  }

  u8u8(a: number, b: number): void {
    this.reserve(2);
    this.buf[this.pos++] = a;
    this.buf[this.pos++] = b;
  }

  u8u16(a: number, b: number): void {
    this.reserve(3);
    this.buf[this.pos] = a;
    this.view.setUint16(this.pos + 1, b);
    this.pos += 3;
  }

  u8u32(a: number, b: number): void {
    this.reserve(5);
    this.buf[this.pos] = a;
    this.view.setUint32(this.pos + 1, b);
    this.pos += 5;
  }

  bytes(b: Uint8Array): void {
    this.reserve(b.length);
    this.buf.set(b, this.pos);
    this.pos += b.length;
  }
}

let spare: Writer | undefined;
const KEEP_WRITER_BELOW = 1 << 20;

/**
 * Encodes a value of the given type. Throws ValueError (with the path) when the value does not
 * fit the type, for NaN anywhere (go-cty panics on NaN, crashing Terraform), and for a concrete
 * value in a `dynamic` slot that is not a DynamicWrapped (its type would be ambiguous).
 *
 * Object attributes missing from the record are sent as null (the wire has no "absent"); keys
 * that are not attributes of the type are an error.
 */
export function encodeMsgpack(value: Value, type: CtyType): Uint8Array {
  const w = spare ?? new Writer(4096);
  spare = undefined; // not re-entrant-safe otherwise
  w.pos = 0;
  try {
    encodeValue(w, value, type, 0);
    return w.buf.slice(0, w.pos);
  } finally {
    if (w.buf.length <= KEEP_WRITER_BELOW) spare = w;
  }
}

function mismatch(type: CtyType, v: Value | undefined): ValueError {
  return new ValueError(`${typeName(type)} is required, got ${describeValue(v)}`);
}

function encodeValue(w: Writer, v: Value, t: CtyType, depth: number): void {
  if (v instanceof Unknown) return writeUnknown(w, v, t);
  if (v === null) return w.u8(0xc0);
  if (depth > MAX_DEPTH) throw new ValueError(`value is nested more than ${MAX_DEPTH} levels`);
  switch (t.kind) {
    case 'string':
      if (typeof v !== 'string') throw mismatch(t, v);
      return writeString(w, v);
    case 'number':
      if (typeof v === 'number') return writeNumber(w, v);
      if (v instanceof BigNumber) return writeBigNumber(w, v);
      throw mismatch(t, v);
    case 'bool':
      if (typeof v !== 'boolean') throw mismatch(t, v);
      return w.u8(v ? 0xc3 : 0xc2);
    case 'list':
    case 'set':
      if (!Array.isArray(v)) throw mismatch(t, v);
      writeArrayHeader(w, v.length);
      for (let i = 0; i < v.length; i++) {
        try {
          encodeValue(w, v[i], t.element, depth + 1);
        } catch (e) {
          withStep(e, { index: i });
        }
      }
      return;
    case 'tuple':
      if (!Array.isArray(v)) throw mismatch(t, v);
      if (v.length !== t.elements.length) {
        throw new ValueError(`a tuple of ${t.elements.length} elements is required, got ${v.length}`);
      }
      writeArrayHeader(w, v.length);
      for (let i = 0; i < v.length; i++) {
        try {
          encodeValue(w, v[i], t.elements[i], depth + 1);
        } catch (e) {
          withStep(e, { index: i });
        }
      }
      return;
    case 'map':
      if (!isObjectValue(v)) throw mismatch(t, v);
      return writeMap(w, v, t.element, depth);
    case 'object':
      if (!isObjectValue(v)) throw mismatch(t, v);
      return writeObject(w, v, t, depth);
    case 'dynamic':
      return writeDynamic(w, v, depth);
    default:
      throw new ValueError(`unsupported type kind ${JSON.stringify((t as { kind: unknown }).kind)}`);
  }
}

function writeMap(w: Writer, v: ObjectValue, elem: CtyType, depth: number): void {
  // Sorted like go-cty (cty map iteration is ordered), so equal maps encode to equal bytes.
  const keys = sortedKeys(v);
  writeMapHeader(w, keys.length);
  for (const k of keys) {
    writeString(w, k);
    try {
      encodeValue(w, v[k], elem, depth + 1);
    } catch (e) {
      withStep(e, { key: k });
    }
  }
}

function writeObject(w: Writer, v: ObjectValue, t: Extract<CtyType, { kind: 'object' }>, depth: number): void {
  const names = sortedAttributeNames(t);
  let present = 0;
  for (const name of names) if (v[name] !== undefined) present++;
  let total = 0;
  for (const _ in v) total++;
  if (total !== present) {
    // More keys than defined attributes: either a stray key, or attributes set to undefined.
    const attrs = attributeMap(t);
    const extra = Object.keys(v).find((k) => !attrs.has(k));
    if (extra !== undefined) throw new ValueError('unsupported attribute', [{ attribute: extra }]);
  }
  writeMapHeader(w, names.length);
  for (const name of names) {
    writeString(w, name);
    const av = v[name];
    if (av === undefined) {
      w.u8(0xc0);
      continue;
    }
    try {
      encodeValue(w, av, t.attributes[name], depth + 1);
    } catch (e) {
      withStep(e, { attribute: name });
    }
  }
}

const typeJsonBytesCache = new WeakMap<CtyType, Uint8Array>();

function writeDynamic(w: Writer, v: Value, depth: number): void {
  if (!(v instanceof DynamicWrapped)) {
    throw new ValueError(`a value in a dynamic slot must be a DynamicWrapped (to carry its type), got ${describeValue(v)}`);
  }
  // A wrapper declaring type "dynamic" adds nothing; encode what it holds in its place.
  if (v.type.kind === 'dynamic') return encodeValue(w, v.value, DynamicType, depth + 1);
  let tj = typeJsonBytesCache.get(v.type);
  if (tj === undefined) {
    tj = textEncoder.encode(typeToJson(v.type));
    typeJsonBytesCache.set(v.type, tj);
  }
  w.u8(0x92);
  // go-cty writes the type as bin (and reads bin or str).
  if (tj.length <= 0xff) w.u8u8(0xc4, tj.length);
  else if (tj.length <= 0xffff) w.u8u16(0xc5, tj.length);
  else w.u8u32(0xc6, tj.length);
  w.bytes(tj);
  encodeValue(w, v.value, v.type, depth + 1);
}

function writeArrayHeader(w: Writer, n: number): void {
  if (n < 16) w.u8(0x90 | n);
  else if (n <= 0xffff) w.u8u16(0xdc, n);
  else w.u8u32(0xdd, n);
}

function writeMapHeader(w: Writer, n: number): void {
  if (n < 16) w.u8(0x80 | n);
  else if (n <= 0xffff) w.u8u16(0xde, n);
  else w.u8u32(0xdf, n);
}

/** UTF-8 length of a short string (lone surrogates count 3, as U+FFFD, like TextEncoder). */
function utf8Length(s: string): number {
  let n = s.length;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) continue;
    if (c < 0x800) n += 1;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      n += 2; // pair: 2 units -> 4 bytes
      i++;
    } else n += 2;
  }
  return n;
}

function writeString(w: Writer, s: string): void {
  // Short strings (keys, names) are measured and, if ASCII, copied by hand: cheaper than a
  // native call per string. Longer ones go through Buffer.byteLength + TextEncoder.encodeInto.
  const short = s.length <= 64;
  const n = short ? utf8Length(s) : Buffer.byteLength(s, 'utf8');
  if (n < 32) w.u8(0xa0 | n);
  else if (n <= 0xff) w.u8u8(0xd9, n);
  else if (n <= 0xffff) w.u8u16(0xda, n);
  else w.u8u32(0xdb, n);
  w.reserve(n);
  if (short && n === s.length) {
    const buf = w.buf;
    let p = w.pos;
    for (let i = 0; i < n; i++) buf[p++] = s.charCodeAt(i);
  } else {
    textEncoder.encodeInto(s, w.buf.subarray(w.pos, w.pos + n));
  }
  w.pos += n;
}

function writeNumber(w: Writer, x: number): void {
  if (Number.isNaN(x)) {
    throw new ValueError('NaN is not a valid number (go-cty panics on NaN, which would crash Terraform)');
  }
  if (Number.isInteger(x) && x >= -TWO_63 && x < TWO_63) return writeInt(w, x);
  // Non-integers, +/-Infinity and integers beyond int64 (exact doubles) travel as float64.
  w.reserve(9);
  w.buf[w.pos] = 0xcb;
  w.view.setFloat64(w.pos + 1, x);
  w.pos += 9;
}

/** Integer within int64 (as an exact double), in the most compact msgpack form. */
function writeInt(w: Writer, x: number): void {
  if (x >= 0) {
    if (x < 0x80) return w.u8(x);
    if (x <= 0xff) return w.u8u8(0xcc, x);
    if (x <= 0xffff) return w.u8u16(0xcd, x);
    if (x <= 0xffffffff) return w.u8u32(0xce, x);
    const hi = Math.floor(x / TWO_32);
    w.reserve(9);
    w.buf[w.pos] = 0xcf;
    w.view.setUint32(w.pos + 1, hi);
    w.view.setUint32(w.pos + 5, x - hi * TWO_32);
    w.pos += 9;
    return;
  }
  if (x >= -32) return w.u8(x & 0xff);
  if (x >= -128) return w.u8u8(0xd0, x & 0xff);
  if (x >= -32768) {
    w.reserve(3);
    w.buf[w.pos] = 0xd1;
    w.view.setInt16(w.pos + 1, x);
    w.pos += 3;
    return;
  }
  w.reserve(9);
  if (x >= -2147483648) {
    w.buf[w.pos] = 0xd2;
    w.view.setInt32(w.pos + 1, x);
    w.pos += 5;
    return;
  }
  const hi = Math.floor(x / TWO_32); // exact: division by a power of two
  w.buf[w.pos] = 0xd3;
  w.view.setInt32(w.pos + 1, hi);
  w.view.setUint32(w.pos + 5, x - hi * TWO_32);
  w.pos += 9;
}

function writeBigNumber(w: Writer, v: BigNumber): void {
  const d = parseDecimal(v.text);
  if (d === undefined) throw new ValueError(`BigNumber text ${JSON.stringify(v.text.slice(0, 64))} is not a decimal number`);
  const i = decimalToInt64(d);
  if (i === undefined) return writeString(w, formatPlain(d));
  if (i >= -9007199254740991n && i <= 9007199254740991n) return writeInt(w, Number(i));
  w.reserve(9);
  if (i >= 0n) {
    w.buf[w.pos] = 0xcf;
    w.view.setBigUint64(w.pos + 1, i);
  } else {
    w.buf[w.pos] = 0xd3;
    w.view.setBigInt64(w.pos + 1, i);
  }
  w.pos += 9;
}

function writeUnknown(w: Writer, u: Unknown, t: CtyType): void {
  const payload = u.refinements && t.kind !== 'dynamic' ? encodeRefinements(u.refinements, t) : undefined;
  if (payload === undefined) {
    // fixext1, type 0, one zero byte: go-cty's plain unknown.
    w.reserve(3);
    w.buf[w.pos++] = 0xd4;
    w.buf[w.pos++] = 0;
    w.buf[w.pos++] = 0;
    return;
  }
  const n = payload.length;
  switch (n) {
    case 2: w.u8(0xd5); break;
    case 4: w.u8(0xd6); break;
    case 8: w.u8(0xd7); break;
    case 16: w.u8(0xd8); break;
    default:
      if (n <= 0xff) w.u8u8(0xc7, n);
      else w.u8u16(0xc8, n);
  }
  w.u8(REFINED_UNKNOWN_EXT);
  w.bytes(payload);
}

/**
 * The refinement map (integer keys 1..6) for the refinements that apply to `t`, or undefined
 * when none do - an empty map must not be sent (sec. 3.4).
 */
function encodeRefinements(r: Refinements, t: CtyType): Uint8Array | undefined {
  const body = new Writer(64);
  let count = 0;
  if (r.nullable === false) {
    body.u8u8(1, 0xc2);
    count++;
  }
  if (t.kind === 'string' && r.stringPrefix) {
    body.u8(2);
    writeString(body, truncateUtf8(r.stringPrefix, MAX_PREFIX_BYTES));
    count++;
  }
  if (t.kind === 'number') {
    const bounds: [number, readonly [number | BigNumber, boolean] | undefined][] = [[3, r.numberLower], [4, r.numberUpper]];
    for (const [key, bound] of bounds) {
      // An infinite bound is no bound; go-cty omits it.
      if (bound === undefined || (typeof bound[0] === 'number' && !Number.isFinite(bound[0]) && !Number.isNaN(bound[0]))) continue;
      body.u8(key);
      body.u8(0x92);
      if (typeof bound[0] === 'number') writeNumber(body, bound[0]);
      else writeBigNumber(body, bound[0]);
      body.u8(bound[1] ? 0xc3 : 0xc2);
      count++;
    }
  }
  if (t.kind === 'list' || t.kind === 'set' || t.kind === 'map') {
    if (r.lengthLower !== undefined && r.lengthLower > 0) {
      body.u8(5);
      writeInt(body, checkLength(r.lengthLower));
      count++;
    }
    if (r.lengthUpper !== undefined) {
      body.u8(6);
      writeInt(body, checkLength(r.lengthUpper));
      count++;
    }
  }
  if (count === 0) return undefined;
  const out = new Uint8Array(body.pos + 1);
  out[0] = 0x80 | count;
  out.set(body.buf.subarray(0, body.pos), 1);
  return out;
}

function checkLength(n: number): number {
  if (!Number.isSafeInteger(n) || n < 0) throw new ValueError(`collection length refinement must be a non-negative integer, got ${n}`);
  return n;
}

/** Cuts a string to at most `max` UTF-8 bytes without splitting a character. */
function truncateUtf8(s: string, max: number): string {
  const bytes = textEncoder.encode(s);
  if (bytes.length <= max) return s;
  let end = max;
  while (end > 0 && (bytes[end] & 0xc0) === 0x80) end--;
  return new TextDecoder().decode(bytes.subarray(0, end));
}

// ---------------------------------------------------------------------------------------------
// Decoding
// ---------------------------------------------------------------------------------------------

/**
 * Decodes msgpack bytes as a value of the given type. Throws ValueError (with the path) for
 * malformed, truncated or trailing input, type mismatches, objects without exactly their
 * attributes, and unsupported extensions. An empty buffer is an error here; the protocol's
 * "no bytes = null" rule belongs to the caller.
 */
export function decodeMsgpack(bytes: Uint8Array, type: CtyType): Value {
  if (bytes.length === 0) throw new ValueError('msgpack: empty input');
  const d = new Decoder(bytes, 0, bytes.length);
  const v = d.value(type, 0);
  if (d.pos !== bytes.length) {
    throw new ValueError(`msgpack: ${bytes.length - d.pos} trailing byte(s) after the value at offset ${d.pos}`);
  }
  return v;
}

function isExt(b: number): boolean {
  return (b >= 0xd4 && b <= 0xd8) || (b >= 0xc7 && b <= 0xc9);
}

/** Names a msgpack lead byte's family, for "X is required, got Y" messages. */
function describeByte(b: number): string {
  if (b <= 0x7f || b >= 0xe0 || (b >= 0xcc && b <= 0xd3)) return 'an integer';
  if (b <= 0x8f || b === 0xde || b === 0xdf) return 'a map';
  if (b <= 0x9f || b === 0xdc || b === 0xdd) return 'an array';
  if (b <= 0xbf || (b >= 0xd9 && b <= 0xdb)) return 'a string';
  switch (b) {
    case 0xc0: return 'nil';
    case 0xc2:
    case 0xc3: return 'a bool';
    case 0xc4:
    case 0xc5:
    case 0xc6: return 'binary data';
    case 0xca:
    case 0xcb: return 'a float';
    case 0xc1: return 'the reserved byte 0xc1';
    default: return 'an extension';
  }
}

const SAFE_HI = 0x200000; // |hi| < 2^21 keeps hi * 2^32 + lo below 2^53

class Decoder {
  readonly view: DataView;
  readonly buffer: Buffer;
  pos: number;
  /** Type JSON already parsed in this call: dynamic lists repeat the same few types. */
  private typeCache: Map<string, CtyType> | undefined;

  constructor(readonly bytes: Uint8Array, start: number, readonly end: number) {
    this.pos = start;
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    this.buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  private truncated(need: number): ValueError {
    return new ValueError(
      `msgpack: unexpected end of input at offset ${this.pos} (need ${need} more byte(s), ${this.end - this.pos} available)`,
    );
  }

  private need(n: number): void {
    if (this.end - this.pos < n) throw this.truncated(n);
  }

  private peek(): number {
    if (this.pos >= this.end) throw this.truncated(1);
    return this.bytes[this.pos];
  }

  value(t: CtyType, depth: number): Value {
    const b = this.peek();
    // An extension anywhere is an unknown of the expected type (checked before anything else).
    if (isExt(b)) return this.unknown(t, depth);
    if (b === 0xc0) {
      this.pos++;
      return null;
    }
    if (depth > MAX_DEPTH) throw new ValueError(`msgpack: value is nested more than ${MAX_DEPTH} levels`);
    switch (t.kind) {
      case 'string': {
        const s = this.stringOrUndefined();
        if (s === undefined) throw new ValueError(`string is required, got ${describeByte(b)}`);
        return s;
      }
      case 'number':
        return this.number();
      case 'bool':
        if (b === 0xc2 || b === 0xc3) {
          this.pos++;
          return b === 0xc3;
        }
        throw new ValueError(`bool is required, got ${describeByte(b)}`);
      case 'list':
      case 'set': {
        const n = this.arrayLength(t.kind);
        const out: Value[] = [];
        for (let i = 0; i < n; i++) {
          try {
            out.push(this.value(t.element, depth + 1));
          } catch (e) {
            withStep(e, { index: i });
          }
        }
        return out;
      }
      case 'tuple': {
        const n = this.arrayLength('tuple');
        if (n !== t.elements.length) throw new ValueError(`a tuple of ${t.elements.length} elements is required, got ${n}`);
        const out: Value[] = [];
        for (let i = 0; i < n; i++) {
          try {
            out.push(this.value(t.elements[i], depth + 1));
          } catch (e) {
            withStep(e, { index: i });
          }
        }
        return out;
      }
      case 'map': {
        const n = this.mapLength('map');
        const out: ObjectValue = Object.create(null);
        for (let i = 0; i < n; i++) {
          const key = this.key('map');
          try {
            out[key] = this.value(t.element, depth + 1); // a repeated key keeps the last value, as in go-cty
          } catch (e) {
            withStep(e, { key });
          }
        }
        return out;
      }
      case 'object':
        return this.object(t, depth);
      case 'dynamic':
        return this.dynamic(depth);
      default:
        throw new ValueError(`unsupported type kind ${JSON.stringify((t as { kind: unknown }).kind)}`);
    }
  }

  private object(t: Extract<CtyType, { kind: 'object' }>, depth: number): ObjectValue {
    const n = this.mapLength('object');
    const attrs = attributeMap(t);
    const out = newObjectRecord();
    for (let i = 0; i < n; i++) {
      const key = this.key('object');
      const at = attrs.get(key);
      if (at === undefined) throw new ValueError('unsupported attribute', [{ attribute: key }]);
      // `out` has no prototype and decoded values are never undefined, so this is a presence test.
      if (out[key] !== undefined) throw new ValueError('attribute given more than once', [{ attribute: key }]);
      try {
        out[key] = this.value(at, depth + 1);
      } catch (e) {
        withStep(e, { attribute: key });
      }
    }
    const names = sortedAttributeNames(t);
    if (n !== names.length) {
      // Every key was a distinct attribute, so fewer keys means some attributes are missing.
      const missing = names.find((a) => out[a] === undefined)!;
      throw new ValueError(
        `attribute is missing (an object with ${names.length} attributes is required, ${n} given; absent values must be sent as nil)`,
        [{ attribute: missing }],
      );
    }
    return out;
  }

  private dynamic(depth: number): Value {
    const b = this.peek();
    if (!((b >= 0x90 && b <= 0x9f) || b === 0xdc || b === 0xdd)) {
      throw new ValueError(`dynamic value must be a 2-element array [type JSON, value], got ${describeByte(b)}`);
    }
    const n = this.arrayLength('dynamic value');
    if (n !== 2) throw new ValueError(`dynamic value must be a 2-element array [type JSON, value], got ${n} elements`);
    const tb = this.peek();
    const raw = this.rawStringBytes();
    if (raw === undefined) throw new ValueError(`dynamic value type must be type JSON as bin or str, got ${describeByte(tb)}`);
    const text = this.buffer.toString('utf8', raw[0], raw[1]);
    this.typeCache ??= new Map();
    let ty = this.typeCache.get(text);
    if (ty === undefined) {
      ty = parseTypeJson(text);
      if (this.typeCache.size < 256) this.typeCache.set(text, ty);
    }
    // [ "dynamic", x ] just means "x, itself encoded as a dynamic value".
    if (ty.kind === 'dynamic') return this.value(DynamicType, depth + 1);
    return new DynamicWrapped(ty, this.value(ty, depth + 1));
  }

  /** Array header; `what` names the expected cty kind for the error message. */
  private arrayLength(what: string): number {
    const b = this.peek();
    let n: number;
    if (b >= 0x90 && b <= 0x9f) {
      this.pos++;
      n = b & 0x0f;
    } else if (b === 0xdc) {
      this.need(3);
      n = this.view.getUint16(this.pos + 1);
      this.pos += 3;
    } else if (b === 0xdd) {
      this.need(5);
      n = this.view.getUint32(this.pos + 1);
      this.pos += 5;
    } else {
      throw new ValueError(`${what} is required (msgpack array), got ${describeByte(b)}`);
    }
    // Each element takes at least one byte: reject impossible lengths before looping.
    if (n > this.end - this.pos) {
      throw new ValueError(`msgpack: array declares ${n} elements but only ${this.end - this.pos} byte(s) remain`);
    }
    return n;
  }

  private mapLength(what: string): number {
    const b = this.peek();
    let n: number;
    if (b >= 0x80 && b <= 0x8f) {
      this.pos++;
      n = b & 0x0f;
    } else if (b === 0xde) {
      this.need(3);
      n = this.view.getUint16(this.pos + 1);
      this.pos += 3;
    } else if (b === 0xdf) {
      this.need(5);
      n = this.view.getUint32(this.pos + 1);
      this.pos += 5;
    } else {
      throw new ValueError(`${what} is required (msgpack map), got ${describeByte(b)}`);
    }
    if (n * 2 > this.end - this.pos) {
      throw new ValueError(`msgpack: map declares ${n} entries but only ${this.end - this.pos} byte(s) remain`);
    }
    return n;
  }

  private key(what: string): string {
    const b = this.peek();
    const k = this.stringOrUndefined();
    if (k === undefined) throw new ValueError(`${what} keys must be strings, got ${describeByte(b)}`);
    return k;
  }

  /** [start, end) of a str or bin payload (consumed), or undefined if the next item is neither. */
  private rawStringBytes(): [number, number] | undefined {
    const b = this.peek();
    let n: number;
    let header: number;
    if (b >= 0xa0 && b <= 0xbf) {
      n = b & 0x1f;
      header = 1;
    } else if (b === 0xd9 || b === 0xc4) {
      this.need(2);
      n = this.bytes[this.pos + 1];
      header = 2;
    } else if (b === 0xda || b === 0xc5) {
      this.need(3);
      n = this.view.getUint16(this.pos + 1);
      header = 3;
    } else if (b === 0xdb || b === 0xc6) {
      this.need(5);
      n = this.view.getUint32(this.pos + 1);
      header = 5;
    } else {
      return undefined;
    }
    this.need(header + n);
    const start = this.pos + header;
    this.pos = start + n;
    return [start, start + n];
  }

  /** A str (or bin, which go-cty's DecodeString also accepts) as UTF-8 text. */
  private stringOrUndefined(): string | undefined {
    const r = this.rawStringBytes();
    if (r === undefined) return undefined;
    const [start, end] = r;
    if (end - start <= 32) {
      // ASCII fast path for short strings (most keys and values); anything else via Buffer.
      const bytes = this.bytes;
      let s = '';
      for (let i = start; i < end; i++) {
        const c = bytes[i];
        if (c >= 0x80) return this.buffer.toString('utf8', start, end);
        s += String.fromCharCode(c);
      }
      return s;
    }
    return this.buffer.toString('utf8', start, end);
  }

  number(): number | BigNumber {
    const b = this.peek();
    if (b <= 0x7f) {
      this.pos++;
      return b;
    }
    if (b >= 0xe0) {
      this.pos++;
      return b - 0x100;
    }
    const p = this.pos;
    const view = this.view;
    switch (b) {
      case 0xcc: this.need(2); this.pos += 2; return this.bytes[p + 1];
      case 0xcd: this.need(3); this.pos += 3; return view.getUint16(p + 1);
      case 0xce: this.need(5); this.pos += 5; return view.getUint32(p + 1);
      case 0xcf: {
        this.need(9);
        this.pos += 9;
        const hi = view.getUint32(p + 1);
        if (hi < SAFE_HI) return hi * TWO_32 + view.getUint32(p + 5);
        return fromBigInt(view.getBigUint64(p + 1));
      }
      case 0xd0: this.need(2); this.pos += 2; return view.getInt8(p + 1);
      case 0xd1: this.need(3); this.pos += 3; return view.getInt16(p + 1);
      case 0xd2: this.need(5); this.pos += 5; return view.getInt32(p + 1);
      case 0xd3: {
        this.need(9);
        this.pos += 9;
        const hi = view.getInt32(p + 1);
        if (hi >= -SAFE_HI && hi < SAFE_HI) return hi * TWO_32 + view.getUint32(p + 5);
        return fromBigInt(view.getBigInt64(p + 1));
      }
      case 0xca:
      case 0xcb: {
        this.need(b === 0xca ? 5 : 9);
        const x = b === 0xca ? view.getFloat32(p + 1) : view.getFloat64(p + 1);
        if (Number.isNaN(x)) throw new ValueError('NaN is not a valid number');
        this.pos += b === 0xca ? 5 : 9;
        return x;
      }
      default: {
        // go-cty sends numbers it cannot hold in int64/float64 as decimal text.
        const s = this.stringOrUndefined();
        if (s === undefined) throw new ValueError(`number is required, got ${describeByte(b)}`);
        let v: number | BigNumber | undefined;
        try {
          v = numberFromText(s);
        } catch (e) {
          throw new ValueError((e as Error).message);
        }
        // The text is not echoed: a value in the wrong slot may still be a secret.
        if (v === undefined) throw new ValueError('number is required, got a string that is not a decimal number');
        return v;
      }
    }
  }

  /** Reads an extension as an unknown of type t (sec. 3.4). */
  private unknown(t: CtyType, depth: number): Value {
    const b = this.bytes[this.pos];
    let n: number;
    let header: number;
    switch (b) {
      case 0xd4: n = 1; header = 1; break;
      case 0xd5: n = 2; header = 1; break;
      case 0xd6: n = 4; header = 1; break;
      case 0xd7: n = 8; header = 1; break;
      case 0xd8: n = 16; header = 1; break;
      case 0xc7: this.need(2); n = this.bytes[this.pos + 1]; header = 2; break;
      case 0xc8: this.need(3); n = this.view.getUint16(this.pos + 1); header = 3; break;
      default: this.need(5); n = this.view.getUint32(this.pos + 1); header = 5; break;
    }
    this.need(header + 1 + n);
    const extType = this.view.getInt8(this.pos + header);
    const start = this.pos + header + 1;
    // Any extension with at most one payload byte is a plain unknown, whatever its type code.
    if (n <= 1) {
      this.pos = start + n;
      return UNKNOWN;
    }
    if (extType !== REFINED_UNKNOWN_EXT) {
      throw new ValueError(`msgpack: unsupported extension type ${extType} with payload length ${n}`);
    }
    if (n > MAX_REFINEMENT_BYTES) throw new ValueError(`msgpack: oversize unknown value refinement (${n} bytes)`);
    this.pos = start + n;
    const r = new Decoder(this.bytes, start, start + n);
    return r.refinements(t, depth);
  }

  /** Parses a refinement map (keys 1..6, unknown keys skipped, trailing payload ignored). */
  private refinements(t: CtyType, depth: number): Value {
    const n = this.mapLength('unknown value refinements');
    // Refinements on dynamic are ignored (go-cty does the same, for forward compatibility).
    if (t.kind === 'dynamic') return UNKNOWN;
    const r: { -readonly [K in keyof Refinements]: Refinements[K] } = {};
    let any = false;
    for (let i = 0; i < n; i++) {
      const kb = this.peek();
      const key = kb <= 0x7f || kb >= 0xe0 || (kb >= 0xcc && kb <= 0xd3) ? this.number() : undefined;
      if (typeof key !== 'number') throw new ValueError('msgpack: unknown value refinement keys must be integers');
      switch (key) {
        case 1: {
          const v = this.peek();
          if (v !== 0xc2 && v !== 0xc3) throw new ValueError('msgpack: nullness refinement must be a bool');
          this.pos++;
          // "true" declares the value null, which makes it a known null (go-cty collapses it too).
          if (v === 0xc3) return null;
          r.nullable = false;
          any = true;
          break;
        }
        case 2: {
          if (t.kind !== 'string') throw new ValueError('msgpack: string prefix refinement for a non-string type');
          const s = this.stringOrUndefined();
          if (s === undefined) throw new ValueError('msgpack: string prefix refinement must be a string');
          if (s !== '') {
            r.stringPrefix = s;
            any = true;
          }
          break;
        }
        case 3:
        case 4: {
          if (t.kind !== 'number') throw new ValueError('msgpack: number bound refinement for a non-number type');
          if (this.arrayLength('number bound refinement') !== 2) {
            throw new ValueError('msgpack: number bound refinement must be a [number, bool] array');
          }
          const bound = this.number();
          const inc = this.peek();
          if (inc !== 0xc2 && inc !== 0xc3) throw new ValueError('msgpack: number bound refinement must be a [number, bool] array');
          this.pos++;
          const pair = [bound, inc === 0xc3] as const;
          if (key === 3) r.numberLower = pair;
          else r.numberUpper = pair;
          any = true;
          break;
        }
        case 5:
        case 6: {
          if (t.kind !== 'list' && t.kind !== 'set' && t.kind !== 'map') {
            throw new ValueError('msgpack: collection length refinement for a non-collection type');
          }
          const lb = this.peek();
          const v = lb <= 0x7f || lb >= 0xe0 || (lb >= 0xcc && lb <= 0xd3) ? this.number() : undefined;
          if (typeof v !== 'number') throw new ValueError('msgpack: collection length refinement must be an integer');
          if (key === 5) r.lengthLower = v;
          else r.lengthUpper = v;
          any = true;
          break;
        }
        default:
          this.skip(depth + 1); // reserved for future refinements
      }
    }
    return any ? new Unknown(r) : UNKNOWN;
  }

  /** Skips one msgpack item of any kind (for unrecognised refinement entries). */
  private skip(depth: number): void {
    if (depth > MAX_DEPTH) throw new ValueError(`msgpack: value is nested more than ${MAX_DEPTH} levels`);
    const b = this.peek();
    if (isExt(b)) {
      this.unknownSkip();
      return;
    }
    if ((b >= 0x90 && b <= 0x9f) || b === 0xdc || b === 0xdd) {
      const n = this.arrayLength('array');
      for (let i = 0; i < n; i++) this.skip(depth + 1);
      return;
    }
    if ((b >= 0x80 && b <= 0x8f) || b === 0xde || b === 0xdf) {
      const n = this.mapLength('map');
      for (let i = 0; i < 2 * n; i++) this.skip(depth + 1);
      return;
    }
    if (this.rawStringBytes() !== undefined) return;
    if (b === 0xc0 || b === 0xc2 || b === 0xc3) {
      this.pos++;
      return;
    }
    if (b === 0xc1) throw new ValueError('msgpack: invalid byte 0xc1');
    this.number();
  }

  private unknownSkip(): void {
    const save = this.pos;
    const b = this.bytes[save];
    const fixed = b >= 0xd4 && b <= 0xd8 ? 1 << (b - 0xd4) : -1;
    let header = 1;
    let n = fixed;
    if (fixed < 0) {
      header = b === 0xc7 ? 2 : b === 0xc8 ? 3 : 5;
      this.need(header);
      n = b === 0xc7 ? this.bytes[save + 1] : b === 0xc8 ? this.view.getUint16(save + 1) : this.view.getUint32(save + 1);
    }
    this.need(header + 1 + n);
    this.pos = save + header + 1 + n;
  }
}

/** int64/uint64 outside +/-2^53: a JS number only if that double is exactly the integer. */
function fromBigInt(b: bigint): number | BigNumber {
  const x = Number(b);
  return BigInt(x) === b ? x : new BigNumber(b.toString());
}
