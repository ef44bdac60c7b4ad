import { fail, type Issue } from "../internal/errors.js";
import { MAX_PROMETHEE_PAIRWISE_UNITS } from "../internal/limits.js";
import type { MatrixInput } from "../internal/matrix-input.js";
import { rankDescending } from "../internal/rank.js";
import type { Direction } from "../internal/types.js";
import { readMcdm } from "./criteria-input.js";
import { requireUnits, toArray } from "./shared.js";

/**
 * The six classical preference functions of PROMETHEE (Brans & Vincke 1985), of the difference d
 * of two units on a criterion (q indifference, p preference, s Gaussian thresholds):
 *
 * | name | type | P(d) |
 * | --- | --- | --- |
 * | `usual` | I | 0 if d <= 0, else 1 |
 * | `u-shape` | II | 0 if d <= q, else 1 |
 * | `v-shape` | III | 0 if d <= 0, d/p if d <= p, else 1 |
 * | `level` | IV | 0 if d <= q, 1/2 if d <= p, else 1 |
 * | `linear` | V | 0 if d <= q, (d - q)/(p - q) if d <= p, else 1 |
 * | `gaussian` | VI | 0 if d <= 0, else 1 - exp(-d^2 / (2 s^2)) |
 */
export type PreferenceFunction = "usual" | "u-shape" | "v-shape" | "level" | "linear" | "gaussian";

/** Every {@link PreferenceFunction}, in the order of their classical types I-VI. */
export const PREFERENCE_FUNCTIONS: readonly PreferenceFunction[] = [
  "usual",
  "u-shape",
  "v-shape",
  "level",
  "linear",
  "gaussian",
];

/** A threshold of {@link promethee}: one number for every criterion, or one per criterion (null where unused). */
export type PrometheeThreshold = number | readonly (number | null)[];

/** Options of {@link promethee}; every default is that of docs/methods.md (PROMETHEE). */
export interface PrometheeOptions {
  /**
   * Direction of each column (default all `benefit`): the difference is d(a, b) = x_a - x_b, and
   * x_b - x_a for a `cost` column. Target and range columns are first turned into benefit columns
   * in [0, 1] by the moderate formulas (docs/methods.md): their thresholds are then on that scale.
   */
  directions?: readonly Direction[];
  /** The preference function of every criterion, or one per criterion (default `usual`). */
  preference?: PreferenceFunction | readonly PreferenceFunction[];
  /** Indifference threshold q >= 0 (`u-shape`, `level`, `linear`), in the criterion's units. */
  q?: PrometheeThreshold;
  /** Preference threshold p > 0 (`v-shape`; p > q for `level`, `linear`), in the criterion's units. */
  p?: PrometheeThreshold;
  /** Gaussian parameter s > 0 (`gaussian`), in the criterion's units. */
  s?: PrometheeThreshold;
  /**
   * `mean` (default): φ⁺(a) = sum_b π(a, b)/(m - 1), as Brans & Mareschal, pymcdm and pyDecision,
   * so flows are in [0, 1] and comparable across sizes; `sum`: without the division by m - 1 (the
   * form of some early presentations). Ranks are the same.
   */
  flows?: "mean" | "sum";
  /**
   * Also return the PROMETHEE I partial order (default false): which units outrank, are indifferent
   * to or incomparable with which. Up to `LIMITS.maxPrometheePairwiseUnits` units.
   */
  partialOrder?: boolean;
}

/**
 * The PROMETHEE I partial order of {@link promethee}, by unit (0-based indices): a outranks b when
 * φ⁺(a) >= φ⁺(b) and φ⁻(a) <= φ⁻(b) with one of them strict; indifferent when both are equal;
 * incomparable otherwise (one flow better, the other worse). Flows are compared to a relative 1e-12.
 */
export interface PrometheePartialOrder {
  /** `outranks[a]`: the units a outranks (a P b). */
  outranks: number[][];
  /** `indifferent[a]`: the other units with the same φ⁺ and φ⁻ as a (a I b). */
  indifferent: number[][];
  /** `incomparable[a]`: the units a is incomparable with (a R b). */
  incomparable: number[][];
}

