/**
 * Descending "min" ranks written into `out` (1 = highest, ties share the lowest rank, 0 for NaN),
 * the same ranks as `rankDescendingUint32`, without allocating per call: `sorted` is a scratch
 * buffer of the same length. Sorts a copy (typed-array sort) and counts, for each value, the values
 * strictly above it by binary search. @internal
 */
export function rankInto(values: Float64Array, sorted: Float64Array, out: Uint32Array): void {
  const m = values.length;
  sorted.set(values);
  sorted.sort(); // ascending, NaN last
  let n = m;
  while (n > 0 && Number.isNaN(sorted[n - 1] as number)) n--;
  for (let i = 0; i < m; i++) {
    const x = values[i] as number;
    if (Number.isNaN(x)) {
      out[i] = 0;
      continue;
    }
    // first index with sorted[idx] > x
    let lo = 0;
    let hi = n;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((sorted[mid] as number) > x) hi = mid;
      else lo = mid + 1;
    }
    out[i] = n - lo + 1;
  }
}
