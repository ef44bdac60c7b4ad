import { fail } from "../../internal/errors.js";
import { checkStyle, finishWeights } from "./finish.js";
import type { SpatialWeights, WeightsStyle } from "./types.js";

/**
 * "Same parent" spatial weights for units without geometry: w_ij = 1 when i and j share a parent unit
 * (two communities of one street), then row-standardized by default. A crude stand-in for contiguity:
 * it says units of one street are alike, not which are adjacent. Units without a parent, or alone under
 * theirs, are islands (with a warning).
 *
 * @param units unit ids, in order.
 * @param parents the parent id of each unit (undefined or null: none).
 * @param opts the style.
 * @throws IndicatrixError `length_mismatch` (parents not aligned), `invalid_option` (a bad style).
 * @example
 * ```ts
 * const w = sameParentWeights(["c1", "c2", "c3"], ["s1", "s1", "s2"]);
 * w.neighbours; // => [[1], [0], []]
 * ```
 */
export function sameParentWeights(
  units: readonly string[],
  parents: readonly (string | null | undefined)[],
  opts: { style?: WeightsStyle } = {},
): SpatialWeights {
  const style = checkStyle(opts.style);
  if (!Array.isArray(parents) || parents.length !== units.length)
    fail("length_mismatch", ["parents"], `there are ${units.length} units and ${parents?.length} parents`);
  const members = new Map<string, number[]>();
  parents.forEach((p, i) => {
    if (p === undefined || p === null || p === "") return;
    const m = members.get(p);
    if (m) m.push(i);
    else members.set(p, [i]);
  });
  const rows = parents.map((p, i) =>
    p === undefined || p === null || p === ""
      ? []
      : members
          .get(p)!
          .filter((j) => j !== i)
          .map((j) => ({ j, w: 1 })),
  );
  return finishWeights([...units], rows, style, "parent", []);
}
