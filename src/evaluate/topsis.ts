import { fail, type Issue } from "../internal/errors.js";
import { checkFiniteColumn } from "../internal/matrix.js";
import { type MatrixInput, readMatrix } from "../internal/matrix-input.js";
import { rankDescending } from "../internal/rank.js";
import type { Direction } from "../internal/types.js";
import { alignModerate, checkDirections, normalizedWeights, requireUnits, toArray } from "./shared.js";

/** Options of {@link topsis}; every default is that of the conventions table in docs/methods.md. */
export interface TopsisOptions {
  /**
   * Direction of each column (default all `benefit`). Cost columns are not transformed: their ideal
   * and anti-ideal points are swapped (best = column minimum). Target and range columns are first
   * turned into benefit columns in [0, 1] by the moderate/interval formulas (docs/methods.md, moderate
   * indicators), which is their min-max normalization; `vector` then normalizes them like any other column.
   */
  directions?: readonly Direction[];
  /**
   * Column normalization before weighting: `vector` (default, x / sqrt(sum x^2), Hwang & Yoon 1981),
   * `minmax` ((x - min) / (max - min); a constant column becomes 0.5 with a warning) or `none` (use
   * the data as given, e.g. an already standardized matrix Z).
   */
  normalization?: "vector" | "minmax" | "none";
  /**
   * Where the weights enter: `matrix` (default, v = w r, then Euclidean distances) or `distance`
   * (D = sqrt(sum w (r - r*)^2), the weighted-distance variant; docs/methods.md source [S7]). Both give
   * different closeness values.
   */
  weighting?: "matrix" | "distance";
  /**
   * Ideal points: `sample` (default: best and worst observed value of each column), `fixed` (1 and 0
   * on the normalized scale; for a cost column best = 0, worst = 1), or caller-given points
   * `{ best, worst }` on the normalized scale (the raw scale with `normalization: "none"`), one value
   * per column, before weighting.
   */
  ideal?: "sample" | "fixed" | TopsisIdealPoints;
}

/** Caller-given ideal points of {@link topsis}, one value per column on the normalized scale, before weighting. */
export interface TopsisIdealPoints {
  /** The ideal (best) value of each column. */
  best: readonly number[];
  /** The anti-ideal (worst) value of each column. */
  worst: readonly number[];
}

/** Result of {@link topsis}: one entry per unit (row) in `scores`, `ranks`, `dPlus`, `dMinus`. */
export interface TopsisResult {
  /** Relative closeness C = D- / (D+ + D-) in [0, 1]; higher is better. */
  scores: number[];
  /** Rank of each unit by closeness: 1 = best, ties share the lowest rank ("min"). */
  ranks: number[];
  /** Distance D+ of each unit to the ideal point. */
  dPlus: number[];
  /** Distance D- of each unit to the anti-ideal point. */
  dMinus: number[];
  /** Ideal point per column in the weighted space (v = w r; sqrt(w) r with `weighting: "distance"`). */
  ideal: number[];
  /** Anti-ideal point per column in the same weighted space as `ideal`. */
  antiIdeal: number[];
  /** The weights used, scaled to sum 1 (closeness does not depend on their scale). */
  weights: number[];
  /** Every option that ran, defaults filled in (provenance). */
  options: {
    /** Normalization that ran. */
    normalization: "vector" | "minmax" | "none";
    /** Weight placement that ran. */
    weighting: "matrix" | "distance";
    /** Ideal points: `sample`, `fixed` or `given`. */
    ideal: "sample" | "fixed" | "given";
    /** Direction of each column. */
    directions: Direction[];
  };
  /** Non-fatal findings: constant columns under min-max, units with D+ + D- = 0. */
  warnings: Issue[];
}

