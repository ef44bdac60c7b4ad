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
    for (let i = 0; i < x.length; i++) x[i] = Math.log((x[i] as number) - min + shift);
    return;
  }
  for (let i = 0; i < x.length; i++) {
    const v = x[i] as number;
    if (v <= 0)
      fail(
        "nonpositive_value",
        `values[${i}]`,
        `the ${kind} transform needs positive values; value ${i} is ${v} (use log-ct for data with zeros or negatives)`,
      );
  }
  const f = kind === "ln" ? Math.log : Math.log10;
  for (let i = 0; i < x.length; i++) x[i] = f(x[i] as number);
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
  const x = Float64Array.from(values as ArrayLike<number>);
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
    if (w.method === "quantile") {
      const lower = checkNumber(w.lower ?? 0.05, "spec.winsorize.lower", 0, 1, "lower");
      const upper = checkNumber(w.upper ?? 0.95, "spec.winsorize.upper", 0, 1, "upper");
      if (!(lower < upper))
        fail("invalid_option", "spec.winsorize", `lower (${lower}) must be below upper (${upper})`);
      if (n > 0) {
        const present: number[] = [];
        for (let i = 0; i < x.length; i++) if (!Number.isNaN(x[i] as number)) present.push(x[i] as number);
        const lo = quantile(present, lower);
        const hi = quantile(present, upper);
        let changed = 0;
        let low = false;
        let high = false;
        for (let i = 0; i < x.length; i++) {
          const v = x[i] as number;
          if (v < lo) {
            x[i] = lo;
            changed++;
            low = true;
          } else if (v > hi) {
            x[i] = hi;
            changed++;
            high = true;
          }
        }
        report.winsorized = changed;
        if (low) report.lowerCap = lo;
        if (high) report.upperCap = hi;
      }
    } else {
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
      let lowerCap: number | undefined;
      let upperCap: number | undefined;
      let changed = 0;
      let failing = failsRule(x, n, skewT, kurtT);
      while (failing && changed < maxPoints) {
        const high = skewness(x) >= 0;
        // The extreme value on the skewed side and the next value inward.
        let extreme = high ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY;
        for (let i = 0; i < x.length; i++) {
          const v = x[i] as number;
          if (high ? v > extreme : v < extreme) extreme = v;
        }
        let next = high ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY;
        for (let i = 0; i < x.length; i++) {
          const v = x[i] as number;
          if (v !== extreme && (high ? v > next : v < next)) next = v;
        }
        if (next === Number.NEGATIVE_INFINITY || next === Number.POSITIVE_INFINITY) break;
        for (let i = 0; i < x.length; i++) {
          if (x[i] === extreme) {
            x[i] = next;
            if (changedAt[i] === 0) {
              changedAt[i] = 1;
              changed++;
            }
          }
        }
        if (high) upperCap = next;
        else lowerCap = next;
        failing = failsRule(x, n, skewT, kurtT);
      }
      if (failing && log !== undefined) {
        // COINr's second stage runs on the original values: the winsorization is discarded.
        x.set(values as ArrayLike<number>);
      } else {
        logApplies = false;
        report.winsorized = changed;
        if (lowerCap !== undefined) report.lowerCap = lowerCap;
        if (upperCap !== undefined) report.upperCap = upperCap;
      }
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
