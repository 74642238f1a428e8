import { MAX_TYPE_DEPTH, parseTypeJson, typeFromParsedJson, typeToJson } from '../../../provider/values/typejson';
import {
  BoolType,
  DynamicType,
  listOf,
  mapOf,
  NumberType,
  objectOf,
  setOf,
  StringType,
  tupleOf,
  typeName,
  typesEqual,
  type CtyType,
} from '../../../provider/values/types';
import { valueError } from './helpers';

describe('parseTypeJson', () => {
  test.each<[string, CtyType]>([
    ['"string"', StringType],
    ['"number"', NumberType],
    ['"bool"', BoolType],
    ['"dynamic"', DynamicType],
    ['["list","string"]', listOf(StringType)],
    ['["set",["map","number"]]', setOf(mapOf(NumberType))],
    ['["tuple",["string",["list","bool"]]]', tupleOf([StringType, listOf(BoolType)])],
    ['["tuple",[]]', tupleOf([])],
    ['["object",{}]', objectOf({})],
    ['["object",{"b":"number","a":["list","dynamic"]}]', objectOf({ a: listOf(DynamicType), b: NumberType })],
    ['["object",{"a":"string","b":"number"},["b"]]', objectOf({ a: StringType, b: NumberType }, ['b'])],
  ])('%s', (json, expected) => {
    const t = parseTypeJson(json);
    expect(typesEqual(t, expected)).toBe(true);
    expect(t).toEqual(expected);
  });

  test('accepts bytes and surrounding/inner whitespace', () => {
    const t = parseTypeJson(new TextEncoder().encode(' [ "map" ,\n\t"string" ] '));
    expect(t).toEqual(mapOf(StringType));
  });

  test('object attribute records have no prototype, so any name is safe', () => {
    const t = parseTypeJson('["object",{"__proto__":"string","constructor":"bool"}]');
    if (t.kind !== 'object') throw new Error('expected object');
    expect(Object.getPrototypeOf(t.attributes)).toBeNull();
    expect(Object.keys(t.attributes).sort()).toEqual(['__proto__', 'constructor']);
    expect(t.attributes['__proto__']).toEqual(StringType);
    expect(typeToJson(t)).toBe('["object",{"__proto__":"string","constructor":"bool"}]');
  });

  test('an empty optional list is a plain object type', () => {
    expect(parseTypeJson('["object",{"a":"string"},[]]')).toEqual(objectOf({ a: StringType }));
  });

  test.each<[string, RegExp]>([
    ['', /invalid type JSON/],
    ['"string" "x"', /invalid type JSON/],
    ['"string",', /invalid type JSON/],
    ['"str"', /invalid primitive type name "str"/],
    ['"String"', /invalid primitive type name/],
    ['42', /expected a type name string/],
    ['null', /expected a type name string/],
    ['{"list":"string"}', /expected a type name string/],
    ['[]', /kind name must be a string/],
    ['[1,"string"]', /kind name must be a string/],
    ['["list"]', /list type must be a 2-element array/],
    ['["list","string","x"]', /list type must be a 2-element array/],
    ['["capsule","x"]', /invalid complex type kind name "capsule"/],
    ['["tuple","string"]', /tuple element types must be an array/],
    ['["tuple",["string"],1]', /tuple type must be a 2-element array/],
    ['["object",["a"]]', /attribute types must be a JSON object/],
    ['["object",{"a":"nope"}]', /invalid primitive type name "nope"/],
    ['["object",{"a":"string"},"a"]', /optional attribute names must be an array/],
    ['["object",{"a":"string"},[1]]', /optional attribute names must be an array/],
    ['["object",{"a":"string"},["b"]]', /optional attribute "b" is not an attribute/],
    ['["object",{"a":"string"},["a"],1]', /an object type must be/],
    ['["optattr","a"]', /invalid complex type kind name/],
  ])('rejects %j', (json, message) => {
    expect(valueError(() => parseTypeJson(json)).message).toMatch(message);
  });

  test('rejects invalid UTF-8', () => {
    expect(valueError(() => parseTypeJson(new Uint8Array([0x22, 0xff, 0x22]))).message).toMatch(/UTF-8/);
  });

  test('100k levels of nesting is a clean error', () => {
    const deep = '["list",'.repeat(100_000) + '"string"' + ']'.repeat(100_000);
    expect(valueError(() => parseTypeJson(deep)).message).toMatch(new RegExp(`nested more than ${MAX_TYPE_DEPTH}`));
  });

  test('nesting up to the limit parses', () => {
    const n = MAX_TYPE_DEPTH;
    let t = parseTypeJson('["list",'.repeat(n) + '"string"' + ']'.repeat(n));
    for (let i = 0; i < n; i++) {
      if (t.kind !== 'list') throw new Error('expected list');
      t = t.element;
    }
    expect(t).toEqual(StringType);
  });

  test('typeFromParsedJson rejects non-plain objects', () => {
    class Weird {}
    expect(valueError(() => typeFromParsedJson(['object', new Weird()])).message).toMatch(/must be a JSON object/);
  });
});

