import type { BartlettResult } from "./bartlett.js";
import type { KmoResult } from "./kmo.js";
import { type ComponentRule, decompose, project } from "./pca-core.js";
import type { UnitsMatrix } from "./units-matrix.js";
import { varimax } from "./varimax.js";

/** Options of {@link factorAnalysis}. */
export interface FactorAnalysisOptions {
  /** Factors kept: `"kaiser"` (default; λ > 1), a count, or `{ cumulative: 0.85 }`. */
  factors?: ComponentRule | undefined;
  /** Rotation: `"varimax"` (default; as R `varimax`, Kaiser normalization, eps 1e-5) or `"none"`. */
  rotation?: "varimax" | "none" | undefined;
}

/** Result of {@link factorAnalysis}. */
export interface FactorAnalysisResult {
  /** Complete units used. */
  units: number;
  /** 0-based rows used (the rows of `scores`). */
  rows: number[];
  /** 0-based rows left out for a missing value. */
  dropped: number[];
  /** KMO (null when the correlation matrix is singular). */
  kmo: KmoResult | null;
  /** Bartlett's test (null when the correlation matrix is singular). */
  bartlett: BartlettResult | null;
  /** All eigenvalues of the correlation matrix, decreasing. */
  eigenvalues: number[];
  /** Share of variance of each eigenvalue. */
  explained: number[];
  /** Cumulative share. */
  cumulative: number[];
  /** Factors kept, K. */
  factors: number;
  /** Unrotated loadings u_jk sqrt(λ_k), variables x K. */
  loadings: number[][];
  /** Rotated loadings (equal to `loadings` without rotation), variables x K. */
  rotated: number[][];
  /** Rotation matrix T (identity without rotation). */
  rotation: number[][];
  /** Varimax iterations (0 without rotation or with one factor). */
  iterations: number;
  /** Sum of squared rotated loadings per factor. */
  variance: number[];
  /** Communalities h²_j (unchanged by rotation). */
  communalities: number[];
  /** Regression factor scores Z U_K Λ^{-1/2} T (= Z R⁻¹ A_rot, SPSS), units x K, unit variance. */
  scores: number[][];
  /** Composite F = Σ_k (SS_k / Σ SS) F_k over the rotated factors (mean 0). */
  composite: { weights: number[]; scores: number[] };
  /** Units left out, an undefined KMO, a rotation that did not converge. */
  warnings: string[];
}

/**
 * Factor analysis by principal-component extraction (the SPSS "principal components" method) on the
 * correlation matrix: factors kept by the Kaiser criterion, a count or a cumulative share, loadings, varimax
 * rotation (R `stats::varimax`), communalities, regression factor scores (Thomson; SPSS's after rotation),
 * and the composite weighted by each rotated factor's share of the variance (因子综合得分). KMO and
 * Bartlett's test come with it. It is not maximum-likelihood or principal-axis factoring; for the
 * unrotated components use {@link pca}. Units with a missing value are left out (listwise), with a warning.
 * Reference: Kaiser, H.F. (1958) Psychometrika 23; DOMAIN.md C3.4, C3.6.
 *
 * @param matrix - rows = units, columns = variables (null or NaN = missing), or `{ columns }`.
 * @param opts - factors kept, rotation.
 * @throws {IndicatrixError} as {@link pca}.
 * @example
 * ```ts
 * const x = [[1, 2, 9, 8], [2, 3, 7, 9], [3, 5, 8, 6], [4, 4, 5, 7], [5, 6, 6, 4], [6, 7, 3, 5]];
 * factorAnalysis(x, { factors: 2 }).rotated.map((row) => row.map((v) => +v.toFixed(2)));
 * // => [[0.67, 0.74], [0.81, 0.56], [-0.27, -0.96], [-0.96, -0.24]]
 * ```
 */
export function factorAnalysis(matrix: UnitsMatrix, opts: FactorAnalysisOptions = {}): FactorAnalysisResult {
  const d = decompose(matrix, { components: opts.factors });
  const K = d.components;
  const lam = d.eigenvalues.slice(0, K);
  const vectors = d.vectors.slice(0, K);
  const n = d.means.length;
  const loadings = Array.from({ length: n }, (_, j) =>
    vectors.map((u, k) => (u[j] as number) * Math.sqrt(lam[k] as number)),
  );
  const warnings = [...d.warnings];
  let rotated = loadings.map((r) => [...r]);
  let rotation: number[][] = Array.from({ length: K }, (_, a) =>
    Array.from({ length: K }, (_, b) => (a === b ? 1 : 0)),
  );
  let iterations = 0;
  if ((opts.rotation ?? "varimax") === "varimax" && K > 1) {
    const v = varimax(loadings);
    rotated = v.loadings;
    rotation = v.rotation;
    iterations = v.iterations;
    if (!v.converged) warnings.push(`varimax did not converge in ${v.iterations} iterations`);
  }
  const variance = Array.from({ length: K }, (_, k) =>
    rotated.reduce((s, r) => s + (r[k] as number) ** 2, 0),
  );
  const communalities = loadings.map((row) => row.reduce((s, a) => s + a * a, 0));
  // regression scores: Z U_K Λ^{-1/2} T, column k = Z · (Σ_l u_l T_lk / sqrt(λ_l))
  const cols = Array.from({ length: K }, (_, k) =>
    project(
      d.z,
      Array.from({ length: n }, (_, j) =>
        vectors.reduce(
          (s, u, l) => s + ((u[j] as number) * (rotation[l]?.[k] as number)) / Math.sqrt(lam[l] as number),
          0,
        ),
      ),
    ),
  );
  const scores = d.rows.map((_, i) => cols.map((c) => c[i] as number));
  const total = variance.reduce((s, v) => s + v, 0);
  const weights = variance.map((v) => v / total);
  return {
    units: d.units,
    rows: d.rows,
    dropped: d.dropped,
    kmo: d.kmo,
    bartlett: d.bartlett,
    eigenvalues: d.eigenvalues,
    explained: d.explained,
    cumulative: d.cumulative,
    factors: K,
    loadings,
    rotated,
    rotation,
    iterations,
    variance,
    communalities,
    scores,
    composite: {
      weights,
      scores: scores.map((row) => row.reduce((s, v, k) => s + v * (weights[k] as number), 0)),
    },
    warnings,
  };
}
