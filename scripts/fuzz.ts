/**
 * `npm run fuzz`: property-based and mutation fuzzing of the value decoders (provider/values) and
 * of every provider RPC over a real gRPC connection to the real bundle (dist/terraform-provider-coder).
 * Not part of `npm test` (test/fuzz/fuzz.test.ts runs a small fixed-seed version of the same).
 *
 *   npm run fuzz -- [--seed N] [--inputs N] [--grpc N] [--concurrency N] [--deadline-ms N]
 *                   [--max-string N] [--heap-mib N] [--protocols 6,5] [--replay 6:12,40]
 *
 * --inputs      total inputs, decoder level and gRPC together (default 1,000,000)
 * --grpc        how many of them are gRPC calls, split across --protocols (default 200,000)
 * --heap-mib    the provider runs with V8's old space capped at this (default 128): memory that
 *               grows without bound ends in an out-of-memory crash, which is reported
 * --replay P:I  re-send gRPC inputs I (comma-separated) of protocol P with the same seed, one at a time
 *
 * Prints the seed, inputs tried, per-target counts, crashes, hangs and other findings; exits 1 if
 * there was any finding. The decoders run in a worker thread watched for progress, so a decoder
 * stuck in a loop is reported as a hang instead of stalling the run.
 */
import { randomInt } from 'node:crypto';
import { join } from 'node:path';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { runDecoderFuzz } from '../test/fuzz/lib/decoders';
import { runGrpcFuzz, type GrpcFuzzResult } from '../test/fuzz/lib/grpc-fuzz';
import { formatFindings, formatStatsTable, type Finding, type TargetStats } from '../test/fuzz/lib/report';

interface Options {
  seed: number;
  inputs: number;
  grpc: number;
  concurrency: number;
  deadlineMs: number;
  maxString: number;
  heapMiB: number;
  protocols: (5 | 6)[];
  replay?: { protocol: 5 | 6; indices: number[] };
}

interface DecoderSummary {
  stats: Map<string, TargetStats>;
  findings: Finding[];
  counts: Map<string, number>;
  inputs: number;
  ms: number;
}

const out = (line = ''): void => void process.stdout.write(`${line}\n`);
const progress = (line: string): void => void process.stderr.write(`${line}\n`);

function usage(message: string): never {
  process.stderr.write(`${message}\nusage: npm run fuzz -- [--seed N] [--inputs N] [--grpc N] [--concurrency N] [--deadline-ms N] [--max-string N] [--heap-mib N] [--protocols 6,5] [--replay 6:12,40]\n`);
  process.exit(2);
}

function parseArgs(argv: string[]): Options {
  const o: Options = { seed: randomInt(1, 2 ** 31 - 1), inputs: 1_000_000, grpc: 200_000, concurrency: 32, deadlineMs: 10_000, maxString: 1 << 20, heapMiB: 128, protocols: [6, 5] };
  const num = (v: string | undefined, name: string): number => {
    const n = Number(v);
    if (v === undefined || !Number.isSafeInteger(n) || n < 0) usage(`${name} needs a non-negative integer`);
    return n;
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const v = argv[i + 1];
    switch (a) {
      case '--seed': o.seed = num(v, a); i++; break;
      case '--inputs': o.inputs = num(v, a); i++; break;
      case '--grpc': o.grpc = num(v, a); i++; break;
      case '--concurrency': o.concurrency = Math.max(1, num(v, a)); i++; break;
      case '--deadline-ms': o.deadlineMs = Math.max(100, num(v, a)); i++; break;
      case '--max-string': o.maxString = Math.max(65536, num(v, a)); i++; break;
      case '--heap-mib': o.heapMiB = Math.max(32, num(v, a)); i++; break;
      case '--protocols':
        o.protocols = (v ?? '').split(',').map((p) => (p.trim() === '5' ? 5 : p.trim() === '6' ? 6 : usage('--protocols takes 5 and/or 6')));
        i++;
        break;
      case '--replay': {
        const m = /^([56]):([\d,]+)$/.exec(v ?? '');
        if (!m) usage('--replay takes P:I[,I...], e.g. 6:12,40');
        o.replay = { protocol: Number(m[1]) as 5 | 6, indices: m[2]!.split(',').filter(Boolean).map(Number) };
        i++;
        break;
      }
      default:
        usage(`unknown argument ${a}`);
    }
  }
  if (o.grpc > o.inputs) o.grpc = o.inputs;
  return o;
}