/** Result of {@link promethee}: one entry per unit (row) in `phi`, `phiPlus`, `phiMinus`, `ranks`. */
export interface PrometheeResult {
  /** PROMETHEE II net flow φ = φ⁺ - φ⁻, in [-1, 1] with `flows: "mean"` (sums to 0); higher is better. */
  phi: number[];
  /** Positive (leaving) flow φ⁺(a) = sum_b π(a, b)/(m - 1): how much a is preferred to the others. */
  phiPlus: number[];
  /** Negative (entering) flow φ⁻(a) = sum_b π(b, a)/(m - 1): how much the others are preferred to a. */
  phiMinus: number[];
  /** PROMETHEE II rank by φ: 1 = best, ties share the lowest rank ("min"). */
  ranks: number[];
  /** The PROMETHEE I partial order, with `partialOrder: true`. */
  partialOrder?: PrometheePartialOrder;
  /** The weights used, scaled to sum 1. */
  weights: number[];
  /** Every option that ran, per criterion, defaults filled in (provenance). */
  options: {
    /** The preference function of each criterion. */
    preference: PreferenceFunction[];
    /** q of each criterion (null where its function has none). */
    q: (number | null)[];
    /** p of each criterion (null where its function has none). */
    p: (number | null)[];
    /** s of each criterion (null where its function has none). */
    s: (number | null)[];
    /** The flow normalization. */
    flows: "mean" | "sum";
    /** Direction of each column. */
    directions: Direction[];
  };
  /** Non-fatal findings (none yet; kept for the common result shape). */
  warnings: Issue[];
}

/**
 * PROMETHEE II and I (Preference Ranking Organization METHod for Enrichment Evaluations, Brans &
 * Vincke 1985): compares every pair of units criterion by criterion through a preference function,
 * aggregates the weighted preferences π(a, b) into a positive flow φ⁺ (how much a beats the
 * others), a negative flow φ⁻ (how much it is beaten) and the net flow φ = φ⁺ - φ⁻, the complete
 * PROMETHEE II ranking; `partialOrder: true` adds the PROMETHEE I partial order, which keeps
 * incomparability. Use it when differences below a threshold should not count (q) or preference
 * should saturate (p); use {@link topsis} or a weighted sum for compensatory scores.
 *
 * Exact and sub-quadratic: the usual, U-shape, V-shape, level and linear functions are
 * piecewise linear in d, so each unit's flows on a criterion are counts and sums over the sorted
 * column (O(m log m) per criterion; 100,000 x 50 in about 3 s of CPU). The Gaussian function and the
 * partial order compare every pair: up to `LIMITS.maxPrometheePairwiseUnits` (10,000) units, beyond
 * which they are refused with `too_many_units` (run them on a random sample).
 *
 * Reference: Brans, J.P. & Vincke, Ph. (1985) A preference ranking organisation method (The
 * PROMETHEE method for multiple criteria decision-making). Management Science 31(6):647-656.
 *
 * @param matrix rows = units, columns = criteria: `number[][]` or `{ columns: Float64Array[] }` (see {@link MatrixInput}).
 * @param weights one non-negative weight per column; scaled to sum 1.
 * @throws IndicatrixError `invalid_matrix`, `too_few_units` (fewer than 2 rows), `invalid_weights`,
 *   `invalid_direction`, `invalid_option` (unknown function, a missing or invalid threshold, q >= p),
 *   `too_many_units` (Gaussian or partial order above the limit).
 * @example
 * ```ts
 * // pymcdm 1.4.0's PROMETHEE II docstring example (usual function)
 * const r = promethee([[4, 3, 2], [3, 2, 4], [5, 1, 3]], [0.5, 0.3, 0.2]);
 * r.phi.map((f) => Math.round(f * 100) / 100); // => [0.1, -0.3, 0.2]
 * r.ranks; // => [2, 3, 1]
 * ```
 */
