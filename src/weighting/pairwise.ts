/**
 * Internal core of the AHP functions: checking a pairwise comparison matrix, priority vectors by the three
 * methods, Harker's completion of incomplete matrices and the consistency numbers. Matrices are stored
 * row-major in a Float64Array of length n * n, with NaN for a missing judgment.
 * @internal
 * @module
 */
import { connectedComponents } from "../internal/components.js";
import { fail } from "../internal/errors.js";
import { MAX_AHP_ORDER } from "../internal/limits.js";
import { AHP_THRESHOLD, AHP_TOLERANCE } from "./ahp-defaults.js";
import { checkMatrix } from "./check-matrix.js";
import { elementName } from "./element-names.js";
import { type RiTable, randomIndex } from "./ri-tables.js";

/** How the priority vector is derived from a pairwise comparison matrix. */
export type AhpMethod = "eigenvector" | "geometric-mean" | "sum-product";

/** Power iteration stops when no weight moves by more than this between two steps. */
export const POWER_TOL = 1e-12;
const MAX_ITER = 100_000;

/** A checked pairwise comparison matrix. @internal */
export interface Pairwise {
  n: number;
  /** Row-major entries, NaN where the judgment is missing. */
  a: Float64Array;
  /** Number of missing pairs (i < j). */
  missingPairs: number;
}

/** Options after defaults, shared by ahp, aggregateJudgments and ahpRepairAdvice. @internal */
export interface ResolvedAhpOptions {
  method: AhpMethod;
  ri: RiTable;
  threshold: number;
  tolerance: number;
  labels: readonly string[] | undefined;
}

/** Checks the options shared by the AHP functions and applies the defaults. @internal */
export function resolveAhpOptions(
  opts: {
    method?: AhpMethod | undefined;
    ri?: RiTable | undefined;
    threshold?: number | undefined;
    tolerance?: number | undefined;
    labels?: readonly string[] | undefined;
  } = {},
  path = "opts",
): ResolvedAhpOptions {
  if (opts === null || typeof opts !== "object") fail("invalid_option", path, "expected an options object");
  const method = opts.method ?? "eigenvector";
  if (method !== "eigenvector" && method !== "geometric-mean" && method !== "sum-product")
    fail(
      "invalid_option",
      `${path}.method`,
      `expected "eigenvector", "geometric-mean" or "sum-product", got ${JSON.stringify(method)}`,
    );
  const threshold = opts.threshold ?? AHP_THRESHOLD;
  if (typeof threshold !== "number" || !Number.isFinite(threshold) || threshold <= 0)
    fail("invalid_option", `${path}.threshold`, `expected a positive number, got ${String(threshold)}`);
  const tolerance = opts.tolerance ?? AHP_TOLERANCE;
  if (typeof tolerance !== "number" || !Number.isFinite(tolerance) || tolerance < 0 || tolerance >= 1)
    fail("invalid_option", `${path}.tolerance`, `expected a number in [0, 1), got ${String(tolerance)}`);
  const ri = opts.ri ?? "saaty";
  if (ri !== "saaty" && ri !== "cn1000" && !Array.isArray(ri))
    fail(
      "invalid_option",
      `${path}.ri`,
      `expected "saaty", "cn1000" or an array of numbers, got ${String(ri)}`,
    );
  const labels = opts.labels;
  if (labels !== undefined && (!Array.isArray(labels) || labels.some((l) => typeof l !== "string")))
    fail("invalid_option", `${path}.labels`, "expected an array of strings");
  return { method, ri, threshold, tolerance, labels };
}

/**
 * Reads a pairwise comparison matrix into a {@link Pairwise}, throwing the first issue of `checkMatrix` (the
 * rules `checkModel` applies to a model's matrices): square, entries positive and finite (or null off the
 * diagonal), diagonal 1, judgments on Saaty's scale and reciprocal within `tolerance` (relative).
 * @internal
 */
