/**
 * Finding and running the tofu (or terraform) executable the check drives.
 *
 * Discovery order: `--tofu PATH`, then `$TOFU`, `$TERRAFORM`, then `tofu` and `terraform` on PATH.
 * Every command runs in its own process group (tofu plus the provider plugins it starts) with a
 * hard timeout that kills the whole group; groups still alive when the check exits are killed too.
 */
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

export interface TofuBinary {
  readonly path: string;
  readonly kind: 'tofu' | 'terraform';
  readonly version: string;
  /** `init -json` exists from OpenTofu 1.8 and Terraform 1.9. */
  readonly initJson: boolean;
}

export interface RunResult {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
  readonly timedOut: boolean;
  readonly durationMs: number;
}

export class TofuNotFoundError extends Error {}

function isExecutable(file: string): boolean {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

function onPath(name: string, envPath: string | undefined): string | undefined {
  for (const dir of (envPath ?? '').split(path.delimiter)) {
    if (!dir) continue;
    const candidate = path.join(dir, name);
    if (isExecutable(candidate)) return candidate;
  }
  return undefined;
}

export async function findTofu(explicit: string | undefined, env: NodeJS.ProcessEnv): Promise<TofuBinary> {
  let bin: string | undefined;
  let from = '';
  if (explicit) {
    bin = explicit.includes(path.sep) ? path.resolve(explicit) : onPath(explicit, env['PATH']);
    from = `--tofu ${explicit}`;
  } else if (env['TOFU']) {
    bin = env['TOFU'];
    from = `TOFU=${env['TOFU']}`;
  } else if (env['TERRAFORM']) {
    bin = env['TERRAFORM'];
    from = `TERRAFORM=${env['TERRAFORM']}`;
  } else {
    bin = onPath('tofu', env['PATH']) ?? onPath('terraform', env['PATH']);
    from = 'PATH';
  }
  if (!bin || !isExecutable(bin)) {
    throw new TofuNotFoundError(
      bin ? `${from}: ${bin} is not an executable file` : 'no tofu or terraform found on PATH; install OpenTofu, or pass --tofu PATH (or set TOFU)',
    );
  }
  const r = await run(bin, ['version'], { cwd: process.cwd(), env: { PATH: env['PATH'] ?? '', HOME: env['HOME'] ?? '', TF_CLI_CONFIG_FILE: '/dev/null', CHECKPOINT_DISABLE: '1' }, timeoutMs: 30_000 });
  const m = /^(OpenTofu|Terraform) v(\d+)\.(\d+)\.(\d+)\S*/m.exec(r.stdout);
  if (r.code !== 0 || !m) throw new TofuNotFoundError(`${bin} (${from}) does not look like tofu or terraform: \`version\` printed no version`);
  const kind = m[1] === 'OpenTofu' ? 'tofu' : 'terraform';
  const major = Number(m[2]);
  const minor = Number(m[3]);
  const initJson = kind === 'tofu' ? major > 1 || minor >= 8 : major > 1 || minor >= 9;
  return { path: bin, kind, version: `${m[2]}.${m[3]}.${m[4]}`, initJson };
}

const liveGroups = new Set<number>();
let exitHook = false;

function killGroup(pid: number): void {
  try {
    process.kill(-pid, 'SIGKILL');
  } catch {
    /* gone */
  }
}

function ensureExitHook(): void {
  if (!exitHook) {
    exitHook = true;
    process.on('exit', killAll);
  }
}

/** Registers a process group started elsewhere (the provider server) for cleanup at exit. */
export function trackGroup(pid: number): void {
  ensureExitHook();
  liveGroups.add(pid);
}

export function untrackGroup(pid: number): void {
  liveGroups.delete(pid);
}

function groupAlive(pid: number): boolean {
  try {
    process.kill(-pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Kills every process group still running (on exit or interrupt). */
export function killAll(): void {
  for (const pid of liveGroups) killGroup(pid);
  liveGroups.clear();
}

const OUTPUT_LIMIT = 256 * 1024 * 1024;

export interface RunOptions {
  readonly cwd: string;
  readonly env: Record<string, string>;
  readonly timeoutMs: number;
}

/** Runs a command; never throws for a non-zero exit (only when it cannot start). */
export function run(bin: string, args: readonly string[], opts: RunOptions): Promise<RunResult> {
  ensureExitHook();
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const child = spawn(bin, [...args], { cwd: opts.cwd, env: opts.env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    const pid = child.pid;
    if (pid !== undefined) liveGroups.add(pid);
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    let outLen = 0;
    let errLen = 0;
    child.stdout.on('data', (b: Buffer) => {
      if ((outLen += b.length) <= OUTPUT_LIMIT) out.push(b);
    });
    child.stderr.on('data', (b: Buffer) => {
      if ((errLen += b.length) <= OUTPUT_LIMIT) err.push(b);
    });
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      if (pid !== undefined) killGroup(pid);
    }, opts.timeoutMs);
    let settled = false;
    const finish = async (code: number | null): Promise<void> => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      if (pid !== undefined) {
        // Provider plugins normally exit with tofu; give stragglers a moment to clean up their
        // sockets, then kill whatever is left in the group.
        for (let i = 0; i < 20 && groupAlive(pid); i++) await new Promise((r) => setTimeout(r, 50));
        killGroup(pid);
        liveGroups.delete(pid);
      }
      resolve({ code, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8'), timedOut, durationMs: Date.now() - started });
    };
    child.on('error', (e) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      if (pid !== undefined) liveGroups.delete(pid);
      reject(new Error(`could not start ${bin}: ${e.message}`));
    });
    let guard: NodeJS.Timeout | undefined;
    child.on('exit', (code) => {
      // 'close' normally follows; if a stray grandchild holds the pipes, do not wait for it.
      guard = setTimeout(() => {
        child.stdout.destroy();
        child.stderr.destroy();
        void finish(code);
      }, 3000);
    });
    child.on('close', (code) => {
      if (guard) clearTimeout(guard);
      void finish(code);
    });
  });
}

/** Runs `tasks` with at most `limit` at a time, keeping result order. */
export async function pool<T>(limit: number, tasks: ReadonlyArray<() => Promise<T>>): Promise<T[]> {
  const results: T[] = new Array(tasks.length);
  let next = 0;
  const workers = Array.from({ length: Math.max(1, Math.min(limit, tasks.length)) }, async () => {
    for (;;) {
      const i = next++;
      if (i >= tasks.length) return;
      results[i] = await tasks[i]!();
    }
  });
  await Promise.all(workers);
  return results;
}
