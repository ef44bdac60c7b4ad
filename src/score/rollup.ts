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
  /** Number of scored units below each unit whose (root) score enters its mean: with a weight column, those with a weight. */
  counts: Uint32Array;
  /**
   * Why each unit has its score or has none, in words: `"population-weighted mean of 2 scored units below; no
   * population for c2, left out"`, `"no scored unit below"`, `"no population for c2, c3 (every scored unit
   * below)"`, `"population is 0 for every scored unit below (c1, c2)"`. Units are named, at most three.
   */
  reasons: string[];
  /** How the roll-up weighted the units. */
  by: "mean" | { weight: string };
}

/**
 * Rolls scores up the unit hierarchy (community > street > district > city): the score of a unit
 * with child units, at every node of the indicator tree, is the mean of the scores of all scored
 * units below it, or their mean weighted by a column such as population (`{ by: { weight:
 * "population" } }`). Units without a score, or without a weight (a missing cell), are left out of the mean
 * and named in the unit's reason; a parent whose scored units all lack a weight, or all weigh 0, has no
 * score and a reason saying so. A negative weight is an error. This is
 * kept apart from indicator aggregation on purpose: rates do not average, so where an
 * indicator can be measured at a higher level directly, score that level as its own dataset.
 *
 * @throws IndicatrixError `missing_column` when the weight column is not in the result (keep it with `score(..., { keep })`),
 * `negative_value` when a scored unit has a negative weight (the units are named).
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
  let weight: Float64Array | undefined;
  if (typeof by === "object") {
    weight = Object.hasOwn(h.columns, by.weight) ? h.columns[by.weight] : undefined;
    if (!weight)
      throw new IndicatrixError(
        "missing_column",
        `column "${by.weight}": roll-up weights need it; keep it with score(model, data, { keep: ["${by.weight}"] })`,
      );
  }
  const parentOf = h.parents.map((p) => (p === undefined ? -1 : (index.get(p) ?? -1)));
  const order = childrenFirst(parentOf);
  const scoredRows = result.units.map((u) => index.get(u) as number);
  // Each unit's totals start with its own scored value and then collect its children's totals, in an
  // order where every child comes before its parent: one pass per node, whatever the depth.
  const rolled = (own: (u: number) => number): Float64Array => {
    const total = new Float64Array(n);
    for (let u = 0; u < scoredRows.length; u++) {
      const row = scoredRows[u]!;
      total[row] = total[row]! + own(u);
    }
    for (const i of order) {
      const p = parentOf[i]!;
      if (p >= 0) total[p] = total[p]! + total[i]!;
    }
    return total;
  };
  const bySlot = (total: Float64Array): Float64Array => Float64Array.from(groups, (g) => total[g]!);
  const rootCol = result.scores[result.resolved.root];
  const hasScore = (u: number): boolean => rootCol !== undefined && !Number.isNaN(rootCol[u]!);
  const weightOf = (u: number): number => (weight ? weight[scoredRows[u]!]! : 1);
  if (weight) {
    const negative = result.units.filter((_, u) => weightOf(u) < 0);
    if (negative.length > 0)
      throw new IndicatrixError(
        "negative_value",
        `column "${(by as { weight: string }).weight}": roll-up weights must not be negative; ${named(negative)} ${negative.length === 1 ? "has" : "have"} a negative weight`,
      );
  }
  const counts = Uint32Array.from(bySlot(rolled((u) => (hasScore(u) && !Number.isNaN(weightOf(u)) ? 1 : 0))));
  const reasons = reasonsOf(
    groups,
    order,
    parentOf,
    result.units.map((unit, u) => ({
      row: scoredRows[u]!,
      unit,
      kind: !hasScore(u)
        ? "none"
        : Number.isNaN(weightOf(u))
          ? "missing"
          : weightOf(u) === 0
            ? "zero"
            : "weighted",
    })),
    counts,
    by,
  );
  const scores: Record<string, Float64Array> = {};
  for (const [node, col] of Object.entries(result.scores)) {
    const w = (u: number): number => {
      const v = col[u]!;
      if (Number.isNaN(v)) return 0;
      const wu = weight ? weight[scoredRows[u]!]! : 1;
      return Number.isNaN(wu) ? 0 : wu;
    };
    const sum = bySlot(
      rolled((u) => {
        const wu = w(u);
        return wu === 0 ? 0 : wu * col[u]!;
      }),
    );
    const wsum = bySlot(rolled(w));
    const out = new Float64Array(groups.length);
    for (let s = 0; s < groups.length; s++) out[s] = wsum[s]! > 0 ? sum[s]! / wsum[s]! : Number.NaN;
    scores[node] = out;
  }
  const levels = groups.map((g) => h.levels[g]);
  const ranks: Record<string, Uint32Array> = {};
  const byLevel = new Map<string | undefined, number[]>();
  for (const [s, l] of levels.entries()) {
    const slots = byLevel.get(l);
    if (slots) slots.push(s);
    else byLevel.set(l, [s]);
  }
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
    reasons,
    by,
  };
}

/** How a scored unit enters its parents' means: no score, no weight, a weight of 0, or a positive weight. */
type Entry = { row: number; unit: string; kind: "none" | "missing" | "zero" | "weighted" };

