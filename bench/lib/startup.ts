/**
 * Start-up figures, interleaved round by round so machine load hits every subject alike:
 *   - `node -e 0`: spawn to exit (what any Node program pays before its first line runs)
 *   - ours, Go: spawn to the handshake line on stdout (what tofu waits for before dialling)
 *   - ours, Go: spawn to the first GetProviderSchema answer (handshake + TLS dial + the first RPC,
 *     which is what tofu actually waits for before it can do anything with the provider)
 */
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import { unary } from '../../test/protocol/plugin-harness';
import { clientIdentity, connectProvider, makeTmp, nodeBaseline, startProvider, stopProvider, tofuPluginEnv } from './plugin';
import { processCpuMs } from './rpc';
import { summarize, type Summary } from './stats';

/** Wall time, and the CPU time of the process (all threads) at the same moment. */
export interface Phase {
  readonly wallMs: Summary;
  readonly cpuMs: Summary | null;
}

export interface StartupResult {
  readonly rounds: number;
  readonly nodeExitMs: Summary;
  /** `node -e` printing one line: the CPU any Node process spends before its first line of output. */
  readonly nodeLine: Phase;
  readonly ours: { readonly handshake: Phase; readonly firstSchema: Phase };
  /** The node bundle in dist/, when ours is another executable (the release's). */
  readonly bundle?: { readonly handshake: Phase; readonly firstSchema: Phase };
  readonly go: { readonly handshake: Phase; readonly firstSchema: Phase };
}

interface Sample {
  handshakeMs: number;
  handshakeCpuMs: number;
  firstSchemaMs: number;
  firstSchemaCpuMs: number;
}

async function measure(bin: string, env: Record<string, string>, identity: ReturnType<typeof clientIdentity>): Promise<Sample> {
  const p = await startProvider(bin, env);
  const handshakeCpuMs = processCpuMs(p.child.pid);
  const clients = connectProvider(p, identity);
  try {
    await unary(clients.provider, p.handshake.protocol === 5 ? 'GetSchema' : 'GetProviderSchema', {}, 20_000);
    const firstSchemaMs = performance.now() - p.spawnedAt;
    return { handshakeMs: p.handshakeMs, handshakeCpuMs, firstSchemaMs, firstSchemaCpuMs: processCpuMs(p.child.pid) };
  } finally {
    await stopProvider(p, clients);
  }
}

/** `node -e` that prints a line and waits: wall time to the line and CPU time at that moment. */
function nodeLine(env: Record<string, string>): Promise<{ wallMs: number; cpuMs: number }> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(process.execPath, ['-e', "require('fs').writeSync(1, 'ready\\n'); setTimeout(() => {}, 60000)"], { env, stdio: ['ignore', 'pipe', 'ignore'] });
    child.on('error', reject);
    child.stdout.once('data', () => {
      const wallMs = performance.now() - t0;
      const cpuMs = processCpuMs(child.pid);
      child.kill('SIGKILL');
      resolve({ wallMs, cpuMs });
    });
  });
}

function phase(wall: number[], cpu: number[]): Phase {
  const finite = cpu.filter((x) => Number.isFinite(x));
  return { wallMs: summarize(wall), cpuMs: finite.length === cpu.length && cpu.length > 0 ? summarize(finite) : null };
}

export async function benchStartup(opts: { oursBin: string; bundleBin?: string; goBin: string; rounds: number; log?: (s: string) => void }): Promise<StartupResult> {
  const tmp = makeTmp('tpc-bench-start-');
  const identity = clientIdentity();
  const env = tofuPluginEnv({ identity, tmpdir: tmp });
  const node: number[] = [];
  const line = { wall: [] as number[], cpu: [] as number[] };
  const acc = (): { hs: number[]; hsCpu: number[]; fs: number[]; fsCpu: number[] } => ({ hs: [], hsCpu: [], fs: [], fsCpu: [] });
  const ours = acc();
  const bundle = acc();
  const go = acc();
  const push = (a: ReturnType<typeof acc>, x: Sample): void => {
    a.hs.push(x.handshakeMs);
    a.hsCpu.push(x.handshakeCpuMs);
    a.fs.push(x.firstSchemaMs);
    a.fsCpu.push(x.firstSchemaCpuMs);
  };
  try {
    // One untimed start of each first: page cache and the kernel's exec path are warm, as they are
    // for tofu, which starts the same provider several times per command.
    await nodeBaseline(env);
    await measure(opts.oursBin, env, identity);
    if (opts.bundleBin) await measure(opts.bundleBin, env, identity);
    await measure(opts.goBin, env, identity);
    for (let i = 0; i < opts.rounds; i++) {
      node.push(await nodeBaseline(env));
      const l = await nodeLine(env);
      line.wall.push(l.wallMs);
      line.cpu.push(l.cpuMs);
      const o = await measure(opts.oursBin, env, identity);
      push(ours, o);
      if (opts.bundleBin) push(bundle, await measure(opts.bundleBin, env, identity));
      const g = await measure(opts.goBin, env, identity);
      push(go, g);
      opts.log?.(
        `  start-up round ${i + 1}/${opts.rounds}: node ${node[i]!.toFixed(0)} ms, ours ${o.handshakeMs.toFixed(0)} ms (${o.handshakeCpuMs.toFixed(0)} ms CPU), go ${g.handshakeMs.toFixed(0)} ms (${g.handshakeCpuMs.toFixed(0)} ms CPU)`,
      );
    }
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
  const fig = (a: ReturnType<typeof acc>): StartupResult['ours'] => ({ handshake: phase(a.hs, a.hsCpu), firstSchema: phase(a.fs, a.fsCpu) });
  return {
    rounds: opts.rounds,
    nodeExitMs: summarize(node),
    nodeLine: phase(line.wall, line.cpu),
    ours: fig(ours),
    ...(opts.bundleBin ? { bundle: fig(bundle) } : {}),
    go: fig(go),
  };
}
