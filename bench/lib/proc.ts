/**
 * Running a CLI for the benchmark: wall time of the whole command, plus the peak resident set and
 * the CPU time of the provider processes it starts, sampled from /proc (Linux) while it runs.
 *
 * Provider processes are the direct children of the CLI whose command line names
 * `terraform-provider-coder` (ours runs as `node <path>`, the Go provider as the binary itself).
 * VmHWM (the kernel's high-water mark of RSS) only grows, so the last sample before a process
 * exits is its peak unless the peak came in the last sampling interval. CPU time (utime + stime)
 * is read at the same moments, so it can miss up to one interval at the end of each process.
 */
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';

export interface ProviderSample {
  readonly pid: number;
  /** Peak resident set size in KiB (VmHWM). */
  readonly peakRssKb: number;
  /** user + system CPU time in ms. */
  readonly cpuMs: number;
}

export interface RunResult {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly wallMs: number;
  readonly stdout: string;
  readonly stderr: string;
  /** One entry per provider process seen. */
  readonly providers: readonly ProviderSample[];
}

export interface RunOptions {
  readonly cwd: string;
  readonly env: Record<string, string>;
  readonly timeoutMs?: number;
  /** How often /proc is sampled; 0 turns sampling off. Default 25 ms. */
  readonly sampleEveryMs?: number;
  /** Substring of a child's command line that marks it as a provider process. */
  readonly providerMarker?: string;
}

const CLK_TCK = 100; // USER_HZ on Linux: /proc/<pid>/stat times are in 1/100 s.

function readText(file: string): string | undefined {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

/** Direct children of `pid` (all of its threads' children files). */
function childrenOf(pid: number): number[] {
  const out: number[] = [];
  let tasks: string[];
  try {
    tasks = fs.readdirSync(`/proc/${pid}/task`);
  } catch {
    return out;
  }
  for (const tid of tasks) {
    const text = readText(`/proc/${pid}/task/${tid}/children`);
    if (!text) continue;
    for (const c of text.trim().split(/\s+/)) if (c) out.push(Number(c));
  }
  return out;
}

function sampleProcess(pid: number): { peakRssKb: number; cpuMs: number } | undefined {
  const status = readText(`/proc/${pid}/status`);
  const stat = readText(`/proc/${pid}/stat`);
  if (!status || !stat) return undefined;
  const hwm = /VmHWM:\s+(\d+)\s+kB/.exec(status);
  // "pid (comm) state ppid ... utime(14) stime(15)": split after the last ')' (comm may hold spaces).
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const utime = Number(fields[11]);
  const stime = Number(fields[12]);
  if (!hwm || !Number.isFinite(utime) || !Number.isFinite(stime)) return undefined;
  return { peakRssKb: Number(hwm[1]), cpuMs: ((utime + stime) * 1000) / CLK_TCK };
}

/** Runs `bin args` in its own process group; never throws for a non-zero exit. */
export function runSampled(bin: string, args: readonly string[], opts: RunOptions): Promise<RunResult> {
  const timeoutMs = opts.timeoutMs ?? 600_000;
  const every = opts.sampleEveryMs ?? 25;
  const marker = opts.providerMarker ?? 'terraform-provider-coder';
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(bin, [...args], { cwd: opts.cwd, env: opts.env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.stderr.on('data', (b: Buffer) => err.push(b));
    const samples = new Map<number, { peakRssKb: number; cpuMs: number }>();
    const notProvider = new Set<number>();
    const sample = (): void => {
      if (child.pid === undefined) return;
      for (const pid of childrenOf(child.pid)) {
        if (notProvider.has(pid)) continue;
        if (!samples.has(pid)) {
          const cmdline = readText(`/proc/${pid}/cmdline`);
          if (cmdline === undefined) continue;
          // A freshly forked child may not have exec'd yet; only decide once it has a command line.
          if (cmdline === '') continue;
          if (!cmdline.includes(marker)) {
            notProvider.add(pid);
            continue;
          }
        }
        const s = sampleProcess(pid);
        if (s) samples.set(pid, s);
      }
    };
    const sampler = every > 0 && process.platform === 'linux' ? setInterval(sample, every) : undefined;
    const timer = setTimeout(() => {
      if (child.pid !== undefined) {
        try {
          process.kill(-child.pid, 'SIGKILL');
        } catch {
          /* gone */
        }
      }
    }, timeoutMs);
    child.on('error', (e) => {
      clearTimeout(timer);
      if (sampler) clearInterval(sampler);
      reject(new Error(`could not start ${bin}: ${e.message}`));
    });
    child.on('close', (code, signal) => {
      const wallMs = performance.now() - started;
      clearTimeout(timer);
      if (sampler) clearInterval(sampler);
      if (child.pid !== undefined) {
        try {
          process.kill(-child.pid, 'SIGKILL'); // a provider left behind must not skew the next run
        } catch {
          /* group already empty */
        }
      }
      resolve({
        code,
        signal,
        wallMs,
        stdout: Buffer.concat(out).toString('utf8'),
        stderr: Buffer.concat(err).toString('utf8'),
        providers: [...samples].map(([pid, s]) => ({ pid, ...s })),
      });
    });
  });
}

/** Peak RSS (KiB) over all provider processes of a run, or null if none was seen. */
export function peakRssKb(r: RunResult): number | null {
  return r.providers.length === 0 ? null : Math.max(...r.providers.map((p) => p.peakRssKb));
}

/** Summed provider CPU time (ms) of a run, or null if none was seen. */
export function providerCpuMs(r: RunResult): number | null {
  return r.providers.length === 0 ? null : r.providers.reduce((a, p) => a + p.cpuMs, 0);
}
