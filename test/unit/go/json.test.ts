import * as fs from 'fs';
import * as path from 'path';
import {
  decodeFirstJsonValue,
  decodeFirstStringList,
  decodeFirstStringMapList,
  JsonResult,
  unmarshalJsonValue,
  unmarshalStringList,
  unmarshalStringMapList,
} from '../../../provider/framework/go/json';
import { goQuote } from '../../../provider/framework/go/quote';

interface One {
  err?: string;
  value?: string[];
}
const oracle = JSON.parse(fs.readFileSync(path.join(__dirname, 'fixtures', 'json_oracle.json'), 'utf8')) as {
  go: string;
  results: Array<{ in: string; decodeList: One; decodeMapList: One; unmarshalList: One; unmarshalMapList: One }>;
};

function fromList(r: JsonResult<string[]>): One {
  if (!r.ok) return { err: r.error };
  return { value: r.value.map((s) => goQuote(s)) };
}

function fromMapList(r: JsonResult<Array<Map<string, string>>>): One {
  if (!r.ok) return { err: r.error };
  return {
    value: r.value.map(
      (m) =>
        '{' +
        [...m.keys()]
          .sort((a, b) => (Buffer.from(a) < Buffer.from(b) ? -1 : Buffer.compare(Buffer.from(a), Buffer.from(b))))
          .map((k) => goQuote(k) + ':' + goQuote(m.get(k) as string))
          .join(',') +
        '}',
    ),
  };
}

function norm(o: One): One {
  if (o.err !== undefined) return { err: o.err };
  return { value: o.value ?? [] };
}

describe(`encoding/json parity with the Go oracle (${oracle.go})`, () => {
  test.each(oracle.results.map((r) => [JSON.stringify(r.in).slice(0, 80), r] as const))('%s', (_n, row) => {
    expect(fromList(decodeFirstStringList(row.in))).toEqual(norm(row.decodeList));
    expect(fromMapList(decodeFirstStringMapList(row.in))).toEqual(norm(row.decodeMapList));
    expect(fromList(unmarshalStringList(row.in))).toEqual(norm(row.unmarshalList));
    expect(fromMapList(unmarshalStringMapList(row.in))).toEqual(norm(row.unmarshalMapList));
  });
});

describe('spec §11 owner groups decoding', () => {
  test('trailing text after the first value is ignored', () => {
    expect(decodeFirstStringList('["a"] junk')).toEqual({ ok: true, value: ['a'] });
  });
  test('empty text is EOF', () => {
    expect(decodeFirstStringList('')).toEqual({ ok: false, error: 'EOF' });
    expect(decodeFirstStringList('   ')).toEqual({ ok: false, error: 'EOF' });
  });
  test('null → [] and null elements → ""', () => {
    expect(decodeFirstStringList('null')).toEqual({ ok: true, value: [] });
    expect(decodeFirstStringList('["a",null]')).toEqual({ ok: true, value: ['a', ''] });
  });
  test('type and syntax errors', () => {
    expect(decodeFirstStringList('[1]')).toEqual({
      ok: false,
      error: 'json: cannot unmarshal number into Go value of type string',
    });
    expect(decodeFirstStringList('x')).toEqual({ ok: false, error: "invalid character 'x' looking for beginning of value" });
    expect(decodeFirstStringList('["a"')).toEqual({ ok: false, error: 'unexpected EOF' });
  });
  test('rbac roles', () => {
    const r = decodeFirstStringMapList('[{"name":"admin","org_id":"o1"},{"name":"member"},{"name":null}]');
    if (!r.ok) throw new Error(r.error);
    expect(r.value.map((m) => [m.get('name') ?? '', m.get('org_id') ?? ''])).toEqual([
      ['admin', 'o1'],
      ['member', ''],
      ['', ''],
    ]);
  });
});

describe('value trees', () => {
  test('decodeFirstJsonValue returns the rest', () => {
    const r = decodeFirstJsonValue('  {"a":[1,true,null,"x"]} tail');
    expect(r).toEqual({
      ok: true,
      value: {
        t: 'object',
        entries: [
          [
            'a',
            {
              t: 'array',
              items: [{ t: 'number', raw: '1' }, { t: 'bool', v: true }, { t: 'null' }, { t: 'string', v: 'x' }],
            },
          ],
        ],
      },
      rest: ' tail',
    });
  });
  test('unmarshalJsonValue rejects trailing data', () => {
    expect(unmarshalJsonValue('1 2')).toEqual({ ok: false, error: "invalid character '2' after top-level value" });
    expect(unmarshalJsonValue('')).toEqual({ ok: false, error: 'unexpected end of JSON input' });
  });
  test('list(string) values (spec §8.8)', () => {
    expect(unmarshalStringList(' ["a","b"] ')).toEqual({ ok: true, value: ['a', 'b'] });
    expect(unmarshalStringList('null')).toEqual({ ok: true, value: [] });
    expect(unmarshalStringList('["a"] x').ok).toBe(false);
  });
  test('raw bytes with invalid UTF-8 are replaced like Go', () => {
    expect(unmarshalStringList(new Uint8Array([0x5b, 0x22, 0xff, 0x61, 0x22, 0x5d]))).toEqual({ ok: true, value: ['\ufffda'] });
  });
});
