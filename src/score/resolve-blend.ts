import type { Model, ProfileBlend } from "../indicators/model-types.js";
import { walkTree } from "../indicators/tree.js";
import { weighNode } from "./node-weights.js";
import type { ResolvedNode, ResolvedProfile } from "./resolve-profile.js";

/** The blend factor at which a per-unit blend (`{ between, column }`) reports its nominal weights. */
export const NOMINAL_BLEND_FACTOR = 0.5;

/** How a blended profile was formed: its coefficients and each component's local weights (`ResolvedProfile.blend`). */
export interface ResolvedBlend {
  /** Profile name -> coefficient (for a per-unit blend: the nominal 0.5 / 0.5). */
  coefficients: Record<string, number>;
  /** Component profile -> local weight of each of its active non-root nodes (0 where inactive is left out). */
  local: Record<string, Record<string, number>>;
  /** A per-unit blend: the column with each unit's factor λ and the profiles at λ = 0 and 1. */
  column?: { name: string; from: string; to: string } | undefined;
  /** Per-unit blend: for each group whose children weigh differently in `from` and `to`, both weight vectors (children order). */
  unit?: Map<string, { from: number[]; to: number[] }> | undefined;
}

/**
 * Resolves a blended profile (DOMAIN C7.2, level-wise): the active tree is the union of the
 * components' active trees; at every group, each child's local weight is sum_p c_p w_p(child), where
 * w_p is the component's local weight after its own multipliers and re-normalization, 0 for a child
 * inactive in p; a group inactive in some components blends over those where it is active, their
 * coefficients re-normalized. Every other setting of a node (aggregation, normalization, goalposts)
 * and of the profile (missing values, coverage) comes from the first component in which the node is
 * active, the profile settings from the first component. The blended weights are written as fixed
 * specs, so everything downstream (scoring, SQL, `resolveWeights`) reads them as usual.
 * @internal
 */
export function resolveBlend(
  model: Model,
  name: string,
  blend: ProfileBlend,
  resolve: (profile: string) => ResolvedProfile,
): ResolvedProfile {
  const column = isColumnBlend(blend)
    ? { name: blend.column, from: blend.between[0], to: blend.between[1] }
    : undefined;
  const coefficients: Record<string, number> = column
    ? { [column.from]: 1 - NOMINAL_BLEND_FACTOR, [column.to]: NOMINAL_BLEND_FACTOR }
    : { ...(blend as Record<string, number>) };
  if (column && column.from === column.to) coefficients[column.from] = 1;
  const names = Object.keys(coefficients);
  const parts = names.map((n) => ({ name: n, c: coefficients[n]!, profile: resolve(n) }));
  const local: Record<string, Record<string, number>> = {};
  for (const part of parts) {
    const w: Record<string, number> = {};
    for (const node of part.profile.nodes.values()) {
      if (node.indicator) continue;
      const sw = weighNode(part.profile, node);
      for (const [i, c] of node.children.entries()) w[c] = sw.weights[i]!;
    }
    local[part.name] = w;
  }
  const base = parts[0]!.profile;
  const nodes = new Map<string, ResolvedNode>();
  const indicators: string[] = [];
  const unit = new Map<string, { from: number[]; to: number[] }>();
  const isActive = (id: string): boolean => parts.some((p) => p.profile.nodes.has(id));
  for (const { node } of walkTree(model.tree)) {
    if (!isActive(node.id)) continue;
    const first = parts.find((p) => p.profile.nodes.has(node.id))!.profile.nodes.get(node.id)!;
    const children = (node.children ?? []).map((c) => c.id).filter(isActive);
    const resolved: ResolvedNode = { ...first, children, multiplier: 1 };
    if (!first.indicator) {
      const at = parts.filter((p) => p.profile.nodes.has(node.id));
      const total = at.reduce((a, p) => a + p.c, 0);
      const weightOf = (p: (typeof parts)[number], c: string): number => local[p.name]![c] ?? 0;
      const weights: Record<string, number> = {};
      for (const c of children)
        weights[c] = at.reduce((a, p) => a + (total > 0 ? p.c / total : 1 / at.length) * weightOf(p, c), 0);
      resolved.weights = { method: "fixed", weights };
      resolved.weightsFrom = name;
      if (column) {
        const pf = parts.find((p) => p.name === column.from)!;
        const pt = parts.find((p) => p.name === column.to)!;
        const from = children.map((c) => (pf.profile.nodes.has(node.id) ? weightOf(pf, c) : weightOf(pt, c)));
        const to = children.map((c) => (pt.profile.nodes.has(node.id) ? weightOf(pt, c) : weightOf(pf, c)));
        if (from.some((x, i) => x !== to[i])) unit.set(node.id, { from, to });
      }
    }
    nodes.set(node.id, resolved);
    if (resolved.indicator) indicators.push(node.id);
  }
  return {
    name,
    chain: [name],
    root: base.root,
    nodes,
    indicators,
    missing: base.missing,
    minCoverage: base.minCoverage,
    constant: base.constant,
    ...(base.localCap === undefined ? {} : { localCap: base.localCap }),
    blend: { coefficients, local, column, unit: column ? unit : undefined },
  };
}

/** True for a per-unit blend `{ between, column }`. @internal */
export function isColumnBlend(blend: ProfileBlend): blend is { between: [string, string]; column: string } {
  return (
    typeof (blend as { column?: unknown }).column === "string" &&
    Array.isArray((blend as { between?: unknown }).between)
  );
}
