import { fail } from "../../internal/errors.js";
import type { SpatialWeights } from "./types.js";

/** Checks values against weights: same length, finite values, n >= min, valid neighbour lists; returns z = y - mean. @internal */
export function centred(
  values: ArrayLike<number>,
  weights: SpatialWeights,
  what: string,
  min: number,
): Float64Array {
  if (values === null || typeof values !== "object" || typeof values.length !== "number")
    fail("invalid_option", ["values"], `${what} needs an array of numbers`);
  const n = values.length;
  if (!weights || !Array.isArray(weights.neighbours) || !Array.isArray(weights.weights))
    fail(
      "invalid_option",
      ["weights"],
      "weights are a SpatialWeights object (knnWeights, contiguityWeights, ...)",
    );
  if (weights.neighbours.length !== n || weights.weights.length !== n)
    fail(
      "length_mismatch",
      ["weights"],
      `there are ${n} values and ${weights.neighbours.length} rows of weights`,
    );
  if (n < min) fail("too_few_units", ["values"], `${what} needs at least ${min} units, got ${n}`);
  for (let i = 0; i < n; i++) {
    const nb = weights.neighbours[i]!;
    const w = weights.weights[i]!;
    if (!Array.isArray(nb) || !Array.isArray(w) || nb.length !== w.length)
      fail("invalid_option", ["weights", "neighbours", i], "each row needs as many weights as neighbours");
    for (let r = 0; r < nb.length; r++) {
      const j = nb[r]!;
      if (!Number.isInteger(j) || j < 0 || j >= n || j === i)
        fail(
          "invalid_option",
          ["weights", "neighbours", i, r],
          `a neighbour index is an integer from 0 to ${n - 1}, not ${i}`,
        );
      if (!Number.isFinite(w[r]!))
        fail("invalid_weights", ["weights", "weights", i, r], "a spatial weight must be finite");
    }
  }
  const z = new Float64Array(n);
  let mean = 0;
  for (let i = 0; i < n; i++) {
    const v = values[i];
    if (typeof v !== "number" || !Number.isFinite(v))
      fail(
        "non_finite_value",
        ["values", i],
        `${what} needs a finite value for unit "${weights.units?.[i] ?? i}"`,
      );
    z[i] = v;
    mean += v;
  }
  mean /= n;
  let ss = 0;
  for (let i = 0; i < n; i++) {
    z[i] = z[i]! - mean;
    ss += z[i]! ** 2;
  }
  if (!(ss > 0)) fail("no_spread", ["values"], `${what} is undefined for constant values`);
  return z;
}

/** sum_i z_i (W z)_i over neighbour lists. @internal */
export function crossProduct(z: ArrayLike<number>, w: SpatialWeights): number {
  let s = 0;
  for (let i = 0; i < z.length; i++) {
    const nb = w.neighbours[i]!;
    const wi = w.weights[i]!;
    let lag = 0;
    for (let r = 0; r < nb.length; r++) lag += wi[r]! * z[nb[r]!]!;
    s += z[i]! * lag;
  }
  return s;
}

/** Checks the permutation options: count (0 = none, default 999) and seed (default 1). @internal */
export function permutationOptions(opts: { permutations?: number; seed?: number }): {
  permutations: number;
  seed: number;
} {
  const permutations = opts.permutations ?? 999;
  if (!Number.isInteger(permutations) || permutations < 0 || permutations > 1e6)
    fail(
      "invalid_option",
      ["opts", "permutations"],
      `permutations is an integer from 0 to 1e6, got ${permutations}`,
    );
  const seed = opts.seed ?? 1;
  return { permutations, seed };
}

/** esda's folded pseudo p-value: M = #{sim >= obs}, replaced by R - M if smaller; (M + 1) / (R + 1). @internal */
export function foldedPseudoP(larger: number, permutations: number): number {
  const m = Math.min(larger, permutations - larger);
  return (m + 1) / (permutations + 1);
}
