import { marcos } from "../../evaluate/marcos.js";
import type { Result } from "../../score/score.js";
import { indicatorCriteria } from "./criteria.js";
import { evaluationTable, type TableHead } from "./table.js";
import type { MethodOptions, ModelEvaluation } from "./types.js";
import { withContext } from "./with-context.js";

/** {@link evaluateModel} with `method: "marcos"`: MARCOS utility f(K), its rank, K- and K+ per unit. @internal */
export function marcosOnModel(
  head: TableHead,
  result: Result,
  opts: MethodOptions<"marcos">,
): ModelEvaluation {
  const { method: _m, profile: _p, ...options } = opts;
  const x = indicatorCriteria(result);
  const r = withContext("marcos", () => marcos({ columns: x.cols }, x.weights, options));
  const values = [
    ["score", r.scores],
    ["rank", r.ranks],
    ["kMinus", r.kMinus],
    ["kPlus", r.kPlus],
  ] as const;
  return evaluationTable(head, x, x.weights, values, r);
}
