/**
 * How the provider process ends, and what it does with work in flight - with the real bundle over
 * gRPC, and with real OpenTofu:
 * - GRPCController.Shutdown -> exit (measured; go-plugin SIGKILLs after 2 s, we aim for < 100 ms);
 * - StopProvider (protocol 6) and Stop (protocol 5) while a slow request (a 10,000-item
 *   coder_metadata plan) is being computed: answered first, and the plan is cut short with one
 *   "Operation cancelled" diagnostic;
 * - SIGINT ignored while serving, SIGTERM a clean exit;
 * - tofu SIGKILLed in the middle of an apply: no provider process left 1 s later;
 * - Ctrl-C (SIGINT to tofu's process group) in the middle of an apply: tofu stops gracefully and
 *   the provider, which ignores the signal, answers to the end and exits when told.
 * Timings are printed (console.info), with generous bounds asserted (orderings, not durations,
 * where the machine's load could decide).
 */
import * as grpc from '@grpc/grpc-js';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, readlinkSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { generateCertificate } from '../../provider/plugin/cert';
import { decodeMsgpack, encodeMsgpack, obj, UNKNOWN, type Value } from '../../provider/values';
import { impliedType, withImplicitId } from '../../provider/framework/schema';
import { metadataResource } from '../../provider/coder/metadata';
import {
  channelCredentials,
  connect,
  killAllChildren,
  pluginEnv,
  removeDir,
  settlesWithin,
  sleep,
  startPlugin,
  tempDir,
  unary,
  type Clients,
  type Handshake,
  type PluginProcess,
} from '../protocol/plugin-harness';
import { E2E_TEST_TIMEOUT_MS, coderBuildEnv, commandEnv, createWorkdir, init, oursBin, tofuBin, type Workdir } from './harness';

jest.setTimeout(E2E_TEST_TIMEOUT_MS);

// eslint-disable-next-line no-console
const report = (line: string): void => console.info(line);

