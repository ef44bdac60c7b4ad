import { moora } from "../../evaluate/moora.js";
import type { Result } from "../../score/score.js";
import { indicatorCriteria } from "./criteria.js";
import { evaluationTable, type TableHead } from "./table.js";
import type { MethodOptions, ModelEvaluation } from "./types.js";
import { withContext } from "./with-context.js";

/** {@link evaluateModel} with `method: "moora"`: MOORA ratio system and reference point per unit (score and rank by `approach`). @internal */
export function mooraOnModel(head: TableHead, result: Result, opts: MethodOptions<"moora">): ModelEvaluation {
  const { method: _m, profile: _p, ...options } = opts;
  const x = indicatorCriteria(result);
  const r = withContext("moora", () => moora({ columns: x.cols }, x.weights, options));
  const values = [
    ["score", r.scores],
    ["rank", r.ranks],
    ["ratioSystem", r.ratioSystem],
    ["referencePoint", r.referencePoint],
  ] as const;
  return evaluationTable(head, x, x.weights, values, r);
}
