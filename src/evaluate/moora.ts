import { fail, type Issue } from "../internal/errors.js";
import type { MatrixInput } from "../internal/matrix-input.js";
import { rankAscending, rankDescending } from "../internal/rank.js";
import type { Direction } from "../internal/types.js";
import { type DecisionInput, decisionInput, minMax } from "./mcdm-input.js";
import { toArray } from "./shared.js";

/** Options of {@link moora}. */
export interface MooraOptions {
  /**
   * Direction of each column (default all `benefit`). Target and range columns are first turned into
   * benefit columns in [0, 1] by the moderate formulas (docs/methods.md).
   */
  directions?: readonly Direction[];
  /**
   * Which of the two MOORA parts gives `scores` and `ranks`: `ratio` (default, the ratio system,
   * higher is better) or `reference` (the reference point, a Chebyshev distance: lower is better).
   * Both are always returned.
   */
  approach?: "ratio" | "reference";
}

/** Result of {@link moora}: one entry per unit (row) in each array. */
export interface MooraResult {
  /** The chosen approach's values: `ratioSystem` or `referencePoint`. */
  scores: number[];
  /** Rank by the chosen approach: 1 = best (highest ratio system, lowest reference-point distance). */
  ranks: number[];
  /** Ratio system y_i = sum_benefit w_j r_ij - sum_cost w_j r_ij, r = x / sqrt(sum x^2); higher is better. */
  ratioSystem: number[];
  /** Rank by the ratio system. */
  ratioRanks: number[];
  /** Reference point distance d_i = max_j w_j |r*_j - r_ij| (r* = best r of the column); lower is better. */
  referencePoint: number[];
  /** Rank by the reference point (ascending distance). */
  referenceRanks: number[];
  /** The weights used, scaled to sum 1. */
  weights: number[];
  /** Every option that ran (provenance). */
  options: { approach: "ratio" | "reference"; directions: Direction[] };
  /** Non-fatal findings: all-zero columns (vector normalization leaves them 0). */
  warnings: Issue[];
}

/**
 * MOORA (Multi-Objective Optimization on the basis of Ratio Analysis; Brauers & Zavadskas 2006): the
 * ratio system and the reference point approach over the vector-normalized matrix. Use it as a fast,
 * transparent additive method; {@link multimoora} adds the full multiplicative form and combines the three.
 *
 * r_ij = x_ij / sqrt(sum_i x_ij^2); ratio system y_i = sum_benefit w_j r_ij - sum_cost w_j r_ij; reference
 * point d_i = max_j w_j |r*_j - r_ij| with r*_j = max_i r_ij (benefit) or min_i r_ij (cost) (the
 * weighted Tchebycheff form; weights are significance coefficients, as in pymcdm and pyrepo-mcda).
 *
 * Reference: Brauers, W.K.M. & Zavadskas, E.K. (2006) The MOORA method and its application to
 * privatization in a transition economy. Control and Cybernetics 35(2):445-469.
 *
 * @param matrix rows = units, columns = criteria (see {@link MatrixInput}).
 * @param weights one non-negative weight per column; scaled to sum 1.
 * @throws IndicatrixError `invalid_matrix`, `too_few_units` (fewer than 2 rows), `invalid_weights`,
 *   `invalid_direction`, `invalid_option` (unknown `approach`).
 * @example
 * ```ts
 * moora([[3, 4], [4, 3], [1, 1]], [0.5, 0.5], { directions: ["benefit", "cost"] }).ranks;
 * // => [3, 1, 2]
 * ```
 */
export function moora(matrix: MatrixInput, weights: readonly number[], opts: MooraOptions = {}): MooraResult {
  const approach = opts.approach ?? "ratio";
  if (approach !== "ratio" && approach !== "reference")
    fail("invalid_option", "opts.approach", `expected "ratio" or "reference", got ${String(approach)}`);
  const input = decisionInput(matrix, weights, opts.directions, "MOORA");
  const { y, d, warnings } = mooraParts(input);
  const ratioRanks = toArray(rankDescending(y));
  const referenceRanks = toArray(rankAscending(d));
  return {
    scores: toArray(approach === "ratio" ? y : d),
    ranks: approach === "ratio" ? ratioRanks : referenceRanks,
    ratioSystem: toArray(y),
    ratioRanks,
    referencePoint: toArray(d),
    referenceRanks,
    weights: toArray(input.w),
    options: { approach, directions: input.directions },
    warnings,
  };
}

/** Ratio system y and reference-point distance d of checked input (one pass over each column). @internal */
export function mooraParts(input: DecisionInput): { y: Float64Array; d: Float64Array; warnings: Issue[] } {
  const { m, cols, cost, w } = input;
  const y = new Float64Array(m);
  const d = new Float64Array(m);
  const warnings: Issue[] = [];
  cols.forEach((col, j) => {
    let ss = 0;
    for (let i = 0; i < m; i++) ss += col[i]! * col[i]!;
    const wj = w[j]!;
    if (!(ss > 0)) {
      warnings.push({
        code: "constant_column",
        severity: "warning",
        path: ["matrix", j],
        where: `matrix column ${j}`,
        message: `column ${j} is all zero: vector normalization leaves it 0`,
      });
      return;
    }
    if (wj === 0) return;
    const a = wj / Math.sqrt(ss);
    const [lo, hi] = minMax(col);
    const star = cost[j] ? lo : hi;
    const sign = cost[j] ? -a : a;
    for (let i = 0; i < m; i++) {
      const x = col[i]!;
      y[i] = y[i]! + sign * x;
      const dist = a * Math.abs(star - x);
      if (dist > d[i]!) d[i] = dist;
    }
  });
  return { y, d, warnings };
}
