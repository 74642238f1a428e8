/**
 * Port of Go 1.26 `net/url.Parse`, `(*URL).String`, `(*URL).Parse(ref)` /
 * `ResolveReference`, and `(*URL).Port` / `Hostname`.
 *
 * Byte semantics: Go strings are bytes; this port converts the input to a
 * "byte string" (see ./bytes.ts) and works on that, so error texts (which
 * quote byte slices) and percent-encoding of non-ASCII bytes match Go
 * exactly. All string fields of `GoURL` are byte strings; for pure-ASCII
 * input they are ordinary strings. Use `goUrlString` (returns a normal JS
 * string) for output.
 *
 * Go 1.26 defaults matter: GODEBUG `urlstrictcolons=1` (a second colon in a
 * non-bracketed http/https host is an invalid port).
 */
import { fromByteString, GoStringInput, inputToByteString } from './bytes';
import { goQuoteByteString } from './quote';

export interface GoUserinfo {
  username: string;
  password: string;
  passwordSet: boolean;
}

/** Go `url.URL` (string fields are byte strings). */
export interface GoURL {
  scheme: string;
  opaque: string;
  user: GoUserinfo | null;
  host: string;
  path: string;
  rawPath: string;
  rawQuery: string;
  fragment: string;
  rawFragment: string;
  forceQuery: boolean;
  omitHost: boolean;
}

export type GoUrlResult = { ok: true; url: GoURL } | { ok: false; error: string };

// ---------------------------------------------------------------------------
// encoding table (behaviour of Go's shouldEscape per mode)

const enum Enc {
  Path = 1,
  PathSegment = 2,
  Host = 3,
  Zone = 4,
  UserPassword = 5,
  QueryComponent = 6,
  Fragment = 7,
}

function isAlnum(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39);
}

function shouldEscapeCalc(c: number, mode: Enc): boolean {
  if (isAlnum(c)) return false;
  const ch = String.fromCharCode(c);
  if (mode === Enc.Host || mode === Enc.Zone) {
    if ("!$&'()*+,;=:[]<>\"".includes(ch) && c < 0x80) return false;
  }
  if (c < 0x80 && '-_.~'.includes(ch)) return false;
  if (c < 0x80 && '$&+,/:;=?@'.includes(ch)) {
    switch (mode) {
      case Enc.Path:
        return ch === '?';
      case Enc.PathSegment:
        return ch === '/' || ch === ';' || ch === ',' || ch === '?';
      case Enc.UserPassword:
        return ch === '@' || ch === '/' || ch === '?' || ch === ':';
      case Enc.QueryComponent:
        return true;
      case Enc.Fragment:
        return false;
    }
  }
  if (mode === Enc.Fragment && c < 0x80 && '!()*'.includes(ch)) return false;
  return true;
}

const TABLE: boolean[][] = (() => {
  const t: boolean[][] = [];
  for (let m = 0; m <= 7; m++) {
    const row: boolean[] = [];
    for (let c = 0; c < 256; c++) row.push(m === 0 ? false : shouldEscapeCalc(c, m as Enc));
    t.push(row);
  }
  return t;
})();

function shouldEscape(c: number, mode: Enc): boolean {
  return TABLE[mode][c];
}

function ishex(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0x61 && c <= 0x66) || (c >= 0x41 && c <= 0x46);
}

function unhex(c: number): number {
  if (c >= 0x30 && c <= 0x39) return c - 0x30;
  if (c >= 0x61 && c <= 0x66) return c - 0x61 + 10;
  return c - 0x41 + 10;
}

const UPPER_HEX = '0123456789ABCDEF';

class UrlError extends Error {}

function escapeError(s: string): UrlError {
  return new UrlError('invalid URL escape ' + goQuoteByteString(s));
}

function invalidHostError(s: string): UrlError {
  return new UrlError('invalid character ' + goQuoteByteString(s) + ' in host name');
}

