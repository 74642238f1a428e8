import { decodeJson, encodeJson, MAX_JSON_DEPTH } from '../../../provider/values/json';
import { valuesEqual } from '../../../provider/values/ops';
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
} from '../../../provider/values/types';
import { BigNumber, DynamicWrapped, obj, UNKNOWN, Unknown, type Value } from '../../../provider/values/value';
import { valueError } from './helpers';

describe('decodeJson: numbers keep their precision', () => {
  test.each<[string, Value]>([
    ['0', 0],
    ['-0', 0],
    ['42', 42],
    ['-17.25', -17.25],
    ['0.1', 0.1],
    ['1e2', 100],
    ['1.5E-3', 0.0015],
    ['9007199254740991', 9007199254740991],
    ['9007199254740993', new BigNumber('9007199254740993')],
    ['9223372036854775807', new BigNumber('9223372036854775807')],
    ['1152921504606846976', 2 ** 60],
    ['123456789012345678901234567890.5', new BigNumber('123456789012345678901234567890.5')],
    ['0.30000000000000000001', new BigNumber('0.30000000000000000001')],
    ['1E400', new BigNumber('1' + '0'.repeat(400))],
    ['-1.25e-400', new BigNumber('-0.' + '0'.repeat(399) + '125')],
  ])('%s', (text, expected) => {
    const v = decodeJson(text, NumberType);
    if (typeof expected === 'number') expect(v).toBe(expected);
    else expect(v).toEqual(expected);
  });

  test('exponent bombs are refused', () => {
    expect(valueError(() => decodeJson('1e999999999', NumberType)).message).toMatch(/too large/);
  });

  test('numbers inside structures', () => {
    const t = objectOf({ ids: listOf(NumberType) });
    const v = decodeJson('{"ids":[1, 18446744073709551617, 2.5]}', t) as Record<string, Value[]>;
    expect(v.ids).toEqual([1, new BigNumber('18446744073709551617'), 2.5]);
  });
});

describe('decodeJson: structure', () => {
  const t = objectOf({
    name: StringType,
    count: NumberType,
    on: BoolType,
    tags: mapOf(StringType),
    list: listOf(StringType),
    set: setOf(NumberType),
    tup: tupleOf([StringType, BoolType]),
    nested: objectOf({ x: StringType }),
  });

  test('a full object', () => {
    const v = decodeJson(
      '{"name":"n","count":3,"on":true,"tags":{"a":"b"},"list":["x"],"set":[1,2],"tup":["t",false],"nested":{"x":"y"}}',
      t,
    );
    expect(v).toEqual(
      obj({ name: 'n', count: 3, on: true, tags: obj({ a: 'b' }), list: ['x'], set: [1, 2], tup: ['t', false], nested: obj({ x: 'y' }) }),
    );
    expect(Object.getPrototypeOf(v)).toBeNull();
  });

  test('missing attributes are null', () => {
    expect(decodeJson('{"name":"n"}', t)).toEqual(
      obj({ name: 'n', count: null, on: null, tags: null, list: null, set: null, tup: null, nested: null }),
    );
    expect(decodeJson('null', t)).toBeNull();
  });

  test('unknown attributes are an error naming the path', () => {
    const e = valueError(() => decodeJson('{"nested":{"x":"y","old":1}}', t));
    expect(e.message).toBe('nested.old: unsupported attribute');
    expect(e.path).toEqual([{ attribute: 'nested' }, { attribute: 'old' }]);
  });

  test('ignoreUndefinedAttributes drops them at every level', () => {
    const lt = objectOf({ items: listOf(objectOf({ keep: StringType })) });
    const v = decodeJson('{"gone":1,"items":[{"keep":"k","old":{"deep":[1]}}]}', lt, { ignoreUndefinedAttributes: true });
    expect(v).toEqual(obj({ items: [obj({ keep: 'k' })] }));
  });

  test('go-cty leniency: strings from numbers/bools, numbers and bools from strings', () => {
    expect(decodeJson('12.50', StringType)).toBe('12.50');
    expect(decodeJson('true', StringType)).toBe('true');
    expect(decodeJson('"42"', NumberType)).toBe(42);
    expect(decodeJson('"99999999999999999999"', NumberType)).toEqual(new BigNumber('99999999999999999999'));
    expect(decodeJson('"true"', BoolType)).toBe(true);
    expect(decodeJson('"0"', BoolType)).toBe(false);
    expect(valueError(() => decodeJson('"yes"', BoolType)).message).toMatch(/bool is required/);
    expect(valueError(() => decodeJson('"4x"', NumberType)).message).toMatch(/number is required/);
    expect(valueError(() => decodeJson('[]', StringType)).message).toMatch(/string is required, got a JSON array/);
    expect(valueError(() => decodeJson('1', BoolType)).message).toMatch(/bool is required/);
  });

  test('shape errors', () => {
    expect(valueError(() => decodeJson('{}', listOf(StringType))).message).toMatch(/JSON array for list is required/);
    expect(valueError(() => decodeJson('[]', mapOf(StringType))).message).toMatch(/JSON object for map is required/);
    expect(valueError(() => decodeJson('["a"]', tupleOf([StringType, StringType]))).message).toMatch(/not enough tuple elements \(need 2, got 1\)/);
    expect(valueError(() => decodeJson('["a",1,2]', tupleOf([StringType, NumberType]))).message).toMatch(/too many tuple elements/);
    expect(valueError(() => decodeJson('{"m":{"k":[]}}', objectOf({ m: mapOf(StringType) }))).message).toBe('m["k"]: string is required, got a JSON array');
  });

  test('string escapes and unicode', () => {
    expect(decodeJson('"a\\"b\\\\c\\/d\\b\\f\\n\\r\\t\\u00e9\\ud83d\\ude00"', StringType)).toBe('a"b\\c/d\b\f\n\r\té😀');
    expect(decodeJson(new TextEncoder().encode('"héllo €"'), StringType)).toBe('héllo €');
  });

  test('map keys may be anything, including __proto__', () => {
    const m = decodeJson('{"__proto__":"x","constructor":"y"}', mapOf(StringType)) as Record<string, Value>;
    expect(Object.getPrototypeOf(m)).toBeNull();
    expect(Object.keys(m)).toEqual(['__proto__', 'constructor']);
    expect(m['__proto__']).toBe('x');
  });

  test('a repeated key keeps the last value (Go behaviour)', () => {
    expect(decodeJson('{"a":"1","a":"2"}', mapOf(StringType))).toEqual(obj({ a: '2' }));
  });
});

