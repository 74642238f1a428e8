import { decode as referenceDecode, ExtData } from '@msgpack/msgpack';
import { decodeMsgpack, encodeMsgpack, MAX_DEPTH } from '../../../provider/values/msgpack';
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
  type CtyType,
} from '../../../provider/values/types';
import { BigNumber, DynamicWrapped, obj, UNKNOWN, Unknown, type Value } from '../../../provider/values/value';
import { fromHex, hex, prng, valueError } from './helpers';

const enc = (v: Value, t: CtyType): string => hex(encodeMsgpack(v, t));
const dec = (h: string, t: CtyType): Value => decodeMsgpack(fromHex(h), t);
const roundTrip = (v: Value, t: CtyType): Value => decodeMsgpack(encodeMsgpack(v, t), t);

describe('msgpack golden vectors (encode)', () => {
  test.each<[string, Value, CtyType, string]>([
    ['plain unknown', UNKNOWN, StringType, 'd40000'],
    ['refined unknown: not null', new Unknown({ nullable: false }), StringType, 'c7030c8101c2'],
    ['refined unknown: not null + prefix', new Unknown({ nullable: false, stringPrefix: 'ab' }), StringType, 'c7070c8201c202a26162'],
    ['refinements on dynamic are dropped', new Unknown({ nullable: false }), DynamicType, 'd40000'],
    ['inapplicable refinements give a plain unknown', new Unknown({ stringPrefix: 'x' }), NumberType, 'd40000'],
    ['number bounds', new Unknown({ numberLower: [0, true], numberUpper: [10, false] }), NumberType, 'c7090c820392' + '00c3' + '04920ac2'],
    ['length bound (3-byte payload uses ext8)', new Unknown({ lengthLower: 1 }), listOf(StringType), 'c7030c810501'],
    ['length bound (4-byte payload uses fixext4)', new Unknown({ lengthLower: 200 }), listOf(StringType), 'd60c8105ccc8'],
    ['zero lower length bound is no refinement', new Unknown({ lengthLower: 0 }), setOf(StringType), 'd40000'],
    ['null', null, StringType, 'c0'],
    ['string', 'hi', StringType, 'a26869'],
    ['utf-8 string', 'é€😀', StringType, 'a9' + 'c3a9' + 'e282ac' + 'f09f9880'],
    ['true', true, BoolType, 'c3'],
    ['false', false, BoolType, 'c2'],
    ['fixint', 42, NumberType, '2a'],
    ['negative fixint', -1, NumberType, 'ff'],
    ['uint8', 200, NumberType, 'ccc8'],
    ['int8', -100, NumberType, 'd09c'],
    ['int16', -200, NumberType, 'd1ff38'],
    ['uint16', 65535, NumberType, 'cdffff'],
    ['uint32', 70000, NumberType, 'ce00011170'],
    ['int32', -70000, NumberType, 'd2fffeee90'],
    ['uint64 (2^53 - 1)', 9007199254740991, NumberType, 'cf001fffffffffffff'],
    ['int64 (-2^53 + 1)', -9007199254740991, NumberType, 'd3ffe0000000000001'],
    ['int64 max', new BigNumber('9223372036854775807'), NumberType, 'cf7fffffffffffffff'],
    ['int64 min', new BigNumber('-9223372036854775808'), NumberType, 'd38000000000000000'],
    ['2^53 + 1', new BigNumber('9007199254740993'), NumberType, 'cf0020000000000001'],
    ['2^60 as a double is an exact int64', 2 ** 60, NumberType, 'cf1000000000000000'],
    ['-2^63 as a double', -(2 ** 63), NumberType, 'd38000000000000000'],
    ['2^64 as a double goes as float64', 2 ** 64, NumberType, 'cb43f0000000000000'],
    ['-0 is 0', -0, NumberType, '00'],
    ['float64', 1.5, NumberType, 'cb3ff8000000000000'],
    ['+Infinity', Infinity, NumberType, 'cb7ff0000000000000'],
    ['-Infinity', -Infinity, NumberType, 'cbfff0000000000000'],
    ['integral BigNumber in range', new BigNumber('42'), NumberType, '2a'],
    [
      'decimal string',
      new BigNumber('123456789012345678901234567890.5'),
      NumberType,
      'd920' + Buffer.from('123456789012345678901234567890.5').toString('hex'),
    ],
    ['big integer beyond uint64', new BigNumber('18446744073709551616'), NumberType, 'b4' + Buffer.from('18446744073709551616').toString('hex')],
    ['list', ['a', 'b'], listOf(StringType), '92a161a162'],
    ['set', [1, 2], setOf(NumberType), '920102'],
    ['tuple', ['a', 1, true], tupleOf([StringType, NumberType, BoolType]), '93a16101c3'],
    ['map (keys sorted)', obj({ b: 2, a: 1 }), mapOf(NumberType), '82a16101a16202'],
    ['object (attributes sorted)', obj({ b: 1, a: 'x' }), objectOf({ b: NumberType, a: StringType }), '82a161a178a16201'],
    ['object: absent attribute sent as nil', obj({ a: 'x' }), objectOf({ b: NumberType, a: StringType }), '82a161a178a162c0'],
    ['dynamic wrapper', new DynamicWrapped(StringType, 'dyn'), DynamicType, '92c408' + Buffer.from('"string"').toString('hex') + 'a364796e'],
    ['dynamic null', null, DynamicType, 'c0'],
    ['dynamic unknown', UNKNOWN, DynamicType, 'd40000'],
    ['wrapper of type dynamic is flattened', new DynamicWrapped(DynamicType, new DynamicWrapped(BoolType, true)), DynamicType, '92c406' + Buffer.from('"bool"').toString('hex') + 'c3'],
    ['typed null in a dynamic slot', new DynamicWrapped(NumberType, null), DynamicType, '92c408' + Buffer.from('"number"').toString('hex') + 'c0'],
    ['unknown inside a list', ['a', UNKNOWN], listOf(StringType), '92a161d40000'],
  ])('%s', (_name, value, type, expected) => {
    expect(enc(value, type)).toBe(expected);
  });

  test('array/map/str header widths', () => {
    const l16 = new Array(16).fill(true);
    expect(enc(l16, listOf(BoolType)).slice(0, 6)).toBe('dc0010');
    const l65536 = new Array(65536).fill(true);
    expect(enc(l65536, listOf(BoolType)).slice(0, 10)).toBe('dd00010000');
    const m16 = obj(Array.from({ length: 16 }, (_, i): [string, Value] => [`k${i}`, null]));
    expect(enc(m16, mapOf(StringType)).slice(0, 6)).toBe('de0010');
    expect(enc('x'.repeat(31), StringType).slice(0, 2)).toBe('bf');
    expect(enc('x'.repeat(32), StringType).slice(0, 4)).toBe('d920');
    expect(enc('x'.repeat(256), StringType).slice(0, 6)).toBe('da0100');
    expect(enc('x'.repeat(65536), StringType).slice(0, 10)).toBe('db00010000');
    expect(enc('é'.repeat(40), StringType).slice(0, 4)).toBe('d950'); // 80 bytes, measured not guessed
  });

  test('string prefix refinements are cut to 256 bytes on a character boundary', () => {
    const prefix = 'a' + '€'.repeat(100); // 1 + 300 bytes
    const out = decodeMsgpack(encodeMsgpack(new Unknown({ stringPrefix: prefix }), StringType), StringType) as Unknown;
    const sent = out.refinements!.stringPrefix!;
    expect(Buffer.byteLength(sent)).toBe(1 + 85 * 3);
    expect(prefix.startsWith(sent)).toBe(true);
  });
});

