/**
 * The one place tests use to run real CLIs (OpenTofu, optionally Terraform) against a real
 * provider: ours (dist/terraform-provider-coder) or the Go provider, installed from a filesystem
 * mirror so nothing is fetched.
 *
 *   const wd = createWorkdir({ files: { 'main.tf': hcl }, provider: 'go' });
 *   await init(wd);
 *   await apply(wd, { env: coderBuildEnv() });
 *   const state = await showJson(wd);
 *
 * Every process is started with spawn (argument vector, no shell) in its own process group, with
 * a hard timeout that SIGKILLs the whole group (tofu and the provider plugins it started). Temp
 * dirs are removed after the test file (afterAll) unless KEEP_E2E=1.
 */
import { execFileSync, spawn } from 'node:child_process';
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

// TPC_REPO_ROOT is set by scripts/run-ts.mjs, which runs a bundled copy of this file from a temp dir.
export const REPO_ROOT = process.env.TPC_REPO_ROOT ?? path.resolve(__dirname, '..', '..');

/** Cache shared with scripts/tools.sh: built CLIs, providers and the mirrors live here. */
export const CACHE_DIR =
  process.env.TPC_CACHE_DIR ??
  path.join(process.env.XDG_CACHE_HOME ?? path.join(os.homedir(), '.cache'), 'terraform-provider-coder-ts');

/** Versions the mirrors advertise. Both coder providers appear as 2.17.0 so one template serves both. */
export const CODER_PROVIDER_VERSION = '2.17.0';
export const RANDOM_PROVIDER_VERSION = '3.7.2';
export const REGISTRY_HOSTS = ['registry.terraform.io', 'registry.opentofu.org'] as const;

/** Env var our provider reads to cap the plugin protocol it offers (5 or 6). */
export const MAX_PROTOCOL_ENV = 'TF_PROVIDER_CODER_MAX_PROTOCOL';

/** Suggested jest timeout for one e2e test (a few tofu commands); a single command defaults to DEFAULT_TIMEOUT_MS. */
export const E2E_TEST_TIMEOUT_MS = 180_000;
export const DEFAULT_TIMEOUT_MS = 120_000;

export type ProviderKind = 'ours' | 'go';
export type Protocol = 5 | 6;
export type Cli = 'tofu' | 'terraform';
/** An env overlay; `undefined` removes the variable. */
export type EnvOverlay = Record<string, string | undefined>;

// ---------------------------------------------------------------------------------------------
// Binaries

const toolCache = new Map<string, string>();

/**
 * Path of a program built by scripts/tools.sh (cached outside the clone). An env var such as
 * TOFU_BIN may name a prebuilt binary instead (.ci/run sets them once for all jest workers).
 */
function tool(name: string, envVar: string): string {
  const fromEnv = process.env[envVar];
  if (fromEnv) {
    assertExecutable(fromEnv, `${envVar}=${fromEnv}`);
    return fromEnv;
  }
  const cached = toolCache.get(name);
  if (cached) return cached;
  let out: string;
  try {
    out = execFileSync(path.join(REPO_ROOT, 'scripts', 'tools.sh'), [name], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
      // A first build of OpenTofu takes ~10 minutes on 2 cores; .ci/run builds it before jest.
      timeout: 30 * 60_000,
      killSignal: 'SIGKILL',
      maxBuffer: 64 * 1024 * 1024,
    });
  } catch (err) {
    const e = err as { stderr?: string; message: string };
    throw new Error(`scripts/tools.sh ${name} failed: ${e.message}\n${tail(e.stderr ?? '', 3000)}`);
  }
  const bin = out.trim().split('\n').pop() ?? '';
  assertExecutable(bin, `scripts/tools.sh ${name}`);
  toolCache.set(name, bin);
  return bin;
}

function assertExecutable(file: string, what: string): void {
  try {
    fs.accessSync(file, fs.constants.X_OK);
  } catch {
    throw new Error(`${what}: ${file} is not an executable file`);
  }
}

export const tofuBin = (): string => tool('tofu', 'TOFU_BIN');
export const terraformBin = (): string => tool('terraform', 'TERRAFORM_BIN');
export const goProviderBin = (): string => tool('go-provider', 'GO_PROVIDER_BIN');
export const randomProviderBin = (): string => tool('random-provider', 'RANDOM_PROVIDER_BIN');