export function promethee(
  matrix: MatrixInput,
  weights: readonly number[],
  opts: PrometheeOptions = {},
): PrometheeResult {
  const x = readMcdm(matrix, weights, opts.directions);
  const { m, n, cols, w, cost } = x;
  requireUnits(m, 2, "matrix", "PROMETHEE");
  const flows = opts.flows ?? "mean";
  if (flows !== "mean" && flows !== "sum")
    fail("invalid_option", "opts.flows", `expected "mean" or "sum", got ${String(flows)}`);
  const spec = criteriaSpec(opts, n);
  const partial = opts.partialOrder === true;
  if (opts.partialOrder !== undefined && typeof opts.partialOrder !== "boolean")
    fail("invalid_option", "opts.partialOrder", `expected true or false, got ${String(opts.partialOrder)}`);
  const gaussian = spec.preference.findIndex((f, j) => f === "gaussian" && w[j]! > 0);
  if (m > MAX_PROMETHEE_PAIRWISE_UNITS && (gaussian >= 0 || partial))
    fail(
      "too_many_units",
      gaussian >= 0 ? ["opts", "preference", gaussian] : ["opts", "partialOrder"],
      `${m} units are above LIMITS.maxPrometheePairwiseUnits (${MAX_PROMETHEE_PAIRWISE_UNITS}): ${
        gaussian >= 0
          ? `the Gaussian preference function (criterion ${gaussian}) compares every pair of units`
          : "the PROMETHEE I partial order lists pairs of units"
      }; run it on a random sample of units, or use a sortable function (usual, u-shape, v-shape, level, linear)`,
    );

  const plus = new Float64Array(m);
  const minus = new Float64Array(m);
  const y = new Float64Array(m);
  for (let j = 0; j < n; j++) {
    const wj = w[j]!;
    if (wj === 0) continue;
    const col = cols[j]!;
    for (let i = 0; i < m; i++) y[i] = cost[j] ? -col[i]! : col[i]!;
    const v = y.slice().sort(); // typed-array sort: numeric, ascending
    const f = spec.preference[j]!;
    const { plusAt, minusAt } =
      f === "gaussian" ? gaussianFlows(v, spec.s[j]!) : sortedFlows(v, f, spec.q[j] ?? 0, spec.p[j] ?? 0);
    const find = positionFinder(v);
    for (let i = 0; i < m; i++) {
      const k = find(y[i]!);
      plus[i] = plus[i]! + wj * plusAt[k]!;
      minus[i] = minus[i]! + wj * minusAt[k]!;
    }
  }
  const scale = flows === "mean" ? 1 / (m - 1) : 1;
  const phi = new Float64Array(m);
  for (let i = 0; i < m; i++) {
    plus[i] = plus[i]! * scale;
    minus[i] = minus[i]! * scale;
    phi[i] = plus[i]! - minus[i]!;
  }

  return {
    phi: toArray(phi),
    phiPlus: toArray(plus),
    phiMinus: toArray(minus),
    ranks: toArray(rankDescending(phi)),
    ...(partial ? { partialOrder: partialOrder(plus, minus) } : {}),
    weights: toArray(w),
    options: { ...spec, flows, directions: x.directions },
    warnings: [],
  };
}

