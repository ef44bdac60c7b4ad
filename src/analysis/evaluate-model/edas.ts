import { edas } from "../../evaluate/edas.js";
import type { Result } from "../../score/score.js";
import { indicatorCriteria } from "./criteria.js";
import { evaluationTable, type TableHead } from "./table.js";
import type { MethodOptions, ModelEvaluation } from "./types.js";
import { withContext } from "./with-context.js";

/** {@link evaluateModel} with `method: "edas"`: appraisal score, rank, SP and SN per unit. @internal */
export function edasOnModel(head: TableHead, result: Result, opts: MethodOptions<"edas">): ModelEvaluation {
  const { method: _m, profile: _p, ...options } = opts;
  const x = indicatorCriteria(result);
  const r = withContext("edas", () => edas({ columns: x.cols }, x.weights, options));
  const values = [
    ["score", r.scores],
    ["rank", r.ranks],
    ["SP", r.SP],
    ["SN", r.SN],
  ] as const;
  return evaluationTable(head, x, x.weights, values, r);
}
