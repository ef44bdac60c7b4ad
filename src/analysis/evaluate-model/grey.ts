import { greyRelational } from "../../evaluate/grey-relational.js";
import type { Result } from "../../score/score.js";
import { indicatorCriteria } from "./criteria.js";
import { evaluationTable, type TableHead } from "./table.js";
import type { MethodOptions, ModelEvaluation } from "./types.js";
import { withContext } from "./with-context.js";

/** {@link evaluateModel} with `method: "grey"`: the grade weighted by the global weights, and its rank. @internal */
export function greyOnModel(head: TableHead, result: Result, opts: MethodOptions<"grey">): ModelEvaluation {
  const { method: _m, profile: _p, ...options } = opts;
  const x = indicatorCriteria(result);
  const r = withContext("grey", () =>
    greyRelational({ columns: x.cols }, { ...options, weights: x.weights }),
  );
  const values = [
    ["score", r.grades],
    ["rank", r.ranks],
  ] as const;
  return evaluationTable(head, x, x.weights, values, r);
}
