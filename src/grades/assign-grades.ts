import type { GradeBoundary } from "../indicators/schema.js";
import { roundHalfAway } from "./round-half-away.js";

/** Options of {@link assignGrades}. */
export interface AssignGradesOptions {
  /** `lower` (default): a score equal to a cut point gets the better grade; `upper`: the worse one. */
  closed?: GradeBoundary;
  /** Decimals scores and cuts are rounded to before comparing (half away from zero); null = exact. Default 2. */
  precision?: number | null;
}

/**
 * The grade of each score for ascending cut points c_1 < ... < c_{K-1}: grade index g = #{k: s >= c_k}
 * (lower-closed, the default) or #{k: s > c_k} (upper-closed), so 0 is the worst of the K grades and
 * K - 1 the best; -1 for a missing score (NaN). Scores and cuts are rounded to `precision` decimals
 * first (default 2: scores are compared as they are published, so 0.3 * 3 * 100 =
 * 89.99999999999999 is graded as 90). Scores beyond the ends fall in the end grades.
 *
 * @param scores - The scores to grade (NaN = no score).
 * @param cuts - Cut points, ascending.
 * @param opts - Boundary rule and precision.
 * @example
 * ```ts
 * assignGrades([95, 90, 89.99, 80, 79.5, 60, 59.99], [60, 80, 90]); // => Int32Array [3, 3, 2, 2, 1, 1, 0]
 * assignGrades([90, 80, 60], [60, 80, 90], { closed: "upper" }); // => Int32Array [2, 1, 0]
 * ```
 */
export function assignGrades(
  scores: ArrayLike<number>,
  cuts: readonly number[],
  opts: AssignGradesOptions = {},
): Int32Array {
  const upper = opts.closed === "upper";
  const digits = opts.precision === undefined ? 2 : opts.precision;
  const c = cuts.map((x) => roundHalfAway(x, digits));
  const out = new Int32Array(scores.length);
  for (let i = 0; i < scores.length; i++) {
    const raw = scores[i] as number;
    if (Number.isNaN(raw)) {
      out[i] = -1;
      continue;
    }
    const s = roundHalfAway(raw, digits);
    let g = 0;
    for (let k = 0; k < c.length; k++) if (upper ? s > c[k]! : s >= c[k]!) g++;
    out[i] = g;
  }
  return out;
}
