import { fail, type Issue } from "../internal/errors.js";
import type { MatrixInput } from "../internal/matrix-input.js";
import { rankDescending } from "../internal/rank.js";
import type { Direction } from "../internal/types.js";
import { readMcdm } from "./criteria-input.js";
import { toArray } from "./shared.js";

/** Options of {@link copras}. */
export interface CoprasOptions {
  /**
   * Direction of each column (default all `benefit`): benefit columns add to S⁺, cost columns to
   * S⁻. Target and range columns are first turned into benefit columns in [0, 1] by the moderate
   * formulas (docs/methods.md).
   */
  directions?: readonly Direction[];
}

/** Result of {@link copras}: one entry per unit (row) in `scores`, `ranks`, `Q`, `sPlus`, `sMinus`. */
export interface CoprasResult {
  /** Utility degree N = Q / max Q in (0, 1] (x 100% in the papers); higher is better. */
  scores: number[];
  /** Rank by Q: 1 = best, ties share the lowest rank ("min"). */
  ranks: number[];
  /** Relative significance Q = S⁺ + sum_k S⁻_k / (S⁻_i sum_k 1/S⁻_k) (Q = S⁺ without a cost column). */
  Q: number[];
  /** S⁺ = sum over benefit columns of w_j x_ij / sum_i x_ij. */
  sPlus: number[];
  /** S⁻ = sum over cost columns of w_j x_ij / sum_i x_ij (all 0 without a cost column). */
  sMinus: number[];
  /** The weights used, scaled to sum 1. */
  weights: number[];
  /** Every option that ran, defaults filled in (provenance). */
  options: {
    /** Direction of each column. */
    directions: Direction[];
  };
  /** Non-fatal findings (none yet; kept for the common result shape). */
  warnings: Issue[];
}

/**
 * COPRAS (COmplex PRoportional ASsessment, Zavadskas, Kaklauskas & Šarka 1994): sum-normalizes and
 * weights the columns, adds up the benefit part S⁺ and the cost part S⁻ of each unit, and ranks by
 * the relative significance Q = S⁺ + sum S⁻ / (S⁻_i sum 1/S⁻) (the formula as printed, min S⁻
 * cancels), reported as the utility degree N = Q / max Q. Ratio-scale data: benefit values >= 0,
 * cost values > 0. pymcdm 1.4.0 computes Q = S⁺ + S⁻ instead (a 2024 change; DOMAIN C9.5): not
 * followed here.
 *
 * Reference: Zavadskas, E.K., Kaklauskas, A. & Šarka, V. (1994) The new method of multicriteria
 * complex proportional assessment of projects. Technological and Economic Development of Economy
 * 1(3):131-139.
 *
 * @param matrix rows = units, columns = criteria: `number[][]` or `{ columns: Float64Array[] }` (see {@link MatrixInput}).
 * @param weights one non-negative weight per column; scaled to sum 1.
 * @throws IndicatrixError `invalid_matrix`, `invalid_weights`, `invalid_direction`,
 *   `negative_value` (a negative value in a benefit column), `nonpositive_value` (a value <= 0 in
 *   a cost column, or a benefit column of zeros).
 * @example
 * ```ts
 * // DOMAIN C9 example: c1 is a cost, c2-c4 benefits
 * const x = [[250, 16, 12, 5], [200, 16, 8, 3], [300, 32, 16, 4], [275, 32, 8, 4], [225, 16, 16, 2]];
 * const r = copras(x, [0.35, 0.2, 0.3, 0.15], { directions: ["cost", "benefit", "benefit", "benefit"] });
 * r.ranks; // => [3, 5, 1, 4, 2]
 * ```
 */
export function copras(
  matrix: MatrixInput,
  weights: readonly number[],
  opts: CoprasOptions = {},
): CoprasResult {
  const x = readMcdm(matrix, weights, opts.directions);
  const { m, n, cols, w, cost } = x;
  const sPlus = new Float64Array(m);
  const sMinus = new Float64Array(m);
  let anyCost = false;
  for (let j = 0; j < n; j++) {
    const col = cols[j]!;
    let sum = 0;
    for (let i = 0; i < m; i++) {
      const c = col[i]!;
      if (cost[j] ? !(c > 0) : c < 0)
        fail(
          cost[j] ? "nonpositive_value" : "negative_value",
          ["matrix", i, j],
          `matrix[${i}][${j}] is ${c}: COPRAS needs ${cost[j] ? "values > 0 in a cost column (it divides by S⁻)" : "values >= 0 in a benefit column"}`,
          `matrix row ${i}, column ${j}`,
        );
      sum += c;
    }
    if (!(sum > 0))
      fail(
        "nonpositive_value",
        ["matrix", 0, j],
        `column ${j} sums to 0: COPRAS divides by the column sum`,
        `matrix column ${j}`,
      );
    const k = w[j]! / sum;
    if (cost[j]) anyCost = true;
    if (k === 0) continue;
    const target = cost[j] ? sMinus : sPlus;
    for (let i = 0; i < m; i++) target[i] = target[i]! + k * col[i]!;
  }
  const Q = Float64Array.from(sPlus);
  let costWeight = 0;
  for (let j = 0; j < n; j++) if (cost[j]) costWeight += w[j]!;
  if (anyCost && costWeight > 0) {
    let total = 0;
    let inverse = 0;
    for (let i = 0; i < m; i++) {
      total += sMinus[i]!;
      inverse += 1 / sMinus[i]!;
    }
    for (let i = 0; i < m; i++) Q[i] = Q[i]! + total / (sMinus[i]! * inverse);
  }
  let maxQ = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < m; i++) if (Q[i]! > maxQ) maxQ = Q[i]!;
  const N = new Float64Array(m);
  for (let i = 0; i < m; i++) N[i] = maxQ > 0 ? Q[i]! / maxQ : 0;
  return {
    scores: toArray(N),
    ranks: toArray(rankDescending(Q)),
    Q: toArray(Q),
    sPlus: toArray(sPlus),
    sMinus: toArray(sMinus),
    weights: toArray(w),
    options: { directions: x.directions },
    warnings: [],
  };
}