/** dist/terraform-provider-coder, the bundle `npm run build` writes. Throws if it is not built. */
export function oursBin(): string {
  const bin = path.join(REPO_ROOT, 'dist', 'terraform-provider-coder');
  let head = '';
  try {
    fs.accessSync(bin, fs.constants.X_OK);
    const fd = fs.openSync(bin, 'r');
    try {
      const buf = Buffer.alloc(64);
      const n = fs.readSync(fd, buf, 0, buf.length, 0);
      head = buf.subarray(0, n).toString('utf8');
    } finally {
      fs.closeSync(fd);
    }
  } catch {
    throw new Error(
      `our provider is not built: ${bin} is missing or not executable. Run \`npm run build\` first ` +
        '(`npm test` does it before jest).',
    );
  }
  if (!head.startsWith('#!')) {
    throw new Error(`${bin} does not start with a #! line, so tofu cannot execute it; rebuild with \`npm run build\``);
  }
  return bin;
}

// ---------------------------------------------------------------------------------------------
// Filesystem mirrors

/** GOOS_GOARCH of this machine, the TARGET directory of an unpacked mirror. */
export function hostPlatform(): string {
  const osName = process.platform === 'win32' ? 'windows' : process.platform;
  const arch = ({ x64: 'amd64', arm64: 'arm64', ia32: '386', arm: 'arm' } as Record<string, string>)[process.arch];
  if (!arch) throw new Error(`unsupported architecture ${process.arch}`);
  return `${osName}_${arch}`;
}

const fileHashes = new Map<string, string>();

/** sha256 of a file, memoised on its path, size and mtime (the bundle is hashed once per rebuild). */
function sha256File(file: string): string {
  const k = statKey(file);
  let h = fileHashes.get(k);
  if (!h) {
    h = crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');
    fileHashes.set(k, h);
  }
  return h;
}

/** Identity of a versioned, never-rewritten build product: path, size and mtime are enough. */
function statKey(file: string): string {
  const st = fs.statSync(file);
  return crypto.createHash('sha256').update(`${path.resolve(file)}\0${st.size}\0${st.mtimeMs}`).digest('hex');
}

const MIRROR_MAX_AGE_MS = 24 * 3600_000;

/**
 * The mirror for one provider kind, unpacked layout, for both registry hosts:
 *   <host>/coder/coder/2.17.0/<platform>/terraform-provider-coder_v2.17.0
 *   <host>/hashicorp/random/3.7.2/<platform>/terraform-provider-random_v3.7.2
 * Directories are keyed by the content of what they hold (ours: sha256 of the bundle), built in a
 * temp dir and renamed into place, so a rebuilt bundle gets a fresh mirror and concurrent jest
 * workers never see a half-written one. Copies, not symlinks: the h1: hash covers the files.
 */
export function ensureMirror(kind: ProviderKind): string {
  const coderBin = kind === 'ours' ? oursBin() : goProviderBin();
  const randomBin = randomProviderBin();
  const key = crypto
    .createHash('sha256')
    .update(kind === 'ours' ? sha256File(coderBin) : statKey(coderBin))
    .update(statKey(randomBin))
    .digest('hex')
    .slice(0, 16);
  const parent = path.join(CACHE_DIR, 'mirrors');
  const dir = path.join(parent, `${kind}-${key}`);
  if (fs.existsSync(dir)) {
    touch(dir);
    return dir;
  }
  fs.mkdirSync(parent, { recursive: true });
  const tmp = fs.mkdtempSync(path.join(parent, `.${kind}-${key}.tmp-`));
  const platform = hostPlatform();
  for (const host of REGISTRY_HOSTS) {
    place(tmp, host, 'coder', 'coder', CODER_PROVIDER_VERSION, platform, coderBin);
    place(tmp, host, 'hashicorp', 'random', RANDOM_PROVIDER_VERSION, platform, randomBin);
  }
  try {
    fs.renameSync(tmp, dir);
  } catch (err) {
    // Another worker won the race; its mirror has the same content.
    fs.rmSync(tmp, { recursive: true, force: true });
    if (!fs.existsSync(dir)) throw err;
  }
  pruneMirrors(parent, dir);
  return dir;
}

function place(root: string, host: string, ns: string, type: string, version: string, platform: string, bin: string): void {
  const d = path.join(root, host, ns, type, version, platform);
  fs.mkdirSync(d, { recursive: true });
  const dest = path.join(d, `terraform-provider-${type}_v${version}`);
  fs.copyFileSync(bin, dest);
  fs.chmodSync(dest, 0o755);
}

function touch(p: string): void {
  const now = new Date();
  try {
    fs.utimesSync(p, now, now);
  } catch {
    /* a concurrent prune removed it: harmless, the caller's path still resolves or fails loudly */
  }
}