describe('decodeJson: dynamic', () => {
  test('{"value","type"} in either order', () => {
    expect(decodeJson('{"value":"x","type":"string"}', DynamicType)).toEqual(new DynamicWrapped(StringType, 'x'));
    expect(decodeJson('{"type":["list","number"],"value":[1,2]}', DynamicType)).toEqual(new DynamicWrapped(listOf(NumberType), [1, 2]));
    expect(decodeJson('null', DynamicType)).toBeNull();
    expect(decodeJson('{"value":null,"type":"bool"}', DynamicType)).toEqual(new DynamicWrapped(BoolType, null));
  });

  test('nested dynamic values', () => {
    const v = decodeJson('{"value":[{"value":1,"type":"number"}],"type":["tuple",["dynamic"]]}', DynamicType);
    expect(v).toEqual(new DynamicWrapped(tupleOf([DynamicType]), [new DynamicWrapped(NumberType, 1)]));
    expect(decodeJson('{"value":{"value":true,"type":"bool"},"type":"dynamic"}', DynamicType)).toEqual(new DynamicWrapped(BoolType, true));
  });

  test('errors', () => {
    expect(valueError(() => decodeJson('"x"', DynamicType)).message).toMatch(/JSON object/);
    expect(valueError(() => decodeJson('{"value":"x"}', DynamicType)).message).toMatch(/missing "type"/);
    expect(valueError(() => decodeJson('{"type":"string"}', DynamicType)).message).toMatch(/missing "value"/);
    expect(valueError(() => decodeJson('{"value":"x","type":"string","extra":1}', DynamicType)).message).toMatch(/invalid key "extra"/);
    expect(valueError(() => decodeJson('{"value":"x","type":"strung"}', DynamicType)).message).toMatch(/invalid primitive type name/);
    expect(valueError(() => decodeJson('{"value":"x","type":1}', DynamicType)).message).toMatch(/invalid type JSON/);
    expect(valueError(() => decodeJson('{"value":[1],"type":"string"}', DynamicType)).message).toMatch(/string is required/);
  });
});

describe('decodeJson: malformed input', () => {
  test.each<[string, RegExp]>([
    ['', /unexpected end of input/],
    ['   ', /unexpected end of input/],
    ['[1,]', /expected a value/],
    ['[1 2]', /expected ',' or '\]'/],
    ['{"a":1,}', /expected a string key/],
    ['{"a" 1}', /expected ':'/],
    ['{"a":1 "b":2}', /expected ',' or '\}'/],
    ['{a:1}', /expected a string key/],
    ['"abc', /unterminated string/],
    ['"a\\qb"', /invalid escape/],
    ['"\\u12G4"', /invalid \\u escape/],
    ['"tab\there"', /control character/],
    ['tru', /expected a value/],
    ['nul', /expected a value/],
    ['01', /trailing data/],
    ['1.', /trailing data/],
    ['.5', /expected a value/],
    ['+1', /expected a value/],
    ['NaN', /expected a value/],
    ['[1] x', /trailing data/],
    ['{"a":1}}', /trailing data/],
  ])('%j', (text, message) => {
    // Syntax is checked before the type is looked at, so the type here is irrelevant.
    const e = valueError(() => decodeJson(text, StringType));
    expect(e.message).toMatch(/^invalid JSON at offset \d+: /);
    expect(e.message).toMatch(message);
  });

  test('100k levels of nesting is a clean error', () => {
    const deep = '['.repeat(100_000) + ']'.repeat(100_000);
    expect(valueError(() => decodeJson(deep, listOf(StringType))).message).toMatch(new RegExp(`nested more than ${MAX_JSON_DEPTH}`));
    const deepObj = '{"value":'.repeat(100_000) + 'null' + '}'.repeat(100_000);
    expect(valueError(() => decodeJson(deepObj, DynamicType)).message).toMatch(/nested more than/);
  });
});

