import { fail, type Issue, issue } from "../../internal/errors.js";
import type { Result } from "../../score/result.js";
import { coefficientOfVariation } from "./coefficient-of-variation.js";
import { type DagumGiniResult, dagumGini } from "./dagum-gini.js";
import { type GroupBy, groupScores } from "./groups-of.js";
import { maxMinRatio } from "./max-min-ratio.js";
import { type TheilResult, theil } from "./theil.js";
import { meanOf } from "./values.js";

/** Options of {@link disparity}. */
export interface DisparityOptions {
  /** Node whose scores are compared (default: the root). */
  node?: string;
  /**
   * The groups: a level of the unit hierarchy (`"district"`, `"street"`: each unit's ancestor at that
   * level), `"parent"` (each unit's parent), a kept numeric column (`score(..., { keep })`; its values
   * as labels), or `{ labels }` aligned with `result.units`. Default: one group (no decomposition).
   */
  by?: GroupBy;
  /** Delta degrees of freedom of the coefficient of variation (default 1, see {@link coefficientOfVariation}). */
  ddof?: 0 | 1;
  /**
   * A kept column of unit weights, such as `"population"` (kept by `score` when present): Theil's T and L
   * in their weighted form and Williamson's weighted CV (`ddof` does not apply); the Gini, its Dagum
   * decomposition and max/min stay unweighted. Units without a weight are left out. Default: unweighted.
   */
  weights?: string;
}

/** One group of a {@link disparity} result. */
export interface DisparityGroup {
  /** Group label (a unit id when the groups come from the hierarchy). */
  group: string;
  /** The group's name in the data (when it is a unit with a name). */
  name?: string;
  /** Number of units. */
  n: number;
  /** Mean score. */
  mean: number;
  /** Lowest score. */
  min: number;
  /** Highest score. */
  max: number;
}

/** Result of {@link disparity}. */
export interface DisparityResult {
  /** The node compared. */
  node: string;
  /** The grouping that ran: the level, column or `"labels"`; `undefined` for none. */
  by: string | undefined;
  /** Units compared, in data order. */
  units: string[];
  /** Group of each compared unit. */
  groups: string[];
  /** Units left out (no score at the node, no group), with why. */
  leftOut: { unit: string; reason: string }[];
  /** Mean score. */
  mean: number;
  /** The Gini coefficient (population form). */
  gini: number;
  /** The Dagum decomposition of the Gini (one group: everything is within). */
  dagum: DagumGiniResult;
  /** Theil's T with its within/between decomposition. */
  theilT: TheilResult;
  /** Theil's L with its decomposition; undefined (and a `measure_undefined` warning) when a score is 0. */
  theilL: TheilResult | undefined;
  /** Coefficient of variation (ddof as asked, default 1; Williamson's weighted CV with `weights`). */
  cv: number;
  /** The weight column of Theil and the CV, when one was given. */
  weights?: string;
  /** max / min; undefined (and a warning) when the lowest score is 0. */
  maxMinRatio: number | undefined;
  /** Every group: size, mean and range, in first-seen order. */
  groupSummary: DisparityGroup[];
  /** Warnings: units left out, measures left out. */
  diagnostics: Issue[];
}

/**
 * How unequal the scores of a node are between units, and how much of it lies between groups
 * (districts, streets) rather than within them: the Gini coefficient with its Dagum decomposition,
 * Theil's T and L with their within/between split, the coefficient of variation and the max/min ratio,
 * on one scored result. Units without a score at the node, or without a group, are left out and listed.
 * Scores must be >= 0 (min-max scores are); Theil's L and max/min need every score > 0 and are left
 * out with a warning otherwise.
 *
 * For the distribution itself use {@link kernelDensity} on `result.scores[node]`; for each measure alone,
 * {@link gini}, {@link dagumGini}, {@link theil}, {@link coefficientOfVariation}, {@link maxMinRatio}.
 *
 * @param result a scored result (`score(model, data)`).
 * @param opts the node, the grouping and the CV convention.
 * @throws IndicatrixError `missing_column` (a `weights` column that is not kept), `invalid_weights` (a negative weight), `unknown_node`, `invalid_option` (a `by` that is no level, "parent", kept column or
 *   labels), `length_mismatch` (labels not aligned), `too_few_values` (fewer than 2 units left),
 *   `negative_value` (a negative score: use a normalization with non-negative output), `zero_mean`.
 * @example
 * ```ts
 * const model = {
 *   id: "m",
 *   tree: { id: "root", children: [{ id: "a" }] },
 *   defaults: { normalize: "none" },
 *   profiles: { p: { weights: { root: { method: "equal" } } } },
 * };
 * const rows = [
 *   { unit: "d1", level: "district" },
 *   { unit: "d2", level: "district" },
 *   { unit: "c1", parent: "d1", a: 0.62 },
 *   { unit: "c2", parent: "d1", a: 0.71 },
 *   { unit: "c3", parent: "d2", a: 0.45 },
 *   { unit: "c4", parent: "d2", a: 0.52 },
 *   { unit: "c5", parent: "d2", a: 0.49 },
 * ];
 * const d = disparity(score(model, rows), { by: "district" });
 * d.gini; // => 0.09318996415770606
 * d.dagum.contributions; // => { within: 0.1769..., netBetween: 0.8230..., transvariation: 0 }
 * ```
 */
