/**
 * JSON codec for values (plugin-protocol.md sec. 3.8): RawState.json in UpgradeResourceState, the
 * JSON sources of MoveResourceState / UpgradeResourceIdentity, and tests.
 *
 * Decoding mirrors go-cty's cty/json Unmarshal, including its leniency (a string type accepts
 * JSON numbers and bools, number and bool types accept strings holding one), with one optional
 * relaxation used for stored state: attributes the type does not have can be dropped instead of
 * rejected. Numbers never pass through a lossy double: the tokenizer keeps their source text
 * (Node 20's JSON.parse reviver cannot see it), and number.ts decides number vs BigNumber.
 *
 * The input is first parsed into a small tree and then converted against the type. The tree
 * costs one extra pass but lets `dynamic` values (`{"value": ..., "type": ...}`, in any key
 * order) be handled without re-scanning text, keeping the whole decode linear.
 */
import { ValueError, withStep } from './errors';
import { decimalOf, formatPlain, numberFromText } from './number';
import { typeFromParsedJson, typeToJson } from './typejson';
import { DynamicType, typeName, type CtyType } from './types';
import { attributeMap, describeValue, goJsonString, hasOwn, newObjectRecord, sortedAttributeNames, sortedKeys, toWellFormed } from './util';
import { BigNumber, DynamicWrapped, isObjectValue, Unknown, type ObjectValue, type Value } from './value';

/** Arrays/objects nested deeper than this are rejected. */
export const MAX_JSON_DEPTH = 512;

export interface DecodeJsonOptions {
  /**
   * Drop object attributes the type does not define instead of failing (at every level), as
   * terraform-plugin-go's IgnoreUndefinedAttributes does for state written by an older schema.
   */
  ignoreUndefinedAttributes?: boolean;
}

// ---------------------------------------------------------------------------------------------
// Tokenizer / tree
// ---------------------------------------------------------------------------------------------

/** A JSON number, kept as its source text. */
class JsonNumber {
  constructor(readonly text: string) {}
}
type JsonObject = { [key: string]: JsonNode };
type JsonNode = null | boolean | string | JsonNumber | JsonNode[] | JsonObject;

const isJsonObject = (n: JsonNode): n is JsonObject =>
  typeof n === 'object' && n !== null && !Array.isArray(n) && !(n instanceof JsonNumber);

const NUMBER_RE = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;

class Parser {
  i = 0;
  constructor(readonly s: string) {}

  fail(what: string): never {
    const near = this.i < this.s.length ? ` near ${JSON.stringify(this.s.slice(this.i, this.i + 16))}` : ' (unexpected end of input)';
    throw new ValueError(`invalid JSON at offset ${this.i}: ${what}${near}`);
  }

  ws(): void {
    const s = this.s;
    let i = this.i;
    for (;;) {
      const c = s.charCodeAt(i);
      if (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) i++;
      else break;
    }
    this.i = i;
  }

  document(): JsonNode {
    this.ws();
    const v = this.value(0);
    this.ws();
    if (this.i !== this.s.length) this.fail('trailing data after the value');
    return v;
  }

  value(depth: number): JsonNode {
    const s = this.s;
    const c = s.charCodeAt(this.i);
    switch (c) {
      case 0x7b /* { */: return this.object(depth + 1);
      case 0x5b /* [ */: return this.array(depth + 1);
      case 0x22 /* " */: return this.string();
      case 0x74 /* t */: return this.literal('true', true);
      case 0x66 /* f */: return this.literal('false', false);
      case 0x6e /* n */: return this.literal('null', null);
      default: {
        NUMBER_RE.lastIndex = this.i;
        const m = NUMBER_RE.exec(s);
        if (m === null) this.fail('expected a value');
        this.i += m[0].length;
        return new JsonNumber(m[0]);
      }
    }
  }

  literal<T extends JsonNode>(word: string, v: T): T {
    if (!this.s.startsWith(word, this.i)) this.fail('expected a value');
    this.i += word.length;
    return v;
  }

  checkDepth(depth: number): void {
    if (depth > MAX_JSON_DEPTH) this.fail(`nested more than ${MAX_JSON_DEPTH} levels`);
  }

  array(depth: number): JsonNode[] {
    this.checkDepth(depth);
    this.i++;
    const out: JsonNode[] = [];
    this.ws();
    if (this.s.charCodeAt(this.i) === 0x5d) {
      this.i++;
      return out;
    }
    for (;;) {
      this.ws();
      out.push(this.value(depth));
      this.ws();
      const c = this.s.charCodeAt(this.i);
      this.i++;
      if (c === 0x5d) return out;
      if (c !== 0x2c) {
        this.i--;
        this.fail("expected ',' or ']'");
      }
    }
  }

