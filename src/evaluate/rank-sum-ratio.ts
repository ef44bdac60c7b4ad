import { fail } from "../internal/errors.js";
import { type MatrixInput, readMatrix } from "../internal/matrix-input.js";
import { rankAscending } from "../internal/rank.js";
import type { Direction } from "../internal/types.js";
import { normalQuantile } from "./normal-quantile.js";
import { alignModerate, checkDirections, normalizedWeights, requireUnits } from "./shared.js";

/** Options of {@link rankSumRatio}. */
export interface RankSumRatioOptions {
  /**
   * Direction of each column (default all `benefit`): benefit columns are ranked ascending (smallest
   * = 1), cost columns descending; target and range columns are ranked by their moderate/interval
   * transform (docs/methods.md, moderate indicators), i.e. closest to the target gets the highest rank.
   */
  directions?: readonly Direction[];
  /**
   * `integer` (整秩法, default): ranks 1..m with ties averaged; `non-integer` (非整秩法):
   * R = 1 + (m - 1)(x - min)/(max - min), reversed for cost (a constant column gives (m + 1)/2).
   */
  method?: "integer" | "non-integer";
  /** Indicator weights (scaled to sum 1): gives the weighted WRSR = (1/m) sum w_j R_ij. */
  weights?: readonly number[];
  /** Number of grades for the probit grading: 3 (default), 4 or 5 (the cut points of docs/methods.md, RSR). */
  grades?: 3 | 4 | 5;
  /** Custom probit cut points (ascending), replacing the table for `grades`; g - 1 cut points give g grades. */
  cutPoints?: readonly number[];
}

/** One row of the RSR distribution table (units with the same RSR share a row). */
export interface RsrDistributionRow {
  /** The RSR value. */
  rsr: number;
  /** Number of units with this value (f). */
  count: number;
  /** Cumulative count (sum f). */
  cumulative: number;
  /** Mean of the positions (1-based, ascending) the units occupy. */
  meanRank: number;
  /** Cumulative frequency p = meanRank / m; the last row is corrected to 1 - 1/(4m). */
  p: number;
  /** Probit = 5 + Phi^-1(p). */
  probit: number;
}

/** Result of {@link rankSumRatio}: one entry per unit (row) in each per-unit array. */
export interface RankSumRatioResult {
  /** RSR (or WRSR when weights are given) of each unit, in (0, 1]. */
  rsr: number[];
  /** Rank by RSR: 1 = best, ties share the lowest rank ("min"). */
  ranks: number[];
  /** The rank matrix R_ij (m x n): larger is better in every column. */
  rankMatrix: number[][];
  /** Probit of each unit (from its row of the distribution table). */
  probit: number[];
  /** Fitted RSR = a + b * Probit of each unit. */
  fitted: number[];
  /** Least-squares line RSR = intercept + slope * Probit over the distribution table. */
  regression: {
    /** a. */
    intercept: number;
    /** b. */
    slope: number;
    /** Coefficient of determination R^2. */
    r2: number;
  };
  /** Grade of each unit: 1 = best (highest probit band) up to the number of grades. */
  grades: number[];
  /** Probit cut points used, ascending. */
  cutPoints: number[];
  /** The cut points on the RSR scale (a + b * cut), ascending. */
  thresholds: number[];
  /** The RSR distribution table, ascending in RSR. */
  distribution: RsrDistributionRow[];
  /** Every option that ran, defaults filled in (provenance). */
  options: {
    /** Ranking method used. */
    method: "integer" | "non-integer";
    /** `true` for WRSR (weights given). */
    weighted: boolean;
    /** Weights used (equal for plain RSR), summing to 1. */
    weights: number[];
    /** Direction of each column. */
    directions: Direction[];
  };
}

/** Probit cut points by number of grades (the usual RSR table; not checked against a primary source: VERIFY). */
const CUT_POINTS: Record<3 | 4 | 5, readonly number[]> = {
  3: [4, 6],
  4: [3.72, 5, 6.28],
  5: [3.52, 4.48, 5.52, 6.48],
};

