import { fail } from "../internal/errors.js";
import { type MatrixInput, readMatrix } from "../internal/matrix-input.js";
import type { Direction } from "../internal/types.js";
import { costFlags, inverse } from "./benefit-cost.js";
import { columnRange, requireUnits } from "./data.js";

/** Options of {@link cilosWeights}. */
export interface CilosOptions {
  /** `"benefit"` (default) or `"cost"` per column (a cost column is turned into min_k x_kj / x_ij); no target or range. */
  directions?: readonly Direction[];
}

/** Result of {@link cilosWeightsDetailed}. */
export interface CilosDetails {
  /** The weights q, summing to 1. */
  weights: number[];
  /** Relative impact loss P: p_kj = (a_jj - a_kj) / a_jj, the loss in criterion j when the unit best in k is chosen. */
  loss: number[][];
  /** For each criterion k, the row of the unit best in it (the first on ties). */
  best: number[];
}

/**
 * CILOS weights (Criterion Impact LOSs; Zavadskas & Podvezko 2016, International Journal of Information Technology
 * & Decision Making 15(2):267-283): cost columns are turned into benefit ones by min_k x_kj / x_ij, each column is
 * divided by its sum (r_ij), A is the square matrix whose row k is the unit best in criterion k, p_kj = (a_jj -
 * a_kj) / a_jj is the relative loss in criterion j when that unit is picked, and the weights q solve F q = 0,
 * Σ q = 1, with F = P off the diagonal and f_jj = -Σ_k p_kj. A criterion weighs more when picking the best units of
 * the others costs much in it. Pairs with entropy in {@link idocriwWeights}. O(m n) plus an n x n solve.
 *
 * @throws {IndicatrixError} `too_few_units`, `invalid_matrix`, `negative_value`, `nonpositive_value` (a cost column
 *   value <= 0, or a column summing to 0), `unsupported_direction`, `invalid_option`, `degenerate_weights` (F has
 *   no unique solution, e.g. one unit is best in every criterion).
 * @example
 * ```ts
 * cilosWeights([[3, 100, 10], [4, 120, 8], [2, 80, 12]], { directions: ["benefit", "cost", "benefit"] })
 *   .map((w) => +w.toFixed(4));
 * // => [0.25, 0.375, 0.375]
 * ```
 */
export function cilosWeights(data: MatrixInput, opts: CilosOptions = {}): number[] {
  return cilosWeightsDetailed(data, opts).weights;
}

/**
 * {@link cilosWeights} with the relative loss matrix P and the unit best in each criterion.
 *
 * @throws {IndicatrixError} as {@link cilosWeights}.
 * @example
 * ```ts
 * cilosWeightsDetailed([[1, 2], [2, 1]]).best;
 * // => [1, 0]
 * ```
 */
export function cilosWeightsDetailed(data: MatrixInput, opts: CilosOptions = {}): CilosDetails {
  const { m, n, cols } = readMatrix(data, "matrix", { finite: false });
  requireUnits(m);
  const cost = costFlags(opts.directions, n, "CILOS");
  // Per column: the transform b(x) = x or min / x, its sum, and the row of its maximum.
  const scale: number[] = [];
  const mins: number[] = [];
  const best: number[] = [];
  cols.forEach((col, j) => {
    const { min } = columnRange(col, j, "matrix");
    mins.push(min);
    if (cost[j] ? !(min > 0) : min < 0) {
      const i = col.findIndex((v) => (cost[j] ? !(v > 0) : v < 0));
      fail(
        cost[j] ? "nonpositive_value" : "negative_value",
        `matrix[${i}][${j}]`,
        `row ${i}, column ${j}: ${col[i]} is ${cost[j] ? "not > 0 in a cost column (turned into min / x)" : "negative"}; CILOS needs ratio-scale values`,
      );
    }
    let sum = 0;
    let arg = 0;
    let top = Number.NEGATIVE_INFINITY;
    for (let i = 0; i < m; i++) {
      const b = cost[j] ? min / col[i]! : col[i]!;
      sum += b;
      if (b > top) {
        top = b;
        arg = i;
      }
    }
    if (!(sum > 0))
      fail(
        "nonpositive_value",
        `matrix[0][${j}]`,
        `column ${j} sums to 0; CILOS divides each column by its sum`,
      );
    scale.push(1 / sum);
    best.push(arg);
  });
  const r = (i: number, j: number) => (cost[j] ? mins[j]! / cols[j]![i]! : cols[j]![i]!) * scale[j]!;
  const loss = best.map((row) => cols.map((_, j) => (r(best[j]!, j) - r(row, j)) / r(best[j]!, j)));
  // F q = 0 with Σ q = 1: F's columns sum to 0, so its last row is replaced by ones; q is the last column of F^-1.
  const F = loss.map((row, k) => row.map((p, j) => (k === j ? -loss.reduce((s, rw) => s + rw[j]!, 0) : p)));
  F[n - 1] = new Array<number>(n).fill(1);
  const inv = n === 1 ? [[1]] : inverse(F);
  const q = inv?.map((row) => row[n - 1]!);
  if (!q || q.some((v) => !(v > -1e-12)))
    fail(
      "degenerate_weights",
      "matrix",
      "the CILOS system F q = 0 has no unique non-negative solution (e.g. one unit is best in every criterion)",
    );
  const clipped = q.map((v) => Math.max(v, 0));
  const total = clipped.reduce((a, b) => a + b, 0);
  return { weights: clipped.map((v) => v / total), loss, best };
}
