import { fail } from "../internal/errors.js";
import { shares } from "../internal/shares.js";

/** Combination rule of {@link combineWeights} (组合赋权; docs/methods.md, combination weighting). */
export type CombineMethod = "linear" | "multiplicative" | "min-discrimination" | "moment" | "game-theory";

/** Options of {@link combineWeights}. */
export interface CombineOptions {
  /** The rule: see {@link combineWeights}. */
  method: CombineMethod;
  /**
   * Linear only: the coefficient of the first vector, α in [0, 1] (two vectors: w = α u + (1 - α) v; default 0.5),
   * or one non-negative coefficient per vector (normalized to sum 1; default equal).
   */
  alpha?: number | readonly number[];
  /** Moment only: how many of the vectors (the first ones) are subjective; the rest are objective. Default 1. */
  subjective?: number;
  /**
   * Game theory only: how the raw coefficients α are normalized, `"abs"` (default, |α_k| / Σ|α|, as most papers) or
   * `"sum"` (α_k / Σα, as some MATLAB code; may give negative weights).
   */
  normalize?: "abs" | "sum";
}

/** Result of {@link combineWeightsDetailed}. */
export interface CombineDetails {
  /** The combined weights, summing to 1. */
  weights: number[];
  /**
   * The coefficients of the vectors: linear, the α used; moment, [α, β]; game theory, the raw α solving
   * (U Uᵀ) α = diag(U Uᵀ) (before normalization); multiplicative and min-discrimination, [].
   */
  coefficients: number[];
  /** Game theory: the normalized coefficients α* actually used; otherwise the same as `coefficients`. */
  normalizedCoefficients: number[];
  /** Notes on the result, e.g. a negative game-theory coefficient. */
  warnings: string[];
  /** The rule that ran. */
  method: CombineMethod;
}

/**
 * Combines several weight vectors for the same indicators (typically subjective AHP weights u and objective entropy
 * or CRITIC weights v) into one vector (组合赋权). Rules (Li Gang et al., 主客观组合赋权方法及其合理性, 管理评论;
 * game theory as in docs/methods.md source [S19]):
 * - `"linear"`: w = α u + (1 - α) v (α = 0.5 by default; any number of vectors with one coefficient each);
 * - `"multiplicative"`: w_j ∝ Π_k u_kj (乘法合成; sharpens agreement, pushes weights to the extremes);
 * - `"min-discrimination"`: w_j ∝ (Π_k u_kj)^(1/L), for two vectors sqrt(u_j v_j) (minimum discrimination
 *   information / relative entropy);
 * - `"moment"`: moment estimation: with E^s_j, E^o_j the means of the subjective and objective vectors,
 *   α = mean_j E^s_j / (E^s_j + E^o_j), w = α E^s + (1 - α) E^o (VERIFY against a specific paper);
 * - `"game-theory"`: solve (U Uᵀ) α = diag(U Uᵀ), normalize α by |α| (default) or by Σα, w = Σ α*_k u_k.
 *   A negative raw α_k is reported as a warning.
 * Every input vector is first scaled to sum 1. Use {@link combineWeightsDetailed} to see the coefficients.
 *
 * @throws {IndicatrixError} `invalid_weights` (fewer than 2 vectors, lengths differ, negative or non-finite entries,
 *   a vector summing to 0), `invalid_option` (unknown method, bad alpha or subjective count),
 *   `degenerate_combination` (the product is 0 everywhere, or the game-theory system is singular, e.g. two equal
 *   vectors).
 * @example
 * ```ts
 * combineWeights([[0.3, 0.35, 0.2, 0.15], [0.301425, 0.248897, 0.237811, 0.211866]], { method: "linear" })
 *   .map((w) => +w.toFixed(6));
 * // => [0.300713, 0.299449, 0.218906, 0.180933]
 * ```
 */
export function combineWeights(ws: readonly (readonly number[])[], opts: CombineOptions): number[] {
  return combineWeightsDetailed(ws, opts).weights;
}