/** Go url.unescape on a byte string; throws UrlError. */
function unescape(s: string, mode: Enc): string {
  let n = 0;
  let hasPlus = false;
  for (let i = 0; i < s.length; ) {
    const c = s.charCodeAt(i);
    if (c === 0x25) {
      n++;
      if (i + 2 >= s.length || !ishex(s.charCodeAt(i + 1)) || !ishex(s.charCodeAt(i + 2))) {
        let t = s.slice(i);
        if (t.length > 3) t = t.slice(0, 3);
        throw escapeError(t);
      }
      if (mode === Enc.Host && unhex(s.charCodeAt(i + 1)) < 8 && s.slice(i, i + 3) !== '%25') {
        throw escapeError(s.slice(i, i + 3));
      }
      if (mode === Enc.Zone) {
        const v = (unhex(s.charCodeAt(i + 1)) << 4) | unhex(s.charCodeAt(i + 2));
        if (s.slice(i, i + 3) !== '%25' && v !== 0x20 && shouldEscape(v, Enc.Host)) {
          throw escapeError(s.slice(i, i + 3));
        }
      }
      i += 3;
    } else if (c === 0x2b) {
      hasPlus = mode === Enc.QueryComponent;
      i++;
    } else {
      if ((mode === Enc.Host || mode === Enc.Zone) && c < 0x80 && shouldEscape(c, mode)) {
        throw invalidHostError(s.slice(i, i + 1));
      }
      i++;
    }
  }
  if (n === 0 && !hasPlus) return s;
  let t = '';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 0x25) {
      t += String.fromCharCode((unhex(s.charCodeAt(i + 1)) << 4) | unhex(s.charCodeAt(i + 2)));
      i += 2;
    } else if (c === 0x2b) {
      t += mode === Enc.QueryComponent ? ' ' : '+';
    } else {
      t += s[i];
    }
  }
  return t;
}

/** Go url.escape on a byte string. */
function escape(s: string, mode: Enc): string {
  let t = '';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 0x20 && mode === Enc.QueryComponent) t += '+';
    else if (shouldEscape(c, mode)) t += '%' + UPPER_HEX[c >> 4] + UPPER_HEX[c & 15];
    else t += s[i];
  }
  return t;
}

// ---------------------------------------------------------------------------
// net/netip.ParseAddr (errors only matter; used for bracketed hosts)

function addrError(input: string, msg: string, at?: string): UrlError {
  let s = 'ParseAddr(' + goQuoteByteString(input) + '): ' + msg;
  if (at !== undefined && at !== '') s += ' (at ' + goQuoteByteString(at) + ')';
  return new UrlError(s);
}

/** Parse IPv4 fields of in[off:end]; throws UrlError (with `in` as the whole input). */
function parseIPv4Fields(input: string, off: number, end: number): void {
  const s = input.slice(off, end);
  let val = 0;
  let pos = 0;
  let digLen = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x30 && c <= 0x39) {
      if (digLen === 1 && val === 0) throw addrError(input, 'IPv4 field has octet with leading zero');
      val = val * 10 + (c - 0x30);
      digLen++;
      if (val > 255) throw addrError(input, 'IPv4 field has value >255');
    } else if (c === 0x2e) {
      if (i === 0 || i === s.length - 1 || s[i - 1] === '.') {
        throw addrError(input, 'IPv4 field must have at least one digit', s.slice(i));
      }
      if (pos === 3) throw addrError(input, 'IPv4 address too long');
      pos++;
      val = 0;
      digLen = 0;
    } else {
      throw addrError(input, 'unexpected character', s.slice(i));
    }
  }
  if (pos < 3) throw addrError(input, 'IPv4 address too short');
}

/** Go netip.ParseAddr; returns 4 for IPv4, 6 for IPv6; throws UrlError. */
function parseAddr(s: string): 4 | 6 {
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c === '.') {
      parseIPv4Fields(s, 0, s.length);
      return 4;
    }
    if (c === ':') {
      parseIPv6(s);
      return 6;
    }
    if (c === '%') throw addrError(s, 'missing IPv6 address');
  }
  throw addrError(s, 'unable to parse IP');
}

