import type { Issue } from "../../internal/errors.js";

/**
 * Spatial weights over a list of units, as neighbour lists: `neighbours[i]` are the indices (into
 * `units`) of unit i's neighbours and `weights[i]` their weights w_ij, aligned. w_ii = 0 always. Plain
 * data: build it with {@link knnWeights}, {@link distanceBandWeights}, {@link inverseDistanceWeights},
 * {@link contiguityWeights}, {@link sameParentWeights} or {@link spatialWeights}.
 */
export interface SpatialWeights {
  /** Unit ids, in order. */
  units: string[];
  /** Neighbour indices of each unit, ascending. */
  neighbours: number[][];
  /** Weight of each neighbour, aligned with `neighbours`. */
  weights: number[][];
  /** `"r"`: row-standardized (each row sums to 1; the default); `"b"`: as built (binary, or inverse distances). */
  style: "r" | "b";
  /** What built them, for people: `"knn:6"`, `"band:2.5"`, `"inverse:1"`, `"contiguity"`, `"parent"`. */
  kind: string;
  /** Warnings found on the way: `island` (a unit without neighbours), `knn_tie`, `asymmetric_weights`, `degree_coordinates`. */
  diagnostics: Issue[];
}

/**
 * Point coordinates of units: planar x/y (Euclidean distance, in the unit of the coordinates) or
 * longitude/latitude in degrees (`metric: "haversine"`: great-circle distance in kilometres on a
 * sphere of radius 6371.0088 km, the IUGG mean Earth radius).
 */
export interface Coordinates {
  /** Unit ids, in order. */
  units: readonly string[];
  /** x, or longitude in degrees. */
  x: ArrayLike<number>;
  /** y, or latitude in degrees. */
  y: ArrayLike<number>;
  /** `"euclidean"` (default) for x/y, `"haversine"` for lon/lat. */
  metric?: "euclidean" | "haversine";
}

/** The standardization of built weights: `"r"` row-standardized (default), `"b"` as built. */
export type WeightsStyle = "r" | "b";
