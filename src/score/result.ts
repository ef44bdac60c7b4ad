import type { NodeRulesOutcome, RuleEffect } from "../grades/apply-node-rules.js";
import type { CutPoints } from "../grades/cut-points.js";
import type { LocalizedText } from "../indicators/schema.js";
import type { Issue } from "../internal/errors.js";
import type { AggregateSpec, MissingPolicy, NormalizeMethod } from "../internal/specs.js";
import type { NormalizeParams } from "../normalize/normalize.js";
import type { TreatReport } from "../normalize/treat.js";
import type { NodeConsistency } from "../weighting/spec-weights.js";
import type { ResolvedProfile } from "./resolve-profile.js";
import type { ArrowTableLike } from "./to-arrow.js";

/** An indicator's contribution to a unit's overall score. */
export interface Contribution {
  /** Indicator id. */
  indicator: string;
  /** Effective weight of the indicator for this unit (its global weight, re-normalized over present siblings). */
  weight: number;
  /** Normalized value of the indicator for this unit (NaN when missing). */
  value: number;
  /**
   * weight x value: with arithmetic aggregation throughout and missing values skipped (the defaults), the
   * contributions sum to the unit's score; under other aggregations or imputation they are an approximation.
   */
  contribution: number;
  /**
   * Set on what an assessment rule did: on an indicator's entry its step score (`kind: "steps"`); as an
   * entry of its own each bonus, penalty, cap and veto at a node (then `indicator` is the node's id, `value`
   * the points and `contribution` the points times the node's effective weight).
   */
  rule?: RuleEffect;
}

/** The grades of one graded node. */
export interface NodeGrades extends CutPoints {
  /** The graded node. */
  node: string;
  /** Grade labels, worst first. */
  labels: LocalizedText[];
  /** Each label as displayed (in the model's language). */
  names: string[];
  /** Grade index per unit (0 = worst), after vetoes; -1 for a unit without a score. */
  grade: Int32Array;
  /** Grade index per unit from its score alone, before any veto. */
  unforced: Int32Array;
  /** Unit id -> the vetoes that forced its grade. */
  forced: Record<string, string[]>;
  /** The margin of `near` (undefined: none was asked for). */
  margin: number | undefined;
  /** Units whose score is within `margin` of a cut point, closest first. */
  near: { unit: string; score: number; cut: number; distance: number }[];
}

/** The unit hierarchy of the data, for roll-up. */
export interface UnitHierarchy {
  /** Every unit id of the data, in input order (scored units and the units above them). */
  units: string[];
  /** Parent of each unit. */
  parents: (string | undefined)[];
  /** Level of each unit. */
  levels: (string | undefined)[];
  /** Name of each unit. */
  names: (string | undefined)[];
  /** Kept numeric columns over all units (e.g. population). */
  columns: Record<string, Float64Array>;
}

/**
 * Every option that ran in a `score()` call, defaults filled in, so that a result can be explained
 * and reproduced: the profile and the profiles it extends, the missing-value rules, the rank
 * convention, each group's weighting and aggregation, and each indicator's normalization method.
 * It is plain data (JSON-serializable); the statistics each normalization used are in
 * `Result.normalization`.
 */
export interface Provenance {
  /** The profile that ran. */
  profile: string;
  /** The profile and the profiles it extends, most specific first. */
  chain: string[];
  /** Missing-value policy of the profile. */
  missing: MissingPolicy;
  /** Minimum share of a group's children that must be present for its score. */
  minCoverage: number;
  /** The rank convention: descending scores (1 = best), ties share the lowest rank, 0 for a unit without a score. */
  ranks: { order: "descending"; ties: "min"; missingRank: 0 };
  /** Per group id: how its children were weighted and aggregated. */
  nodes: Record<
    string,
    {
      /** The weight method and the options that ran (as `resolveWeights` reports them), with the multipliers if any. */
      weights: Record<string, unknown>;
      /** The aggregation spec of the group. */
      aggregate: AggregateSpec;
    }
  >;
  /** The blend, when the profile is a blend of others: its coefficients, and for a per-unit blend the column and the two profiles. */
  blend?: {
    coefficients: Record<string, number>;
    column?: { name: string; from: string; to: string };
  };
  /** Per indicator id: the normalization method that ran. */
  normalization: Record<string, NormalizeMethod>;
}

/** Everything `score()` computed, aligned with `units`. */
export interface Result {
  /** The profile that ran. */
  profile: string;
  /** Ids of the scored units, in data order. */
  units: string[];
  /** Score of every active node per unit: the root, the groups, and the indicators (their normalized values). NaN = no score. */
  scores: Record<string, Float64Array>;
  /** Rank of every active node per unit: 1 = best, ties share the lowest rank, 0 = no score. Computed on first access. */
  ranks: Record<string, Uint32Array>;
  /** Local weights (within the parent) and global weights (product down the tree) of every active node. */
  weights: { local: Record<string, number>; global: Record<string, number> };
  /**
   * Per-unit local weights (aligned with `units`) of the children of groups whose weights vary by unit: state
   * variable weights (`variableWeights`) and per-unit blends (`blend: { between, column }`). There
   * `weights.local` holds the base weights (a per-unit blend: at blend factor 0.5). Empty otherwise.
   */
  unitWeights: Record<string, Float64Array>;
  /** Consistency of every AHP-weighted node, plus `total` for the hierarchy (CR_total) when any node uses AHP. */
  consistency: Record<string, NodeConsistency>;
  /** Share of the active indicators present, per unit. */
  coverage: Float64Array;
  /** Why a unit has no overall score (NaN), by unit id. */
  missing: Record<string, string>;
  /** Raw values of the indicators after formulas and treatment, before normalization. */
  raw: Record<string, Float64Array>;
  /** What normalization ran per indicator, with the parameters it used (min, max, goalposts, ...). */
  normalization: Record<string, NormalizeParams>;
  /** Outlier treatment per treated indicator. */
  treatment: Record<string, TreatReport>;
  /** Every option that ran: methods, conventions and their sources. */
  provenance: Provenance;
  /** Warnings found on the way (constant columns, formula results that are not finite, ignored columns...). */
  diagnostics: Issue[];
  /** The unit hierarchy of the data (for `rollup`). */
  hierarchy: UnitHierarchy;
  /** Grades of every graded node (the model's and profile's `grades`, and the `grades` option), by node id. */
  grades: Record<string, NodeGrades>;
  /** What the assessment rules did at each node that has bonus, penalty or veto rules, by node id. */
  rules: Record<string, NodeRulesOutcome>;
  /** Indicators whose values are step scores (`rules.<id>.steps`). */
  stepped: string[];
  /** The resolved profile (tree, settings). */
  resolved: ResolvedProfile;
  /** Each indicator's contribution to the unit's overall score, largest first. */
  contributions(unit: string): Contribution[];
  /** A flat table: one record per unit with its score and rank at every node, `<id>_grade` at every graded node and `<id>_veto` at every node with vetoes. */
  toRows(): Record<string, string | number | null>[];
  /**
   * The same table as an Apache Arrow table (columnar, sharing the score and rank buffers; needs the
   * optional package `apache-arrow`): see {@link toArrow}. Use it for large results, `toRows()` for small ones.
   */
  toArrow(): Promise<ArrowTableLike>;
}