/**
 * {@link combineWeights} with the coefficients (raw α for game theory) and warnings.
 * @throws {IndicatrixError} as {@link combineWeights}.
 * @example
 * ```ts
 * const r = combineWeightsDetailed([[0.3, 0.35, 0.2, 0.15], [0.301425, 0.248897, 0.237811, 0.211866]],
 *   { method: "game-theory" });
 * r.coefficients.map((a) => +a.toFixed(4)); // => [1.1723, -0.1844]
 * r.warnings.length;                       // => 1
 * ```
 */
export function combineWeightsDetailed(
  ws: readonly (readonly number[])[],
  opts: CombineOptions,
): CombineDetails {
  if (opts === null || typeof opts !== "object") fail("invalid_option", "opts", "expected { method }");
  const method = opts.method;
  const U = readVectors(ws);
  const L = U.length;
  const n = U[0]!.length;
  const warnings: string[] = [];
  switch (method) {
    case "linear": {
      const coef = linearCoefficients(opts.alpha, L);
      const w = new Array<number>(n).fill(0);
      for (let k = 0; k < L; k++) for (let j = 0; j < n; j++) w[j] = w[j]! + coef[k]! * U[k]![j]!;
      return done(w, coef, coef, warnings, method);
    }
    case "multiplicative":
    case "min-discrimination": {
      const w = new Array<number>(n).fill(1);
      for (let k = 0; k < L; k++) for (let j = 0; j < n; j++) w[j] = w[j]! * U[k]![j]!;
      const r = method === "multiplicative" ? w : w.map((x) => x ** (1 / L));
      if (!(r.reduce((a, b) => a + b, 0) > 0))
        fail("degenerate_combination", "ws", "the product of the weights is 0 for every indicator");
      return done(r, [], [], warnings, method);
    }
    case "moment": {
      const s = opts.subjective ?? 1;
      if (!Number.isInteger(s) || s < 1 || s >= L)
        fail("invalid_option", "opts.subjective", `expected an integer from 1 to ${L - 1}, got ${String(s)}`);
      const Es = new Array<number>(n).fill(0);
      const Eo = new Array<number>(n).fill(0);
      for (let k = 0; k < L; k++)
        for (let j = 0; j < n; j++) {
          const v = U[k]![j]!;
          if (k < s) Es[j] = Es[j]! + v / s;
          else Eo[j] = Eo[j]! + v / (L - s);
        }
      let alphaSum = 0;
      for (let j = 0; j < n; j++) {
        const t = Es[j]! + Eo[j]!;
        alphaSum += t > 0 ? Es[j]! / t : 0.5;
      }
      const alpha = alphaSum / n;
      const w = Es.map((e, j) => alpha * e + (1 - alpha) * Eo[j]!);
      return done(w, [alpha, 1 - alpha], [alpha, 1 - alpha], warnings, method);
    }
    case "game-theory": {
      const normalize = opts.normalize ?? "abs";
      if (normalize !== "abs" && normalize !== "sum")
        fail("invalid_option", "opts.normalize", `expected "abs" or "sum", got ${JSON.stringify(normalize)}`);
      const G = U.map((u) => U.map((v) => dot(u, v)));
      const rhs = G.map((row, l) => row[l]!);
      const alpha = solve(G, rhs);
      alpha.forEach((a, k) => {
        if (a < 0)
          warnings.push(
            `game theory: raw coefficient α[${k}] = ${a.toPrecision(6)} is negative (vector ${k} lies nearest the others' mean); normalized by ${normalize === "abs" ? "|α|" : "Σα"}`,
          );
      });
      const denom =
        normalize === "abs" ? alpha.reduce((t, a) => t + Math.abs(a), 0) : alpha.reduce((t, a) => t + a, 0);
      if (!(Math.abs(denom) > 1e-12))
        fail(
          "degenerate_combination",
          "ws",
          "the game-theory coefficients sum to 0 and cannot be normalized",
        );
      const star = alpha.map((a) => (normalize === "abs" ? Math.abs(a) : a) / denom);
      const w = new Array<number>(n).fill(0);
      for (let k = 0; k < L; k++) for (let j = 0; j < n; j++) w[j] = w[j]! + star[k]! * U[k]![j]!;
      if (w.some((x) => x < 0))
        warnings.push('game theory: some combined weights are negative (normalize: "sum")');
      return done(w, alpha, star, warnings, method);
    }
    default:
      fail(
        "invalid_option",
        "opts.method",
        `expected "linear", "multiplicative", "min-discrimination", "moment" or "game-theory", got ${JSON.stringify(method)}`,
      );
  }
}

