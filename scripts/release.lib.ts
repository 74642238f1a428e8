/**
 * A release laid out like a registry provider's, built from this checkout (`npm run release`,
 * scripts/release.ts). Writes into release/ (gitignored), for the host platform only (linux_amd64 here):
 *
 *   terraform-provider-coder_<version>_<os>_<arch>.zip    holds terraform-provider-coder_v<version>
 *   terraform-provider-coder_<version>_manifest.json      = terraform-registry-manifest.json
 *   terraform-provider-coder_<version>_SHA256SUMS         sha256 of the zip(s) and the manifest
 *
 * The executable is a Node.js single executable application (SEA): a bundle of the provider is
 * turned into a SEA blob by `node --experimental-sea-config`, and postject injects the blob into a
 * copy of this machine's `node` binary. It runs where no Node is installed. By default the blob
 * holds a V8 startup snapshot (scripts/snapshot.mjs, provider/plugin/snapshot-main.ts): the
 * process starts from a heap in which the provider is already loaded and its schema encoded.
 *
 * Only the host platform can be built: a SEA is the *target's* node binary plus the blob, and the
 * only node binary available offline is the one running this script. The zip itself is
 * reproducible (fixed timestamp, fixed order, deflate level 9): the same executable always gives
 * the same archive and the same SHA256SUMS line.
 */
import { spawnSync } from 'node:child_process';
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { executableName, hostPlatform, manifestName, releaseZipName, sha256SumsName } from '../provider/install/install';
import { writeZip } from '../provider/install/zip';

// TPC_REPO_ROOT is set by scripts/run-ts.mjs, which runs a bundled copy of this file from a temp dir.
export const REPO_ROOT = process.env.TPC_REPO_ROOT ?? path.resolve(__dirname, '..');
export const RELEASE_DIR = path.join(REPO_ROOT, 'release');
export const REGISTRY_MANIFEST = path.join(REPO_ROOT, 'terraform-registry-manifest.json');

/** The fuse postject flips so node looks for the injected blob (Node's SEA documentation). */
const SEA_FUSE = 'NODE_SEA_FUSE_fce680ab2cc467b6e072b8b5df1996b2';
const SEA_RESOURCE = 'NODE_SEA_BLOB';

export interface ReleaseOptions {
  /** Where the artifacts go; default release/. Existing artifacts of this version are replaced. */
  outDir?: string;
  /**
   * How the executable starts (default 'snapshot', the fastest: scripts/release.bench.ts):
   * - 'snapshot': from a V8 startup snapshot taken after loading the provider;
   * - 'code-cache': runs the esbuild bundle with V8's code cache for it;
   * - 'plain': runs the bundle, compiling it at every start.
   * Snapshots and code caches differ from build to build; only 'plain' gives a byte-for-byte
   * reproducible executable.
   */
  startup?: StartupKind;
  /** Keep the unzipped executable here (benchmarks use it); default: not kept. */
  keepExecutableAt?: string;
  log?: (line: string) => void;
}

export type StartupKind = 'snapshot' | 'code-cache' | 'plain';
export const STARTUP_KINDS: readonly StartupKind[] = ['snapshot', 'code-cache', 'plain'];

export interface ReleaseArtifacts {
  version: string;
  platform: string;
  zip: string;
  manifest: string;
  sums: string;
  executableBytes: number;
  zipBytes: number;
  bundleBytes: number;
  seconds: number;
}

function run(cmd: string, args: string[], opts: { cwd?: string; timeoutMs?: number } = {}): string {
  const r = spawnSync(cmd, args, { cwd: opts.cwd ?? REPO_ROOT, encoding: 'utf8', timeout: opts.timeoutMs ?? 300_000, maxBuffer: 16 * 1024 * 1024 });
  if (r.status !== 0) {
    const why = r.error ? r.error.message : `exit ${r.status ?? r.signal}`;
    throw new Error(`${path.basename(cmd)} ${args.join(' ')} failed (${why}):\n${(r.stderr ?? '').slice(-4000)}`);
  }
  return r.stdout;
}

const sha256 = (b: Buffer): string => crypto.createHash('sha256').update(b).digest('hex');

export function packageVersion(): string {
  return (JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string }).version;
}

/**
 * The SEA blob for `startup` in workDir; returns its main script. The snapshot kind is built by
 * scripts/snapshot.mjs, which owns how a snapshot is made (its bundle, and the clean environment
 * V8 runs it in, so nothing of the builder's ends up in every provider process).
 */
