import { fail } from "../internal/errors.js";
import { MAX_DOMINANCE_UNITS } from "../internal/limits.js";
import { rankDescending } from "../internal/rank.js";
import { readRankings } from "./rankings-input.js";
import { toArray } from "./shared.js";

/** Result of {@link copeland}: one entry per unit in each array. */
export interface CopelandResult {
  /** Copeland score: pairwise majority wins minus losses against every other unit. */
  scores: number[];
  /** Pairwise majority wins: units that more rankings put below this unit than above. */
  wins: number[];
  /** Pairwise majority losses. */
  losses: number[];
  /** Combined rank by score, descending: 1 = best, ties share the lowest rank. */
  ranks: number[];
}

/**
 * Copeland's method over several rankings of the same units (Copeland 1951): unit a beats unit b when
 * more rankings put a above b than b above a; a unit's score is its wins minus its losses, and the
 * combined ranking sorts by score. Use it to combine the rankings of several evaluation methods when a
 * pairwise majority matters more than rank distances ({@link borda}). A pair that splits evenly is a
 * draw (no win, no loss).
 *
 * Convention: pyDecision's `copeland_method` and pyrepo-mcda's `copeland` sum the signs (or the
 * positions) over the rankings instead of taking a majority per pair, which ranks as Borda does; this
 * is the majority (Condorcet) form of Copeland (1951). Quadratic in the units: refused beyond
 * {@link LIMITS}' `maxDominanceUnits` (10,000) with `too_many_units`.
 *
 * Reference: Copeland, A.H. (1951) A reasonable social welfare function. Seminar on Applications of
 * Mathematics to the Social Sciences, University of Michigan.
 *
 * @param rankings one array of ranks per method, each with one rank per unit (1 = best).
 * @throws IndicatrixError `invalid_option` (no rankings, rankings of different lengths, a rank that is
 *   not a finite number), `too_many_units` (more than 10,000 units).
 * @example
 * ```ts
 * copeland([[1, 2, 3], [2, 1, 3], [1, 3, 2]]).scores;
 * // => [2, 0, -2]
 * ```
 */
export function copeland(rankings: readonly (readonly number[])[]): CopelandResult {
  const { m, r } = readRankings(rankings);
  const { wins, losses } = pairwiseMajority(r, m, "rankings", "Copeland");
  const scores = new Float64Array(m);
  for (let i = 0; i < m; i++) scores[i] = wins[i]! - losses[i]!;
  return {
    scores: toArray(scores),
    wins: toArray(wins),
    losses: toArray(losses),
    ranks: toArray(rankDescending(scores)),
  };
}

/**
 * Pairwise majority wins and losses of every unit over rankings `r` (lower rank = better), O(k m^2)
 * time and O(m) memory; refuses more than MAX_DOMINANCE_UNITS units. @internal
 */
export function pairwiseMajority(
  r: readonly Float64Array[],
  m: number,
  name: string,
  method: string,
): { wins: Float64Array; losses: Float64Array } {
  if (m > MAX_DOMINANCE_UNITS)
    fail(
      "too_many_units",
      name,
      `${method} compares every pair of units and takes at most ${MAX_DOMINANCE_UNITS} units, got ${m}: rank a sample, or combine by Borda`,
    );
  const wins = new Float64Array(m);
  const losses = new Float64Array(m);
  const k = r.length;
  const r0 = r[0]!;
  const r1 = k > 1 ? r[1]! : r0;
  const r2 = k > 2 ? r[2]! : r0;
  for (let a = 0; a < m; a++) {
    let w = 0;
    let l = 0;
    const a0 = r0[a]!;
    const a1 = r1[a]!;
    const a2 = r2[a]!;
    for (let b = a + 1; b < m; b++) {
      // sign of (rank of b - rank of a), summed over the rankings: > 0 means a is ahead more often
      let s = Math.sign(r0[b]! - a0);
      if (k > 1) s += Math.sign(r1[b]! - a1);
      if (k > 2) s += Math.sign(r2[b]! - a2);
      for (let t = 3; t < k; t++) s += Math.sign(r[t]![b]! - r[t]![a]!);
      if (s > 0) {
        w++;
        losses[b] = losses[b]! + 1;
      } else if (s < 0) {
        l++;
        wins[b] = wins[b]! + 1;
      }
    }
    wins[a] = wins[a]! + w;
    losses[a] = losses[a]! + l;
  }
  return { wins, losses };
}
