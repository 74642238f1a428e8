/**
 * Go `encoding/json` (v1, Go 1.26) decoding behaviour needed by the data
 * sources:
 *
 *  - decodeFirstJsonValue(text): `json.NewDecoder(strings.NewReader(text)).Decode(&v)`
 *    syntax: leading whitespace skipped, the first JSON value is decoded and
 *    anything after it ignored; empty / whitespace-only input -> `EOF`;
 *    input ending inside a value -> `unexpected EOF`; malformed input -> Go's
 *    SyntaxError text (`invalid character 'x' looking for beginning of value`, ...).
 *  - decodeFirstStringList / decodeFirstStringMapList: the same, decoding
 *    into `[]string` / `[]map[string]string` (coder_workspace_owner groups
 *    and rbac roles) with Go's UnmarshalTypeError texts
 *    (`json: cannot unmarshal number into Go value of type string`).
 *  - unmarshalJsonValue / unmarshalStringList: `json.Unmarshal` - the whole
 *    text must be exactly one value (surrounding whitespace allowed);
 *    errors `unexpected end of JSON input`, `invalid character 'x' after
 *    top-level value`, ...
 *
 * The scanner works on UTF-8 bytes like Go's, so the offending character in
 * messages is the *byte* rendered as Go's quoteChar does (a byte >= 0x80 is
 * shown as the rune U+00XX, e.g. U+00C3 for the first byte of U+00E9).
 */
import { decodeRune, GoStringInput, inputToByteString, fromByteString, RUNE_ERROR, encodeRune } from './bytes';
import { goQuoteRuneSingle } from './quote';

export type JsonValue =
  | { t: 'null' }
  | { t: 'bool'; v: boolean }
  | { t: 'number'; raw: string }
  | { t: 'string'; v: string }
  | { t: 'array'; items: JsonValue[] }
  | { t: 'object'; entries: Array<[string, JsonValue]> };

export type JsonResult<T> = { ok: true; value: T } | { ok: false; error: string };

const MAX_NESTING_DEPTH = 10000;

// scan codes
const SCAN_CONTINUE = 0;
const SCAN_BEGIN_LITERAL = 1;
const SCAN_BEGIN_OBJECT = 2;
const SCAN_OBJECT_KEY = 3;
const SCAN_OBJECT_VALUE = 4;
const SCAN_END_OBJECT = 5;
const SCAN_BEGIN_ARRAY = 6;
const SCAN_ARRAY_VALUE = 7;
const SCAN_END_ARRAY = 8;
const SCAN_SKIP_SPACE = 9;
const SCAN_END = 10;
const SCAN_ERROR = 11;

const PARSE_OBJECT_KEY = 0;
const PARSE_OBJECT_VALUE = 1;
const PARSE_ARRAY_VALUE = 2;

type StepFn = (s: Scanner, c: number) => number;

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0d || c === 0x0a;
}

function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

function isHex(c: number): boolean {
  return isDigit(c) || (c >= 0x61 && c <= 0x66) || (c >= 0x41 && c <= 0x46);
}

/** A port of the state machine of Go's encoding/json scanner. */
class Scanner {
  step: StepFn = stateBeginValue;
  parseState: number[] = [];
  err: string | null = null;
  endTop = false;

  reset(): void {
    this.step = stateBeginValue;
    this.parseState = [];
    this.err = null;
    this.endTop = false;
  }

  eof(): number {
    if (this.err !== null) return SCAN_ERROR;
    if (this.endTop) return SCAN_END;
    this.step(this, 0x20);
    if (this.endTop) return SCAN_END;
    if (this.err === null) this.err = 'unexpected end of JSON input';
    return SCAN_ERROR;
  }

  pushParseState(c: number, newParseState: number, successState: number): number {
    this.parseState.push(newParseState);
    if (this.parseState.length <= MAX_NESTING_DEPTH) return successState;
    return this.error(c, 'exceeded max depth');
  }

  popParseState(): void {
    this.parseState.pop();
    if (this.parseState.length === 0) {
      this.step = stateEndTop;
      this.endTop = true;
    } else {
      this.step = stateEndValue;
    }
  }

  error(c: number, context: string): number {
    this.step = stateError;
    this.err = 'invalid character ' + goQuoteRuneSingle(c) + ' ' + context;
    return SCAN_ERROR;
  }
}

function stateBeginValueOrEmpty(s: Scanner, c: number): number {
  if (isSpace(c)) return SCAN_SKIP_SPACE;
  if (c === 0x5d) return stateEndValue(s, c);
  return stateBeginValue(s, c);
}

