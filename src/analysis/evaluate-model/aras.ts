import { aras } from "../../evaluate/aras.js";
import type { Result } from "../../score/score.js";
import { indicatorCriteria } from "./criteria.js";
import { evaluationTable, type TableHead } from "./table.js";
import type { MethodOptions, ModelEvaluation } from "./types.js";
import { withContext } from "./with-context.js";

/** {@link evaluateModel} with `method: "aras"`: ARAS utility degree K and its rank per unit. @internal */
export function arasOnModel(head: TableHead, result: Result, opts: MethodOptions<"aras">): ModelEvaluation {
  const { method: _m, profile: _p, ...options } = opts;
  const x = indicatorCriteria(result);
  const r = withContext("aras", () => aras({ columns: x.cols }, x.weights, options));
  const values = [
    ["score", r.scores],
    ["rank", r.ranks],
    ["optimality", r.optimality],
  ] as const;
  return evaluationTable(head, x, x.weights, values, r);
}
