/** Helpers shared by the evaluation methods: argument checks, direction alignment, ranks. @internal */
import { fail } from "../internal/errors.js";
import type { Direction } from "../internal/types.js";

/** Throws `too_few_units` when a method that compares units gets fewer than two. @internal */
export function requireUnits(m: number, min: number, name: string, method: string): void {
  if (m < min)
    fail(
      "too_few_units",
      name,
      `${method} compares units and needs at least ${min}, got ${m} (rows = units)`,
    );
}

/**
 * Checks a weight vector against `n` columns (finite, non-negative, positive sum) and returns it
 * scaled to sum 1 as a Float64Array. Errors name the argument (`invalid_weights`).
 * @internal
 */
export function normalizedWeights(weights: unknown, n: number, name = "weights"): Float64Array {
  if (!Array.isArray(weights) && !(weights instanceof Float64Array))
    fail("invalid_weights", name, `expected an array of ${n} non-negative numbers`);
  const w = weights as ArrayLike<unknown>;
  if (w.length !== n) fail("invalid_weights", name, `has ${w.length} entries but there are ${n} columns`);
  let sum = 0;
  for (let j = 0; j < n; j++) {
    const v = w[j];
    if (typeof v !== "number" || !Number.isFinite(v) || v < 0)
      fail("invalid_weights", `${name}[${j}]`, `expected a finite non-negative number, got ${String(v)}`);
    sum += v;
  }
  if (!(sum > 0)) fail("invalid_weights", name, "must sum to a positive number (all weights are zero)");
  const out = new Float64Array(n);
  for (let j = 0; j < n; j++) out[j] = (w[j] as number) / sum;
  return out;
}

/** Checks `directions` (length `n`, each a valid {@link Direction}); absent means all `benefit`. @internal */
export function checkDirections(
  directions: readonly Direction[] | undefined,
  n: number,
  name: string,
): Direction[] {
  if (directions === undefined) return Array.from({ length: n }, () => "benefit" as const);
  if (!Array.isArray(directions) || directions.length !== n)
    fail(
      "invalid_directions",
      name,
      `expected ${n} directions (one per column), got ${String(directions?.length)}`,
    );
  return directions.map((d, j): Direction => {
    if (d === "benefit" || d === "cost") return d;
    if (d && typeof d === "object") {
      if ("target" in d && Number.isFinite(d.target)) return { target: d.target };
      if ("range" in d && Array.isArray(d.range) && d.range.length === 2) {
        const [a, b] = d.range;
        if (Number.isFinite(a) && Number.isFinite(b) && a <= b) return { range: [a, b] };
        return fail(
          "invalid_directions",
          `${name}[${j}]`,
          `range must be [a, b] with finite a <= b, got [${a}, ${b}]`,
        );
      }
    }
    return fail(
      "invalid_directions",
      `${name}[${j}]`,
      `expected "benefit", "cost", { target } or { range: [a, b] }, got ${JSON.stringify(d)}`,
    );
  });
}

/**
 * The moderate (target) and interval transforms of DOMAIN §1.2, which turn a target or range column into
 * a benefit column in [0, 1]: target t gives `1 - |x - t| / max|x - t|`; range [a, b] gives 1 inside
 * and `1 - distance / M` outside, M = max(a - min, max - b). A column already at its target (or inside
 * its range) everywhere gives all ones; NaN stays NaN (callers check). Returns the transform fitted on
 * `col` (so other values, such as a reference point, can be mapped the same way), or `null` for
 * benefit and cost columns.
 * @internal
 */
export function moderateTransform(col: Float64Array, dir: Direction): ((x: number) => number) | null {
  if (typeof dir === "string") return null;
  const m = col.length;
  if ("target" in dir) {
    const t = dir.target;
    let far = 0;
    for (let i = 0; i < m; i++) far = Math.max(far, Math.abs((col[i] as number) - t));
    // far is NaN when the column holds a NaN: the NaN then propagates instead of turning into 1.
    return (x) => (far === 0 ? 1 : 1 - Math.abs(x - t) / far);
  }
  const [a, b] = dir.range;
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < m; i++) {
    lo = Math.min(lo, col[i] as number);
    hi = Math.max(hi, col[i] as number);
  }
  const span = Math.max(a - lo, hi - b);
  return (x) => (Number.isNaN(x) ? x : x < a ? 1 - (a - x) / span : x > b ? 1 - (x - b) / span : 1);
}

/** `col` aligned by {@link moderateTransform} (a new array), or `col` itself for benefit/cost. @internal */
export function alignModerate(col: Float64Array, dir: Direction): Float64Array {
  const f = moderateTransform(col, dir);
  if (f === null) return col;
  const out = new Float64Array(col.length);
  for (let i = 0; i < col.length; i++) out[i] = f(col[i] as number);
  return out;
}

