import type { NodeRulesOutcome } from "../grades/apply-node-rules.js";
import { gradeSpecIssues } from "../indicators/check/grades.js";
import { parseModel } from "../indicators/parse-model.js";
import type { GradeSpec, Model } from "../indicators/schema.js";
import { GradeSpecSchema } from "../indicators/schema.js";
import type { Issue } from "../internal/errors.js";
import { IndicatrixError } from "../internal/errors.js";
import { applicability, tagColumns } from "./applicability.js";
import type { DatasetInput, DatasetOptions } from "./dataset.js";
import { absentByDesign, applicableCoverage } from "./local-indicators.js";
import { resolveProfile } from "./resolve-profile.js";
import type { Result } from "./result.js";
import { aggregateTree } from "./stages/aggregate-tree.js";
import { applyStepScores, gradeNodes, nodeRuleHook, ruleNames } from "./stages/assess.js";
import { buildResult } from "./stages/build-result.js";
import { normalizeIndicators, type PlanHook } from "./stages/normalize-indicators.js";
import { prepareColumns } from "./stages/prepare-columns.js";
import { treatIndicators } from "./stages/treat-indicators.js";
import { type FixedWeights, treeWeights, weightLedger } from "./stages/weigh-groups.js";
import { blendFactors } from "./unit-blend.js";

export type { Contribution, NodeGrades, Provenance, Result, UnitHierarchy } from "./result.js";

/** Options of {@link score}. */
export interface ScoreOptions {
  /** Profile to apply (default: the model's first profile). */
  profile?: string;
  /** Extra numeric columns to keep in the result (e.g. a weight column for roll-up). `population` is kept when present. */
  keep?: readonly string[];
  /** Node id -> a grade spec, added to (or replacing) the model's and profile's `grades` for this run. */
  grades?: Readonly<Record<string, GradeSpec>>;
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
 * Assessment (DOMAIN C4): an indicator with `rules.<id>.steps` is scored by its step points; a group
 * with bonus, penalty or veto rules has them applied to its score before its parent aggregates it;
 * every node with `grades` (in the model, the profile, or `opts.grades`) is graded on its final
 * scores, vetoes forcing the grade (`result.grades`, `result.rules`, and the rule entries of
 * `result.contributions(unit)`). Ranks are the scores' ranks: a vetoed unit keeps its rank and is
 * flagged in `<id>_veto` of `toRows()`.
 *
 * @throws IndicatrixError `invalid_model` (the model has errors), `unknown_profile`, the dataset
 *   errors of `toDataset`, `missing_value` (policy `error`), `value_out_of_range` (a raw value beyond
 *   MAX_ABS_VALUE, 1e150), `invalid_option` (a `keep` name such as `__proto__`), and the errors of
 *   the methods, `invalid_option` (a `grades` option for a node that is not active, or not a grade
 *   spec), and the errors of the grade methods (`too_few_values`).
 * @example
 * ```ts
 * const result = score(model, [{ unit: "c1", a: 3, b: 10 }, { unit: "c2", a: 5, b: 4 }], { profile: "normal" });
 * result.scores.root; // => Float64Array [...]
 * result.ranks.root; // => Uint32Array [2, 1]
 * ```
 */
export function score(model: Model, data: DatasetInput, opts: ScoreOptions = {}): Result {
  return scoreWith(model, data, opts);
}

/** What a caller inside the library (`scorePanel`) may replace in `score()`. @internal */
export interface ScoreHooks {
  /** Replaces an indicator's normalization plan (the panel bases). */
  plan?: PlanHook;
  /** Local weights fixed in advance for some groups (a panel's reference-period weights). */
  fixed?: FixedWeights;
}

/** {@link score} with its stages' hooks: what `scorePanel` runs. @internal */
export function scoreWith(
  model: Model,
  data: DatasetInput,
  opts: ScoreOptions,
  hooks: ScoreHooks = {},
): Result {
  const parsed = parseModel(model);
  const profile = resolveProfile(parsed, opts.profile);
  const extraGrades = checkGradesOption(profile, opts.grades);
  const diagnostics: Issue[] = [];
  const readByRules = ruleNames(profile).filter((c) => !profile.indicators.includes(c));
  const blendColumn = profile.blend?.column?.name;
  const extra = [...(blendColumn === undefined ? [] : [blendColumn]), ...tagColumns(profile)];
  const keep = extra.length === 0 ? opts.keep : [...(opts.keep ?? []), ...extra];
  const { dataset, units, indicators, kept, ruleColumns } = prepareColumns(
    parsed,
    profile,
    data,
    keep,
    diagnostics,
    readByRules,
    opts.dataset,
  );
  const lambda =
    blendColumn === undefined ? undefined : blendFactors(blendColumn, dataset.units, units, kept);
  const masks = applicability(profile, dataset, units, kept);
  const { raw, treatment } = treatIndicators(profile, absentByDesign(indicators, masks), units);
  const normalized = normalizeIndicators(profile, raw, units, diagnostics, hooks.plan);
  if (masks.size > 0) normalized.coverage = applicableCoverage(profile, raw, masks, units.length);
  const stepped = applyStepScores(profile, raw, normalized);
  const ledger = weightLedger();
  const rules: Record<string, NodeRulesOutcome> = {};
  const adjust = nodeRuleHook(raw, ruleColumns, units, rules);
  const scores = aggregateTree(
    profile,
    normalized,
    units,
    ledger,
    diagnostics,
    lambda,
    masks,
    adjust,
    hooks.fixed,
  );
  const grades = gradeNodes(
    profile,
    scores,
    units,
    rules,
    extraGrades,
    parsed.language,
    normalized.normalization,
    diagnostics,
  );
  return buildResult({
    grades,
    rules,
    stepped: [...stepped],
    profile,
    units,
    scores,
    weights: treeWeights(profile, ledger),
    weightProvenance: ledger.provenance,
    unitWeights: ledger.unit,
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

/** The `grades` option checked: active nodes and schema-valid specs. */
function checkGradesOption(
  profile: ReturnType<typeof resolveProfile>,
  grades: Readonly<Record<string, GradeSpec>> | undefined,
): Record<string, GradeSpec> {
  const out: Record<string, GradeSpec> = {};
  for (const [id, spec] of Object.entries(grades ?? {})) {
    if (!profile.nodes.has(id))
      throw new IndicatrixError(
        "invalid_option",
        `opts.grades.${id}: "${id}" is not an active node of the profile`,
        {
          path: ["opts", "grades", id],
        },
      );
    const parsed = GradeSpecSchema.safeParse(spec);
    if (!parsed.success)
      throw new IndicatrixError(
        "invalid_option",
        `opts.grades.${id}: not a grade spec (${parsed.error.issues[0]?.message ?? "invalid"}); e.g. { method: "jenks", classes: 4 }`,
        { path: ["opts", "grades", id] },
      );
    const issues = gradeSpecIssues(parsed.data, `opts.grades.${id}`);
    if (issues.length > 0)
      throw new IndicatrixError("invalid_option", `${issues[0]!.where}: ${issues[0]!.message}`, {
        path: ["opts", "grades", id],
      });
    Object.defineProperty(out, id, {
      value: parsed.data,
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return out;
}
