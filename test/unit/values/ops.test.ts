import { conforms, containsUnknown, isWhollyKnown, setDedupe, valueKey, valuesEqual, zeroValue } from '../../../provider/values/ops';
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
  type CtyType,
} from '../../../provider/values/types';
import { BigNumber, DynamicWrapped, obj, UNKNOWN, Unknown, type Value } from '../../../provider/values/value';
import { prng } from './helpers';

describe('valuesEqual', () => {
  test('primitives and numbers by value', () => {
    expect(valuesEqual('a', 'a', StringType)).toBe(true);
    expect(valuesEqual('a', 'b', StringType)).toBe(false);
    expect(valuesEqual(5, new BigNumber('5.0'), NumberType)).toBe(true);
    expect(valuesEqual(new BigNumber('9007199254740993'), 9007199254740992, NumberType)).toBe(false);
    expect(valuesEqual(-0, 0, NumberType)).toBe(true);
    expect(valuesEqual(true, false, BoolType)).toBe(false);
  });

  test('null and unknown', () => {
    expect(valuesEqual(null, null, StringType)).toBe(true);
    expect(valuesEqual(null, '', StringType)).toBe(false);
    expect(valuesEqual(UNKNOWN, 'x', StringType)).toBe(false);
    expect(valuesEqual('x', UNKNOWN, StringType)).toBe(false);
    expect(valuesEqual(UNKNOWN, null, StringType)).toBe(false);
    expect(valuesEqual(UNKNOWN, new Unknown({ nullable: false }), StringType)).toBe(true);
  });

  test('lists are ordered, sets are multisets', () => {
    expect(valuesEqual([1, 2], [2, 1], listOf(NumberType))).toBe(false);
    expect(valuesEqual([1, 2], [2, 1], setOf(NumberType))).toBe(true);
    expect(valuesEqual([1, 1, 2], [1, 2, 2], setOf(NumberType))).toBe(false);
    expect(valuesEqual([1, 2], [1, 2, 3], setOf(NumberType))).toBe(false);
    const big = Array.from({ length: 50 }, (_, i) => i);
    const shuffled = [...big].reverse();
    expect(valuesEqual(big, shuffled, setOf(NumberType))).toBe(true);
    expect(valuesEqual(big, [...shuffled.slice(1), shuffled[0]], setOf(NumberType))).toBe(true);
    expect(valuesEqual(big, [...shuffled.slice(1), 0], setOf(NumberType))).toBe(false); // 49 missing, 0 twice
    expect(valuesEqual(big, [...shuffled.slice(1), 99], setOf(NumberType))).toBe(false);
    // nested: a set of sets compares inner sets order-insensitively too
    const sos = setOf(setOf(StringType));
    expect(valuesEqual([['a', 'b'], ['c']], [['c'], ['b', 'a']], sos)).toBe(true);
    // number representations inside large sets
    const withBig = [...big.slice(1), new BigNumber('0')];
    expect(valuesEqual(big, withBig, setOf(NumberType))).toBe(true);
  });

  test('maps, objects (absent attribute = null), tuples', () => {
    expect(valuesEqual(obj({ a: 1, b: 2 }), obj({ b: 2, a: 1 }), mapOf(NumberType))).toBe(true);
    expect(valuesEqual(obj({ a: 1 }), obj({ a: 1, b: 2 }), mapOf(NumberType))).toBe(false);
    expect(valuesEqual(obj({ a: 1 }), obj({ b: 1 }), mapOf(NumberType))).toBe(false);
    const ot = objectOf({ a: StringType, b: StringType });
    expect(valuesEqual(obj({ a: 'x' }), obj({ a: 'x', b: null }), ot)).toBe(true);
    expect(valuesEqual(obj({ a: 'x', b: 'y' }), obj({ a: 'x', b: null }), ot)).toBe(false);
    expect(valuesEqual(['a', 1], ['a', 1], tupleOf([StringType, NumberType]))).toBe(true);
    expect(valuesEqual(['a', 1], ['a', 2], tupleOf([StringType, NumberType]))).toBe(false);
  });

  test('dynamic compares types and values', () => {
    expect(valuesEqual(new DynamicWrapped(StringType, 'x'), new DynamicWrapped(StringType, 'x'), DynamicType)).toBe(true);
    expect(valuesEqual(new DynamicWrapped(StringType, '1'), new DynamicWrapped(NumberType, 1), DynamicType)).toBe(false);
    expect(valuesEqual(new DynamicWrapped(listOf(NumberType), [1, 2]), new DynamicWrapped(setOf(NumberType), [1, 2]), DynamicType)).toBe(false);
    expect(valuesEqual(new DynamicWrapped(StringType, null), null, DynamicType)).toBe(true);
    expect(valuesEqual(UNKNOWN, new DynamicWrapped(StringType, 'x'), DynamicType)).toBe(false);
    expect(valuesEqual(new DynamicWrapped(DynamicType, new DynamicWrapped(BoolType, true)), new DynamicWrapped(BoolType, true), DynamicType)).toBe(true);
  });

  test('mismatched shapes are unequal, not errors', () => {
    expect(valuesEqual('a', ['a'], listOf(StringType))).toBe(false);
    expect(valuesEqual(obj({}), [], mapOf(StringType))).toBe(false);
  });
});