/** Drops mirrors and abandoned temp dirs unused for a day (mirror dirs are touched on every use). */
function pruneMirrors(parent: string, keep: string): void {
  for (const name of fs.readdirSync(parent)) {
    const p = path.join(parent, name);
    if (p === keep) continue;
    try {
      if (Date.now() - fs.statSync(p).mtimeMs > MIRROR_MAX_AGE_MS) fs.rmSync(p, { recursive: true, force: true });
    } catch {
      /* raced with another worker */
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Work dirs

export interface Workdir {
  /** Temp root: holds the CLI config, an isolated HOME and the module dir. */
  readonly root: string;
  /** The module directory tofu runs in (holds the caller's files). */
  readonly dir: string;
  readonly provider: ProviderKind;
  readonly cli: Cli;
  readonly protocol: Protocol | undefined;
  readonly mirrorDir: string;
  readonly cliConfigFile: string;
  readonly extraEnv: EnvOverlay;
  /** Removes the temp root now (also done in afterAll). Honours KEEP_E2E=1. */
  cleanup(): void;
}

export interface CreateWorkdirOptions {
  /** Relative path → content. Subdirectories are created. */
  files: Record<string, string>;
  provider: ProviderKind;
  /** Added to every command's environment (after the clean base, before per-call env). */
  extraEnv?: EnvOverlay;
  /**
   * Plugin protocol for our provider: 5 sets TF_PROVIDER_CODER_MAX_PROTOCOL=5, 6 sets it to 6.
   * Unset: the provider picks the highest the CLI offers (6). The Go provider (SDKv2) only serves 5.
   */
  protocol?: Protocol;
  /** Which CLI runTofu starts; default tofu, or terraform when E2E_CLI=terraform (defaultCli). */
  cli?: Cli;
}

/** The Go provider is built on terraform-plugin-sdk/v2, which serves protocol 5 only. */
export const GO_PROVIDER_PROTOCOL: Protocol = 5;

/** E2E_CLI=terraform runs tests that do not name a CLI under hashicorp/terraform instead of tofu. */
export const defaultCli = (): Cli => (process.env.E2E_CLI === 'terraform' ? 'terraform' : 'tofu');

const liveWorkdirs = new Set<Workdir>();
const keep = (): boolean => process.env.KEEP_E2E === '1';

export function createWorkdir(opts: CreateWorkdirOptions): Workdir {
  if (opts.provider !== 'ours' && opts.provider !== 'go') {
    throw new Error(`createWorkdir: provider must be 'ours' or 'go', got ${String(opts.provider)}`);
  }
  if (opts.protocol !== undefined && opts.protocol !== 5 && opts.protocol !== 6) {
    throw new Error(`createWorkdir: protocol must be 5 or 6, got ${String(opts.protocol)}`);
  }
  if (opts.provider === 'go' && opts.protocol === 6) {
    throw new Error('createWorkdir: the Go provider serves plugin protocol 5 only; protocol 6 is ours alone');
  }
  const mirrorDir = ensureMirror(opts.provider);
  const root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'tpc-e2e-')));
  const dir = path.join(root, 'work');
  const home = path.join(root, 'home');
  fs.mkdirSync(dir);
  fs.mkdirSync(home);
  for (const [rel, content] of Object.entries(opts.files)) {
    const dest = path.resolve(dir, rel);
    if (path.isAbsolute(rel) || !dest.startsWith(dir + path.sep)) {
      throw new Error(`createWorkdir: file path ${rel} must be relative and stay inside the work dir`);
    }
    fs.mkdirSync(path.dirname(dest), { recursive: true });
    fs.writeFileSync(dest, content);
  }
  const cliConfigFile = path.join(root, 'cli.tfrc');
  // An explicit provider_installation block with only a mirror: no implied mirrors, no `direct`,
  // so a provider missing from the mirror fails instead of being fetched.
  fs.writeFileSync(
    cliConfigFile,
    [
      'provider_installation {',
      '  filesystem_mirror {',
      `    path = ${hclString(mirrorDir)}`,
      '  }',
      '}',
      '',
    ].join('\n'),
  );
  const wd: Workdir = {
    root,
    dir,
    provider: opts.provider,
    cli: opts.cli ?? defaultCli(),
    protocol: opts.protocol,
    mirrorDir,
    cliConfigFile,
    extraEnv: { ...(opts.extraEnv ?? {}) },
    cleanup() {
      liveWorkdirs.delete(wd);
      if (keep()) {
        process.stderr.write(`KEEP_E2E=1: kept ${root}\n`);
        return;
      }
      fs.rmSync(root, { recursive: true, force: true });
    },
  };
  liveWorkdirs.add(wd);
  return wd;
}

