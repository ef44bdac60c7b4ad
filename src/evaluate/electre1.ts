import { fail, type Issue } from "../internal/errors.js";
import { MAX_OUTRANKING_UNITS } from "../internal/limits.js";
import type { MatrixInput } from "../internal/matrix-input.js";
import { rankDescending } from "../internal/rank.js";
import type { Direction } from "../internal/types.js";
import { decisionInput, minMax, numberOption } from "./mcdm-input.js";
import { toArray } from "./shared.js";

/** Options of {@link electre1}. */
export interface Electre1Options {
  /**
   * Direction of each column (default all `benefit`). Cost columns are negated; target and range
   * columns are first turned into benefit columns in [0, 1] by the moderate formulas (docs/methods.md).
   */
  directions?: readonly Direction[];
  /** Concordance threshold c-hat in [0, 1]: a outranks b only if C(a, b) >= c-hat (default 0.75, as pyDecision). */
  concordance?: number;
  /** Discordance threshold d-hat in [0, 1]: a outranks b only if D(a, b) <= d-hat (default 0.5, as pyDecision). */
  discordance?: number;
  /**
   * The scale of the discordance: `global` (default; differences divided by the largest column range,
   * Roy's common scale and pyDecision's `electre_i`) or `criterion` (each difference divided by its
   * own column's range, which makes columns of different units comparable).
   */
  scale?: "global" | "criterion";
}

/** Result of {@link electre1}: m x m matrices (row a, column b) and per-unit summaries. */
export interface Electre1Result {
  /** Concordance C(a, b): the weight of the columns where a is at least as good as b (diagonal 0). */
  concordance: number[][];
  /** Discordance D(a, b): the largest scaled amount by which b beats a on a column (diagonal 0). */
  discordance: number[][];
  /** Outranking graph: `outranks[a][b]` when C(a, b) >= c-hat and D(a, b) <= d-hat (a != b). */
  outranks: boolean[][];
  /** The kernel: unit indices (ascending) that no kernel unit outranks and that outrank every unit outside it. */
  kernel: number[];
  /** Whether the graph had cycles (units that outrank each other, directly or through others); each cycle is merged into one node for the kernel. */
  cycles: boolean;
  /** Net outranking (units a outranks minus units outranking a): a summary for ranking, not part of ELECTRE I. */
  scores: number[];
  /** Rank by net outranking: 1 = best, ties share the lowest rank. */
  ranks: number[];
  /** The weights used, scaled to sum 1. */
  weights: number[];
  /** Every option that ran (provenance). */
  options: {
    concordance: number;
    discordance: number;
    scale: "global" | "criterion";
    directions: Direction[];
  };
  /** Non-fatal findings: cycles in the outranking graph, all columns constant. */
  warnings: Issue[];
}

/**
 * ELECTRE I (Roy 1968): the outranking relation from concordance and discordance, and its kernel, the
 * set of units to keep (a choice problem, not a full ranking). Use it to shortlist units when a
 * strong weakness on one column should veto a unit (the discordance), unlike any weighted sum.
 *
 * C(a, b) = sum of w_j over the columns with g_j(a) >= g_j(b); D(a, b) = max_j (g_j(b) - g_j(a))^+ /
 * delta (delta: the largest column range, or each column's range with `scale: "criterion"`); a S b
 * when C >= c-hat and D <= d-hat. Kernel: with each cycle merged into one node (strongly connected
 * components), repeatedly take the nodes no remaining node outranks and drop the nodes they outrank.
 * Quadratic in the units: at most {@link LIMITS}' `maxOutrankingUnits` (2,000).
 *
 * Reference: Roy, B. (1968) Classement et choix en présence de points de vue multiples (la méthode
 * ELECTRE). Revue française d'informatique et de recherche opérationnelle 2(8):57-75.
 *
 * @param matrix rows = units, columns = criteria (see {@link MatrixInput}).
 * @param weights one non-negative weight per column; scaled to sum 1.
 * @throws IndicatrixError `invalid_matrix`, `too_few_units` (fewer than 2 rows), `invalid_weights`,
 *   `invalid_direction`, `invalid_option` (a threshold outside [0, 1], unknown `scale`),
 *   `too_many_units` (more than 2,000 units: evaluate a sample or a shortlist).
 * @example
 * ```ts
 * // unit 0 is better than unit 1 on both columns, unit 2 is best on one and worst on the other
 * electre1([[3, 3], [2, 2], [5, 0]], [0.5, 0.5]).kernel;
 * // => [0, 2]
 * ```
 */
