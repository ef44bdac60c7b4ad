// Regional disparity (DOMAIN C5): Gini and its Dagum decomposition, Theil T and L, coefficient of
// variation, max/min ratio, kernel density, and `disparity` over a scored result.
export {
  type CoefficientOfVariationOptions,
  coefficientOfVariation,
} from "./coefficient-of-variation.js";
export { type DagumGiniResult, type DagumGroup, type DagumPair, dagumGini } from "./dagum-gini.js";
export {
  type DisparityGroup,
  type DisparityOptions,
  type DisparityResult,
  disparity,
} from "./disparity.js";
export {
  type DisparityPanelOptions,
  type DisparityPanelResult,
  disparityPanel,
  type PeriodResults,
} from "./disparity-panel.js";
export { gini } from "./gini.js";
export type { GroupBy } from "./groups-of.js";
export { type BandwidthRule, kdeBandwidth } from "./kde-bandwidth.js";
export { type KernelDensityOptions, type KernelDensityResult, kernelDensity } from "./kernel-density.js";
export { maxMinRatio } from "./max-min-ratio.js";
export { type TheilGroup, type TheilOptions, type TheilResult, theil } from "./theil.js";
