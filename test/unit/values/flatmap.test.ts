import { decodeFlatmap, LEGACY_UNKNOWN } from '../../../provider/values/flatmap';
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
import { BigNumber, obj, UNKNOWN, type Value } from '../../../provider/values/value';
import { valueError } from './helpers';

describe('decodeFlatmap', () => {
  test('a typical SDKv1 resource', () => {
    const t = objectOf({
      id: StringType,
      count: NumberType,
      enabled: BoolType,
      missing: StringType,
      tags: mapOf(StringType),
      names: listOf(StringType),
      block: listOf(objectOf({ name: StringType, size: NumberType })),
      rules: setOf(objectOf({ port: NumberType, proto: StringType })),
      ports: setOf(NumberType),
    });
    const flat = {
      id: 'abc',
      count: '3',
      enabled: 'true',
      'tags.%': '2',
      'tags.env': 'prod',
      'tags.dotted.key': 'v',
      'names.#': '2',
      'names.0': 'a',
      'names.1': 'b',
      'block.#': '1',
      'block.0.name': 'n',
      'block.0.size': '10.5',
      'rules.#': '2',
      'rules.1111.port': '80',
      'rules.1111.proto': 'tcp',
      'rules.2222.port': '443',
      'rules.2222.proto': 'tcp',
      'ports.#': '2',
      'ports.123': '22',
      'ports.456': '8080',
    };
    expect(decodeFlatmap(flat, t)).toEqual(
      obj({
        id: 'abc',
        count: 3,
        enabled: true,
        missing: null,
        tags: obj({ env: 'prod', 'dotted.key': 'v' }),
        names: ['a', 'b'],
        block: [obj({ name: 'n', size: 10.5 })],
        rules: [obj({ port: 80, proto: 'tcp' }), obj({ port: 443, proto: 'tcp' })],
        ports: [22, 8080],
      }),
    );
  });

  test('absent count = null, zero count = empty, Map input accepted', () => {
    const t = objectOf({ l: listOf(StringType), m: mapOf(StringType), s: setOf(StringType), o: objectOf({ a: StringType }) });
    expect(decodeFlatmap(new Map(), t)).toEqual(obj({ l: null, m: null, s: null, o: obj({ a: null }) }));
    expect(decodeFlatmap(new Map([['l.#', '0'], ['m.%', '0'], ['s.#', '0'], ['o.a', 'x']]), t)).toEqual(
      obj({ l: [], m: obj(), s: [], o: obj({ a: 'x' }) }),
    );
  });

  test('legacy unknown sentinel', () => {
    const t = objectOf({ a: StringType, l: listOf(StringType), m: mapOf(StringType), s: setOf(StringType) });
    const flat = { a: LEGACY_UNKNOWN, 'l.#': LEGACY_UNKNOWN, m: LEGACY_UNKNOWN, 's.#': LEGACY_UNKNOWN };
    expect(decodeFlatmap(flat, t)).toEqual(obj({ a: UNKNOWN, l: UNKNOWN, m: UNKNOWN, s: UNKNOWN }));
  });

  test('string conversions follow cty: numbers keep precision, bools accept 1/0', () => {
    const t = objectOf({ big: NumberType, b1: BoolType, b0: BoolType });
    expect(decodeFlatmap({ big: '123456789012345678901', b1: '1', b0: 'false' }, t)).toEqual(
      obj({ big: new BigNumber('123456789012345678901'), b1: true, b0: false }),
    );
  });

  test('nested collections and tuples', () => {
    const t = objectOf({
      lol: listOf(listOf(NumberType)),
      mol: mapOf(listOf(StringType)),
      tup: tupleOf([StringType, NumberType]),
    });
    const flat = {
      'lol.#': '2',
      'lol.0.#': '1',
      'lol.0.0': '7',
      'lol.1.#': '0',
      'mol.%': '1',
      'mol.k.#': '2',
      'mol.k.0': 'x',
      'mol.k.1': 'y',
      'tup.#': '2',
      'tup.0': 's',
      'tup.1': '2',
    };
    expect(decodeFlatmap(flat, t)).toEqual(obj({ lol: [[7], []], mol: obj({ k: ['x', 'y'] }), tup: ['s', 2] }));
  });

  test('set elements that are equal collapse, as in a cty set', () => {
    const t = objectOf({ s: setOf(StringType) });
    const v = decodeFlatmap({ 's.#': '3', 's.1': 'a', 's.2': 'a', 's.3': 'b' }, t) as Record<string, Value[]>;
    expect(v.s).toEqual(['a', 'b']);
  });

  test('attribute names that prefix each other do not mix', () => {
    const t = objectOf({ tag: mapOf(StringType), tags: mapOf(StringType) });
    expect(decodeFlatmap({ 'tag.%': '1', 'tag.a': '1', 'tags.%': '1', 'tags.b': '2' }, t)).toEqual(
      obj({ tag: obj({ a: '1' }), tags: obj({ b: '2' }) }),
    );
  });

  test('errors name the flatmap key', () => {
    expect(valueError(() => decodeFlatmap({ n: 'abc' }, objectOf({ n: NumberType }))).message).toBe(
      'flatmap: invalid value for "n" in state: a number is required',
    );
    expect(valueError(() => decodeFlatmap({ b: 'yes' }, objectOf({ b: BoolType }))).message).toMatch(/"b".*a bool is required/);
    expect(valueError(() => decodeFlatmap({ 'l.#': 'two' }, objectOf({ l: listOf(StringType) }))).message).toMatch(
      /invalid count value for "l\.#"/,
    );
    expect(valueError(() => decodeFlatmap({ 'l.#': '1000000000' }, objectOf({ l: listOf(StringType) }))).message).toMatch(
      /invalid count value for "l\.#" in state: 1000000000/,
    );
    expect(valueError(() => decodeFlatmap({ 'l.#': '-1' }, objectOf({ l: listOf(StringType) }))).message).toMatch(/invalid count/);
    expect(valueError(() => decodeFlatmap({ 't.#': '1', 't.0': 'a' }, objectOf({ t: tupleOf([StringType, StringType]) }))).message).toMatch(
      /wrong number of values for tuple "t"; expected 2, got 1/,
    );
    expect(valueError(() => decodeFlatmap({ d: 'x' }, objectOf({ d: DynamicType }))).message).toMatch(/cannot decode dynamic/);
    expect(valueError(() => decodeFlatmap({}, listOf(StringType))).message).toMatch(/top-level type must be an object/);
    expect(valueError(() => decodeFlatmap({ a: 1 as unknown as string }, objectOf({ a: StringType }))).message).toMatch(/not a string/);
  });
});
