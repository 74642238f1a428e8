/**
 * A release installs like any provider: `npm run release`'s single executable (built once for the
 * whole file, into a temp dir) runs with no Node on PATH, its own `install` subcommand puts the
 * release zip into a filesystem mirror, and `tofu init` with nothing but the printed
 * provider_installation block (no dev_overrides) installs it, records the h1: hash we compute
 * here independently, and plan/apply work through it — still with no Node on PATH.
 */
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { generateCertificate } from '../../provider/plugin/cert';
import { buildRelease, type ReleaseArtifacts } from '../../scripts/release.lib';
import {
  E2E_TEST_TIMEOUT_MS,
  REPO_ROOT,
  apply,
  coderBuildEnv,
  createWorkdir,
  findResource,
  hostPlatform,
  init,
  lockedProviders,
  plan,
  showJson,
  tofuBin,
  type Cli,
  type Workdir,
} from './harness';

jest.setTimeout(E2E_TEST_TIMEOUT_MS);

const VERSION = (JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string }).version;
const EXE_NAME = `terraform-provider-coder_v${VERSION}`;
const COOKIE = { TF_PLUGIN_MAGIC_COOKIE: 'd602bf8f470bc67ca7faa0386276bbdd4330efaf76d1a219cb4d6991ca9872b2' };

const tmpDirs: string[] = [];
const tmp = (prefix: string): string => {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  tmpDirs.push(d);
  return d;
};
afterAll(() => {
  if (process.env.KEEP_E2E === '1') return;
  for (const d of tmpDirs) fs.rmSync(d, { recursive: true, force: true });
});

/** A PATH with nothing on it: no node, no npm, no shell tools. */
let noNodePath: string;
let release: ReleaseArtifacts;
/** The executable as unzipped by unzip(1), not by our own reader. */
let exe: string;

beforeAll(() => {
  noNodePath = tmp('tpc-empty-path-');
  release = buildRelease({ outDir: tmp('tpc-release-'), log: () => undefined });
  const unpacked = tmp('tpc-unzipped-');
  execFileSync('unzip', ['-q', release.zip, '-d', unpacked]);
  exe = path.join(unpacked, EXE_NAME);
}, 15 * 60_000);

/** dirhash Hash1 of a directory, written out here from its definition (not provider/install). */
function h1OfDir(dir: string): string {
  const files: string[] = [];
  const walk = (rel: string): void => {
    for (const e of fs.readdirSync(path.join(dir, rel), { withFileTypes: true })) {
      const r = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) walk(r);
      else files.push(r);
    }
  };
  walk('');
  files.sort();
  const summary = files.map((f) => `${crypto.createHash('sha256').update(fs.readFileSync(path.join(dir, f))).digest('hex')}  ${f}\n`).join('');
  return `h1:${crypto.createHash('sha256').update(summary).digest('base64')}`;
}

const sha256File = (f: string): string => crypto.createHash('sha256').update(fs.readFileSync(f)).digest('hex');

function runExe(args: string[], env: Record<string, string>): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(exe, args, { env, encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Starts the executable as go-plugin would and resolves with its first stdout line. */
function handshake(env: Record<string, string>): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(exe, [], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`no handshake within 30 s; stderr: ${err}`));
    }, 30_000);
    child.stderr.on('data', (b: Buffer) => (err += b.toString()));
    child.stdout.on('data', (b: Buffer) => {
      out += b.toString();
      const nl = out.indexOf('\n');
      if (nl >= 0) {
        clearTimeout(timer);
        child.kill('SIGTERM');
        resolve(out.slice(0, nl));
      }
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      if (!out.includes('\n')) reject(new Error(`exited ${code} before the handshake; stderr: ${err}`));
    });
  });
}

