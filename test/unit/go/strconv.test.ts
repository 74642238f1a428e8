import * as fs from 'fs';
import * as path from 'path';
import {
  atoi,
  atoiNumber,
  formatFloatV,
  parseBool,
  parseFloat64,
  parseGoInt as goParseInt,
} from '../../../provider/framework/go/strconv';
import { goSprintfNoArgs } from '../../../provider/framework/go/printf';
import { goQuote, goQuoteList, goIsPrint, goTimeQuote } from '../../../provider/framework/go/quote';

const oracle = JSON.parse(fs.readFileSync(path.join(__dirname, 'fixtures', 'strconv_oracle.json'), 'utf8')) as {
  go: string;
  atoi: Array<{ in: string; err?: string; value?: string }>;
  parseFloat: Array<{ in: string; err?: string; bits?: string }>;
  parseBool: Array<{ in: string; err?: string; value: boolean }>;
  formatFloat: Array<{ in: string; out: string }>;
  printf: Array<{ in: string; out: string }>;
  quote: Array<{ in: string; out: string }>;
  quoteHex: Array<{ in: string; out: string }>;
};

function floatBits(x: number): string {
  const b = Buffer.alloc(8);
  b.writeDoubleBE(x);
  return b.toString('hex');
}

function fromBits(h: string): number {
  return Buffer.from(h, 'hex').readDoubleBE(0);
}

const named = <T extends { in: string }>(rows: T[]) => rows.map((r) => [JSON.stringify(r.in), r] as const);

describe(`strconv.Atoi parity with the Go oracle (${oracle.go})`, () => {
  test.each(named(oracle.atoi))('%s', (_n, row) => {
    const r = atoi(row.in);
    if (row.err !== undefined) expect(r).toEqual({ ok: false, error: row.err });
    else expect(r).toEqual({ ok: true, value: BigInt(row.value as string) });
  });
});

describe('strconv.ParseFloat(s, 64) parity with the Go oracle', () => {
  test.each(named(oracle.parseFloat))('%s', (_n, row) => {
    const r = parseFloat64(row.in);
    if (row.err !== undefined) {
      expect(r).toEqual({ ok: false, error: row.err });
    } else {
      if (!r.ok) throw new Error(r.error);
      // NaN payloads are not comparable; Go returns its canonical NaN
      if (Number.isNaN(r.value)) expect(Number.isNaN(fromBits(row.bits as string))).toBe(true);
      else expect(floatBits(r.value)).toBe(row.bits);
    }
  });
});

describe('strconv.ParseBool parity with the Go oracle', () => {
  test.each(named(oracle.parseBool))('%s', (_n, row) => {
    const r = parseBool(row.in);
    if (row.err !== undefined) expect(r).toEqual({ ok: false, error: row.err });
    else expect(r).toEqual({ ok: true, value: row.value });
  });
});

describe('fmt %v of float64 parity with the Go oracle', () => {
  test.each(named(oracle.formatFloat))('%s', (_n, row) => {
    expect(formatFloatV(fromBits(row.in))).toBe(row.out);
  });
});

describe('fmt.Sprintf(format) with no args parity with the Go oracle', () => {
  test.each(named(oracle.printf))('%s', (_n, row) => {
    expect(goSprintfNoArgs(row.in)).toBe(row.out);
  });
});

describe('strconv.Quote parity with the Go oracle', () => {
  test.each(named(oracle.quote))('%s', (_n, row) => {
    expect(goQuote(row.in)).toBe(row.out);
  });
  test.each(named(oracle.quoteHex))('bytes %s', (_n, row) => {
    expect(goQuote(new Uint8Array(Buffer.from(row.in, 'hex')))).toBe(row.out);
  });
});

describe('hand-written cases', () => {
  test('atoi', () => {
    expect(atoi('abc')).toEqual({ ok: false, error: 'strconv.Atoi: parsing "abc": invalid syntax' });
    expect(atoi('9223372036854775808')).toEqual({
      ok: false,
      error: 'strconv.Atoi: parsing "9223372036854775808": value out of range',
    });
    expect(atoi('-9223372036854775808')).toEqual({ ok: true, value: -9223372036854775808n });
    expect(atoiNumber('+42')).toEqual({ ok: true, value: 42 });
    expect(atoi('1.5').ok).toBe(false);
    expect(atoi('1e3').ok).toBe(false);
    expect(atoi('')).toEqual({ ok: false, error: 'strconv.Atoi: parsing "": invalid syntax' });
  });
  test('ParseInt with other bases', () => {
    expect(goParseInt('ff', 16, 64)).toEqual({ ok: true, value: 255n });
    expect(goParseInt('0x_1f', 0, 64)).toEqual({ ok: true, value: 31n });
    expect(goParseInt('128', 10, 8)).toEqual({ ok: false, error: 'strconv.ParseInt: parsing "128": value out of range' });
  });
  test('parseFloat64', () => {
    expect(parseFloat64('1e400')).toEqual({ ok: false, error: 'strconv.ParseFloat: parsing "1e400": value out of range' });
    expect(parseFloat64('0x1p-2')).toEqual({ ok: true, value: 0.25 });
    expect(parseFloat64('Infinity')).toEqual({ ok: true, value: Infinity });
    // Go accepts underscores between digits even without a base prefix (spec §8.8 says otherwise; the Go oracle wins)
    expect(parseFloat64('1_000')).toEqual({ ok: true, value: 1000 });
    expect(parseFloat64('1__000').ok).toBe(false);
    expect(parseFloat64(' 1')).toEqual({ ok: false, error: 'strconv.ParseFloat: parsing " 1": invalid syntax' });
  });
  test('formatFloatV', () => {
    expect(formatFloatV(1.5)).toBe('1.5');
    expect(formatFloatV(1e20)).toBe('1e+20');
    expect(formatFloatV(100000)).toBe('100000');
    expect(formatFloatV(1e6)).toBe('1e+06');
    expect(formatFloatV(1e21)).toBe('1e+21');
    expect(formatFloatV(123456789)).toBe('1.23456789e+08');
    expect(formatFloatV(0.0001)).toBe('0.0001');
    expect(formatFloatV(0.00001)).toBe('1e-05');
    expect(formatFloatV(-0)).toBe('-0');
    expect(formatFloatV(Infinity)).toBe('+Inf');
    expect(formatFloatV(NaN)).toBe('NaN');
  });
  test('printf (spec §8.7 examples)', () => {
    expect(goSprintfNoArgs('1 <  < 10')).toBe('1 <  < 10');
    expect(goSprintfNoArgs('100%% sure')).toBe('100% sure');
    expect(goSprintfNoArgs('%5d')).toBe('%!d(MISSING)');
    expect(goSprintfNoArgs('trailing %')).toBe('trailing %!(NOVERB)');
  });
  test('quote', () => {
    expect(goQuote('a"b')).toBe('"a\\"b"');
    expect(goQuote('é\n')).toBe('"é\\n"');
    expect(goQuoteList(['a', 'b'])).toBe('["a" "b"]');
    expect(goQuoteList(['string', 'number', 'bool', 'list(string)'])).toBe('["string" "number" "bool" "list(string)"]');
    expect(goQuoteList([])).toBe('[]');
    expect(goIsPrint(0x20)).toBe(true);
    expect(goIsPrint(0xa0)).toBe(false);
    expect(goTimeQuote('1é')).toBe('"1\\xc3\\xa9"');
    expect(goTimeQuote('a"\x7f')).toBe('"a\\"\x7f"');
  });
});
