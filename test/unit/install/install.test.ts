/**
 * `terraform-provider-coder install`: argument handling, reading and verifying a release, and the
 * mirror it writes. The end-to-end path (real release, real tofu init/plan/apply) is in
 * test/e2e/release-install.test.ts.
 */
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { packageHashV1 } from '../../../provider/install/dirhash';
import {
  UsageError,
  hostPlatform,
  installIntoMirror,
  loadFromReleaseDir,
  loadFromZip,
  parseInstallArgs,
  providerInstallationBlock,
  runInstall,
} from '../../../provider/install/install';
import { writeZip } from '../../../provider/install/zip';

const tmpDirs: string[] = [];
afterAll(() => tmpDirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));
const tmp = (): string => {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'tpc-install-'));
  tmpDirs.push(d);
  return d;
};

const EXE = Buffer.from('#!/bin/sh\necho "fake provider"\n');
const platform = hostPlatform();

/** A release directory like `npm run release` writes, with a fake executable. */
function fakeRelease(version = '2.17.0', opts: { sums?: 'ok' | 'wrong' | 'missing-entry' | 'none'; exeName?: string } = {}): { dir: string; zip: string } {
  const dir = tmp();
  const zipName = `terraform-provider-coder_${version}_${platform}.zip`;
  const zip = writeZip([
    { name: opts.exeName ?? `terraform-provider-coder_v${version}`, data: EXE, mode: 0o755 },
    { name: 'LICENSE', data: Buffer.from('license text\n'), mode: 0o644 },
  ]);
  fs.writeFileSync(path.join(dir, zipName), zip);
  const sum = crypto.createHash('sha256').update(zip).digest('hex');
  const sums = {
    ok: `${sum}  ${zipName}\n`,
    wrong: `${'0'.repeat(64)}  ${zipName}\n`,
    'missing-entry': `${sum}  something-else.zip\n`,
    none: undefined,
  }[opts.sums ?? 'ok'];
  if (sums !== undefined) fs.writeFileSync(path.join(dir, `terraform-provider-coder_${version}_SHA256SUMS`), sums);
  return { dir, zip: path.join(dir, zipName) };
}

describe('parseInstallArgs', () => {
  it('defaults the mirror to ~/.terraform.d/plugins, an implied mirror of both CLIs', () => {
    expect(parseInstallArgs([], '/home/alice')).toEqual({ mirror: '/home/alice/.terraform.d/plugins', from: undefined });
  });

  it('takes --mirror and --from as separate or = arguments, resolved to absolute paths', () => {
    expect(parseInstallArgs(['--mirror', '/m', '--from=/r/x.zip'], '/h')).toEqual({ mirror: '/m', from: '/r/x.zip' });
    expect(parseInstallArgs(['--from', 'rel', '--mirror=m'], '/h')).toEqual({ mirror: path.resolve('m'), from: path.resolve('rel') });
  });

  it('returns undefined for --help', () => {
    expect(parseInstallArgs(['--help'])).toBeUndefined();
  });

  it.each([
    [['--bogus'], /unknown argument "--bogus"/],
    [['--mirror'], /--mirror needs a value/],
    [['--from='], /--from needs a value/],
    [['--mirror', 'a', '--mirror', 'b'], /--mirror given twice/],
    [['extra'], /unknown argument "extra"/],
  ])('rejects %j', (args, message) => {
    expect(() => parseInstallArgs(args)).toThrow(message);
  });
});