/**
 * TOPSIS (Technique for Order Preference by Similarity to Ideal Solution, Hwang & Yoon 1981): ranks
 * units by their relative closeness to the ideal point and distance from the anti-ideal point, after
 * normalizing and weighting the columns. Use it to rank units on a decision matrix with known
 * weights; use {@link greyRelational} when you care about the shape of each unit's profile rather than
 * Euclidean distance, and a plain weighted sum when scores must not depend on the other units
 * (TOPSIS with sample ideal points is relative: adding a unit can change every score).
 *
 * Entropy-TOPSIS is `topsis(x, entropyWeights(x))`. Accepts rows (`number[][]`) or columns
 * (`{ columns: Float64Array[] }`, read in place): 1,000,000 x 50 runs in well under a second.
 *
 * Reference: Hwang, C.L. & Yoon, K. (1981) Multiple Attribute Decision Making, Springer.
 *
 * @param matrix rows = units, columns = indicators: `number[][]` or `{ columns: Float64Array[] }` (see {@link MatrixInput}).
 * @param weights one non-negative weight per column; scaled to sum 1.
 * @throws IndicatrixError `invalid_matrix` (ragged, non-finite), `too_few_units` (fewer than 2 rows
 *   with sample ideal points), `invalid_weights`, `invalid_direction`, `invalid_option` (unknown
 *   option value, ideal points of the wrong length or best = worst everywhere).
 * @example
 * ```ts
 * // unit 1 is the ideal point, unit 2 the anti-ideal, unit 3 half-way
 * topsis([[1, 1], [0, 0], [1, 0]], [0.5, 0.5], { normalization: "none" }).scores;
 * // => [1, 0, 0.5]
 * ```
 */
export function topsis(
  matrix: MatrixInput,
  weights: readonly number[],
  opts: TopsisOptions = {},
): TopsisResult {
  // Columnar input is checked for finite values inside pass 1 below, saving a pass over the data.
  const { m, n, cols } = readMatrix(matrix, "matrix", { finite: false });
  const w = normalizedWeights(weights, n, "weights");
  const directions = checkDirections(opts.directions, n, "opts.directions");
  const normalization = opts.normalization ?? "vector";
  if (normalization !== "vector" && normalization !== "minmax" && normalization !== "none")
    fail(
      "invalid_option",
      "opts.normalization",
      `expected "vector", "minmax" or "none", got ${String(normalization)}`,
    );
  const weighting = opts.weighting ?? "matrix";
  if (weighting !== "matrix" && weighting !== "distance")
    fail("invalid_option", "opts.weighting", `expected "matrix" or "distance", got ${String(weighting)}`);
  const idealOpt = opts.ideal ?? "sample";
  let given: { best: Float64Array; worst: Float64Array } | undefined;
  if (typeof idealOpt === "object" && idealOpt !== null) {
    for (const key of ["best", "worst"] as const) {
      const p = idealOpt[key];
      if (!Array.isArray(p) || p.length !== n || !p.every((v) => Number.isFinite(v)))
        fail("invalid_option", `opts.ideal.${key}`, `expected ${n} finite numbers (one per column)`);
    }
    if (idealOpt.best.every((b, j) => b === idealOpt.worst[j]))
      fail("invalid_option", "opts.ideal", "best and worst points are identical: closeness is undefined");
    given = { best: Float64Array.from(idealOpt.best), worst: Float64Array.from(idealOpt.worst) };
  } else if (idealOpt !== "sample" && idealOpt !== "fixed") {
    fail(
      "invalid_option",
      "opts.ideal",
      `expected "sample", "fixed" or { best, worst }, got ${String(idealOpt)}`,
    );
  }
  if (idealOpt === "sample") requireUnits(m, 2, "matrix", "TOPSIS with sample ideal points");

  const warnings: Issue[] = [];
  const ideal = new Array<number>(n);
  const antiIdeal = new Array<number>(n);
  // Per used column: data, slope A and the ideal/anti-ideal shifted by the intercept, so that the
  // distance pass computes A x - (V* - B) with v = A x + B.
  const used: Float64Array[] = [];
  const slope: number[] = [];
  const bestShift: number[] = [];
  const worstShift: number[] = [];

  // Pass 1: the column statistics the normalization needs. Columnar input is checked here, in the
  // same pass: any NaN or infinity makes the sum of squares non-finite.
  const columns = cols.map((raw, j) => {
    const dir = directions[j]!;
    return { raw, dir, data: alignModerate(raw, dir) };
  });
  const stats = columnStats(columns.map((c) => c.data));
  columns.forEach(({ raw, dir, data: col }, j) => {
    const cost = dir === "cost";
    const min = stats.min[j]!;
    const max = stats.max[j]!;
    const ss = stats.ss[j]!;
    if (!Number.isFinite(ss)) reportNonFinite(raw, j); // name the raw entry
    // Every normalization here is affine, r = a x + b, so v = c r = A x + B with c the weight
    // factor (w for weights in the matrix, sqrt(w) for weights inside the distance).
    let a = 1;
    let b = 0;
    if (normalization === "vector") {
      a = ss > 0 ? 1 / Math.sqrt(ss) : 0;
    } else if (normalization === "minmax" && typeof dir === "string") {
      if (max > min) {
        a = 1 / (max - min);
        b = -min / (max - min);
      } else {
        a = 0;
        b = 0.5;
        warnings.push({
          code: "constant_column",
          severity: "warning",
          path: ["matrix", j],
          where: `matrix column ${j}`,
          message: `column ${j} is constant (${min}): min-max gives every unit 0.5`,
        });
      }
    }
    const wj = w[j]!;
    const c = weighting === "matrix" ? wj : Math.sqrt(wj);
    const A = c * a;
    const B = c * b;
    let best: number;
    let worst: number;
    if (given) {
      best = c * given.best[j]!;
      worst = c * given.worst[j]!;
    } else if (idealOpt === "fixed") {
      best = cost ? 0 : c;
      worst = cost ? c : 0;
    } else {
      const vmax = A * max + B;
      const vmin = A * min + B;
      best = cost ? vmin : vmax;
      worst = cost ? vmax : vmin;
    }
    ideal[j] = best;
    antiIdeal[j] = worst;
    if (c === 0) return; // a zero-weight column adds nothing to either distance
    used.push(col);
    slope.push(A);
    bestShift.push(best - B);
    worstShift.push(worst - B);
  });

  // Pass 2: squared distances, in blocks of rows that stay in cache, four columns at a time.
  const dPlus = new Float64Array(m);
  const dMinus = new Float64Array(m);
  squaredDistances(
    used,
    Float64Array.from(slope),
    Float64Array.from(bestShift),
    Float64Array.from(worstShift),
    dPlus,
    dMinus,
  );

  const scores = new Float64Array(m);
  let flat = 0;
  for (let i = 0; i < m; i++) {
    const dp = Math.sqrt(dPlus[i]!);
    const dm = Math.sqrt(dMinus[i]!);
    dPlus[i] = dp;
    dMinus[i] = dm;
    const total = dp + dm;
    if (total > 0) scores[i] = dm / total;
    else {
      scores[i] = 0.5;
      flat++;
    }
  }
  if (flat > 0)
    warnings.push({
      code: "no_spread",
      severity: "warning",
      path: ["matrix"],
      where: "matrix",
      message: `${flat} unit(s) sit on both the ideal and the anti-ideal point (D+ + D- = 0): closeness set to 0.5`,
    });

  return {
    scores: toArray(scores),
    ranks: toArray(rankDescending(scores)),
    dPlus: toArray(dPlus),
    dMinus: toArray(dMinus),
    ideal,
    antiIdeal,
    weights: toArray(w),
    options: {
      normalization,
      weighting,
      ideal: given ? "given" : idealOpt === "fixed" ? "fixed" : "sample",
      directions,
    },
    warnings,
  };
}

