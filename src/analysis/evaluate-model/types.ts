import type { ArasOptions, ArasResult } from "../../evaluate/aras.js";
import type { CocosoOptions, CocosoResult } from "../../evaluate/cocoso.js";
import type { CodasOptions, CodasResult } from "../../evaluate/codas.js";
import type { CoprasOptions, CoprasResult } from "../../evaluate/copras.js";
import type { CouplingOptions, CouplingResult } from "../../evaluate/coupling.js";
import type { EdasOptions, EdasResult } from "../../evaluate/edas.js";
import type { Electre1Options, Electre1Result } from "../../evaluate/electre1.js";
import type { FuzzyOptions, FuzzyResult } from "../../evaluate/fuzzy.js";
import type { GreyRelationalOptions, GreyRelationalResult } from "../../evaluate/grey-relational.js";
import type { MabacOptions, MabacResult } from "../../evaluate/mabac.js";
import type { MarcosOptions, MarcosResult } from "../../evaluate/marcos.js";
import type { MooraOptions, MooraResult } from "../../evaluate/moora.js";
import type { MultimooraOptions, MultimooraResult } from "../../evaluate/multimoora.js";
import type { ObstacleResult } from "../../evaluate/obstacle.js";
import type { PrometheeOptions, PrometheeResult } from "../../evaluate/promethee.js";
import type { RankSumRatioOptions, RankSumRatioResult } from "../../evaluate/rank-sum-ratio.js";
import type { TopsisOptions, TopsisResult } from "../../evaluate/topsis.js";
import type { VikorOptions, VikorResult } from "../../evaluate/vikor.js";
import type { WaspasOptions, WaspasResult } from "../../evaluate/waspas.js";

/** The matrix methods {@link evaluateModel} can run over a model's normalized indicators. */
export type ModelEvaluationMethod =
  | "topsis"
  | "grey"
  | "fuzzy"
  | "rsr"
  | "obstacle"
  | "coupling"
  // issue 17, group B
  | "marcos"
  | "moora"
  | "multimoora"
  | "aras"
  | "cocoso"
  | "codas"
  | "electre1"
  | "vikor"
  | "promethee"
  | "edas"
  | "waspas"
  | "copras"
  | "mabac";

/**
 * Every {@link ModelEvaluationMethod}, in the order the CLI and the messages list them (the
 * `Record` makes the compiler reject a list that misses one).
 * @internal
 */
export const MODEL_EVALUATION_METHODS = Object.keys({
  topsis: true,
  grey: true,
  fuzzy: true,
  rsr: true,
  obstacle: true,
  coupling: true,
  // issue 17, group B
  marcos: true,
  moora: true,
  multimoora: true,
  aras: true,
  cocoso: true,
  codas: true,
  electre1: true,
  vikor: true,
  promethee: true,
  edas: true,
  waspas: true,
  copras: true,
  mabac: true,
} satisfies Record<ModelEvaluationMethod, true>) as readonly ModelEvaluationMethod[];

/** Options every method of {@link evaluateModel} takes. */
export interface EvaluateModelCommon {
  /** Profile to score (default: the model's first). */
  profile?: string;
}

