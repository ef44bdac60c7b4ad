// Evaluation methods over a plain decision matrix (rows = units, columns = indicators).

export type { MatrixInput } from "../internal/matrix-input.js";
export type { CoprasOptions, CoprasResult } from "./copras.js";
export { copras } from "./copras.js";
export type { CouplingBand, CouplingOptions, CouplingResult } from "./coupling.js";
export { coordinationBand, couplingCoordination } from "./coupling.js";
export type { EdasOptions, EdasResult } from "./edas.js";
export { edas } from "./edas.js";
export type { FuzzyInput, FuzzyOperator, FuzzyOptions, FuzzyResult } from "./fuzzy.js";
export { fuzzyEvaluation, fuzzyMembership } from "./fuzzy.js";
export type { FuzzyGroup, FuzzyMultiLevelOptions, FuzzyMultiLevelResult } from "./fuzzy-multilevel.js";
export { fuzzyEvaluationMultiLevel } from "./fuzzy-multilevel.js";
export type { GreyRelationalOptions, GreyRelationalResult } from "./grey-relational.js";
export { greyRelational } from "./grey-relational.js";
export type { MabacOptions, MabacResult } from "./mabac.js";
export { mabac } from "./mabac.js";
export type { ObstacleEntry, ObstacleOptions, ObstacleResult } from "./obstacle.js";
export { obstacleDegree } from "./obstacle.js";
export type {
  PreferenceFunction,
  PrometheeOptions,
  PrometheePartialOrder,
  PrometheeResult,
  PrometheeThreshold,
} from "./promethee.js";
export { PREFERENCE_FUNCTIONS, promethee } from "./promethee.js";
export type { RankSumRatioOptions, RankSumRatioResult, RsrDistributionRow } from "./rank-sum-ratio.js";
export { rankSumRatio } from "./rank-sum-ratio.js";
export type { TopsisIdealPoints, TopsisOptions, TopsisResult } from "./topsis.js";
export { topsis } from "./topsis.js";
export type { VikorOptions, VikorResult } from "./vikor.js";
export { vikor } from "./vikor.js";
export type { WaspasOptions, WaspasResult } from "./waspas.js";
export { waspas } from "./waspas.js";
