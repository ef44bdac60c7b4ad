/** Shared spec types of the model format, used by normalize, aggregate and the schema. */

/** How a cost indicator is turned around by min-max: `(max - x) / (max - min)` (default), `1 / x`, or `-x`. */
export type CostTransform = "reflect" | "reciprocal" | "negate";

/** The normalization methods, in the order the docs list them (the schema and `normalize` use this list). */
export const NORMALIZE_METHODS = [
  "minmax",
  "goalposts",
  "zscore",
  "target",
  "rank",
  "percentile",
  "borda",
  "distance-to-max",
  "fraction-of-max",
  "vector",
  "sum",
  "none",
] as const;

/** The name of a normalization method (the `method` of a {@link NormalizeSpec}). */
export type NormalizeMethod = (typeof NORMALIZE_METHODS)[number];

/** A normalization method, as a bare name (its defaults) or an object with options. */
export type NormalizeSpec =
  | NormalizeMethod
  | { method: "minmax"; range?: [number, number]; cost?: CostTransform }
  | { method: "goalposts"; goalposts?: [number, number]; range?: [number, number]; clip?: boolean }
  | { method: "zscore"; ddof?: 0 | 1 }
  | { method: "target"; target?: number | [number, number]; range?: [number, number] }
  | { method: "rank"; ties?: "min" | "average" }
  | { method: "percentile" }
  | { method: "borda" }
  | { method: "distance-to-max" }
  | { method: "fraction-of-max" }
  | { method: "vector" }
  | { method: "sum" }
  | { method: "none" };

/** Outlier treatment applied before normalization, per indicator. */
export interface TreatSpec {
  /** Winsorize by quantiles, or by COINr's rule (while |skew| > skew and kurtosis > kurtosis). */
  winsorize?:
    | { method: "quantile"; lower?: number; upper?: number }
    | { method: "skew-kurtosis"; skew?: number; kurtosis?: number; maxPoints?: number };
  /** Log transform: natural log, log10, or COINr's `log_CT`: log(x - min + 0.01 * (max - min)). */
  log?: "ln" | "log10" | "log-ct";
}

/**
 * The aggregation methods, in the order the docs list them (the schema, `resolveAggregate` and its
 * messages use this list). Every method but `power` (whose exponent has no default) may be given by
 * its bare name.
 * @example
 * ```ts
 * AGGREGATE_METHODS.includes("geometric");
 * // => true
 * ```
 */
export const AGGREGATE_METHODS = [
  "arithmetic",
  "geometric",
  "harmonic",
  "minimum",
  "power",
  "mazziotta-pareto",
] as const;

/** The name of an aggregation method (the `method` of an {@link AggregateSpec}). */
export type AggregateMethod = (typeof AGGREGATE_METHODS)[number];

/**
 * How children are combined into their parent's score: a bare name (its defaults; every method of
 * `AGGREGATE_METHODS` but `power`) or an object with options.
 */
export type AggregateSpec =
  | "arithmetic"
  | "geometric"
  | "harmonic"
  | "minimum"
  | "mazziotta-pareto"
  | { method: "arithmetic" }
  | { method: "geometric"; zero?: "error" | "floor"; floor?: number }
  | { method: "harmonic" }
  | { method: "minimum" }
  | { method: "power"; p: number }
  | { method: "mazziotta-pareto"; penalty?: "negative" | "positive" };

/** What happens to a missing value (docs/methods.md, missing values). `skip` re-normalizes weights over the
 * children present, as COINr and INFORM do. */
export type MissingPolicy = "error" | "skip" | "mean" | "median" | "zero";
