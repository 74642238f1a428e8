/**
 * Generating, building and installing the CDK Terrain (cdktn) bindings (bindings/cdktf) and the
 * example that uses them (examples/cdktf); `npm run bindings` (scripts/bindings.ts) drives it.
 *
 * The schema is schemas/coder.schema.json when that file exists (`npm run schema` writes it),
 * otherwise the same document computed here: providersSchemaJson over
 * createCoderProvider().getProviderSchema(). Generation runs inside bindings/cdktf (its own
 * node_modules hold @cdktn/provider-generator) with no Terraform involved.
 *
 * bindings/cdktf and examples/cdktf are separate npm packages with their own lockfiles. The
 * example depends on the bindings through `file:../../bindings/cdktf` with install-links=true
 * (examples/cdktf/.npmrc), so npm copies the package as it would install a published one and
 * cdktn/constructs resolve to the example's single copy.
 */
import { spawnSync } from 'node:child_process';
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createCoderProvider } from '../provider/coder/provider';
import { providersSchemaJson } from '../provider/framework/schema_json';
import { PROVIDER_ADDRESS, PROVIDER_VERSION } from '../provider/plugin/constants';

// TPC_REPO_ROOT is set by scripts/run-ts.mjs, which runs a bundled copy of this file from a temp dir.
export const REPO_ROOT = process.env.TPC_REPO_ROOT ?? path.resolve(__dirname, '..');
export const BINDINGS_DIR = path.join(REPO_ROOT, 'bindings', 'cdktf');
export const BINDINGS_SRC = path.join(BINDINGS_DIR, 'src');
export const EXAMPLE_DIR = path.join(REPO_ROOT, 'examples', 'cdktf');
export const SCHEMA_FILE = path.join(REPO_ROOT, 'schemas', 'coder.schema.json');
/** Written into lib/ after a build: the digest of the src/ tree it was compiled from. */
const LIB_STAMP = '.src-digest';
const BINDINGS_PACKAGE = 'cdktn-provider-coder';

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

/** The schema document the running provider serves (what `tofu providers schema -json` prints). */
export async function liveSchemaDocument(): Promise<Json> {
  const resp = await createCoderProvider().getProviderSchema({ signal: new AbortController().signal });
  return providersSchemaJson(PROVIDER_ADDRESS, resp);
}

/** schemas/coder.schema.json if present, else the live document. */
export async function schemaForBindings(): Promise<{ doc: Json; source: string }> {
  if (fs.existsSync(SCHEMA_FILE)) {
    return { doc: JSON.parse(fs.readFileSync(SCHEMA_FILE, 'utf8')) as Json, source: path.relative(REPO_ROOT, SCHEMA_FILE) };
  }
  return { doc: await liveSchemaDocument(), source: 'createCoderProvider().getProviderSchema()' };
}

/**
 * Runs the generator on `doc` and leaves the bindings tree (index.ts, agent/, ...) in `outDir`.
 * The provider version goes in as `provider_versions`, which the generator turns into the
 * `required_providers` version and the registry links in the doc comments.
 */
export function generateBindings(doc: Json, outDir: string): void {
  if (!fs.existsSync(path.join(BINDINGS_DIR, 'node_modules', '@cdktn', 'provider-generator'))) {
    throw new Error(`${BINDINGS_DIR}/node_modules is not installed: run \`npm ci\` there (or \`npm run bindings -- --install\`)`);
  }
  const withVersion = { ...(doc as Record<string, Json>), provider_versions: { [PROVIDER_ADDRESS]: PROVIDER_VERSION } };
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'tpc-bindings-'));
  try {
    const schemaFile = path.join(tmp, 'schema.json');
    fs.writeFileSync(schemaFile, JSON.stringify(withVersion));
    const r = spawnSync(process.execPath, ['scripts/generate.js', '--schema', schemaFile, '--out', outDir], {
      cwd: BINDINGS_DIR,
      encoding: 'utf8',
      timeout: 120_000,
      // @cdktn/commons asks a `terraform` on PATH for its version while loading, and phones home
      // unless told not to; neither affects the output.
      env: { ...process.env, CHECKPOINT_DISABLE: '1', TF_CLI_CONFIG_FILE: '/dev/null' },
    });
    if (r.status !== 0) throw new Error(`bindings generator failed (${r.status ?? r.signal}): ${r.stderr}`);
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

/** Relative paths (forward slashes) of every file under `dir`, sorted. */
export function listFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (rel: string): void => {
    for (const e of fs.readdirSync(path.join(dir, rel), { withFileTypes: true })) {
      const r = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) walk(r);
      else out.push(r);
    }
  };
  if (fs.existsSync(dir)) walk('');
  return out.sort();
}

