/**
 * The types of a model file, written out with documentation (the zod schema in schema.ts checks
 * them at run time; test/indicators/types.test.ts proves at compile time that the two describe the
 * same shapes).
 */
import type { AggregateSpec, MissingPolicy, NormalizeSpec, TreatSpec } from "../internal/specs.js";
import type { Direction } from "../internal/types.js";

/** Text in one language (a string) or several (`{ "zh": "...", "en": "..." }`). */
export type LocalizedText = string | Record<string, string>;

/** A node of the indicator tree: a group (with `children`) or an indicator (a leaf, without `children`). */
export interface ModelNode {
  /** Identifier (`^[A-Za-z][A-Za-z0-9_]*$`), unique in the model; formulas and profiles refer to it. */
  id: string;
  /** Free display code, such as `S1.1`. */
  code?: string | undefined;
  /** Display name, in one or several languages. */
  name?: LocalizedText | undefined;
  /** What the node measures. */
  description?: LocalizedText | undefined;
  /** Child nodes: present on a group, absent on an indicator. */
  children?: ModelNode[] | undefined;
  /** How this group's children are combined (overrides the defaults). */
  aggregate?: AggregateSpec | undefined;
  /** Indicator: unit of measurement (display; `%` also makes percent cells such as `85%` read as points). */
  unit?: string | undefined;
  /** Indicator: the data column it reads, when not its id (a header such as `绿地率`, matched after NFKC). */
  column?: string | undefined;
  /** Indicator: which values are better (default `benefit`). */
  direction?: Direction | undefined;
  /** Indicator: fixed bounds [low, high] for goalpost normalization and targets. */
  goalposts?: [number, number] | undefined;
  /** Indicator: normalization (overrides the defaults). */
  normalize?: NormalizeSpec | undefined;
  /** Indicator: outlier treatment before normalization. */
  treat?: TreatSpec | undefined;
  /** Indicator: derived from other columns, e.g. `cases / population * 1e5`. */
  formula?: string | undefined;
  /** Profiles in which the node is active (and the profiles extending them); all when absent. */
  profiles?: string[] | undefined;
  /** Where the data come from. */
  source?: string | undefined;
  /** Free labels. */
  tags?: string[] | undefined;
  /** A local indicator (个性): the units it applies to; absent by design elsewhere (not missing). Inherited by a group's children. */
  appliesTo?: AppliesTo | undefined;
  /** Level id (e.g. `street`): the node's indicators are measured on that level's own data rows. Inherited by children. */
  level?: string | undefined;
}

/** Model-wide settings; a profile's `defaults` override them. */
export interface Defaults {
  /** Normalization of every indicator without its own (default `minmax`). */
  normalize?: NormalizeSpec | undefined;
  /** Aggregation of every group without its own (default `arithmetic`). */
  aggregate?: AggregateSpec | undefined;
  /** What a missing value does (default `skip`). */
  missing?: MissingPolicy | undefined;
  /** Minimum share of a group's children present for it to get a score (default 0). */
  minCoverage?: number | undefined;
  /** Outlier treatment of every indicator without its own. */
  treat?: TreatSpec | undefined;
  /** A constant indicator: the midpoint of the range with a warning (default), or an error. */
  constant?: "midpoint" | "error" | undefined;
}

/**
 * A judgment as a model file writes it: a number (`3`, `0.2`) or a fraction in a string (`"1/3"`; YAML reads `1/3`
 * as that string). A value within 1% of a reciprocal 1/k (k = 2..9), such as 0.333 or 0.111, is read as exactly 1/k.
 */
export type JudgmentValue = number | string;

/** One expert of a group AHP: judgments or a matrix, and optionally a weight. */
export interface AhpExpert {
  /** Who judged. */
  name?: string | undefined;
  /** The expert's weight in the aggregation (default 1). */
  weight?: number | undefined;
  /** Pairwise judgments `[a, b, v]`: a is v times as important as b. */
  judgments?: [string, string, JudgmentValue][] | undefined;
  /** Or a full (or incomplete, with null) pairwise matrix in the order of `order`. */
  matrix?: (JudgmentValue | null)[][] | undefined;
}