describe('reading a release', () => {
  it('takes version and platform from the zip name and checks it against SHA256SUMS', () => {
    const { zip } = fakeRelease('2.17.0');
    const pkg = loadFromZip(zip);
    expect(pkg).toMatchObject({ version: '2.17.0', platform, verified: 'sha256 matches terraform-provider-coder_2.17.0_SHA256SUMS' });
    expect(pkg.files.map((f) => [f.name, f.mode])).toEqual([
      ['terraform-provider-coder_v2.17.0', 0o755],
      ['LICENSE', 0o644],
    ]);
  });

  it('refuses a zip whose sha256 differs from SHA256SUMS, or that SHA256SUMS does not list', () => {
    expect(() => loadFromZip(fakeRelease('2.17.0', { sums: 'wrong' }).zip)).toThrow(/does not match 0{64}/);
    expect(() => loadFromZip(fakeRelease('2.17.0', { sums: 'missing-entry' }).zip)).toThrow(/does not list/);
  });

  it('accepts a zip without SHA256SUMS, unverified', () => {
    expect(loadFromZip(fakeRelease('2.17.0', { sums: 'none' }).zip).verified).toBeUndefined();
  });

  it('refuses a zip without the versioned executable or with a foreign name', () => {
    expect(() => loadFromZip(fakeRelease('2.17.0', { exeName: 'terraform-provider-coder' }).zip)).toThrow(/has no terraform-provider-coder_v2.17.0/);
    const dir = tmp();
    fs.writeFileSync(path.join(dir, 'provider.zip'), writeZip([]));
    expect(() => loadFromZip(path.join(dir, 'provider.zip'))).toThrow(UsageError);
  });

  it('finds the zip for this platform in a release directory, and only one', () => {
    const { dir } = fakeRelease('2.17.0');
    expect(loadFromReleaseDir(dir, platform).version).toBe('2.17.0');
    expect(() => loadFromReleaseDir(dir, 'plan9_mips')).toThrow(/has no terraform-provider-coder_<version>_plan9_mips.zip/);
    fs.copyFileSync(path.join(dir, `terraform-provider-coder_2.17.0_${platform}.zip`), path.join(dir, `terraform-provider-coder_2.18.0_${platform}.zip`));
    expect(() => loadFromReleaseDir(dir, platform)).toThrow(/several releases/);
  });
});

describe('installIntoMirror', () => {
  it('writes the unpacked layout for both registry hosts with an executable provider', () => {
    const mirror = tmp();
    const pkg = loadFromZip(fakeRelease().zip);
    const { dirs, h1 } = installIntoMirror(pkg, mirror);
    expect(dirs).toEqual([
      path.join(mirror, 'registry.terraform.io/coder/coder/2.17.0', platform),
      path.join(mirror, 'registry.opentofu.org/coder/coder/2.17.0', platform),
    ]);
    for (const d of dirs) {
      expect(fs.readdirSync(d).sort()).toEqual(['LICENSE', 'terraform-provider-coder_v2.17.0']);
      const exe = path.join(d, 'terraform-provider-coder_v2.17.0');
      expect(fs.readFileSync(exe).equals(EXE)).toBe(true);
      expect(fs.statSync(exe).mode & 0o777).toBe(0o755);
    }
    expect(h1).toBe(packageHashV1(pkg.files));
  });

  it('replaces a previous package completely and drops a packed zip of the same version', () => {
    const mirror = tmp();
    const stale = path.join(mirror, 'registry.opentofu.org/coder/coder/2.17.0', platform);
    fs.mkdirSync(stale, { recursive: true });
    fs.writeFileSync(path.join(stale, 'leftover'), 'old');
    const packed = path.join(mirror, 'registry.opentofu.org/coder/coder', `terraform-provider-coder_2.17.0_${platform}.zip`);
    fs.writeFileSync(packed, 'zip');
    installIntoMirror(loadFromZip(fakeRelease().zip), mirror);
    expect(fs.readdirSync(stale).sort()).toEqual(['LICENSE', 'terraform-provider-coder_v2.17.0']);
    expect(fs.existsSync(packed)).toBe(false);
    // Nothing temporary is left next to the package.
    expect(fs.readdirSync(path.dirname(stale))).toEqual([platform]);
  });

  it('swaps files by rename: a process holding the old executable keeps it, stale subdirectories go', () => {
    const mirror = tmp();
    const dir = path.join(mirror, 'registry.terraform.io/coder/coder/2.17.0', platform);
    fs.mkdirSync(path.join(dir, 'docs'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'docs', 'old.md'), 'old docs');
    fs.writeFileSync(path.join(dir, 'terraform-provider-coder_v2.17.0'), 'old build');
    const fd = fs.openSync(path.join(dir, 'terraform-provider-coder_v2.17.0'), 'r');
    try {
      installIntoMirror(loadFromZip(fakeRelease().zip), mirror);
      expect(fs.readFileSync(fd, 'utf8')).toBe('old build');
    } finally {
      fs.closeSync(fd);
    }
    expect(fs.readFileSync(path.join(dir, 'terraform-provider-coder_v2.17.0')).equals(EXE)).toBe(true);
    expect(fs.readdirSync(dir).sort()).toEqual(['LICENSE', 'terraform-provider-coder_v2.17.0']);
  });
});