export function electre1(
  matrix: MatrixInput,
  weights: readonly number[],
  opts: Electre1Options = {},
): Electre1Result {
  const cHat = numberOption(opts.concordance, "opts.concordance", 0.75, 0, 1);
  const dHat = numberOption(opts.discordance, "opts.discordance", 0.5, 0, 1);
  const scale = opts.scale ?? "global";
  if (scale !== "global" && scale !== "criterion")
    fail("invalid_option", "opts.scale", `expected "global" or "criterion", got ${String(scale)}`);
  const input = decisionInput(matrix, weights, opts.directions, "ELECTRE I");
  const { m, n, cols, cost, w } = input;
  if (m > MAX_OUTRANKING_UNITS)
    fail(
      "too_many_units",
      "matrix",
      `ELECTRE I builds m x m matrices and takes at most ${MAX_OUTRANKING_UNITS} units, got ${m}: evaluate a sample, or a shortlist from a linear method (e.g. the top units by TOPSIS)`,
    );
  const warnings: Issue[] = [];
  // g = aligned values (cost negated), each divided by its scale
  const ranges = cols.map((c) => {
    const [lo, hi] = minMax(c);
    return hi - lo;
  });
  const maxRange = Math.max(...ranges);
  if (!(maxRange > 0))
    warnings.push({
      code: "constant_column",
      severity: "warning",
      path: ["matrix"],
      where: "matrix",
      message: "every column is constant: every unit outranks every other one (one cycle)",
    });
  const g = cols.map((c, j) => {
    const out = new Float64Array(m);
    const sign = cost[j] ? -1 : 1;
    for (let i = 0; i < m; i++) out[i] = sign * c[i]!;
    return out;
  });
  const div = ranges.map((r) => (scale === "global" ? maxRange : r) || 1);
  const conc = new Float64Array(m * m);
  const disc = new Float64Array(m * m);
  for (let j = 0; j < n; j++) {
    const col = g[j]!;
    const wj = w[j]!;
    const inv = 1 / div[j]!;
    for (let a = 0; a < m; a++) {
      const ga = col[a]!;
      const row = a * m;
      for (let b = 0; b < m; b++) {
        const diff = col[b]! - ga;
        if (diff <= 0) conc[row + b] = conc[row + b]! + wj;
        else {
          const dd = diff * inv;
          if (dd > disc[row + b]!) disc[row + b] = dd;
        }
      }
    }
  }
  const out = new Uint8Array(m * m);
  const concordance: number[][] = [];
  const discordance: number[][] = [];
  const outranks: boolean[][] = [];
  const net = new Float64Array(m);
  for (let a = 0; a < m; a++) {
    const cRow = new Array<number>(m);
    const dRow = new Array<number>(m);
    const oRow = new Array<boolean>(m);
    for (let b = 0; b < m; b++) {
      const k = a * m + b;
      const self = a === b;
      cRow[b] = self ? 0 : conc[k]!;
      dRow[b] = self ? 0 : disc[k]!;
      const o = !self && conc[k]! >= cHat && disc[k]! <= dHat;
      oRow[b] = o;
      if (o) {
        out[k] = 1;
        net[a] = net[a]! + 1;
        net[b] = net[b]! - 1;
      }
    }
    concordance.push(cRow);
    discordance.push(dRow);
    outranks.push(oRow);
  }
  const { kernel, cycles } = kernelOf(out, m);
  if (cycles)
    warnings.push({
      code: "outranking_cycle",
      severity: "warning",
      path: ["matrix"],
      where: "matrix",
      message:
        "the outranking graph has cycles: each is merged into one node for the kernel (raise c-hat or lower d-hat to break them)",
    });
  return {
    concordance,
    discordance,
    outranks,
    kernel,
    cycles,
    scores: toArray(net),
    ranks: toArray(rankDescending(net)),
    weights: toArray(w),
    options: { concordance: cHat, discordance: dHat, scale, directions: input.directions },
    warnings,
  };
}

