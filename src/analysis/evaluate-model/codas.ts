import { codas } from "../../evaluate/codas.js";
import type { Result } from "../../score/score.js";
import { indicatorCriteria } from "./criteria.js";
import { evaluationTable, type TableHead } from "./table.js";
import type { MethodOptions, ModelEvaluation } from "./types.js";
import { withContext } from "./with-context.js";

/** {@link evaluateModel} with `method: "codas"`: CODAS assessment score H, its rank and both distances per unit. @internal */
export function codasOnModel(head: TableHead, result: Result, opts: MethodOptions<"codas">): ModelEvaluation {
  const { method: _m, profile: _p, ...options } = opts;
  const x = indicatorCriteria(result);
  const r = withContext("codas", () => codas({ columns: x.cols }, x.weights, options));
  const values = [
    ["score", r.scores],
    ["rank", r.ranks],
    ["euclidean", r.euclidean],
    ["taxicab", r.taxicab],
  ] as const;
  return evaluationTable(head, x, x.weights, values, r);
}
