import { fail } from "../internal/errors.js";
import type { MissingPolicy } from "../internal/specs.js";

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

/**
 * Checks that `children` is a non-empty array of columns of one length and returns that length
 * (the number of units).
 * @throws IndicatrixError `invalid_children`, `length_mismatch`.
 * @internal
 */
export function checkChildren(children: readonly ArrayLike<number>[]): number {
  if (!Array.isArray(children) || children.length === 0)
    fail("invalid_children", "children", "expected a non-empty array of columns (one per child)");
  let m = 0;
  for (const [j, c] of (children as readonly unknown[]).entries()) {
    if (c === null || typeof c !== "object" || !("length" in c) || typeof c.length !== "number")
      fail("invalid_children", `children[${j}]`, "expected an array or typed array of numbers");
    if (j === 0) m = c.length;
    else if (c.length !== m)
      fail("length_mismatch", `children[${j}]`, `child ${j} has ${c.length} units, child 0 has ${m}`);
  }
  return m;
}

const POLICIES: readonly MissingPolicy[] = ["skip", "error", "mean", "median", "zero"];

/**
 * Checks the options of `aggregate` and fills their defaults (`missing: "skip"`, `minCoverage: 0`).
 * @throws IndicatrixError `invalid_option`.
 * @internal
 */
export function checkOptions(opts: { missing?: MissingPolicy; minCoverage?: number }): {
  missing: MissingPolicy;
  minCoverage: number;
} {
  if (opts === null || typeof opts !== "object") fail("invalid_option", "opts", "expected an options object");
  const missing = opts.missing ?? "skip";
  if (!POLICIES.includes(missing))
    fail(
      "invalid_option",
      "opts.missing",
      `missing must be one of ${POLICIES.join(", ")}, got ${JSON.stringify(missing)}`,
    );
  const minCoverage = opts.minCoverage ?? 0;
  if (typeof minCoverage !== "number" || !(minCoverage >= 0 && minCoverage <= 1))
    fail(
      "invalid_option",
      "opts.minCoverage",
      `minCoverage must be a number in [0, 1], got ${JSON.stringify(minCoverage)}`,
    );
  return { missing, minCoverage };
}
