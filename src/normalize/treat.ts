import { quantile } from "simple-statistics";
import { fail } from "../internal/errors.js";
import type { TreatSpec } from "../internal/specs.js";
import { kurtosis, skewness } from "./moments.js";
import { scanColumn } from "./scan.js";

/** What {@link treat} did to one indicator column. */
export interface TreatReport {
  /** Number of points whose value winsorization changed (and that are still in the output). */
  winsorized: number;
  /** Value the low outliers were raised to, when any were (quantile method: the lower quantile). */
  lowerCap?: number;
  /** Value the high outliers were lowered to, when any were (quantile method: the upper quantile). */
  upperCap?: number;
  /** The log transform applied (`ln`, `log10` or `log-ct`), when one was. */
  log?: "ln" | "log10" | "log-ct";
  /** Skewness (Excel / e1071 type 2) of the input; NaN with fewer than 3 values or no spread. */
  skewBefore: number;
  /** Excess kurtosis (Excel / e1071 type 2) of the input; NaN with fewer than 4 values or no spread. */
  kurtBefore: number;
  /** Skewness of the output. */
  skewAfter: number;
  /** Excess kurtosis of the output. */
  kurtAfter: number;
}

/** The treated column and what was done. */
export interface TreatResult {
  /** Treated values, aligned with the input; NaN stays NaN. */
  values: Float64Array;
  /** What was done, with skew and kurtosis before and after. */
  report: TreatReport;
}

function safeSkew(x: ArrayLike<number>, n: number): number {
  return n >= 3 ? skewness(x) : Number.NaN;
}
function safeKurt(x: ArrayLike<number>, n: number): number {
  return n >= 4 ? kurtosis(x) : Number.NaN;
}

/** COINr's pass test: fails only when |skew| >= skew AND kurtosis >= kurt (check_SkewKurt). NaN passes. */
function failsRule(x: ArrayLike<number>, n: number, skewT: number, kurtT: number): boolean {
  const s = skewness(x);
  const k = safeKurt(x, n);
  return Math.abs(s) >= skewT && k >= kurtT;
}

function checkNumber(v: unknown, path: string, lo: number, hi: number, what: string): number {
  if (typeof v !== "number" || !(v >= lo && v <= hi))
    fail("invalid_option", path, `${what} must be a number in [${lo}, ${hi}], got ${JSON.stringify(v)}`);
  return v;
}

function applyLog(x: Float64Array, kind: "ln" | "log10" | "log-ct"): void {
  if (kind === "log-ct") {
    const { min, max } = scanColumn(x, "values");
    const shift = 0.01 * (max - min);
    if (!(shift > 0))
      fail(
        "constant_column",
        "values",
        "the log-ct transform log(x - min + 0.01 (max - min)) needs values that are not all equal",
      );
    for (let i = 0; i < x.length; i++) x[i] = Math.log(x[i]! - min + shift);
    return;
  }
  for (let i = 0; i < x.length; i++) {
    const v = x[i]!;
    if (v <= 0)
      fail(
        "nonpositive_value",
        `values[${i}]`,
        `the ${kind} transform needs positive values, got ${v} (use log-ct for data with zeros or negatives)`,
      );
  }
  const f = kind === "ln" ? Math.log : Math.log10;
  for (let i = 0; i < x.length; i++) x[i] = f(x[i]!);
}

type Winsorize = NonNullable<TreatSpec["winsorize"]>;

/** What a winsorization changed: how many points, and the caps it set. */
interface Winsorized {
  changed: number;
  lowerCap?: number;
  upperCap?: number;
}

/**
 * What is wrong with the quantiles of a quantile winsorization (lower below upper, defaults 0.05 and 0.95),
 * or null: the rule `treat` applies and `checkModel` reports, written once.
 * @example
 * ```ts
 * winsorizeProblem({ method: "quantile", lower: 0.9, upper: 0.1 }); // => "lower (0.9) must be below upper (0.1)"
 * ```
 * @internal
 */
