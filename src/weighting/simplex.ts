/**
 * A small dense two-phase simplex (Bland's rule, so it cannot cycle) for the linear programmes of the best-worst
 * method: min c·x subject to A_ub x <= b_ub, A_eq x = b_eq, x >= 0. Exact up to rounding for the handful of
 * variables BWM has (n + 1); not meant for large problems.
 * @internal
 * @module
 */

/** Outcome of {@link simplex}. @internal */
export interface LpResult {
  status: "optimal" | "infeasible" | "unbounded";
  /** The solution (zeros unless optimal). */
  x: number[];
  /** c·x at the solution. */
  value: number;
}

const EPS = 1e-11;

/** Solves min c·x s.t. A_ub x <= b_ub, A_eq x = b_eq, x >= 0. @internal */
export function simplex(
  c: readonly number[],
  aub: readonly (readonly number[])[],
  bub: readonly number[],
  aeq: readonly (readonly number[])[],
  beq: readonly number[],
): LpResult {
  const nv = c.length;
  const m1 = aub.length;
  const rows = m1 + aeq.length;
  // Columns: variables, one slack per <= row, one artificial per row (used only where the slack cannot start).
  const ns = nv + m1;
  const cols = ns + rows;
  const T: Float64Array[] = [];
  const basis: number[] = [];
  const add = (coef: readonly number[], b: number, slack: number) => {
    const r = new Float64Array(cols + 1);
    const sign = b < 0 ? -1 : 1;
    for (let j = 0; j < nv; j++) r[j] = sign * coef[j]!;
    if (slack >= 0) r[nv + slack] = sign;
    r[cols] = sign * b;
    const i = T.length;
    if (slack >= 0 && sign > 0) basis.push(nv + slack);
    else {
      r[ns + i] = 1;
      basis.push(ns + i);
    }
    T.push(r);
  };
  for (let i = 0; i < aub.length; i++) add(aub[i]!, bub[i]!, i);
  for (let i = 0; i < aeq.length; i++) add(aeq[i]!, beq[i]!, -1);
  const artificial = (j: number) => j >= ns;
  // Phase 1: minimize the sum of the artificials in the basis.
  const cost1 = new Float64Array(cols);
  for (const j of basis) if (artificial(j)) cost1[j] = 1;
  if (!run(T, basis, cost1, cols, () => true)) return none("unbounded", nv);
  let infeas = 0;
  for (let i = 0; i < rows; i++) if (artificial(basis[i]!)) infeas += T[i]![cols]!;
  if (infeas > 1e-9) return none("infeasible", nv);
  // Drive zero-level artificials out of the basis where a real column can take their place.
  for (let i = 0; i < rows; i++) {
    if (!artificial(basis[i]!)) continue;
    const row = T[i]!;
    let k = -1;
    for (let j = 0; j < ns; j++) if (Math.abs(row[j]!) > EPS) k = k < 0 ? j : k;
    if (k >= 0) pivot(T, basis, i, k, cols);
  }
  // Phase 2 on the real columns.
  const cost2 = new Float64Array(cols);
  for (let j = 0; j < nv; j++) cost2[j] = c[j]!;
  if (!run(T, basis, cost2, cols, (j) => !artificial(j))) return none("unbounded", nv);
  const x = new Array<number>(nv).fill(0);
  for (let i = 0; i < rows; i++) if (basis[i]! < nv) x[basis[i]!] = T[i]![cols]!;
  let value = 0;
  for (let j = 0; j < nv; j++) value += c[j]! * x[j]!;
  return { status: "optimal", x, value };
}

function none(status: "infeasible" | "unbounded", nv: number): LpResult {
  return { status, x: new Array<number>(nv).fill(0), value: Number.NaN };
}

/** Simplex iterations for objective `cost` over the allowed columns; false if unbounded. */
function run(
  T: Float64Array[],
  basis: number[],
  cost: Float64Array,
  cols: number,
  allowed: (j: number) => boolean,
): boolean {
  for (let iter = 0; iter < 10000; iter++) {
    // Reduced costs d_j = c_j - c_B B^-1 a_j, from the tableau.
    let enter = -1;
    for (let j = 0; j < cols && enter < 0; j++) {
      if (!allowed(j) || basis.includes(j)) continue;
      let d = cost[j]!;
      for (let i = 0; i < T.length; i++) d -= cost[basis[i]!]! * T[i]![j]!;
      if (d < -EPS) enter = j; // Bland: the first improving column
    }
    if (enter < 0) return true;
    let leave = -1;
    let best = Number.POSITIVE_INFINITY;
    for (let i = 0; i < T.length; i++) {
      const a = T[i]![enter]!;
      if (a > EPS) {
        const ratio = T[i]![cols]! / a;
        if (ratio < best - EPS || (Math.abs(ratio - best) <= EPS && basis[i]! < basis[leave]!)) {
          best = ratio;
          leave = i;
        }
      }
    }
    if (leave < 0) return false;
    pivot(T, basis, leave, enter, cols);
  }
  return true;
}

function pivot(T: Float64Array[], basis: number[], r: number, k: number, cols: number): void {
  const row = T[r]!;
  const p = row[k]!;
  for (let j = 0; j <= cols; j++) row[j] = row[j]! / p;
  for (let i = 0; i < T.length; i++) {
    if (i === r) continue;
    const other = T[i]!;
    const f = other[k]!;
    if (f === 0) continue;
    for (let j = 0; j <= cols; j++) other[j] = other[j]! - f * row[j]!;
  }
  basis[r] = k;
}
