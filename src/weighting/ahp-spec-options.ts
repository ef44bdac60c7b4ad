import type { AhpWeightSpec } from "../indicators/schema.js";
import { AHP_THRESHOLD } from "./ahp-defaults.js";
import type { AhpMethod } from "./pairwise.js";
import type { RiTable } from "./ri-tables.js";

/** The {@link ahp} options a model's AHP spec asks for, defaults filled in. @internal */
export interface AhpSpecOptions {
  method: AhpMethod;
  ri: RiTable;
  threshold: number;
}

/**
 * The options of `ahp` that an AHP weight spec of a model stands for (`priority`, `ri`, `threshold`), with the
 * defaults of `ahp` filled in: used by `specWeights` to weigh and by `checkModel` to check, so that both judge
 * consistency the same way.
 * @internal
 */
export function ahpSpecOptions(spec: Pick<AhpWeightSpec, "priority" | "ri" | "threshold">): AhpSpecOptions {
  return {
    method: spec.priority ?? "eigenvector",
    ri: spec.ri ?? "saaty",
    threshold: spec.threshold ?? AHP_THRESHOLD,
  };
}
