/**
 * Maps what tofu talks about (resource addresses, variables, nested blocks, attributes) back to a
 * `file:line` in the template's own .tf files. `tofu show -json` has no positions, so the .tf files
 * of the root module and of its local modules (`source = "./..."`) are scanned with hcl-scan.
 *
 * Paths are relative to the template directory, with `/` separators.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { literalString, scanHcl, type HclAttribute, type HclBlock, type HclFile } from './hcl-scan';

export interface SourceLocation {
  /** Relative to the template directory. */
  readonly file: string;
  /** 1-based; undefined when only the file is known. */
  readonly line?: number;
  readonly column?: number;
}

export interface LocatedBlock {
  readonly file: string;
  readonly hcl: HclFile;
  readonly block: HclBlock;
}

interface ModuleSource {
  /** Relative directory of the module ('' for the root). */
  readonly dir: string;
  readonly files: ReadonlyArray<{ rel: string; hcl: HclFile }>;
}

/** Directories never scanned for configuration. */
const SKIP_DIRS = new Set(['.terraform', '.git', 'node_modules']);

export class Locator {
  private readonly modules = new Map<string, ModuleSource>();
  /** Every text file the check scans for credential literals: .tf, .tf.json, .tfvars. */
  readonly sourceFiles: ReadonlyArray<{ rel: string; text: string }>;

  constructor(readonly rootDir: string) {
    this.sourceFiles = listSourceFiles(rootDir);
    this.loadModule('');
  }

  private loadModule(dir: string): ModuleSource {
    const existing = this.modules.get(dir);
    if (existing) return existing;
    const abs = path.join(this.rootDir, dir);
    const files: Array<{ rel: string; hcl: HclFile }> = [];
    let names: string[] = [];
    try {
      names = fs.readdirSync(abs).filter((n) => n.endsWith('.tf')).sort();
    } catch {
      /* missing module dir: tofu init reports it */
    }
    for (const n of names) {
      const rel = toRel(path.join(dir, n));
      try {
        files.push({ rel, hcl: scanHcl(fs.readFileSync(path.join(abs, n), 'utf8')) });
      } catch {
        /* unreadable file: tofu reports it */
      }
    }
    const mod: ModuleSource = { dir, files };
    this.modules.set(dir, mod);
    return mod;
  }

  /** All scanned .tf files of the root module (and of a module path). */
  files(modulePath: readonly string[] = []): ReadonlyArray<{ rel: string; hcl: HclFile }> {
    const dir = this.moduleDir(modulePath);
    return dir === undefined ? [] : this.loadModule(dir).files;
  }

  /**
   * The directory of a module path (['app', 'db'] for module.app.module.db), when every module
   * call on the way has a local `source`. Undefined for registry or git modules.
   */
  moduleDir(modulePath: readonly string[]): string | undefined {
    let dir = '';
    for (const name of modulePath) {
      const call = this.findTop(dir, 'module', [name]);
      if (!call) return undefined;
      const srcAttr = call.block.attributes.find((a) => a.name === 'source');
      const src = srcAttr ? literalString(call.hcl.exprText(srcAttr)) : undefined;
      if (!src || !(src.startsWith('./') || src.startsWith('../'))) return undefined;
      const next = toRel(path.normalize(path.join(dir, src)));
      if (next.startsWith('..')) return undefined; // outside the template: Coder would not have it either
      dir = next === '.' ? '' : next;
    }
    this.loadModule(dir);
    return dir;
  }

  private findTop(dir: string, type: string, labels: readonly string[]): LocatedBlock | undefined {
    for (const f of this.loadModule(dir).files) {
      for (const b of f.hcl.blocks) {
        if (b.type === type && labels.every((l, i) => b.labels[i] === l)) return { file: f.rel, hcl: f.hcl, block: b };
      }
    }
    return undefined;
  }

  /** The `resource`/`data` block of a config address inside a module path. */
  resource(modulePath: readonly string[], mode: 'managed' | 'data', type: string, name: string): LocatedBlock | undefined {
    const dir = this.moduleDir(modulePath);
    if (dir === undefined) return undefined;
    return this.findTop(dir, mode === 'data' ? 'data' : 'resource', [type, name]);
  }

