/**
 * What `indicatrix weights` adds for blended profiles and level rules (DOMAIN C7): each component's
 * global weights beside the blend's, and the own / children / roll-up rule of every level. @internal
 */
import { blendComponents } from "../indicators/profiles.js";
import type { Model } from "../indicators/schema.js";
import { resolveWeights } from "../score/resolve-weights.js";

/** A blended profile's components and what they give (global weights per node). @internal */
export interface BlendWeights {
  /** Profile name -> coefficient (a per-unit blend: the nominal 0.5 / 0.5 at which `global` is shown). */
  coefficients: Record<string, number>;
  /** A per-unit blend: the column of each unit's factor λ, and the profiles at λ = 0 (`from`) and 1 (`to`). */
  column?: { name: string; from: string; to: string };
  /** Each component's global weights, by node. */
  components: Record<string, Record<string, number>>;
}

/** One level's rule in a profile (the lowest level has none: it is scored from its own rows). @internal */
export interface LevelWeights {
  level: string;
  own: number;
  children: number;
  rollup: "mean" | { weight: string };
  /** True when the profile gives no rule: the level is pure roll-up. */
  default: boolean;
}

/**
 * The blend and the level rules of a profile, for `weights`: undefined parts when the profile is not
 * a blend or the model has no levels. A component's weights are its own (`resolveWeights` of the
 * component); the blend's global weights are the product of the blended local weights, not the blend
 * of the components' global weights (DOMAIN C7.2). @internal
 * @example
 * ```ts
 * const model = {
 *   id: "m",
 *   tree: { id: "root", children: [{ id: "a" }, { id: "b" }] },
 *   profiles: {
 *     normal: {},
 *     emergency: { weights: { root: { method: "fixed" as const, weights: { a: 1, b: 3 } } } },
 *     mix: { blend: { normal: 0.5, emergency: 0.5 } },
 *   },
 * };
 * spaceWeights(model, "mix").blend?.components.emergency; // => { root: 1, a: 0.25, b: 0.75 }
 * ```
 */
export function spaceWeights(
  model: Model,
  profile: string,
): { blend?: BlendWeights; levels?: LevelWeights[] } {
  const own = Object.hasOwn(model.profiles ?? {}, profile) ? model.profiles?.[profile] : undefined;
  const out: { blend?: BlendWeights; levels?: LevelWeights[] } = {};
  const components = blendComponents(own);
  if (components !== undefined && own?.blend !== undefined) {
    const b = own.blend;
    const column =
      "column" in b && typeof b.column === "string" && Array.isArray(b.between)
        ? { name: b.column, from: b.between[0] as string, to: b.between[1] as string }
        : undefined;
    const coefficients = column
      ? { [column.from]: 0.5, [column.to]: 0.5 }
      : { ...(b as Record<string, number>) };
    out.blend = {
      coefficients,
      ...(column ? { column } : {}),
      components: Object.fromEntries(
        components.map((c) => [c, resolveWeights(model, { profile: c }).global]),
      ),
    };
  }
  const levels = (model.levels ?? []).map((l) => l.id);
  if (levels.length > 0) {
    const rules = own?.levels ?? {};
    out.levels = levels.slice(1).map((level) => {
      const r = Object.hasOwn(rules, level) ? rules[level] : undefined;
      return {
        level,
        own: r?.own ?? 0,
        children: r?.children ?? 1,
        rollup: r?.rollup ?? "mean",
        default: r === undefined,
      };
    });
  }
  return out;
}
