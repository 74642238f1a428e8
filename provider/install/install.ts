/**
 * `terraform-provider-coder install [--mirror DIR] [--from ZIP|DIR]`
 *
 * Puts the provider into a filesystem mirror that both Terraform and OpenTofu read, and prints the
 * `provider_installation` block that points at it (on stdout, alone, so `install > coder.tfrc`
 * works; progress goes to stderr).
 *
 *   --from ZIP   a release zip, terraform-provider-coder_<version>_<os>_<arch>.zip; checked against
 *                the terraform-provider-coder_<version>_SHA256SUMS beside it when there is one
 *   --from DIR   a release directory (what `npm run release` writes): the zip for this platform
 *   (neither)    the running executable itself (the single executable from a release; the Node
 *                bundle works too but needs `node` on PATH wherever it runs)
 *   --mirror DIR default ~/.terraform.d/plugins, a directory both CLIs search without any
 *                configuration (their "implied" local mirror)
 *
 * Layout: unpacked, `<host>/coder/coder/<version>/<os>_<arch>/terraform-provider-coder_v<version>`,
 * for registry.terraform.io (Terraform's `coder/coder`) and registry.opentofu.org (OpenTofu's).
 * With a filesystem mirror both CLIs record only the "h1:" hash of the package contents in the
 * lock file, and that hash is the same for the packed zip and the unpacked directory (it covers
 * file names and contents, not the archive); the unpacked layout lets them link the mirror into
 * .terraform instead of extracting a ~100 MB executable on every `init`.
 */
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { writeFdSync } from '../plugin/fd-write';
import { BINARY_NAME, OPENTOFU_PROVIDER_ADDRESS, PROVIDER_ADDRESS, PROVIDER_VERSION } from '../plugin/constants';
import { packageHashV1 } from './dirhash';
import { readZip } from './zip';

/** Both registry hosts `source = "coder/coder"` can resolve to. */
export const PROVIDER_ADDRESSES = [PROVIDER_ADDRESS, OPENTOFU_PROVIDER_ADDRESS] as const;

export const INSTALL_USAGE = `Usage: ${BINARY_NAME} install [--mirror DIR] [--from ZIP|DIR]

Installs the provider into a filesystem mirror for Terraform and OpenTofu and prints the
provider_installation block that uses it.

  --mirror DIR   mirror directory (default ~/.terraform.d/plugins, which terraform and tofu
                 search without configuration)
  --from ZIP     a release zip (${BINARY_NAME}_<version>_<os>_<arch>.zip), verified against the
                 ${BINARY_NAME}_<version>_SHA256SUMS file next to it when present
  --from DIR     a release directory: installs its zip for this platform
                 (without --from: installs the running executable itself)
`;

export class UsageError extends Error {}

export interface InstallArgs {
  readonly mirror: string;
  readonly from: string | undefined;
}

/** Parses the arguments after `install`; `undefined` means --help was asked for. */
export function parseInstallArgs(args: readonly string[], home = os.homedir()): InstallArgs | undefined {
  let mirror: string | undefined;
  let from: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    if (arg === '--help' || arg === '-h' || arg === '-help') return undefined;
    const m = /^--?(mirror|from)(?:=(.*))?$/.exec(arg);
    if (!m) throw new UsageError(`unknown argument ${JSON.stringify(arg)}`);
    let value = m[2];
    if (value === undefined) {
      value = args[++i];
      if (value === undefined) throw new UsageError(`--${m[1]} needs a value`);
    }
    if (value === '') throw new UsageError(`--${m[1]} needs a value`);
    if (m[1] === 'mirror') {
      if (mirror !== undefined) throw new UsageError('--mirror given twice');
      mirror = value;
    } else {
      if (from !== undefined) throw new UsageError('--from given twice');
      from = value;
    }
  }
  return {
    mirror: path.resolve(mirror ?? path.join(home, '.terraform.d', 'plugins')),
    from: from === undefined ? undefined : path.resolve(from),
  };
}

/** GOOS_GOARCH of this machine. */
export function hostPlatform(platform: NodeJS.Platform = process.platform, arch: string = process.arch): string {
  const goos = platform === 'win32' ? 'windows' : platform;
  const goarch = ({ x64: 'amd64', arm64: 'arm64', ia32: '386', arm: 'arm' } as Record<string, string>)[arch];
  if (!goarch) throw new Error(`unsupported architecture ${arch}`);
  return `${goos}_${goarch}`;
}

export const executableName = (version: string): string => `${BINARY_NAME}_v${version}`;
export const releaseZipName = (version: string, platform: string): string => `${BINARY_NAME}_${version}_${platform}.zip`;
export const sha256SumsName = (version: string): string => `${BINARY_NAME}_${version}_SHA256SUMS`;
export const manifestName = (version: string): string => `${BINARY_NAME}_${version}_manifest.json`;

const ZIP_NAME = /^terraform-provider-coder_(\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?)_([a-z0-9]+_[a-z0-9]+)\.zip$/;

export interface PackageFile {
  readonly name: string;
  readonly data: Buffer;
  readonly mode: number;
}

