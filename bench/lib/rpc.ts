/**
 * Per-RPC latency from a test gRPC client, against our provider (protocol 5 and 6) and the Go
 * provider (protocol 5), over AutoMTLS like tofu. Requests are built from each provider's own
 * GetProviderSchema answer and encoded with our msgpack codec, so both providers receive the same
 * bytes. Calls are sequential (one in flight), measured client-side from call to answer, and the
 * subjects take turns in small batches so machine load falls on all of them alike.
 */
import * as fs from 'node:fs';
import { encodeMsgpack } from '../../provider/values/msgpack';
import { obj, type Value } from '../../provider/values/value';
import { unary, type Clients } from '../../test/protocol/plugin-harness';
import { clientIdentity, connectProvider, makeTmp, startProvider, stopProvider, tofuPluginEnv, type StartedPlugin } from './plugin';
import { percentile, type Summary, summarize } from './stats';
import { blockType, fillBlock, type PartialConfig as Partial, type WireBlock } from './wire-values';

export const RPCS = ['GetProviderSchema', 'ValidateResourceConfig', 'PlanResourceChange', 'ApplyResourceChange', 'ReadDataSource'] as const;
export type Rpc = (typeof RPCS)[number];

/** Wire method names per protocol. */
const WIRE: Record<5 | 6, Record<Rpc | 'Configure', string>> = {
  5: {
    GetProviderSchema: 'GetSchema',
    ValidateResourceConfig: 'ValidateResourceTypeConfig',
    PlanResourceChange: 'PlanResourceChange',
    ApplyResourceChange: 'ApplyResourceChange',
    ReadDataSource: 'ReadDataSource',
    Configure: 'Configure',
  },
  6: {
    GetProviderSchema: 'GetProviderSchema',
    ValidateResourceConfig: 'ValidateResourceConfig',
    PlanResourceChange: 'PlanResourceChange',
    ApplyResourceChange: 'ApplyResourceChange',
    ReadDataSource: 'ReadDataSource',
    Configure: 'ConfigureProvider',
  },
};

const AGENT: Partial = {
  os: 'linux',
  arch: 'amd64',
  dir: '/home/coder',
  startup_script: 'set -e\nmkdir -p ~/project\n',
  env: obj({ EDITOR: 'vim', LANG: 'C.UTF-8', GIT_AUTHOR_NAME: 'Alice Example', REGION: 'eu-west', PROJECT: '/home/coder/project', A: '1', B: '2', C: '3' }),
  metadata: [
    { key: 'cpu', display_name: 'CPU', script: 'coder stat cpu', interval: 10, timeout: 1 },
    { key: 'mem', display_name: 'Memory', script: 'coder stat mem', interval: 10, timeout: 1 },
    { key: 'disk', display_name: 'Disk', script: 'coder stat disk', interval: 60, timeout: 1 },
  ],
  display_apps: [{ vscode: true, web_terminal: true }],
};

const PARAMETER: Partial = {
  name: 'region',
  display_name: 'Region',
  type: 'string',
  default: 'eu-west',
  mutable: true,
  icon: '/emojis/1f30d.png',
  option: [
    { name: 'Europe', value: 'eu-west' },
    { name: 'US East', value: 'us-east' },
    { name: 'Asia', value: 'ap-south' },
  ],
};

// --- one provider under test -------------------------------------------------------------------

interface Msg {
  [k: string]: unknown;
}

function errorSummaries(res: Msg): string[] {
  const diags = (res.diagnostics as Array<{ severity?: number; summary?: string }> | undefined) ?? [];
  return diags.filter((d) => d.severity === 1).map((d) => d.summary ?? '(no summary)');
}

export class Subject {
  private clients!: Clients;
  private plugin!: StartedPlugin;
  private requests = new Map<Rpc, Msg>();

  constructor(
    readonly name: string,
    private readonly bin: string,
    private readonly protocol: 5 | 6,
    private readonly env: Record<string, string>,
    private readonly identity: ReturnType<typeof clientIdentity>,
  ) {}