export function disparity(result: Result, opts: DisparityOptions = {}): DisparityResult {
  const diagnostics: Issue[] = [];
  const grouped = groupScores(result, opts.node, opts.by, diagnostics);
  let unitWeights: Float64Array | undefined;
  if (opts.weights !== undefined) {
    const h = result.hierarchy;
    const col =
      typeof opts.weights === "string" && Object.hasOwn(h.columns, opts.weights)
        ? h.columns[opts.weights]
        : undefined;
    if (!col)
      fail(
        "missing_column",
        ["opts", "weights"],
        `column "${String(opts.weights)}" is not in the result; keep it with score(model, data, { keep: ["${String(opts.weights)}"] })`,
      );
    const row = new Map(h.units.map((u, i) => [u, i]));
    const w = grouped.units.map((u) => col[row.get(u) ?? -1] ?? Number.NaN);
    const keep = w.map((x) => !Number.isNaN(x));
    if (keep.some((k) => !k)) {
      const dropped = grouped.units.filter((_, i) => !keep[i]);
      for (const unit of dropped) grouped.leftOut.push({ unit, reason: `no ${opts.weights}` });
      diagnostics.push(
        issue(
          "units_left_out",
          "warning",
          ["opts", "weights"],
          `${dropped.length} unit${dropped.length === 1 ? "" : "s"} without ${opts.weights} left out (${dropped.slice(0, 3).join(", ")}${dropped.length > 3 ? ", ..." : ""})`,
          `column "${opts.weights}"`,
        ),
      );
      grouped.units = grouped.units.filter((_, i) => keep[i]);
      grouped.values = grouped.values.filter((_, i) => keep[i]);
      grouped.groups = grouped.groups.filter((_, i) => keep[i]);
    }
    unitWeights = Float64Array.from(w.filter((x) => !Number.isNaN(x)));
  }
  const { values, groups } = grouped;
  if (values.length < 2)
    fail(
      "too_few_values",
      ["opts", "node"],
      `disparity needs at least 2 units with a score at "${grouped.node}" and a group, got ${values.length}`,
    );
  const path = ["result", "scores", grouped.node];
  for (let i = 0; i < values.length; i++)
    if (values[i]! < 0)
      fail(
        "negative_value",
        path,
        `unit "${grouped.units[i]}" has the score ${values[i]} at "${grouped.node}"; disparity measures need scores >= 0`,
      );
  const dagum = dagumGini(values, groups);
  const tw = unitWeights ? { weights: unitWeights } : {};
  const theilT = theil(values, { index: "T", groups, ...tw });
  let min = Number.POSITIVE_INFINITY;
  for (const v of values) if (v < min) min = v;
  let theilL: TheilResult | undefined;
  let ratio: number | undefined;
  if (min > 0) {
    theilL = theil(values, { index: "L", groups, ...tw });
    ratio = maxMinRatio(values);
  } else
    diagnostics.push(
      issue(
        "measure_undefined",
        "warning",
        path,
        `Theil's L and the max/min ratio are left out: unit "${grouped.units[values.indexOf(min)]}" has a score of 0`,
        `node "${grouped.node}"`,
      ),
    );
  const h = result.hierarchy;
  const nameOf = new Map(h.units.map((u, i) => [u, h.names[i]]));
  const groupSummary: DisparityGroup[] = [];
  const slot = new Map<string, number>();
  for (let i = 0; i < values.length; i++) {
    const g = groups[i]!;
    const v = values[i]!;
    let k = slot.get(g);
    if (k === undefined) {
      k = groupSummary.length;
      slot.set(g, k);
      const name = grouped.source === "level" ? nameOf.get(g) : undefined;
      groupSummary.push({ group: g, ...(name ? { name } : {}), n: 0, mean: 0, min: v, max: v });
    }
    const s = groupSummary[k]!;
    s.n++;
    s.mean += v;
    if (v < s.min) s.min = v;
    if (v > s.max) s.max = v;
  }
  for (const s of groupSummary) s.mean /= s.n;
  return {
    node: grouped.node,
    by: opts.by === undefined ? undefined : typeof opts.by === "string" ? opts.by : "labels",
    units: grouped.units,
    groups,
    leftOut: grouped.leftOut,
    mean: meanOf(values),
    gini: dagum.gini,
    dagum,
    theilT,
    theilL,
    cv: coefficientOfVariation(values, unitWeights ? { weights: unitWeights } : { ddof: opts.ddof ?? 1 }),
    ...(opts.weights !== undefined ? { weights: opts.weights } : {}),
    maxMinRatio: ratio,
    groupSummary,
    diagnostics,
  };
}