function stateBeginValue(s: Scanner, c: number): number {
  if (isSpace(c)) return SCAN_SKIP_SPACE;
  switch (c) {
    case 0x7b: // {
      s.step = stateBeginStringOrEmpty;
      return s.pushParseState(c, PARSE_OBJECT_KEY, SCAN_BEGIN_OBJECT);
    case 0x5b: // [
      s.step = stateBeginValueOrEmpty;
      return s.pushParseState(c, PARSE_ARRAY_VALUE, SCAN_BEGIN_ARRAY);
    case 0x22:
      s.step = stateInString;
      return SCAN_BEGIN_LITERAL;
    case 0x2d:
      s.step = stateNeg;
      return SCAN_BEGIN_LITERAL;
    case 0x30:
      s.step = state0;
      return SCAN_BEGIN_LITERAL;
    case 0x74:
      s.step = literalState('true', 1);
      return SCAN_BEGIN_LITERAL;
    case 0x66:
      s.step = literalState('false', 1);
      return SCAN_BEGIN_LITERAL;
    case 0x6e:
      s.step = literalState('null', 1);
      return SCAN_BEGIN_LITERAL;
  }
  if (c >= 0x31 && c <= 0x39) {
    s.step = state1;
    return SCAN_BEGIN_LITERAL;
  }
  return s.error(c, 'looking for beginning of value');
}

function stateBeginStringOrEmpty(s: Scanner, c: number): number {
  if (isSpace(c)) return SCAN_SKIP_SPACE;
  if (c === 0x7d) {
    s.parseState[s.parseState.length - 1] = PARSE_OBJECT_VALUE;
    return stateEndValue(s, c);
  }
  return stateBeginString(s, c);
}

function stateBeginString(s: Scanner, c: number): number {
  if (isSpace(c)) return SCAN_SKIP_SPACE;
  if (c === 0x22) {
    s.step = stateInString;
    return SCAN_BEGIN_LITERAL;
  }
  return s.error(c, 'looking for beginning of object key string');
}

function stateEndValue(s: Scanner, c: number): number {
  const n = s.parseState.length;
  if (n === 0) {
    s.step = stateEndTop;
    s.endTop = true;
    return stateEndTop(s, c);
  }
  if (isSpace(c)) {
    s.step = stateEndValue;
    return SCAN_SKIP_SPACE;
  }
  const ps = s.parseState[n - 1];
  switch (ps) {
    case PARSE_OBJECT_KEY:
      if (c === 0x3a) {
        s.parseState[n - 1] = PARSE_OBJECT_VALUE;
        s.step = stateBeginValue;
        return SCAN_OBJECT_KEY;
      }
      return s.error(c, 'after object key');
    case PARSE_OBJECT_VALUE:
      if (c === 0x2c) {
        s.parseState[n - 1] = PARSE_OBJECT_KEY;
        s.step = stateBeginString;
        return SCAN_OBJECT_VALUE;
      }
      if (c === 0x7d) {
        s.popParseState();
        return SCAN_END_OBJECT;
      }
      return s.error(c, 'after object key:value pair');
    case PARSE_ARRAY_VALUE:
      if (c === 0x2c) {
        s.step = stateBeginValue;
        return SCAN_ARRAY_VALUE;
      }
      if (c === 0x5d) {
        s.popParseState();
        return SCAN_END_ARRAY;
      }
      return s.error(c, 'after array element');
  }
  return s.error(c, '');
}

function stateEndTop(s: Scanner, c: number): number {
  if (!isSpace(c)) s.error(c, 'after top-level value');
  return SCAN_END;
}

function stateInString(s: Scanner, c: number): number {
  if (c === 0x22) {
    s.step = stateEndValue;
    return SCAN_CONTINUE;
  }
  if (c === 0x5c) {
    s.step = stateInStringEsc;
    return SCAN_CONTINUE;
  }
  if (c < 0x20) return s.error(c, 'in string literal');
  return SCAN_CONTINUE;
}

function stateInStringEsc(s: Scanner, c: number): number {
  switch (c) {
    case 0x62: // b
    case 0x66: // f
    case 0x6e: // n
    case 0x72: // r
    case 0x74: // t
    case 0x5c: // backslash
    case 0x2f: // /
    case 0x22: // "
      s.step = stateInString;
      return SCAN_CONTINUE;
    case 0x75: // u
      s.step = hexState(0);
      return SCAN_CONTINUE;
  }
  return s.error(c, 'in string escape code');
}

