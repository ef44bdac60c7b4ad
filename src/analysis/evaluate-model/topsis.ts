import { topsis } from "../../evaluate/topsis.js";
import type { Result } from "../../score/score.js";
import { indicatorCriteria } from "./criteria.js";
import { evaluationTable, type TableHead } from "./table.js";
import type { MethodOptions, ModelEvaluation } from "./types.js";
import { withContext } from "./with-context.js";

/** {@link evaluateModel} with `method: "topsis"`: closeness, rank and both distances per unit. @internal */
export function topsisOnModel(
  head: TableHead,
  result: Result,
  opts: MethodOptions<"topsis">,
): ModelEvaluation {
  const { method: _m, profile: _p, ...options } = opts;
  const x = indicatorCriteria(result);
  const r = withContext("topsis", () => topsis({ columns: x.cols }, x.weights, options));
  const values = [
    ["score", r.scores],
    ["rank", r.ranks],
    ["dPlus", r.dPlus],
    ["dMinus", r.dMinus],
  ] as const;
  return evaluationTable(head, x, x.weights, values, r);
}
