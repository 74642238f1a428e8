/**
 * The built executable, started the way go-plugin starts it: cookie, protocol negotiation,
 * handshake, socket permissions, auxiliary services, shutdown, signals, parent death, crashes.
 */
import * as grpc from '@grpc/grpc-js';
import { spawn } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import {
  buildFakeBundle,
  channelCredentials,
  connect,
  killAllChildren,
  listDir,
  parseHandshake,
  pluginEnv,
  removeDir,
  settlesWithin,
  sleep,
  startPlugin,
  tempDir,
  unary,
  type Clients,
  type PluginProcess,
} from './plugin-harness';

jest.setTimeout(20_000);

let bin: string;
let bundleDir: string;
let tmp: string;
let clients: Clients | undefined;

beforeAll(() => {
  ({ bin, dir: bundleDir } = buildFakeBundle());
}, 60_000);
afterAll(() => removeDir(bundleDir));

beforeEach(() => {
  tmp = tempDir();
});
afterEach(() => {
  clients?.close();
  clients = undefined;
  killAllChildren();
  removeDir(tmp);
});

/** Starts the plugin with TMPDIR pointing at this test's own directory. */
function start(extra: NodeJS.ProcessEnv = {}, args: string[] = []): PluginProcess {
  return startPlugin(bin, pluginEnv({ TMPDIR: tmp, ...extra }), args);
}

async function startConnected(extra: NodeJS.ProcessEnv = {}): Promise<{ p: PluginProcess; c: Clients }> {
  const p = start(extra);
  const hs = await p.handshake;
  clients = connect(hs, channelCredentials(hs));
  return { p, c: clients };
}

describe('without the magic cookie', () => {
  test.each([
    ['absent', {}],
    ['wrong', { TF_PLUGIN_MAGIC_COOKIE: 'nope' }],
  ])('%s cookie: refusal text on stderr, exit 1, empty stdout', async (_name, env) => {
    const p = startPlugin(bin, { PATH: process.env.PATH, TMPDIR: tmp, ...env });
    const exit = await p.exited;
    await sleep(20);
    expect(exit.code).toBe(1);
    expect(p.stdout()).toBe('');
    expect(p.stderr()).toBe(
      'This binary is a plugin. These are not meant to be executed directly.\n' +
        'Please execute the program that consumes these plugins, which will\n' +
        'load any plugins automatically\n',
    );
    expect(listDir(tmp)).toEqual([]);
  });
});

describe('command line', () => {
  test('--version prints the version and exits 0', async () => {
    const p = startPlugin(bin, { PATH: process.env.PATH }, ['--version']);
    expect((await p.exited).code).toBe(0);
    expect(p.stdout()).toBe('terraform-provider-coder v2.17.0\n');
  });

  test('an unknown subcommand prints usage on stderr and exits 2', async () => {
    const p = startPlugin(bin, { PATH: process.env.PATH }, ['frobnicate']);
    expect((await p.exited).code).toBe(2);
    await sleep(20);
    expect(p.stdout()).toBe('');
    expect(p.stderr()).toMatch(/unknown command or flag "frobnicate"[\s\S]*Usage: terraform-provider-coder/);
  });

  test('--help prints usage on stdout', async () => {
    const p = startPlugin(bin, { PATH: process.env.PATH }, ['--help']);
    expect((await p.exited).code).toBe(0);
    expect(p.stdout()).toMatch(/^Usage: terraform-provider-coder/);
  });
});

