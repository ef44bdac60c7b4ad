import { fail, type Issue } from "../internal/errors.js";
import type { MatrixInput } from "../internal/matrix-input.js";
import { rankDescending } from "../internal/rank.js";
import type { Direction } from "../internal/types.js";
import { readMcdm } from "./criteria-input.js";
import { toArray } from "./shared.js";

/** Options of {@link edas}; every default is that of docs/methods.md (EDAS). */
export interface EdasOptions {
  /**
   * Direction of each column (default all `benefit`): for a `cost` column the positive and negative
   * distances from the average swap. Target and range columns are first turned into benefit columns
   * in [0, 1] by the moderate formulas (docs/methods.md).
   */
  directions?: readonly Direction[];
  /**
   * Divide the distances by |AV_j| instead of AV_j (default false), which allows columns with a
   * negative average. Not in the paper (VERIFY): the paper's distances need AV_j > 0.
   */
  absoluteAverage?: boolean;
}

/** Result of {@link edas}: one entry per unit (row) in `scores`, `ranks`, `SP`, `SN`, `NSP`, `NSN`. */
export interface EdasResult {
  /** Appraisal score AS = (NSP + NSN)/2 in [0, 1]; higher is better. */
  scores: number[];
  /** Rank by AS: 1 = best, ties share the lowest rank ("min"). */
  ranks: number[];
  /** SP = sum_j w_j PDA_ij, the weighted positive distance from the average. */
  SP: number[];
  /** SN = sum_j w_j NDA_ij, the weighted negative distance from the average. */
  SN: number[];
  /** NSP = SP / max SP. */
  NSP: number[];
  /** NSN = 1 - SN / max SN. */
  NSN: number[];
  /** The average solution AV_j of each column (after the moderate transform of target and range columns). */
  average: number[];
  /** The weights used, scaled to sum 1. */
  weights: number[];
  /** Every option that ran, defaults filled in (provenance). */
  options: {
    /** Whether distances were divided by |AV|. */
    absoluteAverage: boolean;
    /** Direction of each column. */
    directions: Direction[];
  };
  /** Non-fatal findings: max SP = 0 (NSP set to 0) or max SN = 0 (NSN set to 1). */
  warnings: Issue[];
}

/**
 * EDAS (Evaluation based on Distance from Average Solution, Keshavarz Ghorabaee et al. 2015): ranks
 * units by their weighted positive (PDA) and negative (NDA) distances from the column averages,
 * PDA_ij = max(0, x_ij - AV_j)/AV_j and NDA_ij = max(0, AV_j - x_ij)/AV_j (swapped for a cost
 * column), combined as AS = (SP / max SP + 1 - SN / max SN)/2. Use it when the average, rather
 * than the best or worst unit, is the natural reference; it needs AV_j > 0 (ratio-scale data).
 *
 * Reference: Keshavarz Ghorabaee, M., Zavadskas, E.K., Olfat, L. & Turskis, Z. (2015)
 * Multi-criteria inventory classification using a new method of evaluation based on distance from
 * average solution (EDAS). Informatica 26(3):435-451.
 *
 * @param matrix rows = units, columns = criteria: `number[][]` or `{ columns: Float64Array[] }` (see {@link MatrixInput}).
 * @param weights one non-negative weight per column; scaled to sum 1.
 * @throws IndicatrixError `invalid_matrix`, `invalid_weights`, `invalid_direction`, `invalid_option`,
 *   `nonpositive_mean` (a column average <= 0; = 0 with `absoluteAverage`).
 * @example
 * ```ts
 * // DOMAIN C9 example: c1 is a cost, c2-c4 benefits
 * const x = [[250, 16, 12, 5], [200, 16, 8, 3], [300, 32, 16, 4], [275, 32, 8, 4], [225, 16, 16, 2]];
 * const r = edas(x, [0.35, 0.2, 0.3, 0.15], { directions: ["cost", "benefit", "benefit", "benefit"] });
 * r.ranks; // => [3, 5, 1, 4, 2]
 * ```
 */
export function edas(matrix: MatrixInput, weights: readonly number[], opts: EdasOptions = {}): EdasResult {
  const x = readMcdm(matrix, weights, opts.directions);
  const { m, n, cols, w, cost } = x;
  const abs = opts.absoluteAverage ?? false;
  if (typeof abs !== "boolean")
    fail("invalid_option", "opts.absoluteAverage", `expected true or false, got ${String(abs)}`);
  const SP = new Float64Array(m);
  const SN = new Float64Array(m);
  const average = new Array<number>(n);
  for (let j = 0; j < n; j++) {
    const col = cols[j]!;
    let sum = 0;
    for (let i = 0; i < m; i++) sum += col[i]!;
    const av = sum / m;
    average[j] = av;
    if (abs ? av === 0 : !(av > 0))
      fail(
        "nonpositive_mean",
        ["matrix", j],
        `column ${j} has average ${av}: EDAS divides the distances by the average, which must be ${abs ? "non-zero" : "positive"}`,
        `matrix column ${j}`,
      );
    const k = w[j]! / (abs ? Math.abs(av) : av);
    if (k === 0) continue;
    const sign = cost[j] ? -1 : 1;
    for (let i = 0; i < m; i++) {
      const d = sign * (col[i]! - av);
      if (d > 0) SP[i] = SP[i]! + k * d;
      else if (d < 0) SN[i] = SN[i]! - k * d;
    }
  }
  let maxSP = 0;
  let maxSN = 0;
  for (let i = 0; i < m; i++) {
    if (SP[i]! > maxSP) maxSP = SP[i]!;
    if (SN[i]! > maxSN) maxSN = SN[i]!;
  }
  const warnings: Issue[] = [];
  if (maxSP === 0 || maxSN === 0)
    warnings.push({
      code: "no_spread",
      severity: "warning",
      path: ["matrix"],
      where: "matrix",
      message: `no unit is ${maxSP === 0 ? "above" : "below"} the average on any weighted column: ${maxSP === 0 ? "NSP set to 0" : "NSN set to 1"} for every unit`,
    });
  const NSP = new Float64Array(m);
  const NSN = new Float64Array(m);
  const AS = new Float64Array(m);
  for (let i = 0; i < m; i++) {
    NSP[i] = maxSP > 0 ? SP[i]! / maxSP : 0;
    NSN[i] = maxSN > 0 ? 1 - SN[i]! / maxSN : 1;
    AS[i] = (NSP[i]! + NSN[i]!) / 2;
  }
  return {
    scores: toArray(AS),
    ranks: toArray(rankDescending(AS)),
    SP: toArray(SP),
    SN: toArray(SN),
    NSP: toArray(NSP),
    NSN: toArray(NSN),
    average,
    weights: toArray(w),
    options: { absoluteAverage: abs, directions: x.directions },
    warnings,
  };
}