function hclString(s: string): string {
  if (s.includes('${') || s.includes('%{')) throw new Error(`path ${s} would be interpolated by HCL`);
  return JSON.stringify(s);
}

/** Removes every work dir this test file created (registered as afterAll below). */
export function cleanupWorkdirs(): void {
  for (const wd of [...liveWorkdirs]) wd.cleanup();
}

/** Reads a file of the work dir (e.g. '.terraform.lock.hcl'). */
export function readWorkdirFile(wd: Workdir, rel: string): string {
  return fs.readFileSync(path.join(wd.dir, rel), 'utf8');
}

/** Writes (or replaces) a file of the work dir, e.g. to change the config between applies. */
export function writeWorkdirFile(wd: Workdir, rel: string, content: string): void {
  const dest = path.resolve(wd.dir, rel);
  if (!dest.startsWith(wd.dir + path.sep)) throw new Error(`${rel} escapes the work dir`);
  fs.mkdirSync(path.dirname(dest), { recursive: true });
  fs.writeFileSync(dest, content);
}

// ---------------------------------------------------------------------------------------------
// Environment

/** Host variables passed through as a debugging aid (set them yourself to see provider logs). */
const PASSTHROUGH = ['TF_LOG', 'TF_LOG_PATH', 'TF_LOG_CORE', 'TF_LOG_PROVIDER'];

/**
 * The environment a command in `wd` gets: a clean base (nothing from the host but PATH, TMPDIR
 * and TF_LOG*; HOME is the work dir's own, so no ~/.tofurc or ~/.terraform.d can leak in; no
 * CODER_*), the CLI config, the work dir's extraEnv, the protocol selector, then `callEnv`.
 */
export function commandEnv(wd: Workdir, callEnv: EnvOverlay = {}): Record<string, string> {
  const nodeDir = path.dirname(process.execPath);
  const hostPath = process.env.PATH ?? '/usr/local/bin:/usr/bin:/bin';
  const env: Record<string, string> = {
    // Our provider is a `#!/usr/bin/env node` script: make sure the node running jest is found.
    PATH: hostPath.split(path.delimiter).includes(nodeDir) ? hostPath : `${nodeDir}${path.delimiter}${hostPath}`,
    HOME: path.join(wd.root, 'home'),
    TMPDIR: os.tmpdir(),
    LANG: 'C.UTF-8',
    TF_CLI_CONFIG_FILE: wd.cliConfigFile,
    CHECKPOINT_DISABLE: '1',
    TF_IN_AUTOMATION: '1',
    TF_INPUT: '0',
  };
  for (const k of PASSTHROUGH) {
    const v = process.env[k];
    if (v) env[k] = v;
  }
  const overlay = (o: EnvOverlay): void => {
    for (const [k, v] of Object.entries(o)) {
      if (v === undefined) delete env[k];
      else env[k] = v;
    }
  };
  overlay(wd.extraEnv);
  if (wd.protocol !== undefined && wd.provider === 'ours') env[MAX_PROTOCOL_ENV] = String(wd.protocol);
  overlay(callEnv);
  return env;
}

/** Placeholder agent bootstrap scripts, shaped like Coder's (provisionersdk/agent.go). */
function agentScript(osName: string, arch: string): string {
  if (osName === 'windows') {
    return [
      `# coder agent bootstrap (test placeholder) ${osName}/${arch}`,
      `$env:CODER_AGENT_AUTH = "\${AUTH_TYPE}"`,
      `$env:CODER_AGENT_URL = "\${ACCESS_URL}"`,
      `Invoke-WebRequest -Uri "\${ACCESS_URL}bin/coder-windows-${arch}.exe" -OutFile "$env:TEMP\\coder.exe"`,
      `& "$env:TEMP\\coder.exe" agent`,
      '',
    ].join('\n');
  }
  return [
    '#!/usr/bin/env sh',
    `# coder agent bootstrap (test placeholder) ${osName}/${arch}`,
    'set -eu',
    `BINARY_URL="\${ACCESS_URL}bin/coder-${osName}-${arch}"`,
    `export CODER_AGENT_AUTH="\${AUTH_TYPE}"`,
    `export CODER_AGENT_URL="\${ACCESS_URL}"`,
    'curl -fsSL "$BINARY_URL" -o /tmp/coder && chmod +x /tmp/coder && exec /tmp/coder agent',
    '',
  ].join('\n');
}

