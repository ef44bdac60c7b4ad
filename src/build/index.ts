/**
 * Building the indicator system (issue 15): Delphi rounds, screening on the data, PCA and factor
 * analysis, expert AHP questionnaires.
 * @module
 */

export {
  type AhpQuestionnaire,
  type AhpQuestionnaireOptions,
  ahpQuestionnaire,
  type GroupQuestionnaire,
} from "./ahp-questionnaire.js";
export type { ScalePoint } from "./ahp-scale.js";
export { type BartlettResult, bartlettSphericity } from "./bartlett.js";
export { delphi } from "./delphi.js";
export { type DelphiTableOptions, delphiRoundFromTable } from "./delphi-round-from-table.js";
export { DELPHI_BASIS_TABLE, DELPHI_FAMILIARITY_TABLE } from "./delphi-tables.js";
export { type DelphiToModelOptions, delphiToModel } from "./delphi-to-model.js";
export type {
  BasisKind,
  BasisLevel,
  DelphiAuthority,
  DelphiChange,
  DelphiExpertAuthority,
  DelphiFailure,
  DelphiFixedThresholds,
  DelphiIndicatorStats,
  DelphiOptions,
  DelphiResult,
  DelphiRound,
  DelphiRoundResult,
  DelphiVerdict,
  FamiliarityLevel,
} from "./delphi-types.js";
export { type FactorAnalysisOptions, type FactorAnalysisResult, factorAnalysis } from "./factor-analysis.js";
export { type KendallW, kendallW } from "./kendall-w.js";
export { type KmoResult, kmo } from "./kmo.js";
export { type PcaOptions, type PcaResult, pca } from "./pca.js";
export type { ComponentRule } from "./pca-core.js";
export {
  type ExpertConsistency,
  type FilledQuestionnaire,
  type ReadQuestionnairesOptions,
  type ReadQuestionnairesResult,
  readAhpQuestionnaires,
} from "./read-ahp-questionnaires.js";
export {
  type ScreenFlag,
  type ScreenOptions,
  type ScreenReport,
  type ScreenStats,
  screenIndicators,
} from "./screen-indicators.js";
export type { UnitsMatrix } from "./units-matrix.js";
export { type VarimaxOptions, type VarimaxResult, varimax } from "./varimax.js";
