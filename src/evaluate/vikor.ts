import { fail, type Issue } from "../internal/errors.js";
import type { MatrixInput } from "../internal/matrix-input.js";
import { rankAscending } from "../internal/rank.js";
import type { Direction } from "../internal/types.js";
import { readMcdm } from "./criteria-input.js";
import { minMax, requireUnits, toArray } from "./shared.js";

/** Options of {@link vikor}; every default is that of docs/methods.md (VIKOR). */
export interface VikorOptions {
  /**
   * Direction of each column (default all `benefit`): best f* = column maximum (minimum for `cost`),
   * worst f⁻ = the other end. Target and range columns are first turned into benefit columns in
   * [0, 1] by the moderate formulas (docs/methods.md), as in {@link topsis}.
   */
  directions?: readonly Direction[];
  /**
   * Weight of the group utility S against the individual regret R in Q (default 0.5, "by
   * consensus", Opricovic & Tzeng 2004); in [0, 1]. v > 0.5 leans to the majority, v < 0.5 to veto.
   */
  v?: number;
}

/** Result of {@link vikor}: one entry per unit (row) in `Q`, `S`, `R`, `ranks`. */
export interface VikorResult {
  /** Q = v (S - S*)/(S⁻ - S*) + (1 - v)(R - R*)/(R⁻ - R*), in [0, 1]; **lower is better**. */
  Q: number[];
  /** Group utility S = sum_j w_j (f*_j - x_ij)/(f*_j - f⁻_j); lower is better. */
  S: number[];
  /** Individual regret R = max_j w_j (f*_j - x_ij)/(f*_j - f⁻_j); lower is better. */
  R: number[];
  /** Rank by Q ascending: 1 = best (lowest Q), ties share the lowest rank ("min"). */
  ranks: number[];
  /** C1, acceptable advantage: Q(a'') - Q(a') >= DQ = 1/(m - 1), a' and a'' the first two by Q. */
  advantage: boolean;
  /** C2, acceptable stability: a' is also best (lowest, ties counting) by S or by R. */
  stability: boolean;
  /**
   * The compromise solution: unit indices (0-based), best Q first. Both conditions hold: [a'];
   * only C2 fails: [a', a'']; C1 fails: every unit with Q - Q(a') < DQ, in Q order.
   */
  compromise: number[];
  /** DQ = 1/(m - 1), the advantage threshold of C1. */
  dq: number;
  /** Best value f* of each column (after the moderate transform of target and range columns). */
  best: number[];
  /** Worst value f⁻ of each column. */
  worst: number[];
  /** The weights used, scaled to sum 1. */
  weights: number[];
  /** Every option that ran, defaults filled in (provenance). */
  options: {
    /** The weight of S in Q. */
    v: number;
    /** Direction of each column. */
    directions: Direction[];
  };
  /** Non-fatal findings: S or R the same for every unit (that term of Q set to 0). */
  warnings: Issue[];
}

/**
 * VIKOR (VIšekriterijumsko KOmpromisno Rangiranje, Opricovic 1998; Opricovic & Tzeng 2004): ranks
 * units by Q, a blend of the weighted sum of their normalized distances to the best value of each
 * column (group utility S) and the largest such distance (individual regret R), and names the
 * compromise solution by the acceptable-advantage (C1) and acceptable-stability (C2) conditions.
 * Use it when a compromise close to the ideal is wanted and a unit very weak on one criterion
 * should be penalized (R); use {@link topsis} for distances to both ideal points. Q is relative to
 * the units compared: adding a unit can change every Q.
 *
 * A column with the same value for every unit has f* = f⁻ and no defined distance: it is refused
 * (`no_spread`) unless its weight is 0. When every unit has the same S (or R), that term of Q is 0.
 *
 * Reference: Opricovic, S. & Tzeng, G.-H. (2004) Compromise solution by MCDM methods: a
 * comparative analysis of VIKOR and TOPSIS. European Journal of Operational Research 156(2):445-455.
 *
 * @param matrix rows = units, columns = criteria: `number[][]` or `{ columns: Float64Array[] }` (see {@link MatrixInput}).
 * @param weights one non-negative weight per column; scaled to sum 1.
 * @throws IndicatrixError `invalid_matrix`, `too_few_units` (fewer than 2 rows), `invalid_weights`,
 *   `invalid_direction`, `invalid_option` (v outside [0, 1]), `no_spread` (a constant column with a
 *   positive weight).
 * @example
 * ```ts
 * // DOMAIN C9 example: c1 is a cost, c2-c4 benefits
 * const x = [[250, 16, 12, 5], [200, 16, 8, 3], [300, 32, 16, 4], [275, 32, 8, 4], [225, 16, 16, 2]];
 * const r = vikor(x, [0.35, 0.2, 0.3, 0.15], { directions: ["cost", "benefit", "benefit", "benefit"] });
 * r.ranks; // => [2, 4, 3, 5, 1]
 * r.compromise; // => [4, 0]
 * ```
 */
