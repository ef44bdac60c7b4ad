import { checkStructure } from "../indicators/check/check-structure.js";
import type { Diagnostic } from "../indicators/check/diagnostic.js";
import type { Model } from "../indicators/schema.js";
import { checkAhpSpec } from "../weighting/check-ahp-spec.js";
import { checkSpace } from "../weighting/check-space.js";
import { checkUnitAggregation } from "./check-unit-aggregation.js";

/**
 * Semantic checks of a schema-valid model: everything the schema cannot say. Returns diagnostics
 * (errors and warnings), each with a stable code, the JSON path at fault and what was expected;
 * never throws for a schema-valid model. Diagnostics follow the model: nodes in tree order, then
 * formulas, then each profile. AHP judgments are checked by the same rules that `judgmentsToMatrix`
 * and `ahp` apply when scoring, and one mistake gives one diagnostic (a judgment off the scale is
 * not also reported as a child missing from the judgments).
 *
 * Codes: `duplicate_id`, `invalid_id`, `reserved_id`, `empty_group`, `indicator_with_children`,
 * `invalid_goalposts`, `target_outside_goalposts`, `invalid_range`, `missing_goalposts`,
 * `unknown_node`, `weights_on_indicator`, `unknown_child`, `missing_child`, `negative_weight`,
 * `zero_weights`, `invalid_judgment`, `judgment_out_of_scale`, `self_comparison`, `duplicate_judgment`,
 * `contradictory_judgment`, `invalid_matrix`, `matrix_not_square`, `matrix_wrong_size`, `not_reciprocal`,
 * `disconnected_judgments`, `inconsistent_judgments` (warning), `unknown_profile`, `profile_cycle`,
 * `no_active_child`, `unknown_indicator`, `invalid_formula`, `unknown_variable`, `formula_cycle`,
 * `too_deep`, `too_many_nodes`, `missing_target`, `ambiguous_judgments`, `missing_judgments`,
 * `invalid_diagonal`, and on a model without other errors `invalid_option` (a group whose weights vary
 * by unit, by variable weights, a per-unit blend or local indicators, that is not an arithmetic mean)
 * and `invalid_levels` (a group above a formula recomputed from summed inputs that is not an
 * arithmetic mean with the same weights for every unit); `unknown_profile` is a warning when an indicator's `profiles` names a profile
 * the model does not have.
 *
 * @example
 * ```ts
 * const model = parseModel({ id: "m", tree: { id: "root", children: [{ id: "a" }, { id: "a" }] } });
 * checkModel(model).map((d) => d.code); // => ["duplicate_id"]
 * ```
 */
export function checkModel(model: Model): Diagnostic[] {
  const out = [...checkStructure(model, { ahp: checkAhpSpec }), ...checkSpace(model)];
  // Resolving the profiles needs a model without errors.
  if (out.some((d) => d.severity === "error")) return out;
  return [...out, ...checkUnitAggregation(model)];
}