const median = (xs: readonly number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

let tmp: string;
const opened: Clients[] = [];
beforeEach(() => {
  tmp = tempDir();
});
afterEach(() => {
  opened.splice(0).forEach((c) => c.close());
  killAllChildren();
  removeDir(tmp);
});

/** The real bundle, started like tofu starts it (AutoMTLS), with clients for every service. */
async function startReal(extra: NodeJS.ProcessEnv = {}): Promise<{ p: PluginProcess; hs: Handshake; c: Clients }> {
  const identity = generateCertificate();
  const p = startPlugin(oursBin(), pluginEnv({ TMPDIR: tmp, PLUGIN_CLIENT_CERT: identity.certPem, PLUGIN_PROTOCOL_VERSIONS: '5,6', ...extra }));
  const hs = await p.handshake;
  const c = connect(hs, channelCredentials(hs, identity));
  opened.push(c);
  return { p, hs, c };
}

/** What go-plugin's client opens right after connecting: the stdio stream and the broker. */
function openGoPluginStreams(c: Clients): void {
  const stdio = (c.stdio as unknown as { StreamStdio(req: object): grpc.ClientReadableStream<unknown> }).StreamStdio({});
  stdio.on('data', () => undefined);
  stdio.on('error', () => undefined);
  const broker = (c.broker as unknown as { StartStream(): grpc.ClientDuplexStream<object, unknown> }).StartStream();
  broker.on('data', () => undefined);
  broker.on('error', () => undefined);
}

// ---------------------------------------------------------------------------------------------
// A slow request: planning coder_metadata with 10,000 items.

const METADATA_TYPE = impliedType(withImplicitId(metadataResource.schema));
const ITEMS = 10_000;

function metadataConfig(items = ITEMS): Uint8Array {
  const item = Array.from({ length: items }, (_, i) => obj({ key: `key-${i}`, value: `value-${i}`, sensitive: null, is_null: null }));
  return encodeMsgpack(obj({ resource_id: 'res-1', item, daily_cost: null, hide: null, icon: null, id: null }), METADATA_TYPE);
}

interface PlanResponse {
  plannedState?: { msgpack?: Uint8Array };
  diagnostics?: { severity: number; summary: string; detail?: string }[];
}

function planRequest(config: Uint8Array): object {
  return { typeName: 'coder_metadata', priorState: { msgpack: Buffer.from([0xc0]) }, proposedNewState: { msgpack: config }, config: { msgpack: config } };
}

function plannedItems(r: PlanResponse): number {
  const v = decodeMsgpack(r.plannedState!.msgpack!, METADATA_TYPE) as Record<string, Value>;
  expect(v.id).toBe(UNKNOWN);
  return (v.item as Value[]).length;
}

const errorsOf = (r: PlanResponse): NonNullable<PlanResponse['diagnostics']> => (r.diagnostics ?? []).filter((d) => d.severity === 1);

/** The answer of a plan cut short by a stop: one error diagnostic, no planned state, nothing from the request. */
function expectCancelled(r: PlanResponse): void {
  expect(r.plannedState?.msgpack?.length ?? 0).toBe(0);
  expect(r.diagnostics).toHaveLength(1);
  expect(r.diagnostics![0]).toMatchObject({ severity: 1, summary: 'Operation cancelled' });
  expect(r.diagnostics![0]!.detail).toMatch(/asked to stop \(StopProvider\) before this operation finished/);
  expect(JSON.stringify(r.diagnostics)).not.toMatch(/key-|value-|res-1/);
}

/** A plan answer that is either complete or cut short by a stop (never a transport failure). */
function expectCompleteOrCancelled(r: PlanResponse): boolean {
  if (errorsOf(r).length === 0) {
    expect(plannedItems(r)).toBe(ITEMS);
    return false;
  }
  expectCancelled(r);
  return true;
}

interface StopRound {
  readonly planned: PlanResponse;
  /** When the plan answered (ms after it was sent), and its place in the order of answers. */
  readonly plan: { readonly at: number; readonly order: number };
  readonly stops: ReadonlyArray<{ readonly sent: number; readonly at: number; readonly order: number; readonly error: string }>;
}

/**
 * The plan in flight, and the stop RPC sent behind it on the same connection again and again
 * (5 ms after each answer) until the plan answers: while the plan is being computed, a stop is
 * read at the plan's next pause and cancels it. Answers are numbered in the order they arrive.
 */
async function stopWhilePlanning(provider: grpc.Client, stopMethod: string, config: Uint8Array): Promise<StopRound> {
  let order = 0;
  const t0 = performance.now();
  const done: { plan?: StopRound['plan'] } = {};
  const plan = unary<PlanResponse>(provider, 'PlanResourceChange', planRequest(config), 30_000).then((r) => {
    done.plan = { at: performance.now() - t0, order: ++order };
    return r;
  });
  const stops: Array<StopRound['stops'][number]> = [];
  for (;;) {
    await sleep(5);
    if (done.plan) break;
    const sent = performance.now() - t0;
    const r = await unary<{ Error?: string }>(provider, stopMethod, {}, 30_000);
    stops.push({ sent, at: performance.now() - t0, order: ++order, error: r.Error ?? '' });
  }
  return { planned: await plan, plan: done.plan, stops };
}

/**
 * Requires a plan cancelled by a stop sent while it was computed. A few attempts: on a loaded
 * machine this process may stall long enough for the plan to finish between two stops.
 */
async function expectStopCancelsPlan(provider: grpc.Client, stopMethod: string, label: string, aloneMs: number): Promise<void> {
  const config = metadataConfig();
  let round: StopRound | undefined;
  for (let attempt = 1; attempt <= 3; attempt++) {
    round = await stopWhilePlanning(provider, stopMethod, config);
    for (const s of round.stops) expect(s.error).toBe('');
    const cancelled = expectCompleteOrCancelled(round.planned);
    report(
      `${label}: 10,000-item coder_metadata plan (${aloneMs.toFixed(0)} ms alone), ${stopMethod} sent every 5 ms after the previous answer; attempt ${attempt}: ` +
        `plan answered at ${round.plan.at.toFixed(0)} ms (${cancelled ? 'cancelled' : 'complete'}); ${stopMethod} sent->answered: ` +
        round.stops.map((s) => `${s.sent.toFixed(0)}->${s.at.toFixed(0)}`).join(', ') + ' ms',
    );
    if (cancelled) break;
  }
  expectCancelled(round!.planned);
  // The stop that cancelled the plan was answered before the plan: the server read it while
  // the plan was being computed, instead of after it.
  const before = round!.stops.filter((s) => s.order < round!.plan.order);
  expect(before.length).toBeGreaterThan(0);
  const last = before[before.length - 1]!;
  report(
    `${label}: the last ${stopMethod} answered before the plan: sent at ${last.sent.toFixed(0)} ms, answered ${(last.at - last.sent).toFixed(1)} ms later; ` +
      `the cancelled plan answered ${(round!.plan.at - last.at).toFixed(1)} ms after that`,
  );
}

describe('the real bundle over gRPC', () => {
  test('GRPCController.Shutdown -> process exit in well under a second (go-plugin waits 2 s, then SIGKILLs)', async () => {
    const runs: number[] = [];
    for (let i = 0; i < 5; i++) {
      const { p, hs, c } = await startReal();
      openGoPluginStreams(c);
      await unary(c.provider, 'GetProviderSchema', {});
      const sent = performance.now();
      await unary(c.controller, 'Shutdown', {});
      const exit = await p.exited;
      runs.push(exit.at - sent);
      expect(exit.code).toBe(0);
      expect(existsSync(dirname(hs.address))).toBe(false);
    }
    report(`Shutdown RPC -> exit (real bundle, stdio + broker streams open): ${runs.map((r) => r.toFixed(1)).join(', ')} ms; median ${median(runs).toFixed(1)} ms (target < 100 ms)`);
    for (const ms of runs) expect(ms).toBeLessThan(1000);
  });

  test('StopProvider during a 10,000-item coder_metadata plan: answered first, the plan cut short with one diagnostic (never a gRPC error), later calls unaffected', async () => {
    const { p, c } = await startReal({ PLUGIN_PROTOCOL_VERSIONS: '6' });
    const config = metadataConfig();
    // Warm up, then time the plan alone.
    await unary<PlanResponse>(c.provider, 'PlanResourceChange', planRequest(metadataConfig(10)));
    const t0 = performance.now();
    const alone = await unary<PlanResponse>(c.provider, 'PlanResourceChange', planRequest(config), 30_000);
    const aloneMs = performance.now() - t0;
    expect(alone.diagnostics ?? []).toEqual([]);
    expect(plannedItems(alone)).toBe(ITEMS);

    // StopProvider 1 ms after the plan, while the plan's bytes are still arriving: the plan may not
    // have started yet (then it is not in flight and completes), or be cut short.
    {
      const t0 = performance.now();
      let planDone = 0;
      let stopDone = 0;
      const plan = unary<PlanResponse>(c.provider, 'PlanResourceChange', planRequest(config), 30_000).then((r) => {
        planDone = performance.now() - t0;
        return r;
      });
      await sleep(1);
      const stopSent = performance.now() - t0;
      const stop = unary<{ Error?: string }>(c.provider, 'StopProvider', {}, 30_000).then((r) => {
        stopDone = performance.now() - t0;
        return r;
      });
      const [planned, stopped] = await Promise.all([plan, stop]);
      expect(stopped.Error ?? '').toBe('');
      const cancelled = expectCompleteOrCancelled(planned);
      report(
        `10,000-item coder_metadata plan (${aloneMs.toFixed(0)} ms alone) with StopProvider sent at ${stopSent.toFixed(0)} ms: plan answered at ${planDone.toFixed(0)} ms ` +
          `(${cancelled ? 'cancelled' : 'complete'}), StopProvider answered at ${stopDone.toFixed(0)} ms`,
      );
    }

    // StopProvider while the plan is being computed: required to cancel it.
    await expectStopCancelsPlan(c.provider, 'StopProvider', 'protocol 6', aloneMs);

    // A stop cancels what is in flight, not what comes after.
    const after = await unary<PlanResponse>(c.provider, 'PlanResourceChange', planRequest(config), 30_000);
    expect(after.diagnostics ?? []).toEqual([]);
    expect(plannedItems(after)).toBe(ITEMS);

    // A client that gives up (deadline) on the slow plan does not disturb the server either.
    await expect(unary(c.provider, 'PlanResourceChange', planRequest(config), 5)).rejects.toMatchObject({ code: grpc.status.DEADLINE_EXCEEDED });
    expect(await unary(c.health, 'Check', { service: 'plugin' })).toEqual({ status: 1 });
    expect(plannedItems(await unary<PlanResponse>(c.provider, 'PlanResourceChange', planRequest(metadataConfig(3))))).toBe(3);
    expect(p.child.exitCode).toBeNull();
  });

  test('protocol 5: Stop during a 10,000-item coder_metadata plan cuts it short the same way; later calls unaffected', async () => {
    const { p, hs, c } = await startReal({ PLUGIN_PROTOCOL_VERSIONS: '5' });
    expect(hs.protocol).toBe(5);
    const config = metadataConfig();
    await unary<PlanResponse>(c.provider, 'PlanResourceChange', planRequest(metadataConfig(10)));
    const t0 = performance.now();
    expect(plannedItems(await unary<PlanResponse>(c.provider, 'PlanResourceChange', planRequest(config), 30_000))).toBe(ITEMS);
    const aloneMs = performance.now() - t0;

    await expectStopCancelsPlan(c.provider, 'Stop', 'protocol 5', aloneMs);

    const after = await unary<PlanResponse>(c.provider, 'PlanResourceChange', planRequest(config), 30_000);
    expect(after.diagnostics ?? []).toEqual([]);
    expect(plannedItems(after)).toBe(ITEMS);
    expect(p.child.exitCode).toBeNull();
  });

  test('SIGINT is ignored while a slow plan is in flight (it completes, the server keeps serving); SIGTERM then exits 0 and removes the socket', async () => {
    const { p, hs, c } = await startReal({ PLUGIN_PROTOCOL_VERSIONS: '6' });
    const plan = unary<PlanResponse>(c.provider, 'PlanResourceChange', planRequest(metadataConfig()), 30_000);
    await sleep(5);
    p.child.kill('SIGINT');
    await sleep(50);
    p.child.kill('SIGINT');
    const planned = await plan;
    expect(planned.diagnostics ?? []).toEqual([]);
    expect(plannedItems(planned)).toBe(ITEMS);
    await sleep(200);
    expect(p.child.exitCode).toBeNull();
    expect(await unary(c.health, 'Check', { service: 'plugin' })).toEqual({ status: 1 });

    const sent = performance.now();
    p.child.kill('SIGTERM');
    const exit = await p.exited;
    report(`SIGTERM -> exit (real bundle): ${(exit.at - sent).toFixed(1)} ms`);
    expect(exit.code).toBe(0);
    expect(exit.signal).toBeNull();
    expect(existsSync(hs.address)).toBe(false);
    expect(existsSync(dirname(hs.address))).toBe(false);
  });
});

// ---------------------------------------------------------------------------------------------
// Real tofu, interrupted in the middle of an apply.

/** Coder resources before and after a terraform_data that sleeps: the provider is open throughout. */
const SLOW_APPLY = `terraform {
  required_providers {
    coder = { source = "coder/coder" }
  }
}

resource "coder_agent" "main" {
  os   = "linux"
  arch = "amd64"
}

resource "coder_metadata" "early" {
  count       = 20
  resource_id = coder_agent.main.id
  item {
    key   = "n"
    value = count.index
  }
}

resource "terraform_data" "slow" {
  provisioner "local-exec" {
    command = "sleep 60"
  }
}

resource "coder_metadata" "late" {
  count       = 20
  resource_id = terraform_data.slow.id
  item {
    key   = "n"
    value = count.index
  }
}
`;

interface ProcInfo {
  readonly pid: number;
  /** Start time (clock ticks since boot): tells a pid apart from a later process that reuses it. */
  readonly start: string;
}

function procStat(pid: number): { ppid: number; start: string; state: string } | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return { state: f[0]!, ppid: Number(f[1]), start: f[19]! };
  } catch {
    return undefined;
  }
}