/** AHP weights from pairwise judgments, a matrix, or several experts. */
export interface AhpWeightSpec {
  /** The method. */
  method: "ahp";
  /** Pairwise judgments `[a, b, v]` (v in [1/9, 9]); missing pairs are completed by Harker's method. */
  judgments?: [string, string, JudgmentValue][] | undefined;
  /** Or a pairwise matrix (null = missing judgment). */
  matrix?: (JudgmentValue | null)[][] | undefined;
  /** Child ids in the row order of `matrix` (default: the children's order). */
  order?: string[] | undefined;
  /** Several experts' judgments, aggregated by `aggregation`. */
  experts?: AhpExpert[] | undefined;
  /** Group aggregation: `aij` (geometric mean of judgments, default) or `aip` (of priorities). */
  aggregation?: "aij" | "aip" | undefined;
  /** Priority method: `eigenvector` (default), `geometric-mean` or `sum-product`. */
  priority?: "eigenvector" | "geometric-mean" | "sum-product" | undefined;
  /** Random-index table: `saaty` (default), `cn1000`, or your own values for n = 1, 2, ... */
  ri?: "saaty" | "cn1000" | number[] | undefined;
  /** Consistency threshold: consistent iff CR < threshold (default 0.10). */
  threshold?: number | undefined;
}

/** One G1 judgment set: an importance order and the ratios of neighbours. */
export interface G1Judgment {
  /** Child ids from the most to the least important. */
  order: string[];
  /** r_k = w_{k-1} / w_k for k = 2..n (n - 1 values): 1.0 equal, 1.2 slightly, 1.4 obviously, 1.6 strongly, 1.8 extremely. */
  ratios: number[];
}

/** G1 (order-relation, 序关系分析法) weights: `order` and `ratios`, or several experts (mean of their weights). */
export interface G1WeightSpec {
  /** The method. */
  method: "g1";
  /** Child ids from the most to the least important. */
  order?: string[] | undefined;
  /** r_k = w_{k-1} / w_k for k = 2..n. */
  ratios?: number[] | undefined;
  /** Several experts, each with an order and ratios; the weights are the mean of theirs. */
  experts?: ({ /** Who judged. */ name?: string | undefined } & G1Judgment)[] | undefined;
  /** `strict` (default): each r_k in [1, 1.8]; `free`: any r_k > 0. */
  scale?: "strict" | "free" | undefined;
}

/** Best-worst method weights (Rezaei 2015; linear model 2016). */
export interface BwmWeightSpec {
  /** The method. */
  method: "bwm";
  /** Id of the most important child. */
  best: string;
  /** Id of the least important child. */
  worst: string;
  /** Child id -> how much more important `best` is than it, 1-9 (`best` itself: 1). */
  bestToOthers: Record<string, number>;
  /** Child id -> how much more important it is than `worst`, 1-9 (`worst` itself: 1). */
  othersToWorst: Record<string, number>;
  /** `linear` (default) or `nonlinear`. */
  model?: "linear" | "nonlinear" | undefined;
}

/** Fuzzy AHP weights: triangular fuzzy judgments, or crisp 1-9 judgments turned into triangular fuzzy numbers. */
export interface FuzzyAhpWeightSpec {
  /** The method. */
  method: "fuzzy-ahp";
  /**
   * Pairwise judgments (complete: every pair of active children): `[a, b, v]` on the 1-9 scale, turned into a
   * triangular number by the common scale, or `[a, b, [l, m, u]]` given as a triangular number.
   */
  judgments: ([string, string, JudgmentValue] | [string, string, [number, number, number]])[];
  /** `buckley` (default, geometric mean) or `chang` (extent analysis). */
  variant?: "buckley" | "chang" | undefined;
  /** Buckley: `centroid` (default) or `graded-mean`. */
  defuzzify?: "centroid" | "graded-mean" | undefined;
  /** Random-index table of the consistency check of the modal matrix (default `saaty`). */
  ri?: "saaty" | "cn1000" | number[] | undefined;
  /** Consistency threshold (default 0.10). */
  threshold?: number | undefined;
}