  object(depth: number): JsonObject {
    this.checkDepth(depth);
    this.i++;
    const out: JsonObject = Object.create(null);
    this.ws();
    if (this.s.charCodeAt(this.i) === 0x7d) {
      this.i++;
      return out;
    }
    for (;;) {
      this.ws();
      if (this.s.charCodeAt(this.i) !== 0x22) this.fail('expected a string key');
      const key = this.string();
      this.ws();
      if (this.s.charCodeAt(this.i) !== 0x3a) this.fail("expected ':'");
      this.i++;
      this.ws();
      out[key] = this.value(depth); // a repeated key keeps the last value, as Go's decoder does
      this.ws();
      const c = this.s.charCodeAt(this.i);
      this.i++;
      if (c === 0x7d) return out;
      if (c !== 0x2c) {
        this.i--;
        this.fail("expected ',' or '}'");
      }
    }
  }

  string(): string {
    const s = this.s;
    let i = ++this.i;
    // Fast path: no escapes.
    for (;;) {
      const c = s.charCodeAt(i);
      if (c === 0x22) {
        const out = s.slice(this.i, i);
        this.i = i + 1;
        return out;
      }
      if (c === 0x5c) break;
      if (c < 0x20 || Number.isNaN(c)) {
        this.i = i;
        this.fail(Number.isNaN(c) ? 'unterminated string' : 'control character in string');
      }
      i++;
    }
    let out = s.slice(this.i, i);
    let surrogateEscape = false;
    for (;;) {
      const c = s.charCodeAt(i);
      if (c === 0x22) {
        this.i = i + 1;
        // Go's decoder turns a \u escape of an unpaired surrogate into U+FFFD (escaped pairs combine).
        return surrogateEscape ? toWellFormed(out) : out;
      }
      if (Number.isNaN(c) || c < 0x20) {
        this.i = i;
        this.fail(Number.isNaN(c) ? 'unterminated string' : 'control character in string');
      }
      if (c !== 0x5c) {
        const start = i;
        while (i < s.length) {
          const d = s.charCodeAt(i);
          if (d === 0x22 || d === 0x5c || d < 0x20) break;
          i++;
        }
        out += s.slice(start, i);
        continue;
      }
      const e = s.charCodeAt(i + 1);
      i += 2;
      switch (e) {
        case 0x22: out += '"'; break;
        case 0x5c: out += '\\'; break;
        case 0x2f: out += '/'; break;
        case 0x62: out += '\b'; break;
        case 0x66: out += '\f'; break;
        case 0x6e: out += '\n'; break;
        case 0x72: out += '\r'; break;
        case 0x74: out += '\t'; break;
        case 0x75: {
          const hex = s.slice(i, i + 4);
          if (!/^[0-9a-fA-F]{4}$/.test(hex)) {
            this.i = i;
            this.fail('invalid \\u escape');
          }
          const unit = parseInt(hex, 16);
          if (unit >= 0xd800 && unit <= 0xdfff) surrogateEscape = true;
          out += String.fromCharCode(unit);
          i += 4;
          break;
        }
        default:
          this.i = i - 2;
          this.fail('invalid escape in string');
      }
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Decoding
// ---------------------------------------------------------------------------------------------

/** Decodes JSON text (or UTF-8 bytes) as a value of `type`; throws ValueError with the path. */
export function decodeJson(input: Uint8Array | string, type: CtyType, opts: DecodeJsonOptions = {}): Value {
  const text = typeof input === 'string' ? input : Buffer.from(input.buffer, input.byteOffset, input.byteLength).toString('utf8');
  const tree = new Parser(text).document();
  return convert(tree, type, opts.ignoreUndefinedAttributes === true);
}

function need(what: string, n: JsonNode): ValueError {
  return new ValueError(`${what} is required, got ${describeNode(n)}`);
}

function describeNode(n: JsonNode): string {
  if (n === null) return 'null';
  if (n instanceof JsonNumber) return 'a JSON number';
  if (Array.isArray(n)) return 'a JSON array';
  switch (typeof n) {
    case 'string': return 'a JSON string';
    case 'boolean': return 'a JSON bool';
    default: return 'a JSON object';
  }
}

function toNumber(text: string): number | BigNumber | undefined {
  try {
    return numberFromText(text);
  } catch (e) {
    throw new ValueError((e as Error).message);
  }
}

function convert(n: JsonNode, t: CtyType, ignoreExtra: boolean): Value {
  if (n === null) return null;
  switch (t.kind) {
    case 'string':
      if (typeof n === 'string') return n;
      if (n instanceof JsonNumber) return n.text;
      if (typeof n === 'boolean') return n ? 'true' : 'false';
      throw need('string', n);
    case 'number': {
      const text = n instanceof JsonNumber ? n.text : typeof n === 'string' ? n : undefined;
      if (text === undefined) throw need('number', n);
      const v = toNumber(text);
      if (v === undefined) throw new ValueError(`a number is required, got the string ${JSON.stringify(text.slice(0, 64))}`);
      return v;
    }
    case 'bool':
      if (typeof n === 'boolean') return n;
      if (typeof n === 'string') {
        const b = stringToBool(n);
        if (b !== undefined) return b;
        throw new ValueError(`a bool is required, got the string ${JSON.stringify(n.slice(0, 64))}`);
      }
      throw need('bool', n);
    case 'list':
    case 'set': {
      if (!Array.isArray(n)) throw need(`JSON array for ${t.kind}`, n);
      const out: Value[] = [];
      for (let i = 0; i < n.length; i++) {
        try {
          out.push(convert(n[i], t.element, ignoreExtra));
        } catch (e) {
          withStep(e, { index: i });
        }
      }
      return out;
    }
    case 'tuple': {
      if (!Array.isArray(n)) throw need('JSON array for tuple', n);
      if (n.length !== t.elements.length) {
        throw new ValueError(`${n.length < t.elements.length ? 'not enough' : 'too many'} tuple elements (need ${t.elements.length}, got ${n.length})`);
      }
      const out: Value[] = [];
      for (let i = 0; i < n.length; i++) {
        try {
          out.push(convert(n[i], t.elements[i], ignoreExtra));
        } catch (e) {
          withStep(e, { index: i });
        }
      }
      return out;
    }
    case 'map': {
      if (!isJsonObject(n)) throw need('JSON object for map', n);
      const out: ObjectValue = Object.create(null);
      for (const k of Object.keys(n)) {
        try {
          out[k] = convert(n[k], t.element, ignoreExtra);
        } catch (e) {
          withStep(e, { key: k });
        }
      }
      return out;
    }
    case 'object': {
      if (!isJsonObject(n)) throw need('JSON object for object', n);
      const out = newObjectRecord();
      for (const k of Object.keys(n)) {
        if (!hasOwn(t.attributes, k)) {
          if (ignoreExtra) continue;
          throw new ValueError('unsupported attribute', [{ attribute: k }]);
        }
      }
      // Attributes absent from the JSON are null (cty/json does the same).
      for (const name of sortedAttributeNames(t)) {
        try {
          out[name] = hasOwn(n, name) ? convert(n[name], t.attributes[name], ignoreExtra) : null;
        } catch (e) {
          withStep(e, { attribute: name });
        }
      }
      return out;
    }
    case 'dynamic':
      return convertDynamic(n, ignoreExtra);
    default:
      throw new ValueError(`unsupported type kind ${JSON.stringify((t as { kind: unknown }).kind)}`);
  }
}

/** `{"value": ..., "type": ...}`: both keys required, no others (cty/json's rule). */
function convertDynamic(n: JsonNode, ignoreExtra: boolean): Value {
  if (!isJsonObject(n)) throw need('JSON object {"value","type"} for a dynamically-typed value', n);
  for (const k of Object.keys(n)) {
    if (k !== 'value' && k !== 'type') throw new ValueError(`invalid key ${JSON.stringify(k)} in dynamically-typed value`);
  }
  if (!hasOwn(n, 'type')) throw new ValueError('missing "type" in dynamically-typed value');
  if (!hasOwn(n, 'value')) throw new ValueError('missing "value" in dynamically-typed value');
  const ty = typeFromParsedJson(n.type);
  if (ty.kind === 'dynamic') return convert(n.value, DynamicType, ignoreExtra);
  return new DynamicWrapped(ty, convert(n.value, ty, ignoreExtra));
}

/** cty's string-to-bool conversion: "true"/"1" and "false"/"0". */
export function stringToBool(s: string): boolean | undefined {
  switch (s) {
    case 'true':
    case '1':
      return true;
    case 'false':
    case '0':
      return false;
    default:
      return undefined;
  }
}

// ---------------------------------------------------------------------------------------------
// Encoding
// ---------------------------------------------------------------------------------------------

/**
 * Encodes a wholly known value as compact JSON the way go-cty does: object attributes and map
 * keys sorted, numbers as plain decimals (no exponent), dynamic as `{"value":...,"type":...}`.
 * Throws ValueError for unknowns (JSON cannot express them), NaN/Infinity, and type mismatches.
 * Object attributes missing from the record are written as null.
 */
export function encodeJson(value: Value, type: CtyType): string {
  return emit(value, type, 0);
}

function mismatch(t: CtyType, v: Value): ValueError {
  return new ValueError(`${typeName(t)} is required, got ${describeValue(v)}`);
}

// Each call returns its JSON text; building by local concatenation lets V8 use ropes and is
// markedly faster than pushing thousands of fragments into an array and joining.
function emit(v: Value, t: CtyType, depth: number): string {
  if (v instanceof Unknown) throw new ValueError('value is not known (JSON cannot represent unknown values)');
  if (v === null) return 'null';
  if (depth > MAX_JSON_DEPTH) throw new ValueError(`value is nested more than ${MAX_JSON_DEPTH} levels`);
  switch (t.kind) {
    case 'string':
      if (typeof v !== 'string') throw mismatch(t, v);
      return goJsonString(v);
    case 'number':
      return emitNumber(v, t);
    case 'bool':
      if (typeof v !== 'boolean') throw mismatch(t, v);
      return v ? 'true' : 'false';
    case 'list':
    case 'set':
    case 'tuple': {
      if (!Array.isArray(v)) throw mismatch(t, v);
      if (t.kind === 'tuple' && v.length !== t.elements.length) {
        throw new ValueError(`a tuple of ${t.elements.length} elements is required, got ${v.length}`);
      }
      let s = '[';
      for (let i = 0; i < v.length; i++) {
        if (i > 0) s += ',';
        try {
          s += emit(v[i], t.kind === 'tuple' ? t.elements[i] : t.element, depth + 1);
        } catch (e) {
          withStep(e, { index: i });
        }
      }
      return s + ']';
    }
    case 'map': {
      if (!isObjectValue(v)) throw mismatch(t, v);
      const keys = sortedKeys(v);
      let s = '{';
      for (let i = 0; i < keys.length; i++) {
        if (i > 0) s += ',';
        s += goJsonString(keys[i]) + ':';
        try {
          s += emit(v[keys[i]], t.element, depth + 1);
        } catch (e) {
          withStep(e, { key: keys[i] });
        }
      }
      return s + '}';
    }
    case 'object': {
      if (!isObjectValue(v)) throw mismatch(t, v);
      const attrs = attributeMap(t);
      for (const k in v) {
        if (!attrs.has(k)) throw new ValueError('unsupported attribute', [{ attribute: k }]);
      }
      const names = sortedAttributeNames(t);
      let s = '{';
      for (let i = 0; i < names.length; i++) {
        if (i > 0) s += ',';
        s += goJsonString(names[i]) + ':';
        const av = v[names[i]];
        try {
          s += emit(av === undefined ? null : av, t.attributes[names[i]], depth + 1);
        } catch (e) {
          withStep(e, { attribute: names[i] });
        }
      }
      return s + '}';
    }
    case 'dynamic': {
      if (!(v instanceof DynamicWrapped)) {
        throw new ValueError(`a value in a dynamic slot must be a DynamicWrapped (to carry its type), got ${describeValue(v)}`);
      }
      if (v.type.kind === 'dynamic') return emit(v.value, DynamicType, depth + 1);
      return `{"value":${emit(v.value, v.type, depth + 1)},"type":${typeToJson(v.type)}}`;
    }
    default:
      throw new ValueError(`unsupported type kind ${JSON.stringify((t as { kind: unknown }).kind)}`);
  }
}

/** A number as go-cty writes it in JSON: plain decimal text, never an exponent. */
function emitNumber(v: Value, t: CtyType): string {
  if (typeof v === 'number') {
    // Fast paths: JS already renders these as go-cty's plain decimal.
    if (Number.isSafeInteger(v)) return v === 0 ? '0' : String(v);
    if (Number.isFinite(v) && !Number.isInteger(v)) {
      const s = String(v);
      if (!s.includes('e')) return s;
    }
  } else if (!(v instanceof BigNumber)) {
    throw mismatch(t, v);
  }
  const d = decimalOf(v);
  if (d === undefined) {
    throw new ValueError(
      typeof v === 'number' ? `${v} cannot be represented in JSON` : `BigNumber text ${JSON.stringify(v.text.slice(0, 64))} is not a decimal number`,
    );
  }
  return formatPlain(d);
}
