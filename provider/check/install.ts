/**
 * Making this very executable the `coder/coder` provider tofu uses, without touching the user's
 * setup:
 *
 *  - a private filesystem mirror holds a tiny launcher, `terraform-provider-coder_v<version>`,
 *    that execs the running program (node + this bundle, or the single executable) - or the file
 *    given with `--provider`. It is laid out for both registry hosts, because tofu resolves
 *    `coder/coder` to registry.opentofu.org and terraform to registry.terraform.io;
 *  - the version it is presented as satisfies the template's own version constraints on
 *    coder/coder (2.17.0 when it can), so `init` succeeds whatever the template pins;
 *  - a temporary CLI config (TF_CLI_CONFIG_FILE) is the user's own config (TF_CLI_CONFIG_FILE,
 *    ~/.tofurc, ~/.terraformrc) with that mirror put first for coder/coder and coder/coder excluded
 *    from every other installation method, so every other provider installs exactly as the user's
 *    config says;
 *  - the plugin cache is a private directory for this run (a shared cache would otherwise keep our
 *    launcher as "coder/coder" for later real builds, or hand us a cached real provider).
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { PROVIDER_VERSION } from '../plugin/constants';
import { literalString, scanHcl } from './hcl-scan';
import type { Locator } from './locator';

export const CODER_ADDRESSES = ['registry.terraform.io/coder/coder', 'registry.opentofu.org/coder/coder'] as const;

/** GOOS_GOARCH of this machine. */
export function hostPlatform(): string {
  const goos = process.platform === 'win32' ? 'windows' : process.platform;
  const goarch = ({ x64: 'amd64', arm64: 'arm64', ia32: '386', arm: 'arm' } as Record<string, string>)[process.arch] ?? process.arch;
  return `${goos}_${goarch}`;
}

/** How to start the running program again: node + script, or the single executable itself. */
export function selfCommand(): { exec: string; args: string[] } {
  let sea = false;
  try {
    // node:sea exists from Node 20.12; isSea() is true inside a single executable application.
    sea = (require('node:sea') as { isSea?: () => boolean }).isSea?.() === true;
  } catch {
    sea = false;
  }
  if (sea || !process.argv[1]) return { exec: process.execPath, args: [] };
  return { exec: process.execPath, args: [path.resolve(process.argv[1])] };
}

const shQuote = (s: string): string => `'${s.replace(/'/g, `'\\''`)}'`;

export interface Mirror {
  readonly dir: string;
  readonly version: string;
}

/** Writes the launcher into `<dir>/<host>/coder/coder/<version>/<platform>/` for both hosts. */
export function writeMirror(dir: string, version: string, provider: { exec: string; args: string[] }): Mirror {
  const script = `#!/bin/sh\nexec ${[provider.exec, ...provider.args].map(shQuote).join(' ')} "$@"\n`;
  for (const addr of CODER_ADDRESSES) {
    const d = path.join(dir, addr, version, hostPlatform());
    fs.mkdirSync(d, { recursive: true });
    const f = path.join(d, `terraform-provider-coder_v${version}`);
    fs.writeFileSync(f, script, { mode: 0o755 });
  }
  return { dir, version };
}

// ---------------------------------------------------------------------------------------------
// Version constraints

type Version = [number, number, number];

function parseVersion(s: string): { v: Version; parts: number } | undefined {
  const m = /^v?(\d+)(?:\.(\d+))?(?:\.(\d+))?(?:[-+].*)?$/.exec(s.trim());
  if (!m) return undefined;
  const parts = m[3] !== undefined ? 3 : m[2] !== undefined ? 2 : 1;
  return { v: [Number(m[1]), Number(m[2] ?? 0), Number(m[3] ?? 0)], parts };
}

const cmp = (a: Version, b: Version): number => a[0] - b[0] || a[1] - b[1] || a[2] - b[2];

/** Whether `version` satisfies a Terraform version constraint string ("~> 2.0, != 2.1.0"). */
export function satisfies(version: string, constraint: string): boolean {
  const v = parseVersion(version)?.v;
  if (!v) return false;
  for (const raw of constraint.split(',')) {
    const c = raw.trim();
    if (!c) continue;
    const m = /^(=|!=|>=|<=|>|<|~>)?\s*(.+)$/.exec(c);
    if (!m) return false;
    const op = m[1] ?? '=';
    const p = parseVersion(m[2]!);
    if (!p) return false;
    const d = cmp(v, p.v);
    const ok =
      op === '=' ? d === 0 : op === '!=' ? d !== 0 : op === '>' ? d > 0 : op === '>=' ? d >= 0 : op === '<' ? d < 0 : op === '<=' ? d <= 0 : pessimistic(v, p);
    if (!ok) return false;
  }
  return true;
}

