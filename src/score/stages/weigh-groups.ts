import { type Issue, parsePath } from "../../internal/errors.js";
import type { NodeConsistency } from "../../weighting/spec-weights.js";
import { globalWeights, weighNode, withTotalConsistency } from "../node-weights.js";
import type { ResolvedNode, ResolvedProfile } from "../resolve-profile.js";

/** The weights found so far, group by group, bottom-up. @internal */
export interface WeightLedger {
  /** Weight of each weighed child within its parent. */
  local: Record<string, number>;
  /** Consistency of each AHP-weighted group. */
  consistency: Record<string, NodeConsistency>;
  /** How each group's weights were obtained (method and options), in the order the groups were weighed. */
  provenance: Record<string, Record<string, unknown>>;
  /** Effective local weight per unit of each child of a group whose weights vary by unit (variable weights, per-unit blend). */
  unit: Record<string, Float64Array>;
}

/** The weights of every active node once every group is weighed. @internal */
export interface TreeWeights {
  /** Weight of every active node within its parent (the root has 1). */
  local: Record<string, number>;
  /** Product of the local weights from the root down. */
  global: Record<string, number>;
  /** Consistency of each AHP node, and `total` (CR_total) when several nodes use AHP. */
  consistency: Record<string, NodeConsistency>;
}

/**
 * Local weights fixed in advance for some groups (a panel's weights from a reference period), by
 * group id: the weights of the group's active children in order, and the provenance to record. @internal
 */
export type FixedWeights = ReadonlyMap<string, { weights: number[]; provenance: Record<string, unknown> }>;

/** An empty ledger. @internal */
export function weightLedger(): WeightLedger {
  return { local: {}, consistency: {}, provenance: {}, unit: {} };
}

/**
 * The weighing stage of `score()` for one group: its local weights by its spec and the children's
 * multipliers (`weighNode`; a data-driven spec reads `columns`, the children's normalized scores,
 * so groups are weighed bottom-up as they are aggregated). Records them in the ledger, with the
 * group's consistency and provenance; the spec's warnings become `weights_warning` diagnostics.
 * A group in `fixed` takes the weights given there instead.
 * @internal
 */
export function weighGroup(
  profile: ResolvedProfile,
  node: ResolvedNode,
  columns: readonly Float64Array[] | undefined,
  ledger: WeightLedger,
  diagnostics: Issue[],
  fixed?: FixedWeights,
): number[] {
  const given = fixed?.get(node.id);
  if (given) {
    for (const [i, c] of node.children.entries()) ledger.local[c] = given.weights[i]!;
    ledger.provenance[node.id] = given.provenance;
    return given.weights;
  }
  const sw = weighNode(profile, node, columns);
  for (const [i, c] of node.children.entries()) ledger.local[c] = sw.weights[i]!;
  if (sw.consistency) ledger.consistency[node.id] = sw.consistency;
  ledger.provenance[node.id] = sw.provenance;
  for (const message of sw.warnings)
    diagnostics.push({
      code: "weights_warning",
      severity: "warning",
      path: parsePath(node.path),
      where: node.path,
      message,
    });
  return sw.weights;
}

/**
 * Completes the weights once every group is weighed: the root's local weight 1, the global weights
 * (`globalWeights`) and the hierarchy's consistency (`withTotalConsistency`).
 * @internal
 */
export function treeWeights(profile: ResolvedProfile, ledger: WeightLedger): TreeWeights {
  const local = ledger.local;
  local[profile.root] = 1;
  const global = globalWeights(profile, local);
  return { local, global, consistency: withTotalConsistency(ledger.consistency, global) };
}
