import { fail, type Issue, issue } from "../../internal/errors.js";
import { checkStyle, finishWeights } from "./finish.js";
import type { SpatialWeights, WeightsStyle } from "./types.js";

/** Options of {@link contiguityWeights}. */
export interface ContiguityWeightsOptions {
  /** Add j -> i wherever i -> j is listed (default false: the list as given, with an `asymmetric_weights` warning when it is not symmetric). */
  symmetrize?: boolean;
  /** `"r"` row-standardized (default) or `"b"` binary. */
  style?: WeightsStyle;
}

/**
 * Contiguity spatial weights from a neighbour list: w_ij = 1 when j is listed as a neighbour of i (queen
 * or rook contiguity is decided when the list is made, e.g. from shared boundaries in a GIS), then
 * row-standardized by default. The list maps each unit id to its neighbours' ids, or gives 0-based
 * indices per unit. Units missing from a map have no neighbour (islands, with a warning). A
 * self-neighbour is an error; a list that is not symmetric gets an `asymmetric_weights` warning, or is
 * made symmetric with `symmetrize: true`.
 *
 * @param units unit ids, in order.
 * @param adjacency neighbours by unit id (`{ c1: ["c2", "c4"], ... }`) or by index (`[[1, 3], [0, 2, 4], ...]`).
 * @param opts symmetrize and the style.
 * @throws IndicatrixError `unknown_unit` (a neighbour or key that is not a unit), `invalid_option` (a unit
 *   listed as its own neighbour, an index out of range, a list that is not an array), `length_mismatch`
 *   (an index list of another length).
 * @example
 * ```ts
 * const w = contiguityWeights(["a", "b", "c"], { a: ["b"], b: ["a", "c"], c: ["b"] });
 * w.weights; // => [[1], [0.5, 0.5], [1]]
 * ```
 */
export function contiguityWeights(
  units: readonly string[],
  adjacency: Readonly<Record<string, readonly string[]>> | readonly (readonly number[])[],
  opts: ContiguityWeightsOptions = {},
): SpatialWeights {
  const style = checkStyle(opts.style);
  const n = units.length;
  const index = new Map(units.map((u, i) => [u, i]));
  const sets: Set<number>[] = Array.from({ length: n }, () => new Set());
  const add = (i: number, j: number, path: (string | number)[]) => {
    if (i === j) fail("invalid_option", path, `unit "${units[i]}" is listed as its own neighbour`);
    sets[i]!.add(j);
  };
  if (Array.isArray(adjacency)) {
    if (adjacency.length !== n)
      fail("length_mismatch", ["adjacency"], `there are ${n} units and ${adjacency.length} neighbour lists`);
    adjacency.forEach((row, i) => {
      if (!Array.isArray(row))
        fail("invalid_option", ["adjacency", i], "a neighbour list is an array of indices");
      row.forEach((j, r) => {
        if (!Number.isInteger(j) || j < 0 || j >= n)
          fail(
            "invalid_option",
            ["adjacency", i, r],
            `a neighbour index is an integer from 0 to ${n - 1}, got ${String(j)}`,
          );
        add(i, j, ["adjacency", i, r]);
      });
    });
  } else {
    if (adjacency === null || typeof adjacency !== "object")
      fail("invalid_option", ["adjacency"], "the neighbour list maps unit ids to arrays of unit ids");
    for (const [key, list] of Object.entries(adjacency)) {
      const i = index.get(key);
      if (i === undefined) fail("unknown_unit", ["adjacency", key], `"${key}" is not a unit`);
      if (!Array.isArray(list))
        fail("invalid_option", ["adjacency", key], "a neighbour list is an array of unit ids");
      list.forEach((id, r) => {
        const j = index.get(id);
        if (j === undefined)
          fail("unknown_unit", ["adjacency", key, r], `neighbour "${String(id)}" is not a unit`);
        add(i, j, ["adjacency", key, r]);
      });
    }
  }
  const diagnostics: Issue[] = [];
  const oneWay: string[] = [];
  for (let i = 0; i < n; i++)
    for (const j of sets[i]!)
      if (!sets[j]!.has(i)) {
        if (opts.symmetrize) sets[j]!.add(i);
        else oneWay.push(`${units[i]} -> ${units[j]}`);
      }
  if (oneWay.length > 0)
    diagnostics.push(
      issue(
        "asymmetric_weights",
        "warning",
        ["adjacency"],
        `${oneWay.length} neighbour relation${oneWay.length === 1 ? " is" : "s are"} one-way (${oneWay.slice(0, 3).join(", ")}${oneWay.length > 3 ? ", ..." : ""}); pass symmetrize: true to add the reverse`,
        "weights contiguity",
      ),
    );
  const rows = sets.map((s) => [...s].map((j) => ({ j, w: 1 })));
  return finishWeights([...units], rows, style, "contiguity", diagnostics);
}
