import { fail } from "../internal/errors.js";
import { type MatrixInput, readMatrix } from "../internal/matrix-input.js";
import { columnRange, requireUnits } from "./data.js";

/** Result of {@link giniWeightsDetailed}. */
export interface GiniDetails {
  /** w_j = G_j / Σ G_k, summing to 1. */
  weights: number[];
  /** Gini coefficient G_j = Σ_i Σ_k |x_ij - x_kj| / (2 m² mean_j) of each column, in [0, 1). */
  gini: number[];
}

/**
 * Gini-coefficient weights: the Gini coefficient of each column, G_j = Σ_i Σ_k |x_ij - x_kj| / (2 m² x̄_j), normalized
 * to sum 1 (as pymcdm's `gini_weights`). Like the coefficient of variation it rewards relative dispersion, but it
 * is bounded and less driven by a few extreme units. Values must be non-negative (the Gini coefficient of a
 * distribution); a constant column gets weight 0. Each column is sorted once: O(m log m) per column, by
 * G = Σ_k (2k - m + 1) x_(k) / (m Σ x) over the sorted values (k = 0..m-1). Reference: Gini, C. (1912) Variabilità
 * e mutabilità; as weights, pymcdm's `gini_weights` (which this matches).
 *
 * @throws {IndicatrixError} `too_few_units`, `invalid_matrix` (naming row and column), `negative_value` (naming row
 *   and column), `all_constant`.
 * @example
 * ```ts
 * giniWeights([[1, 10], [2, 10], [3, 40]]).map((w) => +w.toFixed(4));
 * // => [0.4, 0.6]
 * ```
 */
export function giniWeights(data: MatrixInput): number[] {
  return giniWeightsDetailed(data).weights;
}

/**
 * {@link giniWeights} with each column's Gini coefficient.
 *
 * @throws {IndicatrixError} as {@link giniWeights}.
 * @example
 * ```ts
 * giniWeightsDetailed([[0, 1], [0, 1], [3, 2]]).gini.map((g) => +g.toFixed(4));
 * // => [0.6667, 0.1667]
 * ```
 */
export function giniWeightsDetailed(data: MatrixInput): GiniDetails {
  const { m, cols } = readMatrix(data, "matrix", { finite: false });
  requireUnits(m);
  const gini = cols.map((col, j) => {
    const { min, max, sum } = columnRange(col, j, "matrix");
    if (min < 0) {
      const i = col.findIndex((v) => v < 0);
      fail(
        "negative_value",
        `matrix[${i}][${j}]`,
        `row ${i}, column ${j}: ${col[i]} is negative; the Gini coefficient needs values >= 0`,
      );
    }
    if (!(max > min)) return 0;
    const s = Float64Array.from(col).sort();
    let acc = 0;
    for (let k = 0; k < m; k++) acc += (2 * k - m + 1) * s[k]!;
    return acc / (m * sum);
  });
  let total = 0;
  for (const g of gini) total += g;
  if (!(total > 0))
    fail("all_constant", "matrix", "every column is constant: Gini weights cannot tell the indicators apart");
  return { weights: gini.map((g) => g / total), gini };
}
