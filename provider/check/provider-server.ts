/**
 * One provider process per simulated build, attached to by every tofu command of that build
 * (TF_REATTACH_PROVIDERS), instead of tofu starting a fresh provider for each of its phases.
 *
 * The process is this program in `--debug` mode, started with the build's environment: the
 * provider reads the CODER_* variables from its own environment, exactly as when tofu starts it
 * during a Coder build. A plan and its `show -json` then cost one provider start instead of four,
 * which is most of the check's time. The launcher mirror (install.ts) still serves `tofu init`, and
 * is the fallback when the server cannot be started (or with --provider / --no-reattach).
 */
import { spawn } from 'node:child_process';
import { CODER_ADDRESSES } from './install';
import { trackGroup, untrackGroup } from './tofu';

export interface ProviderServer {
  /** The value for TF_REATTACH_PROVIDERS (both registry hosts). */
  readonly reattach: string;
  /** SIGTERM (the provider removes its socket directory and exits), SIGKILL if it lingers. */
  stop(): Promise<void>;
}

/** How long a stopping provider may take before it is killed. */
const STOP_GRACE_MS = 3000;

const REATTACH_RE = /TF_REATTACH_PROVIDERS='(\{.*\})'/g;

/** Starts `<self> --debug` with `env`; resolves once it printed where it listens, or undefined on failure. */
export function startProviderServer(self: { exec: string; args: string[] }, env: Record<string, string>, timeoutMs = 30_000): Promise<ProviderServer | undefined> {
  return new Promise((resolve) => {
    let settled = false;
    const child = spawn(self.exec, [...self.args, '--debug'], { env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    const pid = child.pid;
    if (pid !== undefined) trackGroup(pid);
    let exited = false;
    const exitedPromise = new Promise<void>((r) => child.once('exit', () => r()));
    const kill = (): void => {
      if (pid === undefined) return;
      // Once it has exited its pid may be reused: only a live group is killed.
      if (!exited) {
        try {
          process.kill(-pid, 'SIGKILL');
        } catch {
          /* gone */
        }
      }
      untrackGroup(pid);
    };
    const stop = async (): Promise<void> => {
      if (pid === undefined) return;
      if (!exited) {
        try {
          process.kill(pid, 'SIGTERM');
        } catch {
          /* gone */
        }
        let timer: NodeJS.Timeout | undefined;
        await Promise.race([exitedPromise, new Promise<void>((r) => (timer = setTimeout(r, STOP_GRACE_MS)))]);
        if (timer) clearTimeout(timer);
      }
      kill();
    };
    let out = '';
    const done = (server: ProviderServer | undefined): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      if (!server) void stop();
      resolve(server);
    };
    const timer = setTimeout(() => done(undefined), timeoutMs);
    // Keep draining both pipes for the life of the process so it never blocks on a full pipe.
    child.stderr.on('data', () => undefined);
    child.stdout.on('data', (d: Buffer) => {
      if (settled) return;
      out += d.toString('utf8');
      // Wait for the banner's end (a blank line after the last reattach line) or both lines.
      const found: Record<string, unknown> = {};
      for (const m of out.matchAll(REATTACH_RE)) {
        try {
          Object.assign(found, JSON.parse(m[1]!) as Record<string, unknown>);
        } catch {
          /* partial line */
        }
      }
      const keys = Object.keys(found);
      if (keys.length === 0) return;
      if (keys.length < CODER_ADDRESSES.length && !out.trimEnd().endsWith('}\'')) return;
      // Whichever host the banner named, offer the same server under both.
      const one = found[keys[0]!];
      const config: Record<string, unknown> = {};
      for (const a of CODER_ADDRESSES) config[a] = found[a] ?? one;
      done({ reattach: JSON.stringify(config), stop });
    });
    child.on('error', () => done(undefined));
    child.on('exit', () => {
      exited = true;
      if (pid !== undefined) untrackGroup(pid);
      done(undefined);
    });
  });
}
