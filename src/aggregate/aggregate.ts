import type { AggregateSpec, MissingPolicy } from "../internal/specs.js";
import { checkChildren, checkOptions, checkWeights } from "./check.js";
import { type Columns, prepareColumns, withCoverage } from "./columns.js";
import { arithmetic } from "./methods/arithmetic.js";
import { geometric } from "./methods/geometric.js";
import { harmonic } from "./methods/harmonic.js";
import { mazziottaPareto } from "./methods/mazziotta-pareto.js";
import { minimum } from "./methods/minimum.js";
import { power } from "./methods/power.js";
import { type ResolvedAggregate, resolveAggregate } from "./resolve-aggregate.js";

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

/**
 * Combines the children of one tree node into the node's value for every unit, by a weighted mean:
 * the bottom-up step of a composite index (OECD/JRC Handbook on Constructing Composite Indicators
 * 2008, step 6).
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
 * The spec is checked and its defaults filled by `resolveAggregate`; each method then runs
 * its own kernel (`src/aggregate/methods/`).
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
  const m = checkChildren(children);
  checkWeights(weights, children.length);
  const r = resolveAggregate(spec);
  const { missing, minCoverage } = checkOptions(opts);
  const c = prepareColumns(children, weights, m, missing);
  return withCoverage(run(c, r), c, minCoverage);
}

/** The kernel of the resolved method over the columns: every unit's value before the coverage rule. */
function run(c: Columns, r: ResolvedAggregate): Float64Array {
  switch (r.method) {
    case "arithmetic":
      return arithmetic(c);
    case "geometric":
      return geometric(c, r);
    case "harmonic":
      return harmonic(c);
    case "minimum":
      return minimum(c);
    case "power":
      return power(c, r);
    case "mazziotta-pareto":
      return mazziottaPareto(c, r);
  }
}
