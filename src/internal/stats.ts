/** Small NaN-skipping column statistics over typed arrays: the hot-loop helpers of the numeric core. */

/** Count, mean, min and max of the finite entries of `x` (NaN entries are skipped). */
export function columnSummary(x: ArrayLike<number>): { n: number; mean: number; min: number; max: number } {
  let n = 0;
  let sum = 0;
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < x.length; i++) {
    const v = x[i] as number;
    if (v !== v) continue;
    n++;
    sum += v;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  return { n, mean: n > 0 ? sum / n : Number.NaN, min, max };
}

/** Variance of the non-NaN entries with `ddof` (1 = sample, 0 = population); NaN if too few values. */
export function variance(x: ArrayLike<number>, ddof: 0 | 1 = 1): number {
  const { n, mean } = columnSummary(x);
  if (n - ddof <= 0) return Number.NaN;
  let ss = 0;
  for (let i = 0; i < x.length; i++) {
    const v = x[i] as number;
    if (v !== v) continue;
    const d = v - mean;
    ss += d * d;
  }
  return ss / (n - ddof);
}

/** Standard deviation of the non-NaN entries with `ddof` (1 = sample, 0 = population). */
export function stdDev(x: ArrayLike<number>, ddof: 0 | 1 = 1): number {
  return Math.sqrt(variance(x, ddof));
}