/** The preference function and thresholds of every criterion, checked. */
function criteriaSpec(
  opts: PrometheeOptions,
  n: number,
): { preference: PreferenceFunction[]; q: (number | null)[]; p: (number | null)[]; s: (number | null)[] } {
  const given = opts.preference ?? "usual";
  const preference = Array.isArray(given) ? [...(given as readonly PreferenceFunction[])] : [];
  if (Array.isArray(given)) {
    if (given.length !== n)
      fail(
        "invalid_option",
        "opts.preference",
        `expected ${n} preference functions (one per column), got ${given.length}`,
      );
  } else for (let j = 0; j < n; j++) preference.push(given as PreferenceFunction);
  preference.forEach((f, j) => {
    if (!PREFERENCE_FUNCTIONS.includes(f))
      fail(
        "invalid_option",
        Array.isArray(given) ? ["opts", "preference", j] : "opts.preference",
        `expected one of ${PREFERENCE_FUNCTIONS.join(", ")}, got ${JSON.stringify(f)}`,
      );
  });
  const read = (key: "q" | "p" | "s"): (number | null)[] => {
    const t = opts[key];
    if (t === undefined) return Array.from({ length: n }, () => null);
    if (typeof t === "number") return Array.from({ length: n }, () => t);
    if (!Array.isArray(t) || t.length !== n)
      fail(
        "invalid_option",
        `opts.${key}`,
        `expected a number or ${n} numbers (one per column, null where unused)`,
      );
    return t.map((v) => (v === null ? null : v));
  };
  const q = read("q");
  const p = read("p");
  const s = read("s");
  const need = (
    key: "q" | "p" | "s",
    arr: (number | null)[],
    j: number,
    f: string,
    ok: (v: number) => boolean,
    what: string,
  ) => {
    const v = arr[j];
    if (typeof v !== "number" || !Number.isFinite(v) || !ok(v))
      fail(
        "invalid_option",
        typeof opts[key] === "number" ? `opts.${key}` : ["opts", key, j],
        `the ${f} preference function of column ${j} needs ${key} ${what}, got ${String(v)}`,
      );
    return v;
  };
  const out = {
    preference,
    q: [] as (number | null)[],
    p: [] as (number | null)[],
    s: [] as (number | null)[],
  };
  preference.forEach((f, j) => {
    let qj: number | null = null;
    let pj: number | null = null;
    let sj: number | null = null;
    if (f === "u-shape" || f === "level" || f === "linear") qj = need("q", q, j, f, (v) => v >= 0, ">= 0");
    if (f === "v-shape") pj = need("p", p, j, f, (v) => v > 0, "> 0");
    if (f === "level" || f === "linear") {
      const qq = qj as number;
      pj = need("p", p, j, f, (v) => v > qq, `> q (${qq})`);
    }
    if (f === "gaussian") sj = need("s", s, j, f, (v) => v > 0, "> 0");
    out.q.push(qj);
    out.p.push(pj);
    out.s.push(sj);
  });
  return out;
}

/**
 * Flows of one criterion at each position of its sorted values `v` (ascending): plusAt[i] = sum_k
 * P(v_i - v_k), minusAt[i] = sum_k P(v_k - v_i), for the piecewise-linear functions. The pairs with
 * a difference above a threshold t form a prefix (plus) or a suffix (minus) of the sorted values
 * whose boundary only moves forward as i grows: two pointers per threshold, compared on the same
 * differences v_i - v_k as the pairwise definition (so d = q and d = p fall on the same side).
 */
function sortedFlows(
  v: Float64Array,
  f: Exclude<PreferenceFunction, "gaussian">,
  q: number,
  p: number,
): { plusAt: Float64Array; minusAt: Float64Array } {
  const m = v.length;
  const v0 = v[0]!;
  // Prefix sums of v - v0 (smaller magnitudes than v: less cancellation in the range sums).
  const pre = new Float64Array(m + 1);
  for (let k = 0; k < m; k++) pre[k + 1] = pre[k]! + (v[k]! - v0);
  const plusAt = new Float64Array(m);
  const minusAt = new Float64Array(m);
  const tLow = f === "usual" || f === "v-shape" ? 0 : q; // below it P = 0
  const tHigh = f === "usual" ? 0 : f === "u-shape" ? q : p; // above it P = 1
  // Plus: pairs with v_i - v_k > t are k < a(t); minus: pairs with v_k - v_i > t are k >= b(t).
  let aLow = 0;
  let aHigh = 0;
  let bLow = 0;
  let bHigh = 0;
  for (let i = 0; i < m; i++) {
    const vi = v[i]!;
    while (aLow < m && vi - v[aLow]! > tLow) aLow++;
    while (aHigh < m && vi - v[aHigh]! > tHigh) aHigh++;
    while (bLow < m && !(v[bLow]! - vi > tLow)) bLow++;
    while (bHigh < m && !(v[bHigh]! - vi > tHigh)) bHigh++;
    // Full preference (P = 1) beyond tHigh; the band (tLow, tHigh] by the function.
    let pl = aHigh;
    let mi = m - bHigh;
    const nPlus = aLow - aHigh; // k in [aHigh, aLow)
    const nMinus = bHigh - bLow; // k in [bLow, bHigh)
    if (f === "level") {
      pl += 0.5 * nPlus;
      mi += 0.5 * nMinus;
    } else if (f === "v-shape" || f === "linear") {
      const c = vi - v0;
      const sumPlus = nPlus * (c - tLow) - (pre[aLow]! - pre[aHigh]!); // sum of (v_i - v_k - tLow)
      const sumMinus = pre[bHigh]! - pre[bLow]! - nMinus * (c + tLow); // sum of (v_k - v_i - tLow)
      const span = tHigh - tLow;
      pl += sumPlus / span;
      mi += sumMinus / span;
    }
    plusAt[i] = pl;
    minusAt[i] = mi;
  }
  return { plusAt, minusAt };
}

