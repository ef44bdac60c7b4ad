import { fail } from "../internal/errors.js";

/**
 * Each scored unit's blend factor λ from the data column of a per-unit blend (`blend: { between, column }`),
 * checked to be in [0, 1]. `all` are the ids of every data row, `units` the scored ones, `kept` the kept
 * columns over every row.
 * @throws IndicatrixError `missing_column` (the data has no such column), `missing_value` (a scored unit
 *   without a factor), `value_out_of_range` (a factor outside [0, 1]); each names the column and the unit.
 * @internal
 */
export function blendFactors(
  column: string,
  all: readonly string[],
  units: readonly string[],
  kept: Readonly<Record<string, Float64Array>>,
): Float64Array {
  const col = Object.hasOwn(kept, column) ? kept[column] : undefined;
  if (!col)
    fail("missing_column", ["data", column], `the blend factor column "${column}" is not in the data`);
  const row = new Map(all.map((u, i) => [u, i]));
  const out = new Float64Array(units.length);
  for (let k = 0; k < units.length; k++) {
    const i = row.get(units[k]!)!;
    const v = col[i]!;
    if (Number.isNaN(v))
      fail("missing_value", ["data", i, column], `unit "${units[k]}": no blend factor in column "${column}"`);
    if (!(v >= 0 && v <= 1))
      fail(
        "value_out_of_range",
        ["data", i, column],
        `unit "${units[k]}": blend factor ${v} in column "${column}" is outside [0, 1]`,
      );
    out[k] = v;
  }
  return out;
}
