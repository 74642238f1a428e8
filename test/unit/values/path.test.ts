import type { PathStep } from '../../../provider/protocol/interface';
import { formatPath, getAt, protocolPath, typeAt, walk } from '../../../provider/values/path';
import {
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
import { DynamicWrapped, obj, UNKNOWN, type Value } from '../../../provider/values/value';

describe('formatPath', () => {
  test.each<[PathStep[], string]>([
    [[], ''],
    [[{ attribute: 'a' }], 'a'],
    [[{ attribute: 'a' }, { attribute: 'b' }, { index: 0 }, { key: 'k' }], 'a.b[0]["k"]'],
    [[{ index: 3 }, { attribute: 'x' }], '[3].x'],
    [[{ attribute: 'tags' }, { key: 'with "quote"' }], 'tags["with \\"quote\\""]'],
    [[{ attribute: 'has space' }], '["has space"]'],
    [[{ attribute: 'a' }, { attribute: 'my-attr' }], 'a.my-attr'],
  ])('%j', (path, expected) => {
    expect(formatPath(path)).toBe(expected);
  });
});

describe('getAt / typeAt', () => {
  const t = objectOf({
    name: StringType,
    list: listOf(objectOf({ n: NumberType })),
    tags: mapOf(StringType),
    set: setOf(StringType),
    tup: tupleOf([StringType, NumberType]),
    dyn: DynamicType,
  });
  const v = obj({
    name: 'x',
    list: [obj({ n: 1 }), obj({ n: 2 })],
    tags: obj({ a: 'b' }),
    set: ['s'],
    tup: ['t', 9],
    dyn: new DynamicWrapped(objectOf({ inner: StringType }), obj({ inner: 'deep' })),
  });

  test('resolves attributes, indexes, keys, tuples and dynamic contents', () => {
    expect(getAt(v, t, [{ attribute: 'name' }])).toEqual({ value: 'x', type: StringType });
    expect(getAt(v, t, [{ attribute: 'list' }, { index: 1 }, { attribute: 'n' }])).toEqual({ value: 2, type: NumberType });
    expect(getAt(v, t, [{ attribute: 'tags' }, { key: 'a' }])).toEqual({ value: 'b', type: StringType });
    expect(getAt(v, t, [{ attribute: 'tup' }, { index: 1 }])).toEqual({ value: 9, type: NumberType });
    expect(getAt(v, t, [{ attribute: 'dyn' }, { attribute: 'inner' }])).toEqual({ value: 'deep', type: StringType });
    expect(getAt(v, t, [{ attribute: 'dyn' }])).toEqual({ value: obj({ inner: 'deep' }), type: objectOf({ inner: StringType }) });
  });

  test('null and unknown containers yield null and unknown children', () => {
    const nv = obj({ ...v, list: null, tags: UNKNOWN });
    expect(getAt(nv, t, [{ attribute: 'list' }, { index: 0 }, { attribute: 'n' }])).toEqual({ value: null, type: NumberType });
    expect(getAt(nv, t, [{ attribute: 'tags' }, { key: 'zz' }])).toEqual({ value: UNKNOWN, type: StringType });
  });

  test('paths that do not apply give undefined', () => {
    expect(getAt(v, t, [{ attribute: 'nope' }])).toBeUndefined();
    expect(getAt(v, t, [{ attribute: 'list' }, { index: 5 }])).toBeUndefined();
    expect(getAt(v, t, [{ attribute: 'list' }, { key: '0' }])).toBeUndefined();
    expect(getAt(v, t, [{ attribute: 'tags' }, { key: 'missing' }])).toBeUndefined();
    expect(getAt(v, t, [{ attribute: 'set' }, { index: 0 }])).toBeUndefined(); // sets are not addressable
    expect(getAt(v, t, [{ attribute: 'name' }, { attribute: 'x' }])).toBeUndefined();
    expect(getAt(v, t, [{ attribute: 'tup' }, { index: 2 }])).toBeUndefined();
  });

  test('typeAt', () => {
    expect(typeAt(t, [{ attribute: 'list' }, { index: 0 }, { attribute: 'n' }])).toEqual(NumberType);
    expect(typeAt(t, [{ attribute: 'tags' }, { key: 'any' }])).toEqual(StringType);
    expect(typeAt(t, [{ attribute: 'set' }, { index: 0 }])).toBeUndefined();
    expect(typeAt(t, [{ attribute: 'nope' }])).toBeUndefined();
  });
});

describe('walk', () => {
  test('visits every node parent-first with its own path copy', () => {
    const t = objectOf({ a: listOf(StringType), m: mapOf(NumberType), d: DynamicType });
    const v = obj({ a: ['x', 'y'], m: obj({ k: 1 }), d: new DynamicWrapped(setOf(StringType), ['s']) });
    const seen: [string, Value, CtyType][] = [];
    const paths: PathStep[][] = [];
    walk(v, t, (p, val, ty) => {
      paths.push(p);
      seen.push([formatPath(p), val, ty]);
    });
    expect(seen.map((s) => s[0])).toEqual(['', 'a', 'a[0]', 'a[1]', 'd', 'd[0]', 'm', 'm["k"]']);
    expect(seen.find((s) => s[0] === 'd')![2]).toEqual(setOf(StringType));
    expect(paths[2]).toEqual([{ attribute: 'a' }, { index: 0 }]); // not mutated afterwards
  });

  test('returning false skips children; nulls and unknowns are leaves', () => {
    const t = objectOf({ a: listOf(StringType), b: listOf(StringType), c: listOf(StringType) });
    const v = obj({ a: ['x'], b: null, c: UNKNOWN });
    const seen: string[] = [];
    walk(v, t, (p) => {
      seen.push(formatPath(p));
      return formatPath(p) !== 'a';
    });
    expect(seen).toEqual(['', 'a', 'b', 'c']);
  });
});

describe('protocolPath', () => {
  test('stops at the first set', () => {
    const t = objectOf({ rules: setOf(objectOf({ port: NumberType })), list: listOf(setOf(StringType)) });
    expect(protocolPath(t, [{ attribute: 'rules' }, { index: 3 }, { attribute: 'port' }])).toEqual([{ attribute: 'rules' }]);
    expect(protocolPath(t, [{ attribute: 'list' }, { index: 1 }, { index: 0 }])).toEqual([{ attribute: 'list' }, { index: 1 }]);
    expect(protocolPath(t, [{ attribute: 'list' }])).toEqual([{ attribute: 'list' }]);
  });
});
