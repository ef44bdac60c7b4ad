import { fail, IndicatrixError } from "../internal/errors.js";
import { shares } from "../internal/shares.js";
import type { AhpOptions, AhpResult } from "./ahp.js";
import { ahp, ahpResult } from "./ahp.js";
import { ahpCore, type Pairwise, readPairwise, resolveAhpOptions, toRows } from "./pairwise.js";

/** Options of {@link aggregateJudgments}. */
export interface AggregateJudgmentsOptions {
  /**
   * `"aij"` (default): aggregate individual judgments by the element-wise weighted geometric mean, then run AHP on
   * the group matrix. `"aip"`: run AHP for each expert and aggregate the priority vectors.
   */
  method?: "aij" | "aip";
  /** Weight of each expert (non-negative, at least one positive); normalized to sum 1. Default: equal. */
  expertWeights?: readonly number[];
  /** AIP only: `"geometric"` (default; weighted geometric mean of priorities, normalized) or `"arithmetic"`. */
  mean?: "geometric" | "arithmetic";
  /** Options passed to {@link ahp} for each expert and for the group matrix. */
  ahp?: AhpOptions;
}

/** Result of {@link aggregateJudgments}. */
export interface GroupAhpResult {
  /** The group priority vector, summing to 1. */
  weights: number[];
  /** The aggregation that ran. */
  method: "aij" | "aip";
  /** AIP only: the mean used for the priorities. */
  mean?: "geometric" | "arithmetic";
  /** The expert weights used, normalized to sum 1. */
  expertWeights: number[];
  /**
   * Each expert's own AHP result (weights, CR, consistent). Under AIJ an expert whose own judgments do not link all
   * elements (possible when experts judged different pairs) gets `null`.
   */
  experts: (AhpResult | null)[];
  /** AIJ: the AHP result of the group matrix (its CR is the group consistency). AIP: null. */
  group: AhpResult | null;
  /** AIJ: the group matrix (weighted geometric mean of the judgments given; null where nobody judged). AIP: null. */
  matrix: (number | null)[][] | null;
}

/**
 * Combines the pairwise comparison matrices of several experts into one priority vector (group AHP).
 *
 * AIJ (aggregation of individual judgments, default) takes the weighted geometric mean of each judgment over the
 * experts who gave it (it keeps reciprocity; Aczél & Saaty 1983) and runs {@link ahp} on that matrix: use it when
 * the experts act as one group. AIP (aggregation of individual priorities; Forman & Peniwati 1998) runs AHP per
 * expert and takes the weighted geometric mean (or, with `mean: "arithmetic"`, the weighted arithmetic mean) of the
 * priority vectors: use it when each expert stands for a separate constituency. Each expert's CR is reported either
 * way. Missing judgments (`null`) are allowed: under AIJ an entry is averaged over the experts who gave it.
 *
 * @throws {IndicatrixError} `invalid_matrix` (no matrices, sizes differ) and every error of {@link ahp} for each
 *   expert (paths `matrices[k][i][j]`), `invalid_option` (bad expert weights or method),
 *   `disconnected_judgments` (AIJ: the pooled judgments, AIP: one expert's, do not link all elements).
 * @example
 * ```ts
 * const g = aggregateJudgments([[[1, 2], [1/2, 1]], [[1, 8], [1/8, 1]]]);
 * g.matrix; // => [[1, 4], [0.25, 1]]
 * g.weights; // => [0.8, 0.2]
 * ```
 */
