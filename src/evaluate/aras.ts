import { fail, type Issue } from "../internal/errors.js";
import type { MatrixInput } from "../internal/matrix-input.js";
import { rankDescending } from "../internal/rank.js";
import type { Direction } from "../internal/types.js";
import { decisionInput, minMax, requireRatioScale } from "./mcdm-input.js";
import { toArray } from "./shared.js";

/** Options of {@link aras}. */
export interface ArasOptions {
  /**
   * Direction of each column (default all `benefit`). Target and range columns are first turned into
   * benefit columns in [0, 1] by the moderate formulas (docs/methods.md).
   */
  directions?: readonly Direction[];
  /**
   * The optimal alternative x_0, one value per column on the data's scale (after the moderate
   * transform for target/range columns). Default: the best value of each column (max for benefit,
   * min for cost), as Zavadskas & Turskis (2010) and pymcdm.
   */
  optimal?: readonly number[];
}

/** Result of {@link aras}: one entry per unit (row) in `scores`, `ranks`, `optimality`. */
export interface ArasResult {
  /** Utility degree K_i = S_i / S_0 (higher is better; 1 = as good as the optimal alternative). */
  scores: number[];
  /** Rank by utility degree: 1 = best, ties share the lowest rank. */
  ranks: number[];
  /** Optimality function S_i = sum_j w_j n_ij of each unit. */
  optimality: number[];
  /** Optimality function S_0 of the optimal alternative. */
  optimalityBest: number;
  /** The weights used, scaled to sum 1. */
  weights: number[];
  /** Every option that ran (provenance). */
  options: { optimal: "best" | "given"; directions: Direction[] };
  /** Non-fatal findings (none at present). */
  warnings: Issue[];
}

/**
 * ARAS (Additive Ratio ASsessment; Zavadskas & Turskis 2010): each unit's weighted sum of
 * sum-normalized values, relative to that of an optimal alternative. Use it when a score should read
 * as "share of the optimum" (K = 1 is the optimal alternative).
 *
 * x_0j = best value of column j (or `optimal`); cost columns are inverted (1 / x); n_ij = x_ij /
 * sum_{i=0..m} x_ij (the optimal row included); S_i = sum_j w_j n_ij; K_i = S_i / S_0.
 *
 * Reference: Zavadskas, E.K. & Turskis, Z. (2010) A new additive ratio assessment (ARAS) method in
 * multicriteria decision-making. Technological and Economic Development of Economy 16(2):159-172.
 *
 * @param matrix rows = units, columns = criteria (see {@link MatrixInput}); cost columns need values > 0,
 *   benefit columns values >= 0.
 * @param weights one non-negative weight per column; scaled to sum 1.
 * @throws IndicatrixError `invalid_matrix`, `too_few_units` (fewer than 2 rows), `invalid_weights`,
 *   `invalid_direction`, `nonpositive_value`, `invalid_option` (`optimal` of the wrong length or
 *   not positive).
 * @example
 * ```ts
 * aras([[2, 1], [1, 2]], [0.5, 0.5], { directions: ["benefit", "cost"] }).scores;
 * // => [1, 0.5]
 * ```
 */
export function aras(matrix: MatrixInput, weights: readonly number[], opts: ArasOptions = {}): ArasResult {
  const input = decisionInput(matrix, weights, opts.directions, "ARAS");
  requireRatioScale(input, "ARAS");
  const { m, n, cols, cost, w } = input;
  const given = opts.optimal;
  if (given !== undefined && (!Array.isArray(given) || given.length !== n))
    fail("invalid_option", "opts.optimal", `expected ${n} values (one per column)`);
  const s = new Float64Array(m);
  let s0 = 0;
  cols.forEach((col, j) => {
    const [lo, hi] = minMax(col);
    let x0 = cost[j] ? lo : hi;
    if (given !== undefined) {
      const g = given[j];
      if (typeof g !== "number" || !Number.isFinite(g) || !(g > 0))
        fail("invalid_option", `opts.optimal[${j}]`, `expected a finite number > 0, got ${String(g)}`);
      x0 = g;
    }
    const wj = w[j]!;
    if (wj === 0) return;
    let sum = cost[j] ? 1 / x0 : x0;
    if (cost[j]) for (let i = 0; i < m; i++) sum += 1 / col[i]!;
    else for (let i = 0; i < m; i++) sum += col[i]!;
    const a = wj / sum;
    if (cost[j]) for (let i = 0; i < m; i++) s[i] = s[i]! + a / col[i]!;
    else for (let i = 0; i < m; i++) s[i] = s[i]! + a * col[i]!;
    s0 += cost[j] ? a / x0 : a * x0;
  });
  const k = new Float64Array(m);
  for (let i = 0; i < m; i++) k[i] = s[i]! / s0;
  return {
    scores: toArray(k),
    ranks: toArray(rankDescending(k)),
    optimality: toArray(s),
    optimalityBest: s0,
    weights: toArray(w),
    options: { optimal: given === undefined ? "best" : "given", directions: input.directions },
    warnings: [],
  };
}