/** Live processes of our provider started for `wd`: the bundle's name in argv, cwd in the work dir. */
function providerProcesses(wd: Workdir): ProcInfo[] {
  const out: ProcInfo[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    const pid = Number(name);
    try {
      // argv is NUL-separated; the provider runs as `node <path>/terraform-provider-coder_v2.17.0`.
      const argv = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
      if (!argv.some((a) => /^terraform-provider-coder(_v[\d.]+)?$/.test(a.slice(a.lastIndexOf('/') + 1)))) continue;
      if (readlinkSync(`/proc/${pid}/cwd`) !== wd.dir) continue;
      const st = procStat(pid);
      if (st && st.state !== 'Z') out.push({ pid, start: st.start });
    } catch {
      // exited meanwhile, or not ours to read
    }
  }
  return out;
}

const alive = (p: ProcInfo): boolean => {
  const st = procStat(p.pid);
  return st !== undefined && st.state !== 'Z' && st.start === p.start;
};

interface RunningTofu {
  readonly child: ChildProcess;
  stdout(): string;
  stderr(): string;
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

const killGroup = (pid: number | undefined): void => {
  try {
    if (pid) process.kill(-pid, 'SIGKILL');
  } catch {
    // already gone
  }
};

/** Process groups of tofu runs this file started; killed after each test whatever happened. */
const groups = new Set<number>();
afterEach(() => {
  for (const pid of groups) killGroup(pid);
  groups.clear();
});

/** `tofu apply` in its own process group (so the test can signal tofu alone, or the group). */
function startApply(wd: Workdir, env: Record<string, string> = {}): RunningTofu {
  const child = spawn(tofuBin(), ['apply', '-auto-approve', '-input=false', '-no-color'], {
    cwd: wd.dir,
    env: commandEnv(wd, { ...coderBuildEnv(), ...env }),
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout!.setEncoding('utf8').on('data', (d: string) => (out += d));
  child.stderr!.setEncoding('utf8').on('data', (d: string) => (err += d));
  if (child.pid !== undefined) groups.add(child.pid);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((res) => child.on('exit', (code, signal) => res({ code, signal })));
  return { child, stdout: () => out, stderr: () => err, exited };
}

async function waitFor(what: string, cond: () => boolean, ms: number): Promise<void> {
  const deadline = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(25);
  }
}

const linuxOnly = process.platform === 'linux' ? describe : describe.skip;

linuxOnly('real tofu interrupted in the middle of an apply', () => {
  /** In a fresh work dir: starts an apply and waits until the sleep runs with our provider open. */
  async function applyUntilSleeping(env: Record<string, string> = {}): Promise<{ wd: Workdir; tofu: RunningTofu; providers: ProcInfo[] }> {
    const wd = createWorkdir({ files: { 'main.tf': SLOW_APPLY }, provider: 'ours' });
    await init(wd);
    const tofu = startApply(wd, env);
    await waitFor('the slow resource to start, with our provider running', () => /terraform_data\.slow: Provisioning with 'local-exec'/.test(tofu.stdout()) && providerProcesses(wd).length > 0, 60_000);
    await waitFor('the early coder resources', () => (tofu.stdout().match(/coder_metadata\.early\[\d+\]: Creation complete/g) ?? []).length === 20, 30_000);
    const providers = providerProcesses(wd);
    // They really are tofu's children, started for this apply.
    expect(providers.every((p) => procStat(p.pid)?.ppid === tofu.child.pid)).toBe(true);
    return { wd, tofu, providers };
  }

  test('tofu SIGKILLed: every provider process it started is gone within 1 s', async () => {
    const { wd, tofu, providers } = await applyUntilSleeping();
    try {
      expect(providers.length).toBeGreaterThan(0);
      tofu.child.kill('SIGKILL'); // tofu alone: its children are orphaned
      const killed = performance.now();
      await tofu.exited;
      let goneAfter = Infinity;
      while (performance.now() - killed < 3000) {
        if (!providers.some(alive) && providerProcesses(wd).length === 0) {
          goneAfter = performance.now() - killed;
          break;
        }
        await sleep(10);
      }
      report(`tofu SIGKILLed mid-apply: ${providers.length} provider process(es) gone ${goneAfter.toFixed(0)} ms later`);
      expect(goneAfter).toBeLessThan(1000);
    } finally {
      killGroup(tofu.child.pid); // the orphaned sleep
    }
  });

  test('Ctrl-C (SIGINT to the whole process group): tofu stops gracefully, the provider keeps answering, and exits when told', async () => {
    // Provider debug logs on tofu's stderr show what the provider did with the signal.
    const { wd, tofu, providers } = await applyUntilSleeping({ TF_LOG_PROVIDER: 'debug' });
    try {
      const sent = performance.now();
      process.kill(-tofu.child.pid!, 'SIGINT'); // as a terminal's Ctrl-C: tofu, the providers, the sleep
      expect(await settlesWithin(tofu.exited, 60_000)).toBe(true);
      const exit = await tofu.exited;
      const exitedAfter = performance.now() - sent;
      await waitFor('the provider processes to exit', () => !providers.some(alive), 2000);
      report(`Ctrl-C mid-apply: tofu exited ${exit.code ?? exit.signal} after ${exitedAfter.toFixed(0)} ms; provider processes gone`);
      const output = tofu.stdout() + tofu.stderr();
      expect(output).toMatch(/Interrupt received/);
      // The provider never died under tofu: no transport errors, no crash report.
      expect(output).not.toMatch(/Plugin did not respond|plugin crashed|connection is shut down|Unavailable/i);
      // It got the SIGINT, ignored it, and ended when tofu said so.
      expect(tofu.stderr()).toMatch(/ignoring interrupt/);
      expect(tofu.stderr()).toMatch(/plugin shutting down.*GRPCController\.Shutdown/);
      expect(tofu.stderr()).not.toMatch(/plugin shutting down.*SIGINT/);
      expect(providerProcesses(wd)).toEqual([]);
      // What the provider created before the interrupt was recorded.
      const state = JSON.parse(readFileSync(join(wd.dir, 'terraform.tfstate'), 'utf8')) as { resources: { type: string; name: string }[] };
      expect(state.resources.some((r) => r.type === 'coder_agent' && r.name === 'main')).toBe(true);
      expect(state.resources.some((r) => r.type === 'coder_metadata' && r.name === 'early')).toBe(true);
    } finally {
      killGroup(tofu.child.pid);
    }
  });
});