/** Options of {@link evaluateModel}: the method, the profile, and that method's own options. */
export type EvaluateModelOptions =
  | ({
      /** TOPSIS over the normalized indicators with global weights. */
      method: "topsis";
    } & EvaluateModelCommon &
      Omit<TopsisOptions, "directions">)
  | ({
      /** Grey relational analysis; the grade is weighted by the global weights. */
      method: "grey";
    } & EvaluateModelCommon &
      Omit<GreyRelationalOptions, "directions" | "weights">)
  | ({
      /** Fuzzy comprehensive evaluation of the normalized values. */
      method: "fuzzy";
      /**
       * Grade breakpoints on the normalized scale, ascending; default 5 evenly spaced points over the
       * normalization's output range (e.g. [0, 0.25, 0.5, 0.75, 1]).
       */
      breakpoints?: readonly number[];
    } & EvaluateModelCommon &
      FuzzyOptions)
  | ({
      /** Weighted rank-sum ratio (WRSR) with the global weights. */
      method: "rsr";
      /** RSR's own `method` option: `integer` ranks (整秩法, default) or `non-integer` (非整秩法). */
      ranking?: "integer" | "non-integer";
    } & EvaluateModelCommon &
      Omit<RankSumRatioOptions, "directions" | "weights" | "method">)
  | ({
      /** Obstacle degree per indicator and per top-level dimension. */
      method: "obstacle";
      /** How many of each unit's largest obstacles to list (default 3). */
      top?: number;
    } & EvaluateModelCommon)
  | ({
      /** Coupling coordination between the root's children, or between profiles' root scores. */
      method: "coupling";
      /** Two or more profiles whose root scores are the subsystems (平急结合: `["normal", "emergency"]`). */
      profiles?: readonly string[];
    } & EvaluateModelCommon &
      CouplingOptions)
  // issue 17, group B: the matrix methods over the normalized indicators with global weights
  | ({ /** MARCOS (Stević et al. 2020). */ method: "marcos" } & EvaluateModelCommon &
      Omit<MarcosOptions, "directions">)
  | ({ /** MOORA (Brauers & Zavadskas 2006). */ method: "moora" } & EvaluateModelCommon &
      Omit<MooraOptions, "directions">)
  | ({ /** MULTIMOORA (Brauers & Zavadskas 2010). */ method: "multimoora" } & EvaluateModelCommon &
      Omit<MultimooraOptions, "directions">)
  | ({ /** ARAS (Zavadskas & Turskis 2010). */ method: "aras" } & EvaluateModelCommon &
      Omit<ArasOptions, "directions">)
  | ({ /** CoCoSo (Yazdani et al. 2019). */ method: "cocoso" } & EvaluateModelCommon &
      Omit<CocosoOptions, "directions">)
  | ({ /** CODAS (Keshavarz Ghorabaee et al. 2016). */ method: "codas" } & EvaluateModelCommon &
      Omit<CodasOptions, "directions">)
  | ({ /** ELECTRE I (Roy 1968); at most 2,000 units. */ method: "electre1" } & EvaluateModelCommon &
      Omit<Electre1Options, "directions">)
  | ({
      /** VIKOR: Q (lower is better), S, R and the compromise set, with the global weights. */
      method: "vikor";
    } & EvaluateModelCommon &
      Omit<VikorOptions, "directions">)
  | ({
      /**
       * PROMETHEE II net flow (and I with `partialOrder`), with the global weights; thresholds q, p, s
       * are on the normalized scale.
       */
      method: "promethee";
    } & EvaluateModelCommon &
      Omit<PrometheeOptions, "directions">)
  | ({
      /** EDAS appraisal score, with the global weights. */
      method: "edas";
    } & EvaluateModelCommon &
      Omit<EdasOptions, "directions">)
  | ({
      /** WASPAS joint criterion Q, with the global weights. */
      method: "waspas";
    } & EvaluateModelCommon &
      Omit<WaspasOptions, "directions">)
  | ({
      /** COPRAS utility degree, with the global weights (every normalized indicator is a benefit). */
      method: "copras";
    } & EvaluateModelCommon &
      Omit<CoprasOptions, "directions">)
  | ({
      /** MABAC distance from the border approximation area, with the global weights. */
      method: "mabac";
    } & EvaluateModelCommon &
      Omit<MabacOptions, "directions">);

/** The options of one method of {@link evaluateModel}. @internal */
export type MethodOptions<M extends ModelEvaluationMethod> = Extract<EvaluateModelOptions, { method: M }>;

/** One output row: the unit id and the method's values (null for a unit left out). */
export type EvaluationRow = Record<string, string | number | null>;

/** Result of {@link evaluateModel}. */
export interface ModelEvaluation {
  /** The method that ran. */
  method: ModelEvaluationMethod;
  /** The profile scored (for coupling between profiles: the profiles, comma separated). */
  profile: string;
  /** Scored unit ids, aligned with `rows`. */
  units: string[];
  /** The keys of every row, in display order (`unit` first). */
  columns: string[];
  /** One row per unit, aligned with `units`. */
  rows: EvaluationRow[];
  /** The columns of the matrix the method read: indicator ids, or dimension ids / profiles for coupling. */
  criteria: string[];
  /** Weights of the criteria (global leaf weights; empty for coupling). */
  weights: number[];
  /** Units left out of the method because a criterion value is missing (their row values are null). */
  excluded: string[];
  /** The full result of the matrix method (over the units not excluded, in order). */
  detail:
    | TopsisResult
    | GreyRelationalResult
    | FuzzyResult
    | RankSumRatioResult
    | ObstacleResult
    | CouplingResult
    // issue 17, group B
    | MarcosResult
    | MooraResult
    | MultimooraResult
    | ArasResult
    | CocosoResult
    | CodasResult
    | Electre1Result
    | VikorResult
    | PrometheeResult
    | EdasResult
    | WaspasResult
    | CoprasResult
    | MabacResult;
}
