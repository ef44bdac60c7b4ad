// Robustness of a model's results: uncertainty and sensitivity analysis, structure checks,
// leave-one-out, rank correlations, and the evaluation methods run over a scored model.

// Issue 18: what uncertaintyAnalysis({ adapt: true }) changed in the alternatives.
export type { AlternativeAdaptation } from "./adapt-alternatives.js";
export { cronbachAlpha } from "./cronbach.js";
export {
  type BandwidthRule,
  type CoefficientOfVariationOptions,
  coefficientOfVariation,
  type DagumGiniResult,
  type DagumGroup,
  type DagumPair,
  type DisparityGroup,
  type DisparityOptions,
  type DisparityPanelOptions,
  type DisparityPanelResult,
  type DisparityResult,
  dagumGini,
  disparity,
  disparityPanel,
  type GroupBy,
  gini,
  type KernelDensityOptions,
  type KernelDensityResult,
  kdeBandwidth,
  kernelDensity,
  maxMinRatio,
  type PeriodResults,
  type TheilGroup,
  type TheilOptions,
  type TheilResult,
  theil,
} from "./disparity/index.js";
export {
  type EvaluateModelCommon,
  type EvaluateModelOptions,
  type EvaluationRow,
  evaluate,
  evaluateModel,
  type ModelEvaluation,
  type ModelEvaluationMethod,
} from "./evaluate-model/index.js";
export { kendall, pearson, spearman } from "./rank-correlation.js";
export { type RankAgreement, rankAgreement, weightedSpearman, wsCoefficient } from "./rank-similarity.js";
export {
  type RemovedElement,
  type RemoveElementsOptions,
  type RemoveElementsResult,
  removeElements,
} from "./remove-elements.js";
export {
  type ContiguityWeightsOptions,
  type Coordinates,
  contiguityWeights,
  type DistanceBandWeightsOptions,
  distanceBandWeights,
  type InverseDistanceWeightsOptions,
  inverseDistanceWeights,
  type KnnWeightsOptions,
  knnWeights,
  type LisaQuadrant,
  type LocalMoranOptions,
  type LocalMoranResult,
  localMoran,
  type MoranIOptions,
  type MoranIResult,
  type MoranMoments,
  type MoranOptions,
  type MoranResult,
  moran,
  moranI,
  parseWeightsSpec,
  type ResultWeights,
  type SpatialWeights,
  sameParentWeights,
  spatialWeights,
  type WeightsSpec,
  type WeightsStyle,
} from "./spatial/index.js";
export {
  type CorrelationEntry,
  type CronbachEntry,
  type StructureCheckOptions,
  type StructureFlag,
  type StructureReport,
  structureChecks,
} from "./structure-checks.js";
export {
  type SensitivityIndex,
  type UncertaintyFactor,
  type UncertaintyOptions,
  type UncertaintyResult,
  type UnitUncertainty,
  uncertaintyAnalysis,
  type WeightNoise,
} from "./uncertainty.js";
export {
  type WeightInterval,
  type WeightSensitivityOptions,
  type WeightSensitivityResult,
  weightSensitivity,
} from "./weight-sensitivity.js";