/** Throws `invalid_matrix` naming the first non-finite entry of column `j` (or the overflow). */
function reportNonFinite(col: Float64Array, j: number): never {
  checkFiniteColumn(col, j, "matrix");
  return fail("invalid_matrix", `matrix column ${j}`, "the sum of squares overflows: rescale the column");
}

/** Minimum, maximum and sum of squares of every column, four columns per sweep for parallelism. */
function columnStats(cols: Float64Array[]): { min: Float64Array; max: Float64Array; ss: Float64Array } {
  const n = cols.length;
  const min = new Float64Array(n);
  const max = new Float64Array(n);
  const ss = new Float64Array(n);
  let j = 0;
  for (; j + 3 < n; j += 4) {
    const c0 = cols[j]!;
    const c1 = cols[j + 1]!;
    const c2 = cols[j + 2]!;
    const c3 = cols[j + 3]!;
    let lo0 = Number.POSITIVE_INFINITY;
    let lo1 = lo0;
    let lo2 = lo0;
    let lo3 = lo0;
    let hi0 = Number.NEGATIVE_INFINITY;
    let hi1 = hi0;
    let hi2 = hi0;
    let hi3 = hi0;
    let s0 = 0;
    let s1 = 0;
    let s2 = 0;
    let s3 = 0;
    const m = c0.length;
    for (let i = 0; i < m; i++) {
      const x0 = c0[i]!;
      const x1 = c1[i]!;
      const x2 = c2[i]!;
      const x3 = c3[i]!;
      s0 += x0 * x0;
      s1 += x1 * x1;
      s2 += x2 * x2;
      s3 += x3 * x3;
      if (x0 < lo0) lo0 = x0;
      if (x0 > hi0) hi0 = x0;
      if (x1 < lo1) lo1 = x1;
      if (x1 > hi1) hi1 = x1;
      if (x2 < lo2) lo2 = x2;
      if (x2 > hi2) hi2 = x2;
      if (x3 < lo3) lo3 = x3;
      if (x3 > hi3) hi3 = x3;
    }
    min.set([lo0, lo1, lo2, lo3], j);
    max.set([hi0, hi1, hi2, hi3], j);
    ss.set([s0, s1, s2, s3], j);
  }
  for (; j < n; j++) {
    const c = cols[j]!;
    let lo = Number.POSITIVE_INFINITY;
    let hi = Number.NEGATIVE_INFINITY;
    let s = 0;
    for (let i = 0; i < c.length; i++) {
      const x = c[i]!;
      s += x * x;
      if (x < lo) lo = x;
      if (x > hi) hi = x;
    }
    min[j] = lo;
    max[j] = hi;
    ss[j] = s;
  }
  return { min, max, ss };
}