/** DEMATEL weights (normalized prominence D + R) from a direct-relation matrix. */
export interface DematelWeightSpec {
  /** The method. */
  method: "dematel";
  /** a_ij: influence of row i on column j, 0-4, diagonal 0. */
  matrix?: number[][] | undefined;
  /** Or several experts' matrices, averaged. */
  experts?: number[][][] | undefined;
  /** Child ids in the row order of the matrix (default: the children's order). */
  order?: string[] | undefined;
  /** `max-row-column` (default) or `row`. */
  normalization?: "max-row-column" | "row" | undefined;
}

/** A weight spec that `combine` can combine. */
export type BaseWeightSpec =
  | { /** Equal weights. */ method: "equal" }
  | {
      /** Fixed weights. */
      method: "fixed";
      /** Child id -> weight (relative; normalized to sum 1 over the active children). */
      weights: Record<string, number>;
    }
  | AhpWeightSpec
  | {
      /** Entropy weights on the children's normalized values. */
      method: "entropy";
      /** Additive shift A before the proportions (default 0: 0 ln 0 = 0). */
      shift?: number | undefined;
    }
  | {
      /** CRITIC weights on the children's normalized values. */
      method: "critic";
      /** Conflict term: `1-r` (default) or `1-|r|`. */
      correlation?: "1-r" | "1-|r|" | undefined;
    }
  | {
      /** Standard-deviation or coefficient-of-variation weights. */
      method: "stddev" | "cv";
      /** Degrees of freedom of the standard deviation (default 1). */
      ddof?: 0 | 1 | undefined;
    }
  | {
      /** MEREC weights on the children's normalized values. */
      method: "merec";
      /** Added to every value first (default 0); MEREC needs values > 0. */
      shift?: number | undefined;
    }
  | {
      /** Gini, CILOS or IDOCRIW weights on the children's normalized values. */ method:
        | "gini"
        | "cilos"
        | "idocriw";
    }
  | {
      /** PCA weights on the children's normalized values (complete units). */
      method: "pca";
      /** `first` (default): u_1 / Σ u_1 (COINr `get_PCA`); `square`: u²_j1; `variance`: the Kaiser components weighted by explained variance. */
      variant?: "first" | "square" | "variance" | undefined;
    }
  | G1WeightSpec
  | BwmWeightSpec
  | FuzzyAhpWeightSpec
  | DematelWeightSpec;

/** A combination of several weight specs (subjective and objective). */
export interface CombineWeightSpec {
  /** The method. */
  method: "combine";
  /** The weight specs to combine (at least two). */
  of: BaseWeightSpec[];
  /** The combination rule. */
  rule: "linear" | "multiplicative" | "min-discrimination" | "moment" | "game-theory";
  /** Linear: the weight of the first spec (default 0.5). */
  alpha?: number | undefined;
  /** Moment: how many of the first specs are subjective (default 1). */
  subjective?: number | undefined;
  /** Game theory: normalize the coefficients by their absolute values (default) or their plain sum. */
  normalize?: "abs" | "sum" | undefined;
}

/** How a group's children are weighted in a profile; `"equal"` is the default. */
export type WeightSpec = "equal" | BaseWeightSpec | CombineWeightSpec;

/** Which grade a score on a cut point gets: `lower` (default): [c_k, c_k+1), a score equal to a cut gets the better grade; `upper`: (c_k, c_k+1]. */
export type GradeBoundary = "lower" | "upper";

