import { fail } from "../../internal/errors.js";
import type { ResolvedOf } from "../resolve-normalize.js";
import type { ColumnScan } from "../scan.js";
import { fillPresent, type KernelOutput } from "./shared.js";

/**
 * Fraction of the maximum: x / max (non-negative values; an all-zero column gives 1 and a
 * `constant_column` warning); a cost indicator: min / x, the ratio to the best value (positive values).
 * @throws IndicatrixError `negative_value` (benefit) or `nonpositive_value` (cost).
 * @internal
 */
export function fractionOfMax(
  values: Float64Array,
  spec: ResolvedOf<"fraction-of-max">,
  scan: ColumnScan,
): KernelOutput {
  const out = new Float64Array(values.length);
  if (spec.aim === "cost") {
    if (scan.min <= 0)
      fail(
        "nonpositive_value",
        "values",
        `fraction-of-max on a cost indicator (min / x) needs positive values; the smallest is ${scan.min}`,
      );
    for (let i = 0; i < values.length; i++) out[i] = scan.min / values[i]!;
    return { values: out, params: {}, warnings: [] };
  }
  if (scan.min < 0)
    fail(
      "negative_value",
      "values",
      `fraction-of-max (x / max) needs non-negative values; the smallest is ${scan.min}`,
    );
  if (scan.max === 0)
    return {
      values: fillPresent(values, 1),
      params: {},
      warnings: [
        {
          code: "constant_column",
          message: "all present values are 0: every present unit gets 1 (as equal positive values would)",
        },
      ],
    };
  for (let i = 0; i < values.length; i++) out[i] = values[i]! / scan.max;
  return { values: out, params: {}, warnings: [] };
}
