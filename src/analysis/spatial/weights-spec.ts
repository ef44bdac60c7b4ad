import { fail } from "../../internal/errors.js";
import type { WeightsStyle } from "./types.js";

/** How {@link spatialWeights} builds the weights of a result's units. */
export type WeightsSpec = (
  | { type: "knn"; k: number }
  | { type: "band"; threshold: number }
  | { type: "inverse"; alpha?: number; threshold?: number }
  | { type: "contiguity"; adjacency: Readonly<Record<string, readonly string[]>>; symmetrize?: boolean }
  | { type: "parent" }
) & {
  /** `"r"` row-standardized (default) or `"b"` as built. */
  style?: WeightsStyle;
  /** Which kept columns hold the coordinates: `"lonlat"` (`lon`, `lat`: great-circle km) or `"xy"` (`x`, `y`: Euclidean); default: lon/lat when kept, else x/y. */
  coordinates?: "lonlat" | "xy";
};

/**
 * Reads a weights spec written as text, as the CLI takes it: `knn:6`, `band:2.5`, `inverse` (alpha 1,
 * all pairs), `inverse:2`, `inverse:2:5` (alpha 2 within 5), `parent`, `contiguity` (the adjacency list
 * is passed apart). A trailing `:b` keeps the weights unstandardized (`knn:6:b`).
 *
 * @param text the spec.
 * @throws IndicatrixError `invalid_option` naming what is wrong.
 * @example
 * ```ts
 * parseWeightsSpec("knn:6"); // => { type: "knn", k: 6 }
 * parseWeightsSpec("inverse:2:5"); // => { type: "inverse", alpha: 2, threshold: 5 }
 * ```
 */
export function parseWeightsSpec(text: string): WeightsSpec {
  const parts = String(text).trim().split(":");
  let style: WeightsStyle | undefined;
  if (parts.length > 1 && (parts[parts.length - 1] === "b" || parts[parts.length - 1] === "r"))
    style = parts.pop() as WeightsStyle;
  const [type, ...args] = parts;
  const num = (s: string | undefined, what: string): number => {
    const v = Number(s);
    if (s === undefined || s === "" || !Number.isFinite(v) || v <= 0)
      fail("invalid_option", ["weights"], `"${text}": ${what} must be a number > 0`);
    return v;
  };
  const withStyle = <T extends object>(spec: T): T & { style?: WeightsStyle } =>
    style ? { ...spec, style } : spec;
  const arity = (max: number) => {
    if (args.length > max) fail("invalid_option", ["weights"], `"${text}": too many parts`);
  };
  switch (type) {
    case "knn": {
      arity(1);
      const k = num(args[0], "k");
      if (!Number.isInteger(k)) fail("invalid_option", ["weights"], `"${text}": k must be an integer`);
      return withStyle({ type: "knn", k });
    }
    case "band":
      arity(1);
      return withStyle({ type: "band", threshold: num(args[0], "the distance band") });
    case "inverse":
      arity(2);
      return withStyle({
        type: "inverse",
        ...(args[0] !== undefined ? { alpha: num(args[0], "alpha") } : {}),
        ...(args[1] !== undefined ? { threshold: num(args[1], "the distance band") } : {}),
      });
    case "parent":
      arity(0);
      return withStyle({ type: "parent" });
    case "contiguity":
      arity(0);
      return withStyle({ type: "contiguity", adjacency: {} });
    default:
      return fail(
        "invalid_option",
        ["weights"],
        `"${text}" is not a weights spec: knn:K, band:D, inverse[:ALPHA[:D]], contiguity or parent`,
      );
  }
}
