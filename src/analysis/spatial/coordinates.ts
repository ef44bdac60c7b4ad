import { fail } from "../../internal/errors.js";
import type { Coordinates } from "./types.js";

/** Mean Earth radius (IUGG), km. @internal */
export const EARTH_RADIUS_KM = 6371.0088;

/** Checked coordinates with their distance function. @internal */
export interface CheckedCoordinates {
  units: string[];
  x: Float64Array;
  y: Float64Array;
  metric: "euclidean" | "haversine";
  distance(i: number, j: number): number;
}

/** Checks coordinates (finite, aligned, lat in [-90, 90] for haversine) and returns their distance. @internal */
export function checkCoordinates(coords: Coordinates): CheckedCoordinates {
  if (coords === null || typeof coords !== "object" || !Array.isArray(coords.units))
    fail("invalid_option", ["coordinates"], "coordinates are { units, x, y, metric? }");
  const n = coords.units.length;
  const metric = coords.metric ?? "euclidean";
  if (metric !== "euclidean" && metric !== "haversine")
    fail(
      "invalid_option",
      ["coordinates", "metric"],
      `metric is "euclidean" or "haversine", got ${JSON.stringify(metric)}`,
    );
  const x = new Float64Array(n);
  const y = new Float64Array(n);
  for (const [name, src, out] of [
    ["x", coords.x, x],
    ["y", coords.y, y],
  ] as const) {
    if (src === null || typeof src !== "object" || src.length !== n)
      fail(
        "length_mismatch",
        ["coordinates", name],
        `there are ${n} units and ${src?.length} ${name} coordinates`,
      );
    for (let i = 0; i < n; i++) {
      const v = src[i];
      if (typeof v !== "number" || !Number.isFinite(v))
        fail(
          "non_finite_value",
          ["coordinates", name, i],
          `unit "${coords.units[i]}" has no finite ${name} coordinate`,
        );
      out[i] = v;
    }
  }
  if (metric === "haversine")
    for (let i = 0; i < n; i++)
      if (Math.abs(y[i]!) > 90 || Math.abs(x[i]!) > 360)
        fail(
          "value_out_of_range",
          ["coordinates", "y", i],
          `unit "${coords.units[i]}": longitude/latitude (${x[i]}, ${y[i]}) is not in degrees`,
        );
  const rad = Math.PI / 180;
  const distance =
    metric === "euclidean"
      ? (i: number, j: number) => Math.hypot(x[i]! - x[j]!, y[i]! - y[j]!)
      : (i: number, j: number) => {
          const dLat = (y[j]! - y[i]!) * rad;
          const dLon = (x[j]! - x[i]!) * rad;
          const a =
            Math.sin(dLat / 2) ** 2 + Math.cos(y[i]! * rad) * Math.cos(y[j]! * rad) * Math.sin(dLon / 2) ** 2;
          return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(a)));
        };
  return { units: [...coords.units], x, y, metric, distance };
}
