import { fuzzyEvaluation } from "../../evaluate/fuzzy.js";
import { fail } from "../../internal/errors.js";
import type { Result } from "../../score/score.js";
import { indicatorCriteria } from "./criteria.js";
import { evaluationTable, type TableHead, type ValueColumn } from "./table.js";
import type { MethodOptions, ModelEvaluation } from "./types.js";
import { withContext } from "./with-context.js";

/**
 * {@link evaluateModel} with `method: "fuzzy"`: score, rank, maximum-membership grade and the
 * membership of every grade per unit. @internal
 */
export function fuzzyOnModel(head: TableHead, result: Result, opts: MethodOptions<"fuzzy">): ModelEvaluation {
  const { method: _m, profile: _p, breakpoints, ...options } = opts;
  const x = indicatorCriteria(result);
  const bp = breakpoints ? [...breakpoints] : defaultBreakpoints(result);
  const r = withContext("fuzzy", () =>
    fuzzyEvaluation({ values: { columns: x.cols }, breakpoints: bp }, x.weights, options),
  );
  const values: ValueColumn[] = [
    ["score", r.scores],
    ["rank", r.ranks],
    ["grade", r.labels],
    ...r.options.gradeLabels.map((label, g): ValueColumn => [label, r.normalized.map((b) => b[g])]),
  ];
  return evaluationTable(head, x, x.weights, values, r);
}

/** Five evenly spaced breakpoints over the output range the active indicators' normalizations share. */
function defaultBreakpoints(result: Result): number[] {
  let range: [number, number] | undefined;
  for (const id of result.resolved.indicators) {
    const r = result.normalization[id]?.range;
    if (!r || (range && (range[0] !== r[0] || range[1] !== r[1])))
      fail(
        "invalid_option",
        "opts.breakpoints",
        `indicators do not share one bounded normalization range (see "${id}"): give the grade breakpoints`,
      );
    range = r;
  }
  const [lo, hi] = range as [number, number]; // a profile has at least one active indicator
  return [0, 1, 2, 3, 4].map((k) => lo + ((hi - lo) * k) / 4);
}