export function winsorizeProblem(w: Winsorize): string | null {
  if (w.method !== "quantile") return null;
  const lower = w.lower ?? 0.05;
  const upper = w.upper ?? 0.95;
  return lower < upper ? null : `lower (${lower}) must be below upper (${upper})`;
}

/** Quantile winsorization, in place: values beyond the quantiles of the present values are set to them. */
function winsorizeQuantile(
  x: Float64Array,
  n: number,
  w: Extract<Winsorize, { method: "quantile" }>,
): Winsorized {
  const lower = checkNumber(w.lower ?? 0.05, "spec.winsorize.lower", 0, 1, "lower");
  const upper = checkNumber(w.upper ?? 0.95, "spec.winsorize.upper", 0, 1, "upper");
  const problem = winsorizeProblem(w);
  if (problem !== null) fail("invalid_option", "spec.winsorize", problem);
  const out: Winsorized = { changed: 0 };
  if (n === 0) return out;
  const present: number[] = [];
  for (let i = 0; i < x.length; i++) {
    const v = x[i]!;
    if (!Number.isNaN(v)) present.push(v);
  }
  const lo = quantile(present, lower);
  const hi = quantile(present, upper);
  for (let i = 0; i < x.length; i++) {
    const v = x[i]!;
    if (v < lo) {
      x[i] = lo;
      out.changed++;
      out.lowerCap = lo;
    } else if (v > hi) {
      x[i] = hi;
      out.changed++;
      out.upperCap = hi;
    }
  }
  return out;
}

/**
 * COINr's `winsorise`, in place: while the skew-kurtosis rule fails and fewer than maxPoints points
 * have changed, the most extreme value on the skewed side (all its ties) becomes the next value inward.
 * Also says whether the rule still fails at the end.
 */
function winsorizeSkewKurtosis(
  x: Float64Array,
  n: number,
  w: Extract<Winsorize, { method: "skew-kurtosis" }>,
): Winsorized & { failing: boolean } {
  const skewT = checkNumber(w.skew ?? 2, "spec.winsorize.skew", 0, Number.MAX_VALUE, "skew");
  const kurtT = checkNumber(
    w.kurtosis ?? 3.5,
    "spec.winsorize.kurtosis",
    -Number.MAX_VALUE,
    Number.MAX_VALUE,
    "kurtosis",
  );
  const maxPoints = checkNumber(
    w.maxPoints ?? 5,
    "spec.winsorize.maxPoints",
    0,
    Number.MAX_SAFE_INTEGER,
    "maxPoints",
  );
  if (!Number.isInteger(maxPoints))
    fail("invalid_option", "spec.winsorize.maxPoints", `maxPoints must be an integer, got ${maxPoints}`);
  if (n < 4)
    fail("too_few_values", "values", `the skew-kurtosis rule needs at least 4 present values, got ${n}`);
  const changedAt = new Uint8Array(x.length);
  const out: Winsorized & { failing: boolean } = { changed: 0, failing: failsRule(x, n, skewT, kurtT) };
  while (out.failing && out.changed < maxPoints) {
    const high = skewness(x) >= 0;
    const [extreme, next] = extremeAndNext(x, high);
    if (next === Number.NEGATIVE_INFINITY || next === Number.POSITIVE_INFINITY) break;
    for (let i = 0; i < x.length; i++) {
      if (x[i] !== extreme) continue;
      x[i] = next;
      if (changedAt[i] === 0) {
        changedAt[i] = 1;
        out.changed++;
      }
    }
    if (high) out.upperCap = next;
    else out.lowerCap = next;
    out.failing = failsRule(x, n, skewT, kurtT);
  }
  return out;
}

/** The extreme value on one side (the largest when `high`) and the next value inward (±Infinity when none). */
function extremeAndNext(x: Float64Array, high: boolean): [number, number] {
  let extreme = high ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY;
  for (let i = 0; i < x.length; i++) {
    const v = x[i]!;
    if (high ? v > extreme : v < extreme) extreme = v;
  }
  let next = high ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY;
  for (let i = 0; i < x.length; i++) {
    const v = x[i]!;
    if (v !== extreme && (high ? v > next : v < next)) next = v;
  }
  return [extreme, next];
}

