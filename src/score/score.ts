import { parseModel } from "../indicators/parse-model.js";
import type { Model } from "../indicators/schema.js";
import type { Issue } from "../internal/errors.js";
import type { DatasetInput, DatasetOptions } from "./dataset.js";
import { resolveProfile } from "./resolve-profile.js";
import type { Result } from "./result.js";
import { aggregateTree } from "./stages/aggregate-tree.js";
import { buildResult } from "./stages/build-result.js";
import { normalizeIndicators } from "./stages/normalize-indicators.js";
import { prepareColumns } from "./stages/prepare-columns.js";
import { treatIndicators } from "./stages/treat-indicators.js";
import { treeWeights, weightLedger } from "./stages/weigh-groups.js";

export type { Contribution, Provenance, Result, UnitHierarchy } from "./result.js";

/** Options of {@link score}. */
export interface ScoreOptions {
  /** Profile to apply (default: the model's first profile). */
  profile?: string;
  /** Extra numeric columns to keep in the result (e.g. a weight column for roll-up). `population` is kept when present. */
  keep?: readonly string[];
  /**
   * How the data are read, as `toDataset` reads them: the unit, name, parent, level, population and period
   * columns (`unitKey: "社区编号"`), and how text cells become numbers (`numbers: { percent, missing }`).
   */
  dataset?: DatasetOptions;
}

/**
 * Scores units with a model: derives formula indicators, treats outliers, normalizes every active
 * indicator by its direction, weights every group's children by the profile's spec, and aggregates
 * bottom-up to the root, with the model's missing-value policy and minimum coverage. Units that are
 * the parent of other units in the data (streets and districts above communities) are not scored
 * directly: `rollup(result)` gives their scores.
 *
 * Conventions: min-max on the sample by default; missing values skipped with their weights
 * re-normalized (as COINr); ranks 1 = best with ties sharing the lowest rank (`"min"`, as COINr).
 * `result.provenance` records every option that ran.
 *
 * @throws IndicatrixError `invalid_model` (the model has errors), `unknown_profile`, the dataset
 *   errors of `toDataset`, `missing_value` (policy `error`), `value_out_of_range` (a raw value beyond
 *   MAX_ABS_VALUE, 1e150), `invalid_option` (a `keep` name such as `__proto__`), and the errors of
 *   the methods.
 * @example
 * ```ts
 * const result = score(model, [{ unit: "c1", a: 3, b: 10 }, { unit: "c2", a: 5, b: 4 }], { profile: "normal" });
 * result.scores.root; // => Float64Array [...]
 * result.ranks.root; // => Uint32Array [2, 1]
 * ```
 */
export function score(model: Model, data: DatasetInput, opts: ScoreOptions = {}): Result {
  const parsed = parseModel(model);
  const profile = resolveProfile(parsed, opts.profile);
  const diagnostics: Issue[] = [];
  const { dataset, units, indicators, kept } = prepareColumns(
    parsed,
    profile,
    data,
    opts.keep,
    diagnostics,
    opts.dataset,
  );
  const { raw, treatment } = treatIndicators(profile, indicators);
  const normalized = normalizeIndicators(profile, raw, units, diagnostics);
  const ledger = weightLedger();
  const scores = aggregateTree(profile, normalized, units, ledger, diagnostics);
  return buildResult({
    profile,
    units,
    scores,
    weights: treeWeights(profile, ledger),
    weightProvenance: ledger.provenance,
    coverage: normalized.coverage,
    raw,
    normalization: normalized.normalization,
    treatment,
    diagnostics,
    hierarchy: {
      units: dataset.units,
      parents: dataset.parents,
      levels: dataset.levels,
      names: dataset.names,
      columns: kept,
    },
  });
}
