/**
 * Transport security of the real bundle (dist/terraform-provider-coder), with our own gRPC client:
 * who may talk to it (AutoMTLS client authentication), where it listens (a private unix socket,
 * whatever the umask, gone after every kind of exit, never TCP), and who may start it (the magic
 * cookie).
 *
 * plugin-mtls.test.ts and plugin-process.test.ts cover the same plugin code in a bundle built
 * around a fake provider (handshake cert, a self-signed stranger, plaintext clients, modes under
 * the default umask). Here: the shipped bundle, and what they do not cover — certificates issued by
 * another CA, expired and not-yet-valid certificates, refused clients unable to trigger anything
 * (not even Shutdown), modes under a permissive umask, socket removal after parent death, and the
 * absence of any TCP/UDP socket.
 */
import * as grpc from '@grpc/grpc-js';
import { X509Certificate, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, readlinkSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { derToPem, generateCertificate, randomSerial, signCertificate } from '../../provider/plugin/cert';
import {
  boolean,
  explicit,
  ia5String,
  implicitPrimitive,
  namedBits,
  octetString,
  oid,
  printableString,
  sequence,
  set,
  smallInteger,
  time,
  unsignedInteger,
} from '../../provider/plugin/der';
import {
  COOKIE,
  ROOT,
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
  type ClientIdentity,
  type Clients,
  type Handshake,
  type PluginProcess,
} from './plugin-harness';

jest.setTimeout(30_000);

const BIN = join(ROOT, 'dist/terraform-provider-coder');

// ---------------------------------------------------------------------------------------------
// Test certificates: like go-plugin's client certificate, but with chosen validity dates and,
// optionally, issued by a CA instead of self-signed. Test-only: the product never needs this.

interface TestCert extends ClientIdentity {
  readonly der: Buffer;
  readonly privateKey: KeyObject;
  /** DER Name of the subject (the issuer name of certificates this one signs). */
  readonly name: Buffer;
}

interface TestCertOptions {
  readonly commonName?: string;
  readonly organization?: string;
  readonly notBefore?: Date;
  readonly notAfter?: Date;
  /** Sign with this CA instead of self-signing. */
  readonly issuer?: TestCert;
  readonly isCA?: boolean;
}

const DAY = 24 * 3600 * 1000;

function distinguishedName(organization: string, commonName: string): Buffer {
  return sequence(set(sequence(oid('2.5.4.10'), printableString(organization))), set(sequence(oid('2.5.4.3'), printableString(commonName))));
}

function makeCert(opts: TestCertOptions = {}): TestCert {
  const { publicKey, privateKey } = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
  const name = distinguishedName(opts.organization ?? 'HashiCorp', opts.commonName ?? 'localhost');
  const isCA = opts.isCA ?? !opts.issuer;
  const ext = (id: string, critical: boolean, value: Buffer): Buffer =>
    critical ? sequence(oid(id), boolean(true), octetString(value)) : sequence(oid(id), octetString(value));
  const extensions = [
    ext('2.5.29.15', true, namedBits(isCA ? [0, 2, 4, 5] : [0, 2, 4])), // key usage
    ext('2.5.29.37', false, sequence(oid('1.3.6.1.5.5.7.3.2'), oid('1.3.6.1.5.5.7.3.1'))), // client + server auth
    ext('2.5.29.19', true, isCA ? sequence(boolean(true)) : sequence()), // basic constraints
    ext('2.5.29.17', false, sequence(implicitPrimitive(2, ia5String('localhost').subarray(2)))), // SAN localhost
  ];
  const tbs = sequence(
    explicit(0, smallInteger(2)),
    unsignedInteger(randomSerial()),
    sequence(oid('1.2.840.10045.4.3.2')),
    opts.issuer?.name ?? name,
    sequence(time(opts.notBefore ?? new Date(Date.now() - DAY)), time(opts.notAfter ?? new Date(Date.now() + 365 * DAY))),
    name,
    publicKey.export({ type: 'spki', format: 'der' }),
    explicit(3, sequence(...extensions)),
  );
  const der = signCertificate(tbs, opts.issuer?.privateKey ?? privateKey);
  return { der, certPem: derToPem(der), keyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(), privateKey, name };
}

// ---------------------------------------------------------------------------------------------

let tmp: string;
const opened: Clients[] = [];
/** Extra cleanups registered by a test (e.g. an orphaned plugin if the test fails). */
const afterCleanup: Array<() => void> = [];

beforeAll(() => {
  if (!existsSync(BIN)) throw new Error('dist/terraform-provider-coder is missing: run `npm run build` first');
});
beforeEach(() => {
  tmp = tempDir();
});
afterEach(() => {
  opened.splice(0).forEach((c) => c.close());
  afterCleanup.splice(0).forEach((f) => f());
  killAllChildren();
  removeDir(tmp);
});

function clients(hs: Handshake, creds: grpc.ChannelCredentials): Clients {
  const c = connect(hs, creds);
  opened.push(c);
  return c;
}

async function startTls(clientCertPem: string): Promise<{ p: PluginProcess; hs: Handshake }> {
  const p = startPlugin(BIN, pluginEnv({ TMPDIR: tmp, PLUGIN_CLIENT_CERT: clientCertPem }));
  return { p, hs: await p.handshake };
}

/** Credentials presenting `cert` (and its chain) to the plugin, trusting the plugin's certificate. */
function presenting(hs: Handshake, cert: ClientIdentity | null, chain: readonly TestCert[] = []): grpc.ChannelCredentials {
  if (!cert) return channelCredentials(hs, null);
  return grpc.credentials.createSsl(Buffer.from(hs.certPem!), Buffer.from(cert.keyPem), Buffer.from(cert.certPem + chain.map((c) => c.certPem).join('')));
}

describe('AutoMTLS: only the holder of a valid PLUGIN_CLIENT_CERT identity is served', () => {
  const legit = makeCert();
  const otherCa = makeCert({ organization: 'Other CA', commonName: 'Other CA', isCA: true });
  const fromOtherCa = makeCert({ issuer: otherCa });
  const expired = makeCert({ notBefore: new Date(Date.now() - 30 * DAY), notAfter: new Date(Date.now() - DAY) });
  const notYetValid = makeCert({ notBefore: new Date(Date.now() + DAY), notAfter: new Date(Date.now() + 30 * DAY) });

  test('the test certificates are what their names say', () => {
    const x = (c: TestCert): X509Certificate => new X509Certificate(c.der);
    expect(x(legit).verify(x(legit).publicKey)).toBe(true);
    expect(x(fromOtherCa).verify(x(otherCa).publicKey)).toBe(true);
    expect(x(fromOtherCa).checkIssued(x(otherCa))).toBe(true);
    expect(x(fromOtherCa).checkIssued(x(legit))).toBe(false);
    expect(x(fromOtherCa).checkHost('localhost')).toBe('localhost');
    expect(Date.parse(x(expired).validTo)).toBeLessThan(Date.now());
    expect(Date.parse(x(notYetValid).validFrom)).toBeGreaterThan(Date.now());
  });

  test('control: the PLUGIN_CLIENT_CERT identity is served', async () => {
    const { hs } = await startTls(legit.certPem);
    const c = clients(hs, presenting(hs, legit));
    expect(await unary(c.health, 'Check', { service: 'plugin' })).toEqual({ status: 1 });
    const schema = await unary<{ resourceSchemas: Record<string, unknown> }>(c.provider, 'GetProviderSchema', {});
    expect(Object.keys(schema.resourceSchemas)).toContain('coder_agent');
  });

  // [what the client presents, PLUGIN_CLIENT_CERT the provider was started with, chain sent]
  const refused: [string, TestCert | null, TestCert, TestCert[]][] = [
    ['no client certificate', null, legit, []],
    ['a certificate issued by another CA (chain included)', fromOtherCa, legit, [otherCa]],
    ['an expired certificate, though it is the one in PLUGIN_CLIENT_CERT', expired, expired, []],
    ['a certificate not valid yet, though it is the one in PLUGIN_CLIENT_CERT', notYetValid, notYetValid, []],
  ];

  test.each(refused)('%s: refused, cannot even shut the provider down, and the provider keeps serving', async (_name, presented, expected, chain) => {
    const { p, hs } = await startTls(expected.certPem);
    const intruder = clients(hs, presenting(hs, presented, chain));
    const failure = await unary(intruder.controller, 'Shutdown', {}, 3000).then(
      () => undefined,
      (e: grpc.ServiceError) => e,
    );
    expect(failure).toBeDefined();
    expect(failure!.code).toBe(grpc.status.UNAVAILABLE);
    await expect(unary(intruder.provider, 'GetProviderSchema', {}, 3000)).rejects.toMatchObject({ code: grpc.status.UNAVAILABLE });
    // Nothing was served: Shutdown would have ended the process.
    await sleep(300);
    expect(p.child.exitCode).toBeNull();
    expect(p.child.signalCode).toBeNull();
    // Still serving the legitimate identity, when it is usable at all (an expired one is not).
    if (presented !== expected) {
      const ok = clients(hs, presenting(hs, expected));
      expect(await unary(ok.health, 'Check', { service: 'plugin' })).toEqual({ status: 1 });
    }
  });
});

// ---------------------------------------------------------------------------------------------
// The socket

/** Socket inodes of a process's open file descriptors (Linux /proc). */
function socketInodes(pid: number): Set<string> {
  const out = new Set<string>();
  for (const fd of readdirSync(`/proc/${pid}/fd`)) {
    try {
      const m = /^socket:\[(\d+)\]$/.exec(readlinkSync(`/proc/${pid}/fd/${fd}`));
      if (m) out.add(m[1]!);
    } catch {
      // closed meanwhile
    }
  }
  return out;
}

/** Inodes listed in a /proc/net table (tcp, tcp6, udp, udp6: "inode" column). */
function inetInodes(table: string): Set<string> {
  const path = `/proc/net/${table}`;
  if (!existsSync(path)) return new Set();
  const lines = readFileSync(path, 'utf8').trim().split('\n');
  const header = lines[0]!.trim().split(/\s+/);
  // The header has "tx_queue rx_queue" and "tr tm->when" as two words each for one column.
  const col = header.indexOf('inode') - 2;
  return new Set(lines.slice(1).map((l) => l.trim().split(/\s+/)[col]!).filter(Boolean));
}

/** /proc/net/unix rows: inode → [path, listening]. */
function unixSockets(): Map<string, { path: string; listening: boolean }> {
  const out = new Map<string, { path: string; listening: boolean }>();
  for (const line of readFileSync('/proc/net/unix', 'utf8').trim().split('\n').slice(1)) {
    const f = line.trim().split(/\s+/);
    // Num RefCount Protocol Flags Type St Inode [Path]; Flags 00010000 = __SO_ACCEPTCON (listening)
    out.set(f[6]!, { path: f[7] ?? '', listening: (parseInt(f[3]!, 16) & 0x10000) !== 0 });
  }
  return out;
}

const linuxOnly = process.platform === 'linux' ? test : test.skip;

describe('the socket', () => {
  linuxOnly('one listening socket, the unix socket of the handshake; no TCP or UDP socket at all, even with clients connected', async () => {
    const legit = generateCertificate();
    const { p, hs } = await startTls(legit.certPem);
    const c = clients(hs, channelCredentials(hs, legit));
    await unary(c.provider, 'GetProviderSchema', {});
    await unary(c.health, 'Check', { service: 'plugin' });
    const pid = p.child.pid!;
    const mine = socketInodes(pid);
    const unix = unixSockets();
    const listening = [...mine].filter((i) => unix.get(i)?.listening);
    // Positive control: the inode matching finds the listener we know about.
    expect(listening.map((i) => unix.get(i)!.path)).toEqual([hs.address]);
    expect([...mine].some((i) => unix.has(i) && !unix.get(i)!.listening)).toBe(true); // the accepted connections
    for (const table of ['tcp', 'tcp6', 'udp', 'udp6']) {
      const inet = inetInodes(table);
      expect({ table, shared: [...mine].filter((i) => inet.has(i)) }).toEqual({ table, shared: [] });
    }
  });

  type Ending = 'GRPCController.Shutdown' | 'SIGTERM' | 'parent death (SIGKILL)';
  const endings: Ending[] = ['GRPCController.Shutdown', 'SIGTERM', 'parent death (SIGKILL)'];

  test.each(endings)('under umask 000: directory 0700, socket 0600; both gone after %s', async (ending) => {
    const legit = generateCertificate();
    const env = pluginEnv({ TMPDIR: tmp, PLUGIN_CLIENT_CERT: legit.certPem });
    let hs: Handshake;
    let gone: Promise<unknown>;
    let end: () => Promise<void>;
    if (ending === 'parent death (SIGKILL)') {
      // A parent that starts the plugin the way tofu does (exec, stdio inherited), then dies.
      const parentScript = `
        process.umask(0);
        const c = require('child_process').spawn(process.argv[1], [], { stdio: ['ignore', 'inherit', 'inherit'] });
        require('fs').writeSync(2, 'child-pid:' + c.pid + '\\n');
        setInterval(() => {}, 1000);`;
      const parent = spawn(process.execPath, ['-e', parentScript, BIN], { env, stdio: ['ignore', 'pipe', 'pipe'] });
      let out = '';
      let err = '';
      parent.stdout!.setEncoding('utf8').on('data', (d: string) => (out += d));
      parent.stderr!.setEncoding('utf8').on('data', (d: string) => (err += d));
      // stdout closes once every holder (the orphaned plugin too) has exited.
      gone = new Promise<void>((res) => parent.stdout!.on('close', () => res()));
      for (let i = 0; i < 200 && !(out.includes('\n') && /child-pid:\d+/.test(err)); i++) await sleep(50);
      const pluginPid = Number(/child-pid:(\d+)/.exec(err)?.[1]);
      hs = parseHandshake(out.split('\n')[0]!);
      end = async () => {
        parent.kill('SIGKILL');
      };
      // Never leave the orphan behind if the test fails.
      afterCleanup.push(() => {
        parent.kill('SIGKILL');
        try {
          if (pluginPid) process.kill(pluginPid, 'SIGKILL');
        } catch {
          // gone, as it should be
        }
      });
    } else {
      const p = startPlugin('/bin/sh', env, ['-c', 'umask 000; exec "$0"', BIN]);
      hs = await p.handshake;
      gone = p.exited;
      end = async () => {
        if (ending === 'SIGTERM') p.child.kill('SIGTERM');
        else {
          const c = clients(hs, channelCredentials(hs, legit));
          await unary(c.controller, 'Shutdown', {});
        }
      };
    }
    expect(dirname(dirname(hs.address))).toBe(tmp);
    expect(statSync(dirname(hs.address)).mode & 0o777).toBe(0o700);
    expect(statSync(hs.address).isSocket()).toBe(true);
    expect(statSync(hs.address).mode & 0o777).toBe(0o600);
    await end();
    expect(await settlesWithin(gone, 10_000)).toBe(true); // generous: timing is measured in lifecycle tests
    expect(existsSync(hs.address)).toBe(false);
    expect(existsSync(dirname(hs.address))).toBe(false);
    expect(listDir(tmp)).toEqual([]);
  });
});

describe('the magic cookie', () => {
  test.each([
    ['absent', undefined],
    ['wrong', `${COOKIE.slice(0, -1)}0`],
  ])('%s: the real bundle refuses with go-plugin\'s text, exit 1, no handshake, nothing on disk', async (_name, cookie) => {
    const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, TMPDIR: tmp, PLUGIN_PROTOCOL_VERSIONS: '5,6' };
    if (cookie !== undefined) env.TF_PLUGIN_MAGIC_COOKIE = cookie;
    const p = startPlugin(BIN, env);
    const exit = await p.exited;
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
