import { fail } from "../internal/errors.js";
import { AHP_THRESHOLD } from "./ahp-defaults.js";

/** One comparison set in {@link hierarchyConsistency}: its parent's global weight and its own CI and RI. */
export interface HierarchyConsistencyNode {
  /** Global weight a_j of the parent element whose children this matrix compares. */
  parentWeight: number;
  /** Consistency index CI_j of the matrix (`ahp(...).ci`). */
  ci: number;
  /** Random index RI_j of the matrix (`ahp(...).ri`; 0 for order <= 2). */
  ri: number;
}

/** Result of {@link hierarchyConsistency}. */
export interface HierarchyConsistencyResult {
  /** Total consistency ratio CR = Σ a_j CI_j / Σ a_j RI_j (0 when every RI is 0). */
  cr: number;
  /** Σ a_j CI_j. */
  ci: number;
  /** Σ a_j RI_j. */
  ri: number;
  /** True iff CR < threshold. */
  consistent: boolean;
}

/**
 * The total-hierarchy consistency ratio of an AHP hierarchy level (层次总排序一致性): CR = Σ a_j CI_j / Σ a_j RI_j,
 * where a_j is the weight of the parent of comparison set j. Chinese AHP texts require CR < 0.10 for the level, in
 * addition to each matrix's own CR (per-matrix checks come from {@link ahp}).
 *
 * @throws {IndicatrixError} `invalid_option` for an empty list or a weight, CI or RI that is not a finite number
 *   (weights and RI must be >= 0).
 * @example
 * ```ts
 * hierarchyConsistency([{ parentWeight: 0.6, ci: 0.02, ri: 0.58 }, { parentWeight: 0.4, ci: 0.05, ri: 0.9 }]);
 * // => { cr: 0.0452 (0.032 / 0.708), ci: 0.032, ri: 0.708, consistent: true }
 * ```
 */
export function hierarchyConsistency(
  nodes: readonly HierarchyConsistencyNode[],
  opts: {
    /** Consistent iff CR < threshold. Default 0.10. */
    threshold?: number;
  } = {},
): HierarchyConsistencyResult {
  const threshold = opts.threshold ?? AHP_THRESHOLD;
  if (typeof threshold !== "number" || !Number.isFinite(threshold) || threshold <= 0)
    fail("invalid_option", "opts.threshold", `expected a positive number, got ${String(threshold)}`);
  if (!Array.isArray(nodes) || nodes.length === 0)
    fail("invalid_option", "nodes", "expected a non-empty array of { parentWeight, ci, ri }");
  let ci = 0;
  let ri = 0;
  nodes.forEach((node, k) => {
    const { parentWeight: a, ci: c, ri: r } = node ?? ({} as HierarchyConsistencyNode);
    if (typeof a !== "number" || !Number.isFinite(a) || a < 0)
      fail(
        "invalid_option",
        `nodes[${k}].parentWeight`,
        `expected a finite non-negative number, got ${String(a)}`,
      );
    if (typeof c !== "number" || !Number.isFinite(c))
      fail("invalid_option", `nodes[${k}].ci`, `expected a finite number, got ${String(c)}`);
    if (typeof r !== "number" || !Number.isFinite(r) || r < 0)
      fail("invalid_option", `nodes[${k}].ri`, `expected a finite non-negative number, got ${String(r)}`);
    ci += a * c;
    ri += a * r;
  });
  const cr = ri > 0 ? ci / ri : 0;
  return { cr, ci, ri, consistent: cr < threshold };
}
