import type { VariableWeights } from "../indicators/model-types.js";
import { fail } from "../internal/errors.js";

/** The floor of a child score inside the state variable weight S (DOMAIN C7.1): 0.001. */
export const VARIABLE_WEIGHT_FLOOR = 1e-3;

/** State variable weights with every default filled in: the one reading of a `variableWeights` spec. */
export type ResolvedVariableWeights =
  | { form: "power"; alpha: number; floor: number }
  | { form: "exponential"; beta: number; floor: number };

/**
 * Checks a `variableWeights` spec and fills in its defaults (form `power`, floor 0.001). There is no
 * agreed default exponent (DOMAIN C7.1), so `alpha` (power) or `beta` (exponential) must be given.
 *
 * @param spec - the spec as written in a profile.
 * @param path - where the spec is, for the error.
 * @throws IndicatrixError `alpha_required` (no `alpha` for the power form, no `beta` for the
 *   exponential form), `invalid_option` (alpha not positive, beta or floor not finite / positive).
 * @example
 * ```ts
 * resolveVariableWeights({ alpha: 0.5 }); // => { form: "power", alpha: 0.5, floor: 0.001 }
 * ```
 */
export function resolveVariableWeights(
  spec: VariableWeights,
  path = "variableWeights",
): ResolvedVariableWeights {
  const floor = spec.floor ?? VARIABLE_WEIGHT_FLOOR;
  if (!(Number.isFinite(floor) && floor > 0))
    fail("invalid_option", `${path}.floor`, `expected a positive number, got ${floor}`);
  if ((spec.form ?? "power") === "power") {
    if (spec.alpha === undefined)
      fail(
        "alpha_required",
        `${path}.alpha`,
        "the power form needs alpha (0 < alpha < 1 penalizes low values; 1 = fixed weights)",
      );
    if (!(Number.isFinite(spec.alpha) && spec.alpha > 0))
      fail("invalid_option", `${path}.alpha`, `expected a positive number, got ${spec.alpha}`);
    return { form: "power", alpha: spec.alpha, floor };
  }
  if (spec.beta === undefined)
    fail("alpha_required", `${path}.beta`, "the exponential form needs beta (beta > 0 penalizes low values)");
  if (!Number.isFinite(spec.beta))
    fail("invalid_option", `${path}.beta`, `expected a finite number, got ${spec.beta}`);
  return { form: "exponential", beta: spec.beta, floor };
}

/**
 * The state variable weight factor S(x) of one child score (floored first): x^(alpha - 1) or exp(-beta x).
 * @internal
 */
export function stateFactor(r: ResolvedVariableWeights, x: number): number {
  const v = Math.max(x, r.floor);
  return r.form === "power" ? v ** (r.alpha - 1) : Math.exp(-r.beta * v);
}

/** What {@link variableWeights} returns for one unit. */
export interface VariableWeightsResult {
  /** w_j(x) = w_j S(x_j) / sum_k w_k S(x_k) over the present children; 0 for a missing (NaN) child. */
  weights: number[];
  /** The unit's score V(x) = sum_j w_j(x) x_j (NaN when no child is present). */
  score: number;
  /** Indexes of the children whose score was below the floor and entered S at the floor. */
  floored: number[];
}

/**
 * State variable weights of one unit (变权; 汪培庄 1985, DOMAIN C7.1): constant weights w⁰ modulated by
 * the unit's own child scores x, w_j(x) = w⁰_j S(x_j) / sum_k w⁰_k S(x_k), and the score V(x) = sum_j
 * w_j(x) x_j. The power form S(x) = x^(alpha - 1) (default) penalizes low values for 0 < alpha < 1 (a
 * very weak child pulls the score down more than under fixed weights), gives the fixed weights at
 * alpha = 1 and rewards high values for alpha > 1; the exponential form S(x) = exp(-beta x) penalizes
 * for beta > 0. A child score below `floor` (default 0.001) enters S at the floor, so a zero gives a
 * large finite factor, never Infinity; the score itself uses the unfloored value. A missing (NaN)
 * child takes no part and the others are re-normalized. Use it where balance matters (a deficiency
 * should not be compensated); use fixed weights when full compensation is intended.
 *
 * @param w0 - the constant weights (non-negative; need not sum to 1).
 * @param x - the unit's child scores, non-negative (normalized to [0, 1] typically); NaN = missing.
 * @param spec - form and exponent (see {@link resolveVariableWeights}).
 * @throws IndicatrixError `alpha_required`, `invalid_option`; `length_mismatch` when w0 and x differ in
 *   length; `negative_value` for a negative score.
 * @example
 * ```ts
 * variableWeights([0.4, 0.35, 0.25], [0.9, 0.3, 0.7], { alpha: 0.5 }).score;
 * // => 0.574010832247 (DOMAIN C7.1; constant weights give 0.64)
 * ```
 */
export function variableWeights(
  w0: readonly number[],
  x: readonly number[],
  spec: VariableWeights,
): VariableWeightsResult {
  const r = resolveVariableWeights(spec, "spec");
  if (w0.length !== x.length)
    fail("length_mismatch", "x", `expected ${w0.length} scores (one per weight), got ${x.length}`);
  const weights = new Array<number>(w0.length).fill(0);
  const floored: number[] = [];
  let total = 0;
  for (let j = 0; j < x.length; j++) {
    const v = x[j]!;
    if (Number.isNaN(v)) continue;
    if (v < 0) fail("negative_value", ["x", j], `state variable weights need non-negative scores, got ${v}`);
    if (v < r.floor) floored.push(j);
    const w = w0[j]! * stateFactor(r, v);
    weights[j] = w;
    total += w;
  }
  let score = 0;
  for (let j = 0; j < x.length; j++) {
    weights[j] = total > 0 ? weights[j]! / total : 0;
    if (weights[j]! > 0) score += weights[j]! * x[j]!;
  }
  return { weights, score: total > 0 ? score : Number.NaN, floored };
}
