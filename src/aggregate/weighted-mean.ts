import { fail } from "../internal/errors.js";
import { aggregate } from "./aggregate.js";
import { checkWeights } from "./check.js";

/**
 * Weighted arithmetic mean of one set of values, sum(w x) / sum(w), over the values present: a NaN
 * value is dropped together with its weight (the weights are re-normalized), as COINr's `a_amean`.
 * Use it for a single unit; {@link aggregate} does the same over whole columns of units, and offers
 * the other means and missing-value policies.
 *
 * @returns the mean; NaN when no value with a positive weight is present.
 * @throws IndicatrixError `invalid_weights` (length, negative, non-finite or all zero), `invalid_value`
 *   (not a number or ±Infinity).
 * @example
 * ```ts
 * weightedMean([0.2, NaN, 0.8], [1, 2, 3]);
 * // => 0.65   (0.2 * 1 + 0.8 * 3) / (1 + 3)
 * ```
 */
export function weightedMean(values: ArrayLike<number>, weights: readonly number[]): number {
  if (values === null || typeof values !== "object" || typeof values.length !== "number")
    fail("invalid_value", "values", "expected an array of numbers");
  checkWeights(weights, values.length);
  for (let j = 0; j < values.length; j++) {
    const x = values[j];
    if (typeof x !== "number" || x === Number.POSITIVE_INFINITY || x === Number.NEGATIVE_INFINITY)
      fail("invalid_value", `values[${j}]`, `expected a finite number or NaN, got ${String(x)}`);
  }
  // One unit: the arithmetic aggregation of one-unit columns, whose rule for missing values it shares.
  const columns = Array.from(values, (x) => [x]);
  return aggregate(columns, weights).values[0]!;
}
