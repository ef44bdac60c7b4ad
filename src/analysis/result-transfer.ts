/**
 * A scored Result as plain data that crosses threads (structured clone: no methods, ranks left to
 * be recomputed), and the Result rebuilt from it with its accessors. @internal
 */

import type { Result } from "../score/score.js";
import { buildResult } from "../score/stages/build-result.js";

/** The fields of a Result that postMessage copies: everything but the accessors and the lazy ranks. @internal */
export type ResultData = Omit<
  Result,
  "ranks" | "contributions" | "toRows" | "toArrow" | "missing" | "provenance"
> & {
  provenance: Pick<Result["provenance"], "nodes">;
};

/** A Result as plain data. @internal */
export function resultData(r: Result): ResultData {
  return {
    profile: r.profile,
    units: r.units,
    scores: r.scores,
    weights: r.weights,
    unitWeights: r.unitWeights,
    consistency: r.consistency,
    coverage: r.coverage,
    raw: r.raw,
    normalization: r.normalization,
    treatment: r.treatment,
    provenance: { nodes: r.provenance.nodes },
    diagnostics: r.diagnostics,
    hierarchy: r.hierarchy,
    grades: r.grades,
    rules: r.rules,
    stepped: r.stepped,
    resolved: r.resolved,
  };
}

/** The Result again, as `score()` returned it (its missing reasons and provenance recomputed). @internal */
export function resultFromData(d: ResultData): Result {
  const weightProvenance: Record<string, Record<string, unknown>> = {};
  for (const [id, n] of Object.entries(d.provenance.nodes)) weightProvenance[id] = n.weights;
  return buildResult({
    profile: d.resolved,
    units: d.units,
    scores: d.scores,
    weights: { local: d.weights.local, global: d.weights.global, consistency: d.consistency },
    weightProvenance,
    unitWeights: d.unitWeights,
    coverage: d.coverage,
    raw: d.raw,
    normalization: d.normalization,
    treatment: d.treatment,
    diagnostics: d.diagnostics,
    hierarchy: d.hierarchy,
    grades: d.grades,
    rules: d.rules,
    stepped: d.stepped,
  });
}
