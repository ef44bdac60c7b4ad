/**
 * Ranks of a numeric column, NaN-aware and O(n log n): used by score results, the `rank`,
 * `percentile` and `borda` normalizations and RSR.
 */

/** How tied values share ranks: `min` gives every tied value the lowest rank of the tie group (as R's
 * `rank(ties.method = "min")` and COINr), `average` gives them the mean of the ranks they occupy. */
export type RankTies = "min" | "average";

/** Below this many present values a comparator sort beats the radix sort's fixed cost. */
const RADIX_MIN = 4096;

const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/**
 * The indices of the non-NaN entries of `values`, in ascending order of value. Large inputs use an
 * LSD radix sort on the IEEE-754 bits mapped to unsigned order (two 16-bit passes on the high words,
 * then each run of equal high words ordered by its low words), O(n); small ones a comparator sort.
 */
function ascendingOrder(values: ArrayLike<number>): { idx: Uint32Array; hi?: Uint32Array; lo?: Uint32Array } {
  let n = 0;
  for (let i = 0; i < values.length; i++) if (!Number.isNaN(values[i] as number)) n++;
  let idx = new Uint32Array(n);
  let k = 0;
  for (let i = 0; i < values.length; i++) if (!Number.isNaN(values[i] as number)) idx[k++] = i;
  if (n < RADIX_MIN) return { idx: idx.sort((a, b) => (values[a] as number) - (values[b] as number)) };

  // Sortable 64-bit keys as (hi, lo) 32-bit halves: flip all bits of negatives, the sign bit of the rest.
  const buf = new Float64Array(n);
  for (let j = 0; j < n; j++) buf[j] = (values[idx[j] as number] as number) + 0; // + 0 turns -0 into 0
  const words = new Uint32Array(buf.buffer);
  const H = LITTLE_ENDIAN ? 1 : 0;
  const L = 1 - H;
  let hi = new Uint32Array(n);
  let lo = new Uint32Array(n);
  for (let j = 0; j < n; j++) {
    const h = words[2 * j + H] as number;
    const l = words[2 * j + L] as number;
    if (h & 0x80000000) {
      hi[j] = ~h >>> 0;
      lo[j] = ~l >>> 0;
    } else {
      hi[j] = (h ^ 0x80000000) >>> 0;
      lo[j] = l;
    }
  }
  let hi2 = new Uint32Array(n);
  let lo2 = new Uint32Array(n);
  let idx2 = new Uint32Array(n);
  const count = new Uint32Array(65536);
  // Two 16-bit LSD passes on the high words (sign, exponent and the top 20 bits of the mantissa)
  // order almost everything; runs of equal high words are then ordered by their low words.
  for (let pass = 0; pass < 2; pass++) {
    const shift = pass === 0 ? 0 : 16;
    count.fill(0);
    for (let j = 0; j < n; j++) {
      const d = ((hi[j] as number) >>> shift) & 0xffff;
      count[d] = (count[d] as number) + 1;
    }
    if (count[((hi[0] as number) >>> shift) & 0xffff] === n) continue; // one bucket: nothing to move
    let sum = 0;
    for (let d = 0; d < 65536; d++) {
      const c = count[d] as number;
      count[d] = sum;
      sum += c;
    }
    for (let j = 0; j < n; j++) {
      const d = ((hi[j] as number) >>> shift) & 0xffff;
      const t = count[d] as number;
      count[d] = t + 1;
      hi2[t] = hi[j] as number;
      lo2[t] = lo[j] as number;
      idx2[t] = idx[j] as number;
    }
    [hi, hi2] = [hi2, hi];
    [lo, lo2] = [lo2, lo];
    [idx, idx2] = [idx2, idx];
  }
  let s = 0;
  while (s < n) {
    const h = hi[s] as number;
    let e = s + 1;
    while (e < n && hi[e] === h) e++;
    if (e - s > 1) sortRunByLow(lo, idx, s, e, lo2, idx2, count);
    s = e;
  }
  return { idx, hi, lo };
}

/**
 * Orders lo[s..e) ascending, moving idx along: insertion sort for short runs, two 16-bit LSD passes
 * (into the scratch arrays) for long ones, so a column of nearly equal values stays O(n).
 */
