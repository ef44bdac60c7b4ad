/**
 * What `indicatrix weights` adds for blended profiles and level rules (DOMAIN C7): each component's
 * global weights beside the blend's, and the own / children / roll-up rule of every level. @internal
 */
import { blendComponents, levelRules, profileChain } from "../indicators/profiles.js";
import type { Model } from "../indicators/schema.js";
import { type DatasetColumns, toDataset } from "../score/dataset.js";
import { activeIndicatorLevels, levelsOfIndicators } from "../score/indicator-levels.js";
import { levelProfile } from "../score/level-profile.js";
import { resolveProfile } from "../score/resolve-profile.js";
import { resolveWeights } from "../score/resolve-weights.js";
import { levelsOfUnits, rowsByLevel } from "../score/score-levels.js";

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
  /**
   * Where the rule comes from: the profile itself, the profile of its `extends` chain that sets it, or
   * for a blend the components that agree on it (names joined by " + "); absent for a default.
   */
  from?: string;
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
    // The rules the profile applies: inherited along `extends`, a blend's from its components (levelRules).
    const rules = levelRules(model, profile).rules;
    const chain = components === undefined ? profileChain(model, profile) : [profile];
    out.levels = levels.slice(1).map((level) => {
      const r = Object.hasOwn(rules, level) ? rules[level] : undefined;
      const setter = chain.find((p) => Object.hasOwn(model.profiles?.[p]?.levels ?? {}, level));
      const from = setter ?? (r !== undefined && components ? components.join(" + ") : undefined);
      return {
        level,
        own: r?.own ?? 0,
        children: r?.children ?? 1,
        rollup: r?.rollup ?? "mean",
        default: r === undefined,
        ...(from === undefined ? {} : { from }),
      };
    });
  }
  return out;
}

/** The weights of one level's own part (`levelSections`). @internal */
export interface LevelSection {
  /** The level id. */
  level: string;
  /** The model with the profile that scores the level's own part (`levelProfile`), and that profile's name. */
  model: Model;
  profile: string;
  /** Its local and global weights (on the level's rows when data are given). */
  weights: ReturnType<typeof resolveWeights>;
}

/**
 * The weights as `scoreLevels` applies them, one section per level with active indicators, when the
 * profile measures indicators at more than one level (undefined otherwise: the one tree says it all):
 * each level's own part is scored on the tree with the other levels' indicators switched off, so its
 * weights are the profile's re-normalized (or, for AHP, re-derived) over that level's indicators.
 * Data-driven weights are computed on the rows of the level's units. @internal
 * @example
 * ```ts
 * const model = {
 *   id: "m",
 *   levels: [{ id: "community" }, { id: "street" }],
 *   tree: { id: "root", children: [{ id: "a" }, { id: "b" }, { id: "s", level: "street" }] },
 *   profiles: { p: { levels: { street: { own: 0.4, children: 0.6 } } } },
 * };
 * levelSections(model, "p")?.map((x) => [x.level, x.weights.global.a ?? 0]);
 * // => [["community", 0.5], ["street", 0]]
 * ```
 */
export function levelSections(
  model: Model,
  profile: string,
  data?: DatasetColumns,
): LevelSection[] | undefined {
  const levels = (model.levels ?? []).map((l) => l.id);
  if (levels.length < 2) return undefined;
  const resolved = resolveProfile(model, profile);
  const measured = new Set(Object.values(activeIndicatorLevels(model, resolved)));
  if (measured.size < 2) return undefined;
  const all = levelsOfIndicators(model.tree, levels[0] as string, levels);
  let rowsAt: Map<string, number[]> | undefined;
  let ds: ReturnType<typeof toDataset> | undefined;
  if (data) {
    ds = toDataset(data, { columns: [], optional: Object.keys(data.values) });
    rowsAt = rowsByLevel(levelsOfUnits(ds, levels));
  }
  const out: LevelSection[] = [];
  for (const level of levels) {
    if (!measured.has(level)) continue;
    const at = levelProfile(model, profile, all, level);
    if (!at) continue;
    const m: Model = { ...model, profiles: { ...(model.profiles ?? {}), ...at.profiles } };
    let rows: DatasetColumns | undefined;
    if (ds && rowsAt) {
      const keep = rowsAt.get(level) ?? [];
      const values: Record<string, Float64Array> = {};
      for (const [c, col] of ds.columns) values[c] = Float64Array.from(keep, (i) => col[i]!);
      rows = { units: keep.map((i) => ds.units[i]!), values };
    }
    out.push({
      level,
      model: m,
      profile: at.name,
      weights: resolveWeights(m, { profile: at.name, ...(rows ? { data: rows } : {}) }),
    });
  }
  return out;
}
