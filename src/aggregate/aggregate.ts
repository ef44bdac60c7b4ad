import { median } from "simple-statistics";
import { fail } from "../internal/errors.js";
import type { AggregateSpec, MissingPolicy } from "../internal/specs.js";
import { checkWeights } from "./check.js";

/** How {@link aggregate} treats missing child values and thin coverage. */
export interface AggregateOptions {
  /**
   * What a missing (NaN) child value does: `skip` (default; the weighted mean over the children
   * present, weights re-normalized, as COINr's `a_amean`), `error` (throw naming the unit and the
   * child), `mean` / `median` (impute the child's mean / median over all units first), `zero`
   * (treat it as 0).
   */
  missing?: MissingPolicy;
  /**
   * Minimum share of the children (counted, not weighted, like COINr's `dat_thresh`) that must be
   * present in the data for a unit to get a value; below it the unit's result is NaN. In [0, 1];
   * default 0 (any present child is enough).
   */
  minCoverage?: number;
}

/** Aggregated values of the parent node with the coverage of every unit. */
export interface AggregateResult {
  /** The parent's value for every unit; NaN when the unit has no present child with a positive
   * weight, or its coverage is below `minCoverage`. */
  values: Float64Array;
  /** Share of the children present in the input data (before any imputation), per unit, in [0, 1]. */
  coverage: Float64Array;
}

type Method = "arithmetic" | "geometric" | "harmonic" | "minimum" | "power" | "mazziotta-pareto";

interface Resolved {
  method: Method;
  p: number;
  zero: "error" | "floor";
  floor: number;
  penalty: "negative" | "positive";
}

const NAMES = ["arithmetic", "geometric", "harmonic", "minimum", "power", "mazziotta-pareto"];
const POLICIES: readonly MissingPolicy[] = ["skip", "error", "mean", "median", "zero"];

/** Default floor of `{ method: "geometric", zero: "floor" }`: values below it are raised to it. */
const DEFAULT_FLOOR = 0.001;

function resolve(spec: AggregateSpec): Resolved {
  const r: Resolved = {
    method: "arithmetic",
    p: 1,
    zero: "error",
    floor: DEFAULT_FLOOR,
    penalty: "negative",
  };
  const bad = (): never =>
    fail(
      "invalid_spec",
      "spec",
      `expected one of ${NAMES.join(", ")} or { method, ... }, got ${JSON.stringify(spec)}`,
    );
  if (typeof spec === "string") {
    if ((spec as string) === "power" || !NAMES.includes(spec)) bad();
    r.method = spec as Method;
    return r;
  }
  if (spec === null || typeof spec !== "object" || !NAMES.includes(spec.method)) bad();
  r.method = spec.method;
  if (spec.method === "power") {
    if (typeof spec.p !== "number" || !Number.isFinite(spec.p))
      fail(
        "invalid_spec",
        "spec.p",
        `the power mean needs a finite exponent p, got ${JSON.stringify(spec.p)}`,
      );
    r.p = spec.p;
    if (r.p === 1) r.method = "arithmetic";
    // The p -> 0 limit is the geometric mean; below 1e-300 p ln x would be subnormal.
    else if (Math.abs(r.p) < 1e-300) r.method = "geometric";
  }
  if (spec.method === "geometric") {
    if (spec.zero !== undefined && spec.zero !== "error" && spec.zero !== "floor")
      fail("invalid_spec", "spec.zero", `zero must be "error" or "floor", got ${JSON.stringify(spec.zero)}`);
    r.zero = spec.zero ?? "error";
    if (spec.floor !== undefined) {
      if (typeof spec.floor !== "number" || !(spec.floor > 0) || !Number.isFinite(spec.floor))
        fail(
          "invalid_spec",
          "spec.floor",
          `floor must be a positive finite number, got ${JSON.stringify(spec.floor)}`,
        );
      r.floor = spec.floor;
    }
  }
  if (spec.method === "mazziotta-pareto") {
    if (spec.penalty !== undefined && spec.penalty !== "negative" && spec.penalty !== "positive")
      fail(
        "invalid_spec",
        "spec.penalty",
        `penalty must be "negative" or "positive", got ${JSON.stringify(spec.penalty)}`,
      );
    r.penalty = spec.penalty ?? "negative";
  }
  return r;
}

