/**
 * `npm run bench`: our provider side by side with the Go provider and a no-provider floor.
 *
 *   npm run bench                       full run (sizes 10, 100, 1000; 5 runs each; ~10–15 min)
 *   npm run bench -- --quick            sizes 10 and 100, 3 runs, fewer start-ups and RPC calls
 *   npm run bench -- --sizes 1000 --runs 7 --only tofu
 *   npm run bench -- --profile          also profile our provider (--cpu-prof) through one
 *                                       plan + apply at the largest size and print where time goes
 *
 * Options: --sizes a,b,c  --runs N  --subjects ours,go,floor,ours-secrets  --only tofu,startup,rpc
 *          --startup-rounds N  --rpc-iterations N  --out DIR (default bench/)
 *
 * Prints the tables (figures on stdout, progress on stderr), writes <out>/results.json and
 * <out>/chart.svg. bench/README.md explains every figure. Nothing here asserts a target: the
 * targets table reports them.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { goProviderBin, oursBin, REPO_ROOT, tofuBin } from '../test/e2e/harness';
import { buildSingleExecutable } from './release.lib';
import { renderChart } from '../bench/lib/chart';
import { summarizeProfiles } from '../bench/lib/profile';
import {
  chartPanels,
  checkTargets,
  computeRatios,
  ratioTable,
  rpcCpuTable,
  rpcTable,
  startupTable,
  table,
  targetsTable,
  tofuTable,
  type Results,
  type SubjectFigures,
} from '../bench/lib/report';
import { benchRpc } from '../bench/lib/rpc';
import { benchStartup } from '../bench/lib/startup';
import { summarize } from '../bench/lib/stats';
import { SUBJECTS, TofuBench, type CycleFigures, type Subject } from '../bench/lib/tofu';

const USAGE = `usage: npm run bench -- [options]
  --quick                  sizes 10,100; 3 runs; 8 start-up rounds; 200 calls per RPC
  --sizes a,b,c            template sizes (coder resources), default 10,100,1000
  --runs N                 timed plan+apply cycles per subject and size, default 5
  --subjects list          of ours, go, floor, ours-secrets (default all)
  --only list              of tofu, startup, rpc (default all)
  --startup-rounds N       default 20
  --rpc-iterations N       calls per RPC and subject, default 500
  --out DIR                where results.json and chart.svg go, default bench/
  --profile                also profile our provider at the largest size (--cpu-prof)
  --ours FILE              benchmark this build of our provider (e.g. an older one, for
                           before/after figures); tofu runs it through dev_overrides
  --ours-bundle            benchmark the node bundle in dist/ (what npm's bin runs) instead of
                           the release executable
By default "ours" is the release's single executable (npm run release: a V8 startup snapshot),
built for this run; the start-up table also times the node bundle in dist/.
`;

interface Options {
  sizes: number[];
  runs: number;
  subjects: Subject[];
  only: Set<'tofu' | 'startup' | 'rpc'>;
  startupRounds: number;
  rpcIterations: number;
  outDir: string;
  profile: boolean;
  /** Another build of our provider to run instead of the release executable. */
  oursBin?: string;
  /** Run dist/terraform-provider-coder (the node bundle) as ours. */
  oursBundle: boolean;
}