export function readPairwise(
  matrix: readonly (readonly (number | null)[])[],
  tolerance: number,
  labels: readonly string[] | undefined,
  name = "matrix",
): Pairwise {
  if (Array.isArray(matrix) && matrix.length > MAX_AHP_ORDER)
    fail(
      "matrix_too_large",
      name,
      `a pairwise comparison matrix of order ${matrix.length} is above LIMITS.maxAhpOrder (${MAX_AHP_ORDER})`,
    );
  if (Array.isArray(matrix) && matrix.length > 0 && labels !== undefined && labels.length !== matrix.length)
    fail("invalid_option", "labels", `expected ${matrix.length} labels (one per row), got ${labels.length}`);
  const { issues, n, a, missingPairs } = checkMatrix(matrix, { path: name, tolerance, labels });
  const first = issues[0];
  if (first) fail(first.code, first.path, first.message, first.where);
  return { n, a, missingPairs };
}

/** Connected components of the graph of given judgments (each a sorted list of element indices). @internal */
export function components(a: Float64Array, n: number): number[][] {
  const judged: [number, number][] = [];
  for (let i = 0; i < n; i++)
    for (let j = i + 1; j < n; j++) if (!Number.isNaN(a[i * n + j]!)) judged.push([i, j]);
  return connectedComponents(n, judged);
}

/** Throws `disconnected_judgments` naming each component when the judgments do not link every element. @internal */
export function assertConnected(
  a: Float64Array,
  n: number,
  labels: readonly string[] | undefined,
  name: string,
): void {
  const comps = components(a, n);
  if (comps.length <= 1) return;
  const list = comps.map((c) => `{${c.map((i) => elementName(i, labels)).join(", ")}}`).join(" and ");
  fail(
    "disconnected_judgments",
    name,
    `the judgments split the elements into ${comps.length} groups that are never compared with each other: ${list}; add at least one judgment linking each pair of groups`,
  );
}

/** Principal eigenvector (sum 1) of a non-negative irreducible matrix by power iteration. @internal */
export function powerIteration(
  b: Float64Array,
  n: number,
  start: Float64Array,
): { w: Float64Array; iterations: number } {
  let w = Float64Array.from(start);
  let next = new Float64Array(n);
  let s0 = 0;
  for (let i = 0; i < n; i++) s0 += w[i]!;
  for (let i = 0; i < n; i++) w[i] = w[i]! / s0;
  let prevDiff = Number.POSITIVE_INFINITY;
  let polish = 0;
  for (let it = 1; it <= MAX_ITER; it++) {
    let total = 0;
    for (let i = 0; i < n; i++) {
      let s = 0;
      const o = i * n;
      for (let j = 0; j < n; j++) s += b[o + j]! * w[j]!;
      next[i] = s;
      total += s;
    }
    let diff = 0;
    for (let i = 0; i < n; i++) {
      const v = next[i]! / total;
      const d = Math.abs(v - w[i]!);
      if (d > diff) diff = d;
      next[i] = v;
    }
    const t = w;
    w = next;
    next = t;
    // Converged to the tolerance: keep polishing while steps still shrink, since the error of a slowly
    // converging iteration (Harker's matrices) is a multiple of the last step.
    if (diff < POWER_TOL && (diff >= prevDiff || diff < 1e-16 || ++polish > 1000))
      return { w, iterations: it };
    prevDiff = diff;
  }
  fail("no_convergence", "matrix", `power iteration did not converge in ${MAX_ITER} steps`);
}

/** Row geometric means over the given entries, normalized: the start vector of the power iteration. */
function geometricStart(a: Float64Array, n: number): Float64Array {
  const w = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let s = 0;
    let c = 0;
    for (let j = 0; j < n; j++) {
      const v = a[i * n + j]!;
      if (!Number.isNaN(v)) {
        s += Math.log(v);
        c++;
      }
    }
    w[i] = Math.exp(s / c);
  }
  return w;
}

/**
 * Harker's method for an incomplete matrix: missing a_ij set to 0, diagonal 1 + (missing in row i);
 * the principal eigenvector w of that matrix; the completed matrix has a_ij = w_i / w_j where missing.
 * @internal
 */