  variable(modulePath: readonly string[], name: string): LocatedBlock | undefined {
    const dir = this.moduleDir(modulePath);
    return dir === undefined ? undefined : this.findTop(dir, 'variable', [name]);
  }

  /** Where a module call is written (for findings inside modules we cannot open). */
  moduleCall(modulePath: readonly string[]): LocatedBlock | undefined {
    if (modulePath.length === 0) return undefined;
    const parent = this.moduleDir(modulePath.slice(0, -1));
    return parent === undefined ? undefined : this.findTop(parent, 'module', [modulePath[modulePath.length - 1]!]);
  }

  /** Every top-level block of a type in a module (e.g. all `data` blocks). */
  topBlocks(modulePath: readonly string[], type: string): LocatedBlock[] {
    const out: LocatedBlock[] = [];
    for (const f of this.files(modulePath)) {
      for (const b of f.hcl.blocks) if (b.type === type) out.push({ file: f.rel, hcl: f.hcl, block: b });
    }
    return out;
  }

  /** The best position for a module path when nothing more precise is known. */
  fallback(modulePath: readonly string[]): SourceLocation {
    const call = this.moduleCall(modulePath);
    if (call) return at(call);
    const first = this.files([])[0];
    return { file: first?.rel ?? '.' };
  }
}

/** Location of a block (its type keyword). */
export function at(b: LocatedBlock): SourceLocation {
  return { file: b.file, line: b.block.pos.line, column: b.block.pos.column };
}

/** Location of an attribute of a block, or of the block when the attribute is not written. */
export function attrAt(b: LocatedBlock, name: string): SourceLocation {
  const a = b.block.attributes.find((x) => x.name === name);
  return a ? { file: b.file, line: a.pos.line, column: a.pos.column } : at(b);
}

export function findAttr(b: LocatedBlock, name: string): HclAttribute | undefined {
  return b.block.attributes.find((x) => x.name === name);
}

/**
 * The `index`-th nested block of a type, counting written blocks in order. A `dynamic "type"`
 * block stands for every instance it generates: its `content` block is returned for any index at
 * or after its position.
 */
export function nestedBlock(b: LocatedBlock, type: string, index: number): LocatedBlock | undefined {
  let n = 0;
  for (const child of b.block.blocks) {
    if (child.type === type) {
      if (n === index) return { ...b, block: child };
      n++;
    } else if (child.type === 'dynamic' && child.labels[0] === type) {
      const content = child.blocks.find((c) => c.type === 'content');
      return { ...b, block: content ?? child };
    }
  }
  return undefined;
}

/**
 * The line inside an attribute's expression where `needle` first appears (e.g. the heredoc line
 * that interpolates a secret). Falls back to the attribute's own line.
 */
export function lineOfInAttr(b: LocatedBlock, a: HclAttribute, needles: readonly string[]): SourceLocation {
  const text = b.hcl.text.slice(a.exprStart, a.exprEnd);
  let best = -1;
  for (const n of needles) {
    if (!n) continue;
    const i = text.indexOf(n);
    if (i >= 0 && (best < 0 || i < best)) best = i;
  }
  if (best < 0) return { file: b.file, line: a.pos.line, column: a.pos.column };
  const p = b.hcl.posOf(a.exprStart + best);
  return { file: b.file, line: p.line, column: p.column };
}

function toRel(p: string): string {
  return p.split(path.sep).join('/');
}

function listSourceFiles(root: string): Array<{ rel: string; text: string }> {
  const out: Array<{ rel: string; text: string }> = [];
  const walk = (dir: string, depth: number): void => {
    if (depth > 8) return;
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries.sort((a, b) => a.name.localeCompare(b.name))) {
      const abs = path.join(dir, e.name);
      if (e.isDirectory()) {
        if (!SKIP_DIRS.has(e.name)) walk(abs, depth + 1);
      } else if (e.isFile() && /\.(tf|tf\.json|tfvars|tfvars\.json)$/.test(e.name)) {
        try {
          const st = fs.statSync(abs);
          if (st.size <= 4 * 1024 * 1024) out.push({ rel: toRel(path.relative(root, abs)), text: fs.readFileSync(abs, 'utf8') });
        } catch {
          /* unreadable: skip */
        }
      }
    }
  };
  walk(root, 0);
  return out;
}
