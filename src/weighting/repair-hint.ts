import type { AhpOptions } from "./ahp.js";
import { ahpRepairAdvice } from "./repair.js";
import { ahpRepairPlan } from "./repair-plan.js";

/** The first suggestion of `ahpRepairAdvice`, in words. @internal */
export interface RepairHint {
  /** The judgment to revisit: `a over b`. */
  judgment: string;
  /** Its value as given, on Saaty's scale: `3` or `1/3`. */
  from: string;
  /** The value that repairs the matrix (or lowers CR most). */
  to: string;
  /** CR after the change, to 3 decimals. */
  crAfter: string;
  /** True when this one change brings CR under the threshold. */
  fixes: boolean;
  /**
   * When it does not: the smallest set of changes found that does (`ahpRepairPlan`), how it was searched, and
   * the CR they reach; undefined when no set of changes found reaches the threshold.
   */
  plan?: {
    changes: { judgment: string; from: string; to: string }[];
    crAfter: string;
    search: "exact" | "greedy";
  };
}

/**
 * The judgment of an inconsistent matrix to revisit first, named by the ids of its rows, for the messages of
 * `checkModel` and `specWeights`; undefined when no single change lowers CR. When that change alone leaves CR at
 * or above the threshold, `plan` gives the smallest set of changes that reaches it.
 * @internal
 */
export function repairHint(
  matrix: readonly (readonly (number | null)[])[],
  ids: readonly string[],
  opts: AhpOptions,
): RepairHint | undefined {
  const best = ahpRepairAdvice(matrix, opts)[0];
  if (best === undefined) return undefined;
  const hint: RepairHint = {
    judgment: `${ids[best.i]} over ${ids[best.j]}`,
    from: scaleValue(best.current),
    to: scaleValue(best.suggested),
    crAfter: best.crAfter.toFixed(3),
    fixes: best.fixes,
  };
  if (!best.fixes) {
    const plan = ahpRepairPlan(matrix, opts);
    if (plan.reaches && plan.changes.length > 0)
      hint.plan = {
        changes: plan.changes.map((c) => ({
          judgment: `${ids[c.i]} over ${ids[c.j]}`,
          from: scaleValue(c.current),
          to: scaleValue(c.suggested),
        })),
        crAfter: plan.crAfter.toFixed(3),
        search: plan.search,
      };
  }
  return hint;
}

/**
 * The hint in words: `change a over b from 3 to 1/2 (CR 0.081)`, and when that is not enough, `, which leaves CR
 * at or above 0.1; the smallest set of changes that reaches it (exact search): change ... and ... (CR 0.094)`.
 * @internal
 */
export function repairText(hint: RepairHint, threshold: number): string {
  const one = `change ${hint.judgment} from ${hint.from} to ${hint.to} (CR ${hint.crAfter})`;
  if (hint.fixes) return one;
  const not = `${one}, which alone leaves CR at or above ${threshold}`;
  if (!hint.plan) return `${not}; no set of changes on Saaty's scale found reaches it`;
  const list = hint.plan.changes.map((c) => `${c.judgment} from ${c.from} to ${c.to}`).join(" and ");
  const how =
    hint.plan.search === "exact"
      ? "the smallest set of changes that reaches it"
      : "a set of changes that reaches it";
  const search = hint.plan.search === "exact" ? "exact search" : "greedy search, a smaller set may exist";
  return `${not}; ${how} (${search}): change ${list} (CR ${hint.plan.crAfter})`;
}

/** A judgment as people write it on Saaty's scale: `3`, `2.5` or `1/3`. */
function scaleValue(v: number): string {
  return v >= 1 ? String(Math.round(v * 100) / 100) : `1/${Math.round((1 / v) * 100) / 100}`;
}