/** The os/arch pairs Coder supplies CODER_AGENT_SCRIPT_<os>_<arch> for. */
export const AGENT_SCRIPT_PLATFORMS: ReadonlyArray<readonly [string, string]> = [
  ['windows', 'amd64'],
  ['windows', 'arm64'],
  ['linux', 'amd64'],
  ['linux', 'arm64'],
  ['linux', 'armv7'],
  ['darwin', 'amd64'],
  ['darwin', 'arm64'],
];

/** Name of the env var carrying a rich parameter's value: CODER_PARAMETER_<hex(sha256(name))>. */
export function coderParameterEnvName(name: string, previous = false): string {
  const h = crypto.createHash('sha256').update(name).digest('hex');
  return `CODER_PARAMETER_${previous ? 'PREVIOUS_' : ''}${h}`;
}

/** Fixed ids so tests can assert on them. */
export const CODER_TEST_IDS = {
  workspaceId: '0b1f6f3c-4f6b-4e3a-9b0e-1c2d3e4f5a6b',
  buildId: '7a1c2e3d-5b6a-4c8d-9e0f-1a2b3c4d5e6f',
  ownerId: '3c9e8d7f-6a5b-4c3d-8e2f-1a0b9c8d7e6f',
  templateId: '5d4c3b2a-1f0e-4d9c-8b7a-6f5e4d3c2b1a',
  organizationId: '9f8e7d6c-5b4a-4321-8fed-cba987654321',
} as const;

export interface CoderBuildEnvOptions {
  /** Rich parameter values → CODER_PARAMETER_<hex(sha256(name))> (Coder sends them at plan only). */
  parameters?: Record<string, string>;
  /** Previous build's values → CODER_PARAMETER_PREVIOUS_<hex(sha256(name))>. */
  previousParameters?: Record<string, string>;
}

/**
 * The environment Coder's provisioner sets for a workspace build (ecosystem.md §5.3), with
 * placeholder values. `overrides` wins; an `undefined` override removes that variable (e.g. to test
 * presence-sensitive ones like CODER_WORKSPACE_OWNER_GROUPS).
 */
export function coderBuildEnv(overrides: EnvOverlay = {}, opts: CoderBuildEnvOptions = {}): EnvOverlay {
  const env: EnvOverlay = {
    CODER_AGENT_URL: 'https://coder.example.test/',
    CODER_WORKSPACE_TRANSITION: 'start',
    CODER_WORKSPACE_NAME: 'dev',
    CODER_WORKSPACE_ID: CODER_TEST_IDS.workspaceId,
    CODER_WORKSPACE_BUILD_ID: CODER_TEST_IDS.buildId,
    CODER_WORKSPACE_OWNER: 'alice',
    CODER_WORKSPACE_OWNER_ID: CODER_TEST_IDS.ownerId,
    CODER_WORKSPACE_OWNER_NAME: 'Alice Example',
    CODER_WORKSPACE_OWNER_EMAIL: 'alice@example.test',
    CODER_WORKSPACE_OWNER_LOGIN_TYPE: 'password',
    CODER_WORKSPACE_OWNER_GROUPS: JSON.stringify(['Everyone', 'developers']),
    CODER_WORKSPACE_OWNER_RBAC_ROLES: JSON.stringify([
      { name: 'member', org_id: '' },
      { name: 'organization-member', org_id: CODER_TEST_IDS.organizationId },
    ]),
    CODER_WORKSPACE_OWNER_SSH_PUBLIC_KEY: 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAITESTPLACEHOLDERTESTPLACEHOLDERTES alice@test',
    CODER_WORKSPACE_OWNER_SSH_PRIVATE_KEY:
      '-----BEGIN OPENSSH PRIVATE KEY-----\ntest-placeholder-not-a-key\n-----END OPENSSH PRIVATE KEY-----\n',
    CODER_WORKSPACE_OWNER_SESSION_TOKEN: 'test-session-token-placeholder',
    CODER_WORKSPACE_OWNER_OIDC_ACCESS_TOKEN: 'test-oidc-token-placeholder',
    CODER_WORKSPACE_TEMPLATE_ID: CODER_TEST_IDS.templateId,
    CODER_WORKSPACE_TEMPLATE_NAME: 'docker-dev',
    CODER_WORKSPACE_TEMPLATE_VERSION: 'v1.2.3',
  };
  for (const [osName, arch] of AGENT_SCRIPT_PLATFORMS) {
    env[`CODER_AGENT_SCRIPT_${osName}_${arch}`] = agentScript(osName, arch);
  }
  for (const [name, value] of Object.entries(opts.parameters ?? {})) env[coderParameterEnvName(name)] = value;
  for (const [name, value] of Object.entries(opts.previousParameters ?? {})) {
    env[coderParameterEnvName(name, true)] = value;
  }
  for (const [k, v] of Object.entries(overrides)) env[k] = v;
  return env;
}

