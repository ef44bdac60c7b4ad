import { copras } from "../../evaluate/copras.js";
import type { Result } from "../../score/score.js";
import { indicatorCriteria } from "./criteria.js";
import { evaluationTable, type TableHead } from "./table.js";
import type { MethodOptions, ModelEvaluation } from "./types.js";
import { withContext } from "./with-context.js";

/** {@link evaluateModel} with `method: "copras"`: utility degree N, rank, Q, S+ and S- per unit. @internal */
export function coprasOnModel(
  head: TableHead,
  result: Result,
  opts: MethodOptions<"copras">,
): ModelEvaluation {
  const { method: _m, profile: _p, ...options } = opts;
  const x = indicatorCriteria(result);
  const r = withContext("copras", () => copras({ columns: x.cols }, x.weights, options));
  const values = [
    ["score", r.scores],
    ["rank", r.ranks],
    ["Q", r.Q],
    ["sPlus", r.sPlus],
    ["sMinus", r.sMinus],
  ] as const;
  return evaluationTable(head, x, x.weights, values, r);
}
