/**
 * The result table of {@link evaluateModel}: one row per scored unit, the method's values for the
 * complete units and nulls for the units left out.
 * @internal
 * @module
 */
import type { Criteria } from "./criteria.js";
import type { EvaluationRow, ModelEvaluation } from "./types.js";

/** One output column: its name and its values over the complete units (in `keep` order). @internal */
export type ValueColumn = readonly [name: string, values: readonly (string | number | undefined)[]];

/** What the table says about the run, besides its rows. @internal */
export interface TableHead {
  /** The method that ran. */
  method: ModelEvaluation["method"];
  /** The profile (or profiles, comma separated) scored. */
  profile: string;
  /** Every scored unit id, in order. */
  units: string[];
}

/**
 * Builds a {@link ModelEvaluation}: rows keyed `unit` then the `values` columns in order, a unit's
 * values null when it was left out of the method.
 * @internal
 */
export function evaluationTable(
  head: TableHead,
  x: Criteria,
  weights: number[],
  values: readonly ValueColumn[],
  detail: ModelEvaluation["detail"],
): ModelEvaluation {
  const slot = new Map(x.keep.map((i, k) => [i, k]));
  const rows = head.units.map((unit, i): EvaluationRow => {
    const k = slot.get(i);
    const row: EvaluationRow = { unit };
    for (const [name, column] of values) row[name] = k === undefined ? null : (column[k] ?? null);
    return row;
  });
  return {
    ...head,
    columns: ["unit", ...values.map(([name]) => name)],
    rows,
    criteria: x.ids,
    weights,
    excluded: x.excluded,
    detail,
  };
}
