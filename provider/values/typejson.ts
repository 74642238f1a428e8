/**
 * cty type JSON (plugin-protocol.md sec. 3.1): the `type` bytes of schema attributes and function
 * parameters, and the first element of a msgpack dynamic wrapper.
 *
 * Output matches go-cty's Type.MarshalJSON byte for byte: compact, object attributes in
 * code point order, and - for object types with optional attributes - a third element that is
 * a plain sorted array of the optional names (`["object",{"a":"string"},["a"]]`; go-cty
 * `cty/json.go` writes and reads exactly that, with no marker string).
 */
import { ValueError } from './errors';
import type { CtyType } from './types';
import { BoolType, DynamicType, NumberType, StringType } from './types';
import { compareCodePoints, goJsonString, hasOwn, sortedAttributeNames, toWellFormed } from './util';

/** Deeper type nesting than this is rejected (Terraform schemas nest a handful of levels). */
export const MAX_TYPE_DEPTH = 512;

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Parses type JSON; throws ValueError for anything that is not a valid cty type. */
export function parseTypeJson(input: Uint8Array | string): CtyType {
  let text: string;
  if (typeof input === 'string') {
    text = input;
  } else {
    try {
      text = utf8.decode(input);
    } catch {
      throw new ValueError('invalid type JSON: not valid UTF-8');
    }
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (e) {
    throw new ValueError(`invalid type JSON: ${(e as Error).message}`);
  }
  return typeFromParsedJson(parsed);
}

/**
 * Builds a type from already-parsed JSON (what JSON.parse returns, or the JSON codec's tree,
 * whose objects have a null prototype). Exposed so the JSON value codec can read the `type`
 * member of a dynamic value without re-serialising it.
 */
export function typeFromParsedJson(node: unknown, depth = 0): CtyType {
  if (depth > MAX_TYPE_DEPTH) throw new ValueError(`invalid type JSON: nested more than ${MAX_TYPE_DEPTH} levels`);
  if (typeof node === 'string') {
    switch (node) {
      case 'string': return StringType;
      case 'number': return NumberType;
      case 'bool': return BoolType;
      case 'dynamic': return DynamicType;
      default: throw new ValueError(`invalid type JSON: invalid primitive type name ${JSON.stringify(node)}`);
    }
  }
  if (!Array.isArray(node)) throw new ValueError('invalid type JSON: expected a type name string or a [kind, ...] array');
  const kind = node[0];
  if (typeof kind !== 'string') throw new ValueError('invalid type JSON: complex type kind name must be a string');
  switch (kind) {
    case 'list':
    case 'set':
    case 'map': {
      expectLength(node, 2, kind);
      return { kind, element: typeFromParsedJson(node[1], depth + 1) };
    }
    case 'tuple': {
      expectLength(node, 2, kind);
      const elems = node[1];
      if (!Array.isArray(elems)) throw new ValueError('invalid type JSON: tuple element types must be an array');
      return { kind: 'tuple', elements: elems.map((e) => typeFromParsedJson(e, depth + 1)) };
    }
    case 'object':
      return objectFromJson(node, depth);
    default:
      throw new ValueError(`invalid type JSON: invalid complex type kind name ${JSON.stringify(kind)}`);
  }
}

function expectLength(node: unknown[], n: number, kind: string): void {
  if (node.length !== n) throw new ValueError(`invalid type JSON: a ${kind} type must be a ${n}-element array`);
}

function isPlainJsonObject(x: unknown): x is Record<string, unknown> {
  if (typeof x !== 'object' || x === null || Array.isArray(x)) return false;
  const proto = Object.getPrototypeOf(x);
  return proto === null || proto === Object.prototype;
}

function objectFromJson(node: unknown[], depth: number): CtyType {
  if (node.length !== 2 && node.length !== 3) {
    throw new ValueError('invalid type JSON: an object type must be ["object", {attributes}] or ["object", {attributes}, [optional names]]');
  }
  const src = node[1];
  if (!isPlainJsonObject(src)) throw new ValueError('invalid type JSON: object attribute types must be a JSON object');
  const attributes: Record<string, CtyType> = Object.create(null);
  // Names from JSON.parse may hold unpaired surrogates (from \u escapes); Go decodes those as
  // U+FFFD, so two such names can collapse into one (the later wins, as in Go's map decoding).
  for (const name of Object.keys(src)) attributes[toWellFormed(name)] = typeFromParsedJson(src[name], depth + 1);
  if (node.length === 2) return { kind: 'object', attributes };
  const opt = node[2];
  if (!Array.isArray(opt)) throw new ValueError('invalid type JSON: optional attribute names must be an array of strings');
  const names = new Set<string>();
  for (const n of opt) {
    if (typeof n !== 'string') throw new ValueError('invalid type JSON: optional attribute names must be an array of strings');
    const name = toWellFormed(n);
    if (!hasOwn(attributes, name)) throw new ValueError(`invalid type JSON: optional attribute ${JSON.stringify(n)} is not an attribute of the object`);
    names.add(name);
  }
  if (names.size === 0) return { kind: 'object', attributes };
  return { kind: 'object', attributes, optional: [...names].sort(compareCodePoints) };
}

const jsonCache = new WeakMap<CtyType, string>();

/** Serialises a type as go-cty does. Results are cached per type object. */
export function typeToJson(t: CtyType): string {
  const cached = jsonCache.get(t);
  if (cached !== undefined) return cached;
  const out = build(t, 0);
  jsonCache.set(t, out);
  return out;
}

function build(t: CtyType, depth: number): string {
  if (depth > MAX_TYPE_DEPTH) throw new ValueError(`type is nested more than ${MAX_TYPE_DEPTH} levels`);
  switch (t.kind) {
    case 'string':
    case 'number':
    case 'bool':
    case 'dynamic':
      return `"${t.kind}"`;
    case 'list':
    case 'set':
    case 'map':
      return `["${t.kind}",${build(t.element, depth + 1)}]`;
    case 'tuple':
      return `["tuple",[${t.elements.map((e) => build(e, depth + 1)).join(',')}]]`;
    case 'object': {
      const attrs = sortedAttributeNames(t)
        .map((n) => `${goJsonString(n)}:${build(t.attributes[n], depth + 1)}`)
        .join(',');
      const opt = t.optional && t.optional.length > 0
        ? `,[${[...new Set(t.optional)].sort(compareCodePoints).map(goJsonString).join(',')}]`
        : '';
      return `["object",{${attrs}}${opt}]`;
    }
    default:
      throw new ValueError(`unsupported type kind ${JSON.stringify((t as { kind: unknown }).kind)}`);
  }
}
