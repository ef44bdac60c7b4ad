import { inverse, LuDecomposition, Matrix } from "ml-matrix";
import { fail } from "../internal/errors.js";

/** Result of {@link kmo}. */
export interface KmoResult {
  /** Overall Kaiser-Meyer-Olkin measure of sampling adequacy. */
  overall: number;
  /** MSA of each variable (KMO_j). */
  perVariable: number[];
  /** Kaiser's label of the overall value: marvelous (≥ 0.9), meritorious, middling, mediocre, miserable, unacceptable (< 0.5). */
  label: "marvelous" | "meritorious" | "middling" | "mediocre" | "miserable" | "unacceptable";
}

/**
 * The Kaiser-Meyer-Olkin measure of sampling adequacy of a correlation matrix R (Kaiser 1970; Kaiser &
 * Rice 1974), as R's `psych::KMO`: with the partial correlations a_jk = -(R⁻¹)_jk / sqrt((R⁻¹)_jj (R⁻¹)_kk),
 * KMO = Σ_{j≠k} r²_jk / (Σ_{j≠k} r²_jk + Σ_{j≠k} a²_jk), and per variable the same sums over k ≠ j.
 * Values near 1 mean the correlations are explained by common factors; below 0.5 factor analysis is not
 * advised. Read it together with {@link bartlettSphericity}; {@link pca} reports both.
 *
 * @param r - a correlation matrix (symmetric, unit diagonal).
 * @throws {IndicatrixError} `matrix_not_square`, `singular_correlation` (|R| ≤ 0: fewer units than variables or an exact linear relation).
 * @example
 * ```ts
 * +kmo([[1, 0.5, 0.4], [0.5, 1, 0.3], [0.4, 0.3, 1]]).overall.toFixed(4); // => 0.6279
 * ```
 */
export function kmo(r: readonly (readonly number[])[]): KmoResult {
  const n = checkSquare(r);
  const inv = invertCorrelation(r, n);
  const rs = new Array<number>(n).fill(0);
  const as = new Array<number>(n).fill(0);
  for (let j = 0; j < n; j++)
    for (let k = 0; k < n; k++) {
      if (j === k) continue;
      const a = -inv.get(j, k) / Math.sqrt(inv.get(j, j) * inv.get(k, k));
      rs[j] = (rs[j] as number) + (r[j]?.[k] as number) ** 2;
      as[j] = (as[j] as number) + a * a;
    }
  const sr = rs.reduce((x, y) => x + y, 0);
  const sa = as.reduce((x, y) => x + y, 0);
  const overall = sr / (sr + sa);
  const label =
    overall >= 0.9
      ? "marvelous"
      : overall >= 0.8
        ? "meritorious"
        : overall >= 0.7
          ? "middling"
          : overall >= 0.6
            ? "mediocre"
            : overall >= 0.5
              ? "miserable"
              : "unacceptable";
  return { overall, perVariable: rs.map((x, j) => x / (x + (as[j] as number))), label };
}

/** Size of a square numeric matrix. @internal */
export function checkSquare(r: readonly (readonly number[])[], name = "r"): number {
  const n = r.length;
  if (n === 0) fail("matrix_not_square", [name], "expected a non-empty square matrix");
  r.forEach((row, j) => {
    if (!Array.isArray(row) || row.length !== n)
      fail("matrix_not_square", [name, j], `expected ${n} entries (a square matrix), got ${row?.length}`);
    row.forEach((v, k) => {
      if (typeof v !== "number" || !Number.isFinite(v))
        fail("invalid_matrix", [name, j, k], `expected a finite number, got ${String(v)}`);
    });
  });
  return n;
}

/** R⁻¹, or `singular_correlation` when |R| ≤ 0 (relative to the scale of R). @internal */
export function invertCorrelation(r: readonly (readonly number[])[], n: number): Matrix {
  const M = new Matrix(r.map((row) => [...row]));
  const det = new LuDecomposition(M).determinant;
  if (!(det > 1e-12))
    fail(
      "singular_correlation",
      ["r"],
      `the ${n} x ${n} correlation matrix is singular (determinant ${det.toExponential(3)}): fewer units than variables or an exact linear relation`,
    );
  return inverse(M);
}
