import { fail } from "../../internal/errors.js";
import { checkCoordinates } from "./coordinates.js";
import { bandRows } from "./distance-band-weights.js";
import { checkStyle, finishWeights } from "./finish.js";
import type { Coordinates, SpatialWeights, WeightsStyle } from "./types.js";

/** Options of {@link inverseDistanceWeights}. */
export interface InverseDistanceWeightsOptions {
  /** The power alpha of d^(-alpha): 1 (default) or any number > 0 (2: gravity-like decay). */
  alpha?: number;
  /** Only pairs with 0 < d_ij <= threshold get a weight; default: every pair (a dense matrix). */
  threshold?: number;
  /** `"r"` row-standardized (default) or `"b"` the raw d^(-alpha). */
  style?: WeightsStyle;
}

/**
 * Inverse-distance spatial weights: w_ij = d_ij^(-alpha) for 0 < d_ij <= threshold (libpysal
 * `DistanceBand(binary=False, alpha=-alpha)`; spdep `nb2listw(dnearneigh(...), glist = 1 / d^alpha)`), then
 * row-standardized by default. Without a threshold every pair is a neighbour (n^2 weights: keep n to a few
 * thousand). Nearer units weigh more, smoothly, where {@link distanceBandWeights} cuts at the band.
 *
 * @param coords unit ids and coordinates.
 * @param opts alpha, the band and the style.
 * @throws IndicatrixError `invalid_option` (alpha or threshold not finite and > 0), and the coordinate errors
 *   of {@link knnWeights}.
 * @example
 * ```ts
 * const w = inverseDistanceWeights({ units: ["a", "b", "c"], x: [0, 1, 3], y: [0, 0, 0] }, { style: "b" });
 * w.weights[0]; // => [1, 0.3333333333333333]
 * ```
 */
export function inverseDistanceWeights(
  coords: Coordinates,
  opts: InverseDistanceWeightsOptions = {},
): SpatialWeights {
  const c = checkCoordinates(coords);
  const alpha = opts.alpha ?? 1;
  if (typeof alpha !== "number" || !Number.isFinite(alpha) || alpha <= 0)
    fail("invalid_option", ["opts", "alpha"], `alpha must be a finite number > 0, got ${String(alpha)}`);
  const t = opts.threshold ?? Number.POSITIVE_INFINITY;
  if (typeof t !== "number" || Number.isNaN(t) || t <= 0)
    fail("invalid_option", ["opts", "threshold"], `the distance band must be a number > 0, got ${String(t)}`);
  const style = checkStyle(opts.style);
  const rows = bandRows(c.units.length, c.distance, t, (d) => d ** -alpha);
  return finishWeights(c.units, rows, style, `inverse:${alpha}${Number.isFinite(t) ? `:${t}` : ""}`, []);
}
