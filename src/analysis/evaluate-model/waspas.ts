import { waspas } from "../../evaluate/waspas.js";
import type { Result } from "../../score/score.js";
import { indicatorCriteria } from "./criteria.js";
import { evaluationTable, type TableHead } from "./table.js";
import type { MethodOptions, ModelEvaluation } from "./types.js";
import { withContext } from "./with-context.js";

/** {@link evaluateModel} with `method: "waspas"`: joint criterion Q, rank, WSM and WPM per unit. @internal */
export function waspasOnModel(
  head: TableHead,
  result: Result,
  opts: MethodOptions<"waspas">,
): ModelEvaluation {
  const { method: _m, profile: _p, ...options } = opts;
  const x = indicatorCriteria(result);
  const r = withContext("waspas", () => waspas({ columns: x.cols }, x.weights, options));
  const values = [
    ["score", r.scores],
    ["rank", r.ranks],
    ["wsm", r.wsm],
    ["wpm", r.wpm],
  ] as const;
  return evaluationTable(head, x, x.weights, values, r);
}
