import type { Issue } from "../internal/errors.js";
import type { MatrixInput } from "../internal/matrix-input.js";
import { rankDescending } from "../internal/rank.js";
import type { Direction } from "../internal/types.js";
import { readMcdm } from "./criteria-input.js";
import { minMax, toArray } from "./shared.js";

/** Options of {@link mabac}. */
export interface MabacOptions {
  /**
   * Direction of each column (default all `benefit`): min-max by direction, (x - min)/(max - min)
   * or (x - max)/(min - max) for a cost column. Target and range columns are first turned into
   * benefit columns in [0, 1] by the moderate formulas (docs/methods.md).
   */
  directions?: readonly Direction[];
}

/** Result of {@link mabac}: one entry per unit (row) in `scores` and `ranks`. */
export interface MabacResult {
  /** S = sum_j (v_ij - g_j), the distance from the border approximation area; higher is better. */
  scores: number[];
  /** Rank by S: 1 = best, ties share the lowest rank ("min"). */
  ranks: number[];
  /** Border approximation area g_j = (prod_i v_ij)^(1/m) of each column, v_ij = w_j (n_ij + 1). */
  border: number[];
  /**
   * Per unit, how many criteria it has in the upper approximation area (v_ij > g_j, near the
   * ideal); the rest are on the border or below it (near the anti-ideal).
   */
  upper: number[];
  /** The weights used, scaled to sum 1. */
  weights: number[];
  /** Every option that ran, defaults filled in (provenance). */
  options: {
    /** Direction of each column. */
    directions: Direction[];
  };
  /** Non-fatal findings: constant columns (normalized to 1, as pymcdm; they add 0 to every S). */
  warnings: Issue[];
}

/**
 * MABAC (Multi-Attributive Border Approximation area Comparison, Pamučar & Ćirović 2015): min-max
 * normalizes each column by direction, weights it as v = w (n + 1), takes the geometric mean of
 * each column as its border approximation area g, and scores each unit by S = sum (v - g), its
 * total distance above (positive) or below (negative) the border. Use it when the reference
 * should be a typical (geometric-mean) unit; S is relative to the units compared.
 *
 * Reference: Pamučar, D. & Ćirović, G. (2015) The selection of transport and handling resources in
 * logistics centers using Multi-Attributive Border Approximation area Comparison (MABAC). Expert
 * Systems with Applications 42(6):3016-3028.
 *
 * @param matrix rows = units, columns = criteria: `number[][]` or `{ columns: Float64Array[] }` (see {@link MatrixInput}).
 * @param weights one non-negative weight per column; scaled to sum 1.
 * @throws IndicatrixError `invalid_matrix`, `invalid_weights`, `invalid_direction`.
 * @example
 * ```ts
 * // DOMAIN C9 example: c1 is a cost, c2-c4 benefits
 * const x = [[250, 16, 12, 5], [200, 16, 8, 3], [300, 32, 16, 4], [275, 32, 8, 4], [225, 16, 16, 2]];
 * const r = mabac(x, [0.35, 0.2, 0.3, 0.15], { directions: ["cost", "benefit", "benefit", "benefit"] });
 * r.ranks; // => [3, 4, 1, 5, 2]
 * ```
 */
export function mabac(matrix: MatrixInput, weights: readonly number[], opts: MabacOptions = {}): MabacResult {
  const x = readMcdm(matrix, weights, opts.directions);
  const { m, n, cols, w, cost } = x;
  const S = new Float64Array(m);
  const upper = new Float64Array(m);
  const border = new Array<number>(n);
  const warnings: Issue[] = [];
  const v = new Float64Array(m);
  for (let j = 0; j < n; j++) {
    const col = cols[j]!;
    const wj = w[j]!;
    const [lo, hi] = minMax(col);
    if (!(hi > lo)) {
      warnings.push({
        code: "constant_column",
        severity: "warning",
        path: ["matrix", j],
        where: `matrix column ${j}`,
        message: `column ${j} is constant (${lo}): normalized to 1, it adds 0 to every unit's S`,
      });
      border[j] = 2 * wj; // v = w (1 + 1) for every unit: q = 0
      continue;
    }
    const span = hi - lo;
    let logSum = 0;
    for (let i = 0; i < m; i++) {
      const t = wj * ((cost[j] ? hi - col[i]! : col[i]! - lo) / span + 1);
      v[i] = t;
      logSum += Math.log(t);
    }
    const g = wj === 0 ? 0 : Math.exp(logSum / m);
    border[j] = g;
    if (wj === 0) continue;
    for (let i = 0; i < m; i++) {
      const q = v[i]! - g;
      S[i] = S[i]! + q;
      if (q > 0) upper[i] = upper[i]! + 1;
    }
  }
  return {
    scores: toArray(S),
    ranks: toArray(rankDescending(S)),
    border,
    upper: toArray(upper),
    weights: toArray(w),
    options: { directions: x.directions },
    warnings,
  };
}
