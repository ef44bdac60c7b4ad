import type { NormalizeSpec } from "../internal/specs.js";
import { normalizeResolved } from "./normalize-resolved.js";
import { resolveNormalize } from "./resolve-normalize.js";
import type { NormalizeOptions, NormalizeResult } from "./types.js";

export type { NormalizeMethod } from "../internal/specs.js";
export type { NormalizeOptions, NormalizeParams, NormalizeResult, NormalizeWarning } from "./types.js";

/**
 * Normalizes one indicator column and reports what ran: the method, its options, the statistics
 * used and any warnings. {@link normalize} returns the values only. See there for the methods and
 * direction rules.
 *
 * @throws IndicatrixError `invalid_spec`, `invalid_option`, `invalid_direction`, `invalid_value`,
 *   `non_finite_value`, `missing_goalposts`, `missing_target`, `nonpositive_value`, `negative_value`,
 *   `unsupported_direction`.
 * @example
 * ```ts
 * const r = normalizeDetailed([5, 5, NaN], "minmax");
 * r.values;                 // => Float64Array [0.5, 0.5, NaN]
 * r.warnings[0].code;       // => "constant_column"
 * r.params.n;               // => 2
 * ```
 */
export function normalizeDetailed(
  values: ArrayLike<number>,
  spec: NormalizeSpec,
  opts: NormalizeOptions = {},
): NormalizeResult {
  return normalizeResolved(values, resolveNormalize(spec, opts));
}

/**
 * Normalizes one indicator column onto a common scale on which higher is better, by the method of
 * `spec`; NaN (missing) stays NaN and is skipped in every statistic. Use {@link normalizeDetailed}
 * to also get the parameters used and the warnings.
 *
 * Methods (COINr `n_*` functions; OECD/JRC Handbook 2008, step 5; moderate formulas as in docs/methods.md):
 * - `minmax` (default range [0, 1]): (x - min)/(max - min); cost: (max - x)/(max - min) (`cost:
 *   "reflect"`, equal to COINr's `-x` then min-max, `"negate"`), or `"reciprocal"`: 1/x then min-max
 *   (positive values only).
 * - `goalposts` [L, U] (from the spec or `opts.goalposts`; required): (x - L)/(U - L), cost
 *   (U - x)/(U - L), clipped into [0, 1] unless `clip: false`, then mapped onto `range`.
 * - `zscore`: (x - mean)/sd with ddof 1 (sample sd, as R and COINr) or 0; cost flips the sign.
 * - `target` (moderate indicators): point t: 1 - |x - t| / max|x - t|; interval [a, b]: 1 inside,
 *   1 - (a - x)/M below, 1 - (x - b)/M above, with M = max(a - min, max - b). The target is
 *   `spec.target` or the `{ target }` / `{ range }` direction; with `opts.goalposts` they replace
 *   the sample min/max (and results are clipped at 0).
 * - `rank` (1 = lowest, n = best; ties "min" as COINr `n_rank`, or "average"), `borda` (rank - 1),
 *   `percentile` ((rank - 1)/(n - 1), COINr `n_prank`).
 * - `distance-to-max` (COINr `n_dist2max`): 1 - (max - x)/(max - min).
 * - `fraction-of-max`: x / max (non-negative data); cost: min / x (positive data).
 * - `vector`: x / sqrt(sum x^2); cost: 1 - x / sqrt(sum x^2). `sum`: x / sum x; cost:
 *   (1/x) / sum(1/x) (cost forms as in Jahan & Edwards 2015).
 * - `none`: x as is (cost: -x).
 *
 * Directions: `benefit` as is; `cost` is turned so that higher is better for every method; a
 * `{ target }` or `{ range }` direction makes `minmax` and `goalposts` use the moderate formula, and
 * makes `zscore`, `none` and the rank-type methods work on minus the distance to the target or
 * interval. The ratio-scale methods (`fraction-of-max`, `vector`, `sum`) reject target directions.
 *
 * A constant column (max = min, no goalposts) gives every present unit the midpoint of the output
 * range (0 for `zscore`, 0.5 for `percentile` and `distance-to-max`) and a `constant_column`
 * warning, never NaN. An all-missing column gives all NaN and an `all_missing` warning.
 *
 * O(n) per column (O(n log n) for the rank-type methods), one or two passes over a Float64Array.
 *
 * @param values - one indicator over all units; NaN marks a missing value.
 * @param spec - the method, as a name or an object with options.
 * @param opts - the indicator's direction, goalposts and default output range.
 * @throws IndicatrixError as {@link normalizeDetailed}; in particular `non_finite_value` for ±Infinity.
 * @example
 * ```ts
 * normalize([12, 18, 9, 25, 15], "minmax");
 * // => Float64Array [0.1875, 0.5625, 0, 1, 0.375]
 * normalize([36, 20, 48, 12, 30], "minmax", { direction: "cost" });
 * // => Float64Array [0.3333, 0.7778, 0, 1, 0.5]
 * normalize([280, 420, 310, 500, 250], "minmax", { direction: { target: 300 } });
 * // => Float64Array [0.9, 0.4, 0.95, 0, 0.75]
 * ```
 */
export function normalize(
  values: ArrayLike<number>,
  spec: NormalizeSpec,
  opts: NormalizeOptions = {},
): Float64Array {
  return normalizeDetailed(values, spec, opts).values;
}
