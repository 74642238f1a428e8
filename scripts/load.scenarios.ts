/**
 * Load scenarios for our provider under real OpenTofu, shared by `npm run load` (full sizes,
 * prints figures) and test/e2e/load-smoke.test.ts (small sizes, in the default test run).
 *
 *   big-template   N coder resources (agents with env and metadata, coder_env, coder_script,
 *                  coder_app, coder_metadata with 10 items) applied at -parallelism=64, then an
 *                  empty re-plan
 *   concurrent     K tofu runs at once, each in its own work dir (init, plan, apply of a mid-size
 *                  template)
 *   metadata-items one coder_metadata with M items
 *   big-script     one coder_script whose script is B bytes
 *
 * Every scenario checks its own outcome (exit codes, what the state holds, an empty re-plan) and
 * throws on any failure. While it runs, ProviderRssSampler reads VmHWM (peak resident set) of
 * every process running our bundle under the scenario's work dirs.
 */
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import {
  apply,
  coderBuildEnv,
  createWorkdir,
  findResource,
  init,
  plan,
  planDetailedExitCode,
  showJson,
  stateResources,
  type EnvOverlay,
  type Json,
  type ProviderKind,
  type Workdir,
} from '../test/e2e/harness';

// ---------------------------------------------------------------------------------------------
// Peak RSS of our provider processes

export interface RssFigures {
  /** Largest VmHWM seen over all matching processes, in KiB (0 when none was seen). */
  peakKiB: number;
  /** How many distinct provider processes were sampled. */
  processes: number;
}

const PROVIDER_EXE = /^terraform-provider-coder(_v\d+\.\d+\.\d+)?$/;

/**
 * Whether a command line (/proc/<pid>/cmdline split on NUL) runs a coder provider: its program
 * (the Go provider) or, under node, its script (our bundle; node options may come first) is named terraform-provider-coder or
 * terraform-provider-coder_v<version>. By name, not substring: the path of tofu itself,
 * ~/.cache/terraform-provider-coder-ts/tofu-v1.12.6/tofu, contains the substring.
 */
export function isProviderCommandLine(argv: readonly string[]): boolean {
  const program = path.basename(argv[0] ?? '');
  // node [flags such as --cpu-prof] <script> ...
  const script = /^node(\d+)?$/.test(program) ? argv.slice(1).find((a) => !a.startsWith('-')) : undefined;
  return PROVIDER_EXE.test(program) || (script !== undefined && PROVIDER_EXE.test(path.basename(script)));
}

/**
 * Samples /proc every `intervalMs` for provider processes (isProviderCommandLine: our bundle, or
 * the Go provider when a scenario runs it for comparison) whose working directory is inside one of
 * the given roots, i.e. the providers tofu started for this scenario and not those of anything
 * else on the machine.
 * VmHWM is the kernel's own high-water mark, so the last sample of each process is its peak.
 */
