import { fail } from "../internal/errors.js";
import {
  compose,
  type FuzzyInput,
  type FuzzyOptions,
  type FuzzyResult,
  fuzzySettings,
  fuzzyTolerance,
  membershipRows,
  summarize,
} from "./fuzzy.js";
import { normalizedWeights } from "./shared.js";

/**
 * One node of the weight tree of {@link fuzzyEvaluationMultiLevel}: a group of indicators (`indices`
 * with their `weights`) or a group of groups (`groups`, each with its own `weight`).
 */
export interface FuzzyGroup {
  /** Weight of this group among its siblings (siblings' weights are scaled to sum 1). */
  weight: number;
  /** Name used in the result (default: its path, such as `groups[1].groups[0]`). */
  label?: string;
  /** Leaf group: the indicator columns (0-based) it combines. */
  indices?: readonly number[];
  /** Leaf group: the weights of those indicators, in the same order (scaled to sum 1). */
  weights?: readonly number[];
  /** Inner group: its sub-groups. */
  groups?: readonly FuzzyGroup[];
}

/** Options of {@link fuzzyEvaluationMultiLevel}. */
export interface FuzzyMultiLevelOptions extends FuzzyOptions {
  /** The weight tree: top-level groups; every indicator must belong to exactly one leaf group. */
  groups: readonly FuzzyGroup[];
}

/** Result of {@link fuzzyEvaluationMultiLevel}: the top-level result plus every group's vectors. */
export interface FuzzyMultiLevelResult extends FuzzyResult {
  /** Each group, depth first, with the normalized membership vector B̂ of every unit. */
  groups: {
    /** Where the group sits in the tree, e.g. `groups[1].groups[0]`. */
    path: string;
    /** The group's label (its path if none was given). */
    label: string;
    /** B̂ of the group for each unit (rows = units, best grade first). */
    memberships: number[][];
  }[];
}

/**
 * Multi-level fuzzy comprehensive evaluation: evaluates each group of indicators first, then uses the
 * groups' membership vectors (normalized to sum 1) as the rows of R one level up, up to the goal. This
 * is the usual way to run FCE over an indicator tree (criteria -> sub-criteria -> indicators); use
 * {@link fuzzyEvaluation} for a flat list of indicators. With the default weighted-average operator the
 * result equals a one-level evaluation with the global weights (products of the weights along each
 * path); the other operators differ.
 *
 * Reference: the standard textbook procedure of multi-level fuzzy comprehensive evaluation (多级模糊综合评价;
 * docs/methods.md source [S23]).
 *
 * @param input indicator values with grade breakpoints, or membership rows (survey shares).
 * @param opts the weight tree (`groups`) and the options of {@link fuzzyEvaluation}; the operator
 *   is used at every level.
 * @throws IndicatrixError `invalid_option` (a group with neither or both of `indices` and `groups`, an
 *   index out of range, an indicator in two groups or in none), `invalid_weights`, and the errors of
 *   {@link fuzzyEvaluation}.
 * @example
 * ```ts
 * const r = fuzzyEvaluationMultiLevel(
 *   { memberships: [[[1, 0], [0, 1], [0.4, 0.6]]] },   // one unit, three indicators, two grades
 *   { groups: [
 *     { weight: 0.7, label: "G1", indices: [0, 1], weights: [0.75, 0.25] },
 *     { weight: 0.3, label: "G2", indices: [2], weights: [1] },
 *   ] },
 * );
 * r.groups.map((g) => g.memberships[0]); // => [[0.75, 0.25], [0.4, 0.6]]
 * r.memberships[0];                      // => [0.645, 0.355]   (0.7 * G1 + 0.3 * G2, approximately)
 * r.scores[0];                           // => 82.25   (grade scores 100 and 50)
 * ```
 */
export function fuzzyEvaluationMultiLevel(
  input: FuzzyInput,
  opts: FuzzyMultiLevelOptions,
): FuzzyMultiLevelResult {
  const { m, n, p, rows } = membershipRows(input, fuzzyTolerance(opts));
  const settings = fuzzySettings(opts, p);
  if (!opts || !Array.isArray(opts.groups) || opts.groups.length === 0)
    fail("invalid_option", "opts.groups", "expected a non-empty array of groups");
  const owner: (string | undefined)[] = Array.from({ length: n }, () => undefined);
  const groupsOut: FuzzyMultiLevelResult["groups"] = [];

  // Returns B̂ (normalized composite vectors) of the node for every unit.
  const evaluate = (group: FuzzyGroup, path: string): Float64Array[] => {
    const hasIndices = group.indices !== undefined;
    const hasGroups = group.groups !== undefined;
    if (hasIndices === hasGroups)
      fail(
        "invalid_option",
        path,
        "a group needs either `indices` (with `weights`) or `groups`, not both or neither",
      );
    let bs: Float64Array[];
    if (hasIndices) {
      const idx = group.indices as readonly number[];
      if (!Array.isArray(idx) || idx.length === 0)
        fail("invalid_option", `${path}.indices`, "expected a non-empty array");
      idx.forEach((j, k) => {
        if (!Number.isInteger(j) || j < 0 || j >= n)
          fail("invalid_option", `${path}.indices[${k}]`, `indicator index ${j} is outside 0..${n - 1}`);
        if (owner[j] !== undefined)
          fail("invalid_option", `${path}.indices[${k}]`, `indicator ${j} is already in ${owner[j]}`);
        owner[j] = path;
      });
      const a = normalizedWeights(group.weights, idx.length, `${path}.weights`);
      bs = rows.map((unit) =>
        compose(
          idx.map((j) => unit[j]!),
          a,
          p,
          settings.operator,
        ),
      );
    } else {
      const children = group.groups as readonly FuzzyGroup[];
      if (!Array.isArray(children) || children.length === 0)
        fail("invalid_option", `${path}.groups`, "expected a non-empty array");
      bs = combine(children, `${path}.groups`);
    }
    const normalized = bs.map((b, i) => normalize(b, `unit ${i}, ${path}`));
    groupsOut.push({ path, label: group.label ?? path, memberships: normalized.map((b) => Array.from(b)) });
    return normalized;
  };
  const combine = (children: readonly FuzzyGroup[], path: string): Float64Array[] => {
    const a = normalizedWeights(
      children.map((c) => c?.weight),
      children.length,
      `${path}[*].weight`,
    );
    const childVectors = children.map((c, k) => evaluate(c, `${path}[${k}]`));
    return Array.from({ length: m }, (_, i) =>
      compose(
        childVectors.map((v) => v[i]!),
        a,
        p,
        settings.operator,
      ),
    );
  };

  const top = combine(opts.groups, "groups");
  const missing = owner.indexOf(undefined);
  if (missing >= 0) fail("invalid_option", "opts.groups", `indicator ${missing} is in no group`);
  const result = summarize(
    top,
    settings,
    normalizedWeights(
      opts.groups.map((g) => g.weight),
      opts.groups.length,
      "groups[*].weight",
    ),
  );
  return { ...result, groups: groupsOut };
}

function normalize(b: Float64Array, where: string): Float64Array {
  let sum = 0;
  for (let k = 0; k < b.length; k++) sum += b[k]!;
  if (!(sum > 0)) fail("invalid_membership", where, "composite membership is zero in every grade");
  return b.map((v) => v / sum);
}
