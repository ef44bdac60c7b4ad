import { get } from "../../internal/float64.js";
import { type Columns, nonFinite, presentWeight, skipMissing } from "../columns.js";

/**
 * Per unit, sum(w x) over the children present with a positive weight, in child order: the one
 * weighted sum behind the arithmetic mean and the Mazziotta-Pareto mean. A missing value is
 * skipped (counted) or refused as the columns' policy says; ±Infinity throws. @internal
 */
export function weightedSum(c: Columns): Float64Array {
  const { weights, m } = c;
  const num = new Float64Array(m);
  for (const [j, col] of c.cols.entries()) {
    const w = get(weights, j);
    if (w === 0) continue;
    for (let i = 0; i < m; i++) {
      const x = get(col, i);
      if (x - x !== 0) {
        // NaN (missing) or ±Infinity, in one test on the hot path.
        if (Number.isNaN(x)) {
          skipMissing(c, i, j);
          continue;
        }
        nonFinite(i, j, x);
      }
      num[i] = get(num, i) + w * x;
    }
  }
  return num;
}

/**
 * The weighted arithmetic mean sum(w x) / sum(w) per unit over the children present, with its
 * denominator (the total weight present). NaN where no child of positive weight is present. @internal
 */
export function weightedMeans(c: Columns): { mean: Float64Array; den: Float64Array } {
  const mean = weightedSum(c);
  const den = presentWeight(c);
  for (let i = 0; i < c.m; i++) mean[i] = get(mean, i) / get(den, i);
  return { mean, den };
}

/** Kernel of `arithmetic`: sum(w x) / sum(w), fully compensatory (COINr `a_amean`). @internal */
export function arithmetic(c: Columns): Float64Array {
  return weightedMeans(c).mean;
}
