import { rankDescending } from "../internal/rank.js";
import { readRankings } from "./rankings-input.js";
import { toArray } from "./shared.js";

/** Result of {@link borda}: one entry per unit in `points` and `ranks`. */
export interface BordaResult {
  /** Borda points sum_k (m - r_k(i)): the number of units ranked below unit i, summed over the rankings. */
  points: number[];
  /** Combined rank by points, descending: 1 = best, ties share the lowest rank. */
  ranks: number[];
}

/**
 * Borda count over several rankings of the same units (Borda 1781): each ranking gives a unit m - r
 * points (m units, r its rank, 1 = best), and the combined ranking sorts by total points. Use it to
 * combine the rankings of several evaluation methods into a compromise ranking; {@link copeland}
 * counts pairwise majorities instead. Ranks may be tied (any numbers where lower is better work;
 * only their differences matter). Linear in the units.
 *
 * Equivalent to ranking by the sum of ranks, as pyDecision's `borda_method` and pyrepo-mcda do.
 *
 * Reference: de Borda, J.-C. (1781) Mémoire sur les élections au scrutin. Histoire de l'Académie
 * Royale des Sciences, Paris.
 *
 * @param rankings one array of ranks per method, each with one rank per unit (1 = best).
 * @throws IndicatrixError `invalid_option` (no rankings, rankings of different lengths, a rank that is
 *   not a finite number).
 * @example
 * ```ts
 * borda([[1, 2, 3], [2, 1, 3], [1, 3, 2]]).ranks;
 * // => [1, 2, 3]
 * ```
 */
export function borda(rankings: readonly (readonly number[])[]): BordaResult {
  const { m, r } = readRankings(rankings);
  const points = new Float64Array(m);
  for (const ranks of r) for (let i = 0; i < m; i++) points[i] = points[i]! + (m - ranks[i]!);
  return { points: toArray(points), ranks: toArray(rankDescending(points)) };
}
