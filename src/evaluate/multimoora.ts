import { fail, type Issue } from "../internal/errors.js";
import type { MatrixInput } from "../internal/matrix-input.js";
import { rankAscending, rankDescending } from "../internal/rank.js";
import type { Direction } from "../internal/types.js";
import { pairwiseMajority } from "./copeland.js";
import { decisionInput } from "./mcdm-input.js";
import { mooraParts } from "./moora.js";
import { toArray } from "./shared.js";

/** Options of {@link multimoora}. */
export interface MultimooraOptions {
  /**
   * Direction of each column (default all `benefit`). Target and range columns are first turned into
   * benefit columns in [0, 1] by the moderate formulas (docs/methods.md).
   */
  directions?: readonly Direction[];
  /**
   * Weights in the full multiplicative form: `exponent` (default, U = prod_benefit x^w / prod_cost
   * x^w, the weighted form most applied papers use) or `none` (U = prod_benefit x /
   * prod_cost x, Brauers & Zavadskas 2010 and pyDecision, which ignore the weights there).
   */
  multiplicativeWeights?: "exponent" | "none";
  /**
   * How the three rankings are combined: `dominance` (default, the dominance theory of Brauers &
   * Zavadskas 2011 in its pairwise majority form: a dominates b when a ranks better in more of the
   * three rankings; score = units dominated - units dominating; at most 10,000 units) or `borda`
   * (Borda points of the three rankings; linear, any size).
   */
  combination?: "dominance" | "borda";
}

/** Result of {@link multimoora}: one entry per unit (row) in each array. */
export interface MultimooraResult {
  /** The combined score: dominance score (or Borda points); higher is better. */
  scores: number[];
  /** Final MULTIMOORA rank: 1 = best, ties share the lowest rank. */
  ranks: number[];
  /** Ratio system y (higher is better). */
  ratioSystem: number[];
  /** Reference point distance d (lower is better). */
  referencePoint: number[];
  /** Full multiplicative form U (higher is better); may overflow to Infinity with `multiplicativeWeights: "none"` (the ranks use logarithms). */
  multiplicative: number[];
  /** Rank by the ratio system. */
  ratioRanks: number[];
  /** Rank by the reference point. */
  referenceRanks: number[];
  /** Rank by the full multiplicative form. */
  multiplicativeRanks: number[];
  /** The weights used, scaled to sum 1. */
  weights: number[];
  /** Every option that ran (provenance). */
  options: {
    multiplicativeWeights: "exponent" | "none";
    combination: "dominance" | "borda";
    directions: Direction[];
  };
  /** Non-fatal findings: all-zero columns. */
  warnings: Issue[];
}

/**
 * MULTIMOORA (Brauers & Zavadskas 2010): MOORA's ratio system and reference point plus the full
 * multiplicative form, combined into one ranking by dominance. Use it when a ranking should hold up
 * under three different aggregation logics (additive, Tchebycheff, multiplicative).
 *
 * y and d as in {@link moora}; U_i = prod_benefit x_ij^w_j / prod_cost x_ij^w_j (computed in
 * logarithms). Dominance: for each pair, count the rankings that put a above b and b above a; the one
 * ahead in more rankings dominates (a split is a draw); the final rank sorts by (dominated -
 * dominating), Copeland's score of the three rankings.
 *
 * References: Brauers, W.K.M. & Zavadskas, E.K. (2010) Project management by MULTIMOORA as an
 * instrument for transition economies. Technological and Economic Development of Economy 16(1):5-24;
 * Brauers, W.K.M. & Zavadskas, E.K. (2011) MULTIMOORA optimization used to decide on a bank loan to
 * buy property. Technological and Economic Development of Economy 17(1):174-188 (dominance theory).
 *
 * @param matrix rows = units, columns = criteria (see {@link MatrixInput}); cost columns need values > 0,
 *   benefit columns values >= 0 (the multiplicative form).
 * @param weights one non-negative weight per column; scaled to sum 1.
 * @throws IndicatrixError `invalid_matrix`, `too_few_units`, `invalid_weights`, `invalid_direction`,
 *   `invalid_option`, `nonpositive_value` (a negative value, or a cost value <= 0),
 *   `too_many_units` (dominance with more than 10,000 units: use `combination: "borda"` or a sample).
 * @example
 * ```ts
 * multimoora([[3, 4], [4, 3], [1, 1]], [0.5, 0.5], { directions: ["benefit", "cost"] }).ranks;
 * // => [3, 1, 2]
 * ```
 */
export function multimoora(
  matrix: MatrixInput,
  weights: readonly number[],
  opts: MultimooraOptions = {},
): MultimooraResult {
  const multiplicativeWeights = opts.multiplicativeWeights ?? "exponent";
  if (multiplicativeWeights !== "exponent" && multiplicativeWeights !== "none")
    fail(
      "invalid_option",
      "opts.multiplicativeWeights",
      `expected "exponent" or "none", got ${String(multiplicativeWeights)}`,
    );
  const combination = opts.combination ?? "dominance";
  if (combination !== "dominance" && combination !== "borda")
    fail("invalid_option", "opts.combination", `expected "dominance" or "borda", got ${String(combination)}`);
  const input = decisionInput(matrix, weights, opts.directions, "MULTIMOORA");
  const { m, cols, cost, w } = input;
  const { y, d, warnings } = mooraParts(input);
  // Full multiplicative form in logarithms: log U = sum_benefit e ln x - sum_cost e ln x.
  const logU = new Float64Array(m);
  cols.forEach((col, j) => {
    const e = multiplicativeWeights === "exponent" ? w[j]! : 1;
    for (let i = 0; i < m; i++) {
      const x = col[i]!;
      if (cost[j] ? !(x > 0) : !(x >= 0))
        fail(
          "nonpositive_value",
          ["matrix", i, j],
          `the full multiplicative form needs ${cost[j] ? "cost values > 0" : "benefit values >= 0"}, got ${x}`,
        );
    }
    if (e === 0) return;
    for (let i = 0; i < m; i++) {
      const l = e * Math.log(col[i]!);
      logU[i] = logU[i]! + (cost[j] ? -l : l);
    }
  });
  const u = new Float64Array(m);
  for (let i = 0; i < m; i++) u[i] = Math.exp(logU[i]!);
  const ratioRanks = rankDescending(y);
  const referenceRanks = rankAscending(d);
  const multiplicativeRanks = rankDescending(logU);
  const three = [ratioRanks, referenceRanks, multiplicativeRanks];
  const scores = new Float64Array(m);
  if (combination === "dominance") {
    const { wins, losses } = pairwiseMajority(three, m, "matrix", "MULTIMOORA's dominance combination");
    for (let i = 0; i < m; i++) scores[i] = wins[i]! - losses[i]!;
  } else {
    for (const r of three) for (let i = 0; i < m; i++) scores[i] = scores[i]! + (m - r[i]!);
  }
  return {
    scores: toArray(scores),
    ranks: toArray(rankDescending(scores)),
    ratioSystem: toArray(y),
    referencePoint: toArray(d),
    multiplicative: toArray(u),
    ratioRanks: toArray(ratioRanks),
    referenceRanks: toArray(referenceRanks),
    multiplicativeRanks: toArray(multiplicativeRanks),
    weights: toArray(w),
    options: { multiplicativeWeights, combination, directions: input.directions },
    warnings,
  };
}