const HEX_STATES: StepFn[] = [];
function hexState(i: number): StepFn {
  if (HEX_STATES[i] === undefined) {
    HEX_STATES[i] = (s: Scanner, c: number) => {
      if (isHex(c)) {
        s.step = i === 3 ? stateInString : hexState(i + 1);
        return SCAN_CONTINUE;
      }
      return s.error(c, 'in \\u hexadecimal character escape');
    };
  }
  return HEX_STATES[i];
}

function stateNeg(s: Scanner, c: number): number {
  if (c === 0x30) {
    s.step = state0;
    return SCAN_CONTINUE;
  }
  if (c >= 0x31 && c <= 0x39) {
    s.step = state1;
    return SCAN_CONTINUE;
  }
  return s.error(c, 'in numeric literal');
}

function state1(s: Scanner, c: number): number {
  if (isDigit(c)) {
    s.step = state1;
    return SCAN_CONTINUE;
  }
  return state0(s, c);
}

function state0(s: Scanner, c: number): number {
  if (c === 0x2e) {
    s.step = stateDot;
    return SCAN_CONTINUE;
  }
  if (c === 0x65 || c === 0x45) {
    s.step = stateE;
    return SCAN_CONTINUE;
  }
  return stateEndValue(s, c);
}

function stateDot(s: Scanner, c: number): number {
  if (isDigit(c)) {
    s.step = stateDot0;
    return SCAN_CONTINUE;
  }
  return s.error(c, 'after decimal point in numeric literal');
}

function stateDot0(s: Scanner, c: number): number {
  if (isDigit(c)) return SCAN_CONTINUE;
  if (c === 0x65 || c === 0x45) {
    s.step = stateE;
    return SCAN_CONTINUE;
  }
  return stateEndValue(s, c);
}

function stateE(s: Scanner, c: number): number {
  if (c === 0x2b || c === 0x2d) {
    s.step = stateESign;
    return SCAN_CONTINUE;
  }
  return stateESign(s, c);
}

function stateESign(s: Scanner, c: number): number {
  if (isDigit(c)) {
    s.step = stateE0;
    return SCAN_CONTINUE;
  }
  return s.error(c, 'in exponent of numeric literal');
}

function stateE0(s: Scanner, c: number): number {
  if (isDigit(c)) return SCAN_CONTINUE;
  return stateEndValue(s, c);
}

const LITERAL_STATES = new Map<string, StepFn>();
/** States for the remaining letters of true/false/null; `i` = index of the next expected letter. */
function literalState(word: string, i: number): StepFn {
  const key = word + i;
  let fn = LITERAL_STATES.get(key);
  if (fn === undefined) {
    const expected = word.charCodeAt(i);
    fn = (s: Scanner, c: number) => {
      if (c === expected) {
        s.step = i === word.length - 1 ? stateEndValue : literalState(word, i + 1);
        return SCAN_CONTINUE;
      }
      return s.error(c, 'in literal ' + word + " (expecting '" + word[i] + "')");
    };
    LITERAL_STATES.set(key, fn);
  }
  return fn;
}

function stateError(_s: Scanner, _c: number): number {
  return SCAN_ERROR;
}

// ---------------------------------------------------------------------------
// value tree construction (input already known to be valid)

class TreeParser {
  i = 0;
  constructor(private readonly b: string) {}

  ws(): void {
    while (this.i < this.b.length && isSpace(this.b.charCodeAt(this.i))) this.i++;
  }

