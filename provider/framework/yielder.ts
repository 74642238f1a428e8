/**
 * Cooperative cancellation for long calls. Handlers run on the one JS thread that also reads the
 * gRPC socket, so a StopProvider that arrives during a big call (a 10,000-item coder_metadata
 * plan) could only be read after the call finished, and the call was never cut short. The
 * framework's work is therefore written as generators (`Steps<T>`) that `yield` when a Yielder
 * says a time slice (~10 ms) is used up; the driver (runSteps) then gives the event loop a turn
 * (setImmediate), so gRPC can read and answer StopProvider, and throws Cancelled if the call was
 * stopped meanwhile.
 *
 * Cheap on the normal path: loops only count units of work and read the clock every
 * CHECK_EVERY units, and nothing is awaited unless a slice is used up, so a small call runs
 * synchronously as before (one clock read per call).
 */
import type { CallContext } from '../protocol/interface';
import { errorDiag, type Diagnostic } from './diagnostics';

/** Work between two turns of the event loop. */
export const SLICE_MS = 10;

/** Units of work (about one block element each) between two clock reads. */
export const CHECK_EVERY = 64;

/** Thrown when the call was stopped (StopProvider) or cancelled by the client. */
export class Cancelled extends Error {
  constructor() {
    super('the provider was asked to stop (StopProvider) before the operation finished');
    this.name = 'Cancelled';
  }
}

/** The one diagnostic a cancelled call answers with (fixed text: never a value from the request). */
export const cancelledDiagnostic = (): Diagnostic =>
  errorDiag('Operation cancelled', 'The provider was asked to stop (StopProvider) before this operation finished, so the operation was abandoned.');

/** Framework work that may pause: `yield` means "a slice is used up, give the event loop a turn". */
export type Steps<T> = Generator<void, T, void>;

const now = (): number => performance.now();

export class Yielder {
  private budget: number;
  private deadline: number;

  /**
   * `call`: its stopped() (or, for contexts made by hand, signal.aborted) says whether to stop;
   * stopped() is preferred because reading `signal` creates the call's AbortController.
   */
  constructor(
    private readonly call?: CallContext,
    private readonly sliceMs: number = SLICE_MS,
    private readonly clock: () => number = now,
    private readonly checkEvery: number = CHECK_EVERY,
  ) {
    // An infinite slice never reads the clock (Yielder.never: made at load time, which may be
    // inside a startup snapshot, where nothing may read the clock).
    const endless = sliceMs === Infinity;
    this.budget = endless ? Infinity : checkEvery;
    this.deadline = endless ? Infinity : clock() + sliceMs;
  }

  /** Never due, never stopped: for the synchronous entry points (runSync). */
  static readonly never: Yielder = new Yielder(undefined, Infinity);

  stopped(): boolean {
    const c = this.call;
    if (c === undefined) return false;
    return c.stopped ? c.stopped() : c.signal.aborted;
  }

  throwIfStopped(): void {
    if (this.stopped()) throw new Cancelled();
  }

  /** Counts `units` of work done where no yield is possible; the next tick() sees them. */
  count(units: number): void {
    this.budget -= units;
  }

  /** In loops: counts `units` of work; true when a yield is due (the clock is read only now and then). */
  tick(units = 1): boolean {
    this.budget -= units;
    return this.budget <= 0 && this.due();
  }

  /** At phase boundaries: throws Cancelled when stopped; then as tick(units). */
  checkpoint(units = 1): boolean {
    this.throwIfStopped();
    return this.tick(units);
  }

  /** One turn of the event loop (I/O included), then a fresh slice; throws Cancelled if stopped meanwhile. */
  async pause(): Promise<void> {
    await new Promise<void>((resolve) => setImmediate(resolve));
    this.deadline = this.clock() + this.sliceMs;
    this.budget = this.checkEvery;
    this.throwIfStopped();
  }

  private due(): boolean {
    this.budget = this.checkEvery;
    this.throwIfStopped();
    return this.clock() >= this.deadline;
  }
}

/** Runs steps to the end, pausing whenever they yield. */
export async function runSteps<T>(steps: Steps<T>, y: Yielder): Promise<T> {
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
    await y.pause();
  }
}

/** Runs steps to the end without pausing (for synchronous callers; use with Yielder.never). */
export function runSync<T>(steps: Steps<T>): T {
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}