/** One provider package: what goes into `<version>/<platform>/`. */
export interface ProviderPackage {
  readonly version: string;
  readonly platform: string;
  readonly files: readonly PackageFile[];
  /** Where it came from, for messages. */
  readonly origin: string;
  /** How the zip was verified, when it came from one. */
  readonly verified?: string;
}

const sha256Hex = (b: Buffer): string => crypto.createHash('sha256').update(b).digest('hex');

/** Parses a SHA256SUMS file ("<hex>  <name>" lines) into name -> hex. */
export function parseSha256Sums(text: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const line of text.split('\n')) {
    const m = /^([0-9a-f]{64}) [ *]?(\S.*)$/.exec(line.trim());
    if (m) out.set(m[2] as string, m[1] as string);
  }
  return out;
}

/** A release zip: name -> version/platform, contents checked, SHA256SUMS beside it honoured. */
export function loadFromZip(zipPath: string): ProviderPackage {
  const base = path.basename(zipPath);
  const m = ZIP_NAME.exec(base);
  if (!m) throw new UsageError(`${base} is not named like a release zip (${BINARY_NAME}_<version>_<os>_<arch>.zip)`);
  const version = m[1] as string;
  const platform = m[2] as string;
  const zip = fs.readFileSync(zipPath);
  let verified: string | undefined;
  const sumsPath = path.join(path.dirname(zipPath), sha256SumsName(version));
  if (fs.existsSync(sumsPath)) {
    const want = parseSha256Sums(fs.readFileSync(sumsPath, 'utf8')).get(base);
    if (!want) throw new Error(`${path.basename(sumsPath)} does not list ${base}`);
    const got = sha256Hex(zip);
    if (got !== want) throw new Error(`${base}: sha256 ${got} does not match ${want} in ${path.basename(sumsPath)}`);
    verified = `sha256 matches ${path.basename(sumsPath)}`;
  }
  const entries = readZip(zip);
  const exe = executableName(version);
  if (!entries.some((e) => e.name === exe)) {
    throw new Error(`${base} has no ${exe} (it holds ${entries.map((e) => e.name).join(', ') || 'nothing'})`);
  }
  const files = entries.map((e) => ({ name: e.name, data: e.data, mode: e.name === exe ? 0o755 : (e.mode ?? 0o644) }));
  return verified === undefined ? { version, platform, files, origin: zipPath } : { version, platform, files, origin: zipPath, verified };
}

/** A release directory: its zip for `platform` (exactly one version of it). */
export function loadFromReleaseDir(dir: string, platform: string): ProviderPackage {
  const zips = fs
    .readdirSync(dir)
    .filter((n) => ZIP_NAME.exec(n)?.[2] === platform)
    .sort();
  if (zips.length === 0) throw new UsageError(`${dir} has no ${BINARY_NAME}_<version>_${platform}.zip`);
  if (zips.length > 1) throw new UsageError(`${dir} has several releases for ${platform} (${zips.join(', ')}); pass one with --from ZIP`);
  return loadFromZip(path.join(dir, zips[0] as string));
}

/** The executable at `file` (normally the running one) as this version for this platform. */
export function loadExecutable(file: string, version: string, platform: string): ProviderPackage {
  return { version, platform, files: [{ name: executableName(version), data: fs.readFileSync(file), mode: 0o755 }], origin: file };
}

/** True when running as a Node single executable application (a release binary). */
export function runningAsSingleExecutable(): boolean {
  try {
    return (require('node:sea') as { isSea(): boolean }).isSea();
  } catch {
    return false;
  }
}

export interface InstallResult {
  /** The package directories written, one per registry host. */
  readonly dirs: string[];
  /** The h1: hash `init` will record for this package. */
  readonly h1: string;
}

/**
 * Writes `pkg` into the unpacked layout under `mirror` for both registry hosts. Each file is
 * written to a temporary name in its final directory and renamed over the old one, so a
 * concurrent `init` sees the old or the new package, never a half-written file or none, and a
 * running provider keeps its old inode (no "text file busy"). Files of an earlier package that
 * the new one lacks are removed (the h1: hash covers every file in the directory), and so is a
 * packed zip of the same version and platform, so the mirror offers one package, not two.
 */
export function installIntoMirror(pkg: ProviderPackage, mirror: string): InstallResult {
  const dirs: string[] = [];
  const wanted = new Set(pkg.files.map((f) => f.name));
  for (const address of PROVIDER_ADDRESSES) {
    const typeDir = path.join(mirror, ...address.split('/'));
    const target = path.join(typeDir, pkg.version, pkg.platform);
    if (isSymlink(target) || (fs.existsSync(target) && !fs.statSync(target).isDirectory())) fs.rmSync(target, { recursive: true, force: true });
    fs.mkdirSync(target, { recursive: true });
    for (const f of pkg.files) {
      const dest = path.join(target, ...f.name.split('/'));
      fs.mkdirSync(path.dirname(dest), { recursive: true });
      if (fs.existsSync(dest) && fs.lstatSync(dest).isDirectory()) fs.rmSync(dest, { recursive: true, force: true });
      const tmp = path.join(path.dirname(dest), `.${path.basename(dest)}.tmp-${crypto.randomBytes(6).toString('hex')}`);
      try {
        fs.writeFileSync(tmp, f.data, { mode: f.mode });
        fs.chmodSync(tmp, f.mode); // not subject to the umask
        fs.renameSync(tmp, dest);
      } catch (err) {
        fs.rmSync(tmp, { force: true });
        throw err;
      }
    }
    removeOthers(target, '', wanted);
    fs.rmSync(path.join(typeDir, releaseZipName(pkg.version, pkg.platform)), { force: true });
    dirs.push(target);
  }
  return { dirs, h1: packageHashV1(pkg.files) };
}

