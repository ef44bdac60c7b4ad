import { fail, type Issue } from "../internal/errors.js";
import type { MatrixInput } from "../internal/matrix-input.js";
import { rankDescending } from "../internal/rank.js";
import type { Direction } from "../internal/types.js";
import { decisionInput, minMax, numberOption } from "./mcdm-input.js";
import { toArray } from "./shared.js";

/** Options of {@link cocoso}. */
export interface CocosoOptions {
  /**
   * Direction of each column (default all `benefit`). Target and range columns are first turned into
   * benefit columns in [0, 1] by the moderate formulas (docs/methods.md).
   */
  directions?: readonly Direction[];
  /** The balance lambda of the third appraisal score k_c, in [0, 1] (default 0.5, Yazdani et al. 2019). */
  lambda?: number;
}

/** Result of {@link cocoso}: one entry per unit (row) in each array. */
export interface CocosoResult {
  /** Final appraisal score k = (k_a k_b k_c)^(1/3) + (k_a + k_b + k_c) / 3 (higher is better). */
  scores: number[];
  /** Rank by `scores`: 1 = best, ties share the lowest rank. */
  ranks: number[];
  /** Weighted sum S_i = sum_j w_j r_ij of the min-max normalized values. */
  s: number[];
  /** Weighted power sum P_i = sum_j r_ij^w_j. */
  p: number[];
  /** Arithmetic-mean appraisal score k_a = (P + S) / sum (P + S). */
  ka: number[];
  /** Relative appraisal score k_b = S / min S + P / min P. */
  kb: number[];
  /** Balanced appraisal score k_c = (lambda S + (1 - lambda) P) / (lambda max S + (1 - lambda) max P). */
  kc: number[];
  /** The weights used, scaled to sum 1. */
  weights: number[];
  /** Every option that ran (provenance). */
  options: { lambda: number; directions: Direction[] };
  /** Non-fatal findings: constant columns (normalized to 1, as pymcdm). */
  warnings: Issue[];
}

/**
 * CoCoSo (Combined Compromise Solution; Yazdani, Zarate, Zavadskas & Turskis 2019): a weighted sum and
 * a weighted power sum of min-max normalized values, combined by three appraisal strategies into one
 * score. Use it when the additive and the multiplicative views of the data should both count.
 *
 * r = (x - min) / (max - min) (benefit), (max - x) / (max - min) (cost), a constant column 1; S_i =
 * sum w r, P_i = sum r^w; k_a, k_b, k_c as in the result fields; k = (k_a k_b k_c)^(1/3) + (k_a + k_b +
 * k_c) / 3.
 *
 * Reference: Yazdani, M., Zarate, P., Zavadskas, E.K. & Turskis, Z. (2019) A combined compromise
 * solution (CoCoSo) method for multi-criteria decision-making problems. Management Decision
 * 57(9):2501-2519.
 *
 * @param matrix rows = units, columns = criteria (see {@link MatrixInput}).
 * @param weights one non-negative weight per column; scaled to sum 1.
 * @throws IndicatrixError `invalid_matrix`, `too_few_units` (fewer than 2 rows), `invalid_weights`,
 *   `invalid_direction`, `invalid_option` (`lambda` outside [0, 1]), `nonpositive_value` (a unit is
 *   worst on every weighted column, so S or P is 0 and k_b divides by 0).
 * @example
 * ```ts
 * cocoso([[3, 1], [1, 3], [2, 2]], [0.5, 0.5]).ranks;
 * // => [2, 2, 1]
 * ```
 */
export function cocoso(
  matrix: MatrixInput,
  weights: readonly number[],
  opts: CocosoOptions = {},
): CocosoResult {
  const lambda = numberOption(opts.lambda, "opts.lambda", 0.5, 0, 1);
  const input = decisionInput(matrix, weights, opts.directions, "CoCoSo");
  const { m, cols, cost, w } = input;
  const warnings: Issue[] = [];
  const s = new Float64Array(m);
  const p = new Float64Array(m);
  cols.forEach((col, j) => {
    const [lo, hi] = minMax(col);
    const wj = w[j]!;
    if (!(hi > lo)) {
      warnings.push({
        code: "constant_column",
        severity: "warning",
        path: ["matrix", j],
        where: `matrix column ${j}`,
        message: `column ${j} is constant (${lo}): min-max gives every unit 1`,
      });
      for (let i = 0; i < m; i++) {
        s[i] = s[i]! + wj;
        p[i] = p[i]! + 1;
      }
      return;
    }
    const span = hi - lo;
    for (let i = 0; i < m; i++) {
      const r = cost[j] ? (hi - col[i]!) / span : (col[i]! - lo) / span;
      s[i] = s[i]! + wj * r;
      p[i] = p[i]! + r ** wj;
    }
  });
  let sumSP = 0;
  let sMin = Number.POSITIVE_INFINITY;
  let pMin = Number.POSITIVE_INFINITY;
  let sMax = Number.NEGATIVE_INFINITY;
  let pMax = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < m; i++) {
    sumSP += s[i]! + p[i]!;
    if (s[i]! < sMin) sMin = s[i]!;
    if (p[i]! < pMin) pMin = p[i]!;
    if (s[i]! > sMax) sMax = s[i]!;
    if (p[i]! > pMax) pMax = p[i]!;
  }
  if (!(sMin > 0) || !(pMin > 0)) {
    let worst = 0;
    for (let i = 0; i < m; i++) if (!(s[i]! > 0) || !(p[i]! > 0)) worst = i;
    fail(
      "nonpositive_value",
      ["matrix", worst],
      `unit ${worst} is worst on every weighted column (S = ${s[worst]}, P = ${p[worst]}), so k_b = S / min S + P / min P divides by 0: drop it or use another method`,
      `matrix row ${worst}`,
    );
  }
  const denom = lambda * sMax + (1 - lambda) * pMax;
  const ka = new Float64Array(m);
  const kb = new Float64Array(m);
  const kc = new Float64Array(m);
  const k = new Float64Array(m);
  for (let i = 0; i < m; i++) {
    const si = s[i]!;
    const pi = p[i]!;
    const a = (pi + si) / sumSP;
    const b = si / sMin + pi / pMin;
    const c = (lambda * si + (1 - lambda) * pi) / denom;
    ka[i] = a;
    kb[i] = b;
    kc[i] = c;
    k[i] = Math.cbrt(a * b * c) + (a + b + c) / 3;
  }
  return {
    scores: toArray(k),
    ranks: toArray(rankDescending(k)),
    s: toArray(s),
    p: toArray(p),
    ka: toArray(ka),
    kb: toArray(kb),
    kc: toArray(kc),
    weights: toArray(w),
    options: { lambda, directions: input.directions },
    warnings,
  };
}