/**
 * Kernel of the outranking graph `out` (row-major m x m) with each strongly connected component merged
 * (Tarjan's algorithm, iterative), then the classical peeling of the acyclic condensed graph. @internal
 */
function kernelOf(out: Uint8Array, m: number): { kernel: number[]; cycles: boolean } {
  // Tarjan's strongly connected components, iterative
  const index = new Int32Array(m).fill(-1);
  const low = new Int32Array(m);
  const onStack = new Uint8Array(m);
  const comp = new Int32Array(m).fill(-1);
  const stack: number[] = [];
  let counter = 0;
  let nComp = 0;
  let cycles = false;
  const next = new Int32Array(m); // next successor to look at, per node
  for (let root = 0; root < m; root++) {
    if (index[root] !== -1) continue;
    const call: number[] = [root];
    index[root] = low[root] = counter++;
    stack.push(root);
    onStack[root] = 1;
    while (call.length > 0) {
      const v = call[call.length - 1]!;
      let b = next[v]!;
      for (; b < m; b++) {
        if (!out[v * m + b]) continue;
        if (index[b] === -1) break;
        if (onStack[b]) low[v] = Math.min(low[v]!, index[b]!);
      }
      if (b < m) {
        next[v] = b + 1;
        index[b] = low[b] = counter++;
        stack.push(b);
        onStack[b] = 1;
        call.push(b);
        continue;
      }
      next[v] = m;
      call.pop();
      if (call.length > 0) {
        const parent = call[call.length - 1]!;
        low[parent] = Math.min(low[parent]!, low[v]!);
      }
      if (low[v] === index[v]) {
        let size = 0;
        let x: number;
        do {
          x = stack.pop()!;
          onStack[x] = 0;
          comp[x] = nComp;
          size++;
        } while (x !== v);
        if (size > 1) cycles = true;
        nComp++;
      }
    }
  }
  // condensed graph: in-degree from remaining components, peeled in rounds
  const members: number[][] = Array.from({ length: nComp }, () => []);
  for (let i = 0; i < m; i++) members[comp[i]!]!.push(i);
  const succ: Set<number>[] = Array.from({ length: nComp }, () => new Set<number>());
  const indeg = new Int32Array(nComp);
  for (let a = 0; a < m; a++)
    for (let b = 0; b < m; b++)
      if (out[a * m + b] && comp[a] !== comp[b]) {
        const s = succ[comp[a]!]!;
        if (!s.has(comp[b]!)) {
          s.add(comp[b]!);
          indeg[comp[b]!] = indeg[comp[b]!]! + 1;
        }
      }
  const removed = new Uint8Array(nComp);
  const inKernel = new Uint8Array(nComp);
  let left = nComp;
  while (left > 0) {
    const sources: number[] = [];
    for (let c = 0; c < nComp; c++) if (!removed[c] && indeg[c] === 0) sources.push(c);
    const drop = new Set<number>(sources);
    for (const c of sources) {
      inKernel[c] = 1;
      for (const d of succ[c]!) if (!removed[d]) drop.add(d);
    }
    for (const c of drop) {
      removed[c] = 1;
      left--;
      for (const d of succ[c]!) indeg[d] = indeg[d]! - 1;
    }
  }
  const kernel: number[] = [];
  for (let i = 0; i < m; i++) if (inKernel[comp[i]!]) kernel.push(i);
  return { kernel, cycles };
}
