import { IndicatrixError } from "../internal/errors.js";
import { weighNode } from "../score/node-weights.js";
import type { ResolvedProfile } from "../score/resolve-profile.js";
import type { ResolvedWeights } from "../score/resolve-weights.js";
import { specNeedsData } from "../weighting/spec-weights.js";

/**
 * The local weights that the query inlines as literals: all of `weights` when given (checked to be
 * of this profile, a finite weight for every node), else those of the specs that need no data
 * (equal, fixed, AHP, combinations of them), as `weighNode` computes them. Nodes with data-driven
 * specs are left out without `weights`: their weights are computed in the query (weights-sql.ts).
 *
 * @throws IndicatrixError `invalid_option` for weights of another profile or missing a node.
 * @internal
 */
export function localWeights(
  profile: ResolvedProfile,
  weights: ResolvedWeights | undefined,
): Record<string, number> {
  if (weights !== undefined) {
    if (weights.profile !== profile.name)
      throw new IndicatrixError(
        "invalid_option",
        `weights: they were resolved for profile "${weights.profile}", the query is for "${profile.name}"`,
      );
    for (const id of profile.nodes.keys())
      if (typeof weights.local[id] !== "number" || !Number.isFinite(weights.local[id]))
        throw new IndicatrixError("invalid_option", `weights.local: no finite weight for node "${id}"`);
    return weights.local;
  }
  const local: Record<string, number> = { [profile.root]: 1 };
  for (const n of profile.nodes.values()) {
    if (n.indicator || specNeedsData(n.weights)) continue;
    const { weights: sw } = weighNode(profile, n);
    for (const [i, c] of n.children.entries()) local[c] = sw[i] as number;
  }
  return local;
}