/** Index of the first entry in sorted `s` that is greater than `v`. */
function upperBound(s: Float64Array, v: number): number {
  let lo = 0;
  let hi = s.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((s[mid] as number) <= v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Ranks with 1 = highest score and ties sharing the lowest rank ("min", as COINr): rank = 1 + number
 * of strictly greater scores. Small inputs use a native typed-array sort and binary search; from
 * 65,536 scores on, an LSD radix sort on the high 32 bits of the IEEE-754 keys followed by ordering
 * runs of equal high words by their low words, which ranks a million scores in a few tens of
 * milliseconds. Scores must not be NaN. @internal
 */
export function ranksDescending(scores: Float64Array): number[] {
  const m = scores.length;
  const ranks = new Array<number>(m);
  if (m < 65_536) {
    const sorted = Float64Array.from(scores).sort();
    for (let i = 0; i < m; i++) ranks[i] = 1 + m - upperBound(sorted, scores[i] as number);
    return ranks;
  }
  // Sortable keys: flip the sign bit of non-negative doubles and every bit of negative ones, so that
  // unsigned order of (hi, lo) is numeric order; -0 is turned into +0 first (x + 0).
  const copy = new Float64Array(m);
  for (let i = 0; i < m; i++) copy[i] = (scores[i] as number) + 0;
  const bits = new Uint32Array(copy.buffer);
  let lo = new Uint32Array(m);
  let hi = new Uint32Array(m);
  let idx = new Uint32Array(m);
  let lo2 = new Uint32Array(m);
  let hi2 = new Uint32Array(m);
  let idx2 = new Uint32Array(m);
  // LSD radix sort on the high words only (11-bit digits, three passes; a digit that every key
  // shares is skipped). Keys move with their indices so that every pass reads sequentially.
  const hist = new Uint32Array(3 * 2048);
  for (let i = 0; i < m; i++) {
    const h = bits[2 * i + 1] as number;
    const l = bits[2 * i] as number;
    const neg = h >>> 31 === 1;
    const H = neg ? ~h >>> 0 : (h | 0x80000000) >>> 0;
    hi[i] = H;
    lo[i] = neg ? ~l >>> 0 : l;
    idx[i] = i;
    const d0 = H & 2047;
    const d1 = 2048 + ((H >>> 11) & 2047);
    const d2 = 4096 + (H >>> 22);
    hist[d0] = (hist[d0] as number) + 1;
    hist[d1] = (hist[d1] as number) + 1;
    hist[d2] = (hist[d2] as number) + 1;
  }
  const offsets = new Uint32Array(2048);
  for (let p = 0; p < 3; p++) {
    const base = 2048 * p;
    let sum = 0;
    let shared = false;
    for (let d = 0; d < 2048; d++) {
      const c = hist[base + d] as number;
      if (c === m) shared = true;
      offsets[d] = sum;
      sum += c;
    }
    if (shared) continue; // every key has the same digit here: the pass would not move anything
    const shift = 11 * p;
    for (let k = 0; k < m; k++) {
      const d = ((hi[k] as number) >>> shift) & 2047;
      const at = offsets[d] as number;
      offsets[d] = at + 1;
      lo2[at] = lo[k] as number;
      hi2[at] = hi[k] as number;
      idx2[at] = idx[k] as number;
    }
    [lo, lo2] = [lo2, lo];
    [hi, hi2] = [hi2, hi];
    [idx, idx2] = [idx2, idx];
  }
  // Runs with the same high word are put in order of their low words (usually runs of 1 or 2).
  let start = 0;
  while (start < m) {
    let end = start + 1;
    while (end < m && hi[end] === hi[start]) end++;
    if (end - start > 1) sortRunByLow(lo, idx, start, end);
    start = end;
  }
  // Keys are now ascending; walk from the top, giving each tie group the rank of its first member.
  let k = m - 1;
  while (k >= 0) {
    const h = hi[k];
    const l = lo[k];
    let end = k;
    while (end > 0 && hi[end - 1] === h && lo[end - 1] === l) end--;
    const rank = m - k;
    for (let t = end; t <= k; t++) ranks[idx[t] as number] = rank;
    k = end - 1;
  }
  return ranks;
}

/** Sorts positions [start, end) of the parallel arrays `lo`/`idx` by `lo`: insertion sort for short runs. */
function sortRunByLow(lo: Uint32Array, idx: Uint32Array, start: number, end: number): void {
  if (end - start <= 32) {
    for (let k = start + 1; k < end; k++) {
      const l = lo[k] as number;
      const ix = idx[k] as number;
      let t = k - 1;
      while (t >= start && (lo[t] as number) > l) {
        lo[t + 1] = lo[t] as number;
        idx[t + 1] = idx[t] as number;
        t--;
      }
      lo[t + 1] = l;
      idx[t + 1] = ix;
    }
    return;
  }
  const pos = Array.from({ length: end - start }, (_, k) => start + k).sort(
    (a, b) => (lo[a] as number) - (lo[b] as number),
  );
  const l2 = pos.map((k) => lo[k] as number);
  const i2 = pos.map((k) => idx[k] as number);
  lo.set(l2, start);
  idx.set(i2, start);
}

/** Ascending ranks (1 = smallest) with ties given the average of the ranks they occupy. @internal */
export function averageRanksAscending(values: ArrayLike<number>): Float64Array {
  const m = values.length;
  const order = Array.from({ length: m }, (_, i) => i).sort(
    (p, q) => (values[p] as number) - (values[q] as number),
  );
  const ranks = new Float64Array(m);
  let start = 0;
  while (start < m) {
    let end = start;
    const v = values[order[start] as number] as number;
    while (end + 1 < m && values[order[end + 1] as number] === v) end++;
    const avg = (start + end) / 2 + 1;
    for (let k = start; k <= end; k++) ranks[order[k] as number] = avg;
    start = end + 1;
  }
  return ranks;
}

/** Converts a typed array to a plain array (result fields are plain arrays). @internal */
export function toArray(x: Float64Array): number[] {
  const out = new Array<number>(x.length);
  for (let i = 0; i < x.length; i++) out[i] = x[i] as number;
  return out;
}

/** Describes a direction for messages and provenance. @internal */
export function directionLabel(d: Direction): string {
  if (typeof d === "string") return d;
  return "target" in d ? `target ${d.target}` : `range [${d.range[0]}, ${d.range[1]}]`;
}