describe('msgpack decoding', () => {
  test('numbers of every width', () => {
    expect(dec('2a', NumberType)).toBe(42);
    expect(dec('e0', NumberType)).toBe(-32);
    expect(dec('cc ff', NumberType)).toBe(255);
    expect(dec('cd 0100', NumberType)).toBe(256);
    expect(dec('ce ffffffff', NumberType)).toBe(4294967295);
    expect(dec('cf 0000000100000000', NumberType)).toBe(4294967296);
    expect(dec('d0 80', NumberType)).toBe(-128);
    expect(dec('d1 8000', NumberType)).toBe(-32768);
    expect(dec('d2 80000000', NumberType)).toBe(-2147483648);
    expect(dec('d3 ffffffff00000000', NumberType)).toBe(-4294967296);
    expect(dec('ca 3fc00000', NumberType)).toBe(1.5);
    expect(dec('cb 3ff8000000000000', NumberType)).toBe(1.5);
    expect(dec('cb 7ff0000000000000', NumberType)).toBe(Infinity);
  });

  test('int64/uint64 beyond 2^53 keep every digit', () => {
    expect(dec('cf 0020000000000001', NumberType)).toEqual(new BigNumber('9007199254740993'));
    expect(dec('cf 7fffffffffffffff', NumberType)).toEqual(new BigNumber('9223372036854775807'));
    expect(dec('cf ffffffffffffffff', NumberType)).toEqual(new BigNumber('18446744073709551615'));
    // -2^63 is itself a double, so it needs no BigNumber.
    expect(dec('d3 8000000000000000', NumberType)).toBe(-(2 ** 63));
    expect(dec('d3 8000000000000001', NumberType)).toEqual(new BigNumber('-9223372036854775807'));
    expect(dec('d3 ffdfffffffffffff', NumberType)).toEqual(new BigNumber('-9007199254740993'));
    // Exactly representable large integers stay plain numbers.
    expect(dec('cf 1000000000000000', NumberType)).toBe(2 ** 60);
    expect(dec('cf 0020000000000000', NumberType)).toBe(2 ** 53);
  });

  test('decimal strings: number when lossless, BigNumber otherwise', () => {
    const str = (s: string): string => (s.length < 32 ? (0xa0 | s.length).toString(16) : 'd9' + s.length.toString(16).padStart(2, '0')) + Buffer.from(s).toString('hex');
    expect(dec(str('0.1'), NumberType)).toBe(0.1);
    expect(dec(str('42'), NumberType)).toBe(42);
    expect(dec(str('-1.25e2'), NumberType)).toBe(-125);
    expect(dec(str('1152921504606846976'), NumberType)).toBe(2 ** 60);
    expect(dec(str('9007199254740993'), NumberType)).toEqual(new BigNumber('9007199254740993'));
    // 2^60 is 1152921504606846976, so this (its shortest double text) is a different integer.
    expect(dec(str('1152921504606847000'), NumberType)).toEqual(new BigNumber('1152921504606847000'));
    expect(dec(str('123456789012345678901234567890.5'), NumberType)).toEqual(new BigNumber('123456789012345678901234567890.5'));
    expect(dec(str('0.10000000000000000001'), NumberType)).toEqual(new BigNumber('0.10000000000000000001'));
    expect(dec(str('1e400'), NumberType)).toEqual(new BigNumber('1' + '0'.repeat(400)));
    expect(dec(str('Inf'), NumberType)).toBe(Infinity);
    expect(dec(str('-Inf'), NumberType)).toBe(-Infinity);
    // bin is accepted wherever str is (go-cty's DecodeString accepts both).
    expect(dec('c4 03' + Buffer.from('1.5').toString('hex'), NumberType)).toBe(1.5);
    // The offending text is not echoed: a value in the wrong slot may be a secret.
    const msg = valueError(() => dec(str('12abc'), NumberType)).message;
    expect(msg).toMatch(/number is required/);
    expect(msg).not.toContain('12abc');
    expect(valueError(() => dec(str(' 1'), NumberType)).message).toMatch(/number is required/);
    expect(valueError(() => dec(str('0x10'), NumberType)).message).toMatch(/number is required/);
    expect(valueError(() => dec(str('1e999999999'), NumberType)).message).toMatch(/too large/);
  });

  test('NaN is rejected on decode too', () => {
    expect(valueError(() => dec('cb 7ff8000000000000', NumberType)).message).toMatch(/NaN/);
    expect(valueError(() => dec('ca 7fc00000', NumberType)).message).toMatch(/NaN/);
  });

  test('strings decode as UTF-8, str or bin', () => {
    expect(dec('a3 e282ac', StringType)).toBe('€');
    expect(dec('c4 02 6869', StringType)).toBe('hi');
    const long = 'ü'.repeat(100);
    expect(roundTrip(long, StringType)).toBe(long);
    expect(roundTrip('😀 astral', StringType)).toBe('😀 astral');
  });

  test('unknowns: any extension with payload <= 1 byte is a plain unknown', () => {
    expect(dec('d4 00 00', StringType)).toBe(UNKNOWN);
    expect(dec('c7 00 00', StringType)).toBe(UNKNOWN);
    expect(dec('d4 05 ff', NumberType)).toBe(UNKNOWN);
    expect(dec('c7 01 7f 01', listOf(StringType))).toBe(UNKNOWN);
    expect(dec('c7 00 0c', StringType)).toBe(UNKNOWN);
    // Extensions win over the type everywhere, including dynamic and inside containers.
    expect(dec('d4 00 00', DynamicType)).toBe(UNKNOWN);
    expect(dec('92 a161 d40000', listOf(StringType))).toEqual(['a', UNKNOWN]);
  });

  test('unknowns: other extensions with a longer payload are errors', () => {
    expect(valueError(() => dec('d5 00 0000', StringType)).message).toMatch(/unsupported extension type 0 with payload length 2/);
    expect(valueError(() => dec('c7 03 01 8101c2', StringType)).message).toMatch(/unsupported extension type 1/);
  });

  test('refined unknowns decode their refinements', () => {
    const u = dec('c7 03 0c 81 01 c2', StringType);
    expect(u).toBeInstanceOf(Unknown);
    expect((u as Unknown).refinements).toEqual({ nullable: false });

    const s = dec('c7 07 0c 82 01c2 02a26162', StringType) as Unknown;
    expect(s.refinements).toEqual({ nullable: false, stringPrefix: 'ab' });

    const n = dec('c7 09 0c 82 03 9200c3 04 920ac2', NumberType) as Unknown;
    expect(n.refinements).toEqual({ numberLower: [0, true], numberUpper: [10, false] });

    const big = decodeMsgpack(encodeMsgpack(new Unknown({ numberUpper: [new BigNumber('123456789012345678901'), true] }), NumberType), NumberType) as Unknown;
    expect(big.refinements!.numberUpper).toEqual([new BigNumber('123456789012345678901'), true]);

    const l = dec('c7 05 0c 82 0501 0605', setOf(StringType)) as Unknown;
    expect(l.refinements).toEqual({ lengthLower: 1, lengthUpper: 5 });
  });

  test('refinements: unknown keys skipped, trailing payload ignored, dynamic ignores them', () => {
    // key 9 -> [1, {"a": nil}] is skipped; key 1 still applies.
    const u = dec('c7 0a 0c 82 09 92 01 81 a161 c0 01 c2', StringType) as Unknown;
    expect(u.refinements).toEqual({ nullable: false });
    expect((dec('c7 04 0c 81 01 c2 ff', StringType) as Unknown).refinements).toEqual({ nullable: false });
    expect(dec('c7 03 0c 81 01 c2', DynamicType)).toBe(UNKNOWN);
  });

  test('refinement declaring null collapses to null (as go-cty does)', () => {
    expect(dec('c7 03 0c 81 01 c3', StringType)).toBeNull();
  });

  test('refinements that do not fit the type, or are malformed, are errors', () => {
    expect(valueError(() => dec('c7 04 0c 81 02 a161', NumberType)).message).toMatch(/string prefix refinement for a non-string/);
    expect(valueError(() => dec('c7 03 0c 81 05 01', StringType)).message).toMatch(/collection length refinement for a non-collection/);
    expect(valueError(() => dec('c7 05 0c 81 03 92 01 c3', StringType)).message).toMatch(/number bound refinement for a non-number/);
    expect(valueError(() => dec('c7 03 0c 81 01 01', StringType)).message).toMatch(/nullness refinement must be a bool/);
    expect(valueError(() => dec('c7 03 0c 81 a1 61', StringType)).message).toMatch(/keys must be integers/);
    expect(valueError(() => dec('c7 02 0c 92 00', StringType)).message).toMatch(/map/);
    const oversize = 'c8 0401 0c' + '80' + '00'.repeat(1024);
    expect(valueError(() => dec(oversize, StringType)).message).toMatch(/oversize/);
  });

  test('objects need exactly one entry per attribute; errors name the path', () => {
    const inner = objectOf({ x: NumberType, y: NumberType });
    const t = objectOf({ outer: inner });
    expect(dec('81 a56f75746572 82 a178 01 a179 02', t)).toEqual(obj({ outer: obj({ x: 1, y: 2 }) }));
    expect(dec('81 a56f75746572 82 a179 02 a178 01', t)).toEqual(obj({ outer: obj({ x: 1, y: 2 }) })); // any key order

    const missing = valueError(() => dec('81 a56f75746572 81 a178 01', t));
    expect(missing.message).toMatch(/^outer\.y: attribute is missing/);
    expect(missing.path).toEqual([{ attribute: 'outer' }, { attribute: 'y' }]);

    const extra = valueError(() => dec('81 a56f75746572 83 a178 01 a179 02 a17a 03', t));
    expect(extra.message).toBe('outer.z: unsupported attribute');

    const dup = valueError(() => dec('81 a56f75746572 82 a178 01 a178 02', t));
    expect(dup.message).toMatch(/^outer\.x: attribute given more than once/);

    expect(valueError(() => dec('80', objectOf({ a: StringType }))).message).toMatch(/^a: attribute is missing/);
    expect(dec('80', objectOf({}))).toEqual(obj());
    expect(valueError(() => dec('81 01 c0', objectOf({ a: StringType }))).message).toMatch(/keys must be strings/);
  });

  test('type mismatches say what was expected and where', () => {
    const t = objectOf({ tags: mapOf(StringType) });
    const e = valueError(() => dec('81 a474616773 81 a16b 2a', t));
    expect(e.message).toBe('tags["k"]: string is required, got an integer');
    expect(e.path).toEqual([{ attribute: 'tags' }, { key: 'k' }]);
    expect(valueError(() => dec('92 c3 01', listOf(BoolType))).message).toBe('[1]: bool is required, got an integer');
    expect(valueError(() => dec('a161', listOf(StringType))).message).toMatch(/list is required \(msgpack array\), got a string/);
    expect(valueError(() => dec('92 a161 a162', tupleOf([StringType]))).message).toMatch(/tuple of 1 elements is required, got 2/);
  });

  test('sets, maps and tuples decode; null anywhere', () => {
    expect(dec('93 01 02 c0', setOf(NumberType))).toEqual([1, 2, null]);
    expect(dec('82 a161 c0 a162 a178', mapOf(StringType))).toEqual(obj({ a: null, b: 'x' }));
    expect(dec('92 c0 c0', tupleOf([StringType, NumberType]))).toEqual([null, null]);
    expect(dec('c0', objectOf({ a: StringType }))).toBeNull();
    const m = dec('81 a95f5f70726f746f5f5f 01', mapOf(NumberType)) as Record<string, Value>;
    expect(Object.keys(m)).toEqual(['__proto__']);
    expect(m['__proto__']).toBe(1);
    expect(Object.getPrototypeOf(m)).toBeNull();
  });

  test('dynamic: wrapper with str or bin type JSON, nested wrappers, errors', () => {
    const tj = (s: string): string => Buffer.from(s).toString('hex');
    const viaStr = dec('92 a8' + tj('"string"') + 'a3 64796e', DynamicType);
    expect(viaStr).toEqual(new DynamicWrapped(StringType, 'dyn'));
    const lt = '["list","number"]';
    const viaBin = dec(`92 c4${lt.length.toString(16)}${tj(lt)} 92 01 02`, DynamicType) as DynamicWrapped;
    expect(viaBin.type).toEqual(listOf(NumberType));
    expect(viaBin.value).toEqual([1, 2]);
    // A wrapper whose type is "dynamic" holds another dynamic encoding.
    expect(dec('92 a9' + tj('"dynamic"') + '92 a6' + tj('"bool"') + 'c3', DynamicType)).toEqual(new DynamicWrapped(BoolType, true));
    expect(dec('92 a8' + tj('"number"') + 'c0', DynamicType)).toEqual(new DynamicWrapped(NumberType, null));
    expect(valueError(() => dec('93 a8' + tj('"string"') + 'a0 a0', DynamicType)).message).toMatch(/2-element array/);
    expect(valueError(() => dec('a3 64796e', DynamicType)).message).toMatch(/2-element array/);
    expect(valueError(() => dec('92 01 02', DynamicType)).message).toMatch(/type JSON as bin or str/);
    expect(valueError(() => dec('92 a5' + tj('"foo"') + 'c0', DynamicType)).message).toMatch(/invalid primitive type name "foo"/);
    const inObj = valueError(() => dec('81 a164 92 a5' + tj('"foo"') + 'c0', objectOf({ d: DynamicType })));
    expect(inObj.path).toEqual([{ attribute: 'd' }]);
  });

  test('truncated input: every proper prefix of a valid encoding fails cleanly', () => {
    const t = objectOf({
      s: StringType,
      n: listOf(NumberType),
      m: mapOf(BoolType),
      d: DynamicType,
      u: StringType,
    });
    const v = obj({
      s: 'hello world, this is more than thirty-two bytes long',
      n: [1, -200, 70000, 2 ** 40, 1.5, new BigNumber('123456789012345678901234567890.5'), new BigNumber('9223372036854775807')],
      m: obj({ a: true, b: false }),
      d: new DynamicWrapped(tupleOf([StringType, NumberType]), ['x', 1]),
      u: new Unknown({ nullable: false, stringPrefix: 'pre' }),
    });
    const bytes = encodeMsgpack(v, t);
    for (let i = 1; i < bytes.length; i++) {
      const e = valueError(() => decodeMsgpack(bytes.subarray(0, i), t));
      expect(e.message).toMatch(/end of input|remain|trailing|required|missing/);
    }
    expect(valueError(() => decodeMsgpack(new Uint8Array(0), t)).message).toMatch(/empty input/);
  });

  test('trailing bytes are rejected', () => {
    expect(valueError(() => dec('01 02', NumberType)).message).toMatch(/1 trailing byte\(s\) after the value at offset 1/);
    expect(valueError(() => dec('d40000 c0', StringType)).message).toMatch(/trailing/);
  });

  test('subarray input is honoured (byteOffset)', () => {
    const whole = fromHex('ff ff 92 a161 a162 ff');
    expect(decodeMsgpack(whole.subarray(2, 7), listOf(StringType))).toEqual(['a', 'b']);
  });
});