  private call(rpc: Rpc | 'Configure', req: Msg): Promise<Msg> {
    return unary<Msg>(this.clients.provider, WIRE[this.protocol][rpc], req, 30_000);
  }

  async start(): Promise<void> {
    this.plugin = await startProvider(this.bin, this.env);
    if (this.plugin.handshake.protocol !== this.protocol) {
      throw new Error(`${this.name}: negotiated protocol ${this.plugin.handshake.protocol}, wanted ${this.protocol}`);
    }
    this.clients = connectProvider(this.plugin, this.identity);
    const schema = await this.call('GetProviderSchema', {});
    const providerBlock = (schema.provider as { block: WireBlock }).block;
    const agent = (schema.resourceSchemas as Record<string, { block: WireBlock }>).coder_agent!.block;
    const param = (schema.dataSourceSchemas as Record<string, { block: WireBlock }>).coder_parameter!.block;
    const dv = (b: WireBlock, v: Value): Msg => ({ msgpack: encodeMsgpack(v, blockType(b)) });

    const configured = await this.call('Configure', { terraformVersion: '1.12.6', config: dv(providerBlock, fillBlock(providerBlock, {})) });
    this.assertOk('Configure', configured);

    const agentConfig = dv(agent, fillBlock(agent, AGENT));
    const nullAgent = dv(agent, null);
    const plan: Msg = { typeName: 'coder_agent', priorState: nullAgent, proposedNewState: agentConfig, config: agentConfig, priorPrivate: new Uint8Array(0) };
    const planned = await this.call('PlanResourceChange', plan);
    this.assertOk('PlanResourceChange', planned);
    this.requests.set('GetProviderSchema', {});
    this.requests.set('ValidateResourceConfig', { typeName: 'coder_agent', config: agentConfig });
    this.requests.set('PlanResourceChange', plan);
    this.requests.set('ApplyResourceChange', {
      typeName: 'coder_agent',
      priorState: nullAgent,
      plannedState: planned.plannedState,
      config: agentConfig,
      plannedPrivate: planned.plannedPrivate,
    });
    this.requests.set('ReadDataSource', { typeName: 'coder_parameter', config: dv(param, fillBlock(param, PARAMETER)) });
    // Every request must succeed once before it is timed: a benchmark of error paths is no use.
    for (const rpc of RPCS) this.assertOk(rpc, await this.call(rpc, this.requests.get(rpc)!));
  }

  private assertOk(rpc: string, res: Msg): void {
    const errors = errorSummaries(res);
    if (errors.length) throw new Error(`${this.name} ${rpc} answered with errors: ${errors.join('; ')}`);
  }

  /** Times `n` sequential calls of `rpc`; returns the latencies in ms and the provider's CPU ms. */
  async time(rpc: Rpc, n: number): Promise<{ latencies: number[]; cpuMs: number }> {
    const req = this.requests.get(rpc)!;
    const latencies: number[] = [];
    const cpu0 = processCpuMs(this.plugin.child.pid);
    for (let i = 0; i < n; i++) {
      const t0 = performance.now();
      await this.call(rpc, req);
      latencies.push(performance.now() - t0);
    }
    return { latencies, cpuMs: processCpuMs(this.plugin.child.pid) - cpu0 };
  }

  /** The provider's CPU time so far (ms). */
  get cpuMs(): number {
    return processCpuMs(this.plugin.child.pid);
  }

  get peakRssKb(): number | null {
    try {
      const m = /VmHWM:\s+(\d+)\s+kB/.exec(fs.readFileSync(`/proc/${this.plugin.child.pid}/status`, 'utf8'));
      return m ? Number(m[1]) : null;
    } catch {
      return null;
    }
  }

  async stop(): Promise<void> {
    if (this.plugin) await stopProvider(this.plugin, this.clients);
  }
}

