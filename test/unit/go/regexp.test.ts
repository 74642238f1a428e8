import * as fs from 'fs';
import * as path from 'path';
import { compileGoRegexp } from '../../../provider/framework/go/regexp';

const oracle = JSON.parse(fs.readFileSync(path.join(__dirname, 'fixtures', 'regexp_oracle.json'), 'utf8')) as {
  go: string;
  probes: string[];
  results: Array<{ pattern: string; err?: string; matches?: boolean[] }>;
};

describe(`regexp.Compile/MatchString parity with the Go oracle (${oracle.go})`, () => {
  test.each(oracle.results.map((r) => [JSON.stringify(r.pattern).slice(0, 60), r] as const))('%s', (_n, row) => {
    const re = compileGoRegexp(row.pattern);
    if (row.err !== undefined) {
      expect(re).toEqual({ ok: false, error: row.err });
      return;
    }
    if (!re.ok) throw new Error(re.error);
    expect(oracle.probes.map((p) => re.test(p))).toEqual(row.matches);
  });
});

describe('coder_parameter regex examples', () => {
  test('unanchored search', () => {
    const re = compileGoRegexp('[a-z]+');
    if (!re.ok) throw new Error(re.error);
    expect(re.test('123abc456')).toBe(true);
    expect(re.test('123')).toBe(false);
  });
  test('.* matches the empty string', () => {
    const re = compileGoRegexp('.*');
    expect(re.ok && re.test('')).toBe(true);
  });
  test('compile errors', () => {
    expect(compileGoRegexp('[a')).toEqual({ ok: false, error: 'error parsing regexp: missing closing ]: `[a`' });
    expect(compileGoRegexp('(?=x)')).toEqual({
      ok: false,
      error: 'error parsing regexp: invalid or unsupported Perl syntax: `(?=`',
    });
    expect(compileGoRegexp('a\\')).toEqual({
      ok: false,
      error: 'error parsing regexp: trailing backslash at end of expression: ``',
    });
  });
});