describe('msgpack encoding errors', () => {
  test('NaN is never encoded', () => {
    expect(valueError(() => encodeMsgpack(NaN, NumberType)).message).toMatch(/NaN/);
    const e = valueError(() => encodeMsgpack(obj({ a: [1, NaN] }), objectOf({ a: listOf(NumberType) })));
    expect(e.message).toMatch(/^a\[1\]: NaN/);
    expect(valueError(() => encodeMsgpack(new Unknown({ numberLower: [NaN, true] }), NumberType)).message).toMatch(/NaN/);
  });

  test('values that do not fit the type', () => {
    expect(valueError(() => encodeMsgpack(1, StringType)).message).toBe('string is required, got a number');
    expect(valueError(() => encodeMsgpack(obj({ a: 1, zz: 2 }), objectOf({ a: NumberType }))).message).toBe('zz: unsupported attribute');
    expect(valueError(() => encodeMsgpack(['a'], tupleOf([StringType, StringType]))).message).toMatch(/tuple of 2 elements/);
    expect(valueError(() => encodeMsgpack('x', DynamicType)).message).toMatch(/must be a DynamicWrapped/);
    expect(valueError(() => encodeMsgpack(new BigNumber('1e5x'), NumberType)).message).toMatch(/not a decimal number/);
    expect(valueError(() => encodeMsgpack(obj({ m: obj({ k: 1 }) }), objectOf({ m: mapOf(StringType) }))).message).toBe('m["k"]: string is required, got a number');
  });

  test('encoder stays usable after an error (shared buffer is reset)', () => {
    expect(() => encodeMsgpack(['a', 1 as unknown as string], listOf(StringType))).toThrow();
    expect(enc(['a'], listOf(StringType))).toBe('91a161');
  });
});

