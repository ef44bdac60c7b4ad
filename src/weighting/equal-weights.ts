import { fail } from "../internal/errors.js";

/**
 * n equal weights 1/n: the default for a node without a weight specification, and the baseline that every other
 * weighting should be compared with (OECD/JRC Handbook 2008).
 *
 * @throws {IndicatrixError} `invalid_option` unless n is a positive integer.
 * @example
 * ```ts
 * equalWeights(4);
 * // => [0.25, 0.25, 0.25, 0.25]
 * ```
 */
export function equalWeights(n: number): number[] {
  if (!Number.isInteger(n) || n < 1)
    fail("invalid_option", "n", `expected a positive integer, got ${String(n)}`);
  return Array.from({ length: n }, () => 1 / n);
}