function sortRunByLow(
  lo: Uint32Array,
  idx: Uint32Array,
  s: number,
  e: number,
  lo2: Uint32Array,
  idx2: Uint32Array,
  count: Uint32Array,
): void {
  let same = true;
  const first = lo[s] as number;
  for (let j = s + 1; j < e; j++)
    if (lo[j] !== first) {
      same = false;
      break;
    }
  if (same) return; // ties: already in order
  if (e - s <= 32) {
    for (let j = s + 1; j < e; j++) {
      const l = lo[j] as number;
      const x = idx[j] as number;
      let k = j - 1;
      while (k >= s && (lo[k] as number) > l) {
        lo[k + 1] = lo[k] as number;
        idx[k + 1] = idx[k] as number;
        k--;
      }
      lo[k + 1] = l;
      idx[k + 1] = x;
    }
    return;
  }
  for (let pass = 0; pass < 2; pass++) {
    const shift = pass === 0 ? 0 : 16;
    count.fill(0);
    for (let j = s; j < e; j++) {
      const d = ((lo[j] as number) >>> shift) & 0xffff;
      count[d] = (count[d] as number) + 1;
    }
    let sum = s;
    for (let d = 0; d < 65536; d++) {
      const c = count[d] as number;
      count[d] = sum;
      sum += c;
    }
    for (let j = s; j < e; j++) {
      const d = ((lo[j] as number) >>> shift) & 0xffff;
      const t = count[d] as number;
      count[d] = t + 1;
      lo2[t] = lo[j] as number;
      idx2[t] = idx[j] as number;
    }
    lo.set(lo2.subarray(s, e), s);
    idx.set(idx2.subarray(s, e), s);
  }
}

function rank(values: ArrayLike<number>, ties: RankTies, descending: boolean): Float64Array {
  const { idx: order, hi, lo } = ascendingOrder(values);
  const n = order.length;
  const out = new Float64Array(values.length).fill(Number.NaN);
  const average = ties === "average";
  let s = 0;
  while (s < n) {
    // The tie group occupies sorted positions s..e-1 (0-based).
    let e = s + 1;
    if (hi && lo) {
      // Equal keys are equal values: compare the sorted keys, not the scattered values.
      const h = hi[s] as number;
      const l = lo[s] as number;
      while (e < n && hi[e] === h && lo[e] === l) e++;
    } else {
      const v = values[order[s] as number] as number;
      while (e < n && (values[order[e] as number] as number) === v) e++;
    }
    let r: number;
    if (average) r = descending ? (2 * n - s - e + 1) / 2 : (s + 1 + e) / 2;
    else r = descending ? n - e + 1 : s + 1;
    for (let t = s; t < e; t++) out[order[t] as number] = r;
    s = e;
  }
  return out;
}

/**
 * Ranks with 1 = the highest value (the ranking of scores: rank 1 is the best unit). NaN stays NaN
 * and takes no rank; ties share the lowest rank by default, as R's `rank(-x, ties.method = "min")`
 * and COINr's `rank_df`. Use {@link rankAscending} when 1 should be the lowest value.
 *
 * Orders the present values by a radix sort of their bits (a comparator sort below 4096 values),
 * then walks the tie groups: O(n), a few tens of milliseconds for a million values.
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

/**
 * Descending "min" ranks written into `out` (1 = highest, ties share the lowest rank, 0 for NaN),
 * the same ranks as {@link rankDescendingUint32}, without allocating per call: `sorted` is a scratch
 * buffer of the same length. Sorts a copy (typed-array sort) and counts, for each value, the values
 * strictly above it by binary search. Used where ranks are taken many times
 * over (the uncertainty analysis ranks every replication).
 * @internal
 */
export function rankInto(values: Float64Array, sorted: Float64Array, out: Uint32Array): void {
  const m = values.length;
  sorted.set(values);
  sorted.sort(); // ascending, NaN last
  let n = m;
  while (n > 0 && Number.isNaN(sorted[n - 1] as number)) n--;
  for (let i = 0; i < m; i++) {
    const x = values[i] as number;
    if (Number.isNaN(x)) {
      out[i] = 0;
      continue;
    }
    // first index with sorted[idx] > x
    let lo = 0;
    let hi = n;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((sorted[mid] as number) > x) hi = mid;
      else lo = mid + 1;
    }
    out[i] = n - lo + 1;
  }
}