function seaBlob(workDir: string, startup: StartupKind, blob: string): string {
  if (startup === 'snapshot') {
    const dir = path.join(workDir, 'snapshot');
    run(process.execPath, [path.join(REPO_ROOT, 'scripts', 'snapshot.mjs'), '--outdir', dir, '--sea-blob', blob]);
    return path.join(dir, 'snapshot-main.js');
  }
  const bundleDir = path.join(workDir, 'bundle');
  // The SEA needs the plain esbuild bundle. build.mjs can wrap it in a loader that re-reads its own
  // file (__filename) for a V8 code cache; inside a SEA that file is the ~100 MB executable, so
  // the wrapper is turned off here and the SEA carries its own code cache (useCodeCache) instead.
  run(process.execPath, [path.join(REPO_ROOT, 'scripts', 'build.mjs'), '--outdir', bundleDir, '--no-code-cache']);
  const bundle = path.join(bundleDir, 'terraform-provider-coder');
  if (fs.readFileSync(bundle, 'utf8').includes('\n/*@@payload\n')) {
    throw new Error('scripts/build.mjs produced a self-reading loader, not a plain bundle; a SEA cannot use it');
  }
  const config = path.join(workDir, 'sea-config.json');
  fs.writeFileSync(
    config,
    JSON.stringify({ main: bundle, output: blob, disableExperimentalSEAWarning: true, useCodeCache: startup === 'code-cache', useSnapshot: false }),
  );
  run(process.execPath, ['--experimental-sea-config', config], { cwd: workDir });
  return bundle;
}

/** Builds the single executable for this platform into `file`; returns the size of its main script. */
export function buildSingleExecutable(file: string, workDir: string, startup: StartupKind = 'snapshot'): number {
  const blob = path.join(workDir, 'sea.blob');
  const main = seaBlob(workDir, startup, blob);
  fs.copyFileSync(process.execPath, file);
  fs.chmodSync(file, 0o755);
  const postject = path.join(REPO_ROOT, 'node_modules', 'postject', 'dist', 'cli.js');
  run(process.execPath, [postject, file, SEA_RESOURCE, blob, '--sentinel-fuse', SEA_FUSE]);
  return fs.statSync(main).size;
}

/** The whole release; returns what it wrote. */
export function buildRelease(opts: ReleaseOptions = {}): ReleaseArtifacts {
  const started = performance.now();
  const log = opts.log ?? ((l: string) => void process.stderr.write(`${l}\n`));
  const version = packageVersion();
  const platform = hostPlatform();
  const outDir = path.resolve(opts.outDir ?? RELEASE_DIR);
  const manifestText = fs.readFileSync(REGISTRY_MANIFEST, 'utf8');
  const manifest = JSON.parse(manifestText) as { version?: number; metadata?: { protocol_versions?: string[] } };
  if (manifest.version !== 1 || !manifest.metadata?.protocol_versions?.length) {
    throw new Error(`${REGISTRY_MANIFEST} is not a version 1 registry manifest with protocol_versions`);
  }

  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tpc-release-'));
  try {
    const exe = path.join(workDir, executableName(version));
    log(`building the single executable for ${platform} with ${process.execPath} (node ${process.version})`);
    const bundleBytes = buildSingleExecutable(exe, workDir, opts.startup ?? 'snapshot');
    const versionLine = run(exe, ['--version'], { cwd: workDir, timeoutMs: 30_000 }).trim();
    if (versionLine !== `terraform-provider-coder v${version}`) throw new Error(`the built executable printed ${JSON.stringify(versionLine)} for --version`);
    const data = fs.readFileSync(exe);

    fs.mkdirSync(outDir, { recursive: true });
    // Replace this version's artifacts; anything else in the directory is left alone.
    for (const name of fs.readdirSync(outDir)) {
      if (name.startsWith(`terraform-provider-coder_${version}_`)) fs.rmSync(path.join(outDir, name), { force: true });
    }
    const zipName = releaseZipName(version, platform);
    const zip = writeZip([{ name: executableName(version), data, mode: 0o755 }]);
    fs.writeFileSync(path.join(outDir, zipName), zip);
    const manifestFile = manifestName(version);
    fs.writeFileSync(path.join(outDir, manifestFile), manifestText);
    const sums = [
      { name: zipName, sum: sha256(zip) },
      { name: manifestFile, sum: sha256(Buffer.from(manifestText)) },
    ]
      .sort((a, b) => (a.name < b.name ? -1 : 1))
      .map((e) => `${e.sum}  ${e.name}\n`)
      .join('');
    const sumsFile = sha256SumsName(version);
    fs.writeFileSync(path.join(outDir, sumsFile), sums);
    if (opts.keepExecutableAt) {
      fs.copyFileSync(exe, opts.keepExecutableAt);
      fs.chmodSync(opts.keepExecutableAt, 0o755);
    }
    return {
      version,
      platform,
      zip: path.join(outDir, zipName),
      manifest: path.join(outDir, manifestFile),
      sums: path.join(outDir, sumsFile),
      executableBytes: data.length,
      zipBytes: zip.length,
      bundleBytes,
      seconds: (performance.now() - started) / 1000,
    };
  } finally {
    fs.rmSync(workDir, { recursive: true, force: true });
  }
}
