import { fail } from "../internal/errors.js";
import { type MatrixInput, readMatrix } from "../internal/matrix-input.js";
import { rankDescending } from "../internal/rank.js";
import type { Direction } from "../internal/types.js";
import {
  alignModerate,
  checkDirections,
  moderateTransform,
  normalizedWeights,
  requireUnits,
  toArray,
} from "./shared.js";

/**
 * Options of {@link greyRelational}; defaults as in the conventions table of docs/methods.md (rho 0.5
 * after Deng).
 */
export interface GreyRelationalOptions {
  /** Resolution (distinguishing) coefficient rho, strictly between 0 and 1; default 0.5 (Deng). */
  rho?: number;
  /**
   * Reference sequence x0: `max` (default: the best value of each column after preprocessing, i.e.
   * the column maximum, or the minimum for a cost column), `one` (the fixed ideal of aligned data in
   * the unit interval, which is 1, or 0 for a cost column), or one value per column on the input scale (it goes through the
   * same preprocessing as the units, with the units' column statistics).
   */
  reference?: "max" | "one" | readonly number[];
  /** Weights of the grade r = sum w_k xi(k) (scaled to sum 1); default equal weights (the mean). */
  weights?: readonly number[];
  /**
   * Dimensionless preprocessing (无量纲化) of each column: `none` (default: pass standardized data such
   * as Z), `minmax` (range, 区间化; a cost column is reversed, a constant column becomes 0.5),
   * `initial` (x / first unit's value, 初值化) or `mean` (x / column mean, 均值化).
   */
  preprocess?: "none" | "minmax" | "initial" | "mean";
  /**
   * Direction of each column (default all `benefit`). Target and range columns are turned into
   * benefit columns in [0, 1] by the moderate/interval formulas (docs/methods.md) and then count as
   * preprocessed (no further scaling); cost columns are reversed by `minmax` and otherwise take
   * the column minimum as their reference value.
   */
  directions?: readonly Direction[];
}

/** Result of {@link greyRelational}. */
export interface GreyRelationalResult {
  /** Grey relational grade of each unit (rows), in (0, 1]; higher = closer to the reference. */
  grades: number[];
  /** Rank by grade: 1 = best, ties share the lowest rank ("min"). */
  ranks: number[];
  /** Grey relational coefficients xi_i(k), m x n (rows = units). */
  coefficients: number[][];
  /** The reference sequence after preprocessing. */
  reference: number[];
  /** Every option that ran, defaults filled in (provenance). */
  options: {
    /** Resolution coefficient used. */
    rho: number;
    /** Reference rule used (`given` for a caller's sequence). */
    reference: "max" | "one" | "given";
    /** Preprocessing used. */
    preprocess: "none" | "minmax" | "initial" | "mean";
    /** Grade weights used (equal if none were given), summing to 1. */
    weights: number[];
    /** Direction of each column. */
    directions: Direction[];
  };
}

/**
 * Grey relational analysis (灰色关联分析, Deng Julong 1982): compares each unit's indicator sequence
 * with a reference (ideal) sequence point by point, using coefficients
 * xi_i(k) = (min min Delta + rho max max Delta) / (Delta_i(k) + rho max max Delta), where the two-level
 * min and max run over all units and indicators; the grade is their (weighted) mean. Use it on small
 * samples and when the closeness of a unit's profile to the ideal matters; use {@link topsis} for a
 * Euclidean distance to both ideal and anti-ideal points.
 *
 * A degenerate sample in which every unit equals the reference everywhere (max Delta = 0) gives
 * coefficients of 1, never NaN.
 *
 * Reference: Deng, J.L. (1982) Control problems of grey systems, Systems & Control Letters 1(5):288-294.
 *
 * @throws IndicatrixError `invalid_matrix`, `too_few_units` (fewer than 2 rows), `invalid_option`
 *   (rho outside (0, 1), unknown preprocess or reference, a zero divisor for `initial`/`mean`),
 *   `invalid_weights`, `invalid_direction`.
 * @example
 * ```ts
 * greyRelational([[1, 0], [0.5, 1], [0, 0.5]]).grades;
 * // => [0.6666666666666666, 0.75, 0.41666666666666663]
 * ```
 */
