/**
 * Ranks of a numeric column, NaN-aware and O(n log n): used by score results, the `rank`,
 * `percentile` and `borda` normalizations and RSR.
 */

/** How tied values share ranks: `min` gives every tied value the lowest rank of the tie group (as R's
 * `rank(ties.method = "min")` and COINr), `average` gives them the mean of the ranks they occupy. */
export type RankTies = "min" | "average";

/** A sorted copy of the non-NaN entries of `values`. */
function sortedPresent(values: ArrayLike<number>): Float64Array {
  let n = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i] as number;
    if (!Number.isNaN(v)) n++;
  }
  const sorted = new Float64Array(n);
  let k = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i] as number;
    if (!Number.isNaN(v)) sorted[k++] = v;
  }
  // Typed-array sort is numeric and native: no comparator, no boxing.
  return sorted.sort();
}

/** Number of entries of the sorted array `s` that are strictly below `v`. */
function countBelow(s: Float64Array, v: number): number {
  let lo = 0;
  let hi = s.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((s[mid] as number) < v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Number of entries of the sorted array `s` that are at most `v`. */
function countAtMost(s: Float64Array, v: number): number {
  let lo = 0;
  let hi = s.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((s[mid] as number) <= v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function rank(values: ArrayLike<number>, ties: RankTies, descending: boolean): Float64Array {
  const sorted = sortedPresent(values);
  const n = sorted.length;
  const out = new Float64Array(values.length);
  const average = ties === "average";
  for (let i = 0; i < values.length; i++) {
    const v = values[i] as number;
    if (Number.isNaN(v)) {
      out[i] = Number.NaN;
      continue;
    }
    // The tie group of v occupies sorted positions below..atMost-1 (0-based).
    const below = countBelow(sorted, v);
    if (!average) {
      out[i] = descending ? n - countAtMost(sorted, v) + 1 : below + 1;
      continue;
    }
    const atMost = countAtMost(sorted, v);
    out[i] = descending ? (2 * n - atMost - below + 1) / 2 : (below + atMost + 1) / 2;
  }
  return out;
}

/**
 * Ranks with 1 = the highest value (the ranking of scores: rank 1 is the best unit). NaN stays NaN
 * and takes no rank; ties share the lowest rank by default, as R's `rank(-x, ties.method = "min")`
 * and COINr's `rank_df`. Use {@link rankAscending} when 1 should be the lowest value.
 *
 * Sorts a copy of the present values once (native typed-array sort) and places each value by
 * binary search: O(n log n), about 0.1 s for a million values.
 *
 * @param values - the column; NaN marks a missing value.
 * @param ties - `"min"` (default) or `"average"`.
 * @returns a Float64Array aligned with `values`.
 * @example
 * ```ts
 * rankDescending([10, 30, 30, NaN, 5]);
 * // => Float64Array [3, 1, 1, NaN, 4]
 * rankDescending([10, 30, 30, NaN, 5], "average");
 * // => Float64Array [3, 1.5, 1.5, NaN, 4]
 * ```
 */
export function rankDescending(values: ArrayLike<number>, ties: RankTies = "min"): Float64Array {
  return rank(values, ties, true);
}

/**
 * Ranks with 1 = the lowest value, as R's `rank(x, ties.method = "min")`: the form COINr's `n_rank`,
 * `n_borda` and `n_prank` normalizations use (the highest value gets the highest rank) and RSR's
 * integer ranking of benefit columns. NaN stays NaN; ties share the lowest rank by default.
 * Use {@link rankDescending} for result rankings where 1 is the best.
 *
 * @param values - the column; NaN marks a missing value.
 * @param ties - `"min"` (default) or `"average"`.
 * @returns a Float64Array aligned with `values`.
 * @example
 * ```ts
 * rankAscending([10, 30, 30, NaN, 5]);
 * // => Float64Array [2, 3, 3, NaN, 1]
 * rankAscending([10, 30, 30, NaN, 5], "average");
 * // => Float64Array [2, 3.5, 3.5, NaN, 1]
 * ```
 */
export function rankAscending(values: ArrayLike<number>, ties: RankTies = "min"): Float64Array {
  return rank(values, ties, false);
}

/**
 * Descending "min" ranks (1 = highest, ties share the lowest rank) as a Uint32Array, the type of
 * `Result.ranks`; a missing (NaN) value gets rank 0, which no present value can have.
 *
 * @example
 * ```ts
 * rankDescendingUint32([10, 30, 30, NaN, 5]);
 * // => Uint32Array [3, 1, 1, 0, 4]
 * ```
 */
export function rankDescendingUint32(values: ArrayLike<number>): Uint32Array {
  const r = rank(values, "min", true);
  const out = new Uint32Array(r.length);
  for (let i = 0; i < r.length; i++) {
    const v = r[i] as number;
    out[i] = Number.isNaN(v) ? 0 : v;
  }
  return out;
}