describe('protocol negotiation and handshake', () => {
  test.each([
    ['5,6', 6],
    ['6,5', 6],
    ['5', 5],
    ['6', 6],
  ])('PLUGIN_PROTOCOL_VERSIONS=%s → %i, and that service answers', async (versions, expected) => {
    const p = start({ PLUGIN_PROTOCOL_VERSIONS: versions });
    const hs = await p.handshake;
    expect(hs.protocol).toBe(expected);
    expect(hs.line).toBe(`1|${expected}|unix|${hs.address}|grpc|\n`);
    clients = connect(hs, channelCredentials(hs));
    const schema = await unary(clients.provider, expected === 6 ? 'GetProviderSchema' : 'GetSchema', {});
    expect(Object.keys(schema.dataSourceSchemas as object).sort()).toEqual(['crash', 'log', 'slow']);
    // The other version's service is not registered.
    const other = connect(hs, channelCredentials(hs), expected === 6 ? 5 : 6);
    try {
      await expect(unary(other.provider, expected === 6 ? 'GetSchema' : 'GetProviderSchema', {})).rejects.toMatchObject({
        code: grpc.status.UNIMPLEMENTED,
      });
    } finally {
      other.close();
    }
  });

  test('non-integer versions are skipped with a warning on stderr', async () => {
    const p = start({ PLUGIN_PROTOCOL_VERSIONS: 'five,5' });
    expect((await p.handshake).protocol).toBe(5);
    await sleep(50);
    const warn = p
      .stderr()
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as Record<string, unknown>)
      .find((l) => l.entry === 'five');
    expect(warn).toMatchObject({ '@level': 'warn', '@module': 'provider.terraform-provider-coder' });
  });

  test('no overlap: answers with 5 (the client reports the mismatch)', async () => {
    const p = start({ PLUGIN_PROTOCOL_VERSIONS: '4' });
    expect((await p.handshake).protocol).toBe(5);
  });

  test('socket in a private 0700 directory, socket 0600, both removed after Shutdown; stdout is one line', async () => {
    const { p, c } = await startConnected({ TF_LOG: 'debug' });
    const hs = await p.handshake;
    expect(hs.network).toBe('unix');
    expect(dirname(dirname(hs.address))).toBe(tmp);
    expect(Buffer.byteLength(hs.address)).toBeLessThan(104);
    expect(statSync(dirname(hs.address)).mode & 0o777).toBe(0o700);
    const st = statSync(hs.address);
    expect(st.isSocket()).toBe(true);
    expect(st.mode & 0o777).toBe(0o600);

    // Stray console/stdout output from provider code goes to the log, never to stdout.
    await unary(c.provider, 'ReadDataSource', { typeName: 'log' });
    await sleep(50);
    expect(p.stderr()).toContain('stray stdout write');
    expect(p.stderr()).toContain('stray console.log');

    const sent = performance.now();
    await unary(c.controller, 'Shutdown', {});
    const exit = await p.exited;
    const elapsed = exit.at - sent;
    // eslint-disable-next-line no-console
    console.info(`Shutdown RPC → process exit: ${elapsed.toFixed(1)} ms`);
    expect(exit.code).toBe(0);
    expect(elapsed).toBeLessThan(1000);
    expect(existsSync(hs.address)).toBe(false);
    expect(listDir(tmp)).toEqual([]);
    expect(p.stdout()).toBe(hs.line);
    expect(p.stdout().split('\n')).toHaveLength(2);
  });

  test('messages above grpc-js\' 4 MiB default are accepted (256 MiB limit)', async () => {
    const { c } = await startConnected();
    const config = { msgpack: Buffer.alloc(6 * 1024 * 1024, 0xc0) };
    await expect(unary(c.provider, 'ValidateDataResourceConfig', { typeName: 'slow', config }, 10_000)).resolves.toMatchObject({
      diagnostics: [],
    });
  });

  test('PLUGIN_UNIX_SOCKET_DIR is honoured', async () => {
    const dir = tempDir('tpc-sd-');
    try {
      const p = start({ PLUGIN_UNIX_SOCKET_DIR: dir });
      const hs = await p.handshake;
      expect(dirname(dirname(hs.address))).toBe(dir);
      p.child.kill('SIGTERM');
      await p.exited;
      expect(listDir(dir)).toEqual([]);
    } finally {
      removeDir(dir);
    }
  });

  test('every stderr line is an hclog JSON object with a 6-digit timestamp', async () => {
    const { p, c } = await startConnected({ TF_LOG: 'trace' });
    await unary(c.provider, 'GetProviderSchema', {});
    await unary(c.provider, 'ReadDataSource', { typeName: 'log' });
    await unary(c.controller, 'Shutdown', {});
    await p.exited;
    const lines = p.stderr().split('\n').filter(Boolean);
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) {
      const entry = JSON.parse(line) as Record<string, unknown>;
      expect(entry['@timestamp']).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}(Z|[+-]\d{2}:\d{2})$/);
      expect(['trace', 'debug', 'info', 'warn', 'error']).toContain(entry['@level']);
      expect(entry['@module']).toBe('provider.terraform-provider-coder');
    }
  });
});

