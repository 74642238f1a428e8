/**
 * A small HCL (native syntax) structure scanner: blocks, their labels and attributes, with byte
 * offsets and 1-based line/column positions. It does not evaluate or even parse expressions; it only
 * skips them correctly (quoted templates with `${...}`/`%{...}`, heredocs, comments, nested brackets)
 * so that positions of everything around them are right. That is all the check needs to point a
 * finding at `file:line`; the meaning of the configuration comes from tofu itself.
 *
 * Malformed input never throws: the scanner stops at the first thing it cannot follow and returns
 * what it has (tofu reports the syntax error with its own position anyway).
 */

export interface HclPos {
  /** 1-based line. */
  readonly line: number;
  /** 1-based column (in UTF-16 code units of the line). */
  readonly column: number;
  /** 0-based offset in the text. */
  readonly offset: number;
}

export interface HclAttribute {
  readonly name: string;
  /** Position of the attribute name. */
  readonly pos: HclPos;
  /** Offsets of the expression text (after `=`, trimmed of trailing comments and blanks). */
  readonly exprStart: number;
  readonly exprEnd: number;
  /** Line of the expression's last character. */
  readonly endLine: number;
}

export interface HclBlock {
  readonly type: string;
  readonly labels: readonly string[];
  /** Position of the block type keyword. */
  readonly pos: HclPos;
  /** Offsets of the body (between the braces). */
  readonly bodyStart: number;
  readonly bodyEnd: number;
  readonly endLine: number;
  readonly attributes: readonly HclAttribute[];
  readonly blocks: readonly HclBlock[];
}

export interface HclBody {
  readonly attributes: readonly HclAttribute[];
  readonly blocks: readonly HclBlock[];
}

export interface HclFile extends HclBody {
  readonly text: string;
  /** 1-based line of an offset. */
  lineOf(offset: number): number;
  posOf(offset: number): HclPos;
  /** Text of an attribute's expression. */
  exprText(attr: HclAttribute): string;
}

const isIdentStart = (c: string): boolean => /[A-Za-z_]/.test(c);
const isIdentChar = (c: string): boolean => /[A-Za-z0-9_-]/.test(c);

class Scanner {
  pos = 0;
  constructor(readonly text: string) {}

  get eof(): boolean {
    return this.pos >= this.text.length;
  }

  peek(n = 0): string {
    return this.text[this.pos + n] ?? '';
  }

  /** Skips blanks (not newlines) and comments that end before a newline. Returns false at a newline or EOF. */
  skipInlineSpace(): void {
    for (;;) {
      const c = this.peek();
      if (c === ' ' || c === '\t' || c === '\r') this.pos++;
      else if (c === '#' || (c === '/' && this.peek(1) === '/')) this.skipLineComment();
      else if (c === '/' && this.peek(1) === '*') this.skipBlockComment();
      else return;
    }
  }

  /** Skips blanks, newlines and comments. */
  skipSpaceAndNewlines(): void {
    for (;;) {
      this.skipInlineSpace();
      if (this.peek() === '\n') this.pos++;
      else return;
    }
  }

  skipLineComment(): void {
    const nl = this.text.indexOf('\n', this.pos);
    this.pos = nl < 0 ? this.text.length : nl;
  }

  skipBlockComment(): void {
    const end = this.text.indexOf('*/', this.pos + 2);
    this.pos = end < 0 ? this.text.length : end + 2;
  }

  readIdent(): string {
    const start = this.pos;
    if (!isIdentStart(this.peek())) return '';
    while (!this.eof && isIdentChar(this.peek())) this.pos++;
    return this.text.slice(start, this.pos);
  }

  /** Reads a quoted string at `pos` (which is at the opening quote); returns its decoded text (escapes kept simple). */
  readQuoted(): string {
    const start = this.pos;
    this.skipQuotedTemplate();
    const raw = this.text.slice(start + 1, Math.max(start + 1, this.pos - 1));
    return raw.replace(/\\(.)/g, (_m, c: string) => ({ n: '\n', t: '\t', r: '\r' })[c] ?? c);
  }

  /** At an opening `"`: skips to after the closing quote, following `${}`/`%{}` sequences. */
  skipQuotedTemplate(): void {
    this.pos++; // opening quote
    while (!this.eof) {
      const c = this.peek();
      if (c === '\\') {
        this.pos += 2;
      } else if (c === '"') {
        this.pos++;
        return;
      } else if (c === '\n') {
        return; // unterminated: let tofu report it
      } else if ((c === '$' || c === '%') && this.peek(1) === c && this.peek(2) === '{') {
        this.pos += 3; // $${ and %%{ are literal
      } else if ((c === '$' || c === '%') && this.peek(1) === '{') {
        this.pos += 2;
        this.skipUntilClose('}');
      } else {
        this.pos++;
      }
    }
  }

