import { promethee } from "../../evaluate/promethee.js";
import type { Result } from "../../score/score.js";
import { indicatorCriteria } from "./criteria.js";
import { evaluationTable, type TableHead } from "./table.js";
import type { MethodOptions, ModelEvaluation } from "./types.js";
import { withContext } from "./with-context.js";

/** {@link evaluateModel} with `method: "promethee"`: net flow, rank and both flows per unit. @internal */
export function prometheeOnModel(
  head: TableHead,
  result: Result,
  opts: MethodOptions<"promethee">,
): ModelEvaluation {
  const { method: _m, profile: _p, ...options } = opts;
  const x = indicatorCriteria(result);
  const r = withContext("promethee", () => promethee({ columns: x.cols }, x.weights, options));
  const values = [
    ["phi", r.phi],
    ["rank", r.ranks],
    ["phiPlus", r.phiPlus],
    ["phiMinus", r.phiMinus],
  ] as const;
  return evaluationTable(head, x, x.weights, values, r);
}