function where(i: number, j: number): string {
  return `children[${j}][${i}]`;
}

/**
 * Child `j` as a Float64Array: a Float64Array is used as is (its values are checked in the
 * aggregation loops); any other array is checked (numbers, finite or NaN) and copied.
 */
function toFloat64(col: ArrayLike<number>, j: number, m: number): Float64Array {
  if (col instanceof Float64Array) return col;
  const typed = ArrayBuffer.isView(col);
  const out = new Float64Array(m);
  for (let i = 0; i < m; i++) {
    const x = col[i] as number;
    if (!typed && typeof x !== "number")
      fail(
        "invalid_value",
        where(i, j),
        `unit ${i}, child ${j}: expected a number (NaN for missing), got ${String(x)}`,
      );
    if (x === Number.POSITIVE_INFINITY || x === Number.NEGATIVE_INFINITY) nonFinite(i, j, x);
    out[i] = x;
  }
  return out;
}

function nonFinite(i: number, j: number, x: number): never {
  fail("non_finite_value", where(i, j), `unit ${i}, child ${j}: expected a finite number or NaN, got ${x}`);
}

function missingError(i: number, j: number): never {
  fail(
    "missing_value",
    where(i, j),
    `unit ${i}, child ${j}: value is missing and the missing policy is "error"`,
  );
}

/**
 * Applies an imputing policy (`mean`, `median`, `zero`) to the columns: counts the missing values
 * per unit into `miss` and replaces columns that have any by filled copies.
 */
function impute(
  cols: Float64Array[],
  m: number,
  policy: "mean" | "median" | "zero",
  miss: Float64Array,
): void {
  for (let j = 0; j < cols.length; j++) {
    const col = cols[j] as Float64Array;
    let present = 0;
    let sum = 0;
    for (let i = 0; i < m; i++) {
      const x = col[i] as number;
      if (Number.isNaN(x)) miss[i] = (miss[i] as number) + 1;
      else {
        present++;
        sum += x;
      }
    }
    if (present === m) continue;
    let fill = 0;
    if (policy !== "zero") {
      if (present === 0)
        fail(
          "cannot_impute",
          `children[${j}]`,
          `child ${j} has no present value, so its ${policy} cannot be imputed`,
        );
      if (policy === "mean") fill = sum / present;
      else {
        const values: number[] = [];
        for (let i = 0; i < m; i++) {
          const x = col[i] as number;
          if (!Number.isNaN(x)) values.push(x);
        }
        fill = median(values);
      }
    }
    const out = new Float64Array(m);
    for (let i = 0; i < m; i++) {
      const x = col[i] as number;
      out[i] = Number.isNaN(x) ? fill : x;
    }
    cols[j] = out;
  }
}

