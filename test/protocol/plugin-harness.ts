/**
 * Shared harness for the plugin-process tests: builds the real entry point (with a fake provider)
 * into a temp dir, spawns it like go-plugin does, parses the handshake and makes gRPC clients.
 * Every spawned child is tracked so afterEach can kill it: a test must never leave a server behind.
 */
import * as grpc from '@grpc/grpc-js';
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { derToPem } from '../../provider/plugin/cert';
import { goPluginServices, providerServiceDefinition } from '../../provider/protocol/register';

export const ROOT = resolve(__dirname, '../..');
export const COOKIE = 'd602bf8f470bc67ca7faa0386276bbdd4330efaf76d1a219cb4d6991ca9872b2';

/** Builds main.ts with the fake provider via scripts/build.mjs; returns the executable's path. */
export function buildFakeBundle(): { bin: string; dir: string } {
  const dir = mkdtempSync(join(tmpdir(), 'tpc-bundle-'));
  execFileSync(
    process.execPath,
    // No code cache: warming it up runs the bundle, and the fake provider crashes on purpose in some tests.
    [join(ROOT, 'scripts/build.mjs'), '--outdir', dir, '--provider-module', join(__dirname, 'plugin-fake-provider.ts'), '--no-code-cache'],
    { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'], timeout: 60_000 },
  );
  return { bin: join(dir, 'terraform-provider-coder'), dir };
}

export interface Handshake {
  readonly line: string;
  readonly fields: readonly string[];
  readonly protocol: number;
  readonly network: string;
  readonly address: string;
  /** Field 6 as printed (unpadded base64), '' when plaintext. */
  readonly certField: string;
  readonly certDer?: Buffer;
  readonly certPem?: string;
}

export function parseHandshake(line: string): Handshake {
  const fields = line.trim().split('|');
  const certField = fields[5] ?? '';
  const certDer = certField ? Buffer.from(certField, 'base64') : undefined;
  return {
    line,
    fields,
    protocol: Number(fields[1]),
    network: fields[2] ?? '',
    address: fields[3] ?? '',
    certField,
    certDer,
    certPem: certDer ? derToPem(certDer) : undefined,
  };
}

export interface Exit {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  /** performance.now() when the child exited. */
  readonly at: number;
}

export interface PluginProcess {
  readonly child: ChildProcess;
  stdout(): string;
  stderr(): string;
  /** Resolves with the first stdout line; rejects if the process exits first or after 10 s. */
  readonly handshake: Promise<Handshake>;
  readonly exited: Promise<Exit>;
}

const children = new Set<ChildProcess>();

/** Kill every child a test left running (afterEach). */
export function killAllChildren(): void {
  for (const child of children) {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  }
  children.clear();
}

export function pluginEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH,
    TF_PLUGIN_MAGIC_COOKIE: COOKIE,
    PLUGIN_PROTOCOL_VERSIONS: '5,6',
    PLUGIN_MIN_PORT: '10000',
    PLUGIN_MAX_PORT: '25000',
    ...extra,
  };
}

export function startPlugin(bin: string, env: NodeJS.ProcessEnv, args: readonly string[] = []): PluginProcess {
  // stdin is /dev/null, as for `tofu apply < /dev/null` in CI: EOF on stdin must not stop us.
  const child = spawn(bin, [...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  children.add(child);
  let out = '';
  let err = '';
  child.stdout!.setEncoding('utf8').on('data', (d: string) => (out += d));
  child.stderr!.setEncoding('utf8').on('data', (d: string) => (err += d));
  // Timed at 'exit' (the moment the process ended) but resolved at 'close', once stdout/stderr
  // are drained, so assertions on output see all of it.
  const exited = new Promise<Exit>((res) => {
    let at = 0;
    child.on('exit', () => (at = performance.now()));
    child.on('close', (code, signal) => res({ code, signal, at: at || performance.now() }));
  });
  const handshake = new Promise<Handshake>((res, rej) => {
    const timer = setTimeout(() => rej(new Error(`no handshake within 10 s; stderr: ${err}`)), 10_000);
    const onData = (): void => {
      const nl = out.indexOf('\n');
      if (nl >= 0) {
        clearTimeout(timer);
        child.stdout!.off('data', onData);
        res(parseHandshake(out.slice(0, nl + 1)));
      }
    };
    child.stdout!.on('data', onData);
    void exited.then((e) => {
      clearTimeout(timer);
      rej(new Error(`exited (${e.code ?? e.signal}) before the handshake; stderr: ${err}`));
    });
  });
  handshake.catch(() => undefined); // tests that expect no handshake must not see an unhandled rejection
  return { child, stdout: () => out, stderr: () => err, handshake, exited };
}

export function tempDir(prefix = 'tpc-t-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

export function removeDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

export const listDir = (dir: string): string[] => readdirSync(dir);

export interface ClientIdentity {
  readonly certPem: string;
  readonly keyPem: string;
}

export interface Clients {
  readonly health: grpc.Client;
  readonly controller: grpc.Client;
  readonly stdio: grpc.Client;
  readonly broker: grpc.Client;
  readonly provider: grpc.Client;
  close(): void;
}

export function channelCredentials(hs: Handshake, identity?: ClientIdentity | null): grpc.ChannelCredentials {
  if (!hs.certPem) return grpc.credentials.createInsecure();
  return grpc.credentials.createSsl(
    Buffer.from(hs.certPem),
    identity ? Buffer.from(identity.keyPem) : null,
    identity ? Buffer.from(identity.certPem) : null,
  );
}

/** Clients for every service, on separate channels to the plugin's socket. */
export function connect(hs: Handshake, creds: grpc.ChannelCredentials, protocol = hs.protocol): Clients {
  const target = `unix:${hs.address}`;
  // go-plugin's client verifies the server for host name "localhost".
  const options: grpc.ChannelOptions = { 'grpc.ssl_target_name_override': 'localhost', 'grpc.default_authority': 'localhost' };
  const make = (def: grpc.ServiceDefinition, name: string): grpc.Client => {
    const Ctor = grpc.makeGenericClientConstructor(def as grpc.ServiceDefinition, name);
    return new Ctor(target, creds, options);
  };
  const clients = {
    health: make(goPluginServices.health, 'Health'),
    controller: make(goPluginServices.controller, 'GRPCController'),
    stdio: make(goPluginServices.stdio, 'GRPCStdio'),
    broker: make(goPluginServices.broker, 'GRPCBroker'),
    provider: make(providerServiceDefinition(protocol === 5 ? 5 : 6), 'Provider'),
  };
  return { ...clients, close: () => Object.values(clients).forEach((c) => c.close()) };
}

/** Promisified unary call with a deadline. */
export function unary<T = Record<string, unknown>>(client: grpc.Client, methodName: string, request: object, timeoutMs = 5000): Promise<T> {
  return new Promise((res, rej) => {
    const fn = (client as unknown as Record<string, Function>)[methodName];
    if (!fn) throw new Error(`no method ${methodName}`);
    fn.call(client, request, { deadline: Date.now() + timeoutMs }, (err: grpc.ServiceError | null, value: T) =>
      err ? rej(err) : res(value),
    );
  });
}

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** Resolves true if `p` settles within `ms`. */
export async function settlesWithin(p: Promise<unknown>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((r) => {
    timer = setTimeout(() => r(false), ms);
  });
  const result = await Promise.race([p.then(() => true as const, () => true as const), timeout]);
  clearTimeout(timer);
  return result;
}
