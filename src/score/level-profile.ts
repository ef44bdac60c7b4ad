import { activeNodes, blendComponents } from "../indicators/profiles.js";
import type { Model, Profile } from "../indicators/schema.js";
import { isIndicator, walkTree } from "../indicators/tree.js";
import { isColumnBlend } from "./resolve-blend.js";

/**
 * The profile that scores the own part of the units of level `level` (`scoreLevels`): `profile` with every
 * node that has no active indicator of that level below it switched off (groups too, so that none is
 * left empty). For a blend, the blend of its components each so restricted: a component with no active
 * indicator of the level is left out and the others' coefficients re-normalized (a per-unit blend
 * `{ between: [a, b], column }` that keeps one side blends it with itself), the blend's other settings
 * kept. Returns the profiles to add to the model and the name of the one to score, or undefined when the
 * profile has no active indicator of the level. @internal
 */
export function levelProfile(
  model: Model,
  profile: string,
  indicatorLevels: Readonly<Record<string, string>>,
  level: string,
): { name: string; profiles: Record<string, Profile> } | undefined {
  const profiles = model.profiles ?? {};
  const taken = new Set(Object.keys(profiles));
  const fresh = (want: string): string => {
    let name = want;
    while (taken.has(name)) name = `${name}_`;
    taken.add(name);
    return name;
  };
  const base = Object.hasOwn(profiles, profile) ? profiles[profile] : undefined;
  const components = blendComponents(base);
  if (base === undefined || components === undefined) {
    const exclude = withoutLevel(model, profile, indicatorLevels, level);
    if (exclude === undefined) return undefined;
    const name = fresh(`${profile}_at_${level}`);
    return { name, profiles: { [name]: { ...(base ? { extends: profile } : {}), exclude } } };
  }
  const added: Record<string, Profile> = {};
  const kept = new Map<string, string>();
  for (const c of new Set(components)) {
    const exclude = withoutLevel(model, c, indicatorLevels, level);
    if (exclude === undefined) continue;
    const name = fresh(`${c}_at_${level}`);
    added[name] = { extends: c, exclude };
    kept.set(c, name);
  }
  if (kept.size === 0) return undefined;
  const blend = base.blend!;
  let derived: Profile["blend"];
  if (isColumnBlend(blend)) {
    const [from, to] = blend.between;
    const a = kept.get(from) ?? kept.get(to)!;
    const b = kept.get(to) ?? a;
    derived = { between: [a, b], column: blend.column };
  } else {
    const coefficients = blend as Record<string, number>;
    const total = [...kept.keys()].reduce((s, c) => s + (coefficients[c] ?? 0), 0);
    derived = Object.fromEntries(
      [...kept].map(([c, name]) => [name, total > 0 ? (coefficients[c] ?? 0) / total : 1 / kept.size]),
    );
  }
  const name = fresh(`${profile}_at_${level}`);
  added[name] = { ...base, blend: derived };
  return { name, profiles: added };
}

/** The nodes to switch off so that only the profile's active indicators of `level` remain, or undefined when it has none. */
function withoutLevel(
  model: Model,
  profile: string,
  indicatorLevels: Readonly<Record<string, string>>,
  level: string,
): string[] | undefined {
  const active = activeNodes(model, profile);
  const keep = new Set<string>();
  const visited = walkTree(model.tree);
  for (let i = visited.length - 1; i >= 0; i--) {
    const node = visited[i]!.node;
    const here = isIndicator(node)
      ? active.has(node.id) && indicatorLevels[node.id] === level
      : (node.children ?? []).some((c) => keep.has(c.id));
    if (here) keep.add(node.id);
  }
  if (keep.size === 0) return undefined;
  return visited.filter((v) => !keep.has(v.node.id)).map((v) => v.node.id);
}