  /** Parse one (valid) value iteratively, so deeply nested input cannot overflow the JS stack. */
  value(): JsonValue {
    type Frame = { kind: 'array'; items: JsonValue[] } | { kind: 'object'; entries: Array<[string, JsonValue]>; key: string };
    const stack: Frame[] = [];
    for (;;) {
      // read a value start
      this.ws();
      let done: JsonValue | null = null;
      const c = this.b.charCodeAt(this.i);
      if (c === 0x7b) {
        this.i++;
        this.ws();
        if (this.b.charCodeAt(this.i) === 0x7d) {
          this.i++;
          done = { t: 'object', entries: [] };
        } else {
          const key = this.string();
          this.ws();
          this.i++; // ':'
          stack.push({ kind: 'object', entries: [], key });
          continue;
        }
      } else if (c === 0x5b) {
        this.i++;
        this.ws();
        if (this.b.charCodeAt(this.i) === 0x5d) {
          this.i++;
          done = { t: 'array', items: [] };
        } else {
          stack.push({ kind: 'array', items: [] });
          continue;
        }
      } else if (c === 0x22) {
        done = { t: 'string', v: this.string() };
      } else if (c === 0x74) {
        this.i += 4;
        done = { t: 'bool', v: true };
      } else if (c === 0x66) {
        this.i += 5;
        done = { t: 'bool', v: false };
      } else if (c === 0x6e) {
        this.i += 4;
        done = { t: 'null' };
      } else {
        const start = this.i;
        while (this.i < this.b.length && /[-+.eE0-9]/.test(this.b[this.i])) this.i++;
        done = { t: 'number', raw: this.b.slice(start, this.i) };
      }
      // attach completed values to their containers, closing containers as needed
      for (;;) {
        const top = stack[stack.length - 1];
        if (top === undefined) return done;
        if (top.kind === 'array') top.items.push(done);
        else top.entries.push([top.key, done]);
        this.ws();
        const d = this.b.charCodeAt(this.i++);
        if (d === 0x2c) {
          // ',' -> next element (objects: read the next key first)
          if (top.kind === 'object') {
            this.ws();
            top.key = this.string();
            this.ws();
            this.i++; // ':'
          }
          break;
        }
        // ']' or '}' closes the container
        stack.pop();
        done = top.kind === 'array' ? { t: 'array', items: top.items } : { t: 'object', entries: top.entries };
      }
    }
  }

  /** Go's unquote: returns a JS string (invalid UTF-8 and bad surrogates -> U+FFFD). */
  string(): string {
    this.i++; // opening quote
    let out = ''; // byte string
    const b = this.b;
    for (;;) {
      const c = b.charCodeAt(this.i);
      if (c === 0x22) {
        this.i++;
        break;
      }
      if (c === 0x5c) {
        const e = b[this.i + 1];
        this.i += 2;
        switch (e) {
          case '"':
          case '\\':
          case '/':
            out += e;
            break;
          case 'b':
            out += '\b';
            break;
          case 'f':
            out += '\f';
            break;
          case 'n':
            out += '\n';
            break;
          case 'r':
            out += '\r';
            break;
          case 't':
            out += '\t';
            break;
          case 'u': {
            let rr = parseInt(b.slice(this.i, this.i + 4), 16);
            this.i += 4;
            if (rr >= 0xd800 && rr < 0xe000) {
              let paired = false;
              if (b[this.i] === '\\' && b[this.i + 1] === 'u') {
                const hex = b.slice(this.i + 2, this.i + 6);
                if (/^[0-9a-fA-F]{4}$/.test(hex)) {
                  const rr1 = parseInt(hex, 16);
                  if (rr < 0xdc00 && rr1 >= 0xdc00 && rr1 < 0xe000) {
                    const dec = ((rr - 0xd800) << 10) + (rr1 - 0xdc00) + 0x10000;
                    this.i += 6;
                    out += encodeRune(dec);
                    paired = true;
                  }
                }
              }
              if (paired) break;
              rr = RUNE_ERROR;
            }
            out += encodeRune(rr);
            break;
          }
        }
        continue;
      }
      if (c < 0x80) {
        out += b[this.i];
        this.i++;
        continue;
      }
      const [r, w] = decodeRune(b, this.i);
      if (r === RUNE_ERROR && w === 1) {
        out += encodeRune(RUNE_ERROR);
        this.i += 1;
      } else {
        out += b.slice(this.i, this.i + w);
        this.i += w;
      }
    }
    return fromByteString(out);
  }
}

function hasNonSpace(b: string): boolean {
  for (let i = 0; i < b.length; i++) if (!isSpace(b.charCodeAt(i))) return true;
  return false;
}

/**
 * Emulates json.Decoder.readValue on a complete input: returns the byte
 * length of the first value, or an error text.
 */
function readFirstValue(b: string): { ok: true; n: number } | { ok: false; error: string } {
  const s = new Scanner();
  for (let i = 0; i < b.length; i++) {
    const code = s.step(s, b.charCodeAt(i));
    if (code === SCAN_END) return { ok: true, n: i };
    if (code === SCAN_END_OBJECT || code === SCAN_END_ARRAY) {
      if (stateEndValue(s, 0x20) === SCAN_END) return { ok: true, n: i + 1 };
    } else if (code === SCAN_ERROR) {
      return { ok: false, error: s.err as string };
    }
  }
  if (s.step(s, 0x20) === SCAN_END) return { ok: true, n: b.length };
  return { ok: false, error: hasNonSpace(b) ? 'unexpected EOF' : 'EOF' };
}

