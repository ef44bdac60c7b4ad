import { fail } from "../../internal/errors.js";
import { createRandom } from "../../internal/random.js";
import { centred, foldedPseudoP, permutationOptions } from "./check-weights.js";
import { twoSidedNormalP } from "./normal-tail.js";
import type { SpatialWeights } from "./types.js";

/** A quadrant of the Moran scatter plot: the unit's value (H/L) and its neighbours' (H/L). */
export type LisaQuadrant = "HH" | "LH" | "LL" | "HL";

/** Options of {@link localMoran}. */
export interface LocalMoranOptions {
  /** Number of conditional permutations per unit (default 999; 0: none, p from the normal approximation). */
  permutations?: number;
  /** Seed of the permutations (an integer, default 1). */
  seed?: number;
  /** `"anselin"` (default): I_i = z_i (Wz)_i with z standardized by the population SD; `"esda"`: times (n - 1) / n, as esda reports. */
  scale?: "anselin" | "esda";
  /** Significance level of `significant` and `cluster` (default 0.05). */
  alpha?: number;
}

/** Result of {@link localMoran}. */
export interface LocalMoranResult {
  /** Unit ids, in order. */
  units: string[];
  /** Local Moran's I_i. */
  I: Float64Array;
  /** Standardized values z_i = (y_i - mean) / SD (population SD). */
  z: Float64Array;
  /** Spatial lag of z, (Wz)_i. */
  lag: Float64Array;
  /** E[I_i] = -w_i / (n - 1) under total randomization (Anselin form, also with `scale: "esda"`, as esda). */
  expected: Float64Array;
  /** Var[I_i] under total randomization (Anselin 1995 eq. 13-14, Anselin form). */
  variance: Float64Array;
  /** (I_i - E[I_i]) / sqrt(Var[I_i]) in the Anselin form (NaN for an island). */
  zScore: Float64Array;
  /** Two-sided normal p-value of `zScore`. */
  pNormal: Float64Array;
  /** Folded pseudo p-value of the conditional permutation test (when permutations > 0). */
  pSim?: Float64Array;
  /** Quadrant of each unit: HH (z > 0, lag > 0), LH (z <= 0, lag > 0), LL (z <= 0, lag <= 0), HL (z > 0, lag <= 0). */
  quadrant: LisaQuadrant[];
  /** p <= alpha (pSim with permutations, pNormal without). */
  significant: boolean[];
  /** Significant after the Benjamini-Hochberg false discovery rate correction at alpha. */
  significantFdr: boolean[];
  /** The cluster map class: the quadrant when significant, else `"ns"`. */
  cluster: (LisaQuadrant | "ns")[];
  /** Every option that ran. */
  options: { permutations: number; seed: number; scale: "anselin" | "esda"; alpha: number };
}

/**
 * Local Moran's I (LISA; Anselin 1995) per unit: I_i = z_i sum_j w_ij z_j with z standardized by the
 * population SD (so sum_i I_i = n I under row-standardized weights; spdep `localmoran`, GeoDa), or esda's
 * scale (n - 1)/n with `scale: "esda"`. Each unit gets its Moran scatter plot quadrant (HH hot spot,
 * LL cold spot, HL and LH outliers; esda's strict `> 0`, so 0 counts as low), the moments under total
 * randomization with a normal p, and a conditional permutation test: z_i held fixed, its neighbours'
 * values drawn at random without replacement from the other n - 1 units, R times; the pseudo p is
 * folded as esda's `p_sim` ((M + 1) / (R + 1), M the number of simulated I_i at or above the observed,
 * or R - M if smaller). Units significant at alpha (and after a Benjamini-Hochberg FDR correction)
 * are labelled in `cluster`; the others are "ns".
 *
 * Cost: O(R x number of neighbour pairs).
 *
 * @param values one value per unit of `weights`, finite, not all equal.
 * @param weights spatial weights over the same units, in the same order.
 * @param opts permutations, seed, scale and alpha.
 * @throws IndicatrixError `too_few_units` (n < 3), `no_spread`, `non_finite_value`, `length_mismatch`,
 *   `invalid_option`.
 * @example
 * ```ts
 * const units = ["u0", "u1", "u2", "u3", "u4", "u5", "u6", "u7"];
 * const w = contiguityWeights(units, [[1, 3], [0, 2, 4], [1, 5], [0, 4, 6], [1, 3, 5, 7], [2, 4], [3, 7], [4, 6]]);
 * const lisa = localMoran([8, 7.5, 3.2, 9.1, 6, 2.5, 7.8, 4.4], w);
 * lisa.quadrant; // => ["HH", "HL", "LL", "HH", "LL", "LL", "HH", "LH"]
 * lisa.cluster; // => ["ns", "ns", "ns", "HH", "ns", "ns", "ns", "ns"]   (999 permutations, seed 1)
 * ```
 */
