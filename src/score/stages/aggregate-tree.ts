import { aggregate } from "../../aggregate/aggregate.js";
import { resolveAggregate } from "../../aggregate/resolve-aggregate.js";
import { IndicatrixError, type Issue, parsePath } from "../../internal/errors.js";
import { specNeedsData } from "../../weighting/spec-weights.js";
import { type AffineColumn, applyAffine, fusedArithmetic } from "../fused.js";
import type { ResolvedNode, ResolvedProfile } from "../resolve-profile.js";
import { type UnitWeighting, unitWeightedMean } from "../unit-weights.js";
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
 * their score. `adjust` (the assessment rules) replaces a group's scores as soon as they are computed,
 * so that its parent aggregates them. Groups in `fixed` take the weights given there (a panel's
 * reference-period weights). Returns the score of every active node.
 * @throws IndicatrixError the errors of the weight specs and of `aggregate`, naming unit or node.
 * @internal
 */
export function aggregateTree(
  profile: ResolvedProfile,
  normalized: NormalizedIndicators,
  units: readonly string[],
  ledger: WeightLedger,
  diagnostics: Issue[],
  lambda?: Float64Array,
  masks: ReadonlyMap<string, Uint8Array> = new Map(),
  adjust?: (node: ResolvedNode, values: Float64Array) => Float64Array,
  fixed?: FixedWeights,
): Record<string, Float64Array> {
  const { scores, affine } = normalized;
  const column = (id: string): Float64Array => (scores[id] ??= applyAffine(affine.get(id) as AffineColumn));
  const order = [...profile.nodes.values()];
  for (let k = order.length - 1; k >= 0; k--) {
    const node = order[k]!;
    if (node.indicator) continue;
    const perUnit = unitWeighting(profile, node, lambda, masks);
    if (perUnit) {
      const columns = node.children.map(column);
      const weights = weighGroup(profile, node, columns, ledger, diagnostics, fixed);
      const r = unitWeightedMean(
        columns,
        { ...perUnit, weights },
        {
          missing: profile.missing,
          minCoverage: profile.minCoverage,
          node: node.id,
          units,
          children: node.children,
        },
      );
      scores[node.id] = adjust && node.rules ? adjust(node, r.values) : r.values;
      for (const [j, c] of node.children.entries()) ledger.unit[c] = r.local[j]!;
      ledger.provenance[node.id] = {
        ...ledger.provenance[node.id],
        ...(perUnit.variable ? { variable: perUnit.variable } : {}),
        ...(perUnit.blend ? { blend: profile.blend?.column } : {}),
        ...(perUnit.applies
          ? {
              local: node.children.filter((_, j) => perUnit.applies?.[j] !== undefined),
              ...(perUnit.cap === undefined ? {} : { localCap: perUnit.cap }),
            }
          : {}),
      };
      if (r.floored.length > 0)
        diagnostics.push({
          code: "floored_value",
          severity: "warning",
          path: parsePath(node.path),
          where: node.path,
          message: `node "${node.id}": ${r.floored.length} unit(s) (${r.floored
            .slice(0, 3)
            .map((i) => units[i])
            .join(
              ", ",
            )}${r.floored.length > 3 ? ", ..." : ""}) have a child score below ${perUnit.variable?.floor}, which entered the state variable weights at the floor`,
        });
      continue;
    }
    if (fusable(profile, node, affine, fixed)) {
      const weights = weighGroup(profile, node, undefined, ledger, diagnostics, fixed);
      const children = node.children.map((c) => affine.get(c) as AffineColumn);
      scores[node.id] = fusedArithmetic(children, weights, units.length, profile.minCoverage);
      if (adjust && node.rules) scores[node.id] = adjust(node, scores[node.id] as Float64Array);
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
      throw locateError(e, node.id, units, node.path, node.children);
    }
    if (adjust && node.rules) scores[node.id] = adjust(node, scores[node.id] as Float64Array);
  }
  for (const [id, c] of affine) if (scores[id] === undefined) defineLazy(scores, id, () => applyAffine(c));
  return scores;
}

/**
 * The per-unit weighting of a group (state variable weights where the profile applies them, a per-unit
 * blend where the two profiles weigh its children differently), or undefined when its weights are the
 * same for every unit. Such a group must aggregate by the arithmetic mean.
 */
function unitWeighting(
  profile: ResolvedProfile,
  node: ResolvedNode,
  lambda: Float64Array | undefined,
  masks: ReadonlyMap<string, Uint8Array>,
): Omit<UnitWeighting, "weights"> | undefined {
  const v = profile.variable;
  const variable = v && (v.nodes === undefined || v.nodes.has(node.id)) ? v.spec : undefined;
  const pair = lambda ? profile.blend?.unit?.get(node.id) : undefined;
  const local = node.children.some((c) => masks.has(c));
  if (!variable && !pair && !local) return undefined;
  if (resolveAggregate(node.aggregate).method !== "arithmetic")
    throw new IndicatrixError(
      "invalid_option",
      `${node.path}: weights that vary by unit (${variable ? "variable weights" : pair ? "a per-unit blend" : "local indicators"}) need the arithmetic mean at "${node.id}", not ${JSON.stringify(node.aggregate)}`,
      { path: node.path },
    );
  return {
    ...(variable ? { variable } : {}),
    ...(pair && lambda ? { blend: { from: pair.from, to: pair.to, lambda } } : {}),
    ...(local
      ? {
          applies: node.children.map((c) => masks.get(c)),
          ...(profile.localCap === undefined ? {} : { cap: profile.localCap }),
        }
      : {}),
  };
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
