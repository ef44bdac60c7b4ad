import type { BartlettResult } from "./bartlett.js";
import type { KmoResult } from "./kmo.js";
import { type ComponentRule, decompose, project } from "./pca-core.js";
import type { UnitsMatrix } from "./units-matrix.js";

/** Options of {@link pca}. */
export interface PcaOptions {
  /** Decompose the correlation matrix (default; variables standardized) or the covariance matrix (centred only). */
  on?: "correlation" | "covariance" | undefined;
  /** Components kept: `"kaiser"` (default; λ > 1, on a covariance matrix λ above the mean), a count, or `{ cumulative: 0.85 }`. */
  components?: ComponentRule | undefined;
  /** Scores in the composite: `"pc"` (default; Y_k = Z u_k, variance λ_k, 主成分得分) or `"standardized"` (Y_k / sqrt(λ_k), as SPSS). */
  scores?: "pc" | "standardized" | undefined;
}

/** Result of {@link pca}. */
export interface PcaResult {
  /** The matrix decomposed. */
  on: "correlation" | "covariance";
  /** Complete units used. */
  units: number;
  /** 0-based rows used (the rows of `scores`). */
  rows: number[];
  /** 0-based rows left out for a missing value (listwise). */
  dropped: number[];
  /** Column means and SDs (ddof 1) of the complete rows. */
  means: number[];
  /** Column standard deviations (ddof 1). */
  sds: number[];
  /** The correlation (or covariance) matrix. */
  matrix: number[][];
  /** KMO overall and per variable (null when the correlation matrix is singular). */
  kmo: KmoResult | null;
  /** Bartlett's test of sphericity (null when the correlation matrix is singular). */
  bartlett: BartlettResult | null;
  /** All eigenvalues, decreasing. */
  eigenvalues: number[];
  /** Share of the total variance of each component. */
  explained: number[];
  /** Cumulative share. */
  cumulative: number[];
  /** Components kept, K. */
  components: number;
  /** The K eigenvectors u_k (unit length; entries sum > 0), `vectors[k][j]`. */
  vectors: number[][];
  /** Loadings a_jk = u_jk sqrt(λ_k), variables x K. */
  loadings: number[][];
  /** Communalities h²_j = Σ_k a²_jk. */
  communalities: number[];
  /** Component scores, units x K, as `opts.scores`. */
  scores: number[][];
  /** Composite F = Σ_k (λ_k / Σ_{l≤K} λ_l) F_k (mean 0: a relative score). */
  composite: { weights: number[]; scores: number[] };
  /**
   * Indicator weights from the components: `first` = u_1 / Σ u_1 (COINr's PCA weights; null when u_1 has mixed signs),
   * `square` = u²_j1, `variance` ∝ Σ_k (λ_k / Σ λ) u_jk (null when mixed signs).
   */
  weights: { first: number[] | null; square: number[]; variance: number[] | null };
  /** Units left out, an undefined KMO. */
  warnings: string[];
}

/**
 * Principal component analysis (Pearson 1901; Hotelling 1933) of a units x variables matrix on its
 * correlation matrix (or covariance matrix): eigenvalues λ_k and eigenvectors u_k (ml-matrix; signs fixed so
 * each u_k sums > 0), variance explained, components kept by the Kaiser criterion (λ > 1), a count or a
 * cumulative share, loadings u_jk sqrt(λ_k), communalities, component scores, KMO and Bartlett's test, the
 * composite score weighted by explained variance (主成分综合得分), and indicator weights (COINr's first-component
 * weights and two variants). For rotated factors and regression scores use {@link factorAnalysis}.
 * Units with a missing value are left out (listwise, as COINr and SPSS), with a warning.
 * Reference: Jolliffe, I.T. (2002) Principal Component Analysis, 2nd ed., Springer; DOMAIN.md C3.
 *
 * @param matrix - rows = units, columns = variables (null or NaN = missing), or `{ columns }`.
 * @param opts - matrix, components kept, score convention.
 * @throws {IndicatrixError} `invalid_matrix`, `too_few_units` (fewer than 3 complete units), `too_few_items`
 *   (fewer than 2 variables), `constant_column`, `invalid_option`.
 * @example
 * ```ts
 * const r = pca([[1, 2, 1], [2, 3, 3], [3, 5, 2], [4, 4, 5], [5, 6, 4]]);
 * r.components; // => 1
 * r.eigenvalues.map((v) => +v.toFixed(4)); // => [2.4788, 0.5052, 0.016]
 * ```
 */
export function pca(matrix: UnitsMatrix, opts: PcaOptions = {}): PcaResult {
  const d = decompose(matrix, opts);
  const K = d.components;
  const lam = d.eigenvalues.slice(0, K);
  const vectors = d.vectors.slice(0, K);
  const n = d.means.length;
  const loadings = Array.from({ length: n }, (_, j) =>
    vectors.map((u, k) => (u[j] as number) * Math.sqrt(lam[k] as number)),
  );
  const communalities = loadings.map((row) => row.reduce((s, a) => s + a * a, 0));
  const standardized = opts.scores === "standardized";
  const cols = vectors.map((u, k) =>
    project(d.z, standardized ? u.map((x) => x / Math.sqrt(lam[k] as number)) : u),
  );
  const scores = d.rows.map((_, i) => cols.map((c) => c[i] as number));
  const sumLam = lam.reduce((s, v) => s + v, 0);
  const cw = lam.map((v) => v / sumLam);
  const composite = scores.map((row) => row.reduce((s, v, k) => s + v * (cw[k] as number), 0));
  const u1 = vectors[0] as number[];
  const mixed = (v: number[]) => v.some((x) => x < 0) && v.some((x) => x > 0);
  const share = (v: number[]) => {
    const t = v.reduce((s, x) => s + x, 0);
    return v.map((x) => x / t);
  };
  const multi = Array.from({ length: n }, (_, j) =>
    vectors.reduce((s, u, k) => s + (cw[k] as number) * (u[j] as number), 0),
  );
  return {
    on: d.on,
    units: d.units,
    rows: d.rows,
    dropped: d.dropped,
    means: d.means,
    sds: d.sds,
    matrix: d.matrix,
    kmo: d.kmo,
    bartlett: d.bartlett,
    eigenvalues: d.eigenvalues,
    explained: d.explained,
    cumulative: d.cumulative,
    components: K,
    vectors,
    loadings,
    communalities,
    scores,
    composite: { weights: cw, scores: composite },
    weights: {
      first: mixed(u1) ? null : share(u1),
      square: u1.map((x) => x * x),
      variance: mixed(multi) ? null : share(multi),
    },
    warnings: d.warnings,
  };
}
