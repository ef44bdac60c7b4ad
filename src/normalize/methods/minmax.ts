import { fail } from "../../internal/errors.js";
import { affineForm, midpoint } from "../affine.js";
import type { ResolvedOf } from "../resolve-normalize.js";
import type { ColumnScan } from "../scan.js";
import { constantWarning, fillPresent, type KernelOutput } from "./shared.js";

/**
 * Min-max (OECD/JRC Handbook 2008, step 5; COINr `n_minmax`): (x - min)/(max - min) mapped onto the
 * range [lo, hi]. A cost indicator: (max - x)/(max - min) (`"reflect"`, and `"negate"`, COINr's -x
 * then min-max, which gives the same numbers), or `"reciprocal"`: 1/x then min-max (positive values
 * only). Reflect and negate return the affine form of {@link affineForm}. A constant column gives
 * every present unit the midpoint of the range, with a `constant_column` warning.
 * @throws IndicatrixError `nonpositive_value` or `value_out_of_range` (reciprocal only).
 * @internal
 */
export function minmax(values: Float64Array, spec: ResolvedOf<"minmax">, scan: ColumnScan): KernelOutput {
  const params = spec.aim === "cost" ? { cost: spec.cost } : {};
  if (spec.aim === "cost" && spec.cost === "reciprocal") return reciprocal(values, spec, scan, params);
  const warnings = scan.max === scan.min ? [constantWarning(midpoint(spec.range))] : [];
  const affine = affineForm(spec, scan);
  if (affine) return { affine, params, warnings };
  // A span so small (denormal) that width / span overflows: divide first instead.
  const { min, max } = scan;
  const [lo, hi] = spec.range;
  const width = hi - lo;
  const span = max - min;
  const benefit = spec.aim === "benefit";
  const out = new Float64Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const x = values[i]!;
    out[i] = ((benefit ? x - min : max - x) / span) * width + lo;
  }
  return { values: out, params, warnings };
}

/** Min-max of 1/x: ((1/x - 1/max) / (1/min - 1/max)) mapped onto the range. */
function reciprocal(
  values: Float64Array,
  spec: ResolvedOf<"minmax">,
  scan: ColumnScan,
  params: KernelOutput["params"],
): KernelOutput {
  if (scan.min <= 0)
    fail(
      "nonpositive_value",
      "values",
      `the reciprocal cost transform 1/x needs positive values; the smallest is ${scan.min}`,
    );
  const min = 1 / scan.max;
  const max = 1 / scan.min;
  if (!Number.isFinite(max))
    fail(
      "value_out_of_range",
      "values",
      `the reciprocal cost transform 1/x overflows for the smallest value ${scan.min}; rescale the values`,
    );
  if (max === min) {
    const mid = midpoint(spec.range);
    return { values: fillPresent(values, mid), params, warnings: [constantWarning(mid)] };
  }
  const [lo, hi] = spec.range;
  const width = hi - lo;
  const span = max - min;
  const out = new Float64Array(values.length);
  for (let i = 0; i < values.length; i++) out[i] = ((1 / values[i]! - min) / span) * width + lo;
  return { values: out, params, warnings: [] };
}
