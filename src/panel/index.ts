/** Panels: units observed over several periods, scored comparably over time, with trends and mobility. */
export type { PanelBasis } from "./basis-plan.js";
export { type ComparePanelOptions, compareProfilesByPeriod, type PanelComparison } from "./compare-panel.js";
export { type ImputedValue, imputePanel, type PanelImputeSpec } from "./impute-panel.js";
export type { Mobility, MobilityOptions, RankChange, Transition } from "./mobility.js";
export {
  type PanelColumns,
  type PanelData,
  type PanelDataOptions,
  type PanelInput,
  type PeriodBlock,
  toPanel,
} from "./panel-data.js";
export {
  type PanelProvenance,
  type PanelResult,
  type PanelWeights,
  type ScorePanelOptions,
  scorePanel,
} from "./score-panel.js";
export {
  TREND_METHODS,
  type TrendMethod,
  type TrendOptions,
  type TrendResult,
  type TrendRow,
} from "./trends.js";
export {
  type PanelUncertaintyOptions,
  type PanelUncertaintyResult,
  type PeriodUncertainty,
  uncertaintyPanel,
} from "./uncertainty-panel.js";