/** Runs the decoder fuzzing in a worker; a worker that stops reporting progress is a hang. */
function decodersInWorker(seed: number, inputs: number, maxString: number): Promise<DecoderSummary & { hung?: string }> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(__filename, { workerData: { seed, inputs, maxString } });
    let last = { done: 0, target: '', at: Date.now() };
    let lastPrint = Date.now();
    const watchdog = setInterval(() => {
      if (Date.now() - last.at > 60_000) {
        clearInterval(watchdog);
        void worker.terminate();
        resolve({
          stats: new Map(),
          findings: [],
          counts: new Map(),
          inputs: last.done,
          ms: 0,
          hung: `no progress for 60 s after ${last.done} inputs (last target ${last.target})`,
        });
      }
    }, 1000);
    worker.on('message', (m: { kind: 'progress'; done: number; target: string } | ({ kind: 'result' } & DecoderSummary)) => {
      if (m.kind === 'progress') {
        last = { done: m.done, target: m.target, at: Date.now() };
        if (Date.now() - lastPrint > 10_000) {
          lastPrint = Date.now();
          progress(`  decoders: ${m.done.toLocaleString('en-US')} / ${inputs.toLocaleString('en-US')} (${m.target})`);
        }
      } else {
        clearInterval(watchdog);
        resolve(m);
      }
    });
    worker.on('error', (e) => {
      clearInterval(watchdog);
      reject(e);
    });
  });
}

if (!isMainThread) {
  const { seed, inputs, maxString } = workerData as { seed: number; inputs: number; maxString: number };
  const r = runDecoderFuzz({ seed, inputs, maxString, onProgress: (done, target) => parentPort!.postMessage({ kind: 'progress', done, target }) });
  parentPort!.postMessage({ kind: 'result', stats: r.stats, findings: r.log.findings, counts: r.log.counts, inputs: r.inputs, ms: r.ms });
}

function printGrpc(r: GrpcFuzzResult, heapMiB: number): void {
  out(`\n== gRPC, protocol ${r.protocol}: ${r.inputs.toLocaleString('en-US')} calls in ${(r.ms / 1000).toFixed(1)} s (${Math.round((r.inputs / r.ms) * 1000)} calls/s)`);
  out(`   latency p50 ${r.latency.p50.toFixed(1)} ms, p99 ${r.latency.p99.toFixed(1)} ms, max ${r.latency.max.toFixed(0)} ms; ${r.retriedAlone} call(s) missed the deadline under load and were re-sent alone`);
  out(`   CPU: provider ${r.cpu.provider?.toFixed(1) ?? '?'} s, fuzzing client ${r.cpu.client.toFixed(1)} s; health checks ${r.healthChecks}; process restarts ${r.restarts}; exit after Shutdown ${r.shutdownExitCode ?? 'none'}`);
  if (r.memory) {
    out(`   provider RSS (V8 old space capped at ${heapMiB} MiB): ${r.memory.warmMiB.toFixed(0)} MiB after warm-up, ${r.memory.midMiB.toFixed(0)} MiB half way, ${r.memory.endMiB.toFixed(0)} MiB at the end, peak ${r.memory.peakMiB.toFixed(0)} MiB`);
  }
  out('   per method:');
  out(formatStatsTable(new Map([...r.stats.entries()].sort((a, b) => b[1].inputs - a[1].inputs))));
  out('   per input strategy:');
  out(formatStatsTable(r.strategies));
}

