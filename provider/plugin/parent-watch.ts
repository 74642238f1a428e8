/**
 * Exit when the process that started us is gone.
 *
 * go-plugin servers do not do this, but a provider whose Terraform was SIGKILLed (or crashed)
 * would otherwise serve forever, holding a socket in $TMPDIR. When the parent dies the kernel
 * re-parents us (to init or a subreaper), so our parent pid changes; polling it is portable and
 * costs one syscall per tick. The timer is unref'd so it never keeps the process alive by itself.
 *
 * Deliberately NOT watched: stdin. Terraform passes its own stdin through (often a terminal, or
 * /dev/null in CI where it is at EOF from the start), so its end says nothing about the parent -
 * and reading it could steal the user's answer to Terraform's own prompts.
 */

export const DEFAULT_PARENT_POLL_MS = 200;

export interface ParentWatchOptions {
  readonly intervalMs?: number;
  readonly getParentPid?: () => number;
}

/** Calls `onGone` once when the parent pid changes; returns a function that stops watching. */
export function watchParent(onGone: () => void, opts: ParentWatchOptions = {}): () => void {
  const getParentPid = opts.getParentPid ?? (() => process.ppid);
  const initial = getParentPid();
  const timer = setInterval(() => {
    if (getParentPid() !== initial) {
      clearInterval(timer);
      onGone();
    }
  }, opts.intervalMs ?? DEFAULT_PARENT_POLL_MS);
  timer.unref();
  return () => clearInterval(timer);
}
