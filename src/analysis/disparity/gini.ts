import { checkValues } from "./values.js";

/**
 * The Gini coefficient of non-negative values: the mean absolute difference over all ordered pairs
 * divided by twice the mean, G = sum_i sum_j |y_i - y_j| / (2 N^2 mu), computed from the sorted values
 * as sum_i (2i - N - 1) y_(i) / (N^2 mu) in O(N log N). 0 when every value is equal, at most
 * 1 - 1/N (one unit holds everything); scale-invariant. This is the population form (N^2, no
 * small-sample correction N / (N - 1)), the one the Dagum decomposition splits
 * ({@link dagumGini}); R `ineq::Gini(x, corr = FALSE)` gives the same.
 *
 * Use it as a single number for how unequal the units are; use {@link dagumGini} to split it by
 * groups (districts), {@link theil} for an index that decomposes exactly into within and between.
 *
 * @param values the values (scores), finite and >= 0 with a positive mean.
 * @throws IndicatrixError `too_few_values` (no value), `non_finite_value`, `negative_value`, `zero_mean`.
 * @example
 * ```ts
 * gini([1, 1, 1, 1]); // => 0
 * gini([0, 0, 0, 4]); // => 0.75
 * ```
 */
export function gini(values: ArrayLike<number>): number {
  const y = checkValues(values, "the Gini coefficient", "nonnegative").sort();
  const n = y.length;
  let weighted = 0;
  let sum = 0;
  for (let i = 0; i < n; i++) {
    weighted += (2 * (i + 1) - n - 1) * y[i]!;
    sum += y[i]!;
  }
  return Math.max(0, weighted / (n * sum));
}
