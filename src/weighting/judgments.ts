import { fail } from "../internal/errors.js";
import { SCALE_MAX, SCALE_MIN } from "./pairwise.js";

/** One pairwise judgment `[a, b, v]`: element `a` is `v` times as important as element `b` (v in [1/9, 9]). */
export type Judgment = readonly [a: string, b: string, value: number];

/**
 * Builds a pairwise comparison matrix (rows and columns in the order of `ids`) from judgments `[a, b, v]`,
 * setting a_ab = v and a_ba = 1/v, with 1 on the diagonal and `null` where a pair was not judged.
 *
 * This is the friendly way to write AHP input in a model file; pass the result to {@link ahp} (which fills the
 * `null` pairs by Harker's method) or, for several experts, to `aggregateJudgments`. A pair may be given in both
 * orders only if the two values are reciprocal within `tolerance` (then a_ab is taken from the first).
 *
 * @throws {IndicatrixError} `duplicate_id`, `unknown_id` (a judgment names an element not in `ids`),
 *   `self_comparison` (`[a, a, v]`), `judgment_out_of_scale` (v not a number in [1/9, 9]), `duplicate_judgment`
 *   (the same ordered pair twice), `contradictory_judgment` (`[a, b, v]` and `[b, a, u]` with u v != 1),
 *   `invalid_judgment` (not a `[string, string, number]` triple). Paths name the judgment: `judgments[3]`.
 * @example
 * ```ts
 * judgmentsToMatrix(["S", "P", "R"], [["S", "P", 2], ["S", "R", 4]]);
 * // => [[1, 2, 4], [0.5, 1, null], [0.25, null, 1]]
 * ```
 */
export function judgmentsToMatrix(
  ids: readonly string[],
  judgments: readonly Judgment[],
  opts: {
    /** Relative tolerance of the reciprocity check for pairs given in both orders. Default 0.01. */
    tolerance?: number;
  } = {},
): (number | null)[][] {
  const tolerance = opts.tolerance ?? 0.01;
  if (!Array.isArray(ids) || ids.length === 0)
    fail("invalid_options", "ids", "expected a non-empty array of ids");
  const index = new Map<string, number>();
  ids.forEach((id, k) => {
    if (typeof id !== "string" || id === "")
      fail("invalid_options", `ids[${k}]`, "expected a non-empty string");
    if (index.has(id)) fail("duplicate_id", `ids[${k}]`, `id ${JSON.stringify(id)} appears twice`);
    index.set(id, k);
  });
  if (!Array.isArray(judgments))
    fail("invalid_judgment", "judgments", "expected an array of [a, b, value] triples");
  const n = ids.length;
  const m: (number | null)[][] = Array.from({ length: n }, (_, i) =>
    Array.from({ length: n }, (_, j) => (i === j ? 1 : null)),
  );
  const given = new Map<string, number>();
  const lo = SCALE_MIN / (1 + tolerance);
  const hi = SCALE_MAX * (1 + tolerance);
  judgments.forEach((jd, k) => {
    const path = `judgments[${k}]`;
    if (!Array.isArray(jd) || jd.length !== 3 || typeof jd[0] !== "string" || typeof jd[1] !== "string")
      fail("invalid_judgment", path, "expected a triple [a, b, value] with two ids and a number");
    const [a, b, v] = jd;
    const i = index.get(a);
    const j = index.get(b);
    if (i === undefined)
      fail("unknown_id", path, `unknown id ${JSON.stringify(a)}; expected one of ${ids.join(", ")}`);
    if (j === undefined)
      fail("unknown_id", path, `unknown id ${JSON.stringify(b)}; expected one of ${ids.join(", ")}`);
    if (i === j) fail("self_comparison", path, `${JSON.stringify(a)} is compared with itself`);
    if (typeof v !== "number" || !Number.isFinite(v) || v < lo || v > hi)
      fail(
        "judgment_out_of_scale",
        path,
        `${JSON.stringify(a)} over ${JSON.stringify(b)} = ${String(v)} is outside Saaty's scale [1/9, 9]`,
      );
    const key = `${i},${j}`;
    if (given.has(key))
      fail(
        "duplicate_judgment",
        path,
        `the pair ${JSON.stringify(a)} over ${JSON.stringify(b)} is judged twice (also judgments[${given.get(key)}])`,
      );
    given.set(key, k);
    const reverse = given.get(`${j},${i}`);
    if (reverse !== undefined) {
      const u = m[j]?.[i] as number;
      if (Math.abs(u * v - 1) > tolerance + 1e-9)
        fail(
          "contradictory_judgment",
          path,
          `${JSON.stringify(a)} over ${JSON.stringify(b)} = ${v} contradicts judgments[${reverse}] (${JSON.stringify(b)} over ${JSON.stringify(a)} = ${u}); the two must be reciprocal`,
        );
      return;
    }
    (m[i] as (number | null)[])[j] = v;
    (m[j] as (number | null)[])[i] = 1 / v;
  });
  return m;
}
