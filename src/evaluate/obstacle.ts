import { fail } from "../internal/errors.js";
import { type MatrixInput, readMatrix } from "../internal/matrix-input.js";
import { normalizedWeights } from "./shared.js";

/** Options of {@link obstacleDegree}. */
export interface ObstacleOptions {
  /**
   * Criteria (or any groups of indicators): name -> column indices. Each group's obstacle degree per
   * unit is the sum of its indicators' degrees. An indicator may be in at most one group.
   */
  groups?: Readonly<Record<string, readonly number[]>>;
  /** How many of each unit's largest obstacles to list (default 3); indicators with 0 are left out. */
  top?: number;
}

/** One entry of a unit's top-obstacle list. */
export interface ObstacleEntry {
  /** Column index of the indicator. */
  index: number;
  /** Its obstacle degree, in percent. */
  degree: number;
}

/** Result of {@link obstacleDegree}: one entry per unit (row) in each array. */
export interface ObstacleResult {
  /** Obstacle degree O_ij in percent, m x n (rows = units); each row sums to 100 (or is all 0). */
  degrees: number[][];
  /** Deviation I_ij = 1 - z_ij, m x n. */
  deviations: number[][];
  /** Per group name, the summed obstacle degree of each unit (percent). */
  groups: Record<string, number[]>;
  /** Each unit's largest obstacles, largest first (ties: lower column index first). */
  top: ObstacleEntry[][];
  /** `true` for a unit with no deviation at all (every z = 1, or only zero-weight gaps): its degrees are all 0. */
  atIdeal: boolean[];
}

/**
 * Obstacle-degree model (障碍度模型): the share of each indicator in the gap between a unit and the
 * ideal, O_ij = F_j (1 - z_ij) / sum_j F_j (1 - z_ij) x 100%, with F_j the indicator's global weight
 * (factor contribution) and z its normalized value (higher is better, in [0, 1]). Use it after scoring
 * to say which indicators hold a unit back; use per-indicator contributions of the score to say what
 * lifts it. A unit with no gap at all (every z = 1) has no obstacles: its degrees are zeros and it is
 * flagged in `atIdeal`, never NaN.
 *
 * Reference: the obstacle degree model (障碍度模型) as used in Chinese resilience and urban studies; no
 * primary paper is cited (docs/methods.md, obstacle degree, source [S26]).
 *
 * @param z normalized matrix, rows = units, values in [0, 1], higher is better.
 * @param weights global leaf weights F (one per column, non-negative; scaled to sum 1, which does not
 *   change the degrees).
 * @throws IndicatrixError `invalid_matrix`, `value_out_of_range` (a z outside [0, 1]), `invalid_weights`,
 *   `invalid_option` (bad `top`, a group index out of range or in two groups).
 * @example
 * ```ts
 * obstacleDegree([[0.5, 1, 0]], [0.5, 0.25, 0.25]).degrees[0];
 * // => [50, 0, 50]
 * ```
 */
export function obstacleDegree(
  z: MatrixInput,
  weights: readonly number[],
  opts: ObstacleOptions = {},
): ObstacleResult {
  const { m, n, cols } = readMatrix(z, "z");
  const f = normalizedWeights(weights, n, "weights");
  const top = opts.top ?? 3;
  if (!Number.isInteger(top) || top < 0)
    fail("invalid_option", "opts.top", `expected a non-negative integer, got ${top}`);
  for (let j = 0; j < n; j++) {
    const col = cols[j]!;
    for (let i = 0; i < m; i++) {
      const v = col[i]!;
      if (v < 0 || v > 1)
        fail(
          "value_out_of_range",
          `z[${i}][${j}]`,
          `row ${i}, column ${j}: z must be normalized into [0, 1], got ${v}`,
        );
    }
  }
  const groupEntries = Object.entries(opts.groups ?? {});
  const owner = new Map<number, string>();
  for (const [name, idx] of groupEntries) {
    if (!Array.isArray(idx))
      fail("invalid_option", `opts.groups.${name}`, "expected an array of column indices");
    idx.forEach((j, k) => {
      if (!Number.isInteger(j) || j < 0 || j >= n)
        fail("invalid_option", `opts.groups.${name}[${k}]`, `column index ${j} is outside 0..${n - 1}`);
      const prev = owner.get(j);
      if (prev !== undefined)
        fail("invalid_option", `opts.groups.${name}[${k}]`, `column ${j} is already in group ${prev}`);
      owner.set(j, name);
    });
  }

  const degrees: number[][] = [];
  const deviations: number[][] = [];
  const topLists: ObstacleEntry[][] = [];
  const atIdeal: boolean[] = [];
  const groups: Record<string, number[]> = {};
  for (const [name] of groupEntries) groups[name] = [];
  for (let i = 0; i < m; i++) {
    const dev = new Array<number>(n);
    const deg = new Array<number>(n);
    let total = 0;
    for (let j = 0; j < n; j++) {
      const d = 1 - cols[j]![i]!;
      dev[j] = d;
      total += f[j]! * d;
    }
    const ideal = !(total > 0);
    for (let j = 0; j < n; j++) deg[j] = ideal ? 0 : (100 * f[j]! * dev[j]!) / total;
    degrees.push(deg);
    deviations.push(dev);
    atIdeal.push(ideal);
    for (const [name, idx] of groupEntries) {
      let s = 0;
      for (const j of idx) s += deg[j]!;
      groups[name]!.push(s);
    }
    const order = deg
      .map((degree, index) => ({ index, degree }))
      .filter((e) => e.degree > 0)
      .sort((a, b) => b.degree - a.degree || a.index - b.index);
    topLists.push(order.slice(0, top));
  }
  return { degrees, deviations, groups, top: topLists, atIdeal };
}
