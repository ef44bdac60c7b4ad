import { fail } from "../internal/errors.js";

/** What {@link jenks} found. */
export interface JenksResult {
  /** Number of classes. */
  k: number;
  /** Upper bound of each class, ascending (mapclassify's `bins`): class c is (bins[c-1], bins[c]], the first includes the minimum. */
  bins: number[];
  /** Number of present values in each class. */
  counts: number[];
  /** Sum of squared deviations from the class means (the minimized cost). */
  sdcm: number;
  /** Sum of squared deviations from the overall mean. */
  sdam: number;
  /** Goodness of variance fit, 1 - SDCM / SDAM (1 = classes without spread). */
  gvf: number;
  /** Number of missing (NaN) values left out. */
  missing: number;
}

/**
 * Jenks natural breaks by the optimal Fisher-Jenks algorithm: sorts the present values and cuts them
 * into `k` contiguous classes with the smallest sum of squared deviations from the class means
 * (SDCM), exactly, by dynamic programming over prefix sums (O(k N²) time, O(k N) memory). Use it to
 * grade on the shape of the distribution; use {@link cutPoints} with `quantile` for classes of equal
 * size, or fixed cut points for grades that must not move with the sample.
 *
 * Conventions (DOMAIN C4.2): the result gives each class's **upper bound** (class c = (b_{c-1}, b_c],
 * as mapclassify's `bins`), so grading with these bounds is upper-closed; among splits of equal cost
 * the one with the longest last class wins (the smallest start index, as mapclassify). Missing values
 * (NaN) are left out and counted. The "Jenks" of ArcGIS/QGIS and mapclassify's `NaturalBreaks` are
 * heuristics and can differ; mapclassify's `FisherJenks` agrees on typical data.
 *
 * Reference: Fisher, W.D. (1958) On grouping for maximum homogeneity, JASA 53:789-798; Jenks, G.F.
 * (1967) The data model concept in statistical mapping, International Yearbook of Cartography 7:186-190.
 *
 * @param values - The values to classify (NaN = missing).
 * @param k - Number of classes, an integer of at least 2.
 * @throws IndicatrixError `invalid_option` (k not an integer of at least 2), `too_few_values` (fewer
 *   than k distinct present values).
 * @example
 * ```ts
 * const y = [52.3, 55.1, 58.7, 61.2, 63.5, 70.4, 72.8, 74.1, 81.9, 84.6, 88.2, 93.0];
 * jenks(y, 3).bins; // => [63.5, 74.1, 93]
 * jenks(y, 3).gvf; // => 0.9210738723316...
 * ```
 */
export function jenks(values: ArrayLike<number>, k: number): JenksResult {
  if (!Number.isInteger(k) || k < 2)
    fail("invalid_option", ["k"], `expected an integer of at least 2, got ${k}`);
  const x: number[] = [];
  let missing = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i] as number;
    if (Number.isNaN(v)) missing++;
    else x.push(v);
  }
  x.sort((a, b) => a - b);
  const n = x.length;
  let distinct = n > 0 ? 1 : 0;
  for (let i = 1; i < n; i++) if (x[i] !== x[i - 1]) distinct++;
  if (distinct < k)
    fail(
      "too_few_values",
      ["values"],
      `Jenks with ${k} classes needs at least ${k} distinct values, got ${distinct}`,
    );
  // Centre before the prefix sums: ssd(i..j) = S2 - S1²/m loses digits when the values are far from 0.
  let mean = 0;
  for (const v of x) mean += v;
  mean /= n;
  const s1 = new Float64Array(n + 1);
  const s2 = new Float64Array(n + 1);
  for (let i = 0; i < n; i++) {
    const d = x[i]! - mean;
    s1[i + 1] = s1[i]! + d;
    s2[i + 1] = s2[i]! + d * d;
  }
  // ssd of x[i..j] (inclusive), never below 0.
  const ssd = (i: number, j: number): number => {
    const m = j - i + 1;
    const a = s1[j + 1]! - s1[i]!;
    return Math.max(0, s2[j + 1]! - s2[i]! - (a * a) / m);
  };
  // cost[c][j]: best SDCM of x[0..j] in c + 1 classes; start[c][j]: where its last class starts.
  let prev = new Float64Array(n);
  for (let j = 0; j < n; j++) prev[j] = ssd(0, j);
  const starts: Int32Array[] = [new Int32Array(n)];
  for (let c = 1; c < k; c++) {
    const cur = new Float64Array(n).fill(Number.POSITIVE_INFINITY);
    const st = new Int32Array(n);
    for (let j = c; j < n; j++) {
      let best = prev[c - 1]! + ssd(c, j);
      let at = c;
      // Ascending i with a strict "<" (and a relative tolerance for rounding): the smallest start wins a
      // tie, which is the longest last class.
      for (let i = c + 1; i <= j; i++) {
        const v = prev[i - 1]! + ssd(i, j);
        if (v < best - 1e-12 * Math.max(1, best)) {
          best = v;
          at = i;
        }
      }
      cur[j] = best;
      st[j] = at;
    }
    starts.push(st);
    prev = cur;
  }
  const bounds: number[] = new Array(k + 1);
  bounds[k] = n;
  for (let c = k - 1, j = n - 1; c >= 1; c--) {
    const s = starts[c]![j]!;
    bounds[c] = s;
    j = s - 1;
  }
  bounds[0] = 0;
  const bins: number[] = [];
  const counts: number[] = [];
  let sdcm = 0;
  for (let c = 0; c < k; c++) {
    bins.push(x[bounds[c + 1]! - 1]!);
    counts.push(bounds[c + 1]! - bounds[c]!);
    sdcm += ssd(bounds[c]!, bounds[c + 1]! - 1);
  }
  const sdam = ssd(0, n - 1);
  return { k, bins, counts, sdcm, sdam, gvf: sdam === 0 ? 1 : 1 - sdcm / sdam, missing };
}
