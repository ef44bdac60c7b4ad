import { fail } from "../internal/errors.js";
import type { AhpOptions } from "./ahp.js";
import { SAATY_VALUES } from "./ahp-defaults.js";
import { ahpCore, readPairwise, resolveAhpOptions } from "./pairwise.js";

/** Options of {@link ahpRepairAdvice}: the {@link AhpOptions} of the matrix, plus the search settings. */
export interface AhpRepairOptions extends AhpOptions {
  /** Candidate values for a judgment. Default: Saaty's scale 1/9, 1/8, ..., 1/2, 1, 2, ..., 9. */
  candidates?: readonly number[];
  /** Return at most this many suggestions. Default: all that lower CR. */
  limit?: number;
}

/** One repair suggestion of {@link ahpRepairAdvice}: change a_ij (and a_ji = 1/a_ij). */
export interface AhpRepair {
  /** Row of the judgment (i < j). */
  i: number;
  /** Column of the judgment. */
  j: number;
  /** The judgment a_ij as given. */
  current: number;
  /** The value to use instead (a_ji becomes its reciprocal). */
  suggested: number;
  /** The value w_i / w_j that the current priorities imply (what a perfectly consistent judge would say). */
  implied: number;
  /** CR of the matrix as given. */
  crBefore: number;
  /** CR after the change. */
  crAfter: number;
  /** The candidate with the lowest CR for this judgment (often further from the expert's answer than `suggested`). */
  best: number;
  /** CR with `best` in place: how far changing this judgment alone can lower CR. Suggestions are sorted by it. */
  crBest: number;
  /** True iff crAfter < threshold. */
  fixes: boolean;
}

/**
 * Names the judgments whose change lowers the consistency ratio most, each with a scale value that repairs it:
 * for every judged pair (i < j) it tries each candidate value (Saaty's scale by default) in place of a_ij (with
 * a_ji = 1/value) and recomputes CR. Pairs are ranked by the lowest CR their change can reach (`crBest`, reached
 * with `best`), so the first entry is the judgment that contributes most to the inconsistency. The `suggested`
 * value is the candidate nearest (in ratio) to the current judgment that brings CR under the threshold (the
 * smallest change that repairs the matrix), or `best` if none does. Only pairs whose change lowers CR are listed.
 *
 * Use it to go back to an expert with a concrete question ("you said S is 3 times P; would 1/2 be fair?") rather
 * than to overwrite judgments silently. `implied` (w_i / w_j) is the judgment that agrees with the others.
 * Returns `[]` when the matrix is already consistent or has order <= 2.
 *
 * @throws {IndicatrixError} every error of {@link ahp}; `invalid_option` for bad candidates or limit.
 * @example
 * ```ts
 * // consistent with w = (8, 4, 2, 1)/15, except a_03 = 1/8 where 8 was meant
 * const m = [[1, 2, 4, 1/8], [1/2, 1, 2, 4], [1/4, 1/2, 1, 2], [8, 1/4, 1/2, 1]];
 * const [first] = ahpRepairAdvice(m);
 * [first.i, first.j, first.best, first.suggested, first.fixes]; // => [0, 3, 8, 2, true]
 * ```
 */
export function ahpRepairAdvice(
  matrix: readonly (readonly (number | null)[])[],
  opts: AhpRepairOptions = {},
): AhpRepair[] {
  const o = resolveAhpOptions(opts);
  const candidates = opts.candidates ?? SAATY_VALUES;
  if (!Array.isArray(candidates) || candidates.length === 0)
    fail("invalid_option", "opts.candidates", "expected a non-empty array of positive numbers");
  candidates.forEach((v, k) => {
    if (typeof v !== "number" || !Number.isFinite(v) || v <= 0)
      fail("invalid_option", `opts.candidates[${k}]`, `expected a positive finite number, got ${String(v)}`);
  });
  const limit = opts.limit ?? Number.POSITIVE_INFINITY;
  if (typeof limit !== "number" || !(limit >= 0))
    fail("invalid_option", "opts.limit", `expected a non-negative number, got ${String(limit)}`);
  const p = readPairwise(matrix, o.tolerance, o.labels);
  const { n } = p;
  if (n <= 2) return [];
  const base = ahpCore(p, o);
  if (base.cr < o.threshold) return [];
  const crBefore = base.cr;
  const work = Float64Array.from(p.a);
  const out: AhpRepair[] = [];
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const current = p.a[i * n + j]!;
      if (Number.isNaN(current)) continue;
      const before = p.a[j * n + i]!;
      let best: { v: number; cr: number } | undefined;
      let nearestFix: { v: number; cr: number; dist: number } | undefined;
      for (const v of candidates) {
        work[i * n + j] = v;
        work[j * n + i] = 1 / v;
        const cr = ahpCore({ n, a: work, missingPairs: p.missingPairs }, o).cr;
        if (best === undefined || cr < best.cr) best = { v, cr };
        if (cr < o.threshold) {
          const dist = Math.abs(Math.log(v / current));
          if (nearestFix === undefined || dist < nearestFix.dist - 1e-12) nearestFix = { v, cr, dist };
        }
      }
      work[i * n + j] = current;
      work[j * n + i] = before;
      if (best === undefined) continue;
      const pick = nearestFix ?? best;
      if (!(pick.cr < crBefore - 1e-12)) continue;
      out.push({
        i,
        j,
        current,
        suggested: pick.v,
        implied: base.w[i]! / base.w[j]!,
        crBefore,
        crAfter: pick.cr,
        best: best.v,
        crBest: best.cr,
        fixes: pick.cr < o.threshold,
      });
    }
  }
  out.sort((x, y) => x.crBest - y.crBest || x.crAfter - y.crAfter || x.i - y.i || x.j - y.j);
  return out.slice(0, limit);
}
