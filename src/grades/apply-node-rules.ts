import { type Condition, conditionHolds, parseCondition } from "../indicators/condition.js";
import type { NodeRules, PointsRule, VetoRule } from "../indicators/schema.js";
import { fail } from "../internal/errors.js";

/** One thing an assessment rule did to one unit at one node. */
export interface RuleEffect {
  /** The node the rule sits on. */
  node: string;
  /** `steps` (an indicator's step score), `bonus`, `penalty`, `cap` (a bonus or penalty cap, or a limit of the total, cut points off), `veto`. */
  kind: "steps" | "bonus" | "penalty" | "cap" | "veto";
  /** Id of the item or veto (`bonusCap`, `penaltyCap`, `capTotal`, `floor` for caps). */
  id: string;
  /** Points added to the node's score (negative: taken off); the points given for `steps`; 0 for a veto that forces a grade. */
  points: number;
  /** What happened, in words: `innovations = 2 x 1`, `accidents >= 1 (accidents = 2)`. */
  detail: string;
}

/** What {@link applyNodeRules} did at one node. */
export interface NodeRulesOutcome {
  /** The node's score before the rules. */
  base: Float64Array;
  /** The score after bonus, penalty, limits and a zero-score veto. */
  score: Float64Array;
  /** Summed (capped) bonus per unit. */
  bonus: Float64Array;
  /** Summed (capped) penalty per unit. */
  penalty: Float64Array;
  /** The vetoes that hold for each unit, in rule order (empty: none). */
  vetoes: VetoRule[][];
  /** Every effect per unit, in the order the rules ran. */
  effects: RuleEffect[][];
}

/**
 * Applies a node's assessment rules (考核, DOMAIN C4.3) to its scores, in order: bonus items summed
 * and capped (`bonusCap`), penalty items summed and capped (`penaltyCap`), total = score + bonus -
 * penalty limited to [`floor` (default 0), `capTotal`], then the vetoes: a `zero-score` veto sets
 * the score to 0; the others leave it and are returned for grading. An item counts a column
 * (`per` x value, a missing value counting 0) or gives `points` when its condition holds, each
 * capped by its own `cap`. A missing score stays missing (its vetoes are still recorded); a
 * condition on a missing value does not hold.
 *
 * @param node - Id of the node (for the effects).
 * @param scores - The node's scores, one per unit (not modified).
 * @param rules - The node's rules.
 * @param column - The values of an indicator or input column by name, aligned with `scores`.
 * @throws IndicatrixError `invalid_condition` (a condition that does not parse), `invalid_rule`.
 * @example
 * ```ts
 * const out = applyNodeRules("root", Float64Array.of(77.8), {
 *   bonus: [{ id: "city", from: "city_awards", per: 1 }, { id: "prov", from: "prov_awards", per: 2 }],
 *   bonusCap: 5,
 *   penalty: [{ id: "late", from: "late", per: 3 }],
 * }, (name) => Float64Array.of(({ city_awards: 2, prov_awards: 2, late: 1 } as Record<string, number>)[name]!));
 * out.score[0]; // => 79.8   (77.8 + min(6, 5) - 3)
 * ```
 */
export function applyNodeRules(
  node: string,
  scores: ArrayLike<number>,
  rules: NodeRules,
  column: (name: string) => ArrayLike<number>,
): NodeRulesOutcome {
  const m = scores.length;
  const base = Float64Array.from(scores);
  const score = Float64Array.from(scores);
  const bonus = new Float64Array(m);
  const penalty = new Float64Array(m);
  const effects: RuleEffect[][] = Array.from({ length: m }, () => []);
  const vetoes: VetoRule[][] = Array.from({ length: m }, () => []);
  const hasPoints = (rules.bonus?.length ?? 0) + (rules.penalty?.length ?? 0) > 0;
  for (const kind of ["bonus", "penalty"] as const) {
    const items = rules[kind] ?? [];
    const cap = kind === "bonus" ? rules.bonusCap : rules.penaltyCap;
    const total = kind === "bonus" ? bonus : penalty;
    const sign = kind === "bonus" ? 1 : -1;
    const compiled = items.map((item) => compileItem(item));
    for (let i = 0; i < m; i++) {
      let sum = 0;
      for (const c of compiled) {
        const got = c.points(i);
        if (got.points === 0) continue;
        sum += got.points;
        effects[i]!.push({ node, kind, id: c.item.id, points: sign * got.points, detail: got.detail });
      }
      if (cap !== undefined && sum > cap) {
        effects[i]!.push({
          node,
          kind: "cap",
          id: `${kind}Cap`,
          points: -sign * (sum - cap),
          detail: `${kind} capped at ${cap}`,
        });
        sum = cap;
      }
      total[i] = sum;
    }
    function compileItem(item: PointsRule) {
      const itemCap = item.cap ?? Number.POSITIVE_INFINITY;
      if (item.from !== undefined) {
        const values = column(item.from);
        const per = item.per ?? 1;
        return {
          item,
          points: (i: number) => {
            const v = values[i] as number;
            if (Number.isNaN(v) || v === 0) return { points: 0, detail: "" };
            const p = Math.min(per * v, itemCap);
            return {
              points: p,
              detail: `${item.from} = ${v} x ${per}${p < per * v ? `, capped at ${itemCap}` : ""}`,
            };
          },
        };
      }
      if (item.when === undefined || item.points === undefined)
        fail("invalid_rule", [node, kind, item.id], `item "${item.id}" needs "from", or "when" and "points"`);
      const cond = parseCondition(item.when);
      const values = column(cond.name);
      const p = Math.min(item.points, itemCap);
      return {
        item,
        points: (i: number) =>
          conditionHolds(cond, values[i] as number)
            ? { points: p, detail: `${cond.source} (${cond.name} = ${values[i]})` }
            : { points: 0, detail: "" },
      };
    }
  }
  const floor = rules.floor ?? (hasPoints ? 0 : Number.NEGATIVE_INFINITY);
  const ceiling = rules.capTotal ?? Number.POSITIVE_INFINITY;
  for (let i = 0; i < m; i++) {
    if (Number.isNaN(base[i]!)) continue;
    const raw = base[i]! + bonus[i]! - penalty[i]!;
    const limited = Math.min(Math.max(raw, floor), ceiling);
    if (limited !== raw)
      effects[i]!.push({
        node,
        kind: "cap",
        id: limited > raw ? "floor" : "capTotal",
        points: limited - raw,
        detail: limited > raw ? `total raised to the floor ${floor}` : `total capped at ${ceiling}`,
      });
    score[i] = limited;
  }
  const compiledVetoes: [VetoRule, Condition, ArrayLike<number>][] = (rules.veto ?? []).map((v) => {
    const c = parseCondition(v.when);
    return [v, c, column(c.name)];
  });
  for (let i = 0; i < m; i++)
    for (const [veto, cond, values] of compiledVetoes) {
      if (!conditionHolds(cond, values[i] as number)) continue;
      vetoes[i]!.push(veto);
      const effect = veto.effect ?? "lowest-grade";
      const before = score[i]!;
      if (effect === "zero-score" && !Number.isNaN(before)) score[i] = 0;
      effects[i]!.push({
        node,
        kind: "veto",
        id: veto.id,
        points: effect === "zero-score" && !Number.isNaN(before) ? -before : 0,
        detail: `${cond.source} (${cond.name} = ${values[i]}): ${effect}${effect === "grade-ceiling" ? ` ${veto.grade}` : ""}`,
      });
    }
  return { base, score, bonus, penalty, vetoes, effects };
}
