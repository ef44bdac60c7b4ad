import { type Columns, missingOrInfinite } from "../columns.js";

/**
 * Kernel of `minimum`: the smallest value among the children present; weights are ignored except
 * that a child of weight 0 takes no part (fully non-compensatory). NaN where none is present. @internal
 */
export function minimum(c: Columns): Float64Array {
  const { weights, m } = c;
  const values = new Float64Array(m).fill(Number.NaN);
  for (const [j, col] of c.cols.entries()) {
    if (weights[j]! === 0) continue;
    for (let i = 0; i < m; i++) {
      const x = col[i]!;
      if (x - x !== 0) {
        // NaN (missing: skipped) or ±Infinity (throws), in one test on the hot path.
        missingOrInfinite(c, x, i, j);
        continue;
      }
      const v = values[i]!;
      if (x < v || Number.isNaN(v)) values[i] = x;
    }
  }
  return values;
}