describe('auxiliary go-plugin services', () => {
  test('health: "plugin" and "" are SERVING, others NOT_FOUND; Watch stays open', async () => {
    const { c } = await startConnected();
    expect(await unary(c.health, 'Check', { service: 'plugin' })).toEqual({ status: 1 });
    expect(await unary(c.health, 'Check', { service: '' })).toEqual({ status: 1 });
    await expect(unary(c.health, 'Check', { service: 'nope' })).rejects.toMatchObject({ code: grpc.status.NOT_FOUND });

    const watch = (c.health as unknown as { Watch(req: object): grpc.ClientReadableStream<{ status: number }> }).Watch({
      service: 'plugin',
    });
    const first = await new Promise<{ status: number }>((res) => watch.once('data', res));
    expect(first.status).toBe(1);
    const ended = new Promise<void>((res) => watch.on('status', () => res()));
    watch.on('error', () => undefined);
    expect(await settlesWithin(ended, 200)).toBe(false); // still open
    await unary(c.controller, 'Shutdown', {});
    expect(await settlesWithin(ended, 2000)).toBe(true); // closed at shutdown
  });

  test('stdio and broker streams open, idle, and end at shutdown', async () => {
    const { p, c } = await startConnected();
    const stdio = (c.stdio as unknown as { StreamStdio(req: object): grpc.ClientReadableStream<unknown> }).StreamStdio({});
    const broker = (c.broker as unknown as { StartStream(): grpc.ClientDuplexStream<object, unknown> }).StartStream();
    const data: unknown[] = [];
    stdio.on('data', (d) => data.push(d));
    stdio.on('error', () => undefined);
    broker.on('data', (d) => data.push(d));
    broker.on('error', () => undefined);
    const stdioEnded = new Promise<void>((res) => stdio.on('status', () => res()));
    const brokerEnded = new Promise<void>((res) => broker.on('status', () => res()));
    broker.write({ serviceId: 1, network: 'unix', address: '/nowhere' });
    expect(await settlesWithin(Promise.race([stdioEnded, brokerEnded]), 300)).toBe(false);
    await unary(c.controller, 'Shutdown', {});
    expect(await settlesWithin(Promise.all([stdioEnded, brokerEnded]), 2000)).toBe(true);
    expect(data).toEqual([]);
    expect((await p.exited).code).toBe(0);
  });

  test('broker: closing our side ends the stream without stopping the server', async () => {
    const { p, c } = await startConnected();
    const broker = (c.broker as unknown as { StartStream(): grpc.ClientDuplexStream<object, unknown> }).StartStream();
    broker.on('data', () => undefined);
    const status = new Promise<grpc.StatusObject>((res) => broker.on('status', res));
    broker.end();
    expect((await status).code).toBe(grpc.status.OK);
    expect(await unary(c.health, 'Check', { service: 'plugin' })).toEqual({ status: 1 });
    expect(p.child.exitCode).toBeNull();
  });
});

