import { fail } from "../../internal/errors.js";
import { checkValues } from "./values.js";

/** Options of {@link coefficientOfVariation}. */
export interface CoefficientOfVariationOptions {
  /** Delta degrees of freedom of the standard deviation: 1 (default, the sample SD, as the library's z-score) or 0 (population SD, common in sigma-convergence studies). */
  ddof?: 0 | 1;
  /**
   * Unit weights such as population (aligned, finite, >= 0, positive sum): Williamson's weighted CV,
   * sqrt(sum P_i (y_i - ybar_P)^2 / P) / ybar_P, with ybar_P the weighted mean (`ddof` does not apply).
   */
  weights?: ArrayLike<number>;
}

/**
 * The coefficient of variation CV = SD / mean of values with a positive mean: the spread relative to
 * the level, scale-free, so that disparities can be compared across indicators and periods
 * (sigma convergence: a falling CV over time). The SD uses `ddof` 1 by default (R `sd`); `ddof: 0`
 * gives the population CV. With `weights`, Williamson's (1965) population-weighted CV.
 *
 * @param values the values, finite, with a positive mean.
 * @param opts the SD convention and optional unit weights.
 * @throws IndicatrixError `too_few_values` (fewer than 2 values with ddof 1), `non_finite_value`,
 *   `zero_mean` (a mean <= 0: the CV is undefined), `invalid_option` (ddof not 0 or 1), `length_mismatch`,
 *   `invalid_weights`.
 * @example
 * ```ts
 * coefficientOfVariation([2, 4, 4, 4, 5, 5, 7, 9], { ddof: 0 }); // => 0.4
 * ```
 */
export function coefficientOfVariation(
  values: ArrayLike<number>,
  opts: CoefficientOfVariationOptions = {},
): number {
  const ddof = opts.ddof ?? 1;
  if (ddof !== 0 && ddof !== 1)
    fail("invalid_option", ["opts", "ddof"], `ddof is 0 or 1, got ${String(ddof)}`);
  const weighted = opts.weights !== undefined;
  const y = checkValues(values, "the coefficient of variation", "any", weighted ? 1 : ddof + 1);
  const n = y.length;
  const w = new Float64Array(n).fill(1);
  if (weighted) {
    const ws = opts.weights as ArrayLike<number>;
    if (ws === null || typeof ws !== "object" || ws.length !== n)
      fail("length_mismatch", ["opts", "weights"], `there are ${n} values and ${ws?.length} weights`);
    for (let i = 0; i < n; i++) {
      const v = ws[i];
      if (typeof v !== "number" || !Number.isFinite(v) || v < 0)
        fail(
          "invalid_weights",
          ["opts", "weights", i],
          `a unit weight must be finite and >= 0, got ${String(v)}`,
        );
      w[i] = v;
    }
  }
  let W = 0;
  let S = 0;
  for (let i = 0; i < n; i++) {
    W += w[i]!;
    S += w[i]! * y[i]!;
  }
  if (!(W > 0)) fail("invalid_weights", ["opts", "weights"], "the unit weights sum to 0");
  const mean = S / W;
  if (!(mean > 0))
    fail("zero_mean", ["values"], `the coefficient of variation needs a positive mean, got ${mean}`);
  let ss = 0;
  for (let i = 0; i < n; i++) ss += w[i]! * (y[i]! - mean) ** 2;
  const sd = Math.sqrt(ss / (weighted ? W : n - ddof));
  return sd / mean;
}
