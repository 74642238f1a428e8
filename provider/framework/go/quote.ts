/**
 * Go `strconv.Quote` (what `%q` prints for a string) and related quoting.
 *
 * Rules (Go 1.26 strconv/quote.go, Unicode tables of Go 1.26 = Unicode 15.0):
 *  - the result is wrapped in double quotes;
 *  - `"` and `\` are backslash-escaped;
 *  - printable runes (Go's unicode.IsPrint: categories L, M, N, P, S plus
 *    U+0020) are kept as they are, also non-ASCII ones;
 *  - \a \b \f \n \r \t \v use their short escapes;
 *  - other runes below U+0020 and U+007F become `\xNN`;
 *  - other non-printable runes become `\uNNNN` (BMP) or `\UNNNNNNNN`;
 *  - every byte of an invalid UTF-8 sequence becomes `\xNN`.
 */
import { decodeRune, GoStringInput, inputToByteString, RUNE_ERROR } from './bytes';
import { GO_PRINT_RANGES } from './unicode_print_table';

const LOWER_HEX = '0123456789abcdef';

/** Go unicode.IsPrint / strconv.IsPrint for a rune (Unicode 15.0 tables). */
export function goIsPrint(r: number): boolean {
  if (r < 0x20) return false;
  if (r <= 0x7e) return true;
  // binary search over inclusive [lo, hi] pairs
  let lo = 0;
  let hi = GO_PRINT_RANGES.length / 2 - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const a = GO_PRINT_RANGES[2 * mid];
    const b = GO_PRINT_RANGES[2 * mid + 1];
    if (r < a) hi = mid - 1;
    else if (r > b) lo = mid + 1;
    else return true;
  }
  return false;
}

function hex(n: number, width: number): string {
  let s = '';
  for (let i = width - 1; i >= 0; i--) s += LOWER_HEX[(n >>> (4 * i)) & 0xf];
  return s;
}

/**
 * Append the escaped form of one rune `r` (as Go's appendEscapedRune with
 * quote = '"', ASCIIonly = false, graphicOnly = false). Returns a JS string.
 */
function escapeRune(r: number, quote: number): string {
  if (r === quote || r === 0x5c) return '\\' + String.fromCodePoint(r);
  if (goIsPrint(r)) return String.fromCodePoint(r);
  switch (r) {
    case 0x07:
      return '\\a';
    case 0x08:
      return '\\b';
    case 0x0c:
      return '\\f';
    case 0x0a:
      return '\\n';
    case 0x0d:
      return '\\r';
    case 0x09:
      return '\\t';
    case 0x0b:
      return '\\v';
  }
  if (r < 0x20 || r === 0x7f) return '\\x' + hex(r, 2);
  if (r < 0x10000) return '\\u' + hex(r, 4);
  return '\\U' + hex(r, 8);
}

/** strconv.Quote of a byte string (each char code = one byte). Returns a JS string. */
export function goQuoteByteString(b: string, quote = 0x22): string {
  let out = String.fromCharCode(quote);
  for (let i = 0; i < b.length; ) {
    const [r, w] = decodeRune(b, i);
    if (w === 1 && r === RUNE_ERROR) {
      out += '\\x' + hex(b.charCodeAt(i), 2);
      i += 1;
      continue;
    }
    out += escapeRune(r, quote);
    i += w;
  }
  return out + String.fromCharCode(quote);
}

/** Go `strconv.Quote(s)` / `fmt.Sprintf("%q", s)`. A JS string argument is UTF-8 encoded first. */
export function goQuote(s: GoStringInput): string {
  return goQuoteByteString(inputToByteString(s));
}

/** Go `fmt.Sprintf("%q", []string{...})`: `["a" "b"]`. */
export function goQuoteList(list: readonly GoStringInput[]): string {
  return '[' + list.map((s) => goQuote(s)).join(' ') + ']';
}

/** Go `fmt.Sprintf("%s", []string{...})` / `%v`: `[a b]`. */
export function goFormatStringList(list: readonly string[]): string {
  return '[' + list.join(' ') + ']';
}

/**
 * Go strconv.QuoteRune semantics for a single byte value as used by
 * encoding/json's quoteChar: single-quoted, `\'` for a quote.
 * `c` is interpreted as the rune U+00cc (Go's string(byte)).
 */
export function goQuoteRuneSingle(r: number): string {
  if (r === 0x27) return "'\\''";
  if (r === 0x22) return '\'"\'';
  // strconv.Quote(string(rune)) with the double quotes replaced by single quotes
  const q = escapeRune(r, 0x22);
  return "'" + q + "'";
}

/**
 * The private `quote` of Go's time package (used in time.ParseDuration and
 * time.LoadLocation errors): double quotes; `"` and `\` escaped; bytes of
 * non-ASCII runes and of runes below U+0020 written as `\xNN` each; everything
 * else (including DEL) verbatim.
 */
export function goTimeQuote(s: GoStringInput): string {
  const b = inputToByteString(s);
  let out = '"';
  for (let i = 0; i < b.length; ) {
    const c = b.charCodeAt(i);
    if (c < 0x20 || c >= 0x80) {
      const [r, w0] = decodeRune(b, i);
      let w = w0;
      if (r === RUNE_ERROR) {
        // Go: width 1 for RuneError, unless the bytes really are EF BF BD
        w = 1;
        if (i + 2 < b.length && b.substring(i, i + 3) === '\xef\xbf\xbd') w = 3;
      }
      for (let j = 0; j < w; j++) out += '\\x' + hex(b.charCodeAt(i + j), 2);
      i += w;
      continue;
    }
    if (c === 0x22 || c === 0x5c) out += '\\';
    out += String.fromCharCode(c);
    i += 1;
  }
  return out + '"';
}
