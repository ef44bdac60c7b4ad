import { checkValues } from "./values.js";

/**
 * The ratio of the largest to the smallest value, max / min (the "extreme ratio" of regional studies):
 * 1 when every value is equal. It reads only the two extremes, so one outlier moves it; report it next
 * to {@link gini} or {@link theil}, not instead of them.
 *
 * @param values the values, finite and > 0.
 * @throws IndicatrixError `too_few_values` (no value), `non_finite_value`, `nonpositive_value` (a value <= 0:
 *   the ratio is undefined or infinite).
 * @example
 * ```ts
 * maxMinRatio([0.45, 0.6, 0.9]); // => 2
 * ```
 */
export function maxMinRatio(values: ArrayLike<number>): number {
  const y = checkValues(values, "the max/min ratio", "positive");
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  for (const v of y) {
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  return hi / lo;
}