/** `~> 1.2.3` allows >= 1.2.3, < 1.3.0; `~> 1.2` allows >= 1.2, < 2.0; `~> 1` allows >= 1, < 2. */
function pessimistic(v: Version, p: { v: Version; parts: number }): boolean {
  if (cmp(v, p.v) < 0) return false;
  if (p.parts >= 3) return v[0] === p.v[0] && v[1] === p.v[1];
  return v[0] === p.v[0];
}

/** Version constraints the template (root and local modules) puts on coder/coder. */
export function coderConstraints(locator: Pick<Locator, 'sourceFiles'>): string[] {
  const out: string[] = [];
  for (const f of locator.sourceFiles) {
    if (!f.rel.endsWith('.tf')) continue;
    const hcl = scanHcl(f.text);
    for (const tf of hcl.blocks.filter((b) => b.type === 'terraform')) {
      for (const rp of tf.blocks.filter((b) => b.type === 'required_providers')) {
        for (const a of rp.attributes) {
          const expr = hcl.exprText(a);
          const src = /source\s*=\s*("(?:[^"\\]|\\.)*")/.exec(expr);
          const source = src ? literalString(src[1]!) : undefined;
          const isCoder = source ? /(^|\/)coder\/coder$/.test(source) : a.name === 'coder';
          if (!isCoder) continue;
          const ver = /version\s*=\s*("(?:[^"\\]|\\.)*")/.exec(expr);
          const c = ver ? literalString(ver[1]!) : undefined;
          if (c) out.push(c);
        }
      }
    }
  }
  return out;
}

/** The version to present the provider as: ours if allowed, else the lowest mentioned version that is. */
export function chooseVersion(constraints: readonly string[]): string {
  const ok = (v: string): boolean => constraints.every((c) => satisfies(v, c));
  if (ok(PROVIDER_VERSION)) return PROVIDER_VERSION;
  const candidates: Version[] = [];
  for (const c of constraints) {
    for (const part of c.split(',')) {
      const m = /^\s*(?:=|!=|>=|<=|>|<|~>)?\s*(.+)$/.exec(part);
      const p = m ? parseVersion(m[1]!) : undefined;
      if (!p) continue;
      const [a, b, d] = p.v;
      candidates.push([a, b, d], [a, b, d + 1], [a, b + 1, 0], [a + 1, 0, 0]);
    }
  }
  candidates.sort(cmp);
  const hit = candidates.map((v) => v.join('.')).find(ok);
  return hit ?? PROVIDER_VERSION;
}

// ---------------------------------------------------------------------------------------------
// CLI configuration

/** The user's own CLI config file, as tofu/terraform would find it. */
export function userCliConfig(env: NodeJS.ProcessEnv, kind: 'tofu' | 'terraform'): { file: string; text: string } | undefined {
  const home = env['HOME'] ?? os.homedir();
  const candidates: string[] = [];
  if (env['TF_CLI_CONFIG_FILE']) candidates.push(env['TF_CLI_CONFIG_FILE']);
  else if (kind === 'tofu') {
    candidates.push(path.join(home, '.tofurc'));
    candidates.push(path.join(env['XDG_CONFIG_HOME'] ?? path.join(home, '.config'), 'opentofu', 'tofurc'));
    candidates.push(path.join(home, '.terraformrc'));
  } else candidates.push(path.join(home, '.terraformrc'));
  for (const file of candidates) {
    try {
      if (fs.statSync(file).isFile()) return { file, text: fs.readFileSync(file, 'utf8') };
    } catch {
      /* not there */
    }
  }
  return undefined;
}

/** Implied local mirror directories (used only when the user's config has no provider_installation). */
export function impliedMirrorDirs(env: NodeJS.ProcessEnv, kind: 'tofu' | 'terraform', workDir: string): string[] {
  const home = env['HOME'] ?? os.homedir();
  const dataHome = env['XDG_DATA_HOME'] ?? path.join(home, '.local', 'share');
  const app = kind === 'tofu' ? 'opentofu' : 'terraform';
  const dirs = [
    path.join(workDir, 'terraform.d', 'plugins'),
    path.join(home, '.terraform.d', 'plugins'),
    path.join(dataHome, app, 'plugins'),
    `/usr/local/share/${app}/plugins`,
    `/usr/share/${app}/plugins`,
  ];
  return dirs.filter((d) => {
    try {
      return fs.statSync(d).isDirectory();
    } catch {
      return false;
    }
  });
}

const hclStr = (s: string): string => JSON.stringify(s);
const ADDR_LIST = `[${CODER_ADDRESSES.map(hclStr).join(', ')}]`;