function parseArgs(argv: string[]): Options {
  const o: Options = {
    sizes: [10, 100, 1000],
    runs: 5,
    subjects: [...SUBJECTS],
    only: new Set(['tofu', 'startup', 'rpc']),
    startupRounds: 20,
    rpcIterations: 500,
    outDir: path.join(REPO_ROOT, 'bench'),
    profile: false,
    oursBundle: false,
  };
  const list = (s: string | undefined): string[] => (s ?? '').split(',').map((x) => x.trim()).filter(Boolean);
  const int = (s: string | undefined, name: string): number => {
    const n = Number(s);
    if (!Number.isInteger(n) || n < 1) throw new Error(`${name} needs a positive integer, got ${s}`);
    return n;
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const next = (): string | undefined => argv[++i];
    switch (a) {
      case '--quick':
        o.sizes = [10, 100];
        o.runs = 3;
        o.startupRounds = 8;
        o.rpcIterations = 200;
        break;
      case '--sizes':
        o.sizes = list(next()).map((s) => int(s, '--sizes'));
        break;
      case '--runs':
        o.runs = int(next(), '--runs');
        break;
      case '--subjects': {
        const s = list(next());
        for (const x of s) if (!SUBJECTS.includes(x as Subject)) throw new Error(`unknown subject ${x} (have ${SUBJECTS.join(', ')})`);
        o.subjects = s as Subject[];
        break;
      }
      case '--only': {
        const s = list(next());
        for (const x of s) if (!['tofu', 'startup', 'rpc'].includes(x)) throw new Error(`--only takes tofu, startup, rpc; got ${x}`);
        o.only = new Set(s as Array<'tofu' | 'startup' | 'rpc'>);
        break;
      }
      case '--startup-rounds':
        o.startupRounds = int(next(), '--startup-rounds');
        break;
      case '--rpc-iterations':
        o.rpcIterations = int(next(), '--rpc-iterations');
        break;
      case '--out':
        o.outDir = path.resolve(next() ?? '');
        break;
      case '--profile':
        o.profile = true;
        break;
      case '--ours-bundle':
        o.oursBundle = true;
        break;
      case '--ours': {
        const f = path.resolve(next() ?? '');
        if (!fs.existsSync(f)) throw new Error(`--ours: ${f} does not exist`);
        o.oursBin = f;
        break;
      }
      case '--help':
      case '-h':
        process.stdout.write(USAGE);
        process.exit(0);
      // falls through (process.exit does not return)
      default:
        throw new Error(`unknown option ${a} (try --help)`);
    }
  }
  o.sizes.sort((a, b) => a - b);
  return o;
}

const log = (s: string): void => void process.stderr.write(`${s}\n`);
const out = (s = ''): void => void process.stdout.write(`${s}\n`);

function versionOf(bin: string, args: string[]): string {
  try {
    return execFileSync(bin, args, { encoding: 'utf8', env: { PATH: process.env.PATH ?? '', TF_CLI_CONFIG_FILE: '/dev/null' } }).split('\n')[0]!.trim();
  } catch {
    return 'unknown';
  }
}

function figuresOf(runs: CycleFigures[]): SubjectFigures {
  const rss = runs.map((r) => r.providerPeakRssKb).filter((x): x is number => x !== null);
  const cpu = runs.map((r) => r.providerCpuMs).filter((x): x is number => x !== null);
  return {
    runs,
    planMs: summarize(runs.map((r) => r.planMs)),
    applyMs: summarize(runs.map((r) => r.applyMs)),
    totalMs: summarize(runs.map((r) => r.planMs + r.applyMs)),
    providerPeakRssKb: rss.length ? Math.max(...rss) : null,
    providerCpuMs: cpu.length ? summarize(cpu).median : null,
  };
}

/**
 * A CLI config whose dev_overrides makes tofu run `bundle` as coder/coder, from a directory of
 * its own (under `dir`): for --ours and --profile, where the bundle is not dist/'s.
 */
function devOverrides(dir: string, bundle: string, nodeArgs: string[] = []): string {
  const bin = path.join(dir, 'bin');
  fs.mkdirSync(bin, { recursive: true });
  const wrapper = path.join(bin, 'terraform-provider-coder');
  if (isNodeScript(bundle)) {
    // A copy under our name, so the /proc sampler recognises the process by its command line.
    const copy = path.join(bin, 'terraform-provider-coder.bundle');
    fs.copyFileSync(bundle, copy);
    const args = [process.execPath, ...nodeArgs, copy].map((a) => JSON.stringify(a)).join(' ');
    fs.writeFileSync(wrapper, `#!/bin/sh\nexec ${args} "$@"\n`, { mode: 0o755 });
  } else {
    if (nodeArgs.length) throw new Error(`${bundle} is an executable, not a node script: cannot pass it ${nodeArgs.join(' ')}`);
    fs.copyFileSync(bundle, wrapper);
    fs.chmodSync(wrapper, 0o755);
  }
  const tfrc = path.join(bin, 'dev.tfrc');
  fs.writeFileSync(tfrc, `provider_installation {\n  dev_overrides {\n    "coder/coder" = ${JSON.stringify(bin)}\n  }\n  direct {}\n}\n`);
  return tfrc;
}

