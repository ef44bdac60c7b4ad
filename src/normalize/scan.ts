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
  if (!withSum && values instanceof Float64Array) return scanRange(values, name);
  const typed = ArrayBuffer.isView(values);
  let n = 0;
  let sum = 0;
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
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
  checkLimit(values, name, min, max);
  return { n, sum: withSum ? sum : Number.NaN, min, max };
}

/**
 * The scan of a Float64Array without its sum, in the fewest operations per entry: NaN fails every
 * comparison, so min and max skip it by themselves (selects, not branches) and only the count tests
 * for it; ±Infinity would be the min or the max, so it is looked for after the loop, only when there
 * is one (the error names the first, as the checking loop would).
 */
function scanRange(values: Float64Array, name: string): ColumnScan {
  let missing = 0;
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    // biome-ignore lint/suspicious/noSelfCompare: the fastest NaN test in the hot loop
    if (v !== v) missing++;
    // biome-ignore lint/complexity/useMathMinMax: Math.min(NaN, x) is NaN; the comparison skips NaN
    min = v < min ? v : min;
    // biome-ignore lint/complexity/useMathMinMax: as for min
    max = v > max ? v : max;
  }
  if (min === Number.NEGATIVE_INFINITY || max === Number.POSITIVE_INFINITY) {
    const i = values.findIndex((v) => v === Number.POSITIVE_INFINITY || v === Number.NEGATIVE_INFINITY);
    fail("non_finite_value", `${name}[${i}]`, `expected a finite number or NaN, got ${values[i]}`);
  }
  checkLimit(values, name, min, max);
  return { n: values.length - missing, sum: Number.NaN, min, max };
}

/** Throws `value_out_of_range` at the first entry beyond ±MAX_ABS_VALUE when min or max is. */
function checkLimit(values: ArrayLike<number>, name: string, min: number, max: number): void {
  // A local copy of the imported limit: read after the loop, the import binding deoptimized the
  // function compiled mid-loop on its first calls (V8 deopt trace, about 250 bail-outs per score()).
  const limit = MAX_ABS_VALUE;
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
