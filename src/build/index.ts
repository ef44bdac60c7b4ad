/**
 * Building the indicator system (issue 15): Delphi rounds, screening on the data, PCA and factor
 * analysis, expert AHP questionnaires.
 * @module
 */
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
export { type KendallW, kendallW } from "./kendall-w.js";
