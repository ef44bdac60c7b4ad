// Evaluation methods over a plain decision matrix (rows = units, columns = indicators).

export type { MatrixInput } from "../internal/matrix-input.js";
export type { ArasOptions, ArasResult } from "./aras.js";
export { aras } from "./aras.js";
export type { BordaResult } from "./borda.js";
export { borda } from "./borda.js";
export type { CocosoOptions, CocosoResult } from "./cocoso.js";
export { cocoso } from "./cocoso.js";
export type { CodasOptions, CodasResult } from "./codas.js";
export { codas } from "./codas.js";
export type { CopelandResult } from "./copeland.js";
export { copeland } from "./copeland.js";
export type { CoprasOptions, CoprasResult } from "./copras.js";
export { copras } from "./copras.js";
export type { CouplingBand, CouplingOptions, CouplingResult } from "./coupling.js";
export { coordinationBand, couplingCoordination } from "./coupling.js";
export type { EdasOptions, EdasResult } from "./edas.js";
export { edas } from "./edas.js";
export type { Electre1Options, Electre1Result } from "./electre1.js";
export { electre1 } from "./electre1.js";
export type { FuzzyInput, FuzzyOperator, FuzzyOptions, FuzzyResult } from "./fuzzy.js";
export { fuzzyEvaluation, fuzzyMembership } from "./fuzzy.js";
export type { FuzzyGroup, FuzzyMultiLevelOptions, FuzzyMultiLevelResult } from "./fuzzy-multilevel.js";
export { fuzzyEvaluationMultiLevel } from "./fuzzy-multilevel.js";
export type { GreyRelationalOptions, GreyRelationalResult } from "./grey-relational.js";
export { greyRelational } from "./grey-relational.js";
export type { MabacOptions, MabacResult } from "./mabac.js";
export { mabac } from "./mabac.js";
export type { MarcosOptions, MarcosResult } from "./marcos.js";
export { marcos } from "./marcos.js";
export type { MooraOptions, MooraResult } from "./moora.js";
export { moora } from "./moora.js";
export type { MultimooraOptions, MultimooraResult } from "./multimoora.js";
export { multimoora } from "./multimoora.js";
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
