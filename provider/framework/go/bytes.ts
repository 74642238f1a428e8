/**
 * Go strings are byte sequences; JavaScript strings are UTF-16. Several Go
 * behaviours we port (net/url, strconv.Quote, encoding/json errors) index and
 * slice by *byte*, so the ports work on "byte strings": JS strings in which
 * every char code is one byte (0..255), i.e. the UTF-8 encoding of the
 * original text, one char per byte.
 *
 * Helpers here convert between the two representations and decode runes the
 * way Go's unicode/utf8 does.
 */

const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8', { fatal: false });

/** Go's utf8.RuneError (U+FFFD). */
export const RUNE_ERROR = 0xfffd;

/** UTF-8 encode a JS string into a byte string. Lone surrogates become U+FFFD (EF BF BD). */
export function toByteString(s: string): string {
  // Fast path: pure ASCII strings are already byte strings.
  let ascii = true;
  for (let i = 0; i < s.length; i++) {
    if (s.charCodeAt(i) >= 0x80) {
      ascii = false;
      break;
    }
  }
  if (ascii) return s;
  return bytesToByteString(encoder.encode(s));
}

/** Convert raw bytes into a byte string. */
export function bytesToByteString(b: Uint8Array): string {
  let out = '';
  const CHUNK = 0x2000;
  for (let i = 0; i < b.length; i += CHUNK) {
    out += String.fromCharCode(...b.subarray(i, Math.min(b.length, i + CHUNK)));
  }
  return out;
}

/** Convert a byte string back into raw bytes. */
export function byteStringToBytes(b: string): Uint8Array {
  const out = new Uint8Array(b.length);
  for (let i = 0; i < b.length; i++) out[i] = b.charCodeAt(i) & 0xff;
  return out;
}

/**
 * Decode a byte string as UTF-8 into a JS string. Invalid sequences become
 * U+FFFD (like Go's `for range` / `[]rune` conversion: one U+FFFD per
 * invalid byte is what Go does; TextDecoder follows the WHATWG "maximal
 * subpart" rule, which can differ in the number of U+FFFD for some invalid
 * sequences - only relevant for display of already-invalid data).
 */
export function fromByteString(b: string): string {
  let ascii = true;
  for (let i = 0; i < b.length; i++) {
    if (b.charCodeAt(i) >= 0x80) {
      ascii = false;
      break;
    }
  }
  if (ascii) return b;
  return decoder.decode(byteStringToBytes(b));
}

/** Input accepted by the byte-oriented ports: a JS string (UTF-8 encoded first) or raw bytes. */
export type GoStringInput = string | Uint8Array;

export function inputToByteString(s: GoStringInput): string {
  return typeof s === 'string' ? toByteString(s) : bytesToByteString(s);
}

/**
 * Go utf8.DecodeRuneInString on a byte string starting at byte offset i.
 * Returns [rune, width]. Invalid encodings return [RUNE_ERROR, 1]; an empty
 * remainder returns [RUNE_ERROR, 0].
 */
export function decodeRune(b: string, i: number): [number, number] {
  const n = b.length - i;
  if (n <= 0) return [RUNE_ERROR, 0];
  const c0 = b.charCodeAt(i);
  if (c0 < 0x80) return [c0, 1];
  const cont = (k: number, lo = 0x80, hi = 0xbf): number => {
    if (i + k >= b.length) return -1;
    const c = b.charCodeAt(i + k);
    return c >= lo && c <= hi ? c : -1;
  };
  if (c0 >= 0xc2 && c0 <= 0xdf) {
    const c1 = cont(1);
    if (c1 < 0) return [RUNE_ERROR, 1];
    return [((c0 & 0x1f) << 6) | (c1 & 0x3f), 2];
  }
  if (c0 >= 0xe0 && c0 <= 0xef) {
    let lo = 0x80;
    let hi = 0xbf;
    if (c0 === 0xe0) lo = 0xa0;
    if (c0 === 0xed) hi = 0x9f; // no surrogates
    const c1 = cont(1, lo, hi);
    if (c1 < 0) return [RUNE_ERROR, 1];
    const c2 = cont(2);
    if (c2 < 0) return [RUNE_ERROR, 1];
    return [((c0 & 0x0f) << 12) | ((c1 & 0x3f) << 6) | (c2 & 0x3f), 3];
  }
  if (c0 >= 0xf0 && c0 <= 0xf4) {
    let lo = 0x80;
    let hi = 0xbf;
    if (c0 === 0xf0) lo = 0x90;
    if (c0 === 0xf4) hi = 0x8f;
    const c1 = cont(1, lo, hi);
    if (c1 < 0) return [RUNE_ERROR, 1];
    const c2 = cont(2);
    if (c2 < 0) return [RUNE_ERROR, 1];
    const c3 = cont(3);
    if (c3 < 0) return [RUNE_ERROR, 1];
    return [((c0 & 0x07) << 18) | ((c1 & 0x3f) << 12) | ((c2 & 0x3f) << 6) | (c3 & 0x3f), 4];
  }
  return [RUNE_ERROR, 1];
}

/** Encode one rune as a UTF-8 byte string (Go's string(rune); invalid runes -> U+FFFD). */
export function encodeRune(r: number): string {
  if (r < 0 || r > 0x10ffff || (r >= 0xd800 && r <= 0xdfff)) r = RUNE_ERROR;
  if (r < 0x80) return String.fromCharCode(r);
  if (r < 0x800) return String.fromCharCode(0xc0 | (r >> 6), 0x80 | (r & 0x3f));
  if (r < 0x10000) {
    return String.fromCharCode(0xe0 | (r >> 12), 0x80 | ((r >> 6) & 0x3f), 0x80 | (r & 0x3f));
  }
  return String.fromCharCode(
    0xf0 | (r >> 18),
    0x80 | ((r >> 12) & 0x3f),
    0x80 | ((r >> 6) & 0x3f),
    0x80 | (r & 0x3f),
  );
}

/** Go's utf8.ValidString on a byte string. */
export function validUtf8(b: string): boolean {
  for (let i = 0; i < b.length; ) {
    const [r, w] = decodeRune(b, i);
    if (r === RUNE_ERROR && w === 1) return false;
    i += w;
  }
  return true;
}