function parseIPv6(input: string): void {
  let s = input;
  let zone = '';
  const pct = s.indexOf('%');
  if (pct !== -1) {
    zone = s.slice(pct + 1);
    s = s.slice(0, pct);
    if (zone === '') throw addrError(input, 'zone must be a non-empty string');
  }
  let ellipsis = -1;
  if (s.length >= 2 && s[0] === ':' && s[1] === ':') {
    ellipsis = 0;
    s = s.slice(2);
    if (s.length === 0) return;
  }
  let i = 0;
  while (i < 16) {
    let off = 0;
    let acc = 0;
    for (; off < s.length; off++) {
      const c = s.charCodeAt(off);
      if (c >= 0x30 && c <= 0x39) acc = acc * 16 + (c - 0x30);
      else if (c >= 0x61 && c <= 0x66) acc = acc * 16 + (c - 0x61 + 10);
      else if (c >= 0x41 && c <= 0x46) acc = acc * 16 + (c - 0x41 + 10);
      else break;
      if (off > 3) throw addrError(input, 'each group must have 4 or less digits', s);
      if (acc > 0xffff) throw addrError(input, 'IPv6 field has value >=2^16', s);
    }
    if (off === 0) throw addrError(input, 'each colon-separated field must have at least one digit', s);
    if (off < s.length && s[off] === '.') {
      if (ellipsis < 0 && i !== 12) {
        throw addrError(input, 'embedded IPv4 address must replace the final 2 fields of the address', s);
      }
      if (i + 4 > 16) {
        throw addrError(input, 'too many hex fields to fit an embedded IPv4 at the end of the address', s);
      }
      let end = input.length;
      if (zone.length > 0) end -= zone.length + 1;
      parseIPv4Fields(input, end - s.length, end);
      s = '';
      i += 4;
      break;
    }
    i += 2;
    s = s.slice(off);
    if (s.length === 0) break;
    if (s[0] !== ':') throw addrError(input, 'unexpected character, want colon', s);
    else if (s.length === 1) throw addrError(input, 'colon must be followed by more characters', s);
    s = s.slice(1);
    if (s[0] === ':') {
      if (ellipsis >= 0) throw addrError(input, 'multiple :: in address', s);
      ellipsis = i;
      s = s.slice(1);
      if (s.length === 0) break;
    }
  }
  if (s.length !== 0) throw addrError(input, 'trailing garbage after address', s);
  if (i < 16) {
    if (ellipsis < 0) throw addrError(input, 'address string too short');
  } else if (ellipsis >= 0) {
    throw addrError(input, 'the :: must expand to at least one field of zeros');
  }
}

// ---------------------------------------------------------------------------
// parsing

function getScheme(raw: string): [string, string] {
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    if ((c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a)) {
      // letter
    } else if ((c >= 0x30 && c <= 0x39) || c === 0x2b || c === 0x2d || c === 0x2e) {
      if (i === 0) return ['', raw];
    } else if (c === 0x3a) {
      if (i === 0) throw new UrlError('missing protocol scheme');
      return [raw.slice(0, i), raw.slice(i + 1)];
    } else {
      return ['', raw];
    }
  }
  return ['', raw];
}

function stringContainsCTLByte(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const b = s.charCodeAt(i);
    if (b < 0x20 || b === 0x7f) return true;
  }
  return false;
}

function validOptionalPort(port: string): boolean {
  if (port === '') return true;
  if (port[0] !== ':') return false;
  for (let i = 1; i < port.length; i++) {
    const b = port.charCodeAt(i);
    if (b < 0x30 || b > 0x39) return false;
  }
  return true;
}

function validUserinfo(s: string): boolean {
  // Go ranges over runes; every non-ASCII rune is invalid, so byte checks are equivalent.
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (isAlnum(c)) continue;
    if ("-._:~!$&'()*+,;=%@".includes(s[i]) && c < 0x80) continue;
    return false;
  }
  return true;
}