describe('npm run release', () => {
  it('writes the zip, the manifest and SHA256SUMS under registry names', () => {
    const dir = path.dirname(release.zip);
    expect(fs.readdirSync(dir).sort()).toEqual(
      [`terraform-provider-coder_${VERSION}_${hostPlatform()}.zip`, `terraform-provider-coder_${VERSION}_SHA256SUMS`, `terraform-provider-coder_${VERSION}_manifest.json`].sort(),
    );
    const manifest = JSON.parse(fs.readFileSync(release.manifest, 'utf8'));
    expect(manifest).toEqual({ version: 1, metadata: { protocol_versions: ['5.0', '6.0'] } });
    expect(manifest).toEqual(JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'terraform-registry-manifest.json'), 'utf8')));
    // SHA256SUMS covers the zip and the manifest, in sha256sum(1) format.
    const sums = fs.readFileSync(release.sums, 'utf8');
    expect(sums).toBe(
      [release.zip, release.manifest]
        .map((f) => `${sha256File(f)}  ${path.basename(f)}\n`)
        .sort((a, b) => (a.split('  ')[1]! < b.split('  ')[1]! ? -1 : 1))
        .join(''),
    );
    // The zip holds exactly the versioned executable, executable.
    expect(execFileSync('unzip', ['-Z1', release.zip], { encoding: 'utf8' }).trim().split('\n')).toEqual([EXE_NAME]);
    expect(fs.statSync(exe).mode & 0o111).toBe(0o111);
  });

  it('builds a native executable that runs with no node on PATH', async () => {
    const head = Buffer.alloc(4);
    const fd = fs.openSync(exe, 'r');
    fs.readSync(fd, head, 0, 4, 0);
    fs.closeSync(fd);
    expect(head.equals(Buffer.from([0x7f, 0x45, 0x4c, 0x46]))).toBe(true); // ELF, not a #! script
    expect(spawnSync('node', ['--version'], { env: { PATH: noNodePath } }).error).toMatchObject({ code: 'ENOENT' });

    const v = runExe(['--version'], { PATH: noNodePath });
    expect(v).toMatchObject({ code: 0, stdout: `terraform-provider-coder v${VERSION}\n` });
    // What tofu sends: the cookie, its protocol versions and a client certificate (AutoMTLS).
    const env = { PATH: noNodePath, TMPDIR: os.tmpdir(), ...COOKIE, PLUGIN_CLIENT_CERT: generateCertificate().certPem };
    const line = await handshake({ ...env, PLUGIN_PROTOCOL_VERSIONS: '5,6' });
    expect(line).toMatch(/^1\|6\|unix\|\/[^|]+\|grpc\|[A-Za-z0-9+/]{100,}$/);
    expect(await handshake({ ...env, PLUGIN_PROTOCOL_VERSIONS: '5' })).toMatch(/^1\|5\|unix\|/);
  });
});

