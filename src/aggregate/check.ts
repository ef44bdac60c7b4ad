import { fail } from "../internal/errors.js";

/**
 * Checks that `weights` has `k` entries, each finite and non-negative, not all zero.
 * @throws IndicatrixError `invalid_weights`, naming the entry at fault.
 * @internal
 */
export function checkWeights(weights: readonly number[], k: number, name = "weights"): void {
  if (!Array.isArray(weights) && !ArrayBuffer.isView(weights))
    fail("invalid_weights", name, "expected an array of numbers");
  if (weights.length !== k)
    fail("invalid_weights", name, `expected ${k} weights (one per child), got ${weights.length}`);
  let total = 0;
  for (let j = 0; j < k; j++) {
    const w = weights[j];
    if (typeof w !== "number" || !Number.isFinite(w))
      fail("invalid_weights", `${name}[${j}]`, `weight ${j} must be a finite number, got ${String(w)}`);
    if (w < 0) fail("invalid_weights", `${name}[${j}]`, `weight ${j} must be non-negative, got ${w}`);
    total += w;
  }
  if (!(total > 0)) fail("invalid_weights", name, "at least one weight must be positive (all are zero)");
}
