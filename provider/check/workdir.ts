/**
 * The private copy of a template tofu runs in, so the user's directory is never written to (no
 * .terraform/, no lock file changes, no plan files). Plan files hold secret values in clear text:
 * the run directory is 0700 and removed at the end.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { stripCoderFromLockFile } from './install';

/** Not copied: tofu's own state and caches, VCS data, local state files. */
const SKIP = new Set(['.terraform', '.git', 'node_modules', '.terraform.tfstate.lock.info']);
const SKIP_FILE = /\.tfstate(\.backup)?$|\.tfplan$/;

const liveDirs = new Set<string>();

export function makeRunDir(): string {
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'tpc-check-')));
  fs.chmodSync(dir, 0o700);
  liveDirs.add(dir);
  return dir;
}

/** Removes every run directory still present (on interrupt). */
export function removeLiveDirs(): void {
  for (const d of liveDirs) removeDir(d);
}

/** Copies `src` to `dest` (created) and drops coder/coder from the lock file. */
export function copyTemplate(src: string, dest: string): void {
  const copy = (from: string, to: string, depth: number): void => {
    fs.mkdirSync(to, { recursive: true });
    for (const e of fs.readdirSync(from, { withFileTypes: true })) {
      if (SKIP.has(e.name)) continue;
      const a = path.join(from, e.name);
      const b = path.join(to, e.name);
      if (e.isDirectory()) {
        if (depth < 16) copy(a, b, depth + 1);
      } else if (e.isFile() && !SKIP_FILE.test(e.name)) {
        fs.copyFileSync(a, b);
      } else if (e.isSymbolicLink()) {
        try {
          const st = fs.statSync(a);
          if (st.isFile() && !SKIP_FILE.test(e.name)) fs.copyFileSync(a, b);
          else if (st.isDirectory() && depth < 16) copy(a, b, depth + 1);
        } catch {
          /* dangling link */
        }
      }
    }
  };
  copy(src, dest, 0);
  const lock = path.join(dest, '.terraform.lock.hcl');
  if (fs.existsSync(lock)) fs.writeFileSync(lock, stripCoderFromLockFile(fs.readFileSync(lock, 'utf8')));
}

export function removeDir(dir: string): void {
  liveDirs.delete(dir);
  try {
    fs.rmSync(dir, { recursive: true, force: true });
  } catch {
    /* best effort */
  }
}
