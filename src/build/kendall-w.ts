import { chiSquareSurvival } from "../internal/chi-square.js";
import { fail } from "../internal/errors.js";
import { rankAscending } from "../internal/rank.js";

/** Result of {@link kendallW}. */
export interface KendallW {
  /** Kendall's W with the ties correction, in [0, 1]; NaN when undefined (n < 2, m < 2, or every rater ties every item). */
  w: number;
  /** W without the ties correction, 12 S / (m² (n³ - n)). */
  wUncorrected: number;
  /** χ² = m (n - 1) W, the tie-corrected Friedman statistic. */
  chi2: number;
  /** Degrees of freedom n - 1. */
  df: number;
  /** P(χ²_df ≥ χ²). */
  p: number;
  /** Raters used (those with every item rated). */
  m: number;
  /** Items (columns). */
  n: number;
  /** Rank sum R_j of each item over the raters used (average ranks, 1 = lowest rating). */
  rankSums: number[];
  /** S = Σ_j (R_j - mean R)². */
  s: number;
  /** Ties term T_e = Σ (t³ - t) over the tie groups of each rater used. */
  ties: number[];
  /** 0-based row indices of the raters left out because a rating was missing (listwise, as SPSS). */
  dropped: number[];
}

/**
 * Kendall's coefficient of concordance W (Kendall & Babington Smith 1939) of m raters (rows) over n
 * items (columns), with the ties correction as SPSS reports it: each rater's ratings are ranked
 * (average ranks for ties), R_j = Σ_e r_ej, S = Σ_j (R_j - mean R)², T_e = Σ (t³ - t) over rater e's tie
 * groups, W = 12 S / (m² (n³ - n) - m Σ_e T_e), χ² = m (n - 1) W on n - 1 degrees of freedom. The χ² is
 * the tie-corrected Friedman statistic (blocks = raters), so W = χ²_Friedman / (m (n - 1)) as scipy's
 * `friedmanchisquare` and R's `friedman.test` give it. Raters with a missing rating (null or NaN) are
 * dropped listwise and listed in `dropped`. Used by {@link delphi} for expert agreement; for two rankings
 * use a rank correlation instead.
 *
 * @param ratings - rows = raters (experts), columns = items (indicators); null or NaN = missing.
 * @throws {IndicatrixError} `invalid_matrix` for a ragged matrix or a rating that is neither a finite number nor missing.
 * @example
 * ```ts
 * const r = kendallW([[1, 2, 3], [1, 2, 3], [1, 3, 2]]);
 * +r.w.toFixed(4); // => 0.7778
 * ```
 */
export function kendallW(ratings: readonly (readonly (number | null)[])[]): KendallW {
  const n = ratings[0]?.length ?? 0;
  const used: number[][] = [];
  const dropped: number[] = [];
  ratings.forEach((row, e) => {
    if (!Array.isArray(row) || row.length !== n)
      fail("invalid_matrix", ["ratings", e], `expected ${n} ratings (one per item), got ${row?.length}`);
    let complete = true;
    row.forEach((v, j) => {
      if (v === null || (typeof v === "number" && Number.isNaN(v))) complete = false;
      else if (typeof v !== "number" || !Number.isFinite(v))
        fail("invalid_matrix", ["ratings", e, j], `expected a finite number or null, got ${String(v)}`);
    });
    if (complete) used.push(row as number[]);
    else dropped.push(e);
  });
  const m = used.length;
  const rankSums = new Array<number>(n).fill(0);
  const ties: number[] = [];
  for (const row of used) {
    const r = rankAscending(row, "average");
    for (let j = 0; j < n; j++) rankSums[j] = (rankSums[j] as number) + (r[j] as number);
    ties.push(tieTerm(row));
  }
  const meanR = (m * (n + 1)) / 2;
  let s = 0;
  for (const rj of rankSums) s += (rj - meanR) ** 2;
  const sumT = ties.reduce((a, b) => a + b, 0);
  const full = m * m * (n ** 3 - n);
  const denom = full - m * sumT;
  const defined = n >= 2 && m >= 2 && denom > 0;
  const w = defined ? Math.min(1, (12 * s) / denom) : Number.NaN;
  const df = n - 1;
  const chi2 = defined ? m * df * w : Number.NaN;
  return {
    w,
    wUncorrected: n >= 2 && m >= 2 ? (12 * s) / full : Number.NaN,
    chi2,
    df,
    p: defined ? chiSquareSurvival(chi2, df) : Number.NaN,
    m,
    n,
    rankSums,
    s,
    ties,
    dropped,
  };
}

/** Σ (t³ - t) over the groups of equal values of one row. */
function tieTerm(row: readonly number[]): number {
  const sorted = [...row].sort((a, b) => a - b);
  let total = 0;
  let run = 1;
  for (let k = 1; k <= sorted.length; k++) {
    if (k < sorted.length && sorted[k] === sorted[k - 1]) run++;
    else {
      total += run ** 3 - run;
      run = 1;
    }
  }
  return total;
}
