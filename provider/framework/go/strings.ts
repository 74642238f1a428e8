/**
 * Go `strings` / `unicode` helpers that other ports rely on:
 * unicode.IsSpace, strings.Fields, strings.TrimSpace, strings.FieldsFunc.
 * They operate on JS strings by code point (equivalent to Go's rune
 * iteration for valid UTF-8 input).
 */

/** Go unicode.IsSpace. */
export function goIsSpace(r: number): boolean {
  if (r <= 0xff) {
    return r === 0x09 || r === 0x0a || r === 0x0b || r === 0x0c || r === 0x0d || r === 0x20 || r === 0x85 || r === 0xa0;
  }
  return (
    r === 0x1680 ||
    (r >= 0x2000 && r <= 0x200a) ||
    r === 0x2028 ||
    r === 0x2029 ||
    r === 0x202f ||
    r === 0x205f ||
    r === 0x3000
  );
}

/** Go strings.FieldsFunc. */
export function goFieldsFunc(s: string, isSep: (r: number) => boolean): string[] {
  const out: string[] = [];
  let start = -1;
  for (let i = 0; i < s.length; ) {
    const r = s.codePointAt(i) as number;
    const w = r > 0xffff ? 2 : 1;
    if (isSep(r)) {
      if (start >= 0) {
        out.push(s.slice(start, i));
        start = -1;
      }
    } else if (start < 0) {
      start = i;
    }
    i += w;
  }
  if (start >= 0) out.push(s.slice(start));
  return out;
}

/** Go strings.Fields: split around runs of unicode.IsSpace. */
export function goFields(s: string): string[] {
  return goFieldsFunc(s, goIsSpace);
}

/** Go strings.TrimSpace. */
export function goTrimSpace(s: string): string {
  let start = 0;
  let end = s.length;
  while (start < end) {
    const r = s.codePointAt(start) as number;
    if (!goIsSpace(r)) break;
    start += r > 0xffff ? 2 : 1;
  }
  while (end > start) {
    const r = s.charCodeAt(end - 1);
    // spaces are all in the BMP, so a trailing low surrogate is never a space
    if (!goIsSpace(r)) break;
    end -= 1;
  }
  return s.slice(start, end);
}