const BLOCK = 1024;

/**
 * Writes sum_j (A_j x_ij - p_j)^2 to `dPlus` and sum_j (A_j x_ij - q_j)^2 to `dMinus`. Rows are
 * processed in blocks whose accumulators stay in L1 cache, four columns per sweep, so each data value is
 * read once and the accumulators are touched n/4 times instead of n times.
 */
function squaredDistances(
  cols: Float64Array[],
  A: Float64Array,
  p: Float64Array,
  q: Float64Array,
  dPlus: Float64Array,
  dMinus: Float64Array,
): void {
  const m = dPlus.length;
  const n = cols.length;
  const bp = new Float64Array(BLOCK);
  const bm = new Float64Array(BLOCK);
  for (let start = 0; start < m; start += BLOCK) {
    const len = Math.min(BLOCK, m - start);
    bp.fill(0);
    bm.fill(0);
    let j = 0;
    for (; j + 3 < n; j += 4) {
      const c0 = cols[j]!;
      const c1 = cols[j + 1]!;
      const c2 = cols[j + 2]!;
      const c3 = cols[j + 3]!;
      const a0 = A[j]!;
      const a1 = A[j + 1]!;
      const a2 = A[j + 2]!;
      const a3 = A[j + 3]!;
      const p0 = p[j]!;
      const p1 = p[j + 1]!;
      const p2 = p[j + 2]!;
      const p3 = p[j + 3]!;
      const q0 = q[j]!;
      const q1 = q[j + 1]!;
      const q2 = q[j + 2]!;
      const q3 = q[j + 3]!;
      for (let k = 0; k < len; k++) {
        const i = start + k;
        const v0 = a0 * c0[i]!;
        const v1 = a1 * c1[i]!;
        const v2 = a2 * c2[i]!;
        const v3 = a3 * c3[i]!;
        const d0 = v0 - p0;
        const d1 = v1 - p1;
        const d2 = v2 - p2;
        const d3 = v3 - p3;
        const e0 = v0 - q0;
        const e1 = v1 - q1;
        const e2 = v2 - q2;
        const e3 = v3 - q3;
        bp[k] = bp[k]! + d0 * d0 + d1 * d1 + d2 * d2 + d3 * d3;
        bm[k] = bm[k]! + e0 * e0 + e1 * e1 + e2 * e2 + e3 * e3;
      }
    }
    for (; j < n; j++) {
      const c0 = cols[j]!;
      const a0 = A[j]!;
      const p0 = p[j]!;
      const q0 = q[j]!;
      for (let k = 0; k < len; k++) {
        const v0 = a0 * c0[start + k]!;
        const d0 = v0 - p0;
        const e0 = v0 - q0;
        bp[k] = bp[k]! + d0 * d0;
        bm[k] = bm[k]! + e0 * e0;
      }
    }
    dPlus.set(len === BLOCK ? bp : bp.subarray(0, len), start);
    dMinus.set(len === BLOCK ? bm : bm.subarray(0, len), start);
  }
}