/** A node script (`#!/usr/bin/env node`: the bundle) rather than an executable to run as it is. */
function isNodeScript(file: string): boolean {
  const fd = fs.openSync(file, 'r');
  try {
    const head = Buffer.alloc(128);
    const n = fs.readSync(fd, head, 0, head.length, 0);
    const first = head.toString('latin1', 0, n).split('\n')[0] ?? '';
    return first.startsWith('#!') && /\bnode\b/.test(first);
  } finally {
    fs.closeSync(fd);
  }
}

/** The release's single executable, built for this run (as `npm run release` builds it). */
function buildReleaseExecutable(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tpc-bench-release-'));
  const file = path.join(dir, 'terraform-provider-coder');
  log('building the release executable (single executable, startup snapshot)');
  buildSingleExecutable(file, dir, 'snapshot');
  return file;
}

async function benchTofu(o: Options): Promise<Results['tofu']> {
  const results: Results['tofu'] = {};
  let warmedUp = false;
  const oursEnv: Record<string, string> = {};
  if (o.oursBin) oursEnv.TF_CLI_CONFIG_FILE = devOverrides(fs.mkdtempSync(path.join(os.tmpdir(), 'tpc-bench-ours-')), o.oursBin);
  for (const size of o.sizes) {
    const benches = o.subjects.map((s) => new TofuBench(s, size, s === 'ours' || s === 'ours-secrets' ? oursEnv : {}));
    try {
      for (const b of benches) {
        log(`  init ${b.label}`);
        await b.prepare();
      }
      if (!warmedUp) {
        // One untimed cycle per subject: tofu, the providers and the page cache start warm, as in
        // any real pipeline that runs more than one command.
        for (const b of benches) await b.cycle();
        warmedUp = true;
      }
      const runs = new Map<Subject, CycleFigures[]>(benches.map((b) => [b.subject, []]));
      // Subjects take turns run by run, so a burst of load on the machine hits all of them.
      for (let i = 0; i < o.runs; i++) {
        for (const b of benches) {
          const c = await b.cycle();
          runs.get(b.subject)!.push(c);
          log(`  ${b.label} run ${i + 1}/${o.runs}: plan ${c.planMs.toFixed(0)} ms, apply ${c.applyMs.toFixed(0)} ms`);
        }
      }
      results[String(size)] = Object.fromEntries([...runs].map(([s, r]) => [s, figuresOf(r)]));
    } finally {
      for (const b of benches) b.cleanup();
    }
  }
  return results;
}

async function profileOurs(o: Options): Promise<void> {
  const size = o.sizes[o.sizes.length - 1]!;
  const dir = path.join(o.outDir, 'profiles');
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  // Node refuses --cpu-prof in NODE_OPTIONS, so tofu runs a wrapper (through dev_overrides) that
  // starts our bundle under the profiler; every provider process writes a profile when it exits.
  // A single executable takes no --cpu-prof: the node bundle is profiled unless --ours named one.
  const bundle = o.oursBin && isNodeScript(o.oursBin) ? o.oursBin : oursBin();
  const tfrc = devOverrides(dir, bundle, ['--cpu-prof', `--cpu-prof-dir=${dir}`]);
  const b = new TofuBench('ours', size, { TF_CLI_CONFIG_FILE: tfrc });
  try {
    await b.prepare();
    const c = await b.cycle();
    log(`  profiled ${b.label}: plan ${c.planMs.toFixed(0)} ms, apply ${c.applyMs.toFixed(0)} ms, ${c.providerProcesses} provider processes`);
  } finally {
    b.cleanup();
  }
  const files = fs.readdirSync(dir).filter((f) => f.endsWith('.cpuprofile')).map((f) => path.join(dir, f));
  const s = summarizeProfiles(files, path.join(dir, 'bin', 'terraform-provider-coder.bundle'), 25);
  out(`\n== CPU profile of our provider, one plan + apply at ${size} (${files.length} processes, ${dir})`);
  out(`sampled ${s.totalMs.toFixed(0)} ms, idle ${s.idleMs.toFixed(0)} ms, GC ${s.gcMs.toFixed(0)} ms`);
  out(table([['self time by module', 'ms'], ...s.byModule.map(([k, v]) => [k, v.toFixed(1)])]));
  out('');
  out(table([['self time by function', 'ms'], ...s.byFunction.map(([k, v]) => [k, v.toFixed(1)])]));
}

