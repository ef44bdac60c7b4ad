// Spatial autocorrelation (DOMAIN C6): spatial weights, global Moran's I, local Moran (LISA), and
// `moran` over a scored result.
export { type ContiguityWeightsOptions, contiguityWeights } from "./contiguity-weights.js";
export { type DistanceBandWeightsOptions, distanceBandWeights } from "./distance-band-weights.js";
export { type InverseDistanceWeightsOptions, inverseDistanceWeights } from "./inverse-distance-weights.js";
export { type KnnWeightsOptions, knnWeights } from "./knn-weights.js";
export {
  type LisaQuadrant,
  type LocalMoranOptions,
  type LocalMoranResult,
  localMoran,
} from "./local-moran.js";
export { type MoranOptions, type MoranResult, moran } from "./moran.js";
export { type MoranIOptions, type MoranIResult, type MoranMoments, moranI } from "./moran-i.js";
export { sameParentWeights } from "./same-parent-weights.js";
export { type ResultWeights, spatialWeights } from "./spatial-weights.js";
export type { Coordinates, SpatialWeights, WeightsStyle } from "./types.js";
export { parseWeightsSpec, type WeightsSpec } from "./weights-spec.js";