/** Settings every grade spec shares. */
export interface GradeSpecBase {
  /** Grade labels, worst first (one more than the cut points); default "1", "2", ... (higher is better). */
  labels?: LocalizedText[] | undefined;
  /** Which grade a score equal to a cut point gets; default `lower` (the better grade), `upper` for Jenks. */
  closed?: GradeBoundary | undefined;
  /** Decimals scores (and cut points) are rounded to before comparing (half away from zero); null = exact. Default 2, null for Jenks. */
  precision?: number | null | undefined;
  /** Units within this distance of a cut point are listed as near a boundary. */
  margin?: number | undefined;
}

/** Fixed cut points on the score scale (a convention that must be stated: there is no default). */
export interface FixedGradeSpec extends GradeSpecBase {
  /** `fixed`. */
  method: "fixed";
  /** Cut points, ascending, e.g. [60, 80, 90]. */
  cuts: number[];
}

/** Cut points at the mean plus multiples of the sample standard deviation (ddof 1). */
export interface MeanSdGradeSpec extends GradeSpecBase {
  /** `mean-sd`. */
  method: "mean-sd";
  /** k for the cuts mean - k SD and mean + k SD, or the multiples themselves, ascending (e.g. [-1, 0, 1]). */
  k: number | number[];
}

/** Cut points at sample quantiles. */
export interface QuantileGradeSpec extends GradeSpecBase {
  /** `quantile`. */
  method: "quantile";
  /** Probabilities of the cut points, ascending in (0, 1); or give `classes`. */
  probs?: number[] | undefined;
  /** Number of classes of equal size (quartiles: 4). */
  classes?: number | undefined;
  /** Hyndman-Fan quantile type: 7 (default, R and numpy) or 6 (SPSS, Minitab). */
  type?: 6 | 7 | undefined;
}

/** Cut points at the Jenks natural breaks (optimal Fisher-Jenks). */
export interface JenksGradeSpec extends GradeSpecBase {
  /** `jenks`. */
  method: "jenks";
  /** Number of classes. */
  classes: number;
}

/** How a node's scores are graded. */
export type GradeSpec = FixedGradeSpec | MeanSdGradeSpec | QuantileGradeSpec | JenksGradeSpec;

/** Step scores of an indicator: its raw value is graded by thresholds and given points on the score scale. */
export interface StepRule {
  /** Thresholds on the raw value, ascending, e.g. [80, 90, 100]. */
  thresholds: number[];
  /** Points below the first threshold, between each pair, and from the last one on (one more than thresholds), on the score scale. */
  points: number[];
  /** Which step a value equal to a threshold gets: `lower` (default, value >= threshold reaches it) or `upper`. */
  closed?: GradeBoundary | undefined;
}

/** A bonus or penalty item: points per unit of a column, or fixed points when a condition holds. */
export interface PointsRule {
  /** Identifier of the item (shown in the unit's contributions). */
  id: string;
  /** Display name. */
  name?: LocalizedText | undefined;
  /** Indicator or input column counted: points = per x value (missing counts 0). */
  from?: string | undefined;
  /** Points per unit of `from` (default 1). */
  per?: number | undefined;
  /** Condition such as `innovations >= 1`: `points` are given when it holds. */
  when?: string | undefined;
  /** Points given when `when` holds. */
  points?: number | undefined;
  /** Cap on this item's points. */
  cap?: number | undefined;
}

/** A veto (一票否决): when its condition holds the unit fails at the node whatever its score. */
export interface VetoRule {
  /** Identifier of the veto (shown in the unit's contributions and the output). */
  id: string;
  /** Display name. */
  name?: LocalizedText | undefined;
  /** Condition such as `major_accident == true` or `accidents >= 1`. */
  when: string;
  /** `lowest-grade` (default: grade set to the lowest, score kept), `grade-ceiling` (grade at most `grade`), `zero-score` (score set to 0). */
  effect?: "lowest-grade" | "grade-ceiling" | "zero-score" | undefined;
  /** The highest grade allowed, by label, for `grade-ceiling`. */
  grade?: string | undefined;
  /** Why, in words (recorded with the unit). */
  reason?: LocalizedText | undefined;
  /** Legal or policy basis (metadata). */
  basis?: string | undefined;
}