describe('encodeJson', () => {
  test('go-cty output: sorted keys, plain decimals, Go string escaping', () => {
    const t = objectOf({ z: NumberType, a: mapOf(StringType), m: listOf(NumberType) });
    const v = obj({
      z: 1e21,
      a: obj({ y: '<b>&\u2028', b: 'é' }),
      m: [1.5e-7, -0, 2 ** 60, new BigNumber('123456789012345678901234567890.5'), 0.1, -12],
    });
    expect(encodeJson(v, t)).toBe(
      '{"a":{"b":"é","y":"\\u003cb\\u003e\\u0026\\u2028"},"m":[0.00000015,0,1152921504606846976,123456789012345678901234567890.5,0.1,-12],"z":1000000000000000000000}',
    );
  });

  test('dynamic, null and absent attributes', () => {
    expect(encodeJson(new DynamicWrapped(StringType, 'x'), DynamicType)).toBe('{"value":"x","type":"string"}');
    expect(encodeJson(new DynamicWrapped(listOf(DynamicType), [new DynamicWrapped(BoolType, true)]), DynamicType)).toBe(
      '{"value":[{"value":true,"type":"bool"}],"type":["list","dynamic"]}',
    );
    expect(encodeJson(null, DynamicType)).toBe('null');
    expect(encodeJson(obj({ a: 'x' }), objectOf({ a: StringType, b: StringType }))).toBe('{"a":"x","b":null}');
    expect(encodeJson(['a', 1], tupleOf([StringType, NumberType]))).toBe('["a",1]');
  });

  test('refuses what JSON cannot carry', () => {
    expect(valueError(() => encodeJson(UNKNOWN, StringType)).message).toMatch(/not known/);
    expect(valueError(() => encodeJson(obj({ l: ['a', new Unknown({ nullable: false })] }), objectOf({ l: listOf(StringType) }))).message).toMatch(
      /^l\[1\]: value is not known/,
    );
    expect(valueError(() => encodeJson(NaN, NumberType)).message).toMatch(/NaN cannot be represented/);
    expect(valueError(() => encodeJson(Infinity, NumberType)).message).toMatch(/Infinity cannot be represented/);
    expect(valueError(() => encodeJson(obj({ a: 1, b: 2 }), objectOf({ a: NumberType }))).message).toBe('b: unsupported attribute');
    expect(valueError(() => encodeJson('x', DynamicType)).message).toMatch(/DynamicWrapped/);
    expect(valueError(() => encodeJson(1, StringType)).message).toBe('string is required, got a number');
  });

  test('round trip through JSON for every type', () => {
    const t = objectOf({
      s: StringType,
      n: NumberType,
      b: BoolType,
      l: listOf(NumberType),
      st: setOf(StringType),
      m: mapOf(BoolType),
      tp: tupleOf([StringType, DynamicType]),
      d: DynamicType,
      o: objectOf({ inner: listOf(objectOf({ k: StringType })) }),
    });
    const v = obj({
      s: 'line\nbreak "quoted" <tag>',
      n: new BigNumber('-98765432109876543210.123456789'),
      b: false,
      l: [1, 2.5, -3e-10, 2 ** 53],
      st: ['x', 'y'],
      m: obj({ on: true }),
      tp: ['a', new DynamicWrapped(mapOf(NumberType), obj({ k: 1 }))],
      d: new DynamicWrapped(objectOf({ q: StringType }), obj({ q: null })),
      o: obj({ inner: [obj({ k: 'v' })] }),
    });
    const back = decodeJson(encodeJson(v, t), t);
    expect(valuesEqual(back, v, t)).toBe(true);
    expect(back).toEqual(v);
  });
});

describe('json large values', () => {
  test('10,000 objects round-trip exactly', () => {
    const t = listOf(objectOf({ id: StringType, n: NumberType, tags: mapOf(StringType) }));
    const v = Array.from({ length: 10_000 }, (_, i) => obj({ id: `i${i}`, n: i / 4, tags: obj({ k: String(i) }) }));
    const text = encodeJson(v, t);
    const back = decodeJson(text, t) as Value[];
    expect(back.length).toBe(10_000);
    expect(encodeJson(back, t)).toBe(text);
  });
});
