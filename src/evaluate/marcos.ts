import { fail, type Issue } from "../internal/errors.js";
import type { MatrixInput } from "../internal/matrix-input.js";
import { rankDescending } from "../internal/rank.js";
import type { Direction } from "../internal/types.js";
import { decisionInput, minMax, requireRatioScale } from "./mcdm-input.js";
import { toArray } from "./shared.js";

/** Options of {@link marcos}. */
export interface MarcosOptions {
  /**
   * Direction of each column (default all `benefit`). Target and range columns are first turned into
   * benefit columns in [0, 1] by the moderate formulas (docs/methods.md).
   */
  directions?: readonly Direction[];
}

/** Result of {@link marcos}: one entry per unit (row) in `scores`, `ranks`, `kMinus`, `kPlus`, `fMinus`, `fPlus`. */
export interface MarcosResult {
  /** Utility function f(K_i) (higher is better). */
  scores: number[];
  /** Rank by `scores`: 1 = best, ties share the lowest rank. */
  ranks: number[];
  /** Utility degree relative to the anti-ideal solution, K- = S_i / S_aai. */
  kMinus: number[];
  /** Utility degree relative to the ideal solution, K+ = S_i / S_ai. */
  kPlus: number[];
  /** Utility function relative to the anti-ideal solution, f(K-) = K+ / (K+ + K-). */
  fMinus: number[];
  /** Utility function relative to the ideal solution, f(K+) = K- / (K+ + K-). */
  fPlus: number[];
  /** The weights used, scaled to sum 1. */
  weights: number[];
  /** Every option that ran (provenance). */
  options: { directions: Direction[] };
  /** Non-fatal findings (none at present). */
  warnings: Issue[];
}

/**
 * MARCOS (Measurement of Alternatives and Ranking according to COmpromise Solution; Stević, Pamučar,
 * Puška & Chatterjee 2020): each unit's weighted sum of ratios to the ideal row is compared with those
 * of the ideal (AI) and anti-ideal (AAI) rows, and the two utility degrees are combined into one
 * utility function. Use it for a ratio-scale decision matrix when you want both reference points in
 * one score.
 *
 * n_ij = x_ij / x_ai,j (benefit) or x_ai,j / x_ij (cost), x_ai = best value of the column; S_i = sum_j
 * w_j n_ij; K-_i = S_i / S_aai, K+_i = S_i / S_ai; f(K_i) = (K+ + K-) / (1 + (1 - f(K+)) / f(K+) + (1 -
 * f(K-)) / f(K-)).
 *
 * Reference: Stević, Ž., Pamučar, D., Puška, A. & Chatterjee, P. (2020) Sustainable supplier selection
 * in healthcare industries using a new MCDM method: MARCOS. Computers & Industrial Engineering 140:106231.
 *
 * @param matrix rows = units, columns = criteria (see {@link MatrixInput}); cost columns need values > 0,
 *   benefit columns values >= 0.
 * @param weights one non-negative weight per column; scaled to sum 1.
 * @throws IndicatrixError `invalid_matrix`, `too_few_units` (fewer than 2 rows), `invalid_weights`,
 *   `invalid_direction`, `nonpositive_value` (a value the method divides by is not positive, or the
 *   anti-ideal row is all zero).
 * @example
 * ```ts
 * marcos([[1, 4], [2, 2], [4, 2]], [0.5, 0.5]).ranks;
 * // => [2, 3, 1]
 * ```
 */
export function marcos(
  matrix: MatrixInput,
  weights: readonly number[],
  opts: MarcosOptions = {},
): MarcosResult {
  const input = decisionInput(matrix, weights, opts.directions, "MARCOS");
  requireRatioScale(input, "MARCOS");
  const { m, cols, cost, w } = input;
  const s = new Float64Array(m);
  let sIdeal = 0;
  let sAnti = 0;
  cols.forEach((col, j) => {
    const wj = w[j]!;
    if (wj === 0) return;
    const [lo, hi] = minMax(col);
    if (cost[j]) {
      // n = lo / x; the ideal is lo (n = 1), the anti-ideal hi (n = lo / hi)
      const a = wj * lo;
      for (let i = 0; i < m; i++) s[i] = s[i]! + a / col[i]!;
      sIdeal += wj;
      sAnti += a / hi;
    } else {
      const a = wj / hi;
      for (let i = 0; i < m; i++) s[i] = s[i]! + a * col[i]!;
      sIdeal += wj;
      sAnti += a * lo;
    }
  });
  if (!(sAnti > 0))
    fail(
      "nonpositive_value",
      ["matrix"],
      "the anti-ideal row is 0 on every weighted column (each column's worst value is 0), so K- = S / S_aai is undefined: shift the data above 0",
      "matrix",
    );
  const kMinus = new Float64Array(m);
  const kPlus = new Float64Array(m);
  const fMinus = new Float64Array(m);
  const fPlus = new Float64Array(m);
  const scores = new Float64Array(m);
  for (let i = 0; i < m; i++) {
    const km = s[i]! / sAnti;
    const kp = s[i]! / sIdeal;
    const fm = kp / (kp + km);
    const fp = km / (kp + km);
    kMinus[i] = km;
    kPlus[i] = kp;
    fMinus[i] = fm;
    fPlus[i] = fp;
    scores[i] = (kp + km) / (1 + (1 - fp) / fp + (1 - fm) / fm);
  }
  return {
    scores: toArray(scores),
    ranks: toArray(rankDescending(scores)),
    kMinus: toArray(kMinus),
    kPlus: toArray(kPlus),
    fMinus: toArray(fMinus),
    fPlus: toArray(fPlus),
    weights: toArray(w),
    options: { directions: input.directions },
    warnings: [],
  };
}