  /** Skips an expression region until the matching `close` (consumed), honouring nesting. */
  skipUntilClose(close: string): void {
    while (!this.eof) {
      const c = this.peek();
      if (c === close) {
        this.pos++;
        return;
      }
      if (!this.skipExprAtom()) this.pos++;
    }
  }

  /**
   * If the text at `pos` starts something that must be skipped as a unit (string, heredoc, comment,
   * bracketed group), skips it and returns true.
   */
  skipExprAtom(): boolean {
    const c = this.peek();
    if (c === '"') {
      this.skipQuotedTemplate();
      return true;
    }
    if (c === '#' || (c === '/' && this.peek(1) === '/')) {
      this.skipLineComment();
      return true;
    }
    if (c === '/' && this.peek(1) === '*') {
      this.skipBlockComment();
      return true;
    }
    if (c === '<' && this.peek(1) === '<' && this.skipHeredoc()) return true;
    if (c === '(') {
      this.pos++;
      this.skipUntilClose(')');
      return true;
    }
    if (c === '[') {
      this.pos++;
      this.skipUntilClose(']');
      return true;
    }
    if (c === '{') {
      this.pos++;
      this.skipUntilClose('}');
      return true;
    }
    return false;
  }

  /** At `<<`: skips a heredoc (`<<EOT` or `<<-EOT` to the line holding only the marker). */
  skipHeredoc(): boolean {
    const m = /^<<-?([A-Za-z_][A-Za-z0-9_-]*)[ \t]*\r?\n/.exec(this.text.slice(this.pos, this.pos + 200));
    if (!m) return false;
    const marker = m[1]!;
    let lineStart = this.pos + m[0].length;
    while (lineStart < this.text.length) {
      const nl = this.text.indexOf('\n', lineStart);
      const lineEnd = nl < 0 ? this.text.length : nl;
      if (this.text.slice(lineStart, lineEnd).trim() === marker) {
        this.pos = lineEnd;
        return true;
      }
      lineStart = lineEnd + 1;
    }
    this.pos = this.text.length;
    return true;
  }

  /**
   * Skips an attribute's expression: up to a newline (or a `}` closing the enclosing one-line
   * block) outside any bracket, string or heredoc. Returns the end offset of the expression text.
   */
  skipExpression(): number {
    let lastSignificant = this.pos;
    while (!this.eof) {
      const c = this.peek();
      if (c === '\n' || c === '}') break;
      if (c === '#' || (c === '/' && (this.peek(1) === '/' || this.peek(1) === '*'))) {
        if (c === '/' && this.peek(1) === '*') this.skipBlockComment();
        else this.skipLineComment();
        continue;
      }
      if (c === ' ' || c === '\t' || c === '\r') {
        this.pos++;
        continue;
      }
      if (!this.skipExprAtom()) this.pos++;
      lastSignificant = this.pos;
    }
    return lastSignificant;
  }
}

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) starts.push(i + 1);
  return starts;
}

