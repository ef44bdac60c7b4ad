import { fail } from "../internal/errors.js";
import { SAATY_VALUES } from "./ahp-defaults.js";
import { ahpCore, readPairwise, resolveAhpOptions } from "./pairwise.js";
import type { AhpRepairOptions } from "./repair.js";

/** One change of an {@link AhpRepairPlan}: set a_ij to `suggested` (and a_ji to its reciprocal). */
export interface AhpPlanChange {
  /** Row of the judgment (i < j). */
  i: number;
  /** Column of the judgment. */
  j: number;
  /** The judgment a_ij as given. */
  current: number;
  /** The value to use instead. */
  suggested: number;
}

/** Result of {@link ahpRepairPlan}. */
export interface AhpRepairPlan {
  /** The changes, in the order they were found; `[]` when the matrix is already consistent. */
  changes: AhpPlanChange[];
  /** CR of the matrix as given. */
  crBefore: number;
  /** CR with every change in place. */
  crAfter: number;
  /** True iff crAfter < threshold. */
  reaches: boolean;
  /**
   * How the set was found: `"exact"` (no smaller set of changes reaches the threshold: every single change and,
   * for order <= `exactOrder`, every pair of changes was tried), or `"greedy"` (the change that lowers CR most,
   * repeated; the count is an upper bound, a smaller set may exist).
   */
  search: "exact" | "greedy";
}

/** Options of {@link ahpRepairPlan}: those of `ahpRepairAdvice`, plus how far the exact search goes. */
export interface AhpRepairPlanOptions extends AhpRepairOptions {
  /** Largest order for which every pair of changes is tried (17^2 values for each pair of judgments). Default 4. */
  exactOrder?: number;
}

/**
 * The smallest set of judgment changes, each to a value of Saaty's scale, that brings the consistency ratio of a
 * pairwise comparison matrix under the threshold. It tries every single change first (the one nearest, in ratio,
 * to the expert's judgment wins); when none is enough and the order is at most `exactOrder` (4; 17^2 values for each of the 15 pairs of judgments), every pair of
 * changes (the pair with the least total change, sum of |log(new / old)|, wins): a set found so is minimal
 * (`search: "exact"`). Otherwise it goes greedily: apply the change that lowers CR most, repeat, and on the step
 * where a change reaches the threshold take the fixing change nearest the judgment (`search: "greedy"`; the count
 * is an upper bound). `reaches` is false when even changing every judgment this way does not get there.
 *
 * Use it after {@link ahpRepairAdvice} when its first entry has `fixes: false`: one change is not enough, and the
 * expert should be asked about these judgments together.
 *
 * @throws {IndicatrixError} every error of `ahp`; `invalid_option` for bad candidates or exactOrder.
 * @example
 * ```ts
 * // w = (8, 4, 2, 1) with a_01 = 9 (2 would agree) and a_03 = 1/9 (8 would agree)
 * const m = [[1, 9, 4, 1/9], [1/9, 1, 2, 4], [1/4, 1/2, 1, 2], [9, 1/4, 1/2, 1]];
 * ahpRepairAdvice(m)[0].fixes; // => false (the best single change leaves CR = 0.101)
 * const plan = ahpRepairPlan(m);
 * plan.changes.map((c) => [c.i, c.j, c.suggested]); // => [[0, 1, 5], [0, 3, 4]]
 * [plan.search, +plan.crAfter.toFixed(3)]; // => ["exact", 0.094]
 * ```
 */