/**
 * Combines the children of one tree node into the node's value for every unit, by a weighted mean:
 * the bottom-up step of a composite index (DOMAIN.md §1.9, OECD/JRC Handbook 2008 step 6).
 * Children are columns (one Float64Array or number[] per child, aligned over units); NaN marks a
 * missing value.
 *
 * Methods (weights w >= 0, normalized over the children used):
 * - `arithmetic` (default): sum(w x) / sum(w); fully compensatory (COINr `a_amean`).
 * - `geometric`: exp(sum(w ln x) / sum(w)); non-negative values, partial compensation (COINr
 *   `a_gmean`, INFORM). A zero throws naming the unit and child, unless `{ zero: "floor" }`, which
 *   raises values below `floor` (default 0.001) to it first.
 * - `harmonic`: sum(w) / sum(w / x); positive values (COINr `a_hmean`).
 * - `minimum`: the smallest child value; weights are ignored except that a child of weight 0 takes
 *   no part (fully non-compensatory).
 * - `{ method: "power", p }`: (sum(w x^p) / sum(w))^(1/p) (COINr `a_genmean`); p = 1 is arithmetic,
 *   p = 0 the geometric limit, p = -1 harmonic; p <= 0 needs positive values, p > 0 non-negative.
 * - `mazziotta-pareto` (MPI; Mazziotta & Pareto 2016, Social Indicators Research 127; Compind
 *   `ci_mpi`): with M the weighted mean of the unit's child values, S their weighted population
 *   standard deviation (sqrt(sum w (x - M)^2 / sum w)) and cv = S / M, MPI = M - S cv (`penalty:
 *   "negative"`, default: unbalanced profiles score lower, for indices where higher is better) or
 *   M + S cv (`"positive"`). Equal weights give the published formula. It expects children
 *   standardized as z-scores rescaled to 100 ± 10 (`normalize(x, "zscore")` times 10 plus 100);
 *   a unit whose mean is not positive throws.
 *
 * Missing values follow `opts.missing` (see {@link AggregateOptions}); `coverage` always reports the
 * share of children present in the input.
 *
 * Loops run children-outer, units-inner over typed arrays: a million units by 10 children takes a
 * few tens of milliseconds.
 *
 * @param children - one column per child, all of the same length (the number of units).
 * @param weights - one weight per child, relative (need not sum to 1).
 * @param spec - the aggregation method; default `"arithmetic"`.
 * @param opts - missing-value policy and minimum coverage.
 * @throws IndicatrixError `invalid_children`, `length_mismatch`, `invalid_weights`, `invalid_spec`,
 *   `invalid_option`, `invalid_value`, `non_finite_value`, `missing_value` (policy "error"),
 *   `cannot_impute`, `zero_value`, `negative_value`, `nonpositive_value`, `nonpositive_mean`,
 *   `numeric_overflow` (a power mean beyond the double range); each
 *   names the unit and child at fault.
 * @example
 * ```ts
 * const r = aggregate([[0.2, 0.5], [0.8, NaN]], [1, 3]);
 * r.values;   // => Float64Array [0.65, 0.5]   (0.2 * 1 + 0.8 * 3) / 4 ; 0.5 alone
 * r.coverage; // => Float64Array [1, 0.5]
 * aggregate([[4, 1], [1, 4]], [1, 1], "geometric").values;
 * // => Float64Array [2, 2]
 * ```
 */
