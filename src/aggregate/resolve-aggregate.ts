import { fail } from "../internal/errors.js";
import { AGGREGATE_METHODS, type AggregateSpec } from "../internal/specs.js";

/**
 * An aggregation method with its options checked and its defaults filled: what
 * {@link resolveAggregate} returns, and what every backend (the array kernels of `aggregate`,
 * `score`, the analyses, the SQL compiler) reads instead of the spec as written. The `method` is the
 * formula that actually runs: a power mean with p = 1 is `arithmetic`, one with p = 0 `geometric`.
 */
export type ResolvedAggregate =
  /** sum(w x) / sum(w). */
  | { readonly method: "arithmetic" }
  /**
   * exp(sum(w ln x) / sum(w)). With `zero: "error"` (default) a zero throws; with `"floor"` values
   * below `floor` (default 0.001) are raised to it first. `floor` is filled in either case.
   */
  | { readonly method: "geometric"; readonly zero: "error" | "floor"; readonly floor: number }
  /** sum(w) / sum(w / x). */
  | { readonly method: "harmonic" }
  /** The smallest value among the children of positive weight. */
  | { readonly method: "minimum" }
  /**
   * (sum(w x^p) / sum(w))^(1/p), p finite, not 1 and not 0. `nearZero` (|p| < 0.001): x^p rounds to
   * 1 there, so the kernel sums x^p - 1 = expm1(p ln x) and takes exp(log1p(mean) / p).
   */
  | { readonly method: "power"; readonly p: number; readonly nearZero: boolean }
  /** M - S^2 / M (`penalty: "negative"`, default) or M + S^2 / M, M and S the weighted mean and sd. */
  | { readonly method: "mazziotta-pareto"; readonly penalty: "negative" | "positive" };

/** Default floor of `{ method: "geometric", zero: "floor" }`: values below it are raised to it. */
const DEFAULT_FLOOR = 0.001;

/** Below this |p| the power mean is computed through expm1 / log1p (x^p would round to 1). */
const NEAR_ZERO_P = 1e-3;

/** Below this |p| the power mean is the geometric mean (p ln x would be subnormal). */
const ZERO_P = 1e-300;

/**
 * Checks an aggregation spec and fills its defaults once: the discriminated union that the
 * aggregation kernels, `score`, the analyses and the SQL compiler read. A bare name takes the
 * method's defaults; `power` has no default exponent, so it needs `{ method: "power", p }`.
 *
 * Defaults: `geometric` has `zero: "error"` and `floor: 0.001`; `mazziotta-pareto` has `penalty:
 * "negative"`. A power mean with p = 1 resolves to `arithmetic`, one with |p| < 1e-300 (the p -> 0
 * limit) to `geometric` with its defaults, and one with |p| < 0.001 is flagged `nearZero`.
 *
 * @param spec - the aggregation method as written in a model or passed to `aggregate`.
 * @param path - where the spec stands, for the error path (default `"spec"`).
 * @returns a new object; the spec is not modified.
 * @throws IndicatrixError `invalid_spec`: an unknown method or a bare `"power"` (path `spec`), a
 *   power mean without a finite `p` (`spec.p`), `zero` other than "error" / "floor" (`spec.zero`), a
 *   `floor` that is not a positive finite number (`spec.floor`), `penalty` other than "negative" /
 *   "positive" (`spec.penalty`).
 * @example
 * ```ts
 * resolveAggregate("geometric");
 * // => { method: "geometric", zero: "error", floor: 0.001 }
 * resolveAggregate({ method: "power", p: 1 });
 * // => { method: "arithmetic" }
 * resolveAggregate({ method: "power", p: 2 });
 * // => { method: "power", p: 2, nearZero: false }
 * ```
 */
export function resolveAggregate(spec: AggregateSpec, path = "spec"): ResolvedAggregate {
  const s: Exclude<AggregateSpec, string> = typeof spec === "string" ? { method: spec } : spec;
  if (
    s === null ||
    typeof s !== "object" ||
    !(AGGREGATE_METHODS as readonly string[]).includes(s.method) ||
    (typeof spec === "string" && s.method === "power")
  )
    fail(
      "invalid_spec",
      path,
      `expected one of ${AGGREGATE_METHODS.join(", ")} or { method, ... }, got ${JSON.stringify(spec)}`,
    );
  switch (s.method) {
    case "geometric":
      return geometric(s.zero, s.floor, path);
    case "power":
      return power(s.p, path);
    case "mazziotta-pareto":
      if (s.penalty !== undefined && s.penalty !== "negative" && s.penalty !== "positive")
        fail(
          "invalid_spec",
          `${path}.penalty`,
          `penalty must be "negative" or "positive", got ${JSON.stringify(s.penalty)}`,
        );
      return { method: "mazziotta-pareto", penalty: s.penalty ?? "negative" };
    default:
      return { method: s.method };
  }
}

function geometric(zero: unknown, floor: unknown, path: string): ResolvedAggregate {
  if (zero !== undefined && zero !== "error" && zero !== "floor")
    fail("invalid_spec", `${path}.zero`, `zero must be "error" or "floor", got ${JSON.stringify(zero)}`);
  if (floor !== undefined && (typeof floor !== "number" || !(floor > 0) || !Number.isFinite(floor)))
    fail(
      "invalid_spec",
      `${path}.floor`,
      `floor must be a positive finite number, got ${JSON.stringify(floor)}`,
    );
  return { method: "geometric", zero: zero ?? "error", floor: floor ?? DEFAULT_FLOOR };
}

function power(p: unknown, path: string): ResolvedAggregate {
  if (typeof p !== "number" || !Number.isFinite(p))
    fail("invalid_spec", `${path}.p`, `the power mean needs a finite exponent p, got ${JSON.stringify(p)}`);
  if (p === 1) return { method: "arithmetic" };
  if (Math.abs(p) < ZERO_P) return geometric(undefined, undefined, path);
  return { method: "power", p, nearZero: Math.abs(p) < NEAR_ZERO_P };
}