/** Files that differ between two trees: missing on either side or with other content. */
export function diffTrees(expected: string, actual: string): string[] {
  const a = new Set(listFiles(expected));
  const b = new Set(listFiles(actual));
  const out: string[] = [];
  for (const f of [...new Set([...a, ...b])].sort()) {
    if (!a.has(f)) out.push(`+ ${f} (not generated any more)`);
    else if (!b.has(f)) out.push(`- ${f} (missing)`);
    else if (!fs.readFileSync(path.join(expected, f)).equals(fs.readFileSync(path.join(actual, f)))) out.push(`~ ${f}`);
  }
  return out;
}

/** sha256 over the sorted names and contents of a tree. */
export function treeDigest(dir: string): string {
  const h = crypto.createHash('sha256');
  for (const f of listFiles(dir)) h.update(`${f}\0`).update(fs.readFileSync(path.join(dir, f))).update('\0');
  return h.digest('hex');
}

function run(cmd: string, args: string[], cwd: string, timeoutMs = 300_000): void {
  const r = spawnSync(cmd, args, { cwd, encoding: 'utf8', timeout: timeoutMs, env: process.env });
  if (r.status !== 0) {
    const why = r.error ? r.error.message : `exit ${r.status ?? r.signal}`;
    throw new Error(`${cmd} ${args.join(' ')} in ${path.relative(REPO_ROOT, cwd) || '.'} failed (${why}):\n${(r.stderr ?? '').slice(-4000)}`);
  }
}

/** npm (next to this node when present, so a PATH without it still works). */
function npmBin(): string {
  const beside = path.join(path.dirname(process.execPath), 'npm');
  return fs.existsSync(beside) ? beside : 'npm';
}

/** `npm ci` in `dir` unless its node_modules already matches its lockfile. Registry only. */
export function ensureInstalled(dir: string, force = false): boolean {
  const hidden = path.join(dir, 'node_modules', '.package-lock.json');
  const lock = path.join(dir, 'package-lock.json');
  if (!force && fs.existsSync(hidden) && fs.statSync(hidden).mtimeMs >= fs.statSync(lock).mtimeMs) return false;
  run(npmBin(), ['ci', '--no-audit', '--no-fund', '--prefer-offline'], dir);
  return true;
}

/** Compiles bindings/cdktf/src to lib/ unless lib/ was built from the current src/. */
export function buildBindings(): boolean {
  const digest = treeDigest(BINDINGS_SRC);
  const stamp = path.join(BINDINGS_DIR, 'lib', LIB_STAMP);
  if (fs.existsSync(stamp) && fs.readFileSync(stamp, 'utf8') === digest) return false;
  fs.rmSync(path.join(BINDINGS_DIR, 'lib'), { recursive: true, force: true });
  run(process.execPath, [path.join(BINDINGS_DIR, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.json'], BINDINGS_DIR);
  fs.writeFileSync(stamp, digest);
  return true;
}

/**
 * Makes examples/cdktf runnable: both packages installed, bindings compiled, and the example's
 * copy of the bindings built from the current src/ (reinstalled when it is not).
 */
export function prepareCdktfExample(): void {
  ensureInstalled(BINDINGS_DIR);
  buildBindings();
  const copyStamp = path.join(EXAMPLE_DIR, 'node_modules', BINDINGS_PACKAGE, 'lib', LIB_STAMP);
  const fresh = fs.existsSync(copyStamp) && fs.readFileSync(copyStamp, 'utf8') === treeDigest(BINDINGS_SRC);
  ensureInstalled(EXAMPLE_DIR, !fresh);
}

/** `npm run synth` of the example into `outDir`; returns the stack's cdk.tf.json text. */
export function synthExample(outDir: string, stack = 'coder-template'): string {
  run(npmBin(), ['run', '-s', 'build'], EXAMPLE_DIR);
  const r = spawnSync(process.execPath, ['build/main.js'], {
    cwd: EXAMPLE_DIR,
    encoding: 'utf8',
    timeout: 120_000,
    env: { ...process.env, CDKTF_OUTDIR: outDir, CHECKPOINT_DISABLE: '1' },
  });
  if (r.status !== 0) throw new Error(`synth failed (${r.status ?? r.signal}): ${r.stderr}`);
  return fs.readFileSync(path.join(outDir, 'stacks', stack, 'cdk.tf.json'), 'utf8');
}