/** Gaussian flows at each sorted position, over every pair (quadratic; callers bound m). */
function gaussianFlows(v: Float64Array, s: number): { plusAt: Float64Array; minusAt: Float64Array } {
  const m = v.length;
  const plusAt = new Float64Array(m);
  const minusAt = new Float64Array(m);
  const c = 1 / (2 * s * s);
  for (let i = 1; i < m; i++) {
    const vi = v[i]!;
    let acc = 0;
    for (let k = 0; k < i; k++) {
      const d = vi - v[k]!;
      if (d > 0) {
        const g = 1 - Math.exp(-d * d * c);
        acc += g;
        minusAt[k] = minusAt[k]! + g;
      }
    }
    plusAt[i] = acc;
  }
  return { plusAt, minusAt };
}

/**
 * For the ascending `v`, a function giving the first index k with v[k] >= x (x one of the values).
 * The value range is cut into m equal buckets (the bucket of a value is monotone in it), so each
 * look-up is a binary search within one bucket: about one step for spread-out data instead of
 * log2 m cache-missing steps over the whole column.
 */
function positionFinder(v: Float64Array): (x: number) => number {
  const m = v.length;
  const lo = v[0]!;
  const hi = v[m - 1]!;
  if (!(hi > lo)) return () => 0;
  const nb = m;
  const scale = nb / (hi - lo);
  const bucket = (x: number): number => Math.min(nb - 1, ((x - lo) * scale) | 0); // x >= lo: | 0 floors
  const start = new Int32Array(nb + 1); // start[b] = first k with bucket(v[k]) >= b
  let k = 0;
  for (let b = 0; b <= nb; b++) {
    while (k < m && bucket(v[k]!) < b) k++;
    start[b] = k;
  }
  return (x) => {
    const b = bucket(x);
    let a = start[b]!;
    let z = start[b + 1]!;
    while (a < z) {
      const mid = (a + z) >>> 1;
      if (v[mid]! < x) a = mid + 1;
      else z = mid;
    }
    return a;
  };
}

/** The PROMETHEE I relation of every pair from the two flows (compared to a relative 1e-12). */
function partialOrder(plus: Float64Array, minus: Float64Array): PrometheePartialOrder {
  const m = plus.length;
  const cmp = (a: number, b: number): number =>
    Math.abs(a - b) <= 1e-12 * Math.max(1, Math.abs(a), Math.abs(b)) ? 0 : a > b ? 1 : -1;
  const outranks: number[][] = [];
  const indifferent: number[][] = [];
  const incomparable: number[][] = [];
  for (let a = 0; a < m; a++) {
    const o: number[] = [];
    const ind: number[] = [];
    const inc: number[] = [];
    for (let b = 0; b < m; b++) {
      if (a === b) continue;
      const cp = cmp(plus[a]!, plus[b]!);
      const cm = -cmp(minus[a]!, minus[b]!); // 1 when a has the smaller (better) negative flow
      if (cp === 0 && cm === 0) ind.push(b);
      else if (cp >= 0 && cm >= 0) o.push(b);
      else if (cp <= 0 && cm <= 0)
        continue; // b outranks a
      else inc.push(b);
    }
    outranks.push(o);
    indifferent.push(ind);
    incomparable.push(inc);
  }
  return { outranks, indifferent, incomparable };
}
