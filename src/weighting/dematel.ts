import { fail } from "../internal/errors.js";
import { inverse } from "./benefit-cost.js";

/** Options of {@link dematel}. */
export interface DematelOptions {
  /**
   * How the direct-relation matrix A is scaled to N = A / s: `"max-row-column"` (default; s = the largest row or
   * column sum, the usual form in applied papers) or `"row"` (s = the largest row sum, as pyDecision).
   */
  normalization?: "max-row-column" | "row";
  /** Names of the criteria, used in error messages only. */
  labels?: readonly string[];
}

/** Result of {@link dematel}. */
export interface DematelResult {
  /** Weights from the prominence, w_j = (D + R)_j / Σ (D + R), summing to 1. */
  weights: number[];
  /** The normalized direct-relation matrix N = A / s. */
  normalized: number[][];
  /** The total-relation matrix T = N (I - N)^-1. */
  total: number[][];
  /** D: row sums of T (influence given). */
  given: number[];
  /** R: column sums of T (influence received). */
  received: number[];
  /** Prominence D + R (how central the criterion is). */
  prominence: number[];
  /** Relation D - R: > 0 a cause, < 0 an effect. */
  relation: number[];
  /** The scale s that A was divided by. */
  scale: number;
}

/**
 * DEMATEL (Decision-Making Trial and Evaluation Laboratory; Gabus & Fontela 1973; weights from the prominence
 * as pyDecision's `dematel_method`): for criteria that influence each other. a_ij (0 none, 1 low, 2 medium, 3 high,
 * 4 very high) is how much criterion i influences j; N = A / s, the total relation T = N + N² + ... = N (I - N)^-1,
 * D = row sums (influence given), R = column sums (received), prominence D + R, relation D - R (cause > 0, effect
 * < 0), and the weights are the prominence normalized. Several experts: average their matrices first. The inverse
 * is computed by mathjs.
 *
 * @throws {IndicatrixError} `invalid_matrix` (not square, fewer than 2 criteria, a negative or non-finite entry,
 *   a non-zero diagonal, all zeros, or I - N singular: naming row and column), `invalid_option`.
 * @example
 * ```ts
 * const r = dematel([[0, 3, 2], [1, 0, 4], [2, 1, 0]]);
 * r.weights.map((w) => +w.toFixed(4)); // => [0.3252, 0.3287, 0.3461]
 * r.relation.map((v) => +v.toFixed(4)); // => [0.8226, 0.3871, -1.2097]
 * ```
 */
export function dematel(matrix: readonly (readonly number[])[], opts: DematelOptions = {}): DematelResult {
  const normalization = opts.normalization ?? "max-row-column";
  if (normalization !== "max-row-column" && normalization !== "row")
    fail(
      "invalid_option",
      "opts.normalization",
      `expected "max-row-column" or "row", got ${JSON.stringify(normalization)}`,
    );
  const n = Array.isArray(matrix) ? matrix.length : 0;
  const name = (j: number) => (opts.labels?.[j] !== undefined ? `"${opts.labels[j]}"` : `${j}`);
  if (n < 2)
    fail("invalid_matrix", "matrix", `expected a square matrix of at least 2 criteria, got ${n} rows`);
  matrix.forEach((row, i) => {
    if (!Array.isArray(row) || row.length !== n)
      fail(
        "invalid_matrix",
        `matrix[${i}]`,
        `row ${name(i)} has ${Array.isArray(row) ? row.length : 0} entries, expected ${n}`,
      );
    row.forEach((v, j) => {
      if (typeof v !== "number" || !Number.isFinite(v) || v < 0)
        fail(
          "invalid_matrix",
          `matrix[${i}][${j}]`,
          `row ${name(i)}, column ${name(j)}: expected a finite influence >= 0, got ${String(v)}`,
        );
      if (i === j && v !== 0)
        fail("invalid_matrix", `matrix[${i}][${j}]`, `criterion ${name(i)} on itself must be 0, got ${v}`);
    });
  });
  const rowSums = matrix.map((r) => r.reduce((a, b) => a + b, 0));
  const colSums = matrix[0]!.map((_, j) => matrix.reduce((a, r) => a + r[j]!, 0));
  const scale = normalization === "row" ? Math.max(...rowSums) : Math.max(...rowSums, ...colSums);
  if (!(scale > 0))
    fail("invalid_matrix", "matrix", "every influence is 0: DEMATEL has nothing to propagate");
  const N = matrix.map((r) => r.map((v) => v / scale));
  const inv = inverse(N.map((r, i) => r.map((v, j) => (i === j ? 1 : 0) - v)));
  if (!inv)
    fail(
      "invalid_matrix",
      "matrix",
      'I - N is singular (every row sums to the largest one, so the influence never dies out); use normalization "max-row-column" with a matrix whose row sums differ',
    );
  const total = N.map((r) => inv[0]!.map((_, j) => r.reduce((s, v, k) => s + v * inv[k]![j]!, 0)));
  const given = total.map((r) => r.reduce((a, b) => a + b, 0));
  const received = total[0]!.map((_, j) => total.reduce((a, r) => a + r[j]!, 0));
  const prominence = given.map((d, j) => d + received[j]!);
  const relation = given.map((d, j) => d - received[j]!);
  const sum = prominence.reduce((a, b) => a + b, 0);
  if (!prominence.every((p) => p >= 0 && Number.isFinite(p)))
    fail(
      "invalid_matrix",
      "matrix",
      "the total relation is not non-negative: the influence does not die out (I - N is not a convergent series)",
    );
  return {
    weights: prominence.map((p) => p / sum),
    normalized: N,
    total,
    given,
    received,
    prominence,
    relation,
    scale,
  };
}
