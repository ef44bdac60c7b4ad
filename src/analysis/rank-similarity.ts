import { fail } from "../internal/errors.js";
import { kendall, spearman } from "./rank-correlation.js";

/** Checks two rankings of the same units (equal length >= 2, finite ranks). */
function rankPair(x: ArrayLike<number>, y: ArrayLike<number>, name: string): number {
  if (x.length !== y.length)
    fail(
      "invalid_option",
      name,
      `expected two rankings of the same units, got ${x.length} and ${y.length} ranks`,
    );
  if (x.length < 2) fail("invalid_option", name, `expected rankings of at least 2 units, got ${x.length}`);
  for (let i = 0; i < x.length; i++)
    if (!Number.isFinite(x[i]!) || !Number.isFinite(y[i]!))
      fail("invalid_option", `${name}[${i}]`, `expected finite ranks, got ${x[i]} and ${y[i]}`);
  return x.length;
}

/**
 * The weighted Spearman rank correlation r_w (Pinto da Costa & Soares 2005): Spearman's rho with each
 * squared rank difference weighted by how near the top the two ranks are, so that disagreement on the
 * best units counts more. 1 for identical rankings; the measure MCDM papers report next to WS.
 *
 * r_w = 1 - 6 sum_i (x_i - y_i)^2 ((N - x_i + 1) + (N - y_i + 1)) / (N^4 + N^3 - N^2 - N), ranks 1 = best.
 *
 * Reference: Pinto da Costa, J. & Soares, C. (2005) A weighted rank measure of correlation. Australian
 * & New Zealand Journal of Statistics 47(4):515-529. Same as pymcdm's `rw`.
 *
 * @param x a ranking of the units (1 = best).
 * @param y another ranking of the same units, in the same order.
 * @throws IndicatrixError `invalid_option` (lengths differ, fewer than 2 units, a rank not finite).
 * @example
 * ```ts
 * weightedSpearman([1, 2, 3, 4], [1, 2, 3, 4]); // => 1
 * weightedSpearman([1, 2, 3, 4], [2, 1, 3, 4]); // => 0.72
 * ```
 */
export function weightedSpearman(x: ArrayLike<number>, y: ArrayLike<number>): number {
  const n = rankPair(x, y, "weightedSpearman");
  let s = 0;
  for (let i = 0; i < n; i++) {
    const d = x[i]! - y[i]!;
    s += d * d * (n - x[i]! + 1 + (n - y[i]! + 1));
  }
  return 1 - (6 * s) / (n ** 4 + n ** 3 - n ** 2 - n);
}

/**
 * The WS rank similarity coefficient (Sałabun & Urbaniak 2020): how similar ranking `y` is to the
 * reference ranking `x`, weighting a difference at reference rank r by 2^-r, so that a swap at the
 * top costs far more than one at the bottom. 1 for identical rankings; in [0, 1] for rankings without
 * ties; not symmetric (`x` is the reference).
 *
 * WS = 1 - sum_i 2^(-x_i) |x_i - y_i| / max(|1 - x_i|, |N - x_i|).
 *
 * Reference: Sałabun, W. & Urbaniak, K. (2020) A new coefficient of rankings similarity in
 * decision-making problems. ICCS 2020, Lecture Notes in Computer Science 12138:632-645. Same as
 * pymcdm's `ws`.
 *
 * @param x the reference ranking (1 = best).
 * @param y the ranking compared with it.
 * @throws IndicatrixError `invalid_option` (lengths differ, fewer than 2 units, a rank not finite).
 * @example
 * ```ts
 * wsCoefficient([1, 2, 3], [1, 2, 3]); // => 1
 * wsCoefficient([1, 2, 3], [2, 1, 3]); // => 0.5
 * ```
 */
export function wsCoefficient(x: ArrayLike<number>, y: ArrayLike<number>): number {
  const n = rankPair(x, y, "wsCoefficient");
  let s = 0;
  for (let i = 0; i < n; i++) {
    const xi = x[i]!;
    s += (2 ** -xi * Math.abs(xi - y[i]!)) / Math.max(Math.abs(1 - xi), Math.abs(n - xi));
  }
  return 1 - s;
}

/** Result of {@link rankAgreement}: k x k matrices, row a = the reference ranking for `ws`. */
export interface RankAgreement {
  /** The names of the rankings, in the order of the rows and columns. */
  names: string[];
  /** Spearman's rho (average ranks for ties), symmetric, diagonal 1. */
  spearman: number[][];
  /** Kendall's tau-b, symmetric, diagonal 1. */
  kendall: number[][];
  /** Weighted Spearman r_w ({@link weightedSpearman}), symmetric, diagonal 1. */
  weightedSpearman: number[][];
  /** WS similarity of ranking b (column) to the reference ranking a (row) ({@link wsCoefficient}). */
  ws: number[][];
}

/**
 * Pairwise agreement of several rankings of the same units, by the four measures MCDM papers report:
 * Spearman, Kendall tau-b, weighted Spearman r_w and WS. Use it after ranking units with several
 * methods (and next to {@link borda} or {@link copeland}) to show how far the methods agree.
 *
 * @param rankings one array of ranks per method (1 = best), all the same length.
 * @param names a name per ranking (default "0", "1", ...).
 * @throws IndicatrixError `invalid_option` (no rankings, lengths differ, names of the wrong length).
 * @example
 * ```ts
 * rankAgreement([[1, 2, 3], [1, 2, 3]], ["topsis", "vikor"]).ws;
 * // => [[1, 1], [1, 1]]
 * ```
 */
export function rankAgreement(
  rankings: readonly (readonly number[])[],
  names?: readonly string[],
): RankAgreement {
  if (!Array.isArray(rankings) || rankings.length === 0)
    fail("invalid_option", "rankings", "expected a non-empty array of rankings");
  const k = rankings.length;
  if (names !== undefined && names.length !== k)
    fail("invalid_option", "names", `expected ${k} names (one per ranking), got ${names.length}`);
  const square = (f: (a: number, b: number) => number): number[][] =>
    Array.from({ length: k }, (_, a) => Array.from({ length: k }, (_, b) => (a === b ? 1 : f(a, b))));
  rankings.forEach((r, a) => {
    rankPair(rankings[0]!, r, `rankings[${a}]`);
  });
  return {
    names: names ? [...names] : rankings.map((_, a) => String(a)),
    spearman: square((a, b) => spearman(rankings[a]!, rankings[b]!)),
    kendall: square((a, b) => kendall(rankings[a]!, rankings[b]!)),
    weightedSpearman: square((a, b) => weightedSpearman(rankings[a]!, rankings[b]!)),
    ws: square((a, b) => wsCoefficient(rankings[a]!, rankings[b]!)),
  };
}
