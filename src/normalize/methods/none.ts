import type { ResolvedOf } from "../resolve-normalize.js";
import { aligned, type KernelOutput } from "./shared.js";

/**
 * No normalization: the direction-aligned value, x as is (cost: -x; target: minus the distance), for
 * data already on a common scale.
 * @internal
 */
export function none(values: Float64Array, spec: ResolvedOf<"none">): KernelOutput {
  const y = spec.aim === "benefit" ? values.slice() : aligned(values, spec.aim);
  return { values: y, params: {}, warnings: [] };
}