function parseHost(scheme: string, host: string): string {
  const openBracketIdx = host.lastIndexOf('[');
  if (openBracketIdx > 0) throw new UrlError('invalid IP-literal');
  if (openBracketIdx === 0) {
    const closeBracketIdx = host.lastIndexOf(']');
    if (closeBracketIdx < 0) throw new UrlError("missing ']' in host");
    const colonPort = host.slice(closeBracketIdx + 1);
    if (!validOptionalPort(colonPort)) {
      throw new UrlError('invalid port ' + goQuoteByteString(colonPort) + ' after host');
    }
    const unescapedColonPort = unescape(colonPort, Enc.Host);
    const hostname = host.slice(openBracketIdx + 1, closeBracketIdx);
    let unescapedHostname: string;
    const zoneIdx = hostname.indexOf('%25');
    if (zoneIdx >= 0) {
      const hostPart = unescape(hostname.slice(0, zoneIdx), Enc.Host);
      const zonePart = unescape(hostname.slice(zoneIdx), Enc.Zone);
      unescapedHostname = hostPart + zonePart;
    } else {
      unescapedHostname = unescape(hostname, Enc.Host);
    }
    let kind: 4 | 6;
    try {
      kind = parseAddr(unescapedHostname);
    } catch (e) {
      throw new UrlError('invalid host: ' + (e as Error).message);
    }
    if (kind === 4) throw new UrlError('invalid IP-literal');
    return '[' + unescapedHostname + ']' + unescapedColonPort;
  }
  let i = host.indexOf(':');
  if (i !== -1) {
    const lastColon = host.lastIndexOf(':');
    if (lastColon !== i) {
      // Go 1.26 default urlstrictcolons=1: only non-http(s) schemes use the last colon.
      if (!(scheme === 'http' || scheme === 'https')) i = lastColon;
    }
    const colonPort = host.slice(i);
    if (!validOptionalPort(colonPort)) {
      throw new UrlError('invalid port ' + goQuoteByteString(colonPort) + ' after host');
    }
  }
  return unescape(host, Enc.Host);
}

function parseAuthority(scheme: string, authority: string): [GoUserinfo | null, string] {
  const i = authority.lastIndexOf('@');
  const host = parseHost(scheme, i < 0 ? authority : authority.slice(i + 1));
  if (i < 0) return [null, host];
  const userinfo = authority.slice(0, i);
  if (!validUserinfo(userinfo)) throw new UrlError('net/url: invalid userinfo');
  const colon = userinfo.indexOf(':');
  if (colon < 0) {
    return [{ username: unescape(userinfo, Enc.UserPassword), password: '', passwordSet: false }, host];
  }
  const username = unescape(userinfo.slice(0, colon), Enc.UserPassword);
  const password = unescape(userinfo.slice(colon + 1), Enc.UserPassword);
  return [{ username, password, passwordSet: true }, host];
}

function setPath(u: GoURL, p: string): void {
  const path = unescape(p, Enc.Path);
  u.path = path;
  u.rawPath = escape(path, Enc.Path) === p ? '' : p;
}

function setFragment(u: GoURL, f: string): void {
  const frag = unescape(f, Enc.Fragment);
  u.fragment = frag;
  u.rawFragment = escape(frag, Enc.Fragment) === f ? '' : f;
}

function emptyUrl(): GoURL {
  return {
    scheme: '',
    opaque: '',
    user: null,
    host: '',
    path: '',
    rawPath: '',
    rawQuery: '',
    fragment: '',
    rawFragment: '',
    forceQuery: false,
    omitHost: false,
  };
}

function countChar(s: string, ch: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) if (s[i] === ch) n++;
  return n;
}

/** Go url.parse(rawURL, viaRequest=false) on a byte string; throws UrlError. */
function parseInner(rawURL: string): GoURL {
  if (stringContainsCTLByte(rawURL)) throw new UrlError('net/url: invalid control character in URL');
  const url = emptyUrl();
  if (rawURL === '*') {
    url.path = '*';
    return url;
  }
  let [scheme, rest] = getScheme(rawURL);
  url.scheme = scheme.toLowerCase(); // ASCII only (scheme chars are ASCII)
  if (rest.endsWith('?') && countChar(rest, '?') === 1) {
    url.forceQuery = true;
    rest = rest.slice(0, -1);
  } else {
    const q = rest.indexOf('?');
    if (q >= 0) {
      url.rawQuery = rest.slice(q + 1);
      rest = rest.slice(0, q);
    }
  }
  if (!rest.startsWith('/')) {
    if (url.scheme !== '') {
      url.opaque = rest;
      return url;
    }
    const slash = rest.indexOf('/');
    const segment = slash >= 0 ? rest.slice(0, slash) : rest;
    if (segment.includes(':')) throw new UrlError('first path segment in URL cannot contain colon');
  }
  if ((url.scheme !== '' || !rest.startsWith('///')) && rest.startsWith('//')) {
    let authority = rest.slice(2);
    rest = '';
    const i = authority.indexOf('/');
    if (i >= 0) {
      rest = authority.slice(i);
      authority = authority.slice(0, i);
    }
    const [user, host] = parseAuthority(url.scheme, authority);
    url.user = user;
    url.host = host;
  } else if (url.scheme !== '' && rest.startsWith('/')) {
    url.omitHost = true;
  }
  setPath(url, rest);
  return url;
}