export function greyRelational(matrix: MatrixInput, opts: GreyRelationalOptions = {}): GreyRelationalResult {
  const { m, n, cols } = readMatrix(matrix, "matrix");
  requireUnits(m, 2, "matrix", "grey relational analysis");
  const rho = opts.rho ?? 0.5;
  if (typeof rho !== "number" || !(rho > 0 && rho < 1))
    fail(
      "invalid_option",
      "opts.rho",
      `the resolution coefficient must lie strictly between 0 and 1, got ${rho}`,
    );
  const preprocess = opts.preprocess ?? "none";
  if (!["none", "minmax", "initial", "mean"].includes(preprocess))
    fail(
      "invalid_option",
      "opts.preprocess",
      `expected "none", "minmax", "initial" or "mean", got ${String(preprocess)}`,
    );
  const directions = checkDirections(opts.directions, n, "opts.directions");
  const w =
    opts.weights === undefined
      ? new Float64Array(n).fill(1 / n)
      : normalizedWeights(opts.weights, n, "opts.weights");
  const refOpt = opts.reference ?? "max";
  if (Array.isArray(refOpt)) {
    if (refOpt.length !== n || !refOpt.every((v) => Number.isFinite(v)))
      fail("invalid_option", "opts.reference", `expected ${n} finite numbers (one per column)`);
  } else if (refOpt !== "max" && refOpt !== "one") {
    fail(
      "invalid_option",
      "opts.reference",
      `expected "max", "one" or one number per column, got ${String(refOpt)}`,
    );
  }

  // Preprocess each column (and a given reference value with the same column parameters).
  const given = Array.isArray(refOpt) ? Float64Array.from(refOpt) : undefined;
  const reference = new Float64Array(n);
  const data: Float64Array[] = [];
  for (let j = 0; j < n; j++) {
    const raw = cols[j]!;
    const dir = directions[j]!;
    const moderate = moderateTransform(raw, dir);
    let col = moderate ? alignModerate(raw, dir) : raw;
    let ref = given ? given[j]! : Number.NaN;
    if (moderate) ref = moderate(ref);
    let cost = dir === "cost";
    if (preprocess !== "none" && !moderate) {
      const scale = preprocessor(col, j, preprocess, cost);
      if (preprocess === "minmax") cost = false; // reversed: now a benefit column
      const out = new Float64Array(m);
      for (let i = 0; i < m; i++) out[i] = scale(col[i]!);
      col = out;
      ref = scale(ref);
    }
    if (!given) {
      if (refOpt === "one") ref = cost ? 0 : 1;
      else {
        ref = cost ? Number.POSITIVE_INFINITY : Number.NEGATIVE_INFINITY;
        for (let i = 0; i < m; i++) ref = cost ? Math.min(ref, col[i]!) : Math.max(ref, col[i]!);
      }
    }
    reference[j] = ref;
    data.push(col);
  }

  // Two-level minimum and maximum of Delta over all units and indicators.
  let dMin = Number.POSITIVE_INFINITY;
  let dMax = 0;
  for (let j = 0; j < n; j++) {
    const col = data[j]!;
    const ref = reference[j]!;
    for (let i = 0; i < m; i++) {
      const d = Math.abs(col[i]! - ref);
      if (d < dMin) dMin = d;
      if (d > dMax) dMax = d;
    }
  }
  const coefficients = Array.from({ length: m }, () => new Array<number>(n));
  const grades = new Float64Array(m);
  for (let j = 0; j < n; j++) {
    const col = data[j]!;
    const ref = reference[j]!;
    const wj = w[j]!;
    for (let i = 0; i < m; i++) {
      const d = Math.abs(col[i]! - ref);
      const xi = dMax > 0 ? (dMin + rho * dMax) / (d + rho * dMax) : 1;
      coefficients[i]![j] = xi;
      grades[i] = grades[i]! + wj * xi;
    }
  }
  return {
    grades: Array.from(grades),
    ranks: toArray(rankDescending(grades)),
    coefficients,
    reference: Array.from(reference),
    options: {
      rho,
      reference: typeof refOpt === "string" ? refOpt : "given",
      preprocess,
      weights: Array.from(w),
      directions,
    },
  };
}

/**
 * The dimensionless preprocessing of column `j` as a map of its values: `minmax` (reversed for a cost
 * column, 0.5 for a constant one), `initial` (x / first value) or `mean` (x / column mean).
 */
function preprocessor(
  col: Float64Array,
  j: number,
  preprocess: "minmax" | "initial" | "mean",
  cost: boolean,
): (x: number) => number {
  const m = col.length;
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  let sum = 0;
  for (let i = 0; i < m; i++) {
    const x = col[i]!;
    lo = Math.min(lo, x);
    hi = Math.max(hi, x);
    sum += x;
  }
  if (preprocess === "minmax") {
    const span = hi - lo;
    return span > 0 ? (x) => (cost ? hi - x : x - lo) / span : () => 0.5;
  }
  const divisor = preprocess === "initial" ? col[0]! : sum / m;
  if (divisor === 0)
    fail(
      "invalid_option",
      `matrix column ${j}`,
      preprocess === "initial"
        ? "initial-value preprocessing divides by the first unit's value, which is 0"
        : "mean preprocessing divides by the column mean, which is 0",
    );
  return (x) => x / divisor;
}
