import {
  decimalOfNumber,
  decimalToInt64,
  formatPlain,
  numberFromText,
  numberKey,
  numbersEqual,
  parseDecimal,
} from '../../../provider/values/number';
import { BigNumber } from '../../../provider/values/value';
import { prng } from './helpers';

describe('parseDecimal / formatPlain', () => {
  test.each<[string, { neg: boolean; digits: string; exp: number } | undefined, string | undefined]>([
    ['0', { neg: false, digits: '', exp: 0 }, '0'],
    ['-0.000', { neg: false, digits: '', exp: 0 }, '0'],
    ['00123.4500', { neg: false, digits: '12345', exp: -2 }, '123.45'],
    ['-1e3', { neg: true, digits: '1', exp: 3 }, '-1000'],
    ['+2.5E-3', { neg: false, digits: '25', exp: -4 }, '0.0025'],
    ['.5', { neg: false, digits: '5', exp: -1 }, '0.5'],
    ['5.', { neg: false, digits: '5', exp: 0 }, '5'],
    ['1200', { neg: false, digits: '12', exp: 2 }, '1200'],
    ['abc', undefined, undefined],
    ['1e', undefined, undefined],
    [' 1', undefined, undefined],
    ['0x10', undefined, undefined],
    ['1_000', undefined, undefined],
    ['', undefined, undefined],
    ['-', undefined, undefined],
  ])('%j', (text, expected, plain) => {
    const d = parseDecimal(text);
    expect(d).toEqual(expected);
    if (d && plain !== undefined) expect(formatPlain(d)).toBe(plain);
  });
});

describe('numberFromText', () => {
  test('lossless doubles become numbers', () => {
    for (const s of ['0', '1', '-1', '0.1', '0.3', '1.5', '1e21', '5e-324', '1.7976931348623157e308', '9007199254740991', '123.456']) {
      const v = numberFromText(s);
      expect(typeof v).toBe('number');
      expect(v).toBe(Number(s));
    }
  });

  test('anything a double would change becomes a BigNumber with plain text', () => {
    expect(numberFromText('9007199254740993')).toEqual(new BigNumber('9007199254740993'));
    expect(numberFromText('0.1000000000000000000001')).toEqual(new BigNumber('0.1000000000000000000001'));
    expect(numberFromText('2e308')).toEqual(new BigNumber('2' + '0'.repeat(308)));
    expect(numberFromText('1e-400')).toEqual(new BigNumber('0.' + '0'.repeat(399) + '1'));
    // The shortest text of 2^60 is not its exact value, so it names a different integer.
    expect(numberFromText('1152921504606847000')).toEqual(new BigNumber('1152921504606847000'));
    expect(numberFromText('1152921504606846976')).toBe(2 ** 60);
    expect(numberFromText('18446744073709551616')).toEqual(new BigNumber('18446744073709551616'));
  });

  test('infinity spellings, rejects and bombs', () => {
    expect(numberFromText('Inf')).toBe(Infinity);
    expect(numberFromText('-inf')).toBe(-Infinity);
    expect(numberFromText('+Infinity')).toBe(Infinity);
    expect(numberFromText('NaN')).toBeUndefined();
    expect(numberFromText('')).toBeUndefined();
    expect(numberFromText('1 ')).toBeUndefined();
    expect(() => numberFromText('1e1000000')).toThrow(RangeError);
    expect(() => numberFromText('1e-1000000')).toThrow(RangeError);
    expect(numberFromText('0e1000000')).toBe(0);
    // A long literal of its own is no bomb: it is only as long as its input.
    const long = '7'.repeat(5000);
    expect(numberFromText(long)).toEqual(new BigNumber(long));
  });

  test('random doubles survive their own text, both shortest and exact integer forms', () => {
    const rnd = prng(3);
    const view = new DataView(new ArrayBuffer(8));
    for (let i = 0; i < 5000; i++) {
      view.setUint32(0, (rnd() * 2 ** 32) >>> 0);
      view.setUint32(4, (rnd() * 2 ** 32) >>> 0);
      const x = view.getFloat64(0);
      if (!Number.isFinite(x)) continue;
      const text = formatPlain(decimalOfNumber(x));
      expect(numberFromText(text)).toBe(x === 0 ? 0 : x);
    }
  });
});

describe('number equality', () => {
  test('across representations', () => {
    expect(numbersEqual(5, new BigNumber('5.000'))).toBe(true);
    expect(numbersEqual(new BigNumber('0.10'), 0.1)).toBe(true);
    expect(numbersEqual(-0, 0)).toBe(true);
    expect(numbersEqual(new BigNumber('-0'), 0)).toBe(true);
    expect(numbersEqual(2 ** 60, new BigNumber('1152921504606846976'))).toBe(true);
    expect(numbersEqual(2 ** 60, new BigNumber('1152921504606847000'))).toBe(false);
    expect(numbersEqual(new BigNumber('9007199254740993'), 9007199254740992)).toBe(false);
    expect(numbersEqual(Infinity, Infinity)).toBe(true);
    expect(numbersEqual(Infinity, -Infinity)).toBe(false);
    expect(numbersEqual(NaN, NaN)).toBe(false);
    expect(numberKey(120)).toBe(numberKey(new BigNumber('1.2e2')));
    expect(numberKey(-120)).toBe('-12e1');
  });

  test('decimalToInt64 bounds', () => {
    expect(decimalToInt64(parseDecimal('9223372036854775807')!)).toBe(9223372036854775807n);
    expect(decimalToInt64(parseDecimal('9223372036854775808')!)).toBeUndefined();
    expect(decimalToInt64(parseDecimal('-9223372036854775808')!)).toBe(-9223372036854775808n);
    expect(decimalToInt64(parseDecimal('1.5')!)).toBeUndefined();
    expect(decimalToInt64(parseDecimal('1.50e1')!)).toBe(15n);
    expect(decimalToInt64(parseDecimal('1e30')!)).toBeUndefined();
  });
});