describe('typeToJson', () => {
  test.each<[CtyType, string]>([
    [StringType, '"string"'],
    [DynamicType, '"dynamic"'],
    [listOf(setOf(mapOf(BoolType))), '["list",["set",["map","bool"]]]'],
    [tupleOf([NumberType, DynamicType]), '["tuple",["number","dynamic"]]'],
    [tupleOf([]), '["tuple",[]]'],
    [objectOf({}), '["object",{}]'],
    [objectOf({ zeta: StringType, alpha: NumberType, mid: listOf(StringType) }), '["object",{"alpha":"number","mid":["list","string"],"zeta":"string"}]'],
    [objectOf({ b: StringType, a: StringType, c: BoolType }, ['c', 'a']), '["object",{"a":"string","b":"string","c":"bool"},["a","c"]]'],
  ])('%j', (t, expected) => {
    expect(typeToJson(t)).toBe(expected);
    expect(typeToJson(parseTypeJson(expected))).toBe(expected);
  });

  test('attribute names are escaped exactly like Go encoding/json', () => {
    const t = objectOf({ 'a<b>&c': StringType, 'q"\\': StringType, 'nl\n\u0001': StringType, 'ls\u2028': StringType, 'é': StringType });
    expect(typeToJson(t)).toBe(
      '["object",{"a\\u003cb\\u003e\\u0026c":"string","ls\\u2028":"string","nl\\n\\u0001":"string","q\\"\\\\":"string","é":"string"}]',
    );
    // and it parses back to the same names
    const back = parseTypeJson(typeToJson(t));
    expect(typesEqual(back, t)).toBe(true);
  });

  test('attributes sort by code point (Go byte order), not UTF-16 units', () => {
    const t = objectOf({ '\u{1F600}': StringType, '\uFFFD': StringType, a: StringType });
    // U+FFFD < U+1F600 by code point, although '\uD83D' < '\uFFFD' as UTF-16.
    expect(typeToJson(t)).toBe('["object",{"a":"string","\uFFFD":"string","\u{1F600}":"string"}]');
  });

  test('lone surrogates become \\ufffd as in Go', () => {
    expect(typeToJson(objectOf({ ['x\uD800']: StringType }))).toBe('["object",{"x\\ufffd":"string"}]');
  });

  test('too-deep programmatic types are an error, not a stack overflow', () => {
    let t: CtyType = StringType;
    for (let i = 0; i < 100_000; i++) t = listOf(t);
    expect(valueError(() => typeToJson(t)).message).toMatch(/nested more than/);
  });

  test('unknown kinds are rejected', () => {
    expect(valueError(() => typeToJson({ kind: 'capsule' } as unknown as CtyType)).message).toMatch(/unsupported type kind/);
  });
});

describe('type helpers', () => {
  test('typesEqual is structural', () => {
    expect(typesEqual(objectOf({ a: StringType, b: listOf(NumberType) }), objectOf({ b: listOf(NumberType), a: StringType }))).toBe(true);
    expect(typesEqual(objectOf({ a: StringType }), objectOf({ a: NumberType }))).toBe(false);
    expect(typesEqual(objectOf({ a: StringType }), objectOf({ a: StringType, b: StringType }))).toBe(false);
    expect(typesEqual(objectOf({ a: StringType }, ['a']), objectOf({ a: StringType }))).toBe(false);
    expect(typesEqual(listOf(StringType), setOf(StringType))).toBe(false);
    expect(typesEqual(tupleOf([StringType]), tupleOf([StringType, StringType]))).toBe(false);
    expect(typesEqual(DynamicType, DynamicType)).toBe(true);
  });

  test('typeName reads like go-cty', () => {
    expect(typeName(listOf(mapOf(StringType)))).toBe('list of map of string');
    expect(typeName(objectOf({}))).toBe('object');
    expect(typeName(tupleOf([]))).toBe('tuple');
  });
});
