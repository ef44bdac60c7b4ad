import type { ResolvedOf } from "../resolve-normalize.js";
import type { ColumnScan } from "../scan.js";
import { aligned, constantWarning, fillPresent, type KernelOutput, minMaxOf } from "./shared.js";

/**
 * Distance to the maximum (COINr `n_dist2max`) on the direction-aligned value y:
 * 1 - (max y - y)/(max y - min y), so the best unit scores 1 and the worst 0. A constant column
 * gives 0.5 and a `constant_column` warning.
 * @internal
 */
export function distanceToMax(
  values: Float64Array,
  spec: ResolvedOf<"distance-to-max">,
  scan: ColumnScan,
): KernelOutput {
  const y = aligned(values, spec.aim);
  const [ymin, ymax] = spec.aim === "benefit" ? [scan.min, scan.max] : minMaxOf(y);
  if (ymin === ymax)
    return { values: fillPresent(values, 0.5), params: {}, warnings: [constantWarning(0.5)] };
  const span = ymax - ymin;
  const out = new Float64Array(y.length);
  for (let i = 0; i < y.length; i++) out[i] = 1 - (ymax - y[i]!) / span;
  return { values: out, params: {}, warnings: [] };
}