describe('signals and lifecycle', () => {
  test('SIGINT is ignored: in-flight calls finish and the server keeps serving', async () => {
    const { p, c } = await startConnected({ TF_LOG: 'debug' });
    const slow = unary(c.provider, 'ReadDataSource', { typeName: 'slow' });
    await sleep(100);
    p.child.kill('SIGINT');
    await sleep(300);
    expect(p.child.exitCode).toBeNull();
    p.child.kill('SIGINT');
    await expect(slow).resolves.toMatchObject({ diagnostics: [] });
    expect(await unary(c.health, 'Check', { service: 'plugin' })).toEqual({ status: 1 });
    expect(p.stderr()).toContain('ignoring interrupt');
  });

  test('SIGTERM exits 0 and removes the socket directory', async () => {
    const { p } = await startConnected();
    const hs = await p.handshake;
    p.child.kill('SIGTERM');
    const exit = await p.exited;
    expect(exit.code).toBe(0);
    expect(existsSync(dirname(hs.address))).toBe(false);
    expect(listDir(tmp)).toEqual([]);
  });

  test('stdin at EOF (like `tofu apply < /dev/null`) does not stop the server', async () => {
    const { p, c } = await startConnected();
    await sleep(500);
    expect(p.child.exitCode).toBeNull();
    expect(await unary(c.health, 'Check', { service: 'plugin' })).toEqual({ status: 1 });
  });

  test('parent death (SIGKILL of the parent) → exit within ~1 s, socket removed', async () => {
    // A parent that starts the plugin the way tofu does (stdio inherited), then gets SIGKILLed.
    const parentScript = `
      const c = require('child_process').spawn(process.argv[1], [], { stdio: ['ignore', 'inherit', 'inherit'] });
      require('fs').writeSync(2, 'child-pid:' + c.pid + '\\n');
      setInterval(() => {}, 1000);`;
    const parent = spawn(process.execPath, ['-e', parentScript, bin], {
      env: pluginEnv({ TMPDIR: tmp }),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    parent.stdout!.setEncoding('utf8').on('data', (d: string) => (out += d));
    parent.stderr!.setEncoding('utf8').on('data', (d: string) => (err += d));
    // The pipes close only when every holder (the orphaned plugin too) has exited.
    const pipesClosed = new Promise<void>((res) => parent.stdout!.on('close', () => res()));
    let pluginPid = 0;
    try {
      for (let i = 0; i < 100 && !(out.includes('\n') && /child-pid:\d+/.test(err)); i++) await sleep(50);
      pluginPid = Number(/child-pid:(\d+)/.exec(err)?.[1]);
      const hs = parseHandshake(out.split('\n')[0]!);
      expect(hs.protocol).toBe(6);
      parent.kill('SIGKILL');
      const killedAt = performance.now();
      expect(await settlesWithin(pipesClosed, 3000)).toBe(true);
      const gone = performance.now() - killedAt;
      // eslint-disable-next-line no-console
      console.info(`parent SIGKILL → plugin gone: ${gone.toFixed(0)} ms`);
      expect(gone).toBeLessThan(1500);
      expect(existsSync(hs.address)).toBe(false);
      expect(listDir(tmp)).toEqual([]);
    } finally {
      parent.kill('SIGKILL');
      if (pluginPid) {
        try {
          process.kill(pluginPid, 'SIGKILL');
        } catch {
          // already gone (the expected case)
        }
      }
    }
  });

  test('an uncaught exception: "panic: " + stack on stderr, exit 2, socket removed', async () => {
    const { p, c } = await startConnected();
    const hs = await p.handshake;
    await unary(c.provider, 'ReadDataSource', { typeName: 'crash' }).catch(() => undefined);
    const exit = await p.exited;
    expect(exit.code).toBe(2);
    const stderr = p.stderr();
    expect(stderr).toMatch(/^panic: fake provider crashed on purpose\n\nError: fake provider crashed on purpose\n\s+at /m);
    expect(existsSync(hs.address)).toBe(false);
    expect(listDir(tmp)).toEqual([]);
    expect(p.stdout()).toBe(hs.line);
  });
});

describe('--debug (reattach) mode', () => {
  test('serves plaintext v6 without a cookie, prints TF_REATTACH_PROVIDERS, stops on SIGINT', async () => {
    const p = startPlugin(bin, { PATH: process.env.PATH, TMPDIR: tmp }, ['--debug']);
    let line = '';
    for (let i = 0; i < 200 && !line; i++) {
      line = p.stdout().split('\n').find((l) => l.includes('TF_REATTACH_PROVIDERS=')) ?? '';
      if (!line) await sleep(25);
    }
    const match = /TF_REATTACH_PROVIDERS='(.*)'$/.exec(line.trim());
    expect(match).not.toBeNull();
    const config = JSON.parse(match![1]!) as Record<string, { Protocol: string; ProtocolVersion: number; Pid: number; Test: boolean; Addr: { Network: string; String: string } }>;
    const entry = config['registry.terraform.io/coder/coder']!;
    expect(entry).toMatchObject({ Protocol: 'grpc', ProtocolVersion: 6, Pid: p.child.pid, Test: true, Addr: { Network: 'unix' } });
    const tofuLine = p.stdout().split('\n').find((l) => l.includes('registry.opentofu.org/coder/coder')) ?? '';
    expect(tofuLine.trim()).toBe(line.trim().replace('registry.terraform.io', 'registry.opentofu.org'));
    const hs = parseHandshake(`1|6|unix|${entry.Addr.String}|grpc|`);
    clients = connect(hs, grpc.credentials.createInsecure());
    await unary(clients.provider, 'GetProviderSchema', {});
    p.child.kill('SIGINT');
    expect((await p.exited).code).toBe(0);
    expect(existsSync(entry.Addr.String)).toBe(false);
    expect(listDir(tmp)).toEqual([]);
  });
});
