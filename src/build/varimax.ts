import { Matrix, SingularValueDecomposition } from "ml-matrix";
import { fail } from "../internal/errors.js";

/** Options of {@link varimax}. */
export interface VarimaxOptions {
  /** Kaiser normalization: rows scaled to unit length before rotating (default true, as R). */
  normalize?: boolean | undefined;
  /** Relative convergence tolerance (default 1e-5, as R). */
  eps?: number | undefined;
  /** Most iterations (default 1000, as R). */
  maxIterations?: number | undefined;
}

/** Result of {@link varimax}. */
export interface VarimaxResult {
  /** Rotated loadings (variables x factors), each column flipped so its sum is positive. */
  loadings: number[][];
  /** Rotation matrix T (factors x factors): loadings = A T. */
  rotation: number[][];
  /** Iterations run. */
  iterations: number;
  /** True when the criterion converged within `maxIterations`. */
  converged: boolean;
}

/**
 * Varimax rotation (Kaiser 1958) of a loading matrix A (variables x factors), the algorithm of R's
 * `stats::varimax(x, normalize = TRUE, eps = 1e-5)`: with Kaiser normalization, iterate Z = Ã T,
 * B = Ãᵀ (Z³ - Z diag(Σ Z²) / p), T = P Qᵀ from the SVD B = P Σ Qᵀ until Σ σ stops growing by more than
 * eps. The rotation maximizes the variance of the squared loadings per factor, so each variable loads on
 * few factors; communalities are unchanged. Each rotated column is flipped so its sum is positive (R keeps
 * the algorithm's signs). One factor is returned as is.
 *
 * @param loadings - variables x factors.
 * @param opts - normalization, tolerance, iteration limit.
 * @throws {IndicatrixError} `invalid_matrix` (ragged, non-finite or empty), `invalid_option`.
 * @example
 * ```ts
 * const r = varimax([[0.8, 0.3], [0.7, 0.4], [0.3, 0.8], [0.2, 0.7]]);
 * r.loadings.map((row) => row.map((v) => +v.toFixed(3)));
 * // => [[0.813, 0.264], [0.717, 0.368], [0.336, 0.786], [0.231, 0.69]]
 * ```
 */
export function varimax(loadings: readonly (readonly number[])[], opts: VarimaxOptions = {}): VarimaxResult {
  const p = loadings.length;
  const k = loadings[0]?.length ?? 0;
  if (p === 0 || k === 0)
    fail("invalid_matrix", ["loadings"], "expected at least one variable and one factor");
  loadings.forEach((row, j) => {
    if (!Array.isArray(row) || row.length !== k)
      fail("invalid_matrix", ["loadings", j], `expected ${k} loadings, got ${row?.length}`);
    row.forEach((v, c) => {
      if (typeof v !== "number" || !Number.isFinite(v))
        fail("invalid_matrix", ["loadings", j, c], `expected a finite number, got ${String(v)}`);
    });
  });
  const eps = opts.eps ?? 1e-5;
  const maxIterations = opts.maxIterations ?? 1000;
  if (!(eps > 0)) fail("invalid_option", ["opts", "eps"], `expected a number > 0, got ${String(eps)}`);
  if (!Number.isInteger(maxIterations) || maxIterations < 1)
    fail(
      "invalid_option",
      ["opts", "maxIterations"],
      `expected a whole number >= 1, got ${String(maxIterations)}`,
    );
  const rows = loadings.map((r) => [...r]);
  if (k === 1) return { loadings: rows, rotation: [[1]], iterations: 0, converged: true };
  const scale = rows.map((r) =>
    opts.normalize === false ? 1 : Math.sqrt(r.reduce((s, v) => s + v * v, 0)) || 1,
  );
  const X = new Matrix(rows.map((r, j) => r.map((v) => v / (scale[j] as number))));
  let T = Matrix.eye(k, k);
  let d = 0;
  let iterations = 0;
  let converged = false;
  for (let it = 0; it < maxIterations; it++) {
    iterations++;
    const Z = X.mmul(T);
    const colSq = new Array<number>(k).fill(0);
    for (let j = 0; j < p; j++)
      for (let c = 0; c < k; c++) colSq[c] = (colSq[c] as number) + Z.get(j, c) ** 2;
    const W = new Matrix(p, k);
    for (let j = 0; j < p; j++)
      for (let c = 0; c < k; c++) {
        const z = Z.get(j, c);
        W.set(j, c, z ** 3 - (z * (colSq[c] as number)) / p);
      }
    const B = X.transpose().mmul(W);
    const svd = new SingularValueDecomposition(B);
    T = svd.leftSingularVectors.mmul(svd.rightSingularVectors.transpose());
    const dPast = d;
    d = svd.diagonal.reduce((s, v) => s + v, 0);
    if (d < dPast * (1 + eps)) {
      converged = true;
      break;
    }
  }
  const Z = X.mmul(T);
  const out = Z.to2DArray().map((r, j) => r.map((v) => v * (scale[j] as number)));
  const rot = T.to2DArray();
  for (let c = 0; c < k; c++) {
    let s = 0;
    for (let j = 0; j < p; j++) s += (out[j] as number[])[c] as number;
    if (s < 0) {
      for (const r of out) r[c] = -(r[c] as number);
      for (const r of rot) r[c] = -(r[c] as number);
    }
  }
  return { loadings: out, rotation: rot, iterations, converged };
}
