import type { ResolvedNode, ResolvedProfile } from "../resolve-profile.js";
import type { Contribution } from "../result.js";

/**
 * Each indicator's contribution to the score of the unit at row `i`, largest first. The effective
 * weight of an indicator is the product down the tree of each node's local weight re-normalized
 * over its present siblings (0 under a missing node), as the arithmetic mean with skipped missing
 * values weighs them; where a group's weights vary by unit (variable weights, a per-unit blend), its
 * children's weights are that unit's effective weights.
 * @internal
 */
export function contributionsAt(
  profile: ResolvedProfile,
  scores: Readonly<Record<string, Float64Array>>,
  local: Readonly<Record<string, number>>,
  i: number,
  unitWeights: Readonly<Record<string, Float64Array>> = {},
  nodeWeights?: Map<string, number>,
): Contribution[] {
  const out: Contribution[] = [];
  const present = (id: string): boolean => !Number.isNaN(scores[id]![i]!);
  const visit = (id: string, weight: number): void => {
    const node = profile.nodes.get(id) as ResolvedNode;
    nodeWeights?.set(id, weight);
    if (node.indicator) {
      const value = scores[id]![i]!;
      out.push({ indicator: id, weight, value, contribution: Number.isNaN(value) ? 0 : weight * value });
      return;
    }
    const first = node.children[0];
    if (first !== undefined && Object.hasOwn(unitWeights, first)) {
      // Weights that vary by unit are already this unit's effective weights over the children used.
      for (const c of node.children) visit(c, weight * unitWeights[c]![i]!);
      return;
    }
    let total = 0;
    for (const c of node.children) if (present(c)) total += local[c]!;
    for (const c of node.children) visit(c, present(c) && total > 0 ? (weight * local[c]!) / total : 0);
  };
  visit(profile.root, 1);
  return out.sort((a, b) => b.contribution - a.contribution);
}
