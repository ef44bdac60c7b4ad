import {
  type AhpCore,
  type AhpMethod,
  ahpCore,
  type ResolvedAhpOptions,
  readPairwise,
  resolveAhpOptions,
  toRows,
} from "./pairwise.js";
import type { RiTable } from "./ri-tables.js";

export type { AhpMethod } from "./pairwise.js";

/** Options of {@link ahp} (also accepted, under `ahp`, by `aggregateJudgments` and by `ahpRepairAdvice`). */
export interface AhpOptions {
  /**
   * How priorities are derived: `"eigenvector"` (default; Saaty's principal eigenvector by power iteration to
   * 1e-12), `"geometric-mean"` (方根法, row geometric means) or `"sum-product"` (和积法, column-normalize then
   * average rows, as ArcGIS Pro).
   */
  method?: AhpMethod;
  /** Random-index table: `"saaty"` (default), `"cn1000"` (Chinese 1000-sample table) or your own values for n = 1, 2, ... */
  ri?: RiTable;
  /** Consistency threshold: the matrix is consistent iff CR < threshold. Default 0.10. */
  threshold?: number;
  /** Relative tolerance of the reciprocity and scale checks: |a_ij a_ji - 1| <= tolerance. Default 0.01 (0.33 for 1/3 passes). */
  tolerance?: number;
  /** Names of the elements, used in error messages only. */
  labels?: readonly string[];
}

/** Result of {@link ahp}. */
export interface AhpResult {
  /** Priority vector, one weight per row of the matrix, summing to 1. */
  weights: number[];
  /** Principal eigenvalue (eigenvector method) or mean of (Aw)_i / w_i (approximate methods). */
  lambdaMax: number;
  /** Consistency index CI = (lambdaMax - n) / (n - 1); 0 for n = 1. */
  ci: number;
  /** Consistency ratio CR = CI / RI; 0 for n <= 2. */
  cr: number;
  /** The random index used (0 for n <= 2). */
  ri: number;
  /** True iff CR < threshold (always true for n <= 2). */
  consistent: boolean;
  /** The method that ran. */
  method: AhpMethod;
  /** The threshold that `consistent` was judged against. */
  threshold: number;
  /** Which RI table ran: `"saaty"`, `"cn1000"` or `"custom"`. */
  riTable: "saaty" | "cn1000" | "custom";
  /** Power-iteration steps (eigenvector method, or Harker's completion for an incomplete matrix). */
  iterations?: number;
  /** Number of missing judgment pairs that Harker's method filled in (0 for a complete matrix). */
  missing: number;
  /** The matrix actually used: the input, with a_ij = w_i / w_j in place of each missing judgment. */
  completed: number[][];
}

/**
 * Priority weights and consistency of a pairwise comparison matrix by the Analytic Hierarchy Process
 * (Saaty 1980): a_ij says how much more important element i is than element j on the 1-9 scale.
 *
 * The default is Saaty's principal eigenvector; `"geometric-mean"` and `"sum-product"` are the approximate
 * methods of many textbooks and tools (ArcGIS Pro uses sum-product); they agree on nearly consistent matrices and
 * can differ noticeably on inconsistent ones. CI = (lambda_max - n)/(n - 1), CR = CI / RI with RI from Saaty's table
 * (or `ri: "cn1000"`); consistent iff CR < 0.10. A matrix of order <= 2 is always consistent.
 *
 * Missing judgments (`null`, both a_ij and a_ji) are filled by Harker's method (Harker 1987): the eigenvector of
 * the matrix with a_ij = 0 and 1 added to the diagonal per missing entry of the row; the completed matrix
 * (a_ij = w_i / w_j) is returned as `completed`, CR is computed on it, and the chosen method then runs on it
 * (for the eigenvector method this is exactly Harker's vector). Use {@link judgmentsToMatrix} to build the matrix
 * from `[a, b, value]` judgments, `aggregateJudgments` for several experts, `ahpRepairAdvice` when CR is too high.
 *
 * @throws {IndicatrixError} `invalid_matrix` (not square, non-positive or non-finite entry, diagonal not 1),
 *   `judgment_out_of_scale` (outside [1/9, 9]), `not_reciprocal` (a_ij a_ji differs from 1 by more than the
 *   tolerance, or only one of the pair is null), `disconnected_judgments` (the given judgments do not link all
 *   elements), `ri_unavailable` (n > 15 without your own RI table), `invalid_option`. Messages name row and column.
 * @example
 * ```ts
 * const r = ahp([[1, 3, 5], [1/3, 1, 3], [1/5, 1/3, 1]]);
 * r.weights.map((w) => +w.toFixed(4)); // => [0.637, 0.2583, 0.1047]
 * +r.cr.toFixed(4);                    // => 0.0332
 * r.consistent;                        // => true
 * ```
 */
export function ahp(matrix: readonly (readonly (number | null)[])[], opts: AhpOptions = {}): AhpResult {
  const o = resolveAhpOptions(opts);
  const p = readPairwise(matrix, o.tolerance, o.labels);
  return ahpResult(ahpCore(p, o), p.n, p.missingPairs, o);
}

/** The {@link AhpResult} of a matrix of order `n` from the numbers of `ahpCore`. @internal */
export function ahpResult(core: AhpCore, n: number, missing: number, o: ResolvedAhpOptions): AhpResult {
  const result: AhpResult = {
    weights: Array.from(core.w),
    lambdaMax: core.lambdaMax,
    ci: core.ci,
    cr: core.cr,
    ri: n <= 2 ? 0 : core.ri,
    consistent: n <= 2 || core.cr < o.threshold,
    method: o.method,
    threshold: o.threshold,
    riTable: typeof o.ri === "string" ? o.ri : "custom",
    missing,
    completed: toRows(core.completed, n),
  };
  if (core.iterations !== undefined) result.iterations = core.iterations;
  return result;
}