export function ahpRepairPlan(
  matrix: readonly (readonly (number | null)[])[],
  opts: AhpRepairPlanOptions = {},
): AhpRepairPlan {
  const o = resolveAhpOptions(opts);
  const candidates = opts.candidates ?? SAATY_VALUES;
  if (!Array.isArray(candidates) || candidates.length === 0)
    fail("invalid_option", "opts.candidates", "expected a non-empty array of positive numbers");
  candidates.forEach((v, k) => {
    if (typeof v !== "number" || !Number.isFinite(v) || v <= 0)
      fail("invalid_option", `opts.candidates[${k}]`, `expected a positive finite number, got ${String(v)}`);
  });
  const exactOrder = opts.exactOrder ?? 4;
  if (typeof exactOrder !== "number" || !Number.isInteger(exactOrder) || exactOrder < 0)
    fail("invalid_option", "opts.exactOrder", `expected a non-negative integer, got ${String(exactOrder)}`);
  const p = readPairwise(matrix, o.tolerance, o.labels);
  const { n } = p;
  const base = ahpCore(p, o);
  const crBefore = base.cr;
  if (n <= 2 || crBefore < o.threshold)
    return { changes: [], crBefore, crAfter: crBefore, reaches: true, search: "exact" };
  const work = Float64Array.from(p.a);
  const crOf = (): number => ahpCore({ n, a: work, missingPairs: p.missingPairs }, o).cr;
  const set = (i: number, j: number, v: number): void => {
    work[i * n + j] = v;
    work[j * n + i] = 1 / v;
  };
  const pairs: [number, number][] = [];
  for (let i = 0; i < n; i++)
    for (let j = i + 1; j < n; j++) if (!Number.isNaN(p.a[i * n + j]!)) pairs.push([i, j]);
  const dist = (i: number, j: number, v: number): number => Math.abs(Math.log(v / p.a[i * n + j]!));
  const change = (i: number, j: number, v: number): AhpPlanChange => ({
    i,
    j,
    current: p.a[i * n + j]!,
    suggested: v,
  });

  // Every single change: the fixing one nearest the judgment.
  let single: { c: AhpPlanChange; cr: number; d: number } | undefined;
  for (const [i, j] of pairs) {
    for (const v of candidates) {
      set(i, j, v);
      const cr = crOf();
      const d = dist(i, j, v);
      if (cr < o.threshold && (single === undefined || d < single.d - 1e-12))
        single = { c: change(i, j, v), cr, d };
    }
    set(i, j, p.a[i * n + j]!);
  }
  if (single) return { changes: [single.c], crBefore, crAfter: single.cr, reaches: true, search: "exact" };

  // Every pair of changes, for a small matrix: the fixing pair with the least total change.
  if (n <= exactOrder) {
    let double: { cs: AhpPlanChange[]; cr: number; d: number } | undefined;
    for (let x = 0; x < pairs.length; x++) {
      const [i, j] = pairs[x]!;
      for (let y = x + 1; y < pairs.length; y++) {
        const [k, l] = pairs[y]!;
        for (const u of candidates) {
          set(i, j, u);
          for (const v of candidates) {
            set(k, l, v);
            const cr = crOf();
            if (cr >= o.threshold) continue;
            const d = dist(i, j, u) + dist(k, l, v);
            if (double === undefined || d < double.d - 1e-12)
              double = { cs: [change(i, j, u), change(k, l, v)], cr, d };
          }
          set(k, l, p.a[k * n + l]!);
        }
        set(i, j, p.a[i * n + j]!);
      }
    }
    if (double) return { changes: double.cs, crBefore, crAfter: double.cr, reaches: true, search: "exact" };
  }

  // Greedy: the change that lowers CR most, until one reaches the threshold.
  const changes: AhpPlanChange[] = [];
  const used = new Set<number>();
  let cr = crBefore;
  while (cr >= o.threshold && used.size < pairs.length) {
    let best: { x: number; v: number; cr: number } | undefined;
    let fix: { x: number; v: number; cr: number; d: number } | undefined;
    for (let x = 0; x < pairs.length; x++) {
      if (used.has(x)) continue;
      const [i, j] = pairs[x]!;
      const keep = work[i * n + j]!;
      for (const v of candidates) {
        set(i, j, v);
        const c = crOf();
        if (best === undefined || c < best.cr) best = { x, v, cr: c };
        const d = dist(i, j, v);
        if (c < o.threshold && (fix === undefined || d < fix.d - 1e-12)) fix = { x, v, cr: c, d };
      }
      set(i, j, keep);
    }
    const pick = fix ?? best;
    if (pick === undefined || !(pick.cr < cr - 1e-12)) break;
    const [i, j] = pairs[pick.x]!;
    set(i, j, pick.v);
    used.add(pick.x);
    changes.push(change(i, j, pick.v));
    cr = pick.cr;
  }
  return { changes, crBefore, crAfter: cr, reaches: cr < o.threshold, search: "greedy" };
}