describe('valueKey agrees with valuesEqual', () => {
  const elemT = objectOf({ s: StringType, n: NumberType, l: setOf(NumberType), d: DynamicType });
  function randomValue(rnd: () => number): Value {
    const pick = <T>(xs: T[]): T => xs[Math.floor(rnd() * xs.length)];
    return obj({
      s: pick<Value>(['a', 'b', null]),
      n: pick<Value>([1, new BigNumber('1'), 2, 0.5, new BigNumber('0.50'), null]),
      l: pick<Value>([[], [1], [1, 2], [2, 1], null]),
      d: pick<Value>([null, new DynamicWrapped(StringType, 'a'), new DynamicWrapped(NumberType, 1), new DynamicWrapped(StringType, null)]),
    });
  }

  test('random pairs', () => {
    const rnd = prng(11);
    let equalPairs = 0;
    for (let i = 0; i < 3000; i++) {
      const a = randomValue(rnd);
      const b = randomValue(rnd);
      const eq = valuesEqual(a, b, elemT);
      if (eq) equalPairs++;
      expect(valueKey(a, elemT) === valueKey(b, elemT)).toBe(eq);
    }
    expect(equalPairs).toBeGreaterThan(0);
  });

  test('keys are unambiguous for tricky strings', () => {
    const lt = listOf(StringType);
    expect(valueKey(['a,b'], lt)).not.toBe(valueKey(['a', 'b'], lt));
    expect(valueKey(['n'], lt)).not.toBe(valueKey([null], lt));
    expect(valueKey(['?'], lt)).not.toBe(valueKey([UNKNOWN], lt));
  });
});

describe('knownness', () => {
  test('isWhollyKnown / containsUnknown at any depth', () => {
    const t = objectOf({ a: listOf(mapOf(StringType)), d: DynamicType });
    const known = obj({ a: [obj({ k: 'v' })], d: new DynamicWrapped(StringType, 'x') });
    expect(isWhollyKnown(known, t)).toBe(true);
    expect(containsUnknown(known, t)).toBe(false);
    expect(isWhollyKnown(obj({ a: [obj({ k: UNKNOWN })], d: null }), t)).toBe(false);
    expect(isWhollyKnown(obj({ a: null, d: new DynamicWrapped(listOf(StringType), [UNKNOWN]) }), t)).toBe(false);
    expect(containsUnknown(new Unknown({ nullable: false }), StringType)).toBe(true);
    expect(isWhollyKnown(null, StringType)).toBe(true);
    expect(isWhollyKnown(new BigNumber('1'), NumberType)).toBe(true);
  });
});

