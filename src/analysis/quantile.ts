/**
 * Quantile of sorted values by R's default rule (type 7, Hyndman & Fan 1996): linear interpolation
 * between the order statistics at h = (n - 1) p. @internal
 */
export function quantileSorted(sorted: ArrayLike<number>, p: number): number {
  const n = sorted.length;
  const h = (n - 1) * p;
  const lo = Math.floor(h);
  const a = sorted[lo]!;
  if (lo + 1 >= n) return a;
  return a + (h - lo) * (sorted[lo + 1]! - a);
}
