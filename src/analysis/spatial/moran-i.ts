import { createRandom } from "../../internal/random.js";
import { centred, crossProduct, foldedPseudoP, permutationOptions } from "./check-weights.js";
import { twoSidedNormalP } from "./normal-tail.js";
import type { SpatialWeights } from "./types.js";

/** Options of {@link moranI}. */
export interface MoranIOptions {
  /** Number of random permutations for the pseudo p-value (default 999; 0: none). */
  permutations?: number;
  /** Seed of the permutations (an integer, default 1): the same seed gives the same p. */
  seed?: number;
  /** Which analytical moments give `z` and `p`: `"randomization"` (default) or `"normality"`. */
  inference?: "randomization" | "normality";
}

/** z and two-sided p of I under one null hypothesis. */
export interface MoranMoments {
  /** Var[I]. */
  variance: number;
  /** (I - E[I]) / sqrt(Var[I]). */
  z: number;
  /** Two-sided p-value, 2 (1 - Phi(|z|)). */
  p: number;
}

/** Result of {@link moranI}. */
export interface MoranIResult {
  /** Moran's I. */
  I: number;
  /** E[I] = -1 / (n - 1). */
  expected: number;
  /** Number of units (islands included). */
  n: number;
  /** S0 = sum w_ij. */
  S0: number;
  /** S1 = 1/2 sum (w_ij + w_ji)^2. */
  S1: number;
  /** S2 = sum_i (w_i. + w_.i)^2. */
  S2: number;
  /** Sample kurtosis b2 = n sum z^4 / (sum z^2)^2. */
  b2: number;
  /** Moments under normality. */
  normality: MoranMoments;
  /** Moments under randomization (n >= 4). */
  randomization: MoranMoments;
  /** The inference that gives `z` and `p`. */
  inference: "randomization" | "normality";
  /** z of the chosen inference. */
  z: number;
  /** Two-sided p of the chosen inference. */
  p: number;
  /** The permutation test, when permutations > 0: esda's folded pseudo p, and the mean and SD of the simulated I. */
  permutation?: { permutations: number; seed: number; p: number; mean: number; sd: number; z: number };
}

/**
 * Global Moran's I (Moran 1950) of values under spatial weights W, I = (n / S0) sum_ij w_ij z_i z_j /
 * sum_i z_i^2 with z = y - mean, and its moments under normality and under randomization (Cliff & Ord
 * 1981), with z-scores and two-sided p-values, plus a seeded permutation test: R random permutations of
 * the values over the units, pseudo p = (M + 1) / (R + 1) with M the number of simulated I at or above the
 * observed one, folded to R - M when that is smaller (esda's `p_sim`). I > E[I] = -1/(n - 1): similar
 * values cluster; I < E[I]: neighbours differ. Islands (units without neighbours) stay in n, as in esda
 * (spdep: `adjust.n = FALSE`).
 *
 * @param values one value per unit of `weights`, finite, not all equal.
 * @param weights spatial weights over the same units, in the same order.
 * @param opts permutations, seed and inference.
 * @throws IndicatrixError `too_few_units` (n < 4: the randomization variance is undefined), `no_spread`
 *   (constant values), `non_finite_value`, `length_mismatch`, `invalid_option`, `invalid_weights`.
 * @example
 * ```ts
 * const units = ["u0", "u1", "u2", "u3", "u4", "u5", "u6", "u7"];
 * const w = contiguityWeights(units, [[1, 3], [0, 2, 4], [1, 5], [0, 4, 6], [1, 3, 5, 7], [2, 4], [3, 7], [4, 6]]);
 * const m = moranI([8, 7.5, 3.2, 9.1, 6, 2.5, 7.8, 4.4], w);
 * m.I; // => 0.3735755305867667   (spdep moran.test: the same)
 * m.p; // => 0.06591182268366405   (randomization, two-sided)
 * m.permutation?.p; // => 0.035   (999 permutations, seed 1)
 * ```
 */
export function moranI(
  values: ArrayLike<number>,
  weights: SpatialWeights,
  opts: MoranIOptions = {},
): MoranIResult {
  const z = centred(values, weights, "Moran's I", 4);
  const n = z.length;
  const { permutations, seed } = permutationOptions(opts);
  const inference = opts.inference ?? "randomization";
  const { S0, S1, S2 } = weightConstants(weights);
  let m2 = 0;
  let m4 = 0;
  for (const v of z) {
    m2 += v * v;
    m4 += v ** 4;
  }
  const b2 = (n * m4) / (m2 * m2);
  const I = (n / S0) * (crossProduct(z, weights) / m2);
  const E = -1 / (n - 1);
  const varN = (n * n * S1 - n * S2 + 3 * S0 * S0) / ((n * n - 1) * S0 * S0) - E * E;
  const varR =
    (n * ((n * n - 3 * n + 3) * S1 - n * S2 + 3 * S0 * S0) -
      b2 * ((n * n - n) * S1 - 2 * n * S2 + 6 * S0 * S0)) /
      ((n - 1) * (n - 2) * (n - 3) * S0 * S0) -
    E * E;
  const moments = (variance: number): MoranMoments => {
    const zz = (I - E) / Math.sqrt(variance);
    return { variance, z: zz, p: twoSidedNormalP(zz) };
  };
  const normality = moments(varN);
  const randomization = moments(varR);
  const chosen = inference === "normality" ? normality : randomization;
  const out: MoranIResult = {
    I,
    expected: E,
    n,
    S0,
    S1,
    S2,
    b2,
    normality,
    randomization,
    inference,
    z: chosen.z,
    p: chosen.p,
  };
  if (permutations > 0) {
    const rng = createRandom(seed);
    const perm = Float64Array.from(z);
    let larger = 0;
    let sum = 0;
    let sumSq = 0;
    for (let r = 0; r < permutations; r++) {
      for (let i = n - 1; i > 0; i--) {
        const j = rng.int(i + 1);
        const t = perm[i]!;
        perm[i] = perm[j]!;
        perm[j] = t;
      }
      const Ir = (n / S0) * (crossProduct(perm, weights) / m2);
      if (Ir >= I) larger++;
      sum += Ir;
      sumSq += Ir * Ir;
    }
    const mean = sum / permutations;
    const sd = Math.sqrt(Math.max(0, (sumSq - permutations * mean * mean) / (permutations - 1 || 1)));
    out.permutation = {
      permutations,
      seed,
      p: foldedPseudoP(larger, permutations),
      mean,
      sd,
      z: (I - mean) / sd,
    };
  }
  return out;
}

/** S0, S1 and S2 of neighbour-list weights. @internal */
export function weightConstants(w: SpatialWeights): { S0: number; S1: number; S2: number } {
  const n = w.neighbours.length;
  const rows = w.neighbours.map((nb, i) => new Map(nb.map((j, r) => [j, w.weights[i]![r]!])));
  const rowSum = new Float64Array(n);
  const colSum = new Float64Array(n);
  let S0 = 0;
  let twiceS1 = 0;
  for (let i = 0; i < n; i++)
    for (const [j, wij] of rows[i]!) {
      S0 += wij;
      rowSum[i] = rowSum[i]! + wij;
      colSum[j] = colSum[j]! + wij;
      const wji = rows[j]!.get(i);
      twiceS1 += (wij + (wji ?? 0)) ** 2;
      // The ordered pair (j, i) has no entry of its own: count its term here.
      if (wji === undefined) twiceS1 += wij * wij;
    }
  let S2 = 0;
  for (let i = 0; i < n; i++) S2 += (rowSum[i]! + colSum[i]!) ** 2;
  return { S0, S1: twiceS1 / 2, S2 };
}