function parseBytes(raw: string): GoUrlResult {
  const hash = raw.indexOf('#');
  const u = hash >= 0 ? raw.slice(0, hash) : raw;
  const frag = hash >= 0 ? raw.slice(hash + 1) : '';
  let url: GoURL;
  try {
    url = parseInner(u);
  } catch (e) {
    if (e instanceof UrlError) {
      return { ok: false, error: 'parse ' + goQuoteByteString(u) + ': ' + e.message };
    }
    throw e;
  }
  if (frag === '') return { ok: true, url };
  try {
    setFragment(url, frag);
  } catch (e) {
    if (e instanceof UrlError) {
      return {
        ok: false,
        error: 'parse ' + goQuoteByteString(raw) + ': ' + e.message,
      };
    }
    throw e;
  }
  return { ok: true, url };
}

/**
 * Go `url.Parse(raw)`. On failure `error` is Go's full `*url.Error` text:
 * `parse "<raw>": <reason>` (the quoted part excludes the `#fragment` unless
 * the fragment itself was invalid, exactly as Go does).
 */
export function parseGoUrl(raw: GoStringInput): GoUrlResult {
  return parseBytes(inputToByteString(raw));
}

// ---------------------------------------------------------------------------
// serialisation and helpers

function validEncoded(s: string, mode: Enc): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80 && "!$&'()*+,;=:@[]%".includes(s[i])) continue;
    if (shouldEscape(c, mode)) return false;
  }
  return true;
}

function tryUnescape(s: string, mode: Enc): string | null {
  try {
    return unescape(s, mode);
  } catch {
    return null;
  }
}

/** Go (*URL).EscapedPath (byte string). */
export function goEscapedPath(u: GoURL): string {
  if (u.rawPath !== '' && validEncoded(u.rawPath, Enc.Path)) {
    const p = tryUnescape(u.rawPath, Enc.Path);
    if (p !== null && p === u.path) return u.rawPath;
  }
  if (u.path === '*') return '*';
  return escape(u.path, Enc.Path);
}

/** Go (*URL).EscapedFragment (byte string). */
export function goEscapedFragment(u: GoURL): string {
  if (u.rawFragment !== '' && validEncoded(u.rawFragment, Enc.Fragment)) {
    const f = tryUnescape(u.rawFragment, Enc.Fragment);
    if (f !== null && f === u.fragment) return u.rawFragment;
  }
  return escape(u.fragment, Enc.Fragment);
}

/** Go (*Userinfo).String (byte string). */
function userinfoString(ui: GoUserinfo): string {
  let s = escape(ui.username, Enc.UserPassword);
  if (ui.passwordSet) s += ':' + escape(ui.password, Enc.UserPassword);
  return s;
}

/** Go (*URL).String on byte strings. */
function urlStringBytes(u: GoURL): string {
  let buf = '';
  if (u.scheme !== '') buf += u.scheme + ':';
  if (u.opaque !== '') {
    buf += u.opaque;
  } else {
    if (u.scheme !== '' || u.host !== '' || u.user !== null) {
      if (u.omitHost && u.host === '' && u.user === null) {
        // omit empty host
      } else {
        if (u.host !== '' || u.path !== '' || u.user !== null) buf += '//';
        if (u.user !== null) buf += userinfoString(u.user) + '@';
        if (u.host !== '') buf += escape(u.host, Enc.Host);
      }
    }
    const path = goEscapedPath(u);
    if (path !== '' && path[0] !== '/' && u.host !== '') buf += '/';
    if (buf.length === 0) {
      const slash = path.indexOf('/');
      const segment = slash >= 0 ? path.slice(0, slash) : path;
      if (segment.includes(':')) buf += './';
    }
    buf += path;
  }
  if (u.forceQuery || u.rawQuery !== '') buf += '?' + u.rawQuery;
  if (u.fragment !== '') buf += '#' + goEscapedFragment(u);
  return buf;
}

/** Go `(*URL).String()` as a JS string. */
export function goUrlString(u: GoURL): string {
  return fromByteString(urlStringBytes(u));
}

/** Go `(*URL).String()` as a byte string (exact bytes). */
export function goUrlStringBytes(u: GoURL): string {
  return urlStringBytes(u);
}