export function aggregate(
  children: readonly ArrayLike<number>[],
  weights: readonly number[],
  spec: AggregateSpec = "arithmetic",
  opts: AggregateOptions = {},
): AggregateResult {
  if (!Array.isArray(children) || children.length === 0)
    fail("invalid_children", "children", "expected a non-empty array of columns (one per child)");
  const k = children.length;
  const first = children[0];
  if (first === null || typeof first !== "object" || typeof first.length !== "number")
    fail("invalid_children", "children[0]", "expected an array or typed array of numbers");
  const m = first.length;
  for (let j = 1; j < k; j++) {
    const c = children[j];
    if (c === null || typeof c !== "object" || typeof c.length !== "number")
      fail("invalid_children", `children[${j}]`, "expected an array or typed array of numbers");
    if (c.length !== m)
      fail("length_mismatch", `children[${j}]`, `child ${j} has ${c.length} units, child 0 has ${m}`);
  }
  checkWeights(weights, k);
  const r = resolve(spec);
  if (opts === null || typeof opts !== "object") fail("invalid_option", "opts", "expected an options object");
  const policy = opts.missing ?? "skip";
  if (!POLICIES.includes(policy))
    fail(
      "invalid_option",
      "opts.missing",
      `missing must be one of ${POLICIES.join(", ")}, got ${JSON.stringify(policy)}`,
    );
  const minCoverage = opts.minCoverage ?? 0;
  if (typeof minCoverage !== "number" || !(minCoverage >= 0 && minCoverage <= 1))
    fail(
      "invalid_option",
      "opts.minCoverage",
      `minCoverage must be a number in [0, 1], got ${JSON.stringify(minCoverage)}`,
    );

  const cols: Float64Array[] = [];
  for (let j = 0; j < k; j++) cols.push(toFloat64(children[j] as ArrayLike<number>, j, m));
  // miss[i]: children missing for unit i in the input (before imputation).
  const miss = new Float64Array(m);
  const imputing = policy === "mean" || policy === "median" || policy === "zero";
  if (imputing) impute(cols, m, policy, miss);
  const onMissing = imputing
    ? () => {}
    : policy === "error"
      ? missingError
      : (i: number) => {
          miss[i] = (miss[i] as number) + 1;
        };
  // Children of weight 0 take no part in any mean, but their missing values still count.
  let totalW = 0;
  for (let j = 0; j < k; j++) {
    const w = weights[j] as number;
    totalW += w;
    if (w > 0 || imputing) continue;
    const col = cols[j] as Float64Array;
    for (let i = 0; i < m; i++) {
      const x = col[i] as number;
      if (Number.isNaN(x)) onMissing(i, j);
      else if (x === Number.POSITIVE_INFINITY || x === Number.NEGATIVE_INFINITY) nonFinite(i, j, x);
    }
  }
  const values = new Float64Array(m);
  const num = new Float64Array(m);

  switch (r.method) {
    case "arithmetic": {
      for (let j = 0; j < k; j++) {
        const col = cols[j] as Float64Array;
        const w = weights[j] as number;
        if (w === 0) continue;
        for (let i = 0; i < m; i++) {
          const x = col[i] as number;
          if (x - x !== 0) {
            // NaN (missing) or ±Infinity, in one test on the hot path.
            if (Number.isNaN(x)) {
              onMissing(i, j);
              continue;
            }
            nonFinite(i, j, x);
          }
          num[i] = (num[i] as number) + w * x;
        }
      }
      break;
    }
    case "geometric": {
      const floor = r.zero === "floor" ? r.floor : 0;
      for (let j = 0; j < k; j++) {
        const col = cols[j] as Float64Array;
        const w = weights[j] as number;
        if (w === 0) continue;
        for (let i = 0; i < m; i++) {
          let x = col[i] as number;
          if (x - x !== 0) {
            if (Number.isNaN(x)) {
              onMissing(i, j);
              continue;
            }
            nonFinite(i, j, x);
          }
          if (x < 0) {
            fail(
              "negative_value",
              where(i, j),
              `unit ${i}, child ${j}: the geometric mean needs non-negative values, got ${x}`,
            );
          }
          if (x < floor) x = floor;
          if (x === 0)
            fail(
              "zero_value",
              where(i, j),
              `unit ${i}, child ${j}: the geometric mean of a zero is 0 whatever the other children; use { method: "geometric", zero: "floor" } or shift the values`,
            );
          num[i] = (num[i] as number) + w * Math.log(x);
        }
      }
      break;
    }
    case "harmonic": {
      for (let j = 0; j < k; j++) {
        const col = cols[j] as Float64Array;
        const w = weights[j] as number;
        if (w === 0) continue;
        for (let i = 0; i < m; i++) {
          const x = col[i] as number;
          if (x - x !== 0) {
            // NaN (missing) or ±Infinity, in one test on the hot path.
            if (Number.isNaN(x)) {
              onMissing(i, j);
              continue;
            }
            nonFinite(i, j, x);
          }
          if (x <= 0)
            fail(
              "nonpositive_value",
              where(i, j),
              `unit ${i}, child ${j}: the harmonic mean needs positive values, got ${x}`,
            );
          num[i] = (num[i] as number) + w / x;
        }
      }
      break;
    }
    case "power": {
      const p = r.p;
      const small = Math.abs(p) < 1e-3;
      for (let j = 0; j < k; j++) {
        const col = cols[j] as Float64Array;
        const w = weights[j] as number;
        if (w === 0) continue;
        for (let i = 0; i < m; i++) {
          const x = col[i] as number;
          if (x - x !== 0) {
            // NaN (missing) or ±Infinity, in one test on the hot path.
            if (Number.isNaN(x)) {
              onMissing(i, j);
              continue;
            }
            nonFinite(i, j, x);
          }
          if (x < 0 || (x === 0 && p < 0))
            fail(
              x < 0 ? "negative_value" : "nonpositive_value",
              where(i, j),
              `unit ${i}, child ${j}: the power mean with p = ${p} needs ${p < 0 ? "positive" : "non-negative"} values, got ${x}`,
            );
          // Near p = 0, x^p rounds to 1: accumulate x^p - 1 = expm1(p ln x) instead.
          num[i] = (num[i] as number) + w * (small ? Math.expm1(p * Math.log(x)) : x ** p);
        }
      }
      break;
    }
    case "minimum": {
      values.fill(Number.NaN);
      for (let j = 0; j < k; j++) {
        const col = cols[j] as Float64Array;
        if ((weights[j] as number) === 0) continue;
        for (let i = 0; i < m; i++) {
          const x = col[i] as number;
          if (x - x !== 0) {
            // NaN (missing) or ±Infinity, in one test on the hot path.
            if (Number.isNaN(x)) {
              onMissing(i, j);
              continue;
            }
            nonFinite(i, j, x);
          }
          const v = values[i] as number;
          if (x < v || Number.isNaN(v)) values[i] = x;
        }
      }
      break;
    }
    case "mazziotta-pareto": {
      for (let j = 0; j < k; j++) {
        const col = cols[j] as Float64Array;
        const w = weights[j] as number;
        if (w === 0) continue;
        for (let i = 0; i < m; i++) {
          const x = col[i] as number;
          if (x - x !== 0) {
            // NaN (missing) or ±Infinity, in one test on the hot path.
            if (Number.isNaN(x)) {
              onMissing(i, j);
              continue;
            }
            nonFinite(i, j, x);
          }
          num[i] = (num[i] as number) + w * x;
        }
      }
      break;
    }
  }

  // den[i]: total weight of the children present for unit i (all of them unless some are missing).
  const den = new Float64Array(m).fill(totalW);
  if (!imputing) {
    for (let i = 0; i < m; i++) {
      if ((miss[i] as number) === 0) continue;
      let d = 0;
      for (let j = 0; j < k; j++) {
        const w = weights[j] as number;
        if (w > 0 && !Number.isNaN((cols[j] as Float64Array)[i] as number)) d += w;
      }
      den[i] = d;
    }
  }

  switch (r.method) {
    case "arithmetic":
      for (let i = 0; i < m; i++) values[i] = (num[i] as number) / (den[i] as number);
      break;
    case "geometric":
      for (let i = 0; i < m; i++) values[i] = Math.exp((num[i] as number) / (den[i] as number));
      break;
    case "harmonic":
      for (let i = 0; i < m; i++) values[i] = (den[i] as number) / (num[i] as number);
      break;
    case "power": {
      // M_p = (sum w x^p / sum w)^(1/p); near p = 0 as exp(log1p(sum w (x^p - 1) / sum w) / p).
      const p = r.p;
      const small = Math.abs(p) < 1e-3;
      for (let i = 0; i < m; i++) {
        const d = den[i] as number;
        const mean = (num[i] as number) / d;
        const v = small ? Math.exp(Math.log1p(mean) / p) : mean ** (1 / p);
        if (d > 0 && !Number.isFinite(v))
          fail(
            "numeric_overflow",
            `unit ${i}`,
            `unit ${i}: the power mean with p = ${p} overflows; rescale the values or use a smaller |p|`,
          );
        values[i] = v;
      }
      break;
    }
    case "minimum":
      break;
    case "mazziotta-pareto": {
      const mean = num;
      for (let i = 0; i < m; i++) mean[i] = (num[i] as number) / (den[i] as number);
      const ss = new Float64Array(m);
      for (let j = 0; j < k; j++) {
        const col = cols[j] as Float64Array;
        const w = weights[j] as number;
        if (w === 0) continue;
        for (let i = 0; i < m; i++) {
          const x = col[i] as number;
          if (Number.isNaN(x)) continue;
          const d = x - (mean[i] as number);
          ss[i] = (ss[i] as number) + w * d * d;
        }
      }
      const sign = r.penalty === "negative" ? -1 : 1;
      for (let i = 0; i < m; i++) {
        const mu = mean[i] as number;
        if (Number.isNaN(mu)) {
          values[i] = Number.NaN;
          continue;
        }
        if (!(mu > 0))
          fail(
            "nonpositive_mean",
            `unit ${i}`,
            `unit ${i}: the Mazziotta-Pareto index needs a positive mean of the children (got ${mu}); rescale z-scores to 100 ± 10 first`,
          );
        const s = Math.sqrt((ss[i] as number) / (den[i] as number));
        values[i] = mu + (sign * s * s) / mu;
      }
      break;
    }
  }

  const coverage = new Float64Array(m);
  for (let i = 0; i < m; i++) {
    const c = (k - (miss[i] as number)) / k;
    coverage[i] = c;
    if (c < minCoverage || c === 0) values[i] = Number.NaN;
  }
  return { values, coverage };
}