describe('msgpack round trips', () => {
  const everything = objectOf({
    str: StringType,
    num: NumberType,
    flag: BoolType,
    list: listOf(StringType),
    set: setOf(objectOf({ name: StringType, n: NumberType })),
    map: mapOf(listOf(NumberType)),
    tup: tupleOf([StringType, NumberType, DynamicType]),
    dyn: DynamicType,
    nested: objectOf({ inner: objectOf({ deep: mapOf(BoolType) }) }),
    empty: listOf(StringType),
  });
  const value = obj({
    str: 'héllo',
    num: new BigNumber('-0.0000000000000000000000000000012345678901234567890123'),
    flag: true,
    list: ['a', null, UNKNOWN],
    set: [obj({ name: 'x', n: 1 }), obj({ name: 'y', n: 2.25 })],
    map: obj({ a: [1, 2], b: [] }),
    tup: ['t', -5, new DynamicWrapped(mapOf(StringType), obj({ k: 'v' }))],
    dyn: new DynamicWrapped(objectOf({ a: listOf(DynamicType) }), obj({ a: [new DynamicWrapped(StringType, 's'), null] })),
    nested: obj({ inner: obj({ deep: obj({ t: true }) }) }),
    empty: [],
  });

  test('a value using every type survives encode/decode', () => {
    const back = roundTrip(value, everything);
    expect(valuesEqual(back, value, everything)).toBe(true);
    expect(back).toEqual(value);
  });

  test.each<[string, Value, CtyType]>([
    ['string', 'x', StringType],
    ['empty string', '', StringType],
    ['number', 3.25, NumberType],
    ['negative big', new BigNumber('-123456789012345678901234567890'), NumberType],
    ['bool', false, BoolType],
    ['list', [1, 2, 3], listOf(NumberType)],
    ['set', ['a', 'b'], setOf(StringType)],
    ['map', obj({ x: 'y' }), mapOf(StringType)],
    ['tuple', [true, 'a'], tupleOf([BoolType, StringType])],
    ['empty tuple', [], tupleOf([])],
    ['object', obj({ a: null }), objectOf({ a: StringType })],
    ['dynamic', new DynamicWrapped(setOf(NumberType), [1]), DynamicType],
    ['refined unknown', new Unknown({ nullable: false, lengthLower: 2, lengthUpper: 9 }), mapOf(StringType)],
  ])('%s', (_n, v, t) => {
    expect(roundTrip(v, t)).toEqual(v);
  });

  test('output is well-formed msgpack for an independent decoder', () => {
    const decoded = referenceDecode(encodeMsgpack(value, everything), { useBigInt64: true }) as Record<string, unknown>;
    expect(decoded.str).toBe('héllo');
    expect(decoded.num).toBe('-0.0000000000000000000000000000012345678901234567890123');
    expect((decoded.list as unknown[])[2]).toBeInstanceOf(ExtData);
    expect(decoded.tup).toEqual(['t', -5, [new TextEncoder().encode('["map","string"]'), { k: 'v' }]]);
    expect(Object.keys(decoded)).toEqual(Object.keys(decoded).sort());
    const big = referenceDecode(encodeMsgpack(new BigNumber('9223372036854775807'), NumberType), { useBigInt64: true });
    expect(big).toBe(9223372036854775807n);
  });

  test('numbers across the whole range round-trip exactly', () => {
    const rnd = prng(7);
    const view = new DataView(new ArrayBuffer(8));
    for (let i = 0; i < 2000; i++) {
      view.setUint32(0, (rnd() * 2 ** 32) >>> 0);
      view.setUint32(4, (rnd() * 2 ** 32) >>> 0);
      const x = view.getFloat64(0);
      if (Number.isNaN(x)) continue;
      const back = roundTrip(x, NumberType);
      expect(Object.is(back, x === 0 ? 0 : x) || back === x).toBe(true);
      const n = Math.round((rnd() - 0.5) * 2 ** (rnd() * 64));
      expect(roundTrip(n, NumberType)).toBe(n === 0 ? 0 : n);
    }
  });
});

