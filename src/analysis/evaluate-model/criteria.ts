/**
 * The matrix an evaluation method reads from a scored model: criteria columns over the units that
 * have a value in every criterion.
 * @internal
 * @module
 */
import { IndicatrixError } from "../../internal/errors.js";
import type { Result } from "../../score/score.js";

/** Criteria columns restricted to the complete units, and which units those are. @internal */
export interface Criteria {
  /** Criterion ids (indicators, dimensions or profiles), in column order. */
  ids: string[];
  /** One column per criterion, over the complete units only. */
  cols: Float64Array[];
  /** Positions (in the scored units) of the complete units, ascending. */
  keep: number[];
  /** Ids of the units left out for a missing (NaN) criterion value. */
  excluded: string[];
}

/**
 * `columns` (aligned with `units`, one per criterion in `ids`) restricted to the units with no NaN
 * in any of them; the columns are returned as given when every unit is complete.
 * @internal
 */
export function completeUnits(units: readonly string[], ids: string[], columns: Float64Array[]): Criteria {
  const keep: number[] = [];
  const excluded: string[] = [];
  units.forEach((u, i) => {
    if (columns.every((c) => !Number.isNaN(c[i]!))) keep.push(i);
    else excluded.push(u);
  });
  const cols =
    keep.length === units.length ? columns : columns.map((c) => Float64Array.from(keep, (i) => c[i]!));
  return { ids, cols, keep, excluded };
}

/**
 * The active indicators' normalized values (higher = better) over the complete units, with their
 * global leaf weights: what every method except coupling reads.
 * @throws IndicatrixError `no_complete_units` when no unit has every indicator.
 * @internal
 */
export function indicatorCriteria(result: Result): Criteria & { weights: number[] } {
  const ids = result.resolved.indicators;
  const x = completeUnits(
    result.units,
    ids,
    ids.map((id) => result.scores[id] as Float64Array),
  );
  if (x.keep.length === 0)
    throw new IndicatrixError("no_complete_units", "no unit has a value for every active indicator");
  return { ...x, weights: ids.map((id) => result.weights.global[id]!) };
}
