import { fail } from "../internal/errors.js";
import { rankAscending } from "../internal/rank.js";

function pairs(
  x: ArrayLike<number>,
  y: ArrayLike<number>,
  name: string,
): { a: Float64Array; b: Float64Array } {
  if (x.length !== y.length)
    fail("invalid_option", name, `expected two series of equal length, got ${x.length} and ${y.length}`);
  let n = 0;
  for (let i = 0; i < x.length; i++) if (!Number.isNaN(x[i]!) && !Number.isNaN(y[i]!)) n++;
  const a = new Float64Array(n);
  const b = new Float64Array(n);
  let k = 0;
  for (let i = 0; i < x.length; i++)
    if (!Number.isNaN(x[i]!) && !Number.isNaN(y[i]!)) {
      a[k] = x[i]!;
      b[k] = y[i]!;
      k++;
    }
  return { a, b };
}

/**
 * Pearson's correlation of two series, over the pairs where both are present (NaN pairs dropped).
 * NaN when fewer than two pairs remain or a series is constant.
 *
 * @example
 * ```ts
 * pearson([1, 2, 3], [2, 4, 7]); // => 0.9933992677987828
 * ```
 */
export function pearson(x: ArrayLike<number>, y: ArrayLike<number>): number {
  const { a, b } = pairs(x, y, "pearson");
  return pearsonOfPairs(a, b);
}

/**
 * Pearson's correlation of two series of equal length with no NaN (the pairs {@link pearson} keeps);
 * NaN when fewer than two pairs or a constant series. Callers that correlate many pairs of complete
 * columns call it directly, on the columns or on ranks computed once per column (what
 * {@link spearman} computes per pair), and get the same numbers as `pearson` and `spearman`.
 */
export function pearsonOfPairs(a: ArrayLike<number>, b: ArrayLike<number>): number {
  const n = a.length;
  if (n < 2) return Number.NaN;
  let ma = 0;
  let mb = 0;
  for (let i = 0; i < n; i++) {
    ma += a[i]!;
    mb += b[i]!;
  }
  ma /= n;
  mb /= n;
  let sab = 0;
  let saa = 0;
  let sbb = 0;
  for (let i = 0; i < n; i++) {
    const da = a[i]! - ma;
    const db = b[i]! - mb;
    sab += da * db;
    saa += da * da;
    sbb += db * db;
  }
  return saa > 0 && sbb > 0 ? sab / Math.sqrt(saa * sbb) : Number.NaN;
}

/**
 * Spearman's rank correlation: Pearson's correlation of the average ranks (ties share their mean
 * rank), over the pairs where both are present.
 *
 * @example
 * ```ts
 * spearman([1, 2, 3, 4], [10, 20, 40, 30]); // => 0.8
 * ```
 */
export function spearman(x: ArrayLike<number>, y: ArrayLike<number>): number {
  const { a, b } = pairs(x, y, "spearman");
  return pearsonOfPairs(rankAscending(a, "average"), rankAscending(b, "average"));
}

/**
 * Kendall's tau-b between two series (ties corrected), over the pairs where both are present,
 * in O(n log n) by Knight's (1966) merge-sort algorithm.
 *
 * @example
 * ```ts
 * kendall([1, 2, 3, 4], [10, 20, 40, 30]); // => 0.6666666666666666
 * ```
 */
export function kendall(x: ArrayLike<number>, y: ArrayLike<number>): number {
  const { a, b } = pairs(x, y, "kendall");
  const n = a.length;
  if (n < 2) return Number.NaN;
  const idx = Array.from({ length: n }, (_, i) => i).sort((i, j) => a[i]! - a[j]! || b[i]! - b[j]!);
  const n0 = (n * (n - 1)) / 2;
  // Ties in x (n1) and joint ties (n3), counted on the sort by (x, y).
  let n1 = 0;
  let n3 = 0;
  let runX = 1;
  let runXY = 1;
  for (let k = 1; k <= n; k++) {
    const same = k < n && a[idx[k]!] === a[idx[k - 1]!];
    const sameXY = same && b[idx[k]!] === b[idx[k - 1]!];
    if (same) runX++;
    else {
      n1 += (runX * (runX - 1)) / 2;
      runX = 1;
    }
    if (sameXY) runXY++;
    else {
      n3 += (runXY * (runXY - 1)) / 2;
      runXY = 1;
    }
  }
  // Count discordant pairs (swaps) while merge-sorting the y sequence.
  let ys = Float64Array.from(idx, (i) => b[i]!);
  let buf = new Float64Array(n);
  let swaps = 0;
  for (let width = 1; width < n; width *= 2) {
    for (let lo = 0; lo < n; lo += 2 * width) {
      const mid = Math.min(lo + width, n);
      const hi = Math.min(lo + 2 * width, n);
      let i = lo;
      let j = mid;
      let k = lo;
      while (i < mid && j < hi) {
        if (ys[i]! <= ys[j]!) buf[k++] = ys[i++]!;
        else {
          swaps += mid - i;
          buf[k++] = ys[j++]!;
        }
      }
      while (i < mid) buf[k++] = ys[i++]!;
      while (j < hi) buf[k++] = ys[j++]!;
    }
    [ys, buf] = [buf, ys];
  }
  let n2 = 0;
  let runY = 1;
  for (let k = 1; k <= n; k++) {
    if (k < n && ys[k] === ys[k - 1]) runY++;
    else {
      n2 += (runY * (runY - 1)) / 2;
      runY = 1;
    }
  }
  const denom = Math.sqrt((n0 - n1) * (n0 - n2));
  if (!(denom > 0)) return Number.NaN;
  return (n0 - n1 - n2 + n3 - 2 * swaps) / denom;
}
