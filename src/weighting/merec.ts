import { fail } from "../internal/errors.js";
import { type MatrixInput, readMatrix } from "../internal/matrix-input.js";
import type { Direction } from "../internal/types.js";
import { costFlags } from "./benefit-cost.js";
import { columnRange, requireUnits } from "./data.js";

/** Options of {@link merecWeights}. */
export interface MerecOptions {
  /** `"benefit"` (default) or `"cost"` per column; target and range directions are refused. */
  directions?: readonly Direction[];
  /**
   * Added to every value first (default 0). MEREC takes logarithms of ratios, so every value plus the shift must
   * be > 0: give a small shift (e.g. 0.01) for min-max normalized data, whose minimum is 0.
   */
  shift?: number;
}

/** Result of {@link merecWeightsDetailed}. */
export interface MerecDetails {
  /** w_j = E_j / Σ E_k, summing to 1. */
  weights: number[];
  /** Overall performance S_i = ln(1 + (1/n) Σ_j |ln n_ij|) of each unit (row). */
  performance: number[];
  /** Removal effect E_j = Σ_i |S'_ij - S_i| of each column (0 for a constant column). */
  removalEffect: number[];
  /** The shift that was added. */
  shift: number;
}

/**
 * MEREC weights (Method based on the Removal Effects of Criteria; Keshavarz-Ghorabaee, Amiri, Zavadskas, Turskis &
 * Antucheviciene 2021, Symmetry 13:525): n_ij = min_k x_kj / x_ij for a benefit column and x_ij / max_k x_kj for a
 * cost one, S_i = ln(1 + (1/n) Σ_j |ln n_ij|), S'_ij the same with column j removed (still divided by n, as the
 * paper), E_j = Σ_i |S'_ij - S_i| and w_j = E_j / Σ E_k. A criterion weighs more when removing it changes the
 * units' overall performance more. A constant column gets weight 0. Two passes over the data, O(m n).
 *
 * @throws {IndicatrixError} `too_few_units`, `invalid_matrix` (ragged or non-finite, naming row and column),
 *   `nonpositive_value` (a value + shift <= 0, naming row and column), `unsupported_direction`, `invalid_option`,
 *   `all_constant`.
 * @example
 * ```ts
 * merecWeights([[250, 16, 12], [200, 16, 8], [300, 32, 16]], { directions: ["cost", "benefit", "benefit"] })
 *   .map((w) => +w.toFixed(4));
 * // => [0.2783, 0.2676, 0.4541]
 * ```
 */
export function merecWeights(data: MatrixInput, opts: MerecOptions = {}): number[] {
  return merecWeightsDetailed(data, opts).weights;
}

/**
 * {@link merecWeights} with the units' overall performance S_i and the removal effects E_j.
 *
 * @throws {IndicatrixError} as {@link merecWeights}.
 * @example
 * ```ts
 * merecWeightsDetailed([[1, 5], [2, 5]]).removalEffect[1];
 * // => 0
 * ```
 */
export function merecWeightsDetailed(data: MatrixInput, opts: MerecOptions = {}): MerecDetails {
  const { m, n, cols } = readMatrix(data, "matrix", { finite: false });
  requireUnits(m);
  const cost = costFlags(opts.directions, n, "MEREC");
  const shift = opts.shift ?? 0;
  if (typeof shift !== "number" || !Number.isFinite(shift) || shift < 0)
    fail("invalid_option", "opts.shift", `expected a finite number >= 0, got ${String(shift)}`);
  // Pass 1: L_i = Σ_j |ln n_ij|, with |ln n_ij| = ln(x + s) - ln(min + s) (benefit) or ln(max + s) - ln(x + s) (cost).
  const L = new Float64Array(m);
  const offset = new Float64Array(n);
  const live: boolean[] = [];
  for (let j = 0; j < n; j++) {
    const col = cols[j]!;
    const { min, max } = columnRange(col, j, "matrix");
    if (!(min + shift > 0)) {
      const i = col.findIndex((v) => !(v + shift > 0));
      fail(
        "nonpositive_value",
        `matrix[${i}][${j}]`,
        `row ${i}, column ${j}: ${col[i]}${shift ? ` + shift ${shift}` : ""} is not > 0; MEREC takes logarithms of ratios (give opts.shift for data with zeros)`,
      );
    }
    live.push(max > min);
    if (!(max > min)) continue;
    const c = Math.log((cost[j] ? max : min) + shift);
    offset[j] = c;
    if (cost[j]) for (let i = 0; i < m; i++) L[i] = L[i]! + (c - Math.log(col[i]! + shift));
    else for (let i = 0; i < m; i++) L[i] = L[i]! + (Math.log(col[i]! + shift) - c);
  }
  if (!live.some(Boolean))
    fail("all_constant", "matrix", "every column is constant: MEREC cannot tell the criteria apart");
  const S = new Float64Array(m);
  for (let i = 0; i < m; i++) S[i] = Math.log1p(L[i]! / n);
  // Pass 2: E_j = Σ_i (S_i - ln(1 + (L_i - |ln n_ij|)/n)); every term is >= 0.
  const E = new Array<number>(n).fill(0);
  const invN = 1 / n;
  for (let j = 0; j < n; j++) {
    if (!live[j]) continue;
    const col = cols[j]!;
    const c = offset[j]!;
    const sign = cost[j] ? -1 : 1;
    let e = 0;
    for (let i = 0; i < m; i++) {
      const a = sign * (Math.log(col[i]! + shift) - c);
      e += S[i]! - Math.log1p((L[i]! - a) * invN);
    }
    E[j] = e;
  }
  let total = 0;
  for (const e of E) total += e;
  if (!(total > 0)) fail("degenerate_weights", "matrix", "every removal effect E_j is 0");
  return { weights: E.map((e) => e / total), performance: Array.from(S), removalEffect: E, shift };
}
