import type { AhpOptions } from "./ahp.js";
import { ahpRepairAdvice } from "./repair.js";

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
}

/**
 * The judgment of an inconsistent matrix to revisit first, named by the ids of its rows, for the messages of
 * `checkModel` and `specWeights`; undefined when no single change lowers CR.
 * @internal
 */
export function repairHint(
  matrix: readonly (readonly (number | null)[])[],
  ids: readonly string[],
  opts: AhpOptions,
): RepairHint | undefined {
  const best = ahpRepairAdvice(matrix, opts)[0];
  if (best === undefined) return undefined;
  return {
    judgment: `${ids[best.i]} over ${ids[best.j]}`,
    from: scaleValue(best.current),
    to: scaleValue(best.suggested),
    crAfter: best.crAfter.toFixed(3),
  };
}

/** A judgment as people write it on Saaty's scale: `3`, `2.5` or `1/3`. */
function scaleValue(v: number): string {
  return v >= 1 ? String(Math.round(v * 100) / 100) : `1/${Math.round((1 / v) * 100) / 100}`;
}
