import { fail } from "../internal/errors.js";
import type { Dataset } from "./dataset.js";
import type { ResolvedProfile } from "./resolve-profile.js";

/** The data columns that `appliesTo: { tag }` rules of a profile read. @internal */
export function tagColumns(profile: ResolvedProfile): string[] {
  const out: string[] = [];
  for (const n of profile.nodes.values()) {
    const rule = n.node.appliesTo;
    if (rule && "tag" in rule && !out.includes(rule.tag)) out.push(rule.tag);
  }
  return out;
}

/**
 * Which units each local node applies to (个性): a node with `appliesTo` applies to the units whose
 * `tag` column is non-zero, or that lie below one of its `parents` (at any depth of the unit
 * hierarchy); a node inherits its parent's rule; a group applies where any of its children does.
 * Returns the masks (1 = applies, aligned with the scored units) of the nodes that do not apply to
 * every unit; empty when the profile has no local node. A missing tag cell means "does not apply".
 * @throws IndicatrixError `missing_column` when a tag column is not in the data.
 * @internal
 */
export function applicability(
  profile: ResolvedProfile,
  dataset: Dataset,
  units: readonly string[],
  kept: Readonly<Record<string, Float64Array>>,
): Map<string, Uint8Array> {
  const masks = new Map<string, Uint8Array>();
  if (![...profile.nodes.values()].some((n) => n.node.appliesTo !== undefined)) return masks;
  const m = units.length;
  const rowOf = new Map(dataset.units.map((u, i) => [u, i]));
  const rows = units.map((u) => rowOf.get(u)!);
  const ancestors = (row: number): Set<string> => {
    const out = new Set<string>();
    let p = dataset.parents[row];
    for (let guard = 0; p !== undefined && guard < dataset.units.length && !out.has(p); guard++) {
      out.add(p);
      const r = rowOf.get(p);
      p = r === undefined ? undefined : dataset.parents[r];
    }
    return out;
  };
  let above: Set<string>[] | undefined;
  const own = (id: string): Uint8Array | undefined => {
    const rule = profile.nodes.get(id)!.node.appliesTo;
    if (!rule) return undefined;
    const mask = new Uint8Array(m);
    if ("tag" in rule) {
      const col = Object.hasOwn(kept, rule.tag) ? kept[rule.tag] : undefined;
      if (!col)
        fail(
          "missing_column",
          ["data", rule.tag],
          `node "${id}" applies to the units tagged "${rule.tag}", but the data have no column "${rule.tag}" (0/1)`,
        );
      for (let i = 0; i < m; i++) {
        const v = col[rows[i]!]!;
        mask[i] = !Number.isNaN(v) && v !== 0 ? 1 : 0;
      }
    } else {
      above ??= rows.map(ancestors);
      const parents = new Set(rule.parents);
      for (let i = 0; i < m; i++) mask[i] = [...above[i]!].some((p) => parents.has(p)) ? 1 : 0;
    }
    return mask;
  };
  // Top-down: a node's own rule and its parent's; nodes come parents first.
  const allowed = new Map<string, Uint8Array>();
  for (const n of profile.nodes.values()) {
    const mine = own(n.id);
    const inherited = n.parent === undefined ? undefined : allowed.get(n.parent);
    if (mine && inherited)
      allowed.set(
        n.id,
        mine.map((v, i) => v & inherited[i]!),
      );
    else if (mine ?? inherited) allowed.set(n.id, (mine ?? inherited)!);
  }
  // Bottom-up: a group applies where any child does.
  const order = [...profile.nodes.values()];
  for (let k = order.length - 1; k >= 0; k--) {
    const n = order[k]!;
    if (n.indicator) {
      const a = allowed.get(n.id);
      if (a) masks.set(n.id, a);
      continue;
    }
    if (n.children.every((c) => !masks.has(c))) continue;
    const mask = new Uint8Array(m);
    for (const c of n.children) {
      const cm = masks.get(c);
      if (!cm) {
        mask.fill(1);
        break;
      }
      for (let i = 0; i < m; i++) mask[i] = mask[i]! | cm[i]!;
    }
    const a = allowed.get(n.id);
    if (a) for (let i = 0; i < m; i++) mask[i] = mask[i]! & a[i]!;
    if (mask.some((v) => v === 0)) masks.set(n.id, mask);
  }
  return masks;
}