export function aggregateJudgments(
  matrices: readonly (readonly (readonly (number | null)[])[])[],
  opts: AggregateJudgmentsOptions = {},
): GroupAhpResult {
  const method = opts.method ?? "aij";
  if (method !== "aij" && method !== "aip")
    fail("invalid_option", "opts.method", `expected "aij" or "aip", got ${JSON.stringify(method)}`);
  const mean = opts.mean ?? "geometric";
  if (mean !== "geometric" && mean !== "arithmetic")
    fail("invalid_option", "opts.mean", `expected "geometric" or "arithmetic", got ${JSON.stringify(mean)}`);
  const o = resolveAhpOptions(opts.ahp ?? {}, "opts.ahp");
  if (!Array.isArray(matrices) || matrices.length === 0)
    fail("invalid_matrix", "matrices", "expected a non-empty array of pairwise comparison matrices");
  const K = matrices.length;
  const ew = expertWeightsOf(opts.expertWeights, K);
  const checked: Pairwise[] = matrices.map((mat, k) =>
    readPairwise(mat, o.tolerance, o.labels, `matrices[${k}]`),
  );
  const n = checked[0]?.n ?? 0;
  checked.forEach((p, k) => {
    if (p.n !== n)
      fail(
        "invalid_matrix",
        `matrices[${k}]`,
        `expert ${k}'s matrix has order ${p.n}, expert 0's has order ${n}`,
      );
  });

  type Matrix = (typeof matrices)[number];
  /** Expert k's own AHP result; judgments that do not link all elements are named as expert k's. */
  const expertAhp = (matrix: Matrix, k: number): AhpResult => {
    try {
      return ahp(matrix, opts.ahp ?? {});
    } catch (e) {
      if (isDisconnected(e)) fail("disconnected_judgments", `matrices[${k}]`, `expert ${k}: ${e.message}`);
      throw e;
    }
  };

  if (method === "aip") {
    const experts = matrices.map(expertAhp);
    const weighted = experts.map((r, k) => ({ weights: r.weights, weight: ew[k] ?? 0 }));
    const w = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      let s = 0;
      for (const { weights, weight } of weighted) {
        const wk = weights[i] ?? Number.NaN;
        s += mean === "geometric" ? weight * Math.log(wk) : weight * wk;
      }
      w[i] = mean === "geometric" ? Math.exp(s) : s;
    }
    let total = 0;
    for (const v of w) total += v;
    return {
      weights: Array.from(w, (v) => v / total),
      method,
      mean,
      expertWeights: ew,
      experts,
      group: null,
      matrix: null,
    };
  }

  // AIJ: weighted geometric mean over the experts who gave each entry.
  const judges = checked.map((p, k) => ({ a: p.a, weight: ew[k] ?? 0 }));
  const g = new Float64Array(n * n);
  let missingPairs = 0;
  for (let i = 0; i < n; i++)
    for (let j = 0; j < n; j++) {
      let s = 0;
      let wsum = 0;
      for (const { a, weight } of judges) {
        const v = a[i * n + j]!;
        if (!Number.isNaN(v)) {
          s += weight * Math.log(v);
          wsum += weight;
        }
      }
      g[i * n + j] = wsum > 0 ? Math.exp(s / wsum) : Number.NaN;
      if (i < j && !(wsum > 0)) missingPairs++;
    }
  for (let i = 0; i < n; i++) g[i * n + i] = 1;
  const core = ahpCore({ n, a: g, missingPairs }, o, "matrices");
  const matrix = toRows(g, n).map((row) => row.map((v) => (Number.isNaN(v) ? null : v)));
  const group = ahpResult(core, n, missingPairs, o);
  return {
    weights: group.weights,
    method,
    expertWeights: ew,
    // Under AIJ an expert may judge only some pairs, so their own judgments may not link all elements.
    experts: matrices.map((matrix) => {
      try {
        return ahp(matrix, opts.ahp ?? {});
      } catch (e) {
        if (isDisconnected(e)) return null;
        throw e;
      }
    }),
    group,
    matrix,
  };
}

function isDisconnected(e: unknown): e is IndicatrixError {
  return e instanceof IndicatrixError && e.code === "disconnected_judgments";
}

function expertWeightsOf(given: readonly number[] | undefined, K: number): number[] {
  if (given === undefined) return Array.from({ length: K }, () => 1 / K);
  if (!Array.isArray(given) || given.length !== K)
    fail("invalid_option", "opts.expertWeights", `expected ${K} expert weights (one per matrix)`);
  given.forEach((v, k) => {
    if (typeof v !== "number" || !Number.isFinite(v) || v < 0)
      fail(
        "invalid_option",
        `opts.expertWeights[${k}]`,
        `expected a finite non-negative number, got ${String(v)}`,
      );
  });
  const s = shares(given);
  if (s === null) fail("invalid_option", "opts.expertWeights", "at least one expert weight must be positive");
  return s;
}
