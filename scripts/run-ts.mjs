#!/usr/bin/env node
// Runs a TypeScript script of this repo (bundled on the fly with esbuild) with its arguments.
// Used for scripts that share code with the test harness, e.g. `npm run demo`.
import { build } from 'esbuild';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { spawnSync } from 'node:child_process';

const [entry, ...args] = process.argv.slice(2);
if (!entry) {
  process.stderr.write('usage: run-ts.mjs <script.ts> [args...]\n');
  process.exit(2);
}
const dir = mkdtempSync(join(tmpdir(), 'tpc-run-'));
const out = join(dir, 'script.cjs');
try {
  await build({ entryPoints: [resolve(entry)], bundle: true, platform: 'node', target: 'node20', format: 'cjs', outfile: out, logLevel: 'error', external: ['esbuild'] });
  const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
  const r = spawnSync(process.execPath, [out, ...args], { stdio: 'inherit', env: { ...process.env, TPC_REPO_ROOT: repoRoot } });
  process.exitCode = r.status ?? 1;
} finally {
  rmSync(dir, { recursive: true, force: true });
}