/** Assessment rules (考核) at one node: step scores (indicators), bonus and penalty points, vetoes. */
export interface NodeRules {
  /** Step scores of an indicator, replacing its normalized value. */
  steps?: StepRule | undefined;
  /** Bonus items (加分), summed then capped by `bonusCap`. */
  bonus?: PointsRule[] | undefined;
  /** Cap on the summed bonus. */
  bonusCap?: number | undefined;
  /** Penalty items (扣分), summed then capped by `penaltyCap`. */
  penalty?: PointsRule[] | undefined;
  /** Cap on the summed penalty. */
  penaltyCap?: number | undefined;
  /** Upper limit of score + bonus - penalty (e.g. 100). */
  capTotal?: number | undefined;
  /** Lower limit of score + bonus - penalty (default 0). */
  floor?: number | undefined;
  /** Vetoes, checked in order. */
  veto?: VetoRule[] | undefined;
}

/** A named weighting of the tree (`normal`, `emergency`, ...), optionally extending another. */
export interface Profile {
  /** The profile this one builds on: its settings apply unless this one overrides them. */
  extends?: string | undefined;
  /** Display name. */
  name?: LocalizedText | undefined;
  /** What the profile is for. */
  description?: LocalizedText | undefined;
  /** Group id -> how its children are weighted. */
  weights?: Record<string, WeightSpec> | undefined;
  /** Group id -> how its children are aggregated. */
  aggregate?: Record<string, AggregateSpec> | undefined;
  /** Defaults for this profile. */
  defaults?: Defaults | undefined;
  /** Indicator ids made active in this profile. */
  include?: string[] | undefined;
  /** Indicator ids made inactive in this profile. */
  exclude?: string[] | undefined;
  /** Node id -> factor on its local weight before re-normalizing (scenario overlays). */
  multipliers?: Record<string, number> | undefined;
  /** Indicator id -> goalposts in this profile. */
  goalposts?: Record<string, [number, number]> | undefined;
  /** Node id -> how its scores are graded in this profile (replaces the model's spec for that node). */
  grades?: Record<string, GradeSpec> | undefined;
  /** Node id -> assessment rules in this profile (replace the model's rules for that node). */
  rules?: Record<string, NodeRules> | undefined;
  /** A blend of other profiles' local weights, node by node (then only `name` and `description` may be set beside it). */
  blend?: ProfileBlend | undefined;
  /** State variable weights at every group (or the groups listed), per unit. */
  variableWeights?: VariableWeights | undefined;
  /** At every group with local and common children, the most weight the local ones may take for a unit, in [0, 1]. */
  localCap?: number | undefined;
  /**
   * Level id -> how its units mix their own indicators with their child units' roll-up. A level the
   * profile does not set is inherited from the profile it extends; a blend's, from its components when
   * they all give the same rule (see `levelRules`).
   */
  levels?: Record<string, LevelRule> | undefined;
}

/** A raw data column that formulas may use (not itself scored). */
export interface ModelInputColumn {
  /** Identifier (same rules as node ids). */
  id: string;
  /** Display name. */
  name?: LocalizedText | undefined;
  /** Unit of measurement. */
  unit?: string | undefined;
  /** What the column holds. */
  description?: LocalizedText | undefined;
  /**
   * `sum`: with levels, a unit above the lowest level takes the sum of its child units' values, and a
   * formula indicator that reads only summed inputs is recomputed from the sums at each level.
   */
  rollup?: "sum" | undefined;
}

/** One step in the building of the model (a Delphi round, screening on the data, ...). */
export interface HistoryEntry {
  /** What was done, e.g. `delphi` or `screening`. */
  step: string;
  /** When (ISO 8601 date or date-time). */
  date?: string | undefined;
  /** The step in one sentence, with its key numbers. */
  summary: string;
  /** Nodes removed in this step and why. */
  removed?: { id: string; reason: string }[] | undefined;
}

