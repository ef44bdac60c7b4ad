import { MAX_NODES } from "../../internal/limits.js";
import type { Model } from "../schema.js";
import { walkTree } from "../tree.js";
import { type Diagnostic, error } from "./diagnostic.js";
import { checkFormulas } from "./formulas.js";
import { checkGradesAndRules } from "./grades.js";
import { checkNormalizeSpec, checkTreatSpec } from "./indicator.js";
import { checkNodes } from "./nodes.js";
import { checkOutputColumns } from "./output-columns.js";
import { checkProfiles } from "./profiles.js";
import type { AhpSpecCheck } from "./weight-spec.js";

/** Options of {@link checkStructure}. */
export interface CheckStructureOptions {
  /**
   * The checker of AHP specs, called for each in its place so that the diagnostics keep the model's order.
   * `checkModel` passes the one of the weighting layer; without it, AHP judgments are not checked.
   */
  ahp?: AhpSpecCheck;
}

/**
 * The structural checks of a schema-valid model, everything `checkModel` does except the AHP judgments:
 * limits (`too_many_nodes`, `too_deep`), ids, groups and indicators, formulas, profiles and fixed weights,
 * grades and assessment rules.
 * Returns diagnostics in the order of the model (nodes in tree order, then formulas, then profiles) and never
 * throws for a schema-valid model. Use `checkModel`, which adds the AHP checks through `opts.ahp`; this is its
 * lower half, for code below the weighting layer.
 *
 * @example
 * ```ts
 * const model = parseModel({ id: "m", tree: { id: "root", children: [{ id: "a" }, { id: "a" }] } });
 * checkStructure(model).map((d) => d.code); // => ["duplicate_id"]
 * ```
 */
export function checkStructure(model: Model, opts: CheckStructureOptions = {}): Diagnostic[] {
  const visited = walkTree(model.tree);
  if (visited.length > MAX_NODES)
    return [
      error("too_many_nodes", "tree", `the tree has ${visited.length} nodes; the limit is ${MAX_NODES}`),
    ];
  const nodes = checkNodes(model, visited);
  if (nodes.tooDeep) return nodes.diagnostics;
  return [
    ...checkNormalizeSpec(model.defaults?.normalize, "defaults.normalize"),
    ...checkTreatSpec(model.defaults?.treat, "defaults.treat"),
    ...nodes.diagnostics,
    ...checkOutputColumns(visited, model),
    ...checkFormulas(model, nodes.byId),
    ...checkProfiles(model, nodes.byId, opts.ahp),
    ...checkGradesAndRules(model, nodes.byId),
  ];
}
