import { fail } from "../internal/errors.js";
import type { MissingPolicy } from "../internal/specs.js";
import { impute } from "./impute.js";

/**
 * The children of one aggregation as checked Float64Array columns, with the account of what is
 * missing: the input of every kernel under `methods/`. @internal
 */
export interface Columns {
  /** One column per child, aligned over units; NaN = missing (none left after imputation). */
  readonly cols: readonly Float64Array[];
  /** One weight per child (checked: finite, non-negative, not all zero). */
  readonly weights: readonly number[];
  /** Number of units. */
  readonly m: number;
  /** Children missing per unit in the input, before imputation; the kernels add those they skip. */
  readonly miss: Float64Array;
  /** Missing values counted so far, over all units (0: every unit has every child). */
  missing: number;
  /** Whether a missing value throws (policy `error`) instead of being skipped. */
  readonly strict: boolean;
  /** Whether missing values were imputed (then every child counts in every unit's total weight). */
  readonly imputed: boolean;
  /**
   * Whether the caller vouches that every value is finite (no NaN, no ±Infinity), as the analysis
   * engine does for the normalized columns it re-aggregates: then the weighted sum skips its test.
   */
  readonly finite: boolean;
}

/** The place of unit `i` of child `j` in an error path. @internal */
export function where(i: number, j: number): string {
  return `children[${j}][${i}]`;
}

/** Throws `non_finite_value` for ±Infinity at unit `i` of child `j`. */
function nonFinite(i: number, j: number, x: number): never {
  fail("non_finite_value", where(i, j), `unit ${i}, child ${j}: expected a finite number or NaN, got ${x}`);
}

/**
 * A value that failed the hot loops' one test `x - x !== 0`: NaN is a missing value, counted (or
 * thrown under the policy `error`), which the kernel then skips; ±Infinity throws. @internal
 */
export function missingOrInfinite(c: Columns, x: number, i: number, j: number): void {
  if (!Number.isNaN(x)) nonFinite(i, j, x);
  if (c.strict)
    fail(
      "missing_value",
      where(i, j),
      `unit ${i}, child ${j}: value is missing and the missing policy is "error"`,
    );
  c.miss[i] = c.miss[i]! + 1;
  c.missing++;
}

/**
 * Child `j` as a Float64Array: a Float64Array is used as is (the kernels check its values as they
 * read them); any other array is checked (numbers, finite or NaN) and copied.
 */
function toFloat64(col: ArrayLike<number>, j: number, m: number): Float64Array {
  if (col instanceof Float64Array) return col;
  const typed = ArrayBuffer.isView(col);
  const out = new Float64Array(m);
  for (let i = 0; i < m; i++) {
    // Typed as a number, but a plain array from JavaScript may hold anything.
    const x = col[i]!;
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

/**
 * The children as {@link Columns}: copies what is not a Float64Array, imputes under the policies
 * `mean`, `median` and `zero`, and reads the children of weight 0 (which take no part in any mean)
 * for their missing values and infinities. `children` (checked by `checkChildren`, `m` units) and
 * `weights` (checked by `checkWeights`) are not modified. @internal
 */
export function prepareColumns(
  children: readonly ArrayLike<number>[],
  weights: readonly number[],
  m: number,
  policy: MissingPolicy,
): Columns {
  const cols = children.map((col, j) => toFloat64(col, j, m));
  const miss = new Float64Array(m);
  const imputed = policy === "mean" || policy === "median" || policy === "zero";
  const c: Columns = {
    cols,
    weights,
    m,
    miss,
    missing: imputed ? impute(cols, m, policy, miss) : 0,
    strict: policy === "error",
    imputed,
    finite: false,
  };
  if (!imputed)
    for (const [j, col] of cols.entries()) {
      if (c.weights[j]! > 0) continue;
      for (let i = 0; i < m; i++) {
        const x = col[i]!;
        if (x - x !== 0) missingOrInfinite(c, x, i, j);
      }
    }
  return c;
}

/**
 * Columns that the caller knows to be finite (no NaN, no ±Infinity) and of one length, with weights
 * checked by `checkWeights`: nothing is copied or scanned. @internal
 */
export function finiteColumns(cols: readonly Float64Array[], weights: readonly number[]): Columns {
  const m = cols[0]?.length ?? 0;
  return {
    cols,
    weights,
    m,
    miss: new Float64Array(m),
    missing: 0,
    strict: false,
    imputed: false,
    finite: true,
  };
}

/** The sum of all the weights: every unit's denominator when none misses a child. @internal */
export function totalWeight(c: Columns): number {
  let total = 0;
  for (const w of c.weights) total += w;
  return total;
}

/**
 * Per unit, the total weight of the children present: the denominator of every weighted mean
 * ({@link totalWeight} when nothing is missing or the missing values were imputed). Read it after
 * the kernel's pass over the columns, which completes the count of missing values. @internal
 */
export function presentWeight(c: Columns): Float64Array {
  const { cols, weights, m, miss } = c;
  const den = new Float64Array(m).fill(totalWeight(c));
  if (c.imputed || c.missing === 0) return den;
  for (let i = 0; i < m; i++) {
    if (miss[i]! === 0) continue;
    let d = 0;
    for (let j = 0; j < cols.length; j++) {
      const w = weights[j]!;
      if (w > 0 && !Number.isNaN(cols[j]![i]!)) d += w;
    }
    den[i] = d;
  }
  return den;
}

/**
 * The coverage rule of every aggregation (counted, not weighted, like COINr's `dat_thresh`): a unit
 * whose share of children present is `share` gets a value when some child is present and the share
 * reaches `minCoverage`. @internal
 */
export function covers(share: number, minCoverage: number): boolean {
  return share > 0 && share >= minCoverage;
}

/**
 * Every unit's coverage (share of children present in the input), with the unit's value set to NaN
 * where the coverage rule ({@link covers}) fails. @internal
 */
export function withCoverage(
  values: Float64Array,
  c: Columns,
  minCoverage: number,
): { values: Float64Array; coverage: Float64Array } {
  const k = c.cols.length;
  const coverage = new Float64Array(c.m);
  // Nothing missing: every share is 1, which meets any minCoverage in [0, 1].
  if (c.missing === 0) return { values, coverage: coverage.fill(1) };
  for (let i = 0; i < c.m; i++) {
    const share = (k - c.miss[i]!) / k;
    coverage[i] = share;
    if (!covers(share, minCoverage)) values[i] = Number.NaN;
  }
  return { values, coverage };
}
