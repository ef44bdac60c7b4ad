import type { Model } from "../indicators/schema.js";
import { fail } from "../internal/errors.js";
import { rankDescendingUint32 } from "../internal/rank.js";
import type { DatasetInput } from "../score/dataset.js";
import { score } from "../score/score.js";
import { createEngine } from "./engine.js";

/** Options of {@link removeElements}. */
export interface RemoveElementsOptions {
  /** Profile to analyse (default: the model's first). */
  profile?: string;
  /** Ids of the nodes to leave out one at a time (indicators or groups); default every active indicator. */
  elements?: readonly string[];
}

/** What leaving one node out does to the ranking. */
export interface RemovedElement {
  /** The node left out. */
  element: string;
  /** Mean absolute rank change over the units ranked in both runs. */
  meanAbsShift: number;
  /** Largest absolute rank change. */
  maxAbsShift: number;
  /** Root ranks without the node (aligned with `units`; 0 = no score). */
  ranks: Uint32Array;
}

/** Result of {@link removeElements}. */
export interface RemoveElementsResult {
  /** The profile analysed. */
  profile: string;
  /** Scored unit ids. */
  units: string[];
  /** Nominal root ranks (0 = no score). */
  nominal: Uint32Array;
  /** One entry per element, in the order given (default: tree order of the indicators). */
  elements: RemovedElement[];
}

/**
 * Leave-one-out analysis (COINr's `remove_elements`): scores the units once without each node in
 * turn and reports how far the root ranks move. The node is dropped from its parent (a group left
 * with no child is dropped too) and the parent's weight spec is applied to the remaining children,
 * as `score()` does for an indicator a profile excludes (fixed weights re-normalized, AHP judgments
 * among the remaining children, data-driven weights re-estimated). Use it to find indicators that
 * change the ranking much (influential) or not at all (redundant); use {@link uncertaintyAnalysis}
 * with `leaveOneOut` to mix removals with other uncertainties.
 *
 * @throws IndicatrixError `unknown_node` (an element that is not an active node of the profile, or
 *   the root), and the errors of `score()`.
 * @example
 * ```ts
 * const loo = removeElements(model, rows, { profile: "normal" });
 * loo.elements[0]; // => { element: "party_org_coverage", meanAbsShift: 1.9, maxAbsShift: 11, ranks: Uint32Array [...] }
 * ```
 */
export function removeElements(
  model: Model,
  data: DatasetInput,
  opts: RemoveElementsOptions = {},
): RemoveElementsResult {
  const result = score(model, data, opts.profile !== undefined ? { profile: opts.profile } : {});
  const engine = createEngine(result);
  const profile = engine.profile;
  const elements = opts.elements ?? profile.indicators;
  if (!Array.isArray(elements)) fail("invalid_option", "opts.elements", "expected an array of node ids");
  elements.forEach((id, k) => {
    if (!profile.nodes.has(id) || id === profile.root)
      fail(
        "unknown_node",
        `opts.elements[${k}]`,
        `"${id}" is not an active node of profile "${profile.name}" other than the root`,
      );
  });
  const nominal = result.ranks[profile.root] as Uint32Array;
  const m = engine.m;
  return {
    profile: result.profile,
    units: result.units,
    nominal,
    elements: elements.map((element) => {
      const values = engine.run({ columns: engine.nominalColumns, structure: engine.without(element) });
      const ranks = rankDescendingUint32(values.get(profile.root) as Float64Array);
      let sum = 0;
      let count = 0;
      let max = 0;
      for (let i = 0; i < m; i++) {
        const a = ranks[i]!;
        const b = nominal[i]!;
        if (a === 0 || b === 0) continue;
        const d = Math.abs(a - b);
        sum += d;
        count++;
        if (d > max) max = d;
      }
      return { element, meanAbsShift: count > 0 ? sum / count : 0, maxAbsShift: max, ranks };
    }),
  };
}
