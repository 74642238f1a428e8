/**
 * github.com/google/uuid v1.6.0 behaviour:
 *  - parseUuid(s): uuid.Parse - by byte length: 36 (`8-4-4-4-12`), 45
 *    (`urn:uuid:` prefix, ASCII case-insensitive), 38 (first and last byte
 *    not checked, normally braces), 32 (plain hex); hex of either case.
 *    Errors: `invalid UUID length: <n>`, `invalid urn prefix: "<first 9 bytes>"`,
 *    `invalid UUID format`.
 *  - uuidString(bytes) / canonical form: lowercase 8-4-4-4-12.
 *  - newUuidV4(): uuid.NewString() (random version 4).
 *  - isCanonicalUuid(s): terraform-plugin-sdk validation.IsUUID acceptance
 *    (exactly 36 characters, `-` at 8, 13, 18, 23, hex digits elsewhere).
 */
import { randomUUID } from 'crypto';
import { inputToByteString, GoStringInput } from './bytes';
import { goQuoteByteString } from './quote';

export type UuidResult = { ok: true; bytes: Uint8Array; uuid: string } | { ok: false; error: string };

export const NIL_UUID = '00000000-0000-0000-0000-000000000000';

function hexVal(c: number): number {
  if (c >= 0x30 && c <= 0x39) return c - 0x30;
  if (c >= 0x61 && c <= 0x66) return c - 0x61 + 10;
  if (c >= 0x41 && c <= 0x46) return c - 0x41 + 10;
  return -1;
}

const POSITIONS = [0, 2, 4, 6, 9, 11, 14, 16, 19, 21, 24, 26, 28, 30, 32, 34];

/** Canonical lowercase dashed form of 16 bytes. */
export function uuidString(b: Uint8Array): string {
  const h = Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** google/uuid Parse. */
export function parseUuid(input: GoStringInput): UuidResult {
  let s = inputToByteString(input);
  const out = new Uint8Array(16);
  const bad = { ok: false as const, error: 'invalid UUID format' };
  switch (s.length) {
    case 36:
      break;
    case 45: {
      const prefix = s.slice(0, 9);
      if (prefix.toLowerCase() !== 'urn:uuid:' || /[^\x00-\x7f]/.test(prefix)) {
        return { ok: false, error: 'invalid urn prefix: ' + goQuoteByteString(prefix) };
      }
      s = s.slice(9);
      break;
    }
    case 38:
      s = s.slice(1);
      break;
    case 32:
      for (let i = 0; i < 16; i++) {
        const a = hexVal(s.charCodeAt(2 * i));
        const b = hexVal(s.charCodeAt(2 * i + 1));
        if (a < 0 || b < 0) return bad;
        out[i] = (a << 4) | b;
      }
      return { ok: true, bytes: out, uuid: uuidString(out) };
    default:
      return { ok: false, error: 'invalid UUID length: ' + s.length };
  }
  if (s[8] !== '-' || s[13] !== '-' || s[18] !== '-' || s[23] !== '-') return bad;
  for (let i = 0; i < 16; i++) {
    const x = POSITIONS[i];
    const a = hexVal(s.charCodeAt(x));
    const b = hexVal(s.charCodeAt(x + 1));
    if (a < 0 || b < 0) return bad;
    out[i] = (a << 4) | b;
  }
  return { ok: true, bytes: out, uuid: uuidString(out) };
}

/** terraform-plugin-sdk validation.IsUUID acceptance. */
export function isCanonicalUuid(s: string): boolean {
  return /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/.test(s) && s.length === 36;
}

/** A new random (version 4) UUID in canonical lowercase form. */
export function newUuidV4(): string {
  return randomUUID();
}
