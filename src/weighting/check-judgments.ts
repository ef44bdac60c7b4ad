import type { ErrorCode } from "../internal/error-codes.js";
import { type Issue, parsePath } from "../internal/errors.js";
import { didYouMean } from "../internal/nearest.js";
import { AHP_TOLERANCE, isReciprocal, onSaatyScale } from "./ahp-defaults.js";
import { readJudgmentValue } from "./judgment-value.js";
import type { Judgment } from "./judgments.js";

/** Options of {@link checkJudgments}. @internal */
export interface CheckJudgmentsOptions {
  /** Path of the judgments array; issues point at `${path}[k]`. Default `"judgments"`. */
  path?: string;
  /** Relative tolerance of the reciprocity and scale rules. Default 0.01. */
  tolerance?: number;
  /** Id of the group whose children are compared, named in messages (`"x" is not a child of "safety"`). */
  owner?: string;
  /**
   * Point a judgment off the scale at its value (`judgments[3][2]`, the JSON path an editor wants) rather than at
   * the judgment (`judgments[3]`). Default false.
   */
  valuePaths?: boolean;
}

/** Result of {@link checkJudgments}. @internal */
export interface JudgmentsCheck {
  /** Every problem found, in the order of the judgments; at most one per judgment (two for two unknown ids). */
  issues: Issue[];
  /**
   * The judgments that passed, in order, each pair once: a pair restated in the other order with a reciprocal
   * value (`["a", "b", 3]` then `["b", "a", 0.33]`) keeps the first.
   */
  judgments: Judgment[];
  /**
   * The rounded reciprocals read as exact fractions (`0.111` as 1/9, see `readJudgmentValue`): where each is and
   * how it was written. Not a problem: the caller may report them as one note.
   */
  rounded: { where: string; written: string; exact: string }[];
}

/**
 * The one set of rules for pairwise judgments `[a, b, v]` over the elements `ids`: `checkModel` reports every
 * issue it returns, `judgmentsToMatrix` throws the first. A judgment fails for its first problem only, so one
 * mistake gives one issue:
 *
 * - `invalid_judgment`: not a triple `[string, string, value]` (or `judgments` is not an array), or a value that is
 *   neither a number nor a fraction in a string (`"1/3"`);
 * - `unknown_child`: `a` or `b` is not one of `ids` (one issue per unknown id);
 * - `self_comparison`: `a` is compared with itself;
 * - `judgment_out_of_scale`: `v` is not a number on Saaty's scale [1/9, 9] (after `readJudgmentValue`, which reads a
 *   rounded reciprocal such as 0.111 as the exact 1/9, so both v and the entry 1/v it makes are on the scale);
 * - `duplicate_judgment`: the same ordered pair again with the same value (within `tolerance`);
 * - `contradictory_judgment`: the pair again with a value that disagrees (for the reverse order: not the
 *   reciprocal within `tolerance`).
 *
 * Whether the judgments cover and connect the elements is a question about the whole set, asked by the callers
 * once the set is clean.
 * @internal
 */
export function checkJudgments(
  ids: readonly string[],
  judgments: unknown,
  opts: CheckJudgmentsOptions = {},
): JudgmentsCheck {
  const path = opts.path ?? "judgments";
  const tolerance = opts.tolerance ?? AHP_TOLERANCE;
  const issues: Issue[] = [];
  const accepted: Judgment[] = [];
  const rounded: JudgmentsCheck["rounded"] = [];
  const error = (code: ErrorCode, where: string, message: string): void => {
    issues.push({ code, severity: "error", path: parsePath(where), where, message });
  };
  if (!Array.isArray(judgments)) {
    error("invalid_judgment", path, "expected an array of [a, b, value] triples");
    return { issues, judgments: accepted, rounded };
  }
  const index = new Map(ids.map((id, k) => [id, k]));
  const unknown = (id: string): string =>
    opts.owner === undefined
      ? `unknown id ${JSON.stringify(id)}; expected one of ${ids.join(", ")}`
      : `${JSON.stringify(id)} is not a child of ${JSON.stringify(opts.owner)} (children: ${ids.join(", ")})${didYouMean(id, ids)}`;
  /** The first judgment of each ordered pair of indices `i,j`: where it is and its value. */
  const given = new Map<string, { k: number; v: number }>();

  const list: readonly unknown[] = judgments;
  for (const [k, jd] of list.entries()) {
    const at = `${path}[${k}]`;
    const valueAt = opts.valuePaths ? `${at}[2]` : at;
    if (!Array.isArray(jd) || jd.length !== 3 || typeof jd[0] !== "string" || typeof jd[1] !== "string") {
      error("invalid_judgment", at, "expected a triple [a, b, value] with two ids and a number");
      continue;
    }
    const [a, b, raw]: [string, string, unknown] = [jd[0], jd[1], jd[2]];
    const i = index.get(a);
    const j = index.get(b);
    if (i === undefined) error("unknown_child", at, unknown(a));
    if (j === undefined && b !== a) error("unknown_child", at, unknown(b));
    if (i === undefined || j === undefined) continue;
    const pair = `${JSON.stringify(a)} over ${JSON.stringify(b)}`;
    if (i === j) {
      error("self_comparison", at, `${JSON.stringify(a)} is compared with itself`);
      continue;
    }
    const read = readJudgmentValue(raw, tolerance);
    if (read === undefined && typeof raw === "string") {
      error(
        "invalid_judgment",
        valueAt,
        `${pair} = ${JSON.stringify(raw)} is not a number or a fraction such as "1/3"`,
      );
      continue;
    }
    const v = read?.value;
    if (!onSaatyScale(v, tolerance)) {
      error("judgment_out_of_scale", valueAt, `${pair} = ${String(raw)} is outside Saaty's scale [1/9, 9]`);
      continue;
    }
    const same = given.get(`${i},${j}`);
    const reverse = given.get(`${j},${i}`);
    if (same !== undefined) {
      if (isReciprocal(same.v, 1 / v, tolerance))
        error("duplicate_judgment", at, `the pair ${pair} is judged twice (also ${path}[${same.k}])`);
      else
        error(
          "contradictory_judgment",
          at,
          `${pair} = ${v} contradicts ${path}[${same.k}] (${pair} = ${same.v}); judge each pair once`,
        );
    } else if (reverse !== undefined) {
      // The pair restated in the other order: fine when reciprocal (the first value stays).
      if (!isReciprocal(reverse.v, v, tolerance))
        error(
          "contradictory_judgment",
          at,
          `${pair} = ${v} contradicts ${path}[${reverse.k}] (${JSON.stringify(b)} over ${JSON.stringify(a)} = ${reverse.v}); the two must be reciprocal`,
        );
    } else {
      given.set(`${i},${j}`, { k, v });
      accepted.push([a, b, v]);
      if (read?.rounded) rounded.push({ where: valueAt, ...read.rounded });
    }
  }
  return { issues, judgments: accepted, rounded };
}
