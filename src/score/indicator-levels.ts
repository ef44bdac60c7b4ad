import type { Model, ModelNode } from "../indicators/model-types.js";
import { isIndicator } from "../indicators/tree.js";
import { fail } from "../internal/errors.js";
import type { ResolvedProfile } from "./resolve-profile.js";

/** The level of every indicator: its own `level`, else its nearest ancestor's, else the lowest. @internal */
export function levelsOfIndicators(
  tree: ModelNode,
  lowest: string,
  levels: readonly string[],
): Record<string, string> {
  const out: Record<string, string> = {};
  const visit = (node: ModelNode, inherited: string, path: string): void => {
    const l = node.level ?? inherited;
    if (!levels.includes(l))
      fail("invalid_levels", `${path}.level`, `"${l}" is not a level of the model (${levels.join(", ")})`);
    if (isIndicator(node)) out[node.id] = l;
    for (const [i, c] of (node.children ?? []).entries()) visit(c, l, `${path}.children[${i}]`);
  };
  visit(tree, lowest, "tree");
  return out;
}

/**
 * The level of every indicator active in a resolved profile (its own `level`, its nearest ancestor's, or
 * the lowest), in tree order: the indicators `scoreLevels` measures at each level. An indicator the
 * profile leaves out (limited to other `profiles`, excluded) measures nothing at any level. Empty for a
 * model without levels. @internal
 */
export function activeIndicatorLevels(model: Model, profile: ResolvedProfile): Record<string, string> {
  const levels = (model.levels ?? []).map((l) => l.id);
  if (levels.length === 0) return {};
  const all = levelsOfIndicators(model.tree, levels[0] as string, levels);
  const out: Record<string, string> = {};
  for (const id of profile.indicators) if (Object.hasOwn(all, id)) out[id] = all[id] as string;
  return out;
}

/**
 * Whether scoring a profile by level (`scoreLevels`) differs from scoring the lowest level and rolling up:
 * the model declares levels and the profile has an active indicator measured above the lowest level, or
 * the model sums inputs up the levels (`rollup: "sum"`). The CLI's `score` decides its path by it.
 * @internal
 */
export function measuresAboveLowest(model: Model, profile: ResolvedProfile): boolean {
  const levels = (model.levels ?? []).map((l) => l.id);
  if (levels.length === 0) return false;
  if ((model.inputs ?? []).some((i) => i.rollup === "sum")) return true;
  return Object.values(activeIndicatorLevels(model, profile)).some((l) => l !== levels[0]);
}
