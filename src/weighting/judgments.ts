import { fail } from "../internal/errors.js";
import { AHP_TOLERANCE } from "./ahp-defaults.js";
import { checkJudgments } from "./check-judgments.js";

/** One pairwise judgment `[a, b, v]`: element `a` is `v` times as important as element `b` (v in [1/9, 9]). */
export type Judgment = readonly [a: string, b: string, value: number];

/** A judgment as a model file may write it: the value a number or a fraction in a string (`["P", "S", "1/3"]`). */
export type JudgmentInput = readonly [a: string, b: string, value: number | string];

/**
 * Builds a pairwise comparison matrix (rows and columns in the order of `ids`) from judgments `[a, b, v]`,
 * setting a_ab = v and a_ba = 1/v, with 1 on the diagonal and `null` where a pair was not judged.
 *
 * This is the friendly way to write AHP input in a model file; pass the result to {@link ahp} (which fills the
 * `null` pairs by Harker's method) or, for several experts, to `aggregateJudgments`. A pair may be given in both
 * orders only if the two values are reciprocal within `tolerance` (then a_ab is taken from the first).
 *
 * A value may be a fraction in a string (`"1/3"`, as YAML reads `1/3`), and a value within 1% of a reciprocal 1/k
 * of the scale (0.33, 0.111) is read as exactly 1/k, so `[a, b, 0.111]` is `[a, b, 1/9]`.
 *
 * The judgments are checked by the same rules as `checkModel` applies to a model's judgments (the first problem
 * is thrown).
 *
 * @throws {IndicatrixError} `duplicate_id`, `invalid_option` (ids not distinct non-empty strings),
 *   `unknown_child` (a judgment names an element not in `ids`), `self_comparison` (`[a, a, v]`),
 *   `judgment_out_of_scale` (v not a number in [1/9, 9]; 9.05 is refused, 0.11 passes as a rounded 1/9),
 *   `invalid_judgment` for a string that is not a fraction,
 *   `duplicate_judgment` (the same ordered pair twice), `contradictory_judgment` (the same pair with a value that
 *   disagrees: `[a, b, v]` and `[b, a, u]` with u v != 1), `invalid_judgment` (not a `[string, string, number]`
 *   triple). Paths name the judgment: `judgments[3]`.
 * @example
 * ```ts
 * judgmentsToMatrix(["S", "P", "R"], [["S", "P", 2], ["S", "R", 4]]);
 * // => [[1, 2, 4], [0.5, 1, null], [0.25, null, 1]]
 * judgmentsToMatrix(["S", "P"], [["P", "S", "1/4"]])[0]; // => [1, 4]
 * judgmentsToMatrix(["S", "P"], [["P", "S", 0.111]])[0]; // => [1, 9]
 * ```
 */
export function judgmentsToMatrix(
  ids: readonly string[],
  judgments: readonly JudgmentInput[],
  opts: {
    /** Relative tolerance of the reciprocity check for pairs given in both orders. Default 0.01. */
    tolerance?: number;
  } = {},
): (number | null)[][] {
  if (!Array.isArray(ids) || ids.length === 0)
    fail("invalid_option", "ids", "expected a non-empty array of ids");
  const seen = new Set<string>();
  ids.forEach((id, k) => {
    if (typeof id !== "string" || id === "")
      fail("invalid_option", `ids[${k}]`, "expected a non-empty string");
    if (seen.has(id)) fail("duplicate_id", `ids[${k}]`, `id ${JSON.stringify(id)} appears twice`);
    seen.add(id);
  });
  const checked = checkJudgments(ids, judgments, { tolerance: opts.tolerance ?? AHP_TOLERANCE });
  const first = checked.issues[0];
  if (first) fail(first.code, first.path, first.message, first.where);
  const cell = (a: string, b: string): string => JSON.stringify([a, b]);
  const given = new Map<string, number>();
  for (const [a, b, v] of checked.judgments) {
    given.set(cell(a, b), v);
    given.set(cell(b, a), 1 / v);
  }
  return ids.map((a) => ids.map((b) => (a === b ? 1 : (given.get(cell(a, b)) ?? null))));
}
