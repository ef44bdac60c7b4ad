import { ahp } from "../weighting/ahp.js";
import { judgmentsToMatrix } from "../weighting/judgments.js";
import { ahpRepairAdvice } from "../weighting/repair.js";
import type { AhpWeightSpec } from "./schema.js";

/**
 * Consistency of one set of judgments that already passed the structural checks, with the repair
 * advice for an inconsistent set. Used by `checkModel`. @internal
 */
export function ahpConsistency(
  ids: string[],
  judgments: [string, string, number][],
  spec: AhpWeightSpec,
): { cr: number; consistent: boolean; threshold: number; advice?: string } | undefined {
  const matrix = judgmentsToMatrix(ids, judgments);
  const opts = {
    method: spec.priority ?? "eigenvector",
    ri: spec.ri ?? "saaty",
    threshold: spec.threshold ?? 0.1,
  } as const;
  const result = ahp(matrix, opts);
  const out: { cr: number; consistent: boolean; threshold: number; advice?: string } = {
    cr: result.cr,
    consistent: result.consistent,
    threshold: opts.threshold,
  };
  if (!result.consistent) {
    const best = ahpRepairAdvice(matrix, opts)[0];
    if (best)
      out.advice = `changing ${ids[best.i]} over ${ids[best.j]} from ${fmt(best.current)} to ${fmt(best.suggested)} gives CR = ${best.crAfter.toFixed(3)}`;
  }
  return out;
}

function fmt(v: number): string {
  return v >= 1 ? String(Math.round(v * 100) / 100) : `1/${Math.round((1 / v) * 100) / 100}`;
}