// ---------------------------------------------------------------------------------------------
// Running the CLI

export interface RunOptions {
  /** Overlay on the work dir's environment (e.g. coderBuildEnv()). `undefined` removes a variable. */
  env?: EnvOverlay;
  /** Hard limit; the whole process group is SIGKILLed when it passes. Default DEFAULT_TIMEOUT_MS. */
  timeoutMs?: number;
}

export interface TofuResult {
  /** Exit code; null when killed by a signal (see `signal`, `timedOut`). */
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  durationMs: number;
  timedOut: boolean;
  /**
   * True when processes of the command's process group (provider plugins) were still alive after
   * the CLI exited; they were SIGKILLed. A provider that ignores Shutdown would show up here.
   */
  leftoverProcesses: boolean;
  args: readonly string[];
}

export class TofuError extends Error {
  constructor(
    message: string,
    readonly result: TofuResult,
  ) {
    super(message);
    this.name = 'TofuError';
  }
}

const liveGroups = new Set<number>();
let exitHookInstalled = false;

function killGroup(pid: number): void {
  try {
    process.kill(-pid, 'SIGKILL');
  } catch {
    /* already gone */
  }
}

/** Live (non-zombie) members of process group `pgid`; via /proc on Linux, else kill(-pgid, 0). */
function groupHasLiveMembers(pgid: number): boolean {
  if (process.platform !== 'linux') {
    try {
      process.kill(-pgid, 0);
      return true;
    } catch {
      return false;
    }
  }
  for (const name of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    let stat: string;
    try {
      stat = fs.readFileSync(`/proc/${name}/stat`, 'utf8');
    } catch {
      continue; // exited meanwhile
    }
    // "pid (comm) state ppid pgrp ...": comm may contain spaces and parens, so split after the last ')'.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    if (fields[0] !== 'Z' && Number(fields[2]) === pgid) return true;
  }
  return false;
}

/** Waits up to `ms` for the group to empty; true if members are still alive after that. */
async function groupLingers(pgid: number, ms: number): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (groupHasLiveMembers(pgid)) {
    if (Date.now() >= deadline) return true;
    await new Promise((r) => setTimeout(r, 50));
  }
  return false;
}

const OUTPUT_LIMIT = 64 * 1024 * 1024;

/**
 * Runs the work dir's CLI (tofu by default) with `args` in `wd.dir`. Never throws for a non-zero
 * exit; the helpers below do.
 */
export function runTofu(wd: Workdir, args: readonly string[], opts: RunOptions = {}): Promise<TofuResult> {
  const bin = wd.cli === 'terraform' ? terraformBin() : tofuBin();
  const env = commandEnv(wd, opts.env);
  const timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  if (!exitHookInstalled) {
    exitHookInstalled = true;
    process.on('exit', () => {
      for (const pid of liveGroups) killGroup(pid);
    });
  }
  const started = performance.now();
  return new Promise<TofuResult>((resolve, reject) => {
    const child = spawn(bin, [...args], {
      cwd: wd.dir,
      env,
      detached: true, // own process group: tofu and the plugins it starts
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const pid = child.pid;
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    let outLen = 0;
    let errLen = 0;
    child.stdout.on('data', (b: Buffer) => {
      if ((outLen += b.length) <= OUTPUT_LIMIT) out.push(b);
    });
    child.stderr.on('data', (b: Buffer) => {
      if ((errLen += b.length) <= OUTPUT_LIMIT) err.push(b);
    });
    let timedOut = false;
    let settled = false;
    if (pid !== undefined) liveGroups.add(pid);
    const timer = setTimeout(() => {
      timedOut = true;
      if (pid !== undefined) killGroup(pid);
    }, timeoutMs);
    let closeGuard: NodeJS.Timeout | undefined;

    const finish = async (code: number | null, signal: NodeJS.Signals | null): Promise<void> => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      if (closeGuard) clearTimeout(closeGuard);
      let leftoverProcesses = false;
      if (pid !== undefined) {
        // Providers get a moment to finish exiting; whatever is still there is reported and killed.
        leftoverProcesses = await groupLingers(pid, 1000);
        if (leftoverProcesses) killGroup(pid);
        liveGroups.delete(pid);
      }
      resolve({
        code,
        signal,
        stdout: Buffer.concat(out).toString('utf8'),
        stderr: Buffer.concat(err).toString('utf8'),
        durationMs: Math.round(performance.now() - started),
        timedOut,
        leftoverProcesses,
        args,
      });
    };
    child.on('error', (e) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      if (pid !== undefined) {
        killGroup(pid);
        liveGroups.delete(pid);
      }
      reject(new Error(`could not start ${bin}: ${e.message}`));
    });
    child.on('exit', (code, signal) => {
      if (settled) return;
      // Normally 'close' follows at once; if a stray grandchild keeps a pipe open, don't wait on it.
      closeGuard = setTimeout(() => {
        child.stdout.destroy();
        child.stderr.destroy();
        void finish(code, signal);
      }, 5000);
    });
    child.on('close', (code, signal) => void finish(code, signal));
  });
}