async function main(): Promise<void> {
  const o = parseArgs(process.argv.slice(2));
  const root = process.env.TPC_REPO_ROOT ?? join(__dirname, '..');
  const bin = join(root, 'dist/terraform-provider-coder');
  out(`fuzz: seed ${o.seed}; node ${process.version}; bundle ${bin}`);

  if (o.replay) {
    const r = await runGrpcFuzz({ bin, seed: o.seed, inputs: 0, protocol: o.replay.protocol, only: o.replay.indices, deadlineMs: o.deadlineMs, maxString: o.maxString, heapLimitMiB: o.heapMiB });
    printGrpc(r, o.heapMiB);
    out(`\nfindings:\n${formatFindings(r.log.findings)}`);
    process.exitCode = r.log.count() > 0 ? 1 : 0;
    return;
  }

  const decoderInputs = o.inputs - o.grpc;
  const findings: Finding[] = [];
  const counts = new Map<string, number>();
  const addCounts = (c: ReadonlyMap<string, number>): void => {
    for (const [k, v] of c) counts.set(k, (counts.get(k) ?? 0) + v);
  };

  out(`\n== decoders (provider/values): ${decoderInputs.toLocaleString('en-US')} inputs`);
  const dec = await decodersInWorker(o.seed, decoderInputs, o.maxString);
  if (dec.hung) {
    findings.push({ target: 'decoders', kind: 'hang', detail: dec.hung });
    counts.set('hang', (counts.get('hang') ?? 0) + 1);
  } else {
    out(`   ${dec.inputs.toLocaleString('en-US')} inputs in ${(dec.ms / 1000).toFixed(1)} s (${Math.round((dec.inputs / dec.ms) * 1000)}/s)`);
    out(formatStatsTable(dec.stats));
    findings.push(...dec.findings);
    addCounts(dec.counts);
  }

  const grpcResults: GrpcFuzzResult[] = [];
  const perProtocol = o.protocols.length ? Math.floor(o.grpc / o.protocols.length) : 0;
  for (const [k, protocol] of o.protocols.entries()) {
    const n = k === 0 ? o.grpc - perProtocol * (o.protocols.length - 1) : perProtocol;
    let lastPrint = Date.now();
    const r = await runGrpcFuzz({
      bin,
      seed: o.seed,
      inputs: n,
      protocol,
      concurrency: o.concurrency,
      deadlineMs: o.deadlineMs,
      maxString: o.maxString,
      heapLimitMiB: o.heapMiB,
      onProgress: (done, total) => {
        if (Date.now() - lastPrint > 10_000) {
          lastPrint = Date.now();
          progress(`  gRPC v${protocol}: ${done.toLocaleString('en-US')} / ${total.toLocaleString('en-US')}`);
        }
      },
    });
    grpcResults.push(r);
    printGrpc(r, o.heapMiB);
    findings.push(...r.log.findings);
    addCounts(r.log.counts);
  }

  const grpcCalls = grpcResults.reduce((a, r) => a + r.inputs, 0);
  const total = dec.inputs + grpcCalls;
  out('\n== summary');
  out(`   seed ${o.seed}`);
  out(`   inputs tried: ${total.toLocaleString('en-US')} (decoders ${dec.inputs.toLocaleString('en-US')}, gRPC ${grpcResults.map((r) => `v${r.protocol} ${r.inputs.toLocaleString('en-US')}`).join(', ')})`);
  out(`   crashes: ${counts.get('crash') ?? 0}`);
  out(`   hangs: ${counts.get('hang') ?? 0}`);
  for (const kind of ['accepted-invalid', 'bad-response', 'inconsistency', 'leak', 'memory']) {
    out(`   ${kind}: ${counts.get(kind) ?? 0}`);
  }
  out(`\nfindings (at most 5 per target and kind):\n${formatFindings(findings)}`);
  if (findings.length > 0) {
    out(`\nreplay gRPC findings with: npm run fuzz -- --seed ${o.seed} --replay <protocol>:<index,...>`);
  }
  process.exitCode = findings.length > 0 ? 1 : 0;
}

if (isMainThread) {
  main().catch((e: unknown) => {
    process.stderr.write(`fuzz: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    process.exit(1);
  });
}