function done(
  w: number[],
  coefficients: number[],
  normalizedCoefficients: number[],
  warnings: string[],
  method: CombineMethod,
): CombineDetails {
  const s = w.reduce((a, b) => a + b, 0);
  return { weights: w.map((x) => x / s), coefficients, normalizedCoefficients, warnings, method };
}

function readVectors(ws: readonly (readonly number[])[]): number[][] {
  if (!Array.isArray(ws) || ws.length < 2)
    fail("invalid_weights", "ws", "expected at least two weight vectors to combine");
  const n = Array.isArray(ws[0]) ? ws[0].length : 0;
  if (n === 0) fail("invalid_weights", "ws[0]", "expected a non-empty array of weights");
  return ws.map((u, k) => {
    if (!Array.isArray(u) || u.length !== n)
      fail("invalid_weights", `ws[${k}]`, `expected ${n} weights (as many as ws[0])`);
    u.forEach((v, j) => {
      if (typeof v !== "number" || !Number.isFinite(v) || v < 0)
        fail("invalid_weights", `ws[${k}][${j}]`, `expected a finite non-negative weight, got ${String(v)}`);
    });
    const s = shares(u);
    if (s === null) fail("invalid_weights", `ws[${k}]`, "the weights sum to 0");
    return s;
  });
}

function linearCoefficients(alpha: number | readonly number[] | undefined, L: number): number[] {
  if (alpha === undefined) return Array.from({ length: L }, () => 1 / L);
  if (typeof alpha === "number") {
    if (L !== 2)
      fail(
        "invalid_option",
        "opts.alpha",
        `a single α needs exactly two vectors, got ${L}; give one coefficient per vector`,
      );
    if (!Number.isFinite(alpha) || alpha < 0 || alpha > 1)
      fail("invalid_option", "opts.alpha", `expected α in [0, 1], got ${alpha}`);
    return [alpha, 1 - alpha];
  }
  if (!Array.isArray(alpha) || alpha.length !== L)
    fail("invalid_option", "opts.alpha", `expected ${L} coefficients (one per vector)`);
  alpha.forEach((a, k) => {
    if (typeof a !== "number" || !Number.isFinite(a) || a < 0)
      fail("invalid_option", `opts.alpha[${k}]`, `expected a finite non-negative number, got ${String(a)}`);
  });
  const s = shares(alpha);
  if (s === null) fail("invalid_option", "opts.alpha", "the coefficients sum to 0");
  return s;
}

function dot(u: readonly number[], v: readonly number[]): number {
  let s = 0;
  for (let j = 0; j < u.length; j++) s += u[j]! * v[j]!;
  return s;
}

/** Solves G x = b by Gaussian elimination with partial pivoting (G is small: one row per vector). */
function solve(G: number[][], b: number[]): number[] {
  const L = b.length;
  const A = G.map((row, i) => [...row, b[i]!]);
  const scale = Math.max(...G.flat().map(Math.abs));
  for (let c = 0; c < L; c++) {
    let p = c;
    for (let r = c + 1; r < L; r++) if (Math.abs(A[r]![c]!) > Math.abs(A[p]![c]!)) p = r;
    if (!(Math.abs(A[p]![c]!) > 1e-12 * scale))
      fail(
        "degenerate_combination",
        "ws",
        "the game-theory system (U Uᵀ) α = diag(U Uᵀ) is singular: some weight vectors are equal or linearly dependent",
      );
    [A[c], A[p]] = [A[p]!, A[c]!];
    const pivotRow = A[c]!;
    for (let r = c + 1; r < L; r++) {
      const row = A[r]!;
      const f = row[c]! / pivotRow[c]!;
      for (let k = c; k <= L; k++) row[k] = row[k]! - f * pivotRow[k]!;
    }
  }
  const x = new Array<number>(L).fill(0);
  for (let r = L - 1; r >= 0; r--) {
    const row = A[r]!;
    let s = row[L]!;
    for (let k = r + 1; k < L; k++) s -= row[k]! * x[k]!;
    x[r] = s / row[r]!;
  }
  return x;
}
