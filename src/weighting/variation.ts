import { fail } from "../internal/errors.js";
import { type MatrixInput, readMatrix } from "../internal/matrix-input.js";
import type { Direction } from "../internal/types.js";
import { alignInto, alignParams, columnRange, readDirections, requireUnits } from "./data.js";

/** Options of {@link stdDevWeights} and {@link cvWeights}. */
export interface VariationOptions {
  /** One direction per column; giving directions implies `normalize: true`. Default: all `"benefit"`. */
  directions?: readonly Direction[];
  /**
   * Min-max normalize each column by its direction before measuring spread. Default: true when `directions` is
   * given, false otherwise (the spread of the raw values).
   */
  normalize?: boolean;
  /** Degrees of freedom of the standard deviation: 1 (default, sample sd) or 0 (population sd). Reported; the weights do not depend on it. */
  ddof?: 0 | 1;
}

/** Result of {@link stdDevWeightsDetailed} and {@link cvWeightsDetailed}. */
export interface VariationDetails {
  /** The weights, summing to 1. */
  weights: number[];
  /** Standard deviation of each column (normalized or raw, see `normalized`). */
  sd: number[];
  /** Mean of each column. */
  mean: number[];
  /** Coefficient of variation sd / |mean| of each column (0 for a constant column, Infinity for a varying column with mean 0). */
  cv: number[];
  /** True when the columns were min-max normalized by direction first. */
  normalized: boolean;
  /** The ddof used. */
  ddof: 0 | 1;
}

/**
 * Standard-deviation weights: w_j = σ_j / Σ_k σ_k. An indicator that spreads the units more gets more weight.
 * Runs on the raw values unless `directions` or `normalize: true` is given (then on min-max normalized values, the
 * usual choice, since raw standard deviations depend on the units of measurement). Use {@link cvWeights} for
 * ratio-scale data in different units, {@link entropyWeights} or {@link criticWeights} for the common alternatives.
 *
 * @throws {IndicatrixError} `too_few_units`, `invalid_matrix` (naming row and column), `invalid_direction`,
 *   `invalid_option`, `all_constant` (every column constant).
 * @example
 * ```ts
 * stdDevWeights([[1, 10], [3, 10], [5, 14]], { normalize: true }).map((w) => +w.toFixed(4));
 * // => [0.4641, 0.5359]
 * ```
 */
export function stdDevWeights(data: MatrixInput, opts: VariationOptions = {}): number[] {
  return stdDevWeightsDetailed(data, opts).weights;
}

/**
 * {@link stdDevWeights} with each column's mean, sd and coefficient of variation.
 * @throws {IndicatrixError} as {@link stdDevWeights}.
 * @example
 * ```ts
 * stdDevWeightsDetailed([[1, 10], [3, 10], [5, 14]]).sd.map((s) => +s.toFixed(4));
 * // => [2, 2.3094]
 * ```
 */
export function stdDevWeightsDetailed(data: MatrixInput, opts: VariationOptions = {}): VariationDetails {
  const v = variation(data, opts);
  return { ...v, weights: normalizeOrFail(v.sd) };
}

/**
 * Coefficient-of-variation weights (变异系数法): V_j = σ_j / |mean_j|, w_j = V_j / Σ_k V_k. Scale-free, so it suits
 * raw ratio-scale indicators in different units; on min-max data (with `directions`) a column mean near 0 makes V_j
 * unstable. The reference vector of the tests (test/fixtures/five-communities) is CV on the normalized matrix Z
 * with ddof 1.
 *
 * @throws {IndicatrixError} `too_few_units`, `invalid_matrix`, `invalid_direction`, `invalid_option`,
 *   `zero_mean` (a varying column with mean 0: V is undefined), `all_constant`.
 * @example
 * ```ts
 * cvWeights([[1, 10], [3, 10], [5, 14]]).map((w) => +w.toFixed(4));
 * // => [0.7659, 0.2341]
 * ```
 */
export function cvWeights(data: MatrixInput, opts: VariationOptions = {}): number[] {
  return cvWeightsDetailed(data, opts).weights;
}

/**
 * {@link cvWeights} with each column's mean, sd and coefficient of variation.
 * @throws {IndicatrixError} as {@link cvWeights}.
 * @example
 * ```ts
 * cvWeightsDetailed([[1, 10], [3, 10], [5, 14]]).cv.map((c) => +c.toFixed(4));
 * // => [0.6667, 0.2038]
 * ```
 */
export function cvWeightsDetailed(data: MatrixInput, opts: VariationOptions = {}): VariationDetails {
  const v = variation(data, opts);
  v.sd.forEach((s, j) => {
    if (s > 0 && v.mean[j] === 0)
      fail(
        "zero_mean",
        `matrix[*][${j}]`,
        `column ${j} has mean 0, so its coefficient of variation is undefined`,
      );
  });
  return { ...v, weights: normalizeOrFail(v.cv) };
}

function normalizeOrFail(xs: number[]): number[] {
  let total = 0;
  for (const x of xs) total += x;
  if (!(total > 0))
    fail("all_constant", "matrix", "every column is constant: no spread to derive weights from");
  return xs.map((x) => x / total);
}

function variation(data: MatrixInput, opts: VariationOptions): Omit<VariationDetails, "weights"> {
  const { m, n, cols } = readMatrix(data, "matrix", { finite: false });
  requireUnits(m);
  const directions = readDirections(opts.directions, n);
  const normalized = opts.normalize ?? directions !== undefined;
  if (typeof normalized !== "boolean")
    fail("invalid_option", "opts.normalize", `expected a boolean, got ${String(normalized)}`);
  const ddof = opts.ddof ?? 1;
  if (ddof !== 0 && ddof !== 1) fail("invalid_option", "opts.ddof", `expected 0 or 1, got ${String(ddof)}`);
  const sd: number[] = [];
  const mean: number[] = [];
  const cv: number[] = [];
  let scratch: Float64Array | undefined;
  for (let j = 0; j < n; j++) {
    const col = cols[j]!;
    const range = columnRange(col, j, "matrix");
    let x = col;
    let mu = range.sum / m;
    if (!(range.max > range.min)) {
      sd.push(0);
      mean.push(normalized ? 0.5 : range.min);
      cv.push(0);
      continue;
    }
    if (normalized) {
      const p = alignParams(directions?.[j] ?? "benefit", range.min, range.max);
      scratch ??= new Float64Array(m);
      alignInto(col, 0, m, p, scratch, 0, 0);
      x = scratch;
      let s = 0;
      for (let i = 0; i < m; i++) s += x[i]!;
      mu = s / m;
    }
    let ss = 0;
    for (let i = 0; i < m; i++) {
      const d = x[i]! - mu;
      ss += d * d;
    }
    const s = Math.sqrt(ss / (m - ddof));
    sd.push(s);
    mean.push(mu);
    cv.push(s === 0 ? 0 : mu === 0 ? Number.POSITIVE_INFINITY : s / Math.abs(mu));
  }
  return { sd, mean, cv, normalized, ddof };
}