/**
 * Rank-sum ratio (秩和比法, RSR; Tian Fengdiao 1988): replaces every indicator by its rank among the
 * units, averages the ranks per unit (RSR_i = sum_j R_ij / (n m), or WRSR_i = sum_j w_j R_ij / m),
 * then grades the units by regressing RSR on the probit of its cumulative frequency. Use it when the
 * data have outliers or mixed scales and only order matters; it loses magnitude information, which
 * {@link topsis} and a weighted sum keep.
 *
 * The distribution step follows the common procedure: sort RSR ascending, give tied values (within a
 * relative 1e-12) one row, p = mean rank / m with the last row corrected to 1 - 1/(4m), Probit =
 * 5 + Phi^-1(p) (Phi^-1 by Wichura's AS 241, accurate to machine precision), least squares
 * RSR = a + b Probit over the rows. Grades come from each unit's probit and the cut points (for 3
 * grades: below 4, 4 to 6, 6 and above), which is the same as comparing fitted RSR with
 * a + b * cut. The cut points for 4 and 5 grades are not checked against a primary source (VERIFY in
 * docs/methods.md): pass `cutPoints` to use a published table.
 *
 * On the five-communities matrix X of the tests (test/fixtures/five-communities) with directions
 * (benefit, benefit, cost, target 300), integer RSR is
 * `[0.55, 0.6, 0.6, 0.6, 0.65]`. Ranking X by direction gives the same ranks as ranking its min-max
 * matrix Z, because every direction transform is monotone.
 *
 * References: Tian Fengdiao (1988) 秩和比法及其应用, Chinese Journal of Health Statistics; docs/methods.md
 * sources [S20b][S20c].
 *
 * @throws IndicatrixError `invalid_matrix`, `too_few_units` (fewer than 2 rows), `invalid_weights`,
 *   `invalid_direction`, `invalid_option` (method, grades, cut points), `degenerate_rsr` (every unit
 *   has the same RSR, so no regression line exists).
 * @example
 * ```ts
 * const r = rankSumRatio([[1, 10], [2, 30], [3, 20]]);
 * r.rsr;   // => [0.3333333333333333, 0.8333333333333334, 0.8333333333333334]
 * r.ranks; // => [3, 1, 1]
 * ```
 */
