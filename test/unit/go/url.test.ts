import * as fs from 'fs';
import * as path from 'path';
import {
  goUrlHostname,
  goUrlHostnameBytes,
  goUrlPort,
  goUrlString,
  goUrlStringBytes,
  parseGoUrl,
  resolveRoot,
  goUrlParseRef,
  GoURL,
} from '../../../provider/framework/go/url';
import { goQuoteByteString } from '../../../provider/framework/go/quote';

interface OracleRow {
  in: string;
  err?: string;
  scheme?: string;
  opaque?: string;
  user?: string;
  username?: string;
  password?: string;
  passwordSet?: boolean;
  host?: string;
  path?: string;
  rawPath?: string;
  rawQuery?: string;
  fragment?: string;
  rawFragment?: string;
  forceQuery?: boolean;
  omitHost?: boolean;
  string?: string;
  root?: string;
  port?: string;
  hostname?: string;
}

const oracle: { go: string; results: OracleRow[] } = JSON.parse(
  fs.readFileSync(path.join(__dirname, 'fixtures', 'url_oracle.json'), 'utf8'),
);

const q = goQuoteByteString;

function describeUrl(u: GoURL) {
  return {
    scheme: q(u.scheme),
    opaque: q(u.opaque),
    user: u.user ? q(userString(u)) : undefined,
    username: u.user ? q(u.user.username) : undefined,
    password: u.user ? q(u.user.password) : undefined,
    passwordSet: u.user ? u.user.passwordSet : false,
    host: q(u.host),
    path: q(u.path),
    rawPath: q(u.rawPath),
    rawQuery: q(u.rawQuery),
    fragment: q(u.fragment),
    rawFragment: q(u.rawFragment),
    forceQuery: u.forceQuery,
    omitHost: u.omitHost,
    string: q(goUrlStringBytes(u)),
    root: q(toBytes(resolveRoot(u))),
    port: q(toBytes(goUrlPort(u))),
    hostname: q(goUrlHostnameBytes(u)),
  };
}

function toBytes(s: string): string {
  return Buffer.from(s, 'utf8').toString('latin1');
}

function userString(u: GoURL): string {
  // (*Userinfo).String is exercised through goUrlStringBytes of a URL holding only the user
  const only: GoURL = { ...u, scheme: '', opaque: '', host: '', path: '', rawPath: '', rawQuery: '', fragment: '', rawFragment: '', forceQuery: false, omitHost: false };
  const s = goUrlStringBytes(only); // "//<userinfo>@"
  return s.slice(2, -1);
}

describe('net/url.Parse parity with the Go oracle (' + oracle.go + ')', () => {
  test.each(oracle.results.map((r) => [JSON.stringify(r.in), r] as const))('%s', (_name, row) => {
    const res = parseGoUrl(row.in);
    if (row.err !== undefined) {
      expect(res).toEqual({ ok: false, error: row.err });
      return;
    }
    if (!res.ok) throw new Error('expected success, got ' + res.error);
    const want = {
      scheme: row.scheme,
      opaque: row.opaque,
      user: row.user,
      username: row.username,
      password: row.password,
      passwordSet: row.passwordSet ?? false,
      host: row.host,
      path: row.path,
      rawPath: row.rawPath,
      rawQuery: row.rawQuery,
      fragment: row.fragment,
      rawFragment: row.rawFragment,
      forceQuery: row.forceQuery ?? false,
      omitHost: row.omitHost ?? false,
      string: row.string,
      root: row.root,
      port: row.port,
      hostname: row.hostname,
    };
    expect(describeUrl(res.url)).toEqual(want);
  });
});

describe('helpers.TestValidateURL table (spec §6.2)', () => {
  const ok = [
    '',
    'http://example.com',
    'https://example.com/path',
    '/path/to/file',
    './file.txt',
    '../config.json',
    'file.txt',
    'https://example.com/search?q=test',
    'https://example.com/page#section',
    'file:///path/to/file',
    'ftp://files.example.com/file.txt',
    'mailto:user@example.com',
    'tel:+1234567890',
    'data:text/plain;base64,SGVsbG8=',
  ];
  test.each(ok)('%s parses', (s) => {
    expect(parseGoUrl(s).ok).toBe(true);
  });
  test('invalid URL with spaces', () => {
    const r = parseGoUrl('http://example .com');
    expect(r).toEqual({ ok: false, error: 'parse "http://example .com": invalid character " " in host name' });
  });
  test('malformed URL', () => {
    const r = parseGoUrl('http://[::1:80');
    expect(r).toEqual({ ok: false, error: `parse "http://[::1:80": missing ']' in host` });
  });
});

describe('spec examples', () => {
  test('coder_app icon with a bad escape', () => {
    expect(parseGoUrl('/icon%.svg')).toEqual({ ok: false, error: 'parse "/icon%.svg": invalid URL escape "%.s"' });
  });
  test.each([
    ['https://example.com', 'https://example.com/'],
    ['https://example.com:8080/x?y#z', 'https://example.com:8080/'],
    ['https://u:p@h', 'https://u:p@h/'],
    ['mydeployment', '/'],
    ['HTTPS://Example.COM:0443/a/b', 'https://Example.COM:0443/'],
  ])('ACCESS_URL of %s is %s', (input, want) => {
    const r = parseGoUrl(input);
    if (!r.ok) throw new Error(r.error);
    expect(resolveRoot(r.url)).toBe(want);
  });
  test.each([
    ['https://example.com:8080', 'https://example.com:8080', '8080', 'example.com'],
    ['https://example.com/', 'https://example.com/', '', 'example.com'],
    ['http://[::1]:3000/x', 'http://[::1]:3000/x', '3000', '::1'],
    ['HTTP://h/a b', 'http://h/a%20b', '', 'h'],
    ['http://h:0080', 'http://h:0080', '0080', 'h'],
    ['http://bücher.de/', 'http://b%C3%BCcher.de/', '', 'bücher.de'],
    ['mydeployment', 'mydeployment', '', ''],
  ])('String/Port/Hostname of %s', (input, str, port, hostname) => {
    const r = parseGoUrl(input);
    if (!r.ok) throw new Error(r.error);
    expect(goUrlString(r.url)).toBe(str);
    expect(goUrlPort(r.url)).toBe(port);
    expect(goUrlHostname(r.url)).toBe(hostname);
  });
  test('(*URL).Parse with a relative reference', () => {
    const base = parseGoUrl('http://a/b/c/d;p?q');
    if (!base.ok) throw new Error(base.error);
    const cases: Array<[string, string]> = [
      ['g', 'http://a/b/c/g'],
      ['./g', 'http://a/b/c/g'],
      ['g/', 'http://a/b/c/g/'],
      ['/g', 'http://a/g'],
      ['//g', 'http://g'],
      ['?y', 'http://a/b/c/d;p?y'],
      ['#s', 'http://a/b/c/d;p?q#s'],
      ['', 'http://a/b/c/d;p?q'],
      ['..', 'http://a/b/'],
      ['../..', 'http://a/'],
      ['../../../g', 'http://a/g'],
    ];
    for (const [ref, want] of cases) {
      const r = goUrlParseRef(base.url, ref);
      if (!r.ok) throw new Error(r.error);
      expect([ref, goUrlString(r.url)]).toEqual([ref, want]);
    }
  });
});