export interface RpcFigures {
  readonly summary: Summary;
  readonly p50: number;
  readonly p99: number;
  /**
   * CPU time the provider process (all threads) spent per call, in µs: unlike latency, barely
   * affected by other load on the machine. Null where /proc is not available.
   */
  readonly cpuUsPerCall: number | null;
}

/** CPU time of a process, all threads, in ms (Linux schedstat: nanosecond resolution); NaN elsewhere. */
export function processCpuMs(pid: number | undefined): number {
  if (pid === undefined) return NaN;
  try {
    let ns = 0;
    for (const tid of fs.readdirSync(`/proc/${pid}/task`)) {
      try {
        ns += Number(fs.readFileSync(`/proc/${pid}/task/${tid}/schedstat`, 'utf8').split(' ')[0]);
      } catch {
        /* thread exited meanwhile */
      }
    }
    return ns / 1e6;
  } catch {
    return NaN;
  }
}

export interface RpcResult {
  readonly iterations: number;
  /** subject ("ours-v5", "ours-v6", "go-v5") → rpc → figures */
  readonly subjects: Record<string, Record<Rpc, RpcFigures>>;
  /** Peak RSS (KiB) of each provider process after the whole RPC run. */
  readonly peakRssKb: Record<string, number | null>;
}

export async function benchRpc(opts: {
  oursBin: string;
  goBin: string;
  iterations: number;
  batch?: number;
  log?: (s: string) => void;
}): Promise<RpcResult> {
  const tmp = makeTmp('tpc-bench-rpc-');
  const identity = clientIdentity();
  const env = (versions: string): Record<string, string> => tofuPluginEnv({ identity, tmpdir: tmp, versions });
  const subjects = [
    new Subject('ours-v5', opts.oursBin, 5, env('5'), identity),
    new Subject('ours-v6', opts.oursBin, 6, env('6'), identity),
    new Subject('go-v5', opts.goBin, 5, env('5'), identity),
  ];
  const batch = opts.batch ?? 50;
  const samples: Record<string, Record<string, number[]>> = {};
  const cpu: Record<string, Record<string, number>> = {};
  try {
    for (const s of subjects) await s.start();
    for (const rpc of RPCS) {
      // Warm-up: JIT and connection state settle before anything is recorded.
      for (const s of subjects) await s.time(rpc, Math.min(100, opts.iterations));
      for (let done = 0; done < opts.iterations; done += batch) {
        const n = Math.min(batch, opts.iterations - done);
        for (const s of subjects) {
          const bySubject = (samples[s.name] ??= {});
          const t = await s.time(rpc, n);
          (bySubject[rpc] ??= []).push(...t.latencies);
          const c = (cpu[s.name] ??= {});
          c[rpc] = (c[rpc] ?? 0) + t.cpuMs;
        }
      }
      const line = subjects
        .map((s) => `${s.name} p50 ${percentile(samples[s.name]![rpc]!, 50).toFixed(3)} ms, ${((cpu[s.name]![rpc]! * 1000) / opts.iterations).toFixed(0)} µs CPU`)
        .join('; ');
      opts.log?.(`  ${rpc}: ${line}`);
    }
    const out: RpcResult['subjects'] = {};
    for (const s of subjects) {
      const figures = {} as Record<Rpc, RpcFigures>;
      for (const rpc of RPCS) {
        const xs = samples[s.name]![rpc]!;
        const perCall = (cpu[s.name]![rpc]! * 1000) / xs.length;
        figures[rpc] = { summary: summarize(xs), p50: percentile(xs, 50), p99: percentile(xs, 99), cpuUsPerCall: Number.isFinite(perCall) ? perCall : null };
      }
      out[s.name] = figures;
    }
    const rss: Record<string, number | null> = {};
    for (const s of subjects) rss[s.name] = s.peakRssKb;
    return { iterations: opts.iterations, subjects: out, peakRssKb: rss };
  } finally {
    for (const s of subjects) await s.stop().catch(() => undefined);
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