export function rankSumRatio(matrix: MatrixInput, opts: RankSumRatioOptions = {}): RankSumRatioResult {
  const { m, n, cols } = readMatrix(matrix, "matrix");
  requireUnits(m, 2, "matrix", "the rank-sum ratio");
  const directions = checkDirections(opts.directions, n, "opts.directions");
  const method = opts.method ?? "integer";
  if (method !== "integer" && method !== "non-integer")
    fail("invalid_option", "opts.method", `expected "integer" or "non-integer", got ${String(method)}`);
  const weighted = opts.weights !== undefined;
  const w = weighted ? normalizedWeights(opts.weights, n, "opts.weights") : new Float64Array(n).fill(1 / n);
  let cutPoints: number[];
  if (opts.cutPoints !== undefined) {
    const cp = opts.cutPoints;
    if (!Array.isArray(cp) || cp.length === 0 || !isAscending(cp))
      fail(
        "invalid_option",
        "opts.cutPoints",
        "expected a non-empty list of finite probit values in ascending order",
      );
    cutPoints = [...cp];
  } else {
    const g = opts.grades ?? 3;
    const table = CUT_POINTS[g as 3 | 4 | 5];
    if (!table) fail("invalid_option", "opts.grades", `expected 3, 4 or 5 grades, got ${String(g)}`);
    cutPoints = [...table];
  }

  // Rank matrix, column by column; every column is oriented so that larger R is better.
  const rankCols: Float64Array[] = [];
  for (let j = 0; j < n; j++) {
    const dir = directions[j]!;
    const cost = dir === "cost";
    const col = alignModerate(cols[j]!, dir);
    let r: Float64Array;
    if (method === "integer") {
      r = rankAscending(cost ? col.map((x) => -x) : col, "average");
    } else {
      let lo = Number.POSITIVE_INFINITY;
      let hi = Number.NEGATIVE_INFINITY;
      for (let i = 0; i < m; i++) {
        lo = Math.min(lo, col[i]!);
        hi = Math.max(hi, col[i]!);
      }
      const span = hi - lo;
      r = col.map((x) => (span > 0 ? 1 + ((m - 1) * (cost ? hi - x : x - lo)) / span : (m + 1) / 2));
    }
    rankCols.push(r);
  }
  // Plain RSR sums the ranks first (exact for integer and half ranks), then divides once, so equal
  // rank sums give exactly equal RSR.
  const rsr = new Float64Array(m);
  for (let j = 0; j < n; j++) {
    const r = rankCols[j]!;
    const wj = weighted ? w[j]! : 1;
    for (let i = 0; i < m; i++) rsr[i] = rsr[i]! + wj * r[i]!;
  }
  const divisor = weighted ? m : n * m;
  for (let i = 0; i < m; i++) rsr[i] = rsr[i]! / divisor;

  // Distribution table: ascending RSR, ties (within a relative 1e-12 of a row's first value) share one row.
  const order = Array.from({ length: m }, (_, i) => i).sort((p, q) => rsr[p]! - rsr[q]!);
  const distribution: RsrDistributionRow[] = [];
  const rowOf = new Array<RsrDistributionRow>(m);
  let current: RsrDistributionRow | undefined;
  for (let k = 0; k < m; k++) {
    const i = order[k]!;
    const v = rsr[i]!;
    if (!current || v - current.rsr > 1e-12 * Math.max(1, Math.abs(current.rsr))) {
      current = { rsr: v, count: 0, cumulative: 0, meanRank: 0, p: 0, probit: 0 };
      distribution.push(current);
    }
    current.count++;
    current.cumulative = k + 1;
    rowOf[i] = current;
  }
  for (const row of distribution) {
    // the row's units hold the (0-based) sorted positions cumulative - count ... cumulative - 1
    row.meanRank = (row.cumulative - row.count + (row.cumulative - 1)) / 2 + 1;
    row.p = row.meanRank / m;
  }
  if (distribution.length < 2)
    fail(
      "degenerate_rsr",
      "matrix",
      "every unit has the same RSR: the probit regression needs at least two distinct values",
    );
  const last = distribution[distribution.length - 1]!;
  last.p = 1 - 1 / (4 * m);
  for (const row of distribution) row.probit = 5 + normalQuantile(row.p);

  // Least squares RSR = a + b Probit over the table rows.
  const k = distribution.length;
  let mx = 0;
  let my = 0;
  for (const row of distribution) {
    mx += row.probit / k;
    my += row.rsr / k;
  }
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (const row of distribution) {
    sxy += (row.probit - mx) * (row.rsr - my);
    sxx += (row.probit - mx) ** 2;
    syy += (row.rsr - my) ** 2;
  }
  const slope = sxy / sxx;
  const intercept = my - slope * mx;
  const r2 = syy > 0 ? (sxy * sxy) / (sxx * syy) : 1;

  const g = cutPoints.length + 1;
  const probit = rowOf.map((r) => r.probit);
  const grades = probit.map((pr) => g - cutPoints.filter((c) => pr >= c).length);
  return {
    rsr: Array.from(rsr),
    // ranks from the table rows, so values tied within the tolerance share a rank
    ranks: rowOf.map((r) => m - r.cumulative + 1),
    rankMatrix: Array.from({ length: m }, (_, i) => rankCols.map((r) => r[i]!)),
    probit,
    fitted: probit.map((pr) => intercept + slope * pr),
    regression: { intercept, slope, r2 },
    grades,
    cutPoints,
    thresholds: cutPoints.map((c) => intercept + slope * c),
    distribution,
    options: { method, weighted, weights: Array.from(w), directions },
  };
}

/** True when every entry is finite and above the one before. */
function isAscending(xs: readonly number[]): boolean {
  let previous = Number.NEGATIVE_INFINITY;
  for (const x of xs) {
    if (!(Number.isFinite(x) && x > previous)) return false;
    previous = x;
  }
  return true;
}
