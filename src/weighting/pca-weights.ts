import { correlationOf, eigenSymmetric } from "../internal/eigen-symmetric.js";
import { fail } from "../internal/errors.js";
import { type MatrixInput, readMatrix } from "../internal/matrix-input.js";
import { requireUnits } from "./data.js";

/** Options of {@link pcaWeights}. */
export interface PcaWeightsOptions {
  /**
   * `first` (default): w = u_1 / Σ u_1, the first eigenvector of the correlation matrix (COINr's `get_PCA` weights,
   * normalized as its aggregation does); `square`: w_j = u²_j1 (sums to 1); `variance`: w ∝ Σ_{k≤K} (λ_k / Σ λ) u_jk
   * over the components with λ > 1 (Kaiser).
   */
  variant?: "first" | "square" | "variance" | undefined;
}

/**
 * PCA weights: the weights of the indicators in the first principal component of their correlation matrix
 * (COINr `get_PCA`, which takes `prcomp(..., scale = TRUE)$rotation[, 1]`), the eigenvector signed so its
 * entries sum > 0 and divided by its sum. Indicators that move together with the others get more weight; an
 * indicator on its own gets little. A first component with mixed signs gives no meaningful weights: that is
 * the error `negative_weight` (COINr's help warns of it); use `variant: "square"` or another method then.
 * For the full analysis (loadings, KMO, scores) use `pca` from the build module.
 * Reference: OECD/JRC (2008) Handbook on Constructing Composite Indicators, section 6.1; COINr 1.1.14 `get_PCA`.
 *
 * @param data - rows = units, columns = indicators (complete: no missing values), or `{ columns }`.
 * @param opts - the variant.
 * @throws {IndicatrixError} `invalid_matrix`, `too_few_units`, `constant_column` (a column without spread),
 *   `negative_weight` (the component has entries of both signs), `invalid_option`.
 * @example
 * ```ts
 * pcaWeights([[1, 2, 1], [2, 3, 3], [3, 5, 2], [4, 4, 5], [5, 6, 4]]).map((w) => +w.toFixed(4));
 * // => [0.3654, 0.3265, 0.3081]
 * ```
 */
export function pcaWeights(data: MatrixInput, opts: PcaWeightsOptions = {}): number[] {
  const variant = opts.variant ?? "first";
  if (!["first", "square", "variance"].includes(variant))
    fail(
      "invalid_option",
      ["opts", "variant"],
      `expected "first", "square" or "variance", got ${String(variant)}`,
    );
  const { m, n, cols } = readMatrix(data, "matrix");
  requireUnits(m);
  if (n === 1) return [1];
  cols.forEach((c, j) => {
    let lo = Number.POSITIVE_INFINITY;
    let hi = Number.NEGATIVE_INFINITY;
    for (const v of c) {
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
    if (!(hi > lo))
      fail(
        "constant_column",
        ["matrix", "columns", j],
        `column ${j} is constant: its correlations are undefined`,
      );
  });
  const { values, vectors } = eigenSymmetric(correlationOf(cols));
  const u1 = vectors[0] as number[];
  if (variant === "square") return u1.map((x) => x * x);
  let v = u1;
  if (variant === "variance") {
    const K = Math.max(1, values.filter((l) => l > 1).length);
    const lam = values.slice(0, K);
    const total = lam.reduce((s, l) => s + l, 0);
    v = u1.map((_, j) =>
      vectors.slice(0, K).reduce((s, u, k) => s + ((lam[k] as number) / total) * (u[j] as number), 0),
    );
  }
  const neg = v.findIndex((x) => x < 0);
  if (neg >= 0)
    fail(
      "negative_weight",
      ["matrix", "columns", neg],
      `the ${variant === "variance" ? "variance-weighted components have" : "first principal component has"} entries of both signs (column ${neg}: ${v[neg]?.toFixed(4)}), so they are not weights; use variant "square" or another method`,
    );
  const total = v.reduce((s, x) => s + x, 0);
  return v.map((x) => x / total);
}
