import { parseModel } from "../indicators/parse-model.js";
import { profileNames } from "../indicators/profiles.js";
import type { Model } from "../indicators/schema.js";
import { fail } from "../internal/errors.js";
import { rankDescendingUint32 } from "../internal/rank.js";
import type { DatasetInput } from "./dataset.js";
import type { Result } from "./result.js";
import { type ScoreOptions, score } from "./score.js";

/** What {@link scoreByProfile} returns: each unit scored with its own profile. */
export interface ProfileSelectionResult {
  /** Ids of the scored units, in data order. */
  units: string[];
  /** The profile that scored each unit. */
  profiles: string[];
  /** Each profile used, run on all the units (so that normalization and data-driven weights see the same sample). */
  results: Record<string, Result>;
  /** Score of every node active in any profile used, per unit, from the unit's profile (NaN where the node is not active in it). */
  scores: Record<string, Float64Array>;
  /** Nodes active in every profile used: where the profiles share the tree and an overall rank is meaningful. */
  shared: string[];
  /** Overall rank (1 = best, ties share the lowest, 0 = no score) at each shared node. */
  ranks: Record<string, Uint32Array>;
  /** Rank among the units scored with the same profile, at every node. */
  ranksWithinProfile: Record<string, Uint32Array>;
}

/**
 * Scores each unit with its own profile (a response level's, a phase's, a district's): every profile
 * named runs on all the units, so that min-max bounds, z-scores and data-driven weights come from
 * the same sample whatever the profile, and each unit takes its row from its own profile's result.
 * Ranks are given overall at the nodes every profile used shares (the root always), and within each
 * profile at every node. A unit the map does not name takes the model's first profile. This is the
 * selection that {@link scoreStates} runs after mapping the units' states to profiles; call it directly
 * when the profile of each unit comes from elsewhere (a panel's period, a district's own system).
 *
 * @param model - the model.
 * @param data - the units, as for `score`.
 * @param profileOf - unit id -> profile name.
 * @param opts - the options of `score` (but `profile`).
 * @throws IndicatrixError `unknown_profile` (naming the unit), and the errors of `score`.
 * @example
 * ```ts
 * const model = {
 *   id: "m",
 *   tree: { id: "root", children: [{ id: "a" }, { id: "b" }] },
 *   defaults: { normalize: "none" as const },
 *   profiles: {
 *     normal: {},
 *     emergency: { weights: { root: { method: "fixed" as const, weights: { a: 1, b: 3 } } } },
 *   },
 * };
 * const r = scoreByProfile(model, [{ unit: "c1", a: 0.2, b: 0.8 }, { unit: "c2", a: 0.6, b: 0.2 }], { c2: "emergency" });
 * r.profiles; // => ["normal", "emergency"]
 * r.scores.root; // => Float64Array [0.5, 0.3]   (0.2 + 0.8) / 2 ; (0.6 + 3 * 0.2) / 4
 * r.ranks.root; // => Uint32Array [1, 2]
 * ```
 */
export function scoreByProfile(
  model: Model,
  data: DatasetInput,
  profileOf: Readonly<Record<string, string>>,
  opts: Omit<ScoreOptions, "profile"> = {},
): ProfileSelectionResult {
  const parsed = parseModel(model);
  const names = profileNames(parsed);
  const fallback = names[0] as string;
  for (const [unit, p] of Object.entries(profileOf))
    if (!names.includes(p))
      fail(
        "unknown_profile",
        ["profileOf", unit],
        `unit "${unit}" is to be scored with profile "${p}", which the model does not have (${names.join(", ")})`,
      );
  const results: Record<string, Result> = {};
  const first = score(parsed, data, { ...opts, profile: fallback });
  const units = first.units;
  const profiles = units.map((u) => (Object.hasOwn(profileOf, u) ? (profileOf[u] as string) : fallback));
  for (const p of new Set(profiles))
    results[p] = p === fallback ? first : score(parsed, data, { ...opts, profile: p });
  const used = Object.values(results);
  const nodes: string[] = [];
  for (const r of used) for (const id of r.resolved.nodes.keys()) if (!nodes.includes(id)) nodes.push(id);
  const shared = nodes.filter((id) => used.every((r) => r.resolved.nodes.has(id)));
  const scores: Record<string, Float64Array> = {};
  for (const id of nodes) {
    const col = new Float64Array(units.length);
    for (let i = 0; i < units.length; i++) {
      const s = results[profiles[i]!]!.scores[id];
      col[i] = s === undefined ? Number.NaN : s[i]!;
    }
    scores[id] = col;
  }
  const ranks: Record<string, Uint32Array> = {};
  for (const id of shared) ranks[id] = rankDescendingUint32(scores[id]!);
  const ranksWithinProfile: Record<string, Uint32Array> = {};
  for (const id of nodes) ranksWithinProfile[id] = ranksWithin(scores[id]!, profiles);
  return { units, profiles, results, scores, shared, ranks, ranksWithinProfile };
}

/**
 * Ranks (1 = best, ties share the lowest, 0 = no score) of `values` within each group of units with the
 * same `group` key. @internal
 */
export function ranksWithin(values: Float64Array, group: readonly (string | undefined)[]): Uint32Array {
  const byGroup = new Map<string | undefined, number[]>();
  for (let i = 0; i < group.length; i++) {
    const rows = byGroup.get(group[i]);
    if (rows) rows.push(i);
    else byGroup.set(group[i], [i]);
  }
  const out = new Uint32Array(values.length);
  for (const rows of byGroup.values()) {
    const sub = rankDescendingUint32(Float64Array.from(rows, (i) => values[i]!));
    for (let k = 0; k < rows.length; k++) out[rows[k]!] = sub[k]!;
  }
  return out;
}