/** A model: an indicator tree, defaults and profiles (what `parseModel` returns). */
export interface Model {
  /** URL of the JSON Schema, for editors. */
  $schema?: string | undefined;
  /** Identifier of the model. */
  id: string;
  /** Display name. */
  name?: LocalizedText | undefined;
  /** What the model measures. */
  description?: LocalizedText | undefined;
  /** Version of the model itself. */
  version?: string | undefined;
  /** Preferred display language of names, e.g. `zh` or `en`. */
  language?: string | undefined;
  /** Raw columns that formulas may read without being scored. */
  inputs?: ModelInputColumn[] | undefined;
  /** The indicator tree; its root is a group. */
  tree: ModelNode;
  /** Model-wide normalization, aggregation, missing-value policy, coverage, treatment. */
  defaults?: Defaults | undefined;
  /** Named weightings; the first is the default profile. */
  profiles?: Record<string, Profile> | undefined;
  /** How the model was built: Delphi rounds, screening, ... (oldest first). */
  history?: HistoryEntry[] | undefined;
  /** Node id -> how its scores are graded. */
  grades?: Record<string, GradeSpec> | undefined;
  /** Node id -> assessment rules (step scores, bonus and penalty points, vetoes). */
  rules?: Record<string, NodeRules> | undefined;
  /** State value (of the data's `state` column) -> profile name. */
  states?: Record<string, string> | undefined;
  /** The levels of the unit hierarchy, lowest first. */
  levels?: Level[] | undefined;
}

/** A model as written in a file, before parsing: the same shape as {@link Model}. */
export type ModelInput = Model;

/**
 * A blended profile (平急结合): fixed coefficients per profile (summing to 1), or two profiles and a data
 * column with each unit's blend factor λ in [0, 1] (weights (1 - λ) from + λ to, per unit).
 */
export type ProfileBlend =
  | Record<string, number>
  | {
      /** The two profiles, `[from, to]`: at blend factor 0 and 1. */
      between: [string, string];
      /** Data column with each unit's blend factor in [0, 1]. */
      column: string;
    };

/** State variable weights (变权; DOMAIN C7.1): w_ij = w_j S(x_ij) / sum_k w_k S(x_ik). */
export interface VariableWeights {
  /** `power` (default): S(x) = x^(alpha - 1); `exponential`: S(x) = exp(-beta x). */
  form?: "power" | "exponential" | undefined;
  /** Power form: 0 < alpha < 1 penalty, 1 fixed weights, > 1 incentive. Required for the power form. */
  alpha?: number | undefined;
  /** Exponential form: beta > 0 penalty, beta < 0 incentive. Required for the exponential form. */
  beta?: number | undefined;
  /** Child scores below it enter S at the floor (default 0.001). */
  floor?: number | undefined;
  /** Group ids where the variable weights apply (default: every group). */
  nodes?: string[] | undefined;
}

/**
 * The units a local indicator applies to: those whose column `tag` is non-zero (a 0/1 column such as
 * `coastal`), or those below one of the `parents` (a street or district id, at any depth).
 */
export type AppliesTo =
  | {
      /** A 0/1 data column: the indicator applies where it is non-zero. */
      tag: string;
    }
  | {
      /** Unit ids: the indicator applies to the units below any of them. */
      parents: string[];
    };

/** One level of the unit hierarchy. */
export interface Level {
  /** Level id, as in the data's `level` column. */
  id: string;
  /** Display name, or names by language code. */
  name?: LocalizedText | undefined;
}

/** How a unit at a level combines its own indicators (`own`) with the roll-up of its child units (`children`); own + children = 1. */
export interface LevelRule {
  /** Weight of the unit's own indicators. */
  own: number;
  /** Weight of the roll-up of its child units. */
  children: number;
  /** `mean` (default) or `{ weight: column }`: over the scored units below, as `rollup`. */
  rollup?: "mean" | { weight: string } | undefined;
}
