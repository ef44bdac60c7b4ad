import { cocoso } from "../../evaluate/cocoso.js";
import type { Result } from "../../score/score.js";
import { indicatorCriteria } from "./criteria.js";
import { evaluationTable, type TableHead } from "./table.js";
import type { MethodOptions, ModelEvaluation } from "./types.js";
import { withContext } from "./with-context.js";

/** {@link evaluateModel} with `method: "cocoso"`: CoCoSo appraisal score k, its rank and k_a, k_b, k_c per unit. @internal */
export function cocosoOnModel(
  head: TableHead,
  result: Result,
  opts: MethodOptions<"cocoso">,
): ModelEvaluation {
  const { method: _m, profile: _p, ...options } = opts;
  const x = indicatorCriteria(result);
  const r = withContext("cocoso", () => cocoso({ columns: x.cols }, x.weights, options));
  const values = [
    ["score", r.scores],
    ["rank", r.ranks],
    ["ka", r.ka],
    ["kb", r.kb],
    ["kc", r.kc],
  ] as const;
  return evaluationTable(head, x, x.weights, values, r);
}
