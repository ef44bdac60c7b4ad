import { rankSumRatio } from "../../evaluate/rank-sum-ratio.js";
import type { Result } from "../../score/score.js";
import { indicatorCriteria } from "./criteria.js";
import { evaluationTable, type TableHead } from "./table.js";
import type { MethodOptions, ModelEvaluation } from "./types.js";
import { withContext } from "./with-context.js";

/**
 * {@link evaluateModel} with `method: "rsr"`: the weighted rank-sum ratio with the global weights, its
 * rank, probit, fitted value and grade per unit. @internal
 */
export function rsrOnModel(head: TableHead, result: Result, opts: MethodOptions<"rsr">): ModelEvaluation {
  const { method: _m, profile: _p, ranking, ...options } = opts;
  const x = indicatorCriteria(result);
  const r = withContext("rsr", () =>
    rankSumRatio(
      { columns: x.cols },
      { ...options, weights: x.weights, ...(ranking !== undefined ? { method: ranking } : {}) },
    ),
  );
  const values = [
    ["score", r.rsr],
    ["rank", r.ranks],
    ["probit", r.probit],
    ["fitted", r.fitted],
    ["grade", r.grades],
  ] as const;
  return evaluationTable(head, x, x.weights, values, r);
}