export class ProviderRssSampler {
  private readonly peaks = new Map<number, number>();
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly roots: () => readonly string[],
    private readonly intervalMs = 50,
  ) {}

  start(): void {
    if (process.platform !== 'linux') return;
    this.sample();
    this.timer = setInterval(() => this.sample(), this.intervalMs);
    this.timer.unref();
  }

  stop(): RssFigures {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    return this.figures();
  }

  figures(): RssFigures {
    let peakKiB = 0;
    for (const v of this.peaks.values()) peakKiB = Math.max(peakKiB, v);
    return { peakKiB, processes: this.peaks.size };
  }

  /** One pass over /proc (public so a caller can take a last sample right before stopping). */
  sample(): void {
    const roots = this.roots().map((r) => r + path.sep);
    if (roots.length === 0) return;
    let names: string[];
    try {
      names = fs.readdirSync('/proc');
    } catch {
      return;
    }
    for (const name of names) {
      if (!/^\d+$/.test(name)) continue;
      const pid = Number(name);
      try {
        if (!isProviderCommandLine(fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0'))) continue;
        const cwd = fs.readlinkSync(`/proc/${pid}/cwd`) + path.sep;
        if (!roots.some((r) => cwd.startsWith(r))) continue;
        const m = /^VmHWM:\s+(\d+)\s+kB$/m.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
        if (!m) continue;
        this.peaks.set(pid, Math.max(this.peaks.get(pid) ?? 0, Number(m[1])));
      } catch {
        /* the process exited between reads */
      }
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Templates

const HEADER = `terraform {
  required_providers {
    coder = { source = "coder/coder" }
  }
}
`;

const q = (s: string): string => JSON.stringify(s);

/** Items per coder_metadata, env entries and metadata blocks per agent in the generated templates. */
export const ITEMS_PER_OBJECT = 10;

/**
 * One "group" is five coder resources: an agent (ITEMS_PER_OBJECT env entries and metadata
 * blocks), a coder_env, a coder_script, a coder_app and a coder_metadata with ITEMS_PER_OBJECT
 * items, all pointing at the agent. `resources` is rounded up to a multiple of five.
 */
export function groupsTemplate(resources: number): { files: Record<string, string>; resources: number } {
  const groups = Math.ceil(resources / 5);
  const blocks: string[] = [HEADER];
  for (let g = 0; g < groups; g++) {
    const env = Array.from({ length: ITEMS_PER_OBJECT }, (_, i) => `    VAR_${i} = ${q(`value-${g}-${i}`)}`).join('\n');
    const metadata = Array.from(
      { length: ITEMS_PER_OBJECT },
      (_, i) => `  metadata {
    key          = "m${i}"
    display_name = "Metric ${i}"
    script       = "cat /proc/loadavg | cut -d' ' -f${(i % 3) + 1}"
    interval     = ${10 + i}
    timeout      = 1
  }`,
    ).join('\n');
    const items = Array.from(
      { length: ITEMS_PER_OBJECT },
      (_, i) => `  item {
    key   = "key-${i}"
    value = ${q(`group ${g} item ${i}`)}
  }`,
    ).join('\n');
    blocks.push(`
resource "coder_agent" "a${g}" {
  os   = "linux"
  arch = "amd64"
  env = {
${env}
  }
${metadata}
}

resource "coder_env" "e${g}" {
  agent_id = coder_agent.a${g}.id
  name     = "GROUP_${g}"
  value    = ${q(`env value ${g}`)}
}

resource "coder_script" "s${g}" {
  agent_id     = coder_agent.a${g}.id
  display_name = "Setup ${g}"
  script       = "echo setting up group ${g}"
  run_on_start = true
}

resource "coder_app" "app${g}" {
  agent_id     = coder_agent.a${g}.id
  slug         = "app-${g}"
  display_name = "App ${g}"
  url          = "http://localhost:${8000 + (g % 1000)}"
}

resource "coder_metadata" "m${g}" {
  resource_id = coder_agent.a${g}.id
${items}
}
`);
  }
  return { files: { 'main.tf': blocks.join('') }, resources: groups * 5 };
}

/** An agent and one coder_metadata with `items` literal item blocks. */
export function metadataItemsTemplate(items: number): Record<string, string> {
  const parts = [
    HEADER,
    `
resource "coder_agent" "main" {
  os   = "linux"
  arch = "amd64"
}

resource "coder_metadata" "many" {
  resource_id = coder_agent.main.id
`,
  ];
  for (let i = 0; i < items; i++) parts.push(`  item {\n    key   = "k${i}"\n    value = "v${i}"\n  }\n`);
  parts.push('}\n');
  return { 'main.tf': parts.join('') };
}

/** A shell script of exactly `bytes` bytes (ASCII lines, ending in a newline). */
export function bigScript(bytes: number): string {
  if (bytes < 64) throw new Error('bigScript: at least 64 bytes');
  const lines: string[] = ['#!/usr/bin/env sh\n'];
  let size = lines[0]!.length;
  for (let i = 0; size < bytes; i++) {
    let line = `echo "step ${i}: preparing the workspace"\n`;
    const remaining = bytes - size;
    if (line.length > remaining) line = `${'#'.repeat(remaining - 1)}\n`;
    lines.push(line);
    size += line.length;
  }
  return lines.join('');
}

export function bigScriptTemplate(bytes: number): Record<string, string> {
  return {
    'main.tf': `${HEADER}
resource "coder_agent" "main" {
  os   = "linux"
  arch = "amd64"
}

resource "coder_script" "big" {
  agent_id     = coder_agent.main.id
  display_name = "Big script"
  script       = file("\${path.module}/big.sh")
  run_on_start = true
}
`,
    'big.sh': bigScript(bytes),
  };
}

// ---------------------------------------------------------------------------------------------
// Running a scenario

export interface ScenarioOptions {
  /** Which coder provider tofu runs; default ours (the Go provider is there for comparison). */
  provider?: ProviderKind;
  /** Write a V8 CPU profile of every provider process here (NODE_OPTIONS through tofu's env). */
  cpuProfileDir?: string;
  /** Per-command hard timeout. */
  timeoutMs?: number;
  /** Progress lines (the load script prints them; the smoke test stays quiet). */
  log?: (line: string) => void;
}

export interface ScenarioResult {
  name: string;
  /** Wall time per phase, in ms, in the order they ran. */
  phases: Array<[string, number]>;
  rss: RssFigures;
  /** What the scenario produced, for the caller to check (counts, hashes). */
  facts: Record<string, number | string | boolean>;
}

const DEFAULT_COMMAND_TIMEOUT_MS = 30 * 60_000;

/**
 * The build environment; with cpuProfileDir, a PATH whose first `node` is a wrapper adding
 * --cpu-prof. Our bundle starts through `#!/usr/bin/env node`, and Node 20 refuses --cpu-prof in
 * NODE_OPTIONS, so the wrapper is how the flag reaches every provider process tofu starts.
 */
function scenarioEnv(opts: ScenarioOptions): EnvOverlay {
  const env = coderBuildEnv();
  if (opts.cpuProfileDir) {
    fs.mkdirSync(opts.cpuProfileDir, { recursive: true });
    const wrapperDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tpc-load-node-'));
    const quote = (s: string): string => `'${s.replace(/'/g, `'\\''`)}'`;
    fs.writeFileSync(
      path.join(wrapperDir, 'node'),
      `#!/bin/sh\nexec ${quote(process.execPath)} --cpu-prof --cpu-prof-dir=${quote(opts.cpuProfileDir)} "$@"\n`,
      { mode: 0o755 },
    );
    env.PATH = [wrapperDir, path.dirname(process.execPath), process.env.PATH ?? '/usr/bin:/bin'].join(path.delimiter);
  }
  return env;
}

/** Runs `body` with a sampler over the given work dirs; always cleans the work dirs up. */
async function withSampler(
  name: string,
  wds: Workdir[],
  opts: ScenarioOptions,
  body: (time: <T>(phase: string, f: () => Promise<T>) => Promise<T>) => Promise<Record<string, number | string | boolean>>,
): Promise<ScenarioResult> {
  const sampler = new ProviderRssSampler(() => wds.map((w) => w.root));
  const phases: Array<[string, number]> = [];
  const time = async <T>(phase: string, f: () => Promise<T>): Promise<T> => {
    const t0 = performance.now();
    const r = await f();
    const ms = Math.round(performance.now() - t0);
    phases.push([phase, ms]);
    opts.log?.(`  ${name}: ${phase} ${(ms / 1000).toFixed(1)} s`);
    return r;
  };
  sampler.start();
  try {
    const facts = await body(time);
    sampler.sample();
    return { name, phases, rss: sampler.stop(), facts };
  } finally {
    sampler.stop();
    for (const wd of wds) wd.cleanup();
  }
}

const sha256 = (s: string): string => createHash('sha256').update(s).digest('hex');

/** (a) A generated template of `resources` coder resources, applied at -parallelism=64, then re-planned. */
export async function bigTemplate(resources: number, opts: ScenarioOptions = {}): Promise<ScenarioResult> {
  const { files, resources: n } = groupsTemplate(resources);
  const wd = createWorkdir({ files, provider: opts.provider ?? 'ours' });
  const env = scenarioEnv(opts);
  const timeoutMs = opts.timeoutMs ?? DEFAULT_COMMAND_TIMEOUT_MS;
  return withSampler(`big-template(${n})`, [wd], opts, async (time) => {
    await time('init', () => init(wd, { env, timeoutMs }));
    await time('apply -parallelism=64', () => apply(wd, { env, timeoutMs, args: ['-parallelism=64'] }));
    const replan = await time('re-plan', () => planDetailedExitCode(wd, { env, timeoutMs, args: ['-parallelism=64'] }));
    if (replan.code !== 0) throw new Error(`re-plan of ${n} resources was not empty (exit ${replan.code}):\n${replan.stdout.slice(0, 4000)}`);
    const state = await showJson(wd, undefined, { env, timeoutMs });
    const all = stateResources(state);
    const byType: Record<string, number> = {};
    for (const r of all) byType[r.type] = (byType[r.type] ?? 0) + 1;
    const items = all.filter((r) => r.type === 'coder_metadata').reduce((s, r) => s + (r.values.item as Json[]).length, 0);
    return { resources: all.length, agents: byType.coder_agent ?? 0, envs: byType.coder_env ?? 0, scripts: byType.coder_script ?? 0, apps: byType.coder_app ?? 0, metadata: byType.coder_metadata ?? 0, metadataItems: items, replanExit: replan.code ?? -1 };
  });
}

/** (b) `runs` tofu processes at once, each in its own work dir: init, then plan + apply of a `resources`-resource template. */
export async function concurrentRuns(runs: number, resources: number, opts: ScenarioOptions = {}): Promise<ScenarioResult> {
  const { files, resources: n } = groupsTemplate(resources);
  const wds = Array.from({ length: runs }, () => createWorkdir({ files, provider: opts.provider ?? 'ours' }));
  const env = scenarioEnv(opts);
  const timeoutMs = opts.timeoutMs ?? DEFAULT_COMMAND_TIMEOUT_MS;
  return withSampler(`concurrent(${runs}x${n})`, wds, opts, async (time) => {
    await time(`init x${runs}`, () => Promise.all(wds.map((wd) => init(wd, { env, timeoutMs }))));
    const each: number[] = [];
    await time(`plan+apply x${runs}`, () =>
      Promise.all(
        wds.map(async (wd) => {
          const t0 = performance.now();
          const p = await plan(wd, { env, timeoutMs, out: 'tfplan' });
          await apply(wd, { env, timeoutMs, planFile: p.planFile });
          each.push(performance.now() - t0);
        }),
      ),
    );
    const counts = await Promise.all(wds.map(async (wd) => stateResources(await showJson(wd, undefined, { env, timeoutMs })).length));
    each.sort((x, y) => x - y);
    return {
      runs,
      resourcesPerRun: n,
      runsWithAllResources: counts.filter((c) => c === n).length,
      slowestRunMs: Math.round(each[each.length - 1] ?? 0),
      medianRunMs: Math.round(each[Math.floor(each.length / 2)] ?? 0),
    };
  });
}

/** (c) One coder_metadata with `items` items. */
export async function metadataItems(items: number, opts: ScenarioOptions = {}): Promise<ScenarioResult> {
  const wd = createWorkdir({ files: metadataItemsTemplate(items), provider: opts.provider ?? 'ours' });
  const env = scenarioEnv(opts);
  const timeoutMs = opts.timeoutMs ?? DEFAULT_COMMAND_TIMEOUT_MS;
  return withSampler(`metadata-items(${items})`, [wd], opts, async (time) => {
    await time('init', () => init(wd, { env, timeoutMs }));
    await time('apply', () => apply(wd, { env, timeoutMs }));
    const replan = await time('re-plan', () => planDetailedExitCode(wd, { env, timeoutMs }));
    const state = await showJson(wd, undefined, { env, timeoutMs });
    const stored = findResource(state, 'coder_metadata.many').values.item as Json[];
    const inOrder = stored.every((it, i) => it.key === `k${i}` && it.value === `v${i}` && it.is_null === false);
    return { items: stored.length, inOrder, replanExit: replan.code ?? -1 };
  });
}

/** (d) One coder_script whose script is `bytes` bytes long. */
export async function bigScriptRun(bytes: number, opts: ScenarioOptions = {}): Promise<ScenarioResult> {
  const files = bigScriptTemplate(bytes);
  const wd = createWorkdir({ files, provider: opts.provider ?? 'ours' });
  const env = scenarioEnv(opts);
  const timeoutMs = opts.timeoutMs ?? DEFAULT_COMMAND_TIMEOUT_MS;
  return withSampler(`big-script(${bytes} B)`, [wd], opts, async (time) => {
    await time('init', () => init(wd, { env, timeoutMs }));
    await time('apply', () => apply(wd, { env, timeoutMs }));
    const replan = await time('re-plan', () => planDetailedExitCode(wd, { env, timeoutMs }));
    const state = await showJson(wd, undefined, { env, timeoutMs });
    const script = findResource(state, 'coder_script.big').values.script as string;
    return { scriptBytes: Buffer.byteLength(script), sameContent: sha256(script) === sha256(files['big.sh']!), replanExit: replan.code ?? -1 };
  });
}

export const formatKiB = (kib: number): string => `${(kib / 1024).toFixed(1)} MiB`;
