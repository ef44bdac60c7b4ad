import { IndicatrixError } from "../internal/errors.js";
import { AHP_THRESHOLD } from "../weighting/ahp-defaults.js";
import { hierarchyConsistency } from "../weighting/hierarchy-consistency.js";
import { type NodeConsistency, type SpecWeights, specWeights } from "../weighting/spec-weights.js";
import type { ResolvedNode, ResolvedProfile } from "./resolve-profile.js";

/**
 * The local weights of a group's active children in a profile: its weight spec (data-driven specs
 * use `columns`, the children's normalized values), then the children's multipliers, re-normalized.
 * @internal
 */
export function weighNode(
  profile: ResolvedProfile,
  node: ResolvedNode,
  columns?: readonly Float64Array[],
): SpecWeights {
  const path = node.weightsFrom ? `profiles.${node.weightsFrom}.weights.${node.id}` : node.path;
  const sw = specWeights(node.weights, node.children, {
    ...(columns ? { columns } : {}),
    nodeId: node.id,
    path,
  });
  const mult = node.children.map((c) => (profile.nodes.get(c) as ResolvedNode).multiplier);
  if (mult.every((x) => x === 1)) return sw;
  const scaled = sw.weights.map((x, i) => x * mult[i]!);
  const total = scaled.reduce((a, b) => a + b, 0);
  if (!(total > 0))
    throw new IndicatrixError(
      "zero_weights",
      `${node.path}: multipliers leave every child of "${node.id}" with weight 0`,
    );
  return {
    ...sw,
    weights: scaled.map((x) => x / total),
    provenance: { ...sw.provenance, multipliers: mult },
  };
}

/** Global weights: the product of local weights from the root down. @internal */
export function globalWeights(
  profile: ResolvedProfile,
  local: Record<string, number>,
): Record<string, number> {
  const global: Record<string, number> = {};
  for (const node of profile.nodes.values())
    global[node.id] = node.parent === undefined ? 1 : global[node.parent]! * local[node.id]!;
  return global;
}

/**
 * Adds `total`, the hierarchy's overall consistency CR_total = sum a_j CI_j / sum a_j RI_j over the
 * AHP nodes (a_j = the node's global weight), when more than one node uses AHP. @internal
 */
export function withTotalConsistency(
  consistency: Record<string, NodeConsistency>,
  global: Record<string, number>,
): Record<string, NodeConsistency> {
  const ids = Object.keys(consistency);
  if (ids.length < 2) return consistency;
  const nodes = ids.map((id) => ({
    parentWeight: global[id]!,
    ci: (consistency[id] as NodeConsistency).ci,
    ri: (consistency[id] as NodeConsistency).ri,
  }));
  const h = hierarchyConsistency(nodes);
  return {
    ...consistency,
    total: {
      cr: h.cr,
      ci: h.ci,
      ri: h.ri,
      lambdaMax: Number.NaN,
      consistent: h.consistent,
      threshold: AHP_THRESHOLD,
    },
  };
}
