import { couplingCoordination } from "../../evaluate/coupling.js";
import type { Model } from "../../indicators/schema.js";
import { fail } from "../../internal/errors.js";
import type { DatasetInput } from "../../score/dataset.js";
import type { ResolvedNode } from "../../score/resolve-profile.js";
import { type Result, score } from "../../score/score.js";
import { type Criteria, completeUnits } from "./criteria.js";
import { evaluationTable, type TableHead, type ValueColumn } from "./table.js";
import type { MethodOptions, ModelEvaluation } from "./types.js";
import { withContext } from "./with-context.js";

/**
 * {@link evaluateModel} with `method: "coupling"` and no `profiles`: the root's children (the
 * top-level dimensions) are the subsystems, their scores the U values. @internal
 */
export function couplingOfDimensions(
  head: TableHead,
  result: Result,
  opts: MethodOptions<"coupling">,
): ModelEvaluation {
  const { nodes, root } = result.resolved;
  const dims = (nodes.get(root) as ResolvedNode).children;
  if (dims.length < 2)
    fail("invalid_option", "opts.method", `the root "${root}" has fewer than 2 dimensions to couple`);
  const x = completeUnits(
    result.units,
    dims,
    dims.map((d) => result.scores[d] as Float64Array),
  );
  return couplingTable(head, x, opts);
}

/**
 * {@link evaluateModel} with `method: "coupling"` and `profiles`: each profile is scored, and the
 * profiles' root scores are the subsystems (平急结合). @internal
 */
export function couplingOfProfiles(
  model: Model,
  data: DatasetInput,
  opts: MethodOptions<"coupling">,
): ModelEvaluation {
  const names = opts.profiles ?? [];
  if (!Array.isArray(names) || names.length < 2 || new Set(names).size !== names.length)
    fail(
      "invalid_option",
      "opts.profiles",
      "coupling between profiles needs at least 2 different profile names",
    );
  const results = names.map((p) => score(model, data, { profile: p }));
  const units = (results[0] as Result).units;
  results.forEach((r, k) => {
    if (r.units.length !== units.length || r.units.some((u, i) => u !== units[i]))
      fail(
        "invalid_option",
        `opts.profiles[${k}]`,
        `profile "${names[k]}" scores other units than "${names[0]}"`,
      );
  });
  const x = completeUnits(
    units,
    [...names],
    results.map((r) => r.scores[r.resolved.root] as Float64Array),
  );
  return couplingTable({ method: "coupling", profile: names.join(","), units }, x, opts);
}

/** Runs the coupling model on the subsystems `x` and tabulates U per subsystem, C, T, D and the band of D. */
function couplingTable(head: TableHead, x: Criteria, opts: MethodOptions<"coupling">): ModelEvaluation {
  const { method: _m, profile: _p, profiles: _ps, ...options } = opts;
  const r = withContext("coupling", () => couplingCoordination({ columns: x.cols }, options));
  const values: ValueColumn[] = [
    ...x.cols.map((col, j): ValueColumn => [`U_${x.ids[j]}`, Array.from(col)]),
    ["C", r.c],
    ["T", r.t],
    ["D", r.d],
    ["grade", r.grades.map((band) => band.level)],
    ["band", r.grades.map((band) => band.en)],
    ["band_zh", r.grades.map((band) => band.zh)],
  ];
  return evaluationTable(head, x, [], values, r);
}
