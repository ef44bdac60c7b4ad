import { fail } from "../internal/errors.js";
import type { LocalizedText, Model, ModelInputColumn, ModelNode, Profile } from "./model-types.js";
import { parseModel } from "./parse-model.js";
import { walkTree } from "./tree.js";

/** A local extension of a base model (a district's own indicators on top of the city's common system). */
export interface ModelExtension {
  /** Id of the composed model (default: the base's). */
  id?: string | undefined;
  /** Display name of the composed model (default: the base's). */
  name?: LocalizedText | undefined;
  /** Nodes (indicators or groups) to add, each list under an existing group of the base (or of an earlier addition). */
  add?: { parent: string; nodes: ModelNode[] }[] | undefined;
  /** Raw input columns to add. */
  inputs?: ModelInputColumn[] | undefined;
  /**
   * Profile overrides: for a profile of the base, `weights`, `aggregate`, `multipliers` and `goalposts` are
   * merged node by node over the base's (the extension's entry wins) and `include` is appended; a new name
   * adds a profile. `exclude` may not name a node of the base.
   */
  profiles?: Record<string, Profile> | undefined;
  /** State map entries to add or override. */
  states?: Record<string, string> | undefined;
}

/**
 * Composes a model from a base and a local extension (共性与个性相结合): the extension adds indicators
 * and groups under existing groups, adds inputs, and overrides the weights of the base's profiles
 * node by node (or adds profiles), so a district keeps the city's common system and adds its own. It
 * never deletes: every node of the base stays in the composed model, and an extension profile that
 * `exclude`s a base node is refused. Neither argument is changed; the result is parsed (schema-checked),
 * and `checkModel` applies as usual. Pair it with `appliesTo` to keep the added indicators to the units
 * they concern.
 *
 * @param base - the common model.
 * @param extension - what to add and override.
 * @throws IndicatrixError `unknown_node` (an `add.parent` that is not a group), `duplicate_id` (an added
 *   id that exists), `invalid_option` (an extension profile excluding a base node), and the schema errors
 *   of `parseModel`.
 * @example
 * ```ts
 * const base = { id: "city", tree: { id: "root", children: [{ id: "a" }, { id: "b" }] } };
 * const m = composeModels(base, {
 *   add: [{ parent: "root", nodes: [{ id: "typhoon", appliesTo: { tag: "coastal" } }] }],
 *   profiles: { default: { weights: { root: { method: "fixed", weights: { a: 2, b: 1, typhoon: 1 } } } } },
 * });
 * m.tree.children?.map((c) => c.id); // => ["a", "b", "typhoon"]
 * ```
 */
export function composeModels(base: Model, extension: ModelExtension): Model {
  const model = structuredClone(parseModel(base)) as Model;
  const ext = structuredClone(extension);
  const byId = new Map(walkTree(model.tree).map((v) => [v.node.id, v.node]));
  const baseIds = new Set(byId.keys());
  for (const [k, a] of (ext.add ?? []).entries()) {
    const parent = byId.get(a.parent);
    if (!parent?.children)
      fail("unknown_node", ["extension", "add", k, "parent"], `"${a.parent}" is not a group of the model`);
    for (const [n, node] of a.nodes.entries()) {
      for (const v of walkTree(node)) {
        if (byId.has(v.node.id))
          fail(
            "duplicate_id",
            ["extension", "add", k, "nodes", n],
            `"${v.node.id}" is already a node of the model; an extension adds nodes, it does not replace them`,
          );
        byId.set(v.node.id, v.node);
      }
      parent.children.push(node);
    }
  }
  if (ext.inputs) model.inputs = [...(model.inputs ?? []), ...ext.inputs];
  const profiles = model.profiles ?? {};
  for (const [name, p] of Object.entries(ext.profiles ?? {})) {
    for (const [i, id] of (p.exclude ?? []).entries())
      if (baseIds.has(id))
        fail(
          "invalid_option",
          ["extension", "profiles", name, "exclude", i],
          `"${id}" is a node of the base model; an extension may not remove it (override its weight instead)`,
        );
    const current = Object.hasOwn(profiles, name) ? profiles[name] : undefined;
    profiles[name] = current ? mergeProfile(current, p) : p;
  }
  if (Object.keys(profiles).length > 0) model.profiles = profiles;
  if (ext.states) model.states = { ...(model.states ?? {}), ...ext.states };
  if (ext.id !== undefined) model.id = ext.id;
  if (ext.name !== undefined) model.name = ext.name;
  return parseModel(model);
}

/** A base profile with an extension's entries merged over it, node by node. */
function mergeProfile(base: Profile, over: Profile): Profile {
  const out: Profile = { ...base, ...over };
  for (const key of ["weights", "aggregate", "multipliers", "goalposts"] as const)
    if (base[key] || over[key])
      (out as Record<string, unknown>)[key] = { ...(base[key] ?? {}), ...(over[key] ?? {}) };
  if (base.include || over.include) out.include = [...(base.include ?? []), ...(over.include ?? [])];
  if (base.exclude || over.exclude) out.exclude = [...(base.exclude ?? []), ...(over.exclude ?? [])];
  return out;
}