describe('providerInstallationBlock', () => {
  it('sends coder/coder to the mirror on both hosts and everything else direct', () => {
    expect(providerInstallationBlock('/opt/mirror')).toBe(
      [
        'provider_installation {',
        '  filesystem_mirror {',
        '    path    = "/opt/mirror"',
        '    include = ["registry.terraform.io/coder/coder", "registry.opentofu.org/coder/coder"]',
        '  }',
        '  direct {',
        '    exclude = ["registry.terraform.io/coder/coder", "registry.opentofu.org/coder/coder"]',
        '  }',
        '}',
        '',
      ].join('\n'),
    );
  });

  it('escapes what HCL would interpolate', () => {
    expect(providerInstallationBlock('/odd/${x}/%{y}')).toContain('path    = "/odd/$${x}/%%{y}"');
  });
});

describe('runInstall', () => {
  const capture = (selfFile = '/nonexistent') => {
    const out: string[] = [];
    const err: string[] = [];
    return {
      out,
      err,
      io: {
        stdout: (s: string) => void out.push(s),
        stderr: (s: string) => void err.push(s),
        self: () => ({ file: selfFile, isSingleExecutable: true }),
        home: tmp(),
      },
    };
  };

  it('prints only the CLI block on stdout and what it did on stderr', () => {
    const mirror = tmp();
    const { zip } = fakeRelease();
    const c = capture();
    expect(runInstall(['--mirror', mirror, '--from', zip], c.io)).toBe(0);
    expect(c.out.join('')).toBe(providerInstallationBlock(mirror));
    const log = c.err.join('');
    expect(log).toContain(`installed registry.terraform.io/coder/coder 2.17.0 (${platform}) from ${zip} (sha256 matches`);
    expect(log).toContain(`lock file hash: ${packageHashV1(loadFromZip(zip).files)}`);
  });

  it('installs the running executable when there is no --from', () => {
    const mirror = tmp();
    const self = path.join(tmp(), 'terraform-provider-coder');
    fs.writeFileSync(self, EXE);
    const c = capture(self);
    expect(runInstall(['--mirror', mirror], c.io)).toBe(0);
    const exe = path.join(mirror, 'registry.opentofu.org/coder/coder/2.17.0', platform, 'terraform-provider-coder_v2.17.0');
    expect(fs.readFileSync(exe).equals(EXE)).toBe(true);
    expect(c.err.join('')).toContain(`from ${self}`);
  });

  it('exits 2 with usage for bad arguments, 1 for a bad release, 0 with usage on stdout for --help', () => {
    const bad = capture();
    expect(runInstall(['--nope'], bad.io)).toBe(2);
    expect(bad.err.join('')).toMatch(/unknown argument[\s\S]*Usage: terraform-provider-coder install/);
    expect(bad.out).toEqual([]);

    const tampered = capture();
    expect(runInstall(['--mirror', tmp(), '--from', fakeRelease('2.17.0', { sums: 'wrong' }).zip], tampered.io)).toBe(1);
    expect(tampered.err.join('')).toMatch(/does not match/);
    expect(tampered.out).toEqual([]);

    const help = capture();
    expect(runInstall(['--help'], help.io)).toBe(0);
    expect(help.out.join('')).toMatch(/^Usage: terraform-provider-coder install/);
  });
});
