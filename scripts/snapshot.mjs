#!/usr/bin/env node
// The startup-snapshot build of the provider (provider/plugin/snapshot-main.ts), which the
// release's single executable embeds (scripts/release.lib.ts: useSnapshot):
//
//   node scripts/snapshot.mjs [--outdir DIR] [--sea-blob FILE]
//
// writes DIR/snapshot-main.js (the bundle V8 runs once to make the snapshot) and, to try it
// without building a single executable, DIR/snapshot.blob and DIR/terraform-provider-coder, a
// two-line shell script that runs `node --snapshot-blob DIR/snapshot.blob --`. Default DIR:
// dist/snapshot. With --sea-blob it also writes the single-executable blob (useSnapshot) that
// scripts/release.lib.ts injects into a copy of node.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { chmod, mkdir, rm, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { lazyBuiltins } from './lazy-builtins.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** The environment V8 builds the snapshot in: nothing of ours, so nothing of it is baked in. */
export function snapshotBuildEnv() {
  const env = { PATH: process.env.PATH ?? '/usr/bin:/bin', LANG: 'C' };
  if (process.env.HOME) env.HOME = process.env.HOME;
  return env;
}

/** Bundles snapshot-main.ts with every built-in loaded lazily; returns the file. */
export async function buildSnapshotBundle(outdir) {
  const outfile = join(outdir, 'snapshot-main.js');
  await mkdir(outdir, { recursive: true });
  await build({
    absWorkingDir: root,
    entryPoints: [join(root, 'provider/plugin/snapshot-main.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    legalComments: 'none',
    logLevel: 'warning',
    plugins: [lazyBuiltins],
  });
  return outfile;
}

/** Runs `node --build-snapshot`; throws with its stderr when V8 could not save the heap. */
export function buildSnapshotBlob(bundle, blob) {
  const r = spawnSync(process.execPath, ['--snapshot-blob', blob, '--build-snapshot', bundle], { env: snapshotBuildEnv(), encoding: 'utf8' });
  // Node warns about every built-in it has not verified for snapshots; ours are loaded at run time.
  const problems = (r.stderr ?? '').split('\n').filter((l) => l.trim() && !/not yet fully verified|may still work|To request support|--trace-warnings/.test(l));
  if (r.status !== 0) throw new Error(`node --build-snapshot failed (${r.status ?? r.signal}):\n${problems.join('\n')}`);
  return blob;
}

/** The single-executable blob for `bundle`: node runs it once inside V8's snapshot builder. */
export async function buildSeaBlob(bundle, output) {
  const config = join(dirname(output), 'sea-config.json');
  await writeFile(config, JSON.stringify({ main: bundle, output, disableExperimentalSEAWarning: true, useSnapshot: true, useCodeCache: false }));
  const r = spawnSync(process.execPath, ['--experimental-sea-config', config], { cwd: dirname(output), env: snapshotBuildEnv(), encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`node --experimental-sea-config failed (${r.status ?? r.signal}):\n${(r.stderr ?? '').slice(-4000)}`);
  return output;
}

export async function buildSnapshot(outdir = join(root, 'dist', 'snapshot'), seaBlob = undefined) {
  await rm(outdir, { recursive: true, force: true });
  const bundle = await buildSnapshotBundle(outdir);
  // Also a check with plain node: a bundle V8 cannot snapshot fails here with node's own message.
  const blob = buildSnapshotBlob(bundle, join(outdir, 'snapshot.blob'));
  if (seaBlob) await buildSeaBlob(bundle, seaBlob);
  const runner = join(outdir, 'terraform-provider-coder');
  // `--` ends node's options: everything after it reaches the provider's command line.
  await writeFile(runner, `#!/bin/sh\nexec ${JSON.stringify(process.execPath)} --snapshot-blob ${JSON.stringify(blob)} -- "$@"\n`);
  await chmod(runner, 0o755);
  return { bundle, blob, runner };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const option = (name) => {
    const i = args.indexOf(name);
    return i >= 0 && args[i + 1] ? resolve(args[i + 1]) : undefined;
  };
  try {
    const { runner } = await buildSnapshot(option('--outdir'), option('--sea-blob'));
    process.stderr.write(`built ${runner}\n`);
  } catch (err) {
    process.stderr.write(`snapshot build failed: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  }
}
