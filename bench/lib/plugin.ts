/**
 * Starting a provider the way tofu's go-plugin client does, for the start-up and per-RPC figures:
 * the magic cookie, PLUGIN_PROTOCOL_VERSIONS, PLUGIN_CLIENT_CERT (AutoMTLS: a fresh client
 * certificate, passed as PEM) and tofu's own environment (the Coder build variables), then the
 * handshake line parsed and a TLS gRPC connection that presents the client certificate.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { generateCertificate, type GeneratedCertificate } from '../../provider/plugin/cert';
import { coderBuildEnv } from '../../test/e2e/harness';
import { channelCredentials, connect, COOKIE, parseHandshake, unary, type Clients, type Handshake } from '../../test/protocol/plugin-harness';

export type ClientIdentity = GeneratedCertificate;

export function clientIdentity(): ClientIdentity {
  return generateCertificate();
}

export interface PluginEnvOptions {
  readonly identity: ClientIdentity;
  readonly tmpdir: string;
  /** Protocol versions the client offers (tofu: "5,6"). */
  readonly versions?: string;
  readonly extra?: Record<string, string>;
}

/** What a provider process inherits from tofu during a Coder workspace build. */
export function tofuPluginEnv(opts: PluginEnvOptions): Record<string, string> {
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: opts.tmpdir,
    TMPDIR: opts.tmpdir,
    LANG: 'C.UTF-8',
    CHECKPOINT_DISABLE: '1',
    TF_IN_AUTOMATION: '1',
  };
  for (const [k, v] of Object.entries(coderBuildEnv())) if (v !== undefined) env[k] = v;
  Object.assign(env, {
    TF_PLUGIN_MAGIC_COOKIE: COOKIE,
    PLUGIN_PROTOCOL_VERSIONS: opts.versions ?? '5,6',
    PLUGIN_MIN_PORT: '10000',
    PLUGIN_MAX_PORT: '25000',
    PLUGIN_CLIENT_CERT: opts.identity.certPem,
    ...(opts.extra ?? {}),
  });
  return env;
}

export interface StartedPlugin {
  readonly child: ChildProcess;
  /** ms from spawn() to the complete handshake line on stdout. */
  readonly handshakeMs: number;
  readonly handshake: Handshake;
  readonly spawnedAt: number;
  stderr(): string;
}

/** Spawns `bin` and resolves once it printed its handshake (rejects on exit or after `timeoutMs`). */
export function startProvider(bin: string, env: Record<string, string>, timeoutMs = 20_000): Promise<StartedPlugin> {
  return new Promise((resolve, reject) => {
    const spawnedAt = performance.now();
    const child = spawn(bin, [], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    let done = false;
    const fail = (e: Error): void => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      child.kill('SIGKILL');
      reject(e);
    };
    const timer = setTimeout(() => fail(new Error(`no handshake from ${bin} within ${timeoutMs} ms; stderr: ${err.slice(-2000)}`)), timeoutMs);
    child.stderr!.setEncoding('utf8').on('data', (d: string) => (err += d));
    child.stdout!.setEncoding('utf8').on('data', (d: string) => {
      if (done) return;
      out += d;
      const nl = out.indexOf('\n');
      if (nl < 0) return;
      const handshakeMs = performance.now() - spawnedAt;
      done = true;
      clearTimeout(timer);
      resolve({ child, handshakeMs, handshake: parseHandshake(out.slice(0, nl + 1)), spawnedAt, stderr: () => err });
    });
    child.on('error', (e) => fail(e));
    child.on('exit', (code, signal) => fail(new Error(`${bin} exited (${code ?? signal}) before its handshake; stderr: ${err.slice(-2000)}`)));
  });
}

/** gRPC clients to a started provider, over TLS with the client certificate when it printed one. */
export function connectProvider(p: StartedPlugin, identity: ClientIdentity): Clients {
  return connect(p.handshake, channelCredentials(p.handshake, identity), p.handshake.protocol);
}

/** Stops a provider like tofu does (GRPCController.Shutdown), then makes sure it is gone. */
export async function stopProvider(p: StartedPlugin, clients: Clients | undefined): Promise<void> {
  const exited = new Promise<void>((r) => {
    if (p.child.exitCode !== null || p.child.signalCode !== null) r();
    else p.child.once('exit', () => r());
  });
  if (clients) {
    await unary(clients.controller, 'Shutdown', {}, 2000).catch(() => undefined);
    clients.close();
  }
  const t = setTimeout(() => p.child.kill('SIGKILL'), 2000);
  if (!clients) p.child.kill('SIGKILL');
  await exited;
  clearTimeout(t);
}

export function makeTmp(prefix: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/** ms from spawn() to exit of `node -e 0`: the floor of any Node program's start-up. */
export function nodeBaseline(env: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(process.execPath, ['-e', '0'], { env, stdio: 'ignore' });
    child.on('error', reject);
    child.on('exit', () => resolve(performance.now() - t0));
  });
}
