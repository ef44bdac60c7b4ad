import type { StepRule } from "../indicators/schema.js";
import { assignGrades } from "./assign-grades.js";

/**
 * Step scores (档次赋分): each value is placed among the ascending thresholds (lower-closed by
 * default: a value equal to a threshold reaches its step, as "95% and above: full marks") and given
 * the points of its step; NaN stays NaN. `points` has one more entry than `thresholds`: the points
 * below the first threshold come first. Thresholds are compared exactly (no rounding).
 *
 * @param values - The raw values (NaN = missing).
 * @param rule - Thresholds, points, and the boundary rule.
 * @example
 * ```ts
 * // C4.3: >= 100% 20 points, [90, 100) 16, [80, 90) 12, else 0.
 * stepPoints([93, 100, 79.9], { thresholds: [80, 90, 100], points: [0, 12, 16, 20] }); // => Float64Array [16, 20, 0]
 * ```
 */
export function stepPoints(values: ArrayLike<number>, rule: StepRule): Float64Array {
  const steps = assignGrades(values, rule.thresholds, { closed: rule.closed ?? "lower", precision: null });
  const out = new Float64Array(values.length);
  for (let i = 0; i < out.length; i++) out[i] = steps[i]! < 0 ? Number.NaN : rule.points[steps[i]!]!;
  return out;
}