export function vikor(matrix: MatrixInput, weights: readonly number[], opts: VikorOptions = {}): VikorResult {
  const x = readMcdm(matrix, weights, opts.directions);
  const { m, n, cols, w, cost } = x;
  const v = opts.v ?? 0.5;
  if (typeof v !== "number" || !(v >= 0 && v <= 1))
    fail("invalid_option", "opts.v", `expected a number in [0, 1], got ${String(v)}`);
  requireUnits(m, 2, "matrix", "VIKOR");

  const best = new Array<number>(n);
  const worst = new Array<number>(n);
  const S = new Float64Array(m);
  const R = new Float64Array(m);
  for (let j = 0; j < n; j++) {
    const col = cols[j]!;
    const [lo, hi] = minMax(col);
    const fs = cost[j] ? lo : hi;
    const fm = cost[j] ? hi : lo;
    best[j] = fs;
    worst[j] = fm;
    const wj = w[j]!;
    if (wj === 0) continue;
    if (fs === fm)
      fail(
        "no_spread",
        ["matrix", j],
        `column ${j} has the same value (${fs}) for every unit: VIKOR's distance (f* - x)/(f* - f⁻) is undefined; drop the column or give it weight 0`,
        `matrix column ${j}`,
      );
    const k = wj / (fs - fm);
    for (let i = 0; i < m; i++) {
      const t = k * (fs - col[i]!);
      S[i] = S[i]! + t;
      if (t > R[i]!) R[i] = t;
    }
  }

  const warnings: Issue[] = [];
  const [sLo, sHi] = minMax(S);
  const termS = { lo: sLo, hi: sHi };
  const [rLo, rHi] = minMax(R);
  const termR = { lo: rLo, hi: rHi };
  for (const [name, t] of [
    ["S", termS],
    ["R", termR],
  ] as const)
    if (t.hi === t.lo)
      warnings.push({
        code: "no_spread",
        severity: "warning",
        path: ["matrix"],
        where: "matrix",
        message: `every unit has the same ${name} (${t.lo}): its term of Q is set to 0`,
      });
  const Q = new Float64Array(m);
  for (let i = 0; i < m; i++) {
    const qs = termS.hi > termS.lo ? (S[i]! - termS.lo) / (termS.hi - termS.lo) : 0;
    const qr = termR.hi > termR.lo ? (R[i]! - termR.lo) / (termR.hi - termR.lo) : 0;
    Q[i] = v * qs + (1 - v) * qr;
  }

  // The first two by Q (ties by position), then the conditions; only the units within DQ of the
  // best are sorted (the compromise set when C1 fails).
  let a1 = 0;
  for (let i = 1; i < m; i++) if (Q[i]! < Q[a1]!) a1 = i;
  let a2 = a1 === 0 ? 1 : 0;
  for (let i = 0; i < m; i++) if (i !== a1 && Q[i]! < Q[a2]!) a2 = i;
  const dq = 1 / (m - 1);
  const advantage = Q[a2]! - Q[a1]! >= dq;
  const stability = S[a1] === termS.lo || R[a1] === termR.lo;
  let compromise: number[];
  if (advantage) compromise = stability ? [a1] : [a1, a2];
  else {
    compromise = [];
    for (let i = 0; i < m; i++) if (Q[i]! - Q[a1]! < dq) compromise.push(i);
    compromise.sort((a, b) => Q[a]! - Q[b]! || a - b);
  }

  return {
    Q: toArray(Q),
    S: toArray(S),
    R: toArray(R),
    ranks: toArray(rankAscending(Q)),
    advantage,
    stability,
    compromise,
    dq,
    best,
    worst,
    weights: toArray(w),
    options: { v, directions: x.directions },
    warnings,
  };
}