describe('setDedupe', () => {
  test('collapses equal elements, keeps order and unknowns', () => {
    expect(setDedupe(['a', 'b', 'a'], StringType)).toEqual(['a', 'b']);
    expect(setDedupe([1, new BigNumber('1.0'), 2], NumberType)).toEqual([1, 2]);
    expect(setDedupe([UNKNOWN, UNKNOWN, 'x'], StringType)).toEqual([UNKNOWN, UNKNOWN, 'x']);
    const ot = objectOf({ a: StringType, b: setOf(NumberType) });
    expect(setDedupe([obj({ a: 'x', b: [1, 2] }), obj({ a: 'x', b: [2, 1] }), obj({ a: 'x', b: [UNKNOWN] }), obj({ a: 'x', b: [UNKNOWN] })], ot)).toEqual([
      obj({ a: 'x', b: [1, 2] }),
      obj({ a: 'x', b: [UNKNOWN] }),
      obj({ a: 'x', b: [UNKNOWN] }),
    ]);
  });

  test('scales to large sets', () => {
    const items = Array.from({ length: 20_000 }, (_, i) => `item-${i % 10_000}`);
    expect(setDedupe(items, StringType).length).toBe(10_000);
  });
});

describe('conforms', () => {
  const t = objectOf({ name: StringType, tags: mapOf(StringType), list: listOf(NumberType), tup: tupleOf([BoolType]), d: DynamicType });
  const good = obj({ name: 'x', tags: obj({ a: 'b' }), list: [1, new BigNumber('2')], tup: [true], d: new DynamicWrapped(StringType, 's') });

  test('accepts well-formed values, nulls and unknowns anywhere', () => {
    expect(conforms(good, t)).toBeUndefined();
    expect(conforms(null, t)).toBeUndefined();
    expect(conforms(UNKNOWN, t)).toBeUndefined();
    expect(conforms(obj({ name: UNKNOWN, tags: null, list: [UNKNOWN], tup: UNKNOWN, d: null }), t)).toBeUndefined();
  });

  test.each<[string, Value, string]>([
    ['wrong primitive', obj({ ...good, name: 5 }), 'name: string is required, got a number'],
    ['map element', obj({ ...good, tags: obj({ a: true }) }), 'tags["a"]: string is required, got a bool'],
    ['NaN', obj({ ...good, list: [1, NaN] }), 'list[1]: NaN is not a valid number'],
    ['bad BigNumber', obj({ ...good, list: [new BigNumber('x1')] }), 'list[0]: BigNumber text "x1" is not a decimal number'],
    ['tuple length', obj({ ...good, tup: [] }), 'tup: a tuple of 1 elements is required, got 0'],
    ['extra attribute', obj({ ...good, zzz: 1 }), 'zzz: unsupported attribute'],
    ['missing attribute', obj({ name: 'x', tags: null, list: null, tup: null }), 'd: attribute is missing (use null for an absent value)'],
    ['dynamic not wrapped', obj({ ...good, d: 's' }), 'd: a value in a dynamic slot must be a DynamicWrapped, got a string'],
    ['dynamic content', obj({ ...good, d: new DynamicWrapped(listOf(StringType), [1]) }), 'd[0]: string is required, got a number'],
    ['not an object', ['x'], 'object is required, got an array'],
  ])('%s', (_n, v, msg) => {
    expect(conforms(v, t)).toBe(msg);
  });

  test('undefined is not a value', () => {
    expect(conforms(undefined as unknown as Value, StringType)).toMatch(/undefined/);
  });
});

describe('zeroValue', () => {
  test.each<[CtyType, Value]>([
    [StringType, ''],
    [NumberType, 0],
    [BoolType, false],
    [listOf(StringType), []],
    [setOf(StringType), []],
    [mapOf(StringType), obj()],
    [tupleOf([StringType, NumberType]), ['', 0]],
    [objectOf({ a: StringType, b: listOf(BoolType), c: objectOf({ d: NumberType }) }), obj({ a: '', b: [], c: obj({ d: 0 }) })],
    [DynamicType, null],
  ])('%j', (t, expected) => {
    expect(zeroValue(t)).toEqual(expected);
    expect(conforms(zeroValue(t), t)).toBeUndefined();
  });
});
