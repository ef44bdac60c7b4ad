import { IndicatrixError } from "../internal/errors.js";
import { rankDescendingUint32 } from "../internal/rank.js";
import type { Result } from "./score.js";

/** Options of {@link rollup}. */
export interface RollupOptions {
  /** `"mean"` (default): plain mean of the scored units below; `{ weight: column }`: weighted by a kept column such as population. */
  by?: "mean" | { weight: string };
}

/** Scores of the units above the scored ones (streets, districts, the city), at every node of the tree. */
export interface RollupResult {
  /** Ids of the units that have child units, in data order. */
  units: string[];
  /** Level of each unit. */
  levels: (string | undefined)[];
  /** Parent of each unit. */
  parents: (string | undefined)[];
  /** Name of each unit. */
  names: (string | undefined)[];
  /** Score of every node per unit: the (weighted) mean over the scored units below it that have a score. */
  scores: Record<string, Float64Array>;
  /** Rank of each unit among the units of the same level, per node (1 = best, 0 = no score). */
  ranks: Record<string, Uint32Array>;
  /** Number of scored units below each unit. */
  counts: Uint32Array;
  /** How the roll-up weighted the units. */
  by: "mean" | { weight: string };
}

/**
 * Rolls scores up the unit hierarchy (community > street > district > city): the score of a unit
 * with child units, at every node of the indicator tree, is the mean of the scores of all scored
 * units below it, or their mean weighted by a column such as population (`{ by: { weight:
 * "population" } }`). Units without a score, or without a weight, are left out of the mean. This is
 * kept apart from indicator aggregation on purpose: rates do not average, so where an
 * indicator can be measured at a higher level directly, score that level as its own dataset.
 *
 * @throws IndicatrixError `missing_column` when the weight column is not in the result (keep it with `score(..., { keep })`).
 * @example
 * ```ts
 * const up = rollup(result, { by: { weight: "population" } });
 * up.units; // => ["city", "d1", "d2", "s01", ...]
 * ```
 */
export function rollup(result: Result, opts: RollupOptions = {}): RollupResult {
  const by = opts.by ?? "mean";
  const h = result.hierarchy;
  const n = h.units.length;
  const index = new Map(h.units.map((u, i) => [u, i]));
  const hasChildren = new Uint8Array(n);
  for (const p of h.parents) if (p !== undefined) hasChildren[index.get(p) as number] = 1;
  const groups: number[] = [];
  for (let i = 0; i < n; i++) if (hasChildren[i]) groups.push(i);
  const slot = new Map(groups.map((g, k) => [g, k]));
  let weight: Float64Array | undefined;
  if (typeof by === "object") {
    weight = Object.hasOwn(h.columns, by.weight) ? h.columns[by.weight] : undefined;
    if (!weight)
      throw new IndicatrixError(
        "missing_column",
        `column "${by.weight}": roll-up weights need it; keep it with score(model, data, { keep: ["${by.weight}"] })`,
      );
  }
  // For each scored unit, the roll-up slots of its ancestors.
  const ancestors = result.units.map((u) => {
    const out: number[] = [];
    let p = h.parents[index.get(u) as number];
    let guard = 0;
    while (p !== undefined && guard++ < n) {
      const pi = index.get(p) as number;
      out.push(slot.get(pi) as number);
      p = h.parents[pi];
    }
    return out;
  });
  const counts = new Uint32Array(groups.length);
  for (const a of ancestors) for (const s of a) counts[s] = (counts[s] as number) + 1;
  const scores: Record<string, Float64Array> = {};
  for (const [node, col] of Object.entries(result.scores)) {
    const sum = new Float64Array(groups.length);
    const wsum = new Float64Array(groups.length);
    for (let u = 0; u < result.units.length; u++) {
      const v = col[u] as number;
      if (Number.isNaN(v)) continue;
      const w = weight ? (weight[index.get(result.units[u] as string) as number] as number) : 1;
      if (Number.isNaN(w)) continue;
      for (const s of ancestors[u] as number[]) {
        sum[s] = (sum[s] as number) + w * v;
        wsum[s] = (wsum[s] as number) + w;
      }
    }
    const out = new Float64Array(groups.length);
    for (let s = 0; s < groups.length; s++)
      out[s] = (wsum[s] as number) > 0 ? (sum[s] as number) / (wsum[s] as number) : Number.NaN;
    scores[node] = out;
  }
  const levels = groups.map((g) => h.levels[g]);
  const ranks: Record<string, Uint32Array> = {};
  const byLevel = new Map<string | undefined, number[]>();
  levels.forEach((l, s) => {
    byLevel.set(l, [...(byLevel.get(l) ?? []), s]);
  });
  for (const [node, col] of Object.entries(scores)) {
    const r = new Uint32Array(groups.length);
    for (const slots of byLevel.values()) {
      const sub = rankDescendingUint32(slots.map((s) => col[s] as number));
      slots.forEach((s, k) => {
        r[s] = sub[k] as number;
      });
    }
    ranks[node] = r;
  }
  return {
    units: groups.map((g) => h.units[g] as string),
    levels,
    parents: groups.map((g) => h.parents[g]),
    names: groups.map((g) => h.names[g]),
    scores,
    ranks,
    counts,
    by,
  };
}
