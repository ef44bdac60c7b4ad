import { IndicatrixError } from "../internal/errors.js";
import type { LevelRule } from "./model-types.js";
import type { Model, ModelNode, Profile } from "./schema.js";
import { isIndicator, walkTree } from "./tree.js";

/** The name of the implicit profile of a model that declares none. */
export const DEFAULT_PROFILE = "default";

/**
 * The names of a model's profiles, in file order; `["default"]` when it declares none.
 *
 * @example
 * ```ts
 * profileNames({ id: "m", tree: { id: "r", children: [{ id: "a" }] } }); // => ["default"]
 * ```
 */
export function profileNames(model: Pick<Model, "profiles">): string[] {
  const names = Object.keys(model.profiles ?? {});
  return names.length > 0 ? names : [DEFAULT_PROFILE];
}

/** The profile object of a name (`{}` for the implicit default profile). */
function profileOf(model: Pick<Model, "profiles">, name: string): Profile | undefined {
  const profiles = model.profiles ?? {};
  if (Object.hasOwn(profiles, name)) return profiles[name];
  if (name === DEFAULT_PROFILE && Object.keys(profiles).length === 0) return {};
  return undefined;
}

/**
 * The chain of a profile and the profiles it extends, most specific first:
 * `["public_health", "emergency", "normal"]`.
 *
 * @throws IndicatrixError `unknown_profile` when a name (or an `extends`) is not a profile,
 *   `profile_cycle` when `extends` loops.
 * @example
 * ```ts
 * profileChain({ profiles: { normal: {}, emergency: { extends: "normal" } } }, "emergency");
 * // => ["emergency", "normal"]
 * ```
 */
export function profileChain(model: Pick<Model, "profiles">, name: string): string[] {
  const chain: string[] = [];
  const seen = new Set<string>();
  let current: string | undefined = name;
  while (current !== undefined) {
    if (seen.has(current))
      throw new IndicatrixError(
        "profile_cycle",
        `profiles.${chain[0]}: "extends" makes a cycle: ${[...chain, current].join(" -> ")}`,
        { path: `profiles.${chain[0]}.extends` },
      );
    const profile = profileOf(model, current);
    if (!profile) {
      const from = chain.length > 0 ? `profiles.${chain[chain.length - 1]}.extends` : "profile";
      throw new IndicatrixError(
        "unknown_profile",
        `${from}: no profile named "${current}"; the model has ${profileNames(model).join(", ")}`,
        { path: from },
      );
    }
    chain.push(current);
    seen.add(current);
    current = profile.extends;
  }
  return chain;
}

/**
 * Which nodes take part in a profile. A node with a `profiles` list is active only in those profiles
 * and the profiles that extend them; `include` and `exclude` lists of the profile chain (the most
 * specific last) switch nodes on and off; a node below a group that is switched off is off too (a
 * group limited to `profiles` takes its whole subtree with it); a group is active when it is switched
 * on and has at least one active child.
 *
 * @throws IndicatrixError as {@link profileChain}.
 * @example
 * ```ts
 * const model = { id: "m", tree: { id: "r", children: [{ id: "a" }, { id: "b", profiles: ["e"] }] },
 *   profiles: { n: {}, e: { extends: "n" } } };
 * [...activeNodes(model, "n")]; // => ["r", "a"]
 * [...activeNodes(model, "e")]; // => ["r", "a", "b"]
 * ```
 */
export function activeNodes(model: Pick<Model, "tree" | "profiles">, profile: string): Set<string> {
  return profileActivity(model, profile).active;
}

/**
 * {@link activeNodes}, plus the groups that are switched on in the profile but end up with no active
 * child (an error in a model: such a group would have no score).
 *
 * @example
 * ```ts
 * profileActivity({ id: "m", tree: { id: "r", children: [{ id: "a", profiles: ["x"] }] } }, "default").empty;
 * // => ["r"]
 * ```
 */
export function profileActivity(
  model: Pick<Model, "tree" | "profiles">,
  profile: string,
): { active: Set<string>; empty: string[] } {
  const components = blendComponents(profileOf(model, profile));
  if (components !== undefined) {
    // A blend is active where any of its components is (a component that is itself a blend is refused by checkModel).
    const active = new Set<string>();
    for (const c of components)
      if (profileOf(model, c) !== undefined && blendComponents(profileOf(model, c)) === undefined)
        for (const id of profileActivity(model, c).active) active.add(id);
    return { active, empty: [] };
  }
  const chain = profileChain(model, profile);
  const inChain = new Set(chain);
  const switched = new Map<string, boolean>();
  for (const name of [...chain].reverse()) {
    const p = profileOf(model, name) ?? {};
    for (const id of p.include ?? []) switched.set(id, true);
    for (const id of p.exclude ?? []) switched.set(id, false);
  }
  const selfOn = (node: ModelNode): boolean => {
    const s = switched.get(node.id);
    if (s !== undefined) return s;
    return node.profiles === undefined || node.profiles.some((p) => inChain.has(p));
  };
  const visited = walkTree(model.tree);
  const active = new Set<string>();
  const empty: string[] = [];
  // A node is switched on when it and every group above it are: a group's `profiles` (or an `exclude`)
  // switches off its whole subtree, so that no leaf is left active below an inactive group.
  const allowed = new Map<ModelNode, boolean>();
  for (const { node, parent } of visited)
    allowed.set(node, selfOn(node) && (parent === undefined || allowed.get(parent) === true));
  // Children come after their parents in `visited`: walk backwards so a group sees its children first.
  const on = new Map<ModelNode, boolean>();
  for (let i = visited.length - 1; i >= 0; i--) {
    const { node } = visited[i] as (typeof visited)[number];
    let value = allowed.get(node) === true;
    if (value && !isIndicator(node) && !(node.children ?? []).some((c) => on.get(c))) {
      empty.push(node.id);
      value = false;
    }
    on.set(node, value);
  }
  for (const { node } of visited) if (on.get(node)) active.add(node.id);
  return { active, empty: empty.reverse() };
}

