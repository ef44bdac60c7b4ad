import { electre1 } from "../../evaluate/electre1.js";
import type { Result } from "../../score/score.js";
import { indicatorCriteria } from "./criteria.js";
import { evaluationTable, type TableHead } from "./table.js";
import type { MethodOptions, ModelEvaluation } from "./types.js";
import { withContext } from "./with-context.js";

/** {@link evaluateModel} with `method: "electre1"`: ELECTRE I: kernel membership and net outranking (score, rank) per unit. @internal */
export function electre1OnModel(
  head: TableHead,
  result: Result,
  opts: MethodOptions<"electre1">,
): ModelEvaluation {
  const { method: _m, profile: _p, ...options } = opts;
  const x = indicatorCriteria(result);
  const r = withContext("electre1", () => electre1({ columns: x.cols }, x.weights, options));
  const kernel = new Set(r.kernel);
  const values = [
    ["score", r.scores],
    ["rank", r.ranks],
    ["kernel", r.scores.map((_, i) => (kernel.has(i) ? 1 : 0))],
  ] as const;
  return evaluationTable(head, x, x.weights, values, r);
}
