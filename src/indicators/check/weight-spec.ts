import type { JudgmentValue } from "../model-types.js";
import type { AhpWeightSpec, BaseWeightSpec, ModelNode, WeightSpec } from "../schema.js";
import { type Diagnostic, error } from "./diagnostic.js";
import { checkFixedWeights } from "./fixed-weights.js";
import { checkBwmSpec, checkDematelSpec, checkG1Spec } from "./judged-weights.js";

/** Where a weight spec applies: the spec, the group it weights and the profile that gives it. */
export interface WeightSite<S> {
  /** The spec, as written in the profile. */
  spec: S;
  /** Id of the group whose children are weighted. */
  nodeId: string;
  /** Every child id of the group, in tree order. */
  children: string[];
  /** The children active in `profile`, in tree order. */
  activeChildren: string[];
  /** JSON path of the spec, e.g. `profiles.normal.weights.access`. */
  path: string;
  /** The profile that gives the spec. */
  profile: string;
}

/**
 * Checks the judgments of an AHP spec. The rules of AHP judgments (Saaty's scale, reciprocity, consistency)
 * belong to the weighting layer, which passes its checker in; without one, AHP specs are not checked.
 */
export type AhpSpecCheck = (site: WeightSite<AhpWeightSpec>) => Diagnostic[];

/**
 * The rules of one profile's weight spec for a group: `"equal"` always passes, fixed weights follow
 * `checkFixedWeights`, AHP specs the `ahp` checker given (fuzzy AHP too, on its crisp modal judgments), G1,
 * best-worst and DEMATEL specs `checkG1Spec`, `checkBwmSpec` and `checkDematelSpec`, and a combination each of its parts
 * (paths `....of[i]`).
 * @internal
 */
export function checkWeightSpec(
  spec: WeightSpec,
  node: ModelNode,
  active: ReadonlySet<string>,
  path: string,
  profile: string,
  ahp: AhpSpecCheck | undefined,
): Diagnostic[] {
  if (spec === "equal") return [];
  const children = (node.children ?? []).map((c) => c.id);
  const activeChildren = children.filter((c) => active.has(c));
  const site = <S>(s: S, at: string): WeightSite<S> => ({
    spec: s,
    nodeId: node.id,
    children,
    activeChildren,
    path: at,
    profile,
  });
  const base = (s: BaseWeightSpec, at: string): Diagnostic[] => {
    if (s.method === "fixed") return checkFixedWeights(site(s, at));
    if (s.method === "ahp") return ahp?.(site(s, at)) ?? [];
    if (s.method === "g1") return checkG1Spec(site(s, at));
    if (s.method === "bwm") return checkBwmSpec(site(s, at));
    if (s.method === "dematel") return checkDematelSpec(site(s, at));
    if (s.method === "fuzzy-ahp") {
      // The modal values of the fuzzy judgments are crisp AHP judgments: the AHP rules apply to them as written
      // (a triangular judgment [l, m, u] by its modal value m).
      const crisp: AhpWeightSpec = {
        method: "ahp",
        judgments: s.judgments.map(([a, b, v]): [string, string, JudgmentValue] => [
          a,
          b,
          Array.isArray(v) ? v[1] : (v as JudgmentValue),
        ]),
      };
      if (s.ri !== undefined) crisp.ri = s.ri;
      if (s.threshold !== undefined) crisp.threshold = s.threshold;
      const unordered = s.judgments.flatMap(([a, b, v], k) =>
        Array.isArray(v) && !(v[0] <= v[1] && v[1] <= v[2])
          ? [
              error(
                "invalid_judgment",
                `${at}.judgments[${k}]`,
                `the triangular judgment of "${a}" over "${b}" must have l <= m <= u, got [${v.join(", ")}]`,
              ),
            ]
          : [],
      );
      return [...unordered, ...(ahp?.(site(crisp, at)) ?? [])];
    }
    return [];
  };
  if (spec.method === "combine") {
    const parts = spec.of.flatMap((s, i) => base(s, `${path}.of[${i}]`));
    if (parts.length > 0 || spec.rule !== "multiplicative") return parts;
    return degenerateProduct(spec.of, activeChildren, node.id, path);
  }
  return base(spec, path);
}

/**
 * A multiplicative combination of fixed (or equal) weights whose product is 0 for every active child: the
 * `degenerate_combination` that `combineWeights` throws when scoring, found without data. Parts that need
 * data are not known here and pass.
 */
function degenerateProduct(
  of: readonly BaseWeightSpec[],
  activeChildren: readonly string[],
  nodeId: string,
  path: string,
): Diagnostic[] {
  if (activeChildren.length === 0) return [];
  const fixed = of.map((s) => (s.method === "equal" ? {} : s.method === "fixed" ? s.weights : undefined));
  if (fixed.some((w) => w === undefined)) return [];
  const positive = activeChildren.some((id) =>
    fixed.every((w) => w === undefined || !Object.hasOwn(w, id) || (w[id] ?? 0) > 0),
  );
  if (positive) return [];
  return [
    error(
      "degenerate_combination",
      path,
      `the product of the weights of "${nodeId}" is 0 for every child (${activeChildren.join(", ")}): each child has weight 0 in some part; a multiplicative combination needs a child weighted in every part`,
    ),
  ];
}