export function localMoran(
  values: ArrayLike<number>,
  weights: SpatialWeights,
  opts: LocalMoranOptions = {},
): LocalMoranResult {
  const z = centred(values, weights, "local Moran's I", 3);
  const n = z.length;
  const { permutations, seed } = permutationOptions(opts);
  const scale = opts.scale ?? "anselin";
  if (scale !== "anselin" && scale !== "esda")
    fail("invalid_option", ["opts", "scale"], `scale is "anselin" or "esda", got ${JSON.stringify(scale)}`);
  const alpha = opts.alpha ?? 0.05;
  if (!(alpha > 0 && alpha < 1))
    fail("invalid_option", ["opts", "alpha"], `alpha is in (0, 1), got ${alpha}`);
  let m2 = 0;
  let m4 = 0;
  for (const v of z) {
    m2 += v * v;
    m4 += v ** 4;
  }
  m2 /= n;
  m4 /= n;
  const b2 = m4 / (m2 * m2);
  const sd = Math.sqrt(m2);
  for (let i = 0; i < n; i++) z[i] = z[i]! / sd;
  const factor = scale === "esda" ? (n - 1) / n : 1;
  const I = new Float64Array(n);
  const lag = new Float64Array(n);
  const expected = new Float64Array(n);
  const variance = new Float64Array(n);
  const zScore = new Float64Array(n);
  const pNormal = new Float64Array(n);
  const quadrant: LisaQuadrant[] = [];
  for (let i = 0; i < n; i++) {
    const nb = weights.neighbours[i]!;
    const w = weights.weights[i]!;
    let l = 0;
    let wi = 0;
    let wi2 = 0;
    for (let r = 0; r < nb.length; r++) {
      l += w[r]! * z[nb[r]!]!;
      wi += w[r]!;
      wi2 += w[r]! ** 2;
    }
    lag[i] = l;
    I[i] = factor * z[i]! * l;
    const e = -wi / (n - 1);
    expected[i] = e;
    variance[i] = (wi2 * (n - b2)) / (n - 1) + ((wi * wi - wi2) * (2 * b2 - n)) / ((n - 1) * (n - 2)) - e * e;
    zScore[i] = variance[i]! > 0 ? (z[i]! * l - e) / Math.sqrt(variance[i]!) : Number.NaN;
    pNormal[i] = twoSidedNormalP(zScore[i]!);
    quadrant.push(z[i]! > 0 ? (l > 0 ? "HH" : "HL") : l > 0 ? "LH" : "LL");
  }
  let pSim: Float64Array | undefined;
  if (permutations > 0) {
    pSim = new Float64Array(n);
    const rng = createRandom(seed);
    // A permutation of 0..n-2; index q >= i stands for unit q + 1, so unit i itself is never drawn.
    const pool = Int32Array.from({ length: n - 1 }, (_, q) => q);
    for (let i = 0; i < n; i++) {
      const nb = weights.neighbours[i]!;
      const w = weights.weights[i]!;
      const k = nb.length;
      if (k === 0) {
        pSim[i] = Number.NaN;
        continue;
      }
      const obs = z[i]! * lag[i]!;
      let larger = 0;
      for (let r = 0; r < permutations; r++) {
        let l = 0;
        for (let s = 0; s < k; s++) {
          const t = s + rng.int(n - 1 - s);
          const q = pool[t]!;
          pool[t] = pool[s]!;
          pool[s] = q;
          l += w[s]! * z[q >= i ? q + 1 : q]!;
        }
        if (z[i]! * l >= obs) larger++;
      }
      pSim[i] = foldedPseudoP(larger, permutations);
    }
  }
  const p = pSim ?? pNormal;
  const significant = Array.from(p, (v) => v <= alpha);
  const significantFdr = benjaminiHochberg(p, alpha);
  return {
    units: [...weights.units],
    I,
    z,
    lag,
    expected,
    variance,
    zScore,
    pNormal,
    ...(pSim ? { pSim } : {}),
    quadrant,
    significant,
    significantFdr,
    cluster: quadrant.map((q, i) => (significant[i] ? q : "ns")),
    options: { permutations, seed, scale, alpha },
  };
}

/** Benjamini-Hochberg: reject the m smallest p with p_(m) <= m alpha / n (NaN never rejected). */
function benjaminiHochberg(p: ArrayLike<number>, alpha: number): boolean[] {
  const idx = Array.from(p, (_, i) => i).filter((i) => !Number.isNaN(p[i]!));
  idx.sort((a, b) => p[a]! - p[b]!);
  const n = p.length;
  let cut = -1;
  idx.forEach((i, r) => {
    if (p[i]! <= ((r + 1) * alpha) / n) cut = r;
  });
  const out = new Array<boolean>(n).fill(false);
  for (let r = 0; r <= cut; r++) out[idx[r]!] = true;
  return out;
}
