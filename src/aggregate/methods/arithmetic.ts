import { checkWeights } from "../check.js";
import { type Columns, finiteColumns, missingOrInfinite, presentWeight, totalWeight } from "../columns.js";

/**
 * Per unit, sum(w x) over the children present with a positive weight, in child order. A missing
 * value is skipped (counted) or refused as the columns' policy says; ±Infinity throws (the test is
 * skipped for columns known finite).
 */
function weightedSum(c: Columns): Float64Array {
  const { weights, m } = c;
  const num = new Float64Array(m);
  for (const [j, col] of c.cols.entries()) {
    const w = weights[j]!;
    if (w === 0) continue;
    if (c.finite) {
      for (let i = 0; i < m; i++) num[i] = num[i]! + w * col[i]!;
      continue;
    }
    for (let i = 0; i < m; i++) {
      const x = col[i]!;
      if (x - x !== 0) {
        // NaN (missing: skipped) or ±Infinity (throws), in one test on the hot path.
        missingOrInfinite(c, x, i, j);
        continue;
      }
      num[i] = num[i]! + w * x;
    }
  }
  return num;
}

/**
 * Kernel of `arithmetic`, and the one weighted mean of the library (the Mazziotta-Pareto mean,
 * `weightedMean`, `score` and the analyses read it): sum(w x) / sum(w) per unit over the children
 * present, fully compensatory (COINr `a_amean`). NaN where no child of positive weight is present.
 * @internal
 */
export function arithmetic(c: Columns): Float64Array {
  const mean = weightedSum(c);
  if (c.imputed || c.missing === 0) {
    // Every unit has every child: one denominator, the same number presentWeight would give.
    const total = totalWeight(c);
    for (let i = 0; i < c.m; i++) mean[i] = mean[i]! / total;
    return mean;
  }
  const den = presentWeight(c);
  for (let i = 0; i < c.m; i++) mean[i] = mean[i]! / den[i]!;
  return mean;
}

/**
 * The weighted arithmetic mean of columns that the caller knows to be finite and of one length (the
 * analysis engine's normalized columns): the same kernel and the same bits as
 * `aggregate(cols, weights, "arithmetic")`, without the checks of the columns and the coverage.
 * @throws IndicatrixError `invalid_weights`, as `aggregate`. @internal
 */
export function finiteMean(cols: readonly Float64Array[], weights: readonly number[]): Float64Array {
  checkWeights(weights, cols.length);
  return arithmetic(finiteColumns(cols, weights));
}
