import { resolveAggregate } from "../aggregate/resolve-aggregate.js";
import type { Diagnostic } from "../indicators/check/diagnostic.js";
import { error, warning } from "../indicators/check/diagnostic.js";
import { compileFormula } from "../indicators/formula.js";
import { appendKey } from "../indicators/parse-model.js";
import { profileNames } from "../indicators/profiles.js";
import type { Model } from "../indicators/schema.js";
import { isIndicator, walkTree } from "../indicators/tree.js";
import { levelsOfIndicators } from "./indicator-levels.js";
import { recomputedIndicators } from "./level-inputs.js";
import { type ResolvedProfile, resolveChecked } from "./resolve-profile.js";

/**
 * Groups whose weights vary by unit must aggregate by the arithmetic mean, per profile: state variable
 * weights (DOMAIN C7.1 defines them on the weighted sum V = sum_j w_j(x) x_j, and the contributions of
 * methods.md need that sum), a per-unit blend (the blend of two weight vectors is a weight vector per
 * unit only in the weighted sum's sense) and local indicators (a child absent by design for some units);
 * a geometric or harmonic mean with such weights would be a different model, which `score` refuses
 * (`invalid_option`). With levels, a group above a formula recomputed from summed inputs is
 * re-aggregated at every level from its children's parts, by the arithmetic mean with the same weights
 * for every unit (`invalid_levels`); a formula that reads summed inputs and other columns is rolled up,
 * not recomputed (`partial_sum`, a warning). Run on a model without other errors: each profile is resolved as
 * `score` resolves it. @internal
 */
export function checkUnitAggregation(model: Model): Diagnostic[] {
  const out: Diagnostic[] = [];
  // Most models have none of these: nothing to resolve.
  const perUnit =
    Object.values(model.profiles ?? {}).some(
      (p) => p.variableWeights !== undefined || (p.blend !== undefined && "column" in p.blend),
    ) ||
    walkTree(model.tree).some((v) => v.node.appliesTo !== undefined) ||
    (model.inputs ?? []).some((i) => i.rollup === "sum");
  if (!perUnit) return out;
  const levels = (model.levels ?? []).map((l) => l.id);
  const recomputed =
    levels.length > 0
      ? recomputedIndicators(model, levelsOfIndicators(model.tree, levels[0]!, levels), levels[0]!)
      : new Map<string, unknown>();
  out.push(...partialSums(model, recomputed));
  for (const name of profileNames(model)) {
    let profile: ResolvedProfile;
    try {
      profile = resolveChecked(model, name);
    } catch {
      continue; // reported by the other checks
    }
    const base = appendKey("profiles", name);
    const above = new Set<string>();
    for (const id of recomputed.keys())
      if (profile.nodes.has(id))
        for (let p = profile.nodes.get(id)?.parent; p !== undefined; p = profile.nodes.get(p)?.parent)
          above.add(p);
    for (const node of profile.nodes.values()) {
      if (node.indicator) continue;
      const v = profile.variable;
      const cause =
        v && (v.nodes === undefined || v.nodes.has(node.id))
          ? { what: "variable weights", at: `${base}.variableWeights` }
          : profile.blend?.unit?.has(node.id)
            ? { what: "a per-unit blend", at: `${base}.blend` }
            : node.children.some((c) => profile.nodes.get(c)?.node.appliesTo !== undefined)
              ? { what: "local indicators (appliesTo)", at: node.path }
              : undefined;
      const method = resolveAggregate(node.aggregate).method;
      if (cause && method !== "arithmetic")
        out.push(
          error(
            "invalid_option",
            cause.at,
            `profile "${name}": group "${node.id}" has weights that vary by unit (${cause.what}), which need the arithmetic mean; it aggregates by ${JSON.stringify(node.aggregate)}`,
          ),
        );
      if (above.has(node.id) && (method !== "arithmetic" || cause))
        out.push(
          error(
            "invalid_levels",
            node.path,
            `profile "${name}": group "${node.id}" is above a formula recomputed at each level from summed inputs (rollup: "sum"), so it is re-aggregated at each level by the arithmetic mean with the same weights for every unit; it ${method !== "arithmetic" ? `aggregates by ${JSON.stringify(node.aggregate)}` : `has ${cause?.what}`}`,
          ),
        );
    }
  }
  return out;
}

/** Formula indicators reading summed inputs beside other columns, with levels: rolled up, not recomputed. */
function partialSums(model: Model, recomputed: ReadonlyMap<string, unknown>): Diagnostic[] {
  const summed = new Set((model.inputs ?? []).filter((i) => i.rollup === "sum").map((i) => i.id));
  if ((model.levels ?? []).length === 0 || summed.size === 0) return [];
  const out: Diagnostic[] = [];
  for (const { node, path } of walkTree(model.tree)) {
    if (!isIndicator(node) || node.formula === undefined || recomputed.has(node.id)) continue;
    const names = compileFormula(node.formula).variables;
    const sums = names.filter((v) => summed.has(v));
    if (sums.length === 0) continue;
    const others = names.filter((v) => !summed.has(v) && !recomputed.has(v));
    if (others.length === 0) continue;
    out.push(
      warning(
        "partial_sum",
        `${path}.formula`,
        `"${node.id}" reads the summed input(s) ${sums.join(", ")} and ${others.join(", ")}, which ${others.length > 1 ? "are" : "is"} not summed: above the lowest level it is rolled up as a score, not recomputed; give ${others.join(", ")} rollup: "sum" to recompute it`,
      ),
    );
  }
  return out;
}