/**
 * Treats outliers of one indicator column before normalization: winsorization (by quantiles, or by
 * COINr's skew-kurtosis rule) and/or a log transform. Returns the new column and a report with
 * skew and kurtosis before and after. NaN (missing) stays NaN and is skipped.
 *
 * - `winsorize: { method: "quantile", lower = 0.05, upper = 0.95 }`: values below/above the
 *   quantiles (simple-statistics `quantile`, R type 7, over the present values) are set to them.
 * - `winsorize: { method: "skew-kurtosis", skew = 2, kurtosis = 3.5, maxPoints = 5 }`: COINr's
 *   `winsorise`: while |skewness| >= skew and kurtosis >= kurtosis (Excel/e1071 type 2, see
 *   {@link skewness}), the most extreme value on the skewed side (all its ties) is replaced by the
 *   next value, until the rule passes or maxPoints points have been changed.
 * - `log`: `ln` or `log10` (positive values required) or COINr's `log_CT`,
 *   log(x - min + 0.01 (max - min)). With the skew-kurtosis rule the log is COINr's second stage:
 *   applied only if winsorization did not pass the rule, and then to the original values
 *   (COINr `Treat` with `combine_treat = FALSE`, so `winsorized` is 0). Otherwise it always
 *   applies, after any quantile winsorization.
 *
 * References: OECD/JRC Handbook (2008), step 5; COINr `Treat`, `winsorise`, `log_CT`.
 *
 * @throws IndicatrixError `invalid_option` (bad thresholds), `too_few_values` (skew-kurtosis rule on
 *   fewer than 4 values), `nonpositive_value` (ln/log10 on a value <= 0), `constant_column` (log-ct
 *   on equal values), `invalid_value` / `non_finite_value` (bad input).
 * @example
 * ```ts
 * const r = treat([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 30, 100], { winsorize: { method: "skew-kurtosis" } });
 * r.report.winsorized;   // => 1
 * r.report.upperCap;     // => 30
 * ```
 */
export function treat(values: ArrayLike<number>, spec: TreatSpec = {}): TreatResult {
  if (spec === null || typeof spec !== "object")
    fail("invalid_spec", "spec", "expected a treatment spec object");
  const { n } = scanColumn(values, "values");
  const x = Float64Array.from(values);
  const skewBefore = safeSkew(x, n);
  const kurtBefore = safeKurt(x, n);
  const report: TreatReport = {
    winsorized: 0,
    skewBefore,
    kurtBefore,
    skewAfter: skewBefore,
    kurtAfter: kurtBefore,
  };
  const w = spec.winsorize;
  const log = spec.log;
  if (log !== undefined && log !== "ln" && log !== "log10" && log !== "log-ct")
    fail("invalid_option", "spec.log", `log must be "ln", "log10" or "log-ct", got ${JSON.stringify(log)}`);
  let logApplies = log !== undefined;

  if (w !== undefined) {
    if (w === null || typeof w !== "object" || (w.method !== "quantile" && w.method !== "skew-kurtosis"))
      fail(
        "invalid_option",
        "spec.winsorize",
        `expected { method: "quantile" | "skew-kurtosis", ... }, got ${JSON.stringify(w)}`,
      );
    let done: Winsorized | undefined;
    if (w.method === "quantile") done = winsorizeQuantile(x, n, w);
    else {
      const r = winsorizeSkewKurtosis(x, n, w);
      // The rule still failing and a log given: COINr's second stage, on the original values.
      if (r.failing && log !== undefined) x.set(values);
      else {
        logApplies = false;
        done = r;
      }
    }
    if (done) {
      report.winsorized = done.changed;
      if (done.lowerCap !== undefined) report.lowerCap = done.lowerCap;
      if (done.upperCap !== undefined) report.upperCap = done.upperCap;
    }
  }

  if (logApplies && log !== undefined && n > 0) {
    applyLog(x, log);
    report.log = log;
  }
  report.skewAfter = safeSkew(x, n);
  report.kurtAfter = safeKurt(x, n);
  return { values: x, report };
}
