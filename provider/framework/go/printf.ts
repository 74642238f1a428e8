/**
 * Go `fmt.Sprintf(format)` with NO arguments (Go 1.26 fmt/print.go doPrintf).
 *
 * With no operands every verb is "missing":
 *  - `%%` -> `%` (flags, width and precision are ignored: `%5%` -> `%`);
 *  - any other verb `c` -> `%!c(MISSING)` (flags/width/precision are consumed);
 *  - an explicit argument index `[n]` is always out of range -> `%!c(BADINDEX)`;
 *  - `*` width -> `%!(BADWIDTH)`, `.*` precision -> `%!(BADPREC)` (then the verb);
 *  - a `%` with nothing after it (after flags/width/precision) -> `%!(NOVERB)`.
 * The verb is one rune; Go decodes it from UTF-8 (an invalid byte is U+FFFD).
 */

const PERCENT_BANG = '%!';
const MISSING = '(MISSING)';
const BAD_INDEX = '(BADINDEX)';
const BAD_WIDTH = '%!(BADWIDTH)';
const BAD_PREC = '%!(BADPREC)';
const NO_VERB = '%!(NOVERB)';

function tooLarge(x: number): boolean {
  return x > 1e6 || x < -1e6;
}

/** Go parsenum: returns [num, isnum, newi]. Indexes are UTF-16 code-unit offsets (digits are ASCII). */
function parsenum(s: string, start: number, end: number): [number, boolean, number] {
  if (start >= end) return [0, false, end];
  let num = 0;
  let isnum = false;
  let i = start;
  for (; i < end && s.charCodeAt(i) >= 0x30 && s.charCodeAt(i) <= 0x39; i++) {
    if (tooLarge(num)) return [0, false, end];
    num = num * 10 + (s.charCodeAt(i) - 0x30);
    isnum = true;
  }
  return [num, isnum, i];
}

/** Go parseArgNumber on format.slice(i): returns [ok, width consumed]. */
function parseArgNumber(format: string): [boolean, number] {
  if (format.length < 3) return [false, 1];
  for (let i = 1; i < format.length; i++) {
    if (format[i] === ']') {
      const [, ok, newi] = parsenum(format, 1, i);
      if (!ok || newi !== i) return [false, i + 1];
      return [true, i + 1];
    }
  }
  return [false, 1];
}

/**
 * Port of Go's argNumber with zero operands: any `[...]` makes the argument
 * number bad. Returns [newi, found, bad].
 */
function argNumber(format: string, i: number): [number, boolean, boolean] {
  if (format.length <= i || format[i] !== '[') return [i, false, false];
  const [ok, wid] = parseArgNumber(format.slice(i));
  // with no operands no index is ever in range -> goodArgNum = false
  return [i + wid, ok, true];
}

/** Go `fmt.Sprintf(format)` with no arguments. */
export function goSprintfNoArgs(format: string): string {
  let out = '';
  const end = format.length;
  let i = 0;
  let afterIndex = false;
  while (i < end) {
    let goodArgNum = true;
    const lasti = i;
    while (i < end && format[i] !== '%') i++;
    if (i > lasti) out += format.slice(lasti, i);
    if (i >= end) break;
    i++; // skip '%'

    // flags
    for (; i < end; i++) {
      const c = format[i];
      if (c === '#' || c === '0' || c === '+' || c === '-' || c === ' ') continue;
      break; // (the fast path for simple verbs needs an operand; none here)
    }

    // explicit argument index?
    let bad: boolean;
    [i, afterIndex, bad] = argNumber(format, i);
    if (bad) goodArgNum = false;

    // width
    if (i < end && format[i] === '*') {
      i++;
      out += BAD_WIDTH; // no operand for the width
      afterIndex = false;
    } else {
      let widPresent: boolean;
      [, widPresent, i] = parsenum(format, i, end);
      if (afterIndex && widPresent) goodArgNum = false;
    }

    // precision
    if (i + 1 < end && format[i] === '.') {
      i++;
      if (afterIndex) goodArgNum = false;
      [i, afterIndex, bad] = argNumber(format, i);
      if (bad) goodArgNum = false;
      if (i < end && format[i] === '*') {
        i++;
        out += BAD_PREC;
        afterIndex = false;
      } else {
        [, , i] = parsenum(format, i, end);
      }
    }

    if (!afterIndex) {
      [i, afterIndex, bad] = argNumber(format, i);
      if (bad) goodArgNum = false;
    }

    if (i >= end) {
      out += NO_VERB;
      break;
    }

    let verb = format.codePointAt(i) as number;
    i += verb > 0xffff ? 2 : 1;
    if (verb >= 0xd800 && verb <= 0xdfff) verb = 0xfffd; // a lone surrogate reaches Go as invalid UTF-8 -> U+FFFD
    const verbStr = String.fromCodePoint(verb);
    if (verb === 0x25) {
      out += '%';
    } else if (!goodArgNum) {
      out += PERCENT_BANG + verbStr + BAD_INDEX;
    } else {
      out += PERCENT_BANG + verbStr + MISSING;
    }
  }
  return out;
}
