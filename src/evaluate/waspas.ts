import { fail, type Issue } from "../internal/errors.js";
import type { MatrixInput } from "../internal/matrix-input.js";
import { rankDescending } from "../internal/rank.js";
import type { Direction } from "../internal/types.js";
import { readMcdm } from "./criteria-input.js";
import { minMax, toArray } from "./shared.js";

/** Options of {@link waspas}; every default is that of docs/methods.md (WASPAS). */
export interface WaspasOptions {
  /**
   * Direction of each column (default all `benefit`). Target and range columns are first turned
   * into benefit columns in [0, 1] by the moderate formulas (docs/methods.md).
   */
  directions?: readonly Direction[];
  /** Weight λ of the weighted sum against the weighted product, in [0, 1] (default 0.5, the paper's). */
  lambda?: number;
  /**
   * `ratio` (default, the paper's): r = x / max x for a benefit column, min x / x for a cost column
   * (benefit values >= 0 with a positive maximum, cost values > 0); `shifted-minmax`: r = 1 +
   * min-max (pyDecision's form; any sign, constant columns give 1).
   */
  normalization?: "ratio" | "shifted-minmax";
}

/** Result of {@link waspas}: one entry per unit (row) in `scores`, `ranks`, `wsm`, `wpm`. */
export interface WaspasResult {
  /** Q = λ WSM + (1 - λ) WPM; higher is better. */
  scores: number[];
  /** Rank by Q: 1 = best, ties share the lowest rank ("min"). */
  ranks: number[];
  /** Weighted sum model WSM = sum_j w_j r_ij. */
  wsm: number[];
  /** Weighted product model WPM = prod_j r_ij^w_j. */
  wpm: number[];
  /** The weights used, scaled to sum 1. */
  weights: number[];
  /** Every option that ran, defaults filled in (provenance). */
  options: {
    /** λ. */
    lambda: number;
    /** The normalization. */
    normalization: "ratio" | "shifted-minmax";
    /** Direction of each column. */
    directions: Direction[];
  };
  /** Non-fatal findings (none yet; kept for the common result shape). */
  warnings: Issue[];
}

/**
 * WASPAS (Weighted Aggregated Sum Product ASsessment, Zavadskas et al. 2012): the joint criterion
 * Q = λ WSM + (1 - λ) WPM of the weighted sum and the weighted product of ratio-normalized values
 * (x / max for benefit, min / x for cost columns). λ = 1 is the weighted sum, λ = 0 the weighted
 * product (which punishes a unit weak on one criterion). Use it for ratio-scale data where both
 * compensation and its absence matter; a zero normalized value makes that unit's WPM 0.
 *
 * Reference: Zavadskas, E.K., Turskis, Z., Antucheviciene, J. & Zakarevicius, A. (2012)
 * Optimization of weighted aggregated sum product assessment. Elektronika ir Elektrotechnika
 * 122(6):3-6.
 *
 * @param matrix rows = units, columns = criteria: `number[][]` or `{ columns: Float64Array[] }` (see {@link MatrixInput}).
 * @param weights one non-negative weight per column; scaled to sum 1.
 * @throws IndicatrixError `invalid_matrix`, `invalid_weights`, `invalid_direction`, `invalid_option`
 *   (λ outside [0, 1], unknown normalization), `negative_value` (a negative value in a benefit
 *   column under `ratio`), `nonpositive_value` (a value <= 0 in a cost column, or a benefit column
 *   of zeros, under `ratio`).
 * @example
 * ```ts
 * // DOMAIN C9 example: c1 is a cost, c2-c4 benefits
 * const x = [[250, 16, 12, 5], [200, 16, 8, 3], [300, 32, 16, 4], [275, 32, 8, 4], [225, 16, 16, 2]];
 * const r = waspas(x, [0.35, 0.2, 0.3, 0.15], { directions: ["cost", "benefit", "benefit", "benefit"] });
 * r.ranks; // => [3, 5, 1, 4, 2]
 * ```
 */
export function waspas(
  matrix: MatrixInput,
  weights: readonly number[],
  opts: WaspasOptions = {},
): WaspasResult {
  const x = readMcdm(matrix, weights, opts.directions);
  const { m, n, cols, w, cost } = x;
  const lambda = opts.lambda ?? 0.5;
  if (typeof lambda !== "number" || !(lambda >= 0 && lambda <= 1))
    fail("invalid_option", "opts.lambda", `expected a number in [0, 1], got ${String(lambda)}`);
  const normalization = opts.normalization ?? "ratio";
  if (normalization !== "ratio" && normalization !== "shifted-minmax")
    fail(
      "invalid_option",
      "opts.normalization",
      `expected "ratio" or "shifted-minmax", got ${String(normalization)}`,
    );
  const wsm = new Float64Array(m);
  const logWpm = new Float64Array(m);
  for (let j = 0; j < n; j++) {
    const col = cols[j]!;
    const wj = w[j]!;
    const [lo, hi] = minMax(col);
    // r = a x + b (benefit ratio, min-max) or r = a / x (cost ratio).
    let a = 0;
    let b = 0;
    let inverse = false;
    if (normalization === "ratio") {
      if (cost[j]) {
        if (!(lo > 0)) nonPositive(col, j, "a cost column needs values > 0 (r = min / x)");
        a = lo;
        inverse = true;
      } else {
        if (lo < 0) {
          const i = col.findIndex((c) => c < 0);
          fail(
            "negative_value",
            ["matrix", i, j],
            `matrix[${i}][${j}] is ${col[i]}: r = x / max x needs values >= 0`,
            `matrix row ${i}, column ${j}`,
          );
        }
        if (!(hi > 0)) nonPositive(col, j, "a benefit column needs a positive maximum (r = x / max x)");
        a = 1 / hi;
      }
    } else if (hi > lo) {
      a = (cost[j] ? -1 : 1) / (hi - lo);
      b = cost[j] ? 1 + hi / (hi - lo) : 1 - lo / (hi - lo);
    } else b = 1;
    if (wj === 0) continue;
    for (let i = 0; i < m; i++) {
      const r = inverse ? a / col[i]! : a * col[i]! + b;
      wsm[i] = wsm[i]! + wj * r;
      logWpm[i] = logWpm[i]! + wj * Math.log(r); // log 0 = -Infinity: WPM 0
    }
  }
  const wpm = new Float64Array(m);
  const Q = new Float64Array(m);
  for (let i = 0; i < m; i++) {
    wpm[i] = Math.exp(logWpm[i]!);
    Q[i] = lambda * wsm[i]! + (1 - lambda) * wpm[i]!;
  }
  return {
    scores: toArray(Q),
    ranks: toArray(rankDescending(Q)),
    wsm: toArray(wsm),
    wpm: toArray(wpm),
    weights: toArray(w),
    options: { lambda, normalization, directions: x.directions },
    warnings: [],
  };
}

function nonPositive(col: Float64Array, j: number, why: string): never {
  const i = col.findIndex((c) => !(c > 0));
  return fail(
    "nonpositive_value",
    ["matrix", Math.max(i, 0), j],
    `matrix[${i}][${j}] is ${col[i]}: ${why}`,
    `matrix row ${i}, column ${j}`,
  );
}
