import { parseModel } from "../indicators/parse-model.js";
import type { Model } from "../indicators/schema.js";
import type { Issue } from "../internal/errors.js";
import { type NodeConsistency, specNeedsData } from "../weighting/spec-weights.js";
import type { DatasetInput } from "./dataset.js";
import { resolveProfile } from "./resolve-profile.js";
import { score } from "./score.js";
import { treeWeights, weighGroup, weightLedger } from "./stages/weigh-groups.js";

/** The weights of a model in one profile. */
export interface ResolvedWeights {
  /** The profile. */
  profile: string;
  /** Weight of every active node within its parent (the root has 1). */
  local: Record<string, number>;
  /** Weight of every active node in the whole index: the product of local weights down the tree. */
  global: Record<string, number>;
  /** Consistency of each AHP node, and `total` (CR_total of the hierarchy) when several nodes use AHP. */
  consistency: Record<string, NodeConsistency>;
  /** How each group's weights were obtained (method, options, profile that set them). */
  provenance: Record<string, Record<string, unknown>>;
  /** Warnings, such as inconsistent judgments or a negative game-theory coefficient. */
  warnings: string[];
}

/**
 * Resolves every weight spec of a profile into local weights per node and global weights (the
 * product of local weights down the tree), with the consistency of every AHP node and the
 * provenance of each. Data-driven specs (entropy, CRITIC, standard deviation, CV) are computed on
 * the profile's normalized data, so they need `data`; then the full scoring pipeline runs.
 *
 * @throws IndicatrixError `data_required` when a data-driven spec has no data; the errors of `score`.
 * @example
 * ```ts
 * const w = resolveWeights(grassrootsGovernance, { profile: "normal" });
 * w.global.performance; // => 0.2562 (AHP eigenvector; test/fixtures/governance/expected.json)
 * ```
 */
export function resolveWeights(
  model: Model,
  opts: { profile?: string; data?: DatasetInput } = {},
): ResolvedWeights {
  const parsed = parseModel(model);
  const profile = resolveProfile(parsed, opts.profile);
  const groups = [...profile.nodes.values()].filter((n) => !n.indicator);
  const needsData = groups.some((n) => specNeedsData(n.weights));
  const provenance: Record<string, Record<string, unknown>> = {};
  if (needsData && opts.data !== undefined) {
    const result = score(parsed, opts.data, opts.profile !== undefined ? { profile: opts.profile } : {});
    for (const n of groups)
      provenance[n.id] = {
        ...(result.provenance.nodes[n.id]?.weights ?? {}),
        from: n.weightsFrom ?? "default (equal)",
      };
    const warnings = result.diagnostics.filter((d) => d.code === "weights_warning").map((d) => d.message);
    return {
      profile: profile.name,
      local: result.weights.local,
      global: result.weights.global,
      consistency: result.consistency,
      provenance,
      warnings,
    };
  }
  // No data needed (or none given: a data-driven spec then throws data_required): the weighing stage of score() alone.
  const ledger = weightLedger();
  const diagnostics: Issue[] = [];
  for (const n of groups) weighGroup(profile, n, undefined, ledger, diagnostics);
  for (const n of groups)
    provenance[n.id] = { ...ledger.provenance[n.id], from: n.weightsFrom ?? "default (equal)" };
  const { local, global, consistency } = treeWeights(profile, ledger);
  return {
    profile: profile.name,
    local,
    global,
    consistency,
    provenance,
    warnings: diagnostics.map((d) => d.message),
  };
}