/** Parses the structure of one HCL file. */
export function scanHcl(text: string): HclFile {
  const starts = lineStarts(text);
  const lineOf = (offset: number): number => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  };
  const posOf = (offset: number): HclPos => {
    const line = lineOf(offset);
    return { line, column: offset - starts[line - 1]! + 1, offset };
  };

  const s = new Scanner(text);

  const parseBody = (closing: boolean): { attributes: HclAttribute[]; blocks: HclBlock[] } => {
    const attributes: HclAttribute[] = [];
    const blocks: HclBlock[] = [];
    for (;;) {
      s.skipSpaceAndNewlines();
      if (s.eof) return { attributes, blocks };
      if (s.peek() === '}') {
        if (closing) return { attributes, blocks };
        s.pos++; // stray brace at top level: skip it
        continue;
      }
      const itemStart = s.pos;
      const name = s.readIdent();
      if (!name) {
        // Not something we understand: skip to the next line and carry on.
        if (!s.skipExprAtom()) s.pos++;
        continue;
      }
      s.skipInlineSpace();
      if (s.peek() === '=' && s.peek(1) !== '=') {
        s.pos++;
        s.skipInlineSpace();
        const exprStart = s.pos;
        const exprEnd = s.skipExpression();
        attributes.push({
          name,
          pos: posOf(itemStart),
          exprStart,
          exprEnd: Math.max(exprStart, exprEnd),
          endLine: lineOf(Math.max(exprStart, exprEnd - 1)),
        });
        continue;
      }
      const labels: string[] = [];
      for (;;) {
        s.skipInlineSpace();
        if (s.peek() === '"') labels.push(s.readQuoted());
        else if (isIdentStart(s.peek())) labels.push(s.readIdent());
        else break;
      }
      if (s.peek() !== '{') {
        // Neither attribute nor block (e.g. a syntax error): resynchronise at the next line.
        s.skipExpression();
        continue;
      }
      s.pos++;
      const bodyStart = s.pos;
      const body = parseBody(true);
      const bodyEnd = s.pos;
      if (s.peek() === '}') s.pos++;
      blocks.push({
        type: name,
        labels,
        pos: posOf(itemStart),
        bodyStart,
        bodyEnd,
        endLine: lineOf(Math.max(itemStart, s.pos - 1)),
        attributes: body.attributes,
        blocks: body.blocks,
      });
    }
  };

  const top = parseBody(false);
  return {
    text,
    attributes: top.attributes,
    blocks: top.blocks,
    lineOf,
    posOf,
    exprText: (a) => text.slice(a.exprStart, a.exprEnd),
  };
}

/** The value of an expression that is a plain quoted string without interpolation, else undefined. */
export function literalString(expr: string): string | undefined {
  const t = expr.trim();
  if (!/^"(?:[^"\\$%]|\\.|\$(?!\{)|%(?!\{))*"$/.test(t)) return undefined;
  return t.slice(1, -1).replace(/\\(u[0-9a-fA-F]{4}|.)/g, (_m, c: string) => {
    if (c.length === 5) return String.fromCharCode(parseInt(c.slice(1), 16));
    return ({ n: '\n', t: '\t', r: '\r' } as Record<string, string>)[c] ?? c;
  });
}

/** A literal number, bool or string as its string form (how Terraform converts it for a string attribute). */
export function literalScalar(expr: string): string | undefined {
  const t = expr.trim();
  if (/^-?\d+(\.\d+)?([eE][+-]?\d+)?$/.test(t) || t === 'true' || t === 'false') return t;
  return literalString(t);
}

/**
 * Entries of a map/object literal `{ KEY = expr, "KEY" = expr }`, one per line or comma, with the
 * offsets of each value. Nested braces are skipped. Keys that are expressions are returned as written.
 */
export function objectEntries(text: string, baseOffset: number): Array<{ key: string; keyOffset: number; valueStart: number; valueEnd: number }> {
  const t = text;
  const out: Array<{ key: string; keyOffset: number; valueStart: number; valueEnd: number }> = [];
  const open = t.indexOf('{');
  if (open < 0 || t.trimStart()[0] !== '{') return out;
  const s = new Scanner(t);
  s.pos = open + 1;
  for (;;) {
    s.skipSpaceAndNewlines();
    while (s.peek() === ',') {
      s.pos++;
      s.skipSpaceAndNewlines();
    }
    if (s.eof || s.peek() === '}') return out;
    const keyOffset = s.pos;
    let key: string;
    if (s.peek() === '"') key = s.readQuoted();
    else if (s.peek() === '(') {
      s.skipExprAtom();
      key = t.slice(keyOffset, s.pos);
    } else {
      key = s.readIdent();
      while (s.peek() === '.') {
        s.pos++;
        key += '.' + s.readIdent();
      }
      if (!key) return out;
    }
    s.skipInlineSpace();
    if (s.peek() !== '=' && s.peek() !== ':') return out;
    s.pos++;
    s.skipInlineSpace();
    const valueStart = s.pos;
    // A value ends at a newline, a comma or the closing brace, outside nesting.
    let end = s.pos;
    while (!s.eof) {
      const c = s.peek();
      if (c === '\n' || c === ',' || c === '}') break;
      if (c === ' ' || c === '\t' || c === '\r') {
        s.pos++;
        continue;
      }
      if (c === '#' || (c === '/' && s.peek(1) === '/')) {
        s.skipLineComment();
        continue;
      }
      if (!s.skipExprAtom()) s.pos++;
      end = s.pos;
    }
    out.push({ key, keyOffset: baseOffset + keyOffset, valueStart: baseOffset + valueStart, valueEnd: baseOffset + end });
  }
}
