import type { Issue } from "../internal/errors.js";
import type { MatrixInput } from "../internal/matrix-input.js";
import { rankDescending } from "../internal/rank.js";
import type { Direction } from "../internal/types.js";
import { decisionInput, minMax, numberOption, requireRatioScale } from "./mcdm-input.js";
import { toArray } from "./shared.js";

/** Options of {@link codas}. */
export interface CodasOptions {
  /**
   * Direction of each column (default all `benefit`). Target and range columns are first turned into
   * benefit columns in [0, 1] by the moderate formulas (docs/methods.md).
   */
  directions?: readonly Direction[];
  /**
   * Threshold tau of the taxicab term: two units whose Euclidean distances differ by less than tau
   * are compared by Euclidean distance only. Default 0.02 (Keshavarz Ghorabaee et al. 2016 suggest
   * 0.01-0.05; pymcdm fixes 0.02). On the scale of the weighted normalized values.
   */
  tau?: number;
}

/** Result of {@link codas}: one entry per unit (row) in each array. */
export interface CodasResult {
  /** Assessment score H_i = sum_k h_ik (higher is better; the scores sum to 0). */
  scores: number[];
  /** Rank by `scores`: 1 = best, ties share the lowest rank. */
  ranks: number[];
  /** Euclidean distance E_i to the negative-ideal point. */
  euclidean: number[];
  /** Taxicab distance T_i to the negative-ideal point. */
  taxicab: number[];
  /** The weights used, scaled to sum 1. */
  weights: number[];
  /** Every option that ran (provenance). */
  options: { tau: number; directions: Direction[] };
  /** Non-fatal findings (none at present). */
  warnings: Issue[];
}

/**
 * CODAS (COmbinative Distance-based ASsessment; Keshavarz Ghorabaee, Zavadskas, Turskis & Antucheviciene
 * 2016): units are compared by their Euclidean distance from the negative-ideal point, and by the
 * taxicab distance when the Euclidean distances are close (within tau). Use it when units far from
 * the worst point should win, with a second distance to separate near-ties.
 *
 * n = x / max (benefit), min / x (cost); v = w n; ns_j = min_i v_ij; E_i, T_i = Euclidean and taxicab
 * distance of v_i to ns; h_ik = (E_i - E_k) + psi(E_i - E_k)(T_i - T_k), psi(x) = 1 if |x| >= tau else
 * 0; H_i = sum_k h_ik. Computed in O(m log m) (sorted by E, window sums of T), not the O(m^2) matrix.
 *
 * Reference: Keshavarz Ghorabaee, M., Zavadskas, E.K., Turskis, Z. & Antucheviciene, J. (2016) A new
 * combinative distance-based assessment (CODAS) method for multi-criteria decision-making. Economic
 * Computation and Economic Cybernetics Studies and Research 50(3):25-44.
 *
 * @param matrix rows = units, columns = criteria (see {@link MatrixInput}); cost columns need values > 0,
 *   benefit columns values >= 0.
 * @param weights one non-negative weight per column; scaled to sum 1.
 * @throws IndicatrixError `invalid_matrix`, `too_few_units` (fewer than 2 rows), `invalid_weights`,
 *   `invalid_direction`, `nonpositive_value`, `invalid_option` (`tau` negative or not finite).
 * @example
 * ```ts
 * codas([[1, 1], [0.5, 1], [0.5, 0.5]], [0.5, 0.5]).ranks;
 * // => [1, 2, 3]
 * ```
 */
export function codas(matrix: MatrixInput, weights: readonly number[], opts: CodasOptions = {}): CodasResult {
  const tau = numberOption(opts.tau, "opts.tau", 0.02, 0, Number.MAX_VALUE);
  const input = decisionInput(matrix, weights, opts.directions, "CODAS");
  requireRatioScale(input, "CODAS");
  const { m, cols, cost, w } = input;
  const e2 = new Float64Array(m);
  const t = new Float64Array(m);
  cols.forEach((col, j) => {
    const wj = w[j]!;
    if (wj === 0) return;
    const [lo, hi] = minMax(col);
    // v = w x / hi (benefit, minimum w lo / hi) or w lo / x (cost, minimum w lo / hi)
    const ns = (wj * lo) / hi;
    for (let i = 0; i < m; i++) {
      const v = cost[j] ? (wj * lo) / col[i]! : (wj * col[i]!) / hi;
      const dv = v - ns;
      e2[i] = e2[i]! + dv * dv;
      t[i] = t[i]! + Math.abs(dv);
    }
  });
  const e = new Float64Array(m);
  for (let i = 0; i < m; i++) e[i] = Math.sqrt(e2[i]!);
  const order = Array.from({ length: m }, (_, i) => i).sort((a, b) => e[a]! - e[b]!);
  const es = Float64Array.from(order, (i) => e[i]!);
  const prefixT = new Float64Array(m + 1);
  let sumE = 0;
  for (let k = 0; k < m; k++) {
    prefixT[k + 1] = prefixT[k]! + t[order[k]!]!;
    sumE += es[k]!;
  }
  const sumT = prefixT[m]!;
  const h = new Float64Array(m);
  let lo = 0;
  let hi = 0;
  for (let k = 0; k < m; k++) {
    const i = order[k]!;
    const ei = e[i]!;
    // the window [lo, hi) holds the units with |E_i - E_k| < tau: psi = 0 for them
    while (Math.abs(ei - es[lo]!) >= tau && es[lo]! < ei) lo++;
    if (hi < k + 1) hi = k + 1;
    while (hi < m && Math.abs(ei - es[hi]!) < tau) hi++;
    // tau = 0: psi is 1 for every pair (|x| >= 0), ties included
    const far = tau === 0 ? m : m - (hi - lo);
    const farT = tau === 0 ? sumT : sumT - (prefixT[hi]! - prefixT[lo]!);
    h[i] = m * ei - sumE + far * t[i]! - farT;
  }
  return {
    scores: toArray(h),
    ranks: toArray(rankDescending(h)),
    euclidean: toArray(e),
    taxicab: toArray(t),
    weights: toArray(w),
    options: { tau, directions: input.directions },
    warnings: [],
  };
}