/**
 * The profiles a blended profile blends (`{ normal: 0.3, emergency: 0.7 }` or `{ between: [a, b], column }`),
 * or undefined for a profile that is not a blend.
 *
 * @example
 * ```ts
 * blendComponents({ blend: { normal: 0.3, emergency: 0.7 } }); // => ["normal", "emergency"]
 * ```
 */
export function blendComponents(profile: Profile | undefined): string[] | undefined {
  const blend = profile?.blend;
  if (blend === undefined) return undefined;
  const between = (blend as { between?: unknown }).between;
  if (Array.isArray(between) && typeof (blend as { column?: unknown }).column === "string")
    return [...(between as string[])];
  return Object.keys(blend);
}

/** A level on which the components of a blend that sets no rule for it disagree ({@link levelRules}). */
export interface LevelRuleConflict {
  /** The level id. */
  level: string;
  /** Each component's rule for the level (undefined: it gives none). */
  rules: Record<string, LevelRule | undefined>;
}

/**
 * The level rules (`levels`: level id -> `{ own, children, rollup }`) that a profile applies. A profile
 * inherits the rules of the profiles it extends, level by level: for each level, the rule of the most
 * specific profile of its `extends` chain that gives one, as a whole. A blend applies its own rule for a
 * level, else the rule its components all give (each with its inheritance; a rollup left out is the
 * mean); where they give different rules, or some give one and others none, the blend has no rule for
 * the level and the level is a conflict (an `invalid_levels` error of `checkModel`).
 *
 * @throws IndicatrixError as {@link profileChain}.
 * @example
 * ```ts
 * const model = {
 *   profiles: {
 *     normal: { levels: { street: { own: 0.3, children: 0.7 }, district: { own: 0.2, children: 0.8 } } },
 *     emergency: { extends: "normal", levels: { street: { own: 0.4, children: 0.6 } } },
 *   },
 * };
 * levelRules(model, "emergency").rules;
 * // => { street: { own: 0.4, children: 0.6 }, district: { own: 0.2, children: 0.8 } }
 * ```
 */
export function levelRules(
  model: Pick<Model, "profiles">,
  name: string,
): { rules: Record<string, LevelRule>; conflicts: LevelRuleConflict[] } {
  const own = profileOf(model, name);
  const components = blendComponents(own);
  const rules = new Map<string, LevelRule>();
  const conflicts: LevelRuleConflict[] = [];
  if (components === undefined) {
    for (const p of [...profileChain(model, name)].reverse())
      for (const [l, rule] of Object.entries(profileOf(model, p)?.levels ?? {})) rules.set(l, rule);
  } else {
    // A component that is itself a blend or is not a profile is refused by checkModel: it counts for none.
    const parts = components.map((c) => {
      const p = profileOf(model, c);
      const chained = p !== undefined && blendComponents(p) === undefined;
      return { name: c, rules: chained ? levelRules(model, c).rules : {} };
    });
    const levels = new Set(parts.flatMap((p) => Object.keys(p.rules)));
    for (const l of levels) {
      const given = parts.map((p) => (Object.hasOwn(p.rules, l) ? p.rules[l] : undefined));
      const keys = new Set(given.map((r) => (r === undefined ? "" : ruleKey(r))));
      if (keys.size === 1 && given[0] !== undefined) rules.set(l, given[0]);
      else if (keys.size > 1)
        conflicts.push({ level: l, rules: Object.fromEntries(parts.map((p, i) => [p.name, given[i]])) });
    }
    for (const [l, rule] of Object.entries(own?.levels ?? {})) rules.set(l, rule);
  }
  const set = new Set(Object.keys(own?.levels ?? {}));
  return {
    rules: Object.fromEntries(rules),
    conflicts: conflicts.filter((c) => !set.has(c.level)),
  };
}

/** A level rule's identity: own, children and the roll-up (the mean when left out). */
function ruleKey(rule: LevelRule): string {
  return JSON.stringify([rule.own, rule.children, rule.rollup ?? "mean"]);
}
