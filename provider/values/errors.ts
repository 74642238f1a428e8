/**
 * The single error class thrown by every codec and helper in this directory.
 *
 * Errors carry the attribute path where they happened so the framework can turn them into
 * diagnostics attached to that path. Codecs build the path while the error unwinds (each
 * container prepends its step), which keeps the success path free of any path bookkeeping.
 */
import type { PathStep } from '../protocol/interface';
import { formatPath } from './path';

export class ValueError extends Error {
  /** Where the problem is, outermost step first (empty = the value as a whole). */
  readonly path: PathStep[];
  /** The message without the path prefix. */
  readonly detail: string;

  constructor(detail: string, path: PathStep[] = []) {
    super(detail);
    this.name = 'ValueError';
    this.detail = detail;
    this.path = path;
    this.message = compose(detail, path);
  }

  /** Records that the failing value sits under `step` of its parent; returns `this` for rethrow. */
  prependStep(step: PathStep): this {
    this.path.unshift(step);
    this.message = compose(this.detail, this.path);
    return this;
  }
}

function compose(detail: string, path: readonly PathStep[]): string {
  return path.length === 0 ? detail : `${formatPath(path)}: ${detail}`;
}

/**
 * Re-throws `err` with `step` prepended when it is a ValueError. Anything else (a RangeError
 * from an engine limit, say) is converted into a ValueError so callers only ever see one kind.
 */
export function withStep(err: unknown, step: PathStep): never {
  if (err instanceof ValueError) throw err.prependStep(step);
  throw new ValueError(err instanceof Error ? err.message : String(err), [step]);
}
