import { fail, type Issue, issue } from "../../internal/errors.js";
import type { Result } from "../../score/result.js";
import { contiguityWeights } from "./contiguity-weights.js";
import { distanceBandWeights } from "./distance-band-weights.js";
import { inverseDistanceWeights } from "./inverse-distance-weights.js";
import { knnWeights } from "./knn-weights.js";
import { sameParentWeights } from "./same-parent-weights.js";
import type { Coordinates, SpatialWeights } from "./types.js";
import type { WeightsSpec } from "./weights-spec.js";

/** Result of {@link spatialWeights}: the weights and the coordinates they used. */
export interface ResultWeights {
  /** The weights over `weights.units`. */
  weights: SpatialWeights;
  /** The coordinates of those units, when the spec used them. */
  coordinates?: Coordinates;
  /** Units of `units` that could not take part (no coordinates), with why. */
  leftOut: { unit: string; reason: string }[];
}

/**
 * Builds spatial weights for some scored units of a result from a {@link WeightsSpec}: k-nearest
 * neighbours, distance band or inverse distance on the kept coordinate columns (`lon`/`lat`:
 * great-circle distance in km; `x`/`y`: Euclidean, in their unit; keep them with `score(..., { keep:
 * ["lon", "lat"] })`), contiguity from an adjacency list, or "same parent" from the unit hierarchy.
 * Units without coordinates are left out; units of an adjacency list that are not among `units` drop out of it. x/y values that all look like degrees (|x| <= 180, |y| <= 90)
 * give a `degree_coordinates` warning unless `coordinates: "xy"` is said explicitly.
 *
 * @param result a scored result.
 * @param spec how to build the weights.
 * @param units the units to include (default: every scored unit).
 * @throws IndicatrixError `missing_column` (no coordinate columns for a distance spec), `invalid_option`,
 *   and the errors of the builders.
 * @example
 * ```ts
 * // the result of the example of moran()
 * const w = spatialWeights(result, { type: "knn", k: 2, coordinates: "xy" }).weights;
 * w.neighbours; // => [[1, 2], [0, 3], [0, 3], [1, 2], [1, 3]]
 * ```
 */
export function spatialWeights(
  result: Result,
  spec: WeightsSpec,
  units: readonly string[] = result.units,
): ResultWeights {
  if (spec === null || typeof spec !== "object" || typeof spec.type !== "string")
    fail(
      "invalid_option",
      ["weights"],
      'weights are a SpatialWeights object or a spec such as { type: "knn", k: 6 }',
    );
  const h = result.hierarchy;
  const style = spec.style;
  if (spec.type === "contiguity")
    return {
      weights: contiguityWeights(units, restrict(spec.adjacency, new Set(units), new Set(h.units)), {
        symmetrize: spec.symmetrize ?? false,
        ...(style ? { style } : {}),
      }),
      leftOut: [],
    };
  if (spec.type === "parent") {
    const index = new Map(h.units.map((u, i) => [u, i]));
    return {
      weights: sameParentWeights(
        units,
        units.map((u) => h.parents[index.get(u) ?? -1]),
        style ? { style } : {},
      ),
      leftOut: [],
    };
  }
  const has = (c: string) => Object.hasOwn(h.columns, c);
  const kind = spec.coordinates ?? (has("lon") && has("lat") ? "lonlat" : "xy");
  if (kind !== "lonlat" && kind !== "xy")
    fail(
      "invalid_option",
      ["weights", "coordinates"],
      `coordinates are "lonlat" or "xy", got ${JSON.stringify(kind)}`,
    );
  const [cx, cy] = kind === "lonlat" ? ["lon", "lat"] : ["x", "y"];
  if (!has(cx) || !has(cy))
    fail(
      "missing_column",
      ["weights"],
      `weights "${spec.type}" need coordinate columns (lon and lat, or x and y); keep them with score(model, data, { keep: ["${cx}", "${cy}"] })`,
    );
  const X = h.columns[cx] as Float64Array;
  const Y = h.columns[cy] as Float64Array;
  const index = new Map(h.units.map((u, i) => [u, i]));
  const kept: string[] = [];
  const x: number[] = [];
  const y: number[] = [];
  const leftOut: { unit: string; reason: string }[] = [];
  for (const u of units) {
    const i = index.get(u) ?? -1;
    if (i < 0 || Number.isNaN(X[i]!) || Number.isNaN(Y[i]!))
      leftOut.push({ unit: u, reason: `no ${cx}/${cy} coordinates` });
    else {
      kept.push(u);
      x.push(X[i]!);
      y.push(Y[i]!);
    }
  }
  const coordinates: Coordinates = {
    units: kept,
    x,
    y,
    metric: kind === "lonlat" ? "haversine" : "euclidean",
  };
  const extra: Issue[] = [];
  if (
    kind === "xy" &&
    spec.coordinates === undefined &&
    x.every((v) => Math.abs(v) <= 180) &&
    y.every((v) => Math.abs(v) <= 90)
  )
    extra.push(
      issue(
        "degree_coordinates",
        "warning",
        ["weights"],
        'the x/y coordinates all lie within +-180 and +-90: if they are longitude and latitude, name the columns lon and lat (great-circle distance); say coordinates: "xy" to silence this',
        "weights",
      ),
    );
  const opts = style ? { style } : {};
  const weights =
    spec.type === "knn"
      ? knnWeights(coordinates, { k: spec.k, ...opts })
      : spec.type === "band"
        ? distanceBandWeights(coordinates, { threshold: spec.threshold, ...opts })
        : spec.type === "inverse"
          ? inverseDistanceWeights(coordinates, {
              ...(spec.alpha !== undefined ? { alpha: spec.alpha } : {}),
              ...(spec.threshold !== undefined ? { threshold: spec.threshold } : {}),
              ...opts,
            })
          : fail(
              "invalid_option",
              ["weights", "type"],
              `unknown weights type ${JSON.stringify((spec as { type: string }).type)}`,
            );
  weights.diagnostics.unshift(...extra);
  return { weights, coordinates, leftOut };
}

/** The adjacency list restricted to the given units (neighbours outside are dropped). */
function restrict(
  adjacency: Readonly<Record<string, readonly string[]>>,
  units: Set<string>,
  all: Set<string>,
): Record<string, string[]> {
  if (adjacency === null || typeof adjacency !== "object" || Array.isArray(adjacency))
    fail(
      "invalid_option",
      ["weights", "adjacency"],
      "the adjacency list maps unit ids to arrays of unit ids",
    );
  const out: Record<string, string[]> = {};
  for (const [u, list] of Object.entries(adjacency)) {
    if (!all.has(u)) fail("unknown_unit", ["weights", "adjacency", u], `"${u}" is not a unit of the data`);
    if (!Array.isArray(list))
      fail("invalid_option", ["weights", "adjacency", u], "a neighbour list is an array of unit ids");
    list.forEach((v, r) => {
      if (!all.has(v))
        fail(
          "unknown_unit",
          ["weights", "adjacency", u, r],
          `neighbour "${String(v)}" is not a unit of the data`,
        );
    });
    // Units left out of the analysis (no score) drop out of the list, as neighbours too.
    if (units.has(u)) out[u] = list.filter((v) => units.has(v));
  }
  return out;
}
