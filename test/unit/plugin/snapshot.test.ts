/**
 * The startup-snapshot build (scripts/snapshot.mjs, provider/plugin/snapshot-main.ts) with plain
 * node: V8 can save the heap, and a process resumed from it behaves as the provider does
 * (command line, cookie refusal, handshake). The single executable that embeds the same snapshot
 * is covered end to end by test/e2e/release-install.test.ts.
 */
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { generateCertificate } from '../../../provider/plugin/cert';

const REPO = path.resolve(__dirname, '../../..');
const COOKIE = { TF_PLUGIN_MAGIC_COOKIE: 'd602bf8f470bc67ca7faa0386276bbdd4330efaf76d1a219cb4d6991ca9872b2' };
let dir: string;
let runner: string;

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tpc-snapshot-test-'));
  execFileSync(process.execPath, [path.join(REPO, 'scripts', 'snapshot.mjs'), '--outdir', dir], { stdio: 'pipe' });
  runner = path.join(dir, 'terraform-provider-coder');
}, 120_000);

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

test('the snapshot holds the provider: a resumed process answers --version and --help', () => {
  expect(fs.statSync(path.join(dir, 'snapshot.blob')).size).toBeGreaterThan(1024 * 1024);
  const v = spawnSync(runner, ['--version'], { encoding: 'utf8' });
  expect(v.status).toBe(0);
  expect(v.stdout).toMatch(/^terraform-provider-coder v\d+\.\d+\.\d+\n$/);
  const h = spawnSync(runner, ['--help'], { encoding: 'utf8' });
  expect(h.status).toBe(0);
  expect(h.stdout).toContain('check');
});

test('without the magic cookie: the refusal text and exit 1, nothing on stdout', () => {
  const r = spawnSync(runner, [], { encoding: 'utf8', env: { PATH: process.env.PATH ?? '' } });
  expect(r.status).toBe(1);
  expect(r.stdout).toBe('');
  expect(r.stderr).toContain('This binary is a plugin');
});

test('in plugin mode it prints the handshake with a server certificate (AutoMTLS), then exits on SIGTERM', async () => {
  const env = { PATH: process.env.PATH ?? '', TMPDIR: os.tmpdir(), ...COOKIE, PLUGIN_PROTOCOL_VERSIONS: '5,6', PLUGIN_CLIENT_CERT: generateCertificate().certPem };
  const child = spawn(runner, [], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  const line = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (b: Buffer) => {
      out += b.toString();
      if (out.includes('\n')) resolve(out.slice(0, out.indexOf('\n')));
    });
    child.on('exit', (code) => reject(new Error(`exited ${code} before the handshake`)));
  });
  expect(line).toMatch(/^1\|6\|unix\|\/[^|]+\|grpc\|[A-Za-z0-9+/]{100,}$/);
  const code = await new Promise<number | null>((resolve) => {
    child.once('exit', (c) => resolve(c));
    child.kill('SIGTERM');
  });
  expect(code).toBe(0);
  // The socket directory is removed on exit.
  expect(fs.existsSync(path.dirname(line.split('|')[3]!))).toBe(false);
}, 30_000);
