/**
 * Go `regexp.Compile` (RE2 syntax, Perl flags) + unanchored `MatchString`,
 * for `coder_parameter.validation.regex`, implemented on the `re2js` package
 * (a JavaScript port of RE2/J, which follows Go's regexp/syntax).
 *
 * Compile errors use Go's format: error parsing regexp: <code>: `<expr>`.
 * Known differences of re2js that are corrected here (found with the Go
 * oracle, test/unit/go/fixtures/regexp_oracle.go):
 *  - Go always appends ": `<expr>`" (empty for a trailing backslash; the
 *    whole pattern for "expression too large" / "expression nests too deeply");
 *  - `(?<` at the very end is "invalid or unsupported Perl syntax" in Go;
 *  - Go accepts duplicate capture-group names; re2js rejects them, so such
 *    patterns are recompiled with the duplicates renamed to unused names of
 *    the same length (names do not affect matching).
 * Unicode tables of re2js may differ from Go 1.26's (Unicode 15.0) for
 * recently assigned characters in `\p{...}` classes and case folding.
 */
import { RE2JS } from 're2js';

export type GoRegexp = { ok: true; test(s: string): boolean } | { ok: false; error: string };

const DUPLICATE_NAME = 'duplicate capture group name';

interface SyntaxErrorLike {
  error?: string;
  input?: string | null;
  message?: string;
}

function goErrorText(pattern: string, e: SyntaxErrorLike): string {
  let code = e.error;
  let expr = e.input ?? null;
  if (code === undefined) {
    // not a syntax exception (e.g. a compile-size exception): keep its message
    const msg = e.message ?? String(e);
    if (/expression too large/.test(msg)) return 'error parsing regexp: expression too large: `' + pattern + '`';
    return msg;
  }
  if (code === 'invalid named capture' && expr === '(?<') code = 'invalid or unsupported Perl syntax';
  if (code === 'invalid named capture' && expr === '(?P<') {
    code = 'invalid or unsupported Perl syntax';
    expr = '(?P';
  }
  if (expr === null || expr === '') {
    expr = code === 'expression nests too deeply' || code === 'expression too large' ? pattern : '';
  }
  return 'error parsing regexp: ' + code + ': `' + expr + '`';
}

const NAME_ALPHABET = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_';

/**
 * Visit the named groups `(?P<name>` / `(?<name>` of a pattern, skipping
 * escapes, `\Q...\E` and character classes. `f` returns the replacement
 * name for each occurrence.
 */
function mapGroupNames(p: string, f: (name: string) => string): string {
  let out = '';
  let i = 0;
  while (i < p.length) {
    const c = p[i];
    if (c === '\\') {
      if (p[i + 1] === 'Q') {
        const end = p.indexOf('\\E', i + 2);
        const stop = end < 0 ? p.length : end + 2;
        out += p.slice(i, stop);
        i = stop;
        continue;
      }
      out += p.slice(i, i + 2);
      i += 2;
      continue;
    }
    if (c === '[') {
      let j = i + 1;
      if (p[j] === '^') j++;
      if (p[j] === ']') j++;
      while (j < p.length && p[j] !== ']') {
        if (p[j] === '\\') j += 2;
        else if (p[j] === '[' && p[j + 1] === ':') {
          const end = p.indexOf(':]', j + 2);
          j = end < 0 ? j + 1 : end + 2;
        } else j++;
      }
      out += p.slice(i, j + 1);
      i = j + 1;
      continue;
    }
    if (c === '(' && p[i + 1] === '?') {
      let nameStart = -1;
      if (p[i + 2] === 'P' && p[i + 3] === '<') nameStart = i + 4;
      else if (p[i + 2] === '<' && p[i + 3] !== '=' && p[i + 3] !== '!') nameStart = i + 3;
      if (nameStart >= 0) {
        const end = p.indexOf('>', nameStart);
        if (end >= 0) {
          out += p.slice(i, nameStart) + f(p.slice(nameStart, end)) + '>';
          i = end + 1;
          continue;
        }
      }
    }
    out += c;
    i++;
  }
  return out;
}

/** Rename duplicate capture-group names to unused names of the same length (keeps error positions stable). */
function renameDuplicateGroups(p: string): string {
  const all = new Set<string>();
  mapGroupNames(p, (n) => {
    all.add(n);
    return n;
  });
  const seen = new Set<string>();
  return mapGroupNames(p, (n) => {
    if (!seen.has(n)) {
      seen.add(n);
      return n;
    }
    const len = [...n].length;
    const idx = new Array<number>(Math.max(len, 1)).fill(0);
    for (;;) {
      const cand = idx.map((k) => NAME_ALPHABET[k]).join('');
      if (!all.has(cand)) {
        all.add(cand);
        seen.add(cand);
        return cand;
      }
      let k = idx.length - 1;
      while (k >= 0 && idx[k] === NAME_ALPHABET.length - 1) idx[k--] = 0;
      if (k < 0) return n; // exhausted (absurd number of groups): leave as is
      idx[k]++;
    }
  });
}

function compileRaw(src: string): RE2JS {
  return RE2JS.compile(src);
}

/** Go regexp.Compile(src); `test` is regexp.MatchString (unanchored search). */
export function compileGoRegexp(src: string): GoRegexp {
  let re: RE2JS;
  try {
    re = compileRaw(src);
  } catch (e) {
    const se = e as SyntaxErrorLike;
    if (se.error === DUPLICATE_NAME) {
      const renamed = renameDuplicateGroups(src);
      try {
        re = compileRaw(renamed);
      } catch (e2) {
        const se2 = e2 as SyntaxErrorLike;
        if (se2.input === renamed) se2.input = src;
        return { ok: false, error: goErrorText(src, se2) };
      }
    } else {
      return { ok: false, error: goErrorText(src, se) };
    }
  }
  return { ok: true, test: (s: string) => re.test(s) };
}
