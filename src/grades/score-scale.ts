import type { NodeRules } from "../indicators/schema.js";
import type { AggregateSpec } from "../internal/specs.js";

/** What {@link scoreScale} needs of a node: its children, aggregation and assessment rules. */
export interface ScaleNode {
  /** Whether it is an indicator (a leaf). */
  indicator: boolean;
  /** Ids of its active children (groups). */
  children: readonly string[];
  /** How the children are aggregated (groups). */
  aggregate: AggregateSpec;
  /** Its assessment rules, if any. */
  rules?: NodeRules | undefined;
}

/**
 * The nominal score scale [lo, hi] of a node: where its scores lie when every indicator stays in its
 * normalization's output range. An indicator: its output range (`range(id)`, undefined for unbounded
 * methods such as z-scores), or the span of its step points. A group: the span of its children's
 * scales (every mean - arithmetic, geometric, harmonic, minimum, power - stays inside it;
 * Mazziotta-Pareto, which adds or subtracts a spread term, has no such bound: undefined), widened by
 * its rules: + bonusCap (no cap: unbounded), - penaltyCap (no cap: unbounded) limited by `floor`
 * (default 0), at most `capTotal`, and down to 0 for a zero-score veto. Undefined when not known.
 *
 * @param id - The node.
 * @param node - Node by id.
 * @param range - Output range of an indicator's normalization, or undefined.
 * @example
 * ```ts
 * const nodes = new Map([
 *   ["root", { indicator: false, children: ["a", "b"], aggregate: "arithmetic" as const }],
 *   ["a", { indicator: true, children: [], aggregate: "arithmetic" as const }],
 *   ["b", { indicator: true, children: [], aggregate: "arithmetic" as const }],
 * ]);
 * scoreScale("root", (id) => nodes.get(id), () => [0, 1]); // => [0, 1]
 * ```
 */
export function scoreScale(
  id: string,
  node: (id: string) => ScaleNode | undefined,
  range: (id: string) => readonly [number, number] | undefined,
): [number, number] | undefined {
  const n = node(id);
  if (!n) return undefined;
  let lo: number;
  let hi: number;
  if (n.indicator) {
    const points = n.rules?.steps?.points;
    const r = points ? [Math.min(...points), Math.max(...points)] : range(id);
    if (!r) return undefined;
    [lo, hi] = [r[0]!, r[1]!];
  } else {
    const method = typeof n.aggregate === "string" ? n.aggregate : n.aggregate.method;
    if (method === "mazziotta-pareto" || n.children.length === 0) return undefined;
    lo = Number.POSITIVE_INFINITY;
    hi = Number.NEGATIVE_INFINITY;
    for (const c of n.children) {
      const s = scoreScale(c, node, range);
      if (!s) return undefined;
      lo = Math.min(lo, s[0]);
      hi = Math.max(hi, s[1]);
    }
  }
  const r = n.rules;
  if (r) {
    if ((r.bonus?.length ?? 0) > 0) hi += r.bonusCap ?? Number.POSITIVE_INFINITY;
    if ((r.penalty?.length ?? 0) > 0)
      lo = Math.max(lo - (r.penaltyCap ?? Number.POSITIVE_INFINITY), r.floor ?? 0);
    if (r.capTotal !== undefined) hi = Math.min(hi, r.capTotal);
    if ((r.veto ?? []).some((v) => v.effect === "zero-score")) lo = Math.min(lo, 0);
  }
  return [lo, hi];
}
