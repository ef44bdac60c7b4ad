import { vikor } from "../../evaluate/vikor.js";
import type { Result } from "../../score/score.js";
import { indicatorCriteria } from "./criteria.js";
import { evaluationTable, type TableHead } from "./table.js";
import type { MethodOptions, ModelEvaluation } from "./types.js";
import { withContext } from "./with-context.js";

/** {@link evaluateModel} with `method: "vikor"`: Q (lower is better), rank, S, R and membership of the compromise set (1/0) per unit. @internal */
export function vikorOnModel(head: TableHead, result: Result, opts: MethodOptions<"vikor">): ModelEvaluation {
  const { method: _m, profile: _p, ...options } = opts;
  const x = indicatorCriteria(result);
  const r = withContext("vikor", () => vikor({ columns: x.cols }, x.weights, options));
  const values = [
    ["Q", r.Q],
    ["rank", r.ranks],
    ["S", r.S],
    ["R", r.R],
    ["compromise", inCompromise(r.compromise, r.Q.length)],
  ] as const;
  return evaluationTable(head, x, x.weights, values, r);
}

/** 1 for the units of the compromise set, 0 for the others. */
function inCompromise(set: readonly number[], m: number): number[] {
  const out = new Array<number>(m).fill(0);
  for (const i of set) out[i] = 1;
  return out;
}
