import { multimoora } from "../../evaluate/multimoora.js";
import type { Result } from "../../score/score.js";
import { indicatorCriteria } from "./criteria.js";
import { evaluationTable, type TableHead } from "./table.js";
import type { MethodOptions, ModelEvaluation } from "./types.js";
import { withContext } from "./with-context.js";

/** {@link evaluateModel} with `method: "multimoora"`: MULTIMOORA dominance score and rank, with the three parts' ranks. @internal */
export function multimooraOnModel(
  head: TableHead,
  result: Result,
  opts: MethodOptions<"multimoora">,
): ModelEvaluation {
  const { method: _m, profile: _p, ...options } = opts;
  const x = indicatorCriteria(result);
  const r = withContext("multimoora", () => multimoora({ columns: x.cols }, x.weights, options));
  const values = [
    ["score", r.scores],
    ["rank", r.ranks],
    ["ratioRank", r.ratioRanks],
    ["referenceRank", r.referenceRanks],
    ["multiplicativeRank", r.multiplicativeRanks],
  ] as const;
  return evaluationTable(head, x, x.weights, values, r);
}
