import { LuDecomposition, Matrix } from "ml-matrix";
import { chiSquareSurvival } from "../internal/chi-square.js";
import { fail } from "../internal/errors.js";
import { checkSquare } from "./kmo.js";

/** Result of {@link bartlettSphericity}. */
export interface BartlettResult {
  /** χ² = -(m - 1 - (2n + 5) / 6) ln |R|. */
  chi2: number;
  /** Degrees of freedom n (n - 1) / 2. */
  df: number;
  /** P(χ²_df ≥ χ²); below 0.05 rejects that R is the identity. */
  p: number;
  /** The determinant |R|. */
  determinant: number;
}

/**
 * Bartlett's test of sphericity (Bartlett 1950), as R's `psych::cortest.bartlett`: whether the correlation
 * matrix R of n variables over m units differs from the identity. χ² = -(m - 1 - (2n + 5) / 6) ln |R| on
 * n (n - 1) / 2 degrees of freedom. A small p says the variables share enough correlation for PCA or factor
 * analysis; read it with {@link kmo}.
 *
 * @param r - a correlation matrix.
 * @param m - the number of units the correlations were computed on.
 * @throws {IndicatrixError} `matrix_not_square`, `invalid_option` (m not a whole number > 1), `singular_correlation` (|R| ≤ 0).
 * @example
 * ```ts
 * +bartlettSphericity([[1, 0.5], [0.5, 1]], 30).chi2.toFixed(4); // => 7.9113
 * ```
 */
export function bartlettSphericity(r: readonly (readonly number[])[], m: number): BartlettResult {
  const n = checkSquare(r);
  if (!Number.isInteger(m) || m < 2)
    fail("invalid_option", ["m"], `expected the number of units (a whole number >= 2), got ${String(m)}`);
  const determinant = new LuDecomposition(new Matrix(r.map((row) => [...row]))).determinant;
  if (!(determinant > 1e-12))
    fail(
      "singular_correlation",
      ["r"],
      `the ${n} x ${n} correlation matrix is singular (determinant ${determinant.toExponential(3)}): fewer units than variables or an exact linear relation`,
    );
  const chi2 = -(m - 1 - (2 * n + 5) / 6) * Math.log(determinant);
  const df = (n * (n - 1)) / 2;
  return { chi2, df, p: chiSquareSurvival(chi2, df), determinant };
}