describe('subcommands of the single executable', () => {
  it('check runs a template through tofu, starting the executable itself as the provider, with no node on PATH', () => {
    const template = path.join(REPO_ROOT, 'examples', 'templates', 'owner-ssh-key');
    const r = runExe(['check', template], { PATH: `${path.dirname(tofuBin())}:${noNodePath}`, HOME: tmp('tpc-home-'), TMPDIR: os.tmpdir() });
    expect(r.stderr).not.toMatch(/panic|needs node/);
    expect(r.code).toBe(0);
    // Every scenario ran (none skipped) and the workspace preview came out of a real plan.
    expect(r.stdout).toMatch(/0 errors, 0 warnings, 0 notes in 1 template \(tofu \d+\.\d+\.\d+/);
    expect(r.stdout).not.toContain('(skipped)');
    expect(r.stdout).toMatch(/agent main \(linux\/amd64/);
  });
});

describe('install from the release, then tofu init from the mirror', () => {
  const template = [
    'terraform {',
    '  required_providers {',
    `    coder = { source = "coder/coder", version = "${VERSION}" }`,
    '  }',
    '}',
    'data "coder_workspace" "me" {}',
    'data "coder_secret" "token" {',
    '  env          = "API_TOKEN"',
    '  help_message = "Store an API token as API_TOKEN."',
    '}',
    'resource "coder_agent" "main" {',
    '  os   = "linux"',
    '  arch = "amd64"',
    '}',
    'resource "coder_env" "token" {',
    '  agent_id = coder_agent.main.id',
    '  name     = "API_TOKEN"',
    '  value    = data.coder_secret.token.value',
    '}',
    '',
  ].join('\n');
  const SECRET = 'SENTINEL-release-install-secret-19af';

  /** A work dir whose CLI config is exactly what `install` printed; PATH without node. */
  function workdirWith(cliConfig: string, cli: Cli = 'tofu'): Workdir {
    const wd = createWorkdir({ files: { 'main.tf': template }, provider: 'ours', cli, extraEnv: { PATH: noNodePath } });
    fs.writeFileSync(wd.cliConfigFile, cliConfig);
    return wd;
  }

  let mirror: string;
  let block: string;
  beforeAll(() => {
    mirror = tmp('tpc-mirror-');
    const r = runExe(['install', '--mirror', mirror, '--from', release.zip], { PATH: noNodePath, HOME: tmp('tpc-home-') });
    expect(r).toMatchObject({ code: 0 });
    block = r.stdout;
    expect(r.stderr).toContain(`sha256 matches terraform-provider-coder_${VERSION}_SHA256SUMS`);
  });

  it('prints a provider_installation block for the mirror and lays out both registry hosts', () => {
    expect(block).toContain(`path    = ${JSON.stringify(mirror)}`);
    expect(block).not.toContain('dev_overrides');
    for (const host of ['registry.terraform.io', 'registry.opentofu.org']) {
      const dir = path.join(mirror, host, 'coder', 'coder', VERSION, hostPlatform());
      expect(fs.readdirSync(dir)).toEqual([EXE_NAME]);
      expect(sha256File(path.join(dir, EXE_NAME))).toBe(sha256File(exe));
      expect(fs.statSync(path.join(dir, EXE_NAME)).mode & 0o777).toBe(0o755);
    }
  });

  it('init records the h1: hash of the package; plan and apply run the single executable without node', async () => {
    const wd = workdirWith(block);
    try {
      const env = coderBuildEnv({ CODER_SECRET_ENV_API_TOKEN: SECRET });
      const i = await init(wd, { env });
      expect(i.stdout).not.toMatch(/dev_overrides|development overrides/i);
      const expected = h1OfDir(path.join(mirror, 'registry.opentofu.org', 'coder', 'coder', VERSION, hostPlatform()));
      expect(expected).toBe(h1OfDir(path.dirname(exe))); // the same as the zip's contents
      const locked = lockedProviders(wd)['registry.opentofu.org/coder/coder'];
      expect(locked).toEqual({ version: VERSION, constraints: VERSION, hashes: [expected] });
      // tofu linked the mirror's package (no copy of the ~100 MB executable per work dir).
      const installed = path.join(wd.dir, '.terraform', 'providers', 'registry.opentofu.org', 'coder', 'coder', VERSION, hostPlatform());
      expect(fs.lstatSync(installed).isSymbolicLink()).toBe(true);

      const p = await plan(wd, { env, out: 'tfplan' });
      expect(p.stdout).toMatch(/\+ value\s+= \(sensitive value\)/);
      const a = await apply(wd, { env, planFile: 'tfplan' });
      for (const out of [p.stdout, a.stdout]) expect(out).not.toContain(SECRET);
      const state = await showJson(wd, undefined, { env });
      expect(findResource(state, 'coder_env.token').values.value).toBe(SECRET);
      expect(findResource(state, 'coder_agent.main').values.token).toMatch(/^[0-9a-f-]{36}$/);
    } finally {
      wd.cleanup();
    }
  });

  it('each provider process draws its own randomness, though all start from the same snapshot', async () => {
    // The executable resumes from a V8 heap saved at build time; anything random made before the
    // save (Node pools random bytes for crypto.randomUUID) would repeat in every process. Two
    // applies are two provider processes: their agents must get different IDs and tokens.
    const agents: Array<{ id: string; token: string }> = [];
    for (let i = 0; i < 2; i++) {
      const wd = workdirWith(block);
      try {
        const env = coderBuildEnv({ CODER_SECRET_ENV_API_TOKEN: SECRET });
        await init(wd, { env });
        await apply(wd, { env });
        const agent = findResource(await showJson(wd, undefined, { env }), 'coder_agent.main').values as { id: string; token: string };
        agents.push({ id: agent.id, token: agent.token });
      } finally {
        wd.cleanup();
      }
    }
    expect(agents[0]!.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(agents[0]!.token).toMatch(/^[0-9a-f-]{36}$/);
    expect(agents[1]!.id).not.toBe(agents[0]!.id);
    expect(agents[1]!.token).not.toBe(agents[0]!.token);
    expect(new Set([agents[0]!.id, agents[0]!.token, agents[1]!.id, agents[1]!.token]).size).toBe(4);
  });

  it('a packed mirror holding the release zip verbatim gets the same h1: (any zh: equals SHA256SUMS)', async () => {
    const packed = tmp('tpc-packed-mirror-');
    for (const host of ['registry.terraform.io', 'registry.opentofu.org']) {
      const d = path.join(packed, host, 'coder', 'coder');
      fs.mkdirSync(d, { recursive: true });
      fs.copyFileSync(release.zip, path.join(d, path.basename(release.zip)));
    }
    const wd = workdirWith(`provider_installation {\n  filesystem_mirror {\n    path = ${JSON.stringify(packed)}\n  }\n}\n`);
    try {
      await init(wd);
      const { hashes } = lockedProviders(wd)['registry.opentofu.org/coder/coder']!;
      expect(hashes.filter((h) => h.startsWith('h1:'))).toEqual([h1OfDir(path.dirname(exe))]);
      const zipSum = `zh:${sha256File(release.zip)}`;
      for (const h of hashes.filter((x) => x.startsWith('zh:'))) expect(h).toBe(zipSum);
    } finally {
      wd.cleanup();
    }
  });

  it('install with no --from copies the running executable itself, same lock hash as the release', () => {
    const selfMirror = tmp('tpc-self-mirror-');
    const r = runExe(['install', '--mirror', selfMirror], { PATH: noNodePath, HOME: tmp('tpc-home-') });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(`from ${exe}`);
    expect(r.stderr).not.toContain('needs node on PATH');
    const dir = path.join(selfMirror, 'registry.terraform.io', 'coder', 'coder', VERSION, hostPlatform());
    expect(sha256File(path.join(dir, EXE_NAME))).toBe(sha256File(exe));
    expect(r.stderr).toContain(`lock file hash: ${h1OfDir(dir)}`);
    expect(h1OfDir(dir)).toBe(h1OfDir(path.dirname(exe)));
  });

  (process.env.E2E_TERRAFORM === '1' ? it : it.skip)('terraform init/plan use registry.terraform.io from the same mirror (E2E_TERRAFORM=1)', async () => {
    const wd = workdirWith(block, 'terraform');
    try {
      const env = coderBuildEnv({ CODER_SECRET_ENV_API_TOKEN: SECRET });
      await init(wd, { env });
      const locked = lockedProviders(wd)['registry.terraform.io/coder/coder'];
      expect(locked?.hashes).toEqual([h1OfDir(path.dirname(exe))]);
      const p = await plan(wd, { env });
      expect(p.stdout).not.toContain(SECRET);
    } finally {
      wd.cleanup();
    }
  });
});