/** Deletes what is under `root` but not in `keep` (relative names), and directories left empty. */
function removeOthers(root: string, rel: string, keep: ReadonlySet<string>): void {
  for (const e of fs.readdirSync(path.join(root, rel), { withFileTypes: true })) {
    const name = rel ? `${rel}/${e.name}` : e.name;
    const full = path.join(root, name);
    if (e.isDirectory()) {
      removeOthers(root, name, keep);
      if (fs.readdirSync(full).length === 0) fs.rmdirSync(full);
    } else if (!keep.has(name)) {
      fs.rmSync(full, { force: true });
    }
  }
}

function isSymlink(p: string): boolean {
  try {
    return fs.lstatSync(p).isSymbolicLink();
  } catch {
    return false;
  }
}

/** An HCL quoted string (no template sequences). */
function hclString(s: string): string {
  return JSON.stringify(s).replace(/([$%])\{/g, (_m, c: string) => `${c}${c}{`);
}

/** The CLI configuration that installs coder/coder from `mirror` and everything else as usual. */
export function providerInstallationBlock(mirror: string): string {
  const list = `[${PROVIDER_ADDRESSES.map((a) => JSON.stringify(a)).join(', ')}]`;
  return [
    'provider_installation {',
    '  filesystem_mirror {',
    `    path    = ${hclString(mirror)}`,
    `    include = ${list}`,
    '  }',
    '  direct {',
    `    exclude = ${list}`,
    '  }',
    '}',
    '',
  ].join('\n');
}

export interface InstallIo {
  readonly stdout: (s: string) => void;
  readonly stderr: (s: string) => void;
  /** The executable installed when there is no --from. */
  readonly self: () => { file: string; isSingleExecutable: boolean };
  readonly home?: string;
}

const defaultIo: InstallIo = {
  stdout: (s) => writeFdSync(1, s),
  stderr: (s) => writeFdSync(2, s),
  self: () => {
    const sea = runningAsSingleExecutable();
    // Under node, argv[1] is the bundle script (dist/terraform-provider-coder).
    return { file: sea ? process.execPath : path.resolve(process.argv[1] ?? process.execPath), isSingleExecutable: sea };
  },
};

/** The whole command; returns the exit code (0 ok, 1 failure, 2 usage). */
export function runInstall(args: readonly string[], io: InstallIo = defaultIo): number {
  let parsed: InstallArgs | undefined;
  try {
    parsed = parseInstallArgs(args, io.home);
  } catch (err) {
    io.stderr(`${BINARY_NAME} install: ${(err as Error).message}\n\n${INSTALL_USAGE}`);
    return 2;
  }
  if (!parsed) {
    io.stdout(INSTALL_USAGE);
    return 0;
  }
  try {
    let pkg: ProviderPackage;
    if (parsed.from === undefined) {
      const self = io.self();
      if (!self.isSingleExecutable) {
        io.stderr(
          `note: ${self.file} is the Node.js bundle; it needs node on PATH wherever it runs. ` +
            'Install a release (--from) for a self-contained executable.\n',
        );
      }
      pkg = loadExecutable(self.file, PROVIDER_VERSION, hostPlatform());
    } else {
      const st = fs.statSync(parsed.from);
      pkg = st.isDirectory() ? loadFromReleaseDir(parsed.from, hostPlatform()) : loadFromZip(parsed.from);
    }
    const { dirs, h1 } = installIntoMirror(pkg, parsed.mirror);
    const lines = [
      `installed ${PROVIDER_ADDRESS} ${pkg.version} (${pkg.platform}) from ${pkg.origin}${pkg.verified ? ` (${pkg.verified})` : ''}`,
      ...dirs.map((d) => `  ${d}`),
      `lock file hash: ${h1}`,
    ];
    if (pkg.platform !== hostPlatform()) lines.push(`note: this package is for ${pkg.platform}; this machine is ${hostPlatform()}`);
    lines.push('CLI configuration (terraform: ~/.terraformrc, tofu: ~/.tofurc, or the file TF_CLI_CONFIG_FILE names):', '');
    io.stderr(lines.join('\n') + '\n');
    io.stdout(providerInstallationBlock(parsed.mirror));
    return 0;
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    io.stderr(`${BINARY_NAME} install: ${e.message}\n`);
    return err instanceof UsageError ? 2 : 1;
  }
}
