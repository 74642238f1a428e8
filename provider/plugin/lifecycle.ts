/**
 * One place that owns "how this process ends", so every exit path (GRPCController.Shutdown,
 * SIGTERM, parent death, start-up failure, uncaught error) stops the server and removes the socket
 * directory exactly once.
 */
import type { Logger } from './logging';
import { writePanic } from './panic';

/**
 * Hard cap on waiting for the stopper (which has its own, shorter grace period). go-plugin waits
 * 2 s after Shutdown before SIGKILL; we aim to be gone in well under 100 ms.
 */
export const DEFAULT_STOP_TIMEOUT_MS = 100;

/** Go's exit status for a panic. */
export const PANIC_EXIT_CODE = 2;

export interface LifecycleOptions {
  readonly logger: Logger;
  readonly exit?: (code: number) => void;
  readonly stopTimeoutMs?: number;
}

export class Lifecycle {
  private readonly cleanups: Array<() => void> = [];
  private stopper: (() => Promise<void>) | undefined;
  private shuttingDown: Promise<void> | undefined;
  private cleanedUp = false;
  private readonly logger: Logger;
  private readonly exit: (code: number) => void;
  private readonly stopTimeoutMs: number;

  constructor(opts: LifecycleOptions) {
    this.logger = opts.logger;
    this.exit = opts.exit ?? ((code) => process.exit(code));
    this.stopTimeoutMs = opts.stopTimeoutMs ?? DEFAULT_STOP_TIMEOUT_MS;
  }

  /**
   * Registers a synchronous cleanup (run in reverse order, once). Synchronous because the last
   * chance to run it is the process 'exit' event, where nothing asynchronous can happen.
   */
  addCleanup(fn: () => void): void {
    this.cleanups.push(fn);
  }

  /** How to stop serving; awaited for at most stopTimeoutMs. */
  setStopper(fn: () => Promise<void>): void {
    this.stopper = fn;
  }

  runCleanups(): void {
    if (this.cleanedUp) return;
    this.cleanedUp = true;
    for (const fn of this.cleanups.reverse()) {
      try {
        fn();
      } catch {
        // Keep going: the remaining cleanups matter more than reporting this one at exit.
      }
    }
  }

  /** Stops serving, cleans up and exits with `code`. Idempotent: later calls join the first. */
  shutdown(code: number, reason: string): Promise<void> {
    if (this.shuttingDown) return this.shuttingDown;
    this.logger.debug('plugin shutting down', { reason });
    this.shuttingDown = (async () => {
      const stopper = this.stopper;
      if (stopper) {
        let timer: NodeJS.Timeout | undefined;
        await Promise.race([
          stopper().catch(() => undefined),
          new Promise<void>((resolve) => {
            timer = setTimeout(resolve, this.stopTimeoutMs);
          }),
        ]);
        if (timer) clearTimeout(timer);
      }
      this.runCleanups();
      this.exit(code);
    })();
    return this.shuttingDown;
  }

  /** Last-resort handler for an error nobody caught: report it the way Terraform expects, then exit 2. */
  crash(err: unknown): void {
    writePanic(err);
    this.runCleanups();
    this.exit(PANIC_EXIT_CODE);
  }

  /**
   * Hooks the process: 'exit' runs cleanups (covers process.exit from anywhere), and uncaught
   * exceptions / unhandled rejections become panics.
   */
  installProcessHooks(): void {
    process.on('exit', () => this.runCleanups());
    process.on('uncaughtException', (err) => this.crash(err));
    process.on('unhandledRejection', (reason) => this.crash(reason));
  }
}
