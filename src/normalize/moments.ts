import { fail } from "../internal/errors.js";
import { scanColumn } from "./scan.js";

/** Central sums of the present values: n, mean, sum of squared, cubed and fourth-power deviations. */
function centralSums(
  values: ArrayLike<number>,
  name: string,
): { n: number; m2: number; m3: number; m4: number } {
  const { n, sum } = scanColumn(values, name);
  const mean = sum / n;
  let m2 = 0;
  let m3 = 0;
  let m4 = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i] as number;
    if (Number.isNaN(v)) continue;
    const d = v - mean;
    const d2 = d * d;
    m2 += d2;
    m3 += d2 * d;
    m4 += d2 * d2;
  }
  return { n, m2, m3, m4 };
}

/**
 * Sample skewness, the adjusted Fisher-Pearson coefficient G1 of Excel's `SKEW`, e1071's
 * `skewness(type = 2)` and COINr's `skew()`:
 * G1 = sqrt(n (n - 1)) / (n - 2) * g1, with g1 = sqrt(n) * sum d^3 / (sum d^2)^(3/2) and d = x - mean.
 * NaN values are skipped. COINr's outlier rule flags |skew| >= 2 together with kurtosis >= 3.5
 * (see {@link kurtosis}, {@link treat}). Joanes & Gill (1998), "Comparing measures of sample
 * skewness and kurtosis", The Statistician 47(1).
 *
 * @returns the skewness; NaN for a constant column (no spread, skewness undefined).
 * @throws IndicatrixError `too_few_values` with fewer than 3 present values; `non_finite_value` for ±Infinity.
 * @example
 * ```ts
 * skewness([1, 2, 3, 10]);
 * // => 1.7636
 * ```
 */
export function skewness(values: ArrayLike<number>): number {
  const { n, m2, m3 } = centralSums(values, "values");
  if (n < 3) fail("too_few_values", "values", `skewness needs at least 3 present values, got ${n}`);
  if (m2 === 0) return Number.NaN;
  const g1 = (Math.sqrt(n) * m3) / m2 ** 1.5;
  return (g1 * Math.sqrt(n * (n - 1))) / (n - 2);
}

/**
 * Sample excess kurtosis G2 of Excel's `KURT`, e1071's `kurtosis(type = 2)` and COINr's `kurt()`:
 * G2 = ((n + 1) (r - 3) + 6) (n - 1) / ((n - 2) (n - 3)), with r = n sum d^4 / (sum d^2)^2.
 * A normal sample gives about 0. NaN values are skipped. Joanes & Gill (1998).
 *
 * @returns the excess kurtosis; NaN for a constant column.
 * @throws IndicatrixError `too_few_values` with fewer than 4 present values; `non_finite_value` for ±Infinity.
 * @example
 * ```ts
 * kurtosis([1, 2, 3, 10]);
 * // => 3.228
 * ```
 */
export function kurtosis(values: ArrayLike<number>): number {
  const { n, m2, m4 } = centralSums(values, "values");
  if (n < 4) fail("too_few_values", "values", `kurtosis needs at least 4 present values, got ${n}`);
  if (m2 === 0) return Number.NaN;
  const r = (n * m4) / (m2 * m2);
  return (((n + 1) * (r - 3) + 6) * (n - 1)) / ((n - 2) * (n - 3));
}