function tail(s: string, n: number): string {
  return s.length <= n ? s : `…${s.slice(s.length - n)}`;
}

function describeFailure(wd: Workdir, r: TofuResult, expected: string): string {
  const how = r.timedOut ? `timed out after ${r.durationMs} ms (process group killed)` : `exited ${r.code ?? r.signal}`;
  return [
    `${wd.cli} ${r.args.join(' ')} ${how}; expected ${expected} [provider=${wd.provider}, dir=${wd.dir}]`,
    '--- stderr (tail) ---',
    tail(r.stderr, 6000),
    '--- stdout (tail) ---',
    tail(r.stdout, 3000),
  ].join('\n');
}

export interface CommandOptions extends RunOptions {
  /** Extra CLI arguments, appended after the standard ones. */
  args?: readonly string[];
  /** Return the result instead of throwing on an unexpected exit code. */
  allowFailure?: boolean;
}

async function runExpect(wd: Workdir, args: string[], opts: CommandOptions, okCodes: number[]): Promise<TofuResult> {
  const r = await runTofu(wd, [...args, ...(opts.args ?? [])], opts);
  if (!opts.allowFailure && (r.code === null || !okCodes.includes(r.code))) {
    throw new TofuError(describeFailure(wd, r, `exit ${okCodes.join(' or ')}`), r);
  }
  return r;
}

export function init(wd: Workdir, opts: CommandOptions = {}): Promise<TofuResult> {
  return runExpect(wd, ['init', '-input=false', '-no-color'], opts, [0]);
}

export interface ValidateJson {
  valid: boolean;
  error_count: number;
  warning_count: number;
  diagnostics: Array<{ severity: string; summary: string; detail?: string; [k: string]: unknown }>;
  [k: string]: unknown;
}

/** `validate -json`: returns the parsed report whether or not the config is valid. */
export async function validate(wd: Workdir, opts: RunOptions = {}): Promise<ValidateJson & { result: TofuResult }> {
  const r = await runTofu(wd, ['validate', '-json', '-no-color'], opts);
  let json: ValidateJson;
  try {
    json = JSON.parse(r.stdout) as ValidateJson;
  } catch {
    throw new TofuError(describeFailure(wd, r, 'JSON on stdout'), r);
  }
  return { ...json, result: r };
}

export interface PlanOptions extends CommandOptions {
  /** Save the plan: true → "tfplan" in the work dir, or a file name relative to it. */
  out?: boolean | string;
}

export async function plan(wd: Workdir, opts: PlanOptions = {}): Promise<TofuResult & { planFile?: string }> {
  const args = ['plan', '-input=false', '-no-color'];
  let planFile: string | undefined;
  if (opts.out) {
    planFile = opts.out === true ? 'tfplan' : opts.out;
    args.push(`-out=${planFile}`);
  }
  const r = await runExpect(wd, args, opts, [0]);
  return planFile === undefined ? r : { ...r, planFile };
}

/** `plan -detailed-exitcode`: code 0 = no changes, 2 = changes; 1 (error) throws unless allowFailure. */
export function planDetailedExitCode(wd: Workdir, opts: CommandOptions = {}): Promise<TofuResult> {
  return runExpect(wd, ['plan', '-detailed-exitcode', '-input=false', '-no-color'], opts, [0, 2]);
}

export interface ApplyOptions extends CommandOptions {
  /** Apply this saved plan (relative to the work dir) instead of planning with -auto-approve. */
  planFile?: string;
}

