import { aggregate } from "../../aggregate/aggregate.js";
import { resolveAggregate } from "../../aggregate/resolve-aggregate.js";
import type { Issue } from "../../internal/errors.js";
import { specNeedsData } from "../../weighting/spec-weights.js";
import { type AffineColumn, applyAffine, fusedArithmetic } from "../fused.js";
import type { ResolvedNode, ResolvedProfile } from "../resolve-profile.js";
import { locateError } from "./locate-error.js";
import type { NormalizedIndicators } from "./normalize-indicators.js";
import { type FixedWeights, type WeightLedger, weighGroup } from "./weigh-groups.js";

/**
 * The aggregation stage of `score()`: visits the groups bottom-up (children before their parent),
 * weighs each (`weighGroup`) and aggregates its children's scores by its resolved method. A group
 * whose mean is arithmetic, whose weights do not depend on the data and whose children are all
 * affine-normalized indicators (with missing values skipped, or none missing) takes the fused path
 * (`fusedArithmetic`: the normalized values are never written); any other group reads its children's
 * columns and runs `aggregate`. Indicators the fused path read are written out on first access of
 * their score. Groups in `fixed` take the weights given there (a panel's reference-period weights).
 * Returns the score of every active node.
 * @throws IndicatrixError the errors of the weight specs and of `aggregate`, naming unit or node.
 * @internal
 */
export function aggregateTree(
  profile: ResolvedProfile,
  normalized: NormalizedIndicators,
  units: readonly string[],
  ledger: WeightLedger,
  diagnostics: Issue[],
  fixed?: FixedWeights,
): Record<string, Float64Array> {
  const { scores, affine } = normalized;
  const column = (id: string): Float64Array => (scores[id] ??= applyAffine(affine.get(id) as AffineColumn));
  const order = [...profile.nodes.values()];
  for (let k = order.length - 1; k >= 0; k--) {
    const node = order[k]!;
    if (node.indicator) continue;
    if (fusable(profile, node, affine, fixed)) {
      const weights = weighGroup(profile, node, undefined, ledger, diagnostics, fixed);
      const children = node.children.map((c) => affine.get(c) as AffineColumn);
      scores[node.id] = fusedArithmetic(children, weights, units.length, profile.minCoverage);
      continue;
    }
    const columns = node.children.map(column);
    const weights = weighGroup(profile, node, columns, ledger, diagnostics, fixed);
    try {
      scores[node.id] = aggregate(columns, weights, node.aggregate, {
        missing: profile.missing,
        minCoverage: profile.minCoverage,
      }).values;
    } catch (e) {
      throw locateError(e, node.id, units, node.path);
    }
  }
  for (const [id, c] of affine) if (scores[id] === undefined) defineLazy(scores, id, () => applyAffine(c));
  return scores;
}

/** True when the fused arithmetic mean gives the group's score (see {@link aggregateTree}). */
function fusable(
  profile: ResolvedProfile,
  node: ResolvedNode,
  affine: ReadonlyMap<string, AffineColumn>,
  fixed: FixedWeights | undefined,
): boolean {
  return (
    resolveAggregate(node.aggregate).method === "arithmetic" &&
    (!specNeedsData(node.weights) || fixed?.has(node.id) === true) &&
    node.children.every((c) => affine.has(c)) &&
    (profile.missing === "skip" || node.children.every((c) => affine.get(c)?.params.missing === 0))
  );
}

/** Defines `record[id]` as an enumerable property computed on first read. */
function defineLazy(record: Record<string, Float64Array>, id: string, compute: () => Float64Array): void {
  let cached: Float64Array | undefined;
  Object.defineProperty(record, id, {
    enumerable: true,
    configurable: true,
    get: () => (cached ??= compute()),
  });
}
