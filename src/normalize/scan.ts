import { fail } from "../internal/errors.js";
import { MAX_ABS_VALUE } from "../internal/limits.js";

/** Count, sum, min and max of the present values of a column that has been checked. @internal */
export interface ColumnScan {
  /** Number of present (non-NaN) values. */
  n: number;
  /** Sum of the present values (NaN when the scan was asked not to add them up: a kernel that reads it asks in planNormalization). */
  sum: number;
  /** Smallest present value (+Infinity when none). */
  min: number;
  /** Largest present value (-Infinity when none). */
  max: number;
}

/**
 * Checks that every entry of `values` is a number that is finite or NaN (missing), and returns its
 * count, sum, min and max in the same pass. Typed arrays skip the per-entry type check. With `withSum`
 * false the sum is not taken (NaN): its chain of dependent additions is most of the loop's time on a
 * Float64Array, and only some kernels read it.
 * @throws IndicatrixError `invalid_value` (not a number), `non_finite_value` (±Infinity) or
 *   `value_out_of_range` (beyond ±MAX_ABS_VALUE, 1e150, where squares and spans could overflow), naming the index.
 * @internal
 */
export function scanColumn(values: ArrayLike<number>, name: string, withSum = true): ColumnScan {
  if (values === null || typeof values !== "object" || typeof values.length !== "number")
    fail("invalid_value", name, "expected an array or typed array of numbers");
  const typed = ArrayBuffer.isView(values);
  let n = 0;
  let sum = 0;
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  // A local copy of the imported limit: read after the loop, the import binding deoptimized the
  // function compiled mid-loop on its first calls (V8 deopt trace, about 250 bail-outs per score()).
  const limit = MAX_ABS_VALUE;
  for (let i = 0; i < values.length; i++) {
    const v = values[i] as number;
    if (!typed && typeof v !== "number")
      fail("invalid_value", `${name}[${i}]`, `expected a number (NaN for a missing value), got ${String(v)}`);
    if (v - v !== 0) {
      // NaN (missing) or ±Infinity, in one test on the hot path.
      if (Number.isNaN(v)) continue;
      fail("non_finite_value", `${name}[${i}]`, `expected a finite number or NaN, got ${v}`);
    }
    n++;
    if (withSum) sum += v;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  if (min < -limit || max > limit) {
    // Off the hot path: find the first offending entry only when there is one.
    let i = 0;
    while (!(Math.abs(values[i] as number) > MAX_ABS_VALUE)) i++;
    fail(
      "value_out_of_range",
      `${name}[${i}]`,
      `${values[i]} is beyond the largest magnitude accepted (${MAX_ABS_VALUE}); rescale the values (e.g. thousands, or a log)`,
    );
  }
  return { n, sum: withSum ? sum : Number.NaN, min, max };
}

/**
 * Why `pair` is not an interval `[low, high]`: two finite numbers with low < high and a finite span
 * high - low (a range of [-1e308, 1e308] has the span Infinity, and every value mapped into it would
 * be ±Infinity or NaN); `null` when it is one. The one rule of {@link checkInterval} and of the
 * model check. @internal
 */
export function intervalProblem(pair: unknown, what: string): string | null {
  if (
    !Array.isArray(pair) ||
    pair.length !== 2 ||
    typeof pair[0] !== "number" ||
    typeof pair[1] !== "number" ||
    !Number.isFinite(pair[0]) ||
    !Number.isFinite(pair[1])
  )
    return `${what} must be two finite numbers [low, high], got ${JSON.stringify(pair)}`;
  if (!(pair[0] < pair[1])) return `${what} must be increasing (low < high), got [${pair[0]}, ${pair[1]}]`;
  if (!Number.isFinite(pair[1] - pair[0]))
    return `${what} [${pair[0]}, ${pair[1]}] spans more than the largest double (high - low overflows); use a narrower interval`;
  return null;
}

/**
 * Throws `invalid_option` unless `pair` is two finite numbers with pair[0] < pair[1] and a finite
 * span pair[1] - pair[0] ({@link intervalProblem}). @internal
 */
export function checkInterval(pair: unknown, path: string, what: string): [number, number] {
  const problem = intervalProblem(pair, what);
  if (problem !== null) fail("invalid_option", path, problem);
  const [low, high] = pair as [number, number];
  return [low, high];
}
