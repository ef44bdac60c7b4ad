import { fail, type Issue, issue } from "../../internal/errors.js";
import type { Result } from "../../score/result.js";
import { nodeScores } from "../disparity/groups-of.js";
import { finishWeights } from "./finish.js";
import { type LocalMoranResult, localMoran } from "./local-moran.js";
import { type MoranIResult, moranI } from "./moran-i.js";
import { spatialWeights } from "./spatial-weights.js";
import type { Coordinates, SpatialWeights } from "./types.js";
import type { WeightsSpec } from "./weights-spec.js";

/** Options of {@link moran}. */
export interface MoranOptions {
  /** Node whose scores are tested (default: the root). */
  node?: string;
  /** Built weights (over unit ids of the result) or a spec for {@link spatialWeights}; default `{ type: "knn", k: 6 }` (k at most n - 1) when coordinates are kept, else `{ type: "parent" }`. */
  weights?: SpatialWeights | WeightsSpec;
  /** Permutations of the global and local tests (default 999; 0: none). */
  permutations?: number;
  /** Seed of the permutations (default 1). */
  seed?: number;
  /** Analytical inference of the global z and p: `"randomization"` (default) or `"normality"`. */
  inference?: "randomization" | "normality";
  /** Local I scale: `"anselin"` (default) or `"esda"`. */
  scale?: "anselin" | "esda";
  /** Significance level of the LISA clusters (default 0.05). */
  alpha?: number;
}

/** Result of {@link moran}. */
export interface MoranResult {
  /** The node tested. */
  node: string;
  /** Units tested, in order (those with a score at the node and, for distance weights, coordinates). */
  units: string[];
  /** Their scores. */
  values: Float64Array;
  /** The weights that ran. */
  weights: SpatialWeights;
  /** Their coordinates, when the weights used them (for a map). */
  coordinates?: Coordinates;
  /** Global Moran's I. */
  global: MoranIResult;
  /** Local Moran's I per unit. */
  local: LocalMoranResult;
  /** Units left out, with why. */
  leftOut: { unit: string; reason: string }[];
  /** Warnings: the weights' (islands, ties...) and units left out. */
  diagnostics: Issue[];
}

/**
 * Spatial autocorrelation of a node's scores: global Moran's I ({@link moranI}: moments under
 * normality and randomization, a seeded permutation test) and local Moran's I ({@link localMoran}: each
 * unit's HH / LL / HL / LH quadrant with conditional permutation p-values), under spatial weights built
 * from the result's kept coordinates, an adjacency list or the unit hierarchy ({@link spatialWeights}),
 * or given. Do weak communities cluster? A positive, significant I says yes; the LISA cluster map says
 * where. Units without a score at the node are left out (and dropped from given weights, whose
 * row-standardized rows are standardized again).
 *
 * @param result a scored result (keep coordinate columns with `score(..., { keep: ["lon", "lat"] })`).
 * @param opts node, weights, permutations, seed, inference, scale, alpha.
 * @throws IndicatrixError `unknown_node`, `unknown_unit` (given weights name a unit that is not scored),
 *   `too_few_units` (fewer than 4 units left), `no_spread`, and the errors of the weight builders.
 * @example
 * ```ts
 * // model and rows as in the example of disparity(), with coordinates x, y on each community:
 * // c1 (0, 0), c2 (1, 0), c3 (0, 1), c4 (1, 1), c5 (2, 1)
 * const result = score(model, rows, { keep: ["x", "y"] });
 * const m = moran(result, { weights: { type: "knn", k: 2, coordinates: "xy" }, permutations: 99 });
 * m.global.I; // => -0.06311548791405566
 * m.local.quadrant; // => ["HH", "HH", "LH", "LH", "LH"]
 * ```
 */
export function moran(result: Result, opts: MoranOptions = {}): MoranResult {
  const [node, col] = nodeScores(result, opts.node, ["opts", "node"]);
  const leftOut: { unit: string; reason: string }[] = [];
  const scored: string[] = [];
  const scoreOf = new Map<string, number>();
  result.units.forEach((u, i) => {
    if (Number.isNaN(col[i]!)) leftOut.push({ unit: u, reason: `no score at "${node}"` });
    else {
      scored.push(u);
      scoreOf.set(u, col[i]!);
    }
  });
  let weights: SpatialWeights;
  let coordinates: Coordinates | undefined;
  const given = opts.weights;
  if (given !== undefined && "neighbours" in given) weights = subset(given, scoreOf, leftOut);
  else {
    const has = (c: string) => Object.hasOwn(result.hierarchy.columns, c);
    const spec: WeightsSpec =
      given ??
      ((has("lon") && has("lat")) || (has("x") && has("y"))
        ? { type: "knn", k: Math.max(1, Math.min(6, scored.length - 1)) }
        : { type: "parent" });
    const built = spatialWeights(result, spec, scored);
    weights = built.weights;
    coordinates = built.coordinates;
    leftOut.push(...built.leftOut);
  }
  const values = Float64Array.from(weights.units, (u) => scoreOf.get(u)!);
  const diagnostics: Issue[] = [...weights.diagnostics];
  if (leftOut.length > 0)
    diagnostics.push(
      issue(
        "units_left_out",
        "warning",
        ["opts", "node"],
        `${leftOut.length} unit${leftOut.length === 1 ? "" : "s"} left out (${leftOut
          .slice(0, 3)
          .map((l) => `${l.unit}: ${l.reason}`)
          .join("; ")}${leftOut.length > 3 ? "; ..." : ""})`,
        `node "${node}"`,
      ),
    );
  const perm = {
    ...(opts.permutations !== undefined ? { permutations: opts.permutations } : {}),
    ...(opts.seed !== undefined ? { seed: opts.seed } : {}),
  };
  const global = moranI(values, weights, {
    ...perm,
    ...(opts.inference ? { inference: opts.inference } : {}),
  });
  const local = localMoran(values, weights, {
    ...perm,
    ...(opts.scale ? { scale: opts.scale } : {}),
    ...(opts.alpha !== undefined ? { alpha: opts.alpha } : {}),
  });
  return {
    node,
    units: weights.units,
    values,
    weights,
    ...(coordinates ? { coordinates } : {}),
    global,
    local,
    leftOut,
    diagnostics,
  };
}

/** Given weights restricted to the units with a score; row-standardized rows are standardized again. */
function subset(
  w: SpatialWeights,
  scoreOf: Map<string, number>,
  leftOut: { unit: string; reason: string }[],
): SpatialWeights {
  if (!Array.isArray(w.units))
    fail("invalid_option", ["opts", "weights"], "weights need their unit ids (units)");
  const known = new Set(leftOut.map((l) => l.unit));
  const keep: number[] = [];
  w.units.forEach((u, i) => {
    if (scoreOf.has(u)) keep.push(i);
    else if (!known.has(u))
      fail("unknown_unit", ["opts", "weights", "units", i], `"${u}" is not a scored unit of the result`);
  });
  if (keep.length === w.units.length) return w;
  const slot = new Map(keep.map((i, s) => [i, s]));
  const rows = keep.map((i) =>
    w.neighbours[i]!.flatMap((j, r) => (slot.has(j) ? [{ j: slot.get(j)!, w: w.weights[i]![r]! }] : [])),
  );
  return finishWeights(
    keep.map((i) => w.units[i]!),
    rows,
    w.style,
    w.kind,
    w.diagnostics.filter((d) => d.code !== "island"),
  );
}