export function apply(wd: Workdir, opts: ApplyOptions = {}): Promise<TofuResult> {
  const args = opts.planFile
    ? ['apply', '-input=false', '-no-color', opts.planFile]
    : ['apply', '-auto-approve', '-input=false', '-no-color'];
  // A saved plan must be the last argument.
  if (opts.planFile && opts.args?.length) {
    return runExpect(wd, [...args.slice(0, -1), ...opts.args, opts.planFile], { ...opts, args: [] }, [0]);
  }
  return runExpect(wd, args, opts, [0]);
}

export function destroy(wd: Workdir, opts: CommandOptions = {}): Promise<TofuResult> {
  return runExpect(wd, ['destroy', '-auto-approve', '-input=false', '-no-color'], opts, [0]);
}

/** JSON values as tofu prints them; loosely typed on purpose (tests index into them freely). */
export type Json = any;

async function runJson(wd: Workdir, args: string[], opts: RunOptions): Promise<Json> {
  const r = await runExpect(wd, args, opts, [0]);
  try {
    return JSON.parse(r.stdout) as Json;
  } catch {
    throw new TofuError(describeFailure(wd, r, 'JSON on stdout'), r);
  }
}

/** `show -json [planFile]`: the plan when a plan file is given, else the current state. */
export function showJson(wd: Workdir, planFile?: string, opts: RunOptions = {}): Promise<Json> {
  return runJson(wd, planFile ? ['show', '-json', planFile] : ['show', '-json'], opts);
}

/** `providers schema -json` (needs a prior init). */
export function providersSchemaJson(wd: Workdir, opts: RunOptions = {}): Promise<Json> {
  return runJson(wd, ['providers', 'schema', '-json'], opts);
}

// ---------------------------------------------------------------------------------------------
// Reading results

export interface StateResource {
  address: string;
  mode: 'managed' | 'data';
  type: string;
  name: string;
  index?: string | number;
  provider_name: string;
  schema_version: number;
  values: Json;
  sensitive_values: Json;
  [k: string]: unknown;
}

/** All resources of a `show -json` state (or of a plan's `planned_values`), child modules included. */
export function stateResources(show: Json): StateResource[] {
  const root = show?.values?.root_module ?? show?.planned_values?.root_module;
  const out: StateResource[] = [];
  const walk = (m: Json): void => {
    if (!m) return;
    for (const r of m.resources ?? []) out.push(r as StateResource);
    for (const c of m.child_modules ?? []) walk(c);
  };
  walk(root);
  return out;
}

/** The resource at `address` (e.g. 'coder_agent.main', 'data.coder_workspace.me'); throws if absent. */
export function findResource(show: Json, address: string): StateResource {
  const all = stateResources(show);
  const r = all.find((x) => x.address === address);
  if (!r) throw new Error(`no ${address} in state; have: ${all.map((x) => x.address).join(', ') || '(none)'}`);
  return r;
}

export interface LockedProvider {
  version: string;
  constraints?: string;
  hashes: string[];
}

/** Parses `.terraform.lock.hcl` into address → { version, constraints, hashes }. */
export function lockedProviders(wd: Workdir): Record<string, LockedProvider> {
  const text = readWorkdirFile(wd, '.terraform.lock.hcl');
  const out: Record<string, LockedProvider> = {};
  const block = /provider\s+"([^"]+)"\s*\{([\s\S]*?)\n\}/g;
  for (let m = block.exec(text); m; m = block.exec(text)) {
    const body = m[2] ?? '';
    const version = /\n\s*version\s*=\s*"([^"]*)"/.exec(body)?.[1] ?? '';
    const constraints = /\n\s*constraints\s*=\s*"([^"]*)"/.exec(body)?.[1];
    const hashesBody = /hashes\s*=\s*\[([\s\S]*?)\]/.exec(body)?.[1] ?? '';
    const hashes = [...hashesBody.matchAll(/"([^"]+)"/g)].map((h) => h[1] as string);
    out[m[1] as string] = constraints === undefined ? { version, hashes } : { version, constraints, hashes };
  }
  return out;
}

/** Address tofu gives `source = "coder/coder"` (terraform: registry.terraform.io). */
export function defaultProviderAddress(cli: Cli, type: 'coder' | 'random'): string {
  const ns = type === 'coder' ? 'coder' : 'hashicorp';
  return `${cli === 'terraform' ? 'registry.terraform.io' : 'registry.opentofu.org'}/${ns}/${type}`;
}

// ---------------------------------------------------------------------------------------------
// jest integration: remove this file's work dirs and kill stray process groups after the file.

if (typeof afterAll === 'function') {
  afterAll(() => {
    for (const pid of liveGroups) killGroup(pid);
    liveGroups.clear();
    cleanupWorkdirs();
  });
}
