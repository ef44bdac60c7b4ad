import { mabac } from "../../evaluate/mabac.js";
import type { Result } from "../../score/score.js";
import { indicatorCriteria } from "./criteria.js";
import { evaluationTable, type TableHead } from "./table.js";
import type { MethodOptions, ModelEvaluation } from "./types.js";
import { withContext } from "./with-context.js";

/** {@link evaluateModel} with `method: "mabac"`: distance S from the border area, rank and the count of criteria above it per unit. @internal */
export function mabacOnModel(head: TableHead, result: Result, opts: MethodOptions<"mabac">): ModelEvaluation {
  const { method: _m, profile: _p, ...options } = opts;
  const x = indicatorCriteria(result);
  const r = withContext("mabac", () => mabac({ columns: x.cols }, x.weights, options));
  const values = [
    ["score", r.scores],
    ["rank", r.ranks],
    ["upper", r.upper],
  ] as const;
  return evaluationTable(head, x, x.weights, values, r);
}
