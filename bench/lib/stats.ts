/** Small, dependency-free statistics for the benchmark (all inputs in milliseconds or bytes). */

/** Nearest-rank percentile (p in [0, 100]) of a non-empty sample; the same rule for every figure. */
export function percentile(sample: readonly number[], p: number): number {
  if (sample.length === 0) throw new RangeError('percentile of an empty sample');
  if (!(p >= 0 && p <= 100)) throw new RangeError(`percentile must be within [0, 100], got ${p}`);
  const sorted = [...sample].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1] as number;
}

/**
 * Median: the middle value, or the mean of the two middle values of an even-sized sample.
 * (Percentile 50 by nearest rank would pick the lower one; the median is the usual figure.)
 */
export function median(sample: readonly number[]): number {
  if (sample.length === 0) throw new RangeError('median of an empty sample');
  const s = [...sample].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 === 1 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
}

export interface Summary {
  readonly n: number;
  readonly median: number;
  readonly min: number;
  readonly max: number;
  readonly p99: number;
}

export function summarize(sample: readonly number[]): Summary {
  return {
    n: sample.length,
    median: median(sample),
    min: Math.min(...sample),
    max: Math.max(...sample),
    p99: percentile(sample, 99),
  };
}

/** a / b, or null when either is missing or b is not positive (a ratio against nothing). */
export function ratio(a: number | null | undefined, b: number | null | undefined): number | null {
  if (a == null || b == null || !(b > 0) || !Number.isFinite(a)) return null;
  return a / b;
}

/** (ours − floor) / (go − floor): how the provider's own share compares, once tofu's share is removed. */
export function overFloorRatio(ours: number | null | undefined, go: number | null | undefined, floor: number | null | undefined): number | null {
  if (ours == null || go == null || floor == null) return null;
  return ratio(ours - floor, go - floor);
}
