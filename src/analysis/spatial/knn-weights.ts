import { fail, type Issue, issue } from "../../internal/errors.js";
import { checkCoordinates } from "./coordinates.js";
import { checkStyle, finishWeights } from "./finish.js";
import type { Coordinates, SpatialWeights, WeightsStyle } from "./types.js";

/** Options of {@link knnWeights}. */
export interface KnnWeightsOptions {
  /** Number of neighbours, an integer from 1 to n - 1. */
  k: number;
  /** `"r"` row-standardized (default) or `"b"` binary. */
  style?: WeightsStyle;
}

/**
 * k-nearest-neighbour spatial weights: w_ij = 1 for the k units nearest to i (Euclidean, or great-circle
 * for lon/lat), then row-standardized by default. The relation is not symmetric (j among i's nearest
 * does not make i among j's). Ties at the k-th distance are broken by the lowest unit index, with a
 * `knn_tie` warning (libpysal's KD-tree and spdep break them in an order of their own). Every unit has
 * exactly k neighbours, so there are no islands: use it when units are unevenly spread.
 *
 * Cost: O(n^2 log n) (all pairs), fine for a few thousand units.
 *
 * @param coords unit ids and coordinates.
 * @param opts k and the style.
 * @throws IndicatrixError `invalid_option` (k not an integer from 1 to n - 1), `length_mismatch`,
 *   `non_finite_value` (a missing coordinate), `value_out_of_range` (lon/lat not in degrees).
 * @example
 * ```ts
 * const w = knnWeights({ units: ["a", "b", "c"], x: [0, 1, 3], y: [0, 0, 0] }, { k: 1 });
 * w.neighbours; // => [[1], [0], [1]]
 * ```
 */
export function knnWeights(coords: Coordinates, opts: KnnWeightsOptions): SpatialWeights {
  const c = checkCoordinates(coords);
  const n = c.units.length;
  const k = opts?.k;
  if (!Number.isInteger(k) || k < 1 || k > n - 1)
    fail(
      "invalid_option",
      ["opts", "k"],
      `k must be an integer from 1 to ${n - 1} (n - 1), got ${String(k)}`,
    );
  const style = checkStyle(opts.style);
  const diagnostics: Issue[] = [];
  const ties: string[] = [];
  const rows: { j: number; w: number }[][] = [];
  const d = new Float64Array(n);
  const order: number[] = [];
  for (let i = 0; i < n; i++) {
    order.length = 0;
    for (let j = 0; j < n; j++) {
      if (j === i) continue;
      d[j] = c.distance(i, j);
      order.push(j);
    }
    order.sort((a, b) => d[a]! - d[b]! || a - b);
    if (k < n - 1 && d[order[k - 1]!] === d[order[k]!]) ties.push(c.units[i]!);
    rows.push(order.slice(0, k).map((j) => ({ j, w: 1 })));
  }
  if (ties.length > 0)
    diagnostics.push(
      issue(
        "knn_tie",
        "warning",
        ["opts", "k"],
        `a tie at the ${k}-th nearest distance for ${ties.length} unit${ties.length === 1 ? "" : "s"} (${ties.slice(0, 5).join(", ")}${ties.length > 5 ? ", ..." : ""}): broken by the lowest unit index`,
        `weights knn:${k}`,
      ),
    );
  return finishWeights(c.units, rows, style, `knn:${k}`, diagnostics);
}
