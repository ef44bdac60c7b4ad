import { fail } from "../../internal/errors.js";
import { checkCoordinates } from "./coordinates.js";
import { checkStyle, finishWeights } from "./finish.js";
import type { Coordinates, SpatialWeights, WeightsStyle } from "./types.js";

/** Options of {@link distanceBandWeights}. */
export interface DistanceBandWeightsOptions {
  /** The band d* > 0: j is a neighbour of i when 0 < d_ij <= d* (in the coordinates' unit; km for lon/lat). */
  threshold: number;
  /** `"r"` row-standardized (default) or `"b"` binary. */
  style?: WeightsStyle;
}

/**
 * Distance-band spatial weights: w_ij = 1 when 0 < d_ij <= d* (libpysal `DistanceBand`, spdep
 * `dnearneigh(x, 0, d)`), then row-standardized by default. Symmetric; units farther than d* from every
 * other unit are islands (an `island` warning): pick d* at least the largest nearest-neighbour distance,
 * or use {@link knnWeights}. Coincident points (d = 0) are not neighbours.
 *
 * @param coords unit ids and coordinates.
 * @param opts the band and the style.
 * @throws IndicatrixError `invalid_option` (a threshold that is not finite and > 0), and the coordinate errors
 *   of {@link knnWeights}.
 * @example
 * ```ts
 * const w = distanceBandWeights({ units: ["a", "b", "c"], x: [0, 1, 3], y: [0, 0, 0] }, { threshold: 1.5 });
 * w.neighbours; // => [[1], [0], []]   (c is an island)
 * ```
 */
export function distanceBandWeights(coords: Coordinates, opts: DistanceBandWeightsOptions): SpatialWeights {
  const c = checkCoordinates(coords);
  const t = opts?.threshold;
  if (typeof t !== "number" || !Number.isFinite(t) || t <= 0)
    fail(
      "invalid_option",
      ["opts", "threshold"],
      `the distance band must be a finite number > 0, got ${String(t)}`,
    );
  const style = checkStyle(opts.style);
  return finishWeights(
    c.units,
    bandRows(c.units.length, c.distance, t, () => 1),
    style,
    `band:${t}`,
    [],
  );
}

/** Rows of the pairs with 0 < d <= threshold (all pairs for Infinity), weighted by `weight(d)`. @internal */
export function bandRows(
  n: number,
  distance: (i: number, j: number) => number,
  threshold: number,
  weight: (d: number) => number,
): { j: number; w: number }[][] {
  const rows: { j: number; w: number }[][] = Array.from({ length: n }, () => []);
  for (let i = 0; i < n; i++)
    for (let j = i + 1; j < n; j++) {
      const d = distance(i, j);
      if (d > 0 && d <= threshold) {
        const w = weight(d);
        rows[i]!.push({ j, w });
        rows[j]!.push({ j: i, w });
      }
    }
  return rows;
}
