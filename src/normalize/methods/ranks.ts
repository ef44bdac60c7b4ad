import { rankAscending } from "../../internal/rank.js";
import type { ResolvedOf } from "../resolve-normalize.js";
import type { ColumnScan } from "../scan.js";
import { aligned, constantWarning, fillPresent, type KernelOutput, minMaxOf } from "./shared.js";

/**
 * Ranks (COINr `n_rank`): 1 for the worst direction-aligned value up to n for the best, ties sharing
 * the lowest rank (`"min"`, as R's `rank`) or their mean (`"average"`).
 * @internal
 */
export function rank(values: Float64Array, spec: ResolvedOf<"rank">): KernelOutput {
  return {
    values: rankAscending(aligned(values, spec.aim), spec.ties),
    params: { ties: spec.ties },
    warnings: [],
  };
}

/** Borda scores (COINr `n_borda`): rank - 1, ties "min": the number of units a unit beats. @internal */
export function borda(values: Float64Array, spec: ResolvedOf<"borda">): KernelOutput {
  const r = rankAscending(aligned(values, spec.aim), "min");
  for (let i = 0; i < r.length; i++) r[i] = r[i]! - 1;
  return { values: r, params: {}, warnings: [] };
}

/**
 * Percentile ranks (COINr `n_prank`): (rank - 1)/(n - 1) in [0, 1], ties "min". A constant column
 * gives 0.5 and a `constant_column` warning.
 * @internal
 */
export function percentile(
  values: Float64Array,
  spec: ResolvedOf<"percentile">,
  scan: ColumnScan,
): KernelOutput {
  const y = aligned(values, spec.aim);
  const [ymin, ymax] = minMaxOf(y);
  if (ymin === ymax)
    return { values: fillPresent(values, 0.5), params: {}, warnings: [constantWarning(0.5)] };
  const r = rankAscending(y, "min");
  for (let i = 0; i < r.length; i++) r[i] = (r[i]! - 1) / (scan.n - 1);
  return { values: r, params: {}, warnings: [] };
}