/**
 * The CLI config the check runs tofu with. `userText` is the user's config (HCL), kept as written
 * except: its provider_installation gets our mirror first and coder/coder excluded from its other
 * methods (dev_overrides for coder/coder are dropped); plugin_cache_dir is replaced by ours.
 */
export function buildCliConfig(opts: { userText?: string; mirrorDir: string; pluginCacheDir: string; impliedMirrors: readonly string[] }): { text: string; notes: string[] } {
  const notes: string[] = [];
  let text = opts.userText ?? '';
  if (text.trim().startsWith('{')) {
    notes.push('the CLI config file is JSON; it was not merged (other providers install from their registries)');
    text = '';
  }
  const hcl = scanHcl(text);
  // Drop top-level plugin cache settings: the run uses its own cache.
  const drop = hcl.attributes.filter((a) => a.name === 'plugin_cache_dir' || a.name === 'plugin_cache_may_break_dependency_lock_file');
  const edits: Array<{ start: number; end: number; text: string }> = drop.map((a) => ({ start: a.pos.offset, end: a.exprEnd, text: '' }));
  const ours = [
    '  filesystem_mirror {',
    `    path    = ${hclStr(opts.mirrorDir)}`,
    `    include = ${ADDR_LIST}`,
    '  }',
  ].join('\n');
  const pi = hcl.blocks.find((b) => b.type === 'provider_installation');
  if (pi) {
    const methods: string[] = [];
    for (const m of pi.blocks) {
      const src = text.slice(m.pos.offset, m.bodyEnd + 1);
      if (m.type === 'dev_overrides') {
        methods.push(
          src
            .split('\n')
            .filter((l) => !/coder\/coder"?\s*=/.test(l))
            .join('\n'),
        );
        continue;
      }
      const ex = m.attributes.find((a) => a.name === 'exclude');
      if (ex) {
        const exText = text.slice(ex.exprStart, ex.exprEnd);
        const open = exText.indexOf('[');
        if (open >= 0) {
          const rel = ex.exprStart - m.pos.offset + open + 1;
          methods.push(src.slice(0, rel) + CODER_ADDRESSES.map(hclStr).join(', ') + ', ' + src.slice(rel));
          continue;
        }
      }
      const brace = src.indexOf('{');
      methods.push(`${src.slice(0, brace + 1)}\n    exclude = ${ADDR_LIST}\n${src.slice(brace + 1)}`);
    }
    const block = `provider_installation {\n${ours}\n  ${methods.join('\n  ')}\n}`;
    edits.push({ start: pi.pos.offset, end: pi.bodyEnd + 1, text: block });
  } else {
    const mirrors = opts.impliedMirrors.map((d) => `  filesystem_mirror {\n    path    = ${hclStr(d)}\n    exclude = ${ADDR_LIST}\n  }`);
    text += `\n\nprovider_installation {\n${ours}\n${mirrors.join('\n')}${mirrors.length ? '\n' : ''}  direct {\n    exclude = ${ADDR_LIST}\n  }\n}\n`;
  }
  edits.sort((a, b) => b.start - a.start);
  for (const e of edits) text = text.slice(0, e.start) + e.text + text.slice(e.end);
  text += `\nplugin_cache_dir = ${hclStr(opts.pluginCacheDir)}\nplugin_cache_may_break_dependency_lock_file = true\n`;
  return { text, notes };
}

/**
 * Removes coder/coder entries from a dependency lock file: the launcher's checksum differs from
 * the real provider's, and the pinned version may not be the one the mirror presents.
 */
export function stripCoderFromLockFile(text: string): string {
  const hcl = scanHcl(text);
  const blocks = hcl.blocks.filter((b) => b.type === 'provider' && /(^|\/)coder\/coder$/.test(b.labels[0] ?? '')).sort((a, b) => b.pos.offset - a.pos.offset);
  let out = text;
  for (const b of blocks) out = out.slice(0, b.pos.offset) + out.slice(b.bodyEnd + 1);
  return out;
}

/** The .tf files of the modules `tofu init` downloaded into `<workDir>/.terraform/modules`. */
export function downloadedModuleFiles(workDir: string): Array<{ rel: string; text: string }> {
  const out: Array<{ rel: string; text: string }> = [];
  const walk = (dir: string, depth: number): void => {
    if (depth > 10) return;
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      const p = path.join(dir, e.name);
      if (e.isDirectory() && e.name !== '.git') walk(p, depth + 1);
      else if (e.isFile() && e.name.endsWith('.tf')) {
        try {
          out.push({ rel: path.relative(workDir, p), text: fs.readFileSync(p, 'utf8') });
        } catch {
          /* unreadable */
        }
      }
    }
  };
  walk(path.join(workDir, '.terraform', 'modules'), 0);
  return out;
}
