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
 * `a[i]` for an index the loop keeps in range. noUncheckedIndexedAccess types every indexed read
 * as possibly undefined; these readers say once that the index is valid. One reader per array
 * type keeps the hot loops monomorphic (`num` reads the caller's column, an array or a typed array).
 */
const u32 = (a: Uint32Array, i: number): number => a[i] as number;
const f64 = (a: Float64Array, i: number): number => a[i] as number;
const num = (a: ArrayLike<number>, i: number): number => a[i] as number;

/**
 * The indices of the non-NaN entries of `values`, in ascending order of value. Large inputs use an
 * LSD radix sort on the IEEE-754 bits mapped to unsigned order (two 16-bit passes on the high words,
 * then each run of equal high words ordered by its low words), O(n); small ones a comparator sort.
 */
function ascendingOrder(values: ArrayLike<number>): { idx: Uint32Array; hi?: Uint32Array; lo?: Uint32Array } {
  let n = 0;
  for (let i = 0; i < values.length; i++) if (!Number.isNaN(values[i])) n++;
  let idx = new Uint32Array(n);
  let k = 0;
  for (let i = 0; i < values.length; i++) if (!Number.isNaN(values[i])) idx[k++] = i;
  if (n < RADIX_MIN) return { idx: idx.sort((a, b) => num(values, a) - num(values, b)) };

  // Sortable 64-bit keys as (hi, lo) 32-bit halves: flip all bits of negatives, the sign bit of the rest.
  const buf = new Float64Array(n);
  for (let j = 0; j < n; j++) buf[j] = num(values, u32(idx, j)) + 0; // + 0 turns -0 into 0
  const words = new Uint32Array(buf.buffer);
  const H = LITTLE_ENDIAN ? 1 : 0;
  const L = 1 - H;
  let hi = new Uint32Array(n);
  let lo = new Uint32Array(n);
  for (let j = 0; j < n; j++) {
    const h = u32(words, 2 * j + H);
    const l = u32(words, 2 * j + L);
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
  for (const shift of [0, 16]) {
    if (!countingPass(hi, lo, idx, 0, n, shift, hi2, lo2, idx2, count)) continue;
    [hi, hi2] = [hi2, hi];
    [lo, lo2] = [lo2, lo];
    [idx, idx2] = [idx2, idx];
  }
  let s = 0;
  while (s < n) {
    const h = u32(hi, s);
    let e = s + 1;
    while (e < n && hi[e] === h) e++;
    // hi2 is scratch now: it takes the (equal) high words of the run along
    if (e - s > 1) sortRunByLow(lo, idx, hi, s, e, lo2, idx2, hi2, count);
    s = e;
  }
  return { idx, hi, lo };
}

/**
 * One stable counting-sort pass over positions s..e-1 of `key` by its 16-bit digit at `shift`,
 * carrying `a` and `b` along; the sorted entries land at s..e-1 of `keyOut`, `aOut` and `bOut`.
 * Returns false, writing nothing, when every key has the same digit (the pass would move nothing).
 */
function countingPass(
  key: Uint32Array,
  a: Uint32Array,
  b: Uint32Array,
  s: number,
  e: number,
  shift: number,
  keyOut: Uint32Array,
  aOut: Uint32Array,
  bOut: Uint32Array,
  count: Uint32Array,
): boolean {
  count.fill(0);
  for (let j = s; j < e; j++) {
    const d = (u32(key, j) >>> shift) & 0xffff;
    count[d] = u32(count, d) + 1;
  }
  if (count[(u32(key, s) >>> shift) & 0xffff] === e - s) return false;
  let sum = s;
  for (let d = 0; d < 65536; d++) {
    const c = u32(count, d);
    count[d] = sum;
    sum += c;
  }
  for (let j = s; j < e; j++) {
    const k = u32(key, j);
    const d = (k >>> shift) & 0xffff;
    const t = u32(count, d);
    count[d] = t + 1;
    keyOut[t] = k;
    aOut[t] = u32(a, j);
    bOut[t] = u32(b, j);
  }
  return true;
}

/**
 * Orders lo[s..e) ascending, moving idx (and `hi`, equal over the run) along: insertion sort for
 * short runs, two 16-bit LSD passes (into the scratch arrays) for long ones, so a column of nearly
 * equal values stays O(n).
 */
function sortRunByLow(
  lo: Uint32Array,
  idx: Uint32Array,
  hi: Uint32Array,
  s: number,
  e: number,
  lo2: Uint32Array,
  idx2: Uint32Array,
  hi2: Uint32Array,
  count: Uint32Array,
): void {
  const first = u32(lo, s);
  let differs = s + 1;
  while (differs < e && lo[differs] === first) differs++;
  if (differs === e) return; // ties: already in order
  if (e - s <= 32) {
    for (let j = s + 1; j < e; j++) {
      const l = u32(lo, j);
      const x = u32(idx, j);
      let k = j - 1;
      while (k >= s && u32(lo, k) > l) {
        lo[k + 1] = u32(lo, k);
        idx[k + 1] = u32(idx, k);
        k--;
      }
      lo[k + 1] = l;
      idx[k + 1] = x;
    }
    return;
  }
  for (const shift of [0, 16]) {
    if (!countingPass(lo, idx, hi, s, e, shift, lo2, idx2, hi2, count)) continue;
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
      const h = u32(hi, s);
      const l = u32(lo, s);
      while (e < n && hi[e] === h && lo[e] === l) e++;
    } else {
      const v = num(values, u32(order, s));
      while (e < n && num(values, u32(order, e)) === v) e++;
    }
    let r: number;
    if (average) r = descending ? (2 * n - s - e + 1) / 2 : (s + 1 + e) / 2;
    else r = descending ? n - e + 1 : s + 1;
    for (let t = s; t < e; t++) out[u32(order, t)] = r;
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
    const v = f64(r, i);
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
  while (n > 0 && Number.isNaN(sorted[n - 1])) n--;
  for (let i = 0; i < m; i++) {
    const x = f64(values, i);
    if (Number.isNaN(x)) {
      out[i] = 0;
      continue;
    }
    // first index with sorted[idx] > x
    let lo = 0;
    let hi = n;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (f64(sorted, mid) > x) hi = mid;
      else lo = mid + 1;
    }
    out[i] = n - lo + 1;
  }
}
