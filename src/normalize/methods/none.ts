import type { ResolvedOf } from "../resolve-normalize.js";
import { aligned, type KernelOutput } from "./shared.js";

/**
 * No normalization: the direction-aligned value, x as is (cost: -x; target: minus the distance), for
 * data already on a common scale.
 * @internal
 */
export function none(values: ArrayLike<number>, spec: ResolvedOf<"none">): KernelOutput {
  const y = spec.aim === "benefit" ? Float64Array.from(values) : aligned(values, spec.aim);
  return { values: y, params: {}, warnings: [] };
}
