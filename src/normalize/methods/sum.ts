import { fail } from "../../internal/errors.js";
import type { ResolvedOf } from "../resolve-normalize.js";
import type { ColumnScan } from "../scan.js";
import { fillPresent, type KernelOutput } from "./shared.js";

/**
 * Sum normalization: x / sum x, the share of the total (non-negative values; an all-zero column gives
 * 1/n and a `constant_column` warning); a cost indicator: (1/x) / sum(1/x) (positive values; Jahan &
 * Edwards 2015).
 * @throws IndicatrixError `negative_value` (benefit), `nonpositive_value` or `value_out_of_range` (cost).
 * @internal
 */
export function sum(values: Float64Array, spec: ResolvedOf<"sum">, scan: ColumnScan): KernelOutput {
  const len = values.length;
  const out = new Float64Array(len);
  if (spec.aim === "cost") {
    if (scan.min <= 0)
      fail(
        "nonpositive_value",
        "values",
        `sum normalization of a cost indicator ((1/x) / sum(1/x)) needs positive values; the smallest is ${scan.min}`,
      );
    let inv = 0;
    for (let i = 0; i < len; i++) {
      const v = values[i]!;
      if (!Number.isNaN(v)) inv += 1 / v;
    }
    if (!Number.isFinite(inv))
      fail(
        "value_out_of_range",
        "values",
        `sum normalization of a cost indicator: 1/x overflows for the smallest value ${scan.min}; rescale the values`,
      );
    for (let i = 0; i < len; i++) out[i] = 1 / values[i]! / inv;
    return { values: out, params: {}, warnings: [] };
  }
  if (scan.min < 0)
    fail(
      "negative_value",
      "values",
      `sum normalization (x / sum x) needs non-negative values; the smallest is ${scan.min}`,
    );
  if (scan.sum === 0)
    return {
      values: fillPresent(values, 1 / scan.n),
      params: {},
      warnings: [
        { code: "constant_column", message: `all present values are 0: every present unit gets 1/${scan.n}` },
      ],
    };
  for (let i = 0; i < len; i++) out[i] = values[i]! / scan.sum;
  return { values: out, params: {}, warnings: [] };
}