export function harker(
  a: Float64Array,
  n: number,
): { completed: Float64Array; w: Float64Array; iterations: number } {
  const b = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    let miss = 0;
    for (let j = 0; j < n; j++) {
      const v = a[i * n + j]!;
      if (!Number.isNaN(v)) b[i * n + j] = v;
      else miss++;
    }
    b[i * n + i] = 1 + miss;
  }
  const { w, iterations } = powerIteration(b, n, geometricStart(a, n));
  const completed = Float64Array.from(a);
  for (let i = 0; i < n; i++)
    for (let j = 0; j < n; j++) {
      const v = completed[i * n + j]!;
      if (Number.isNaN(v)) completed[i * n + j] = w[i]! / w[j]!;
    }
  return { completed, w, iterations };
}

/** Priority vector (sum 1) of a complete matrix by the chosen method. @internal */
export function priorities(
  a: Float64Array,
  n: number,
  method: AhpMethod,
): { w: Float64Array; iterations?: number } {
  if (method === "eigenvector") return powerIteration(a, n, geometricStart(a, n));
  const w = new Float64Array(n);
  if (method === "geometric-mean") {
    const g = geometricStart(a, n);
    let s = 0;
    for (let i = 0; i < n; i++) s += g[i]!;
    for (let i = 0; i < n; i++) w[i] = g[i]! / s;
    return { w };
  }
  for (let j = 0; j < n; j++) {
    let col = 0;
    for (let i = 0; i < n; i++) col += a[i * n + j]!;
    for (let i = 0; i < n; i++) w[i] = w[i]! + a[i * n + j]! / col / n;
  }
  return { w };
}

/** lambda_max: Σ(Aw)/Σw for the eigenvector, mean of (Aw)_i / w_i for the approximate methods. @internal */
export function lambdaMax(a: Float64Array, n: number, w: Float64Array, method: AhpMethod): number {
  let sumAw = 0;
  let sumW = 0;
  let ratios = 0;
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (let j = 0; j < n; j++) s += a[i * n + j]! * w[j]!;
    sumAw += s;
    sumW += w[i]!;
    ratios += s / w[i]!;
  }
  return method === "eigenvector" ? sumAw / sumW : ratios / n;
}

/** Everything the AHP result reports about one matrix, computed without re-checking the input. @internal */
export interface AhpCore {
  w: Float64Array;
  completed: Float64Array;
  lambdaMax: number;
  ci: number;
  cr: number;
  ri: number;
  iterations?: number;
}

/** Runs the chosen method on a checked matrix (completing it by Harker's method first if needed). @internal */
export function ahpCore(p: Pairwise, o: ResolvedAhpOptions, name = "matrix"): AhpCore {
  const { n } = p;
  let a = p.a;
  let harkerIterations: number | undefined;
  if (p.missingPairs > 0) {
    assertConnected(a, n, o.labels, name);
    const h = harker(a, n);
    a = h.completed;
    harkerIterations = h.iterations;
  }
  const ri = randomIndex(n, o.ri);
  let w: Float64Array;
  let iterations: number | undefined;
  if (n === 1) {
    w = Float64Array.of(1);
  } else {
    const r = priorities(a, n, o.method);
    w = r.w;
    iterations = r.iterations ?? harkerIterations;
  }
  const lam = n === 1 ? 1 : lambdaMax(a, n, w, o.method);
  const ci = n === 1 ? 0 : (lam - n) / (n - 1);
  const cr = n <= 2 ? 0 : ci / ri;
  const out: AhpCore = { w, completed: a, lambdaMax: lam, ci, cr, ri };
  if (iterations !== undefined) out.iterations = iterations;
  return out;
}

/** The consistency ratio alone (used by the repair search). @internal */
export function crOf(p: Pairwise, o: ResolvedAhpOptions): number {
  return ahpCore(p, o).cr;
}

/** A Float64Array n x n matrix as number[][] rows. @internal */
export function toRows(a: Float64Array, n: number): number[][] {
  const rows: number[][] = [];
  for (let i = 0; i < n; i++) rows.push(Array.from(a.subarray(i * n, i * n + n)));
  return rows;
}
