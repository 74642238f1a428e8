/**
 * Heap sizing for serving, applied once start-up is over.
 *
 * Under a steady stream of RPCs V8 grows the young generation from 1 MB towards 16 MB
 * semi-spaces, and that memory stays resident: over a 1,000-resource plan + apply the provider's
 * peak RSS was 124 MB, 98 MB with the young generation held at its initial size, at the same CPU
 * time (3.96 s vs 3.96-4.16 s). Start-up, which allocates ~16 MB that mostly survives, is faster
 * with the default growth (22 ms less CPU), hence "after the handshake".
 *
 * The old generation: after each full GC V8 lets the heap grow to a multiple of what survived,
 * up to 4x when allocation is fast, as it is under tofu's parallel RPCs. A fixed 1.3x holds it
 * near the live size: over 6,000 plan and apply calls, 10 at a time, anonymous memory went from
 * 55-68 MB to 45-47 MB for ~5 % more CPU (1.2x and 1.5x gave the same size; --optimize-for-size
 * reached 40 MB but cost 35-45 % more CPU).
 *
 * Node has no option for this that works from a shebang line, and refuses most V8 flags in
 * NODE_OPTIONS; these flags are read by V8 at every resize, so setting them at run time works.
 */
import { setFlagsFromString } from 'node:v8';

/** scripts/code-cache.mjs resets this flag to V8's default before it makes the code cache. */
export const SERVING_V8_FLAGS = '--semi-space-growth-factor=1 --heap-growing-percent=30';

export function tuneHeapForServing(): void {
  setFlagsFromString(SERVING_V8_FLAGS);
}