async function main(): Promise<void> {
  const o = parseArgs(process.argv.slice(2));
  const started = Date.now();
  if (!o.oursBin && !o.oursBundle) o.oursBin = buildReleaseExecutable();
  const ours = o.oursBin ?? oursBin();
  const go = goProviderBin();
  const tofu = tofuBin();
  const meta: Record<string, unknown> = {
    startedAt: new Date(started).toISOString(),
    node: process.version,
    tofu: versionOf(tofu, ['version']),
    goProvider: path.basename(path.dirname(path.dirname(go))),
    ours: o.oursBundle ? 'node bundle (dist/)' : o.oursBin,
    oursBytes: fs.statSync(ours).size,
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model ?? 'unknown',
    loadavgStart: os.loadavg(),
    options: { ...o, only: [...o.only] },
  };
  log(`bench: tofu ${meta.tofu}, Go provider ${meta.goProvider}, ours ${ours}; load ${os.loadavg().map((x) => x.toFixed(1)).join(' ')}`);

  let results: Results = { meta, tofu: {} };
  if (o.only.has('startup')) {
    log('== start-up');
    results = {
      ...results,
      startup: await benchStartup({ oursBin: ours, bundleBin: ours === oursBin() ? undefined : oursBin(), goBin: go, rounds: o.startupRounds, log }),
    };
  }
  if (o.only.has('rpc')) {
    log('== per-RPC latency');
    results = { ...results, rpc: await benchRpc({ oursBin: ours, goBin: go, iterations: o.rpcIterations, log }) };
  }
  if (o.only.has('tofu')) {
    log('== tofu plan / apply');
    const tofuResults = await benchTofu(o);
    results = { ...results, tofu: tofuResults, ratios: computeRatios(tofuResults) };
  }
  results = { ...results, targets: checkTargets(results) };
  meta.finishedAt = new Date().toISOString();
  meta.durationS = Math.round((Date.now() - started) / 1000);
  meta.loadavgEnd = os.loadavg();

  out(`\n== terraform-provider-coder benchmark (${meta.tofu}, ${meta.goProvider}, node ${process.version}, ${meta.cpus} CPUs)`);
  if (Object.keys(results.tofu).length) {
    out(`\n-- tofu plan / apply, wall time, median of ${o.runs} runs from an empty state`);
    out(tofuTable(results));
    out('');
    out(ratioTable(results));
  }
  if (results.startup) out(`\n-- provider start-up\n${startupTable(results.startup)}`);
  if (results.rpc) {
    out(`\n-- per-RPC latency, ms (client-side, sequential calls)\n${rpcTable(results.rpc)}`);
    out(`\n${rpcCpuTable(results.rpc)}`);
  }
  if (results.targets?.length) out(`\n-- targets (reported, not asserted)\n${targetsTable(results.targets)}`);
  out(`\nload average at start ${(meta.loadavgStart as number[]).map((x) => x.toFixed(1)).join(' ')}, at end ${os.loadavg().map((x) => x.toFixed(1)).join(' ')}; took ${meta.durationS} s`);

  fs.mkdirSync(o.outDir, { recursive: true });
  fs.writeFileSync(path.join(o.outDir, 'results.json'), JSON.stringify(results, null, 2) + '\n');
  if (Object.keys(results.tofu).length) {
    const caption = `median of ${o.runs} runs; ${meta.tofu}; ${os.cpus().length} CPUs; ${String(meta.startedAt).slice(0, 16)}Z`;
    fs.writeFileSync(path.join(o.outDir, 'chart.svg'), renderChart(chartPanels(results), caption));
  }
  log(`wrote ${path.join(o.outDir, 'results.json')}${Object.keys(results.tofu).length ? ` and ${path.join(o.outDir, 'chart.svg')}` : ''}`);

  if (o.profile) await profileOurs(o);
}

main().catch((err: unknown) => {
  process.stderr.write(`bench failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
