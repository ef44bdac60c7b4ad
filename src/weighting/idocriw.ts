import type { MatrixInput } from "../internal/matrix-input.js";
import type { Direction } from "../internal/types.js";
import { cilosWeights } from "./cilos.js";
import { entropyWeights } from "./entropy.js";

/** Options of {@link idocriwWeights}. */
export interface IdocriwOptions {
  /** `"benefit"` (default) or `"cost"` per column, for the CILOS part; the entropy part uses the raw values. */
  directions?: readonly Direction[];
}

/** Result of {@link idocriwWeightsDetailed}. */
export interface IdocriwDetails {
  /** w_j = W_j q_j / Σ W_k q_k, summing to 1. */
  weights: number[];
  /** The entropy weights W of the raw values (sum-normalized proportions, as `entropyWeights` without directions). */
  entropy: number[];
  /** The CILOS weights q. */
  cilos: number[];
}

/**
 * IDOCRIW weights (Integrated Determination of Objective CRIteria Weights; Zavadskas & Podvezko 2016,
 * International Journal of Information Technology & Decision Making 15(2):267-283): the entropy weights W of the raw
 * values times the CILOS weights q, renormalized, w_j = W_j q_j / Σ W_k q_k. Entropy rewards dispersion, CILOS
 * penalizes criteria that lose much when the best units of the others are chosen; their product balances both
 * (as pymcdm's `idocriw_weights`). Values must be non-negative (cost columns positive).
 *
 * @throws {IndicatrixError} the errors of {@link entropyWeights} (raw values) and {@link cilosWeights}.
 * @example
 * ```ts
 * idocriwWeights([[3, 100, 10], [4, 120, 8], [2, 80, 12]], { directions: ["benefit", "cost", "benefit"] })
 *   .map((w) => +w.toFixed(4));
 * // => [0.4839, 0.2581, 0.2581]
 * ```
 */
export function idocriwWeights(data: MatrixInput, opts: IdocriwOptions = {}): number[] {
  return idocriwWeightsDetailed(data, opts).weights;
}

/**
 * {@link idocriwWeights} with its two factors.
 *
 * @throws {IndicatrixError} as {@link idocriwWeights}.
 * @example
 * ```ts
 * idocriwWeightsDetailed([[1, 2], [2, 1], [1.5, 1.5]]).cilos.length;
 * // => 2
 * ```
 */
export function idocriwWeightsDetailed(data: MatrixInput, opts: IdocriwOptions = {}): IdocriwDetails {
  const cilos = cilosWeights(data, opts);
  const entropy = entropyWeights(data);
  const raw = entropy.map((e, j) => e * cilos[j]!);
  const total = raw.reduce((a, b) => a + b, 0);
  const weights = total > 0 ? raw.map((v) => v / total) : raw.map(() => 1 / raw.length);
  return { weights, entropy, cilos };
}