/** Go's checkValid (used by json.Unmarshal). */
function checkValid(b: string): string | null {
  const s = new Scanner();
  for (let i = 0; i < b.length; i++) {
    if (s.step(s, b.charCodeAt(i)) === SCAN_ERROR) return s.err;
  }
  if (s.eof() === SCAN_ERROR) return s.err;
  return null;
}

/**
 * json.Decoder.Decode of the first value in `text` (trailing text ignored).
 * `rest` is what follows the value (a JS string).
 */
export function decodeFirstJsonValue(text: GoStringInput): { ok: true; value: JsonValue; rest: string } | { ok: false; error: string } {
  const b = inputToByteString(text);
  const r = readFirstValue(b);
  if (!r.ok) return r;
  const value = new TreeParser(b.slice(0, r.n)).value();
  return { ok: true, value, rest: fromByteString(b.slice(r.n)) };
}

/** json.Unmarshal syntax: the whole text must be one JSON value. */
export function unmarshalJsonValue(text: GoStringInput): JsonResult<JsonValue> {
  const b = inputToByteString(text);
  const err = checkValid(b);
  if (err !== null) return { ok: false, error: err };
  return { ok: true, value: new TreeParser(b).value() };
}

// ---------------------------------------------------------------------------
// typed decoding (reflect-like), keeping Go's first UnmarshalTypeError

function kindName(v: JsonValue): string {
  switch (v.t) {
    case 'string':
      return 'string';
    case 'number':
      return 'number';
    case 'bool':
      return 'bool';
    case 'array':
      return 'array';
    case 'object':
      return 'object';
    default:
      return 'null';
  }
}

class TypeErrors {
  first: string | null = null;
  save(value: string, type: string): void {
    if (this.first === null) this.first = 'json: cannot unmarshal ' + value + ' into Go value of type ' + type;
  }
}

/** Decode into a Go `string` (null leaves the zero value ""). */
function toGoString(v: JsonValue, errs: TypeErrors): string {
  if (v.t === 'string') return v.v;
  if (v.t !== 'null') errs.save(kindName(v), 'string');
  return '';
}

/** Decode into `[]string`: null -> [] (nil slice), array elements via toGoString. */
function toStringSlice(v: JsonValue, errs: TypeErrors): string[] {
  if (v.t === 'null') return [];
  if (v.t !== 'array') {
    errs.save(kindName(v), '[]string');
    return [];
  }
  return v.items.map((item) => toGoString(item, errs));
}

/** Decode into `map[string]string`. */
function toStringMap(v: JsonValue, errs: TypeErrors): Map<string, string> {
  const m = new Map<string, string>();
  if (v.t === 'null') return m;
  if (v.t !== 'object') {
    errs.save(kindName(v), 'map[string]string');
    return m;
  }
  for (const [k, val] of v.entries) m.set(k, toGoString(val, errs));
  return m;
}

function toStringMapSlice(v: JsonValue, errs: TypeErrors): Array<Map<string, string>> {
  if (v.t === 'null') return [];
  if (v.t !== 'array') {
    errs.save(kindName(v), '[]map[string]string');
    return [];
  }
  return v.items.map((item) => toStringMap(item, errs));
}

function typed<T>(r: { ok: true; value: JsonValue } | { ok: false; error: string }, conv: (v: JsonValue, e: TypeErrors) => T): JsonResult<T> {
  if (!r.ok) return r;
  const errs = new TypeErrors();
  const value = conv(r.value, errs);
  if (errs.first !== null) return { ok: false, error: errs.first };
  return { ok: true, value };
}

/** json.Decoder.Decode(&[]string) on `text` (first value only). */
export function decodeFirstStringList(text: GoStringInput): JsonResult<string[]> {
  return typed(decodeFirstJsonValue(text), toStringSlice);
}

/** json.Decoder.Decode(&[]map[string]string) on `text` (first value only). */
export function decodeFirstStringMapList(text: GoStringInput): JsonResult<Array<Map<string, string>>> {
  return typed(decodeFirstJsonValue(text), toStringMapSlice);
}

/** json.Unmarshal(text, &[]string): whole text one value, null -> [], null elements -> "". */
export function unmarshalStringList(text: GoStringInput): JsonResult<string[]> {
  return typed(unmarshalJsonValue(text), toStringSlice);
}

/** json.Unmarshal(text, &[]map[string]string). */
export function unmarshalStringMapList(text: GoStringInput): JsonResult<Array<Map<string, string>>> {
  return typed(unmarshalJsonValue(text), toStringMapSlice);
}
