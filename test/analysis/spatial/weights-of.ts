import { contiguityWeights } from "../../../src/analysis/spatial/contiguity-weights.js";
import { distanceBandWeights } from "../../../src/analysis/spatial/distance-band-weights.js";
import { inverseDistanceWeights } from "../../../src/analysis/spatial/inverse-distance-weights.js";
import { knnWeights } from "../../../src/analysis/spatial/knn-weights.js";
import type { SpatialWeights } from "../../../src/analysis/spatial/types.js";
import { type SpatialCase, unitsOf } from "./reference.js";

/** The weights of one scheme of spdep.R, built by indicatrix. */
export function weightsOf(c: SpatialCase, scheme: string): SpatialWeights {
  const coords = { units: unitsOf(c), x: c.x, y: c.y };
  switch (scheme) {
    case "contiguity":
      return contiguityWeights(unitsOf(c), c.adjacency);
    case "contiguityBinary":
      return contiguityWeights(unitsOf(c), c.adjacency, { style: "b" });
    case "knn":
      return knnWeights(coords, { k: c.k });
    case "band":
      return distanceBandWeights(coords, { threshold: c.threshold });
    default:
      return inverseDistanceWeights(coords, { alpha: c.alpha, threshold: c.inverseThreshold });
  }
}