/** Go resolvePath (RFC 3986 dot-segment removal). */
function resolvePath(base: string, ref: string): string {
  let full: string;
  if (ref === '') full = base;
  else if (ref[0] !== '/') {
    const i = base.lastIndexOf('/');
    full = base.slice(0, i + 1) + ref;
  } else full = ref;
  if (full === '') return '';
  let dst = '/';
  let elem = '';
  let remaining = full;
  let found = true;
  let first = true;
  while (found) {
    const idx = remaining.indexOf('/');
    if (idx >= 0) {
      elem = remaining.slice(0, idx);
      remaining = remaining.slice(idx + 1);
      found = true;
    } else {
      elem = remaining;
      remaining = '';
      found = false;
    }
    if (elem === '.') {
      first = false;
      continue;
    } else if (elem === '..') {
      const i = dst.slice(1).lastIndexOf('/');
      if (i >= 0) dst = dst.slice(0, i + 1);
      else dst = dst.slice(0, 1);
      first = dst.length === 1;
    } else {
      if (!first) dst += '/';
      dst += elem;
      first = false;
    }
  }
  if (elem === '.' || elem === '..') dst += '/';
  if (dst.length > 1 && dst[1] === '/') return dst.slice(1);
  return dst;
}

function copyUrl(u: GoURL): GoURL {
  return { ...u, user: u.user ? { ...u.user } : null };
}

/** Go `(*URL).ResolveReference(ref)`. */
export function goResolveReference(u: GoURL, ref: GoURL): GoURL {
  const url = copyUrl(ref);
  if (ref.scheme === '') url.scheme = u.scheme;
  if (ref.scheme !== '' || ref.host !== '' || ref.user !== null) {
    setPath(url, resolvePath(goEscapedPath(ref), ''));
    return url;
  }
  if (ref.opaque !== '') {
    url.user = null;
    url.host = '';
    url.path = '';
    return url;
  }
  if (ref.path === '' && !ref.forceQuery && ref.rawQuery === '') {
    url.rawQuery = u.rawQuery;
    if (ref.fragment === '') {
      url.fragment = u.fragment;
      url.rawFragment = u.rawFragment;
    }
  }
  if (ref.path === '' && u.opaque !== '') {
    url.opaque = u.opaque;
    url.user = null;
    url.host = '';
    url.path = '';
    return url;
  }
  url.host = u.host;
  url.user = u.user ? { ...u.user } : null;
  setPath(url, resolvePath(goEscapedPath(u), goEscapedPath(ref)));
  return url;
}

/** Go `(*URL).Parse(ref)`. */
export function goUrlParseRef(u: GoURL, ref: GoStringInput): GoUrlResult {
  const r = parseGoUrl(ref);
  if (!r.ok) return r;
  return { ok: true, url: goResolveReference(u, r.url) };
}

/**
 * `u.Parse("/")` followed by `String()`: scheme, userinfo, host and port
 * exactly as given, path `/`, no query or fragment. A scheme-less,
 * host-less URL such as `mydeployment` gives `/`.
 */
export function resolveRoot(u: GoURL): string {
  const r = goUrlParseRef(u, '/');
  if (!r.ok) throw new Error('unreachable: "/" always parses');
  return goUrlString(r.url);
}

function splitHostPort(hostPort: string): [string, string] {
  let host = hostPort;
  let port = '';
  const colon = host.lastIndexOf(':');
  if (colon !== -1 && validOptionalPort(host.slice(colon))) {
    port = host.slice(colon + 1);
    host = host.slice(0, colon);
  }
  if (host.startsWith('[') && host.endsWith(']')) host = host.slice(1, -1);
  return [host, port];
}

/** Go `(*URL).Port()`: digits after the last ':' of the host (IPv6 brackets respected), '' if none. */
export function goUrlPort(u: GoURL): string {
  return fromByteString(splitHostPort(u.host)[1]);
}

/** Go `(*URL).Hostname()`. */
export function goUrlHostname(u: GoURL): string {
  return fromByteString(splitHostPort(u.host)[0]);
}

/** Go `(*URL).IsAbs()`. */
export function goUrlIsAbs(u: GoURL): boolean {
  return u.scheme !== '';
}

/** Go `(*URL).Hostname()` as a byte string (exact bytes). */
export function goUrlHostnameBytes(u: GoURL): string {
  return splitHostPort(u.host)[0];
}