describe('msgpack hostile input', () => {
  function deepListType(levels: number): CtyType {
    let t: CtyType = StringType;
    for (let i = 0; i < levels; i++) t = listOf(t);
    return t;
  }

  test('100k levels of nesting is an error, not a stack overflow', () => {
    const levels = 100_000;
    const bytes = new Uint8Array(levels + 1).fill(0x91);
    bytes[levels] = 0xc0;
    const e = valueError(() => decodeMsgpack(bytes, deepListType(levels)));
    expect(e.message).toMatch(new RegExp(`nested more than ${MAX_DEPTH} levels`));
    expect(e.path.length).toBe(MAX_DEPTH + 1);
  });

  test('nesting within the limit is fine', () => {
    const levels = MAX_DEPTH;
    const bytes = new Uint8Array(levels + 1).fill(0x91);
    bytes[levels] = 0xa0;
    let v = decodeMsgpack(bytes, deepListType(levels));
    for (let i = 0; i < levels; i++) v = (v as Value[])[0];
    expect(v).toBe('');
  });

  test('deep nesting through dynamic wrappers is bounded too', () => {
    const tj = Buffer.from('["list","dynamic"]');
    const level = Buffer.concat([Buffer.from([0x92, 0xc4, tj.length]), tj, Buffer.from([0x91])]);
    const levels = 100_000;
    const bytes = Buffer.concat([...new Array(levels).fill(level), Buffer.from([0xc0])]);
    expect(valueError(() => decodeMsgpack(bytes, DynamicType)).message).toMatch(/nested more than/);
  });

  test('deep nesting in a skipped refinement entry is bounded', () => {
    const body = Buffer.concat([Buffer.from([0x81, 0x09]), Buffer.alloc(1000, 0x91), Buffer.from([0xc0])]);
    const bytes = Buffer.concat([Buffer.from([0xc8, 0x00, 0x00, 0x0c]), body]);
    bytes.writeUInt16BE(body.length, 1);
    expect(valueError(() => decodeMsgpack(bytes, StringType)).message).toMatch(/nested more than/);
  });

  test('huge declared lengths fail fast without allocating', () => {
    const cases: [string, CtyType, RegExp][] = [
      ['dd ffffffff 0102030405', listOf(NumberType), /array declares 4294967295 elements but only 5 byte\(s\) remain/],
      ['df ffffffff 0102030405', mapOf(NumberType), /map declares 4294967295 entries but only 5 byte\(s\) remain/],
      ['df ffffffff 0102030405', objectOf({ a: NumberType }), /map declares 4294967295 entries/],
      ['db ffffffff 6162636465', StringType, /unexpected end of input at offset 0 \(need 4294967300 more byte\(s\), 10 available\)/],
      ['c6 ffffffff 6162636465', StringType, /unexpected end of input/],
      ['c9 ffffffff 0c 0102030405', StringType, /unexpected end of input/],
      ['dd ffffffff 0102030405', DynamicType, /array declares 4294967295 elements/],
    ];
    // The error comes from comparing the declared length with what remains, before any
    // allocation (a hang or an out-of-memory crash would fail the test by jest's timeout).
    for (const [h, t, msg] of cases) {
      expect(valueError(() => dec(h, t)).message).toMatch(msg);
    }
  });

  test('random garbage never escapes as anything but ValueError and never hangs', () => {
    const types: CtyType[] = [
      StringType,
      NumberType,
      DynamicType,
      listOf(DynamicType),
      objectOf({ a: mapOf(listOf(NumberType)), b: setOf(StringType), c: tupleOf([BoolType, DynamicType]) }),
    ];
    const rnd = prng(42);
    let decodedSomething = 0;
    for (let i = 0; i < 3000; i++) {
      const len = 1 + Math.floor(rnd() * 64);
      const bytes = new Uint8Array(len);
      for (let j = 0; j < len; j++) bytes[j] = Math.floor(rnd() * 256);
      for (const t of types) {
        try {
          decodeMsgpack(bytes, t);
          decodedSomething++;
        } catch (e) {
          if (!(e instanceof Error) || e.name !== 'ValueError') throw e;
        }
      }
    }
    expect(decodedSomething).toBeGreaterThan(0);
  });

  test('mutated valid encodings are also handled', () => {
    const t = objectOf({ a: listOf(objectOf({ k: StringType, n: NumberType })), d: DynamicType });
    const good = encodeMsgpack(
      obj({ a: [obj({ k: 'x', n: 1 }), obj({ k: 'y', n: 2.5 })], d: new DynamicWrapped(listOf(StringType), ['q']) }),
      t,
    );
    const rnd = prng(99);
    for (let i = 0; i < 5000; i++) {
      const b = good.slice();
      b[Math.floor(rnd() * b.length)] = Math.floor(rnd() * 256);
      try {
        decodeMsgpack(b, t);
      } catch (e) {
        if (!(e instanceof Error) || e.name !== 'ValueError') throw e;
      }
    }
  });
});

describe('large collections', () => {
  // Speed is measured by `npm run bench`, not asserted here: a timed test flakes on a busy machine.
  const item = objectOf({ id: StringType, n: NumberType, tags: mapOf(StringType), on: BoolType });
  const t = listOf(item);
  const big = Array.from({ length: 10_000 }, (_, i) =>
    obj({ id: `item-${i}`, n: i * 1.5, tags: obj({ env: 'prod', idx: String(i) }), on: i % 2 === 0 }),
  );

  test('a 10,000-element list of objects round-trips exactly', () => {
    const back = decodeMsgpack(encodeMsgpack(big, t), t) as Value[];
    expect(back.length).toBe(10_000);
    expect(back[9999]).toEqual(big[9999]);
    expect(back).toEqual(big);
  });

  test('a 40,000-entry map round-trips exactly', () => {
    const mt = mapOf(StringType);
    const m = obj(Array.from({ length: 40_000 }, (_, i): [string, Value] => [`key-${i}`, `v${i}`]));
    expect(decodeMsgpack(encodeMsgpack(m, mt), mt)).toEqual(m);
  });
});