const NAMED = 3;

/** At most three ids, then how many more: `c1, c2, c3 and 2 more`. */
function named(ids: readonly string[], total = ids.length): string {
  const shown = ids.slice(0, NAMED).join(", ");
  return total > NAMED ? `${shown} and ${total - NAMED} more` : shown;
}

/**
 * The reason of each roll-up unit, from the scored units below it: the units without a weight and those
 * weighing 0 are collected up the tree (at most three names each, and a count), in one children-first pass.
 */
function reasonsOf(
  groups: readonly number[],
  order: readonly number[],
  parentOf: readonly number[],
  entries: readonly Entry[],
  counts: Uint32Array,
  by: "mean" | { weight: string },
): string[] {
  const n = parentOf.length;
  const tally = (kind: Entry["kind"]): { ids: string[][]; total: Float64Array } => {
    const ids: string[][] = Array.from({ length: n }, () => []);
    const total = new Float64Array(n);
    for (const e of entries)
      if (e.kind === kind) {
        ids[e.row]!.push(e.unit);
        total[e.row] = total[e.row]! + 1;
      }
    for (const i of order) {
      const p = parentOf[i]!;
      if (p < 0) continue;
      total[p] = total[p]! + total[i]!;
      const into = ids[p]!;
      for (const id of ids[i]!) if (into.length < NAMED) into.push(id);
    }
    return { ids, total };
  };
  const missing = tally("missing");
  const zero = tally("zero");
  const weighted = tally("weighted");
  const w = typeof by === "object" ? by.weight : "";
  return groups.map((g, s) => {
    const m = missing.total[g]!;
    const z = zero.total[g]!;
    const noWeight = m > 0 ? `no ${w} for ${named(missing.ids[g]!, m)}` : "";
    if (weighted.total[g]! > 0) {
      const count = counts[s]!;
      const mean = `${w ? `${w}-weighted ` : ""}mean of ${count} scored unit${count === 1 ? "" : "s"} below`;
      return m > 0 ? `${mean}; ${noWeight}, left out` : mean;
    }
    if (m === 0 && z === 0) return "no scored unit below";
    if (z === 0) return `${noWeight} (every scored unit below)`;
    const zeroes = named(zero.ids[g]!, z);
    if (m === 0) return `${w} is 0 for every scored unit below (${zeroes})`;
    return `${w} is 0 or missing for every scored unit below: ${noWeight}; 0 for ${zeroes}`;
  });
}

/**
 * The rows of a parent forest (`parentOf[i]` the parent row, -1 for a root) ordered so that every row comes
 * before its parent: leaves first, then each parent once its last child is done (Kahn's algorithm, linear in
 * the number of rows). Rows on a cycle never come out, so nothing loops.
 */
function childrenFirst(parentOf: readonly number[]): number[] {
  const pending = new Uint32Array(parentOf.length);
  for (const p of parentOf) if (p >= 0) pending[p] = pending[p]! + 1;
  const order: number[] = [];
  for (let i = 0; i < parentOf.length; i++) if (pending[i] === 0) order.push(i);
  for (let k = 0; k < order.length; k++) {
    const p = parentOf[order[k]!]!;
    if (p >= 0 && --pending[p]! === 0) order.push(p);
  }
  return order;
}
