import { fail } from "../../internal/errors.js";
import { quantileSorted } from "../quantile.js";
import { checkValues } from "./values.js";

/** A bandwidth rule of {@link kdeBandwidth}, or a bandwidth given as a positive number. */
export type BandwidthRule = "silverman" | "scott" | "scipy-scott" | "scipy-silverman" | number;

/**
 * The bandwidth h of a Gaussian kernel density estimate by a named rule, with sd the sample SD
 * (ddof 1) and IQR the interquartile range (type 7 quantiles):
 * - `"silverman"` (default): 0.9 min(sd, IQR / 1.34) N^(-1/5), Silverman (1986) eq. 3.31, R `bw.nrd0`
 *   (the default of R's `density`);
 * - `"scott"`: 1.06 min(sd, IQR / 1.34) N^(-1/5), R `bw.nrd`;
 * - `"scipy-scott"`: sd N^(-1/5), scipy `gaussian_kde(bw_method="scott")` (no factor 1.06);
 * - `"scipy-silverman"`: sd (3N / 4)^(-1/5), scipy's `"silverman"`;
 * - a positive number: that bandwidth.
 *
 * When min(sd, IQR / 1.34) is 0 (over half the values equal), the rules fall back as `bw.nrd0` does:
 * to sd, then |y_1|, then 1 (R's `bw.nrd` would return 0 there; indicatrix applies the fallback to
 * `"scott"` too).
 *
 * @param values the sample, finite, at least 2 values.
 * @param rule the rule or a positive number.
 * @throws IndicatrixError `too_few_values` (fewer than 2), `non_finite_value`, `invalid_option` (an unknown
 *   rule, or a number that is not finite and positive).
 * @example
 * ```ts
 * kdeBandwidth([1, 2, 3, 4, 5], "silverman"); // => 0.9735846228506357   (0.9 min(1.5811, 2 / 1.34) 5^(-1/5))
 * ```
 */
export function kdeBandwidth(values: ArrayLike<number>, rule: BandwidthRule = "silverman"): number {
  if (typeof rule === "number") {
    if (!(Number.isFinite(rule) && rule > 0))
      fail("invalid_option", ["bandwidth"], `a bandwidth must be a finite number > 0, got ${rule}`);
    return rule;
  }
  const y = checkValues(values, "a kernel density bandwidth", "any", 2);
  const n = y.length;
  let mean = 0;
  for (const v of y) mean += v;
  mean /= n;
  let ss = 0;
  for (const v of y) ss += (v - mean) ** 2;
  const sd = Math.sqrt(ss / (n - 1));
  const sorted = Float64Array.from(y).sort();
  const iqr = quantileSorted(sorted, 0.75) - quantileSorted(sorted, 0.25);
  const robust = (): number => {
    const lo = Math.min(sd, iqr / 1.34);
    return lo || sd || Math.abs(y[0]!) || 1;
  };
  switch (rule) {
    case "silverman":
      return 0.9 * robust() * n ** -0.2;
    case "scott":
      return 1.06 * robust() * n ** -0.2;
    case "scipy-scott":
      return (sd || Math.abs(y[0]!) || 1) * n ** -0.2;
    case "scipy-silverman":
      return (sd || Math.abs(y[0]!) || 1) * ((3 * n) / 4) ** -0.2;
    default:
      return fail(
        "invalid_option",
        ["bandwidth"],
        `the bandwidth is "silverman", "scott", "scipy-scott", "scipy-silverman" or a number, got ${JSON.stringify(rule)}`,
      );
  }
}
