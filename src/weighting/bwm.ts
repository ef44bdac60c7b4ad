import { fail } from "../internal/errors.js";
import { simplex } from "./simplex.js";

/** The judgments of the best-worst method, by index (0-based) into the criteria. */
export interface BwmInput {
  /** Index of the best (most important) criterion B. */
  best: number;
  /** Index of the worst (least important) criterion W. */
  worst: number;
  /** a_Bj: how much more important B is than criterion j, on 1-9 (a_BB = 1). */
  bestToOthers: readonly number[];
  /** a_jW: how much more important criterion j is than W, on 1-9 (a_WW = 1, a_BW equal in both vectors). */
  othersToWorst: readonly number[];
  /** Names of the criteria, used in error messages only. */
  labels?: readonly string[];
}

/** Options of {@link bwm}. */
export interface BwmOptions {
  /**
   * `"linear"` (default; Rezaei 2016): min ξ with |w_B - a_Bj w_j| <= ξ and |w_j - a_jW w_W| <= ξ, an LP with a
   * unique solution in most cases. `"nonlinear"` (Rezaei 2015): the same bounds on |w_B / w_j - a_Bj| and
   * |w_j / w_W - a_jW|, solved exactly by bisection on LP feasibility; its weights may not be unique.
   */
  model?: "linear" | "nonlinear";
}

/** Result of {@link bwm}. */
export interface BwmResult {
  /** The weights, one per criterion, summing to 1. */
  weights: number[];
  /** The optimal ξ: ξ^L (linear) or ξ* (non-linear). */
  xi: number;
  /**
   * The consistency measure of the model: ξ^L itself for the linear model (closer to 0 is better; Rezaei 2016), and
   * CR = ξ* / CI(a_BW) for the non-linear one (Rezaei 2015's consistency index table).
   */
  consistency: number;
  /** CI(a_BW) = ((1 + 2a) - √(1 + 8a)) / 2, the largest ξ* for a_BW = a (0 for a = 1). */
  consistencyIndex: number;
  /** Input-based CR^I = max_j |a_Bj a_jW - a_BW| / (a_BW² - a_BW) (Liang, Brunelli & Rezaei 2020; 0 if a_BW = 1). */
  inputConsistency: number;
  /** Linear model: true when every w_j takes one value over the optimal set (checked by LPs at ξ^L). */
  unique: boolean;
  /** The model that ran. */
  model: "linear" | "nonlinear";
}

/**
 * CI(a) of the best-worst method (Rezaei 2015, table 2): the root ((1 + 2a) - √(1 + 8a)) / 2 of ξ² - (1 + 2a) ξ +
 * (a² - a) = 0, the largest ξ* that judgments with a_BW = a can have.
 *
 * @example
 * ```ts
 * +bwmConsistencyIndex(8).toFixed(2); // => 4.47
 * ```
 */
export function bwmConsistencyIndex(aBW: number): number {
  return (1 + 2 * aBW - Math.sqrt(1 + 8 * aBW)) / 2;
}

/**
 * Weights by the best-worst method (BWM; Rezaei 2015, Omega 53:49-57; linear model Rezaei 2016, Omega 64:126-130):
 * the decision maker names the best and the worst criterion and judges the best against every other (a_Bj) and
 * every other against the worst (a_jW) on 1-9: 2n - 3 judgments instead of AHP's n(n-1)/2. The weights minimize
 * the largest deviation ξ from the judgments. The linear model (default) is solved exactly as a linear programme
 * (a small simplex in this library; no solver dependency) and its ξ^L is the consistency indicator; the
 * non-linear model's ξ* is found exactly by bisection on LP feasibility and CR = ξ* / CI(a_BW). Use it instead of
 * {@link ahp} when a full pairwise matrix is too much to ask.
 *
 * @throws {IndicatrixError} `invalid_judgment` (lengths differ, fewer than 2 criteria, best or worst out of range
 *   or equal, a_BB or a_WW not 1, a_BW not the same in both vectors), `judgment_out_of_scale` (a value outside
 *   [1, 9], naming the criterion), `invalid_option`.
 * @example
 * ```ts
 * const r = bwm({ best: 0, worst: 4, bestToOthers: [1, 2, 4, 3, 8], othersToWorst: [8, 4, 2, 3, 1] });
 * r.weights.map((w) => +w.toFixed(4)); // => [0.4481, 0.2295, 0.1148, 0.153, 0.0546]
 * +r.xi.toFixed(4);                    // => 0.0109
 * ```
 */
export function bwm(input: BwmInput, opts: BwmOptions = {}): BwmResult {
  const model = opts.model ?? "linear";
  if (model !== "linear" && model !== "nonlinear")
    fail("invalid_option", "opts.model", `expected "linear" or "nonlinear", got ${JSON.stringify(model)}`);
  const { best: b, worst: w, bestToOthers: aB, othersToWorst: aW } = input;
  const n = Array.isArray(aB) ? aB.length : 0;
  const name = (j: number) => (input.labels?.[j] !== undefined ? `"${input.labels[j]}"` : `criterion ${j}`);
  if (n < 2 || !Array.isArray(aW) || aW.length !== n)
    fail(
      "invalid_judgment",
      "input",
      `bestToOthers and othersToWorst need one value per criterion (at least 2), got ${n} and ${Array.isArray(aW) ? aW.length : "none"}`,
    );
  for (const [key, v] of [
    ["best", b],
    ["worst", w],
  ] as const)
    if (!Number.isInteger(v) || v < 0 || v >= n)
      fail("invalid_judgment", `input.${key}`, `expected a criterion index 0..${n - 1}, got ${String(v)}`);
  if (b === w) fail("invalid_judgment", "input.worst", "the best and the worst criterion must differ");
  for (const [key, vec] of [
    ["bestToOthers", aB],
    ["othersToWorst", aW],
  ] as const)
    vec.forEach((v, j) => {
      if (typeof v !== "number" || !(v >= 1 && v <= 9))
        fail(
          "judgment_out_of_scale",
          `input.${key}[${j}]`,
          `${name(j)}: expected a judgment on the 1-9 scale, got ${String(v)}`,
        );
    });
  if (aB[b] !== 1) fail("invalid_judgment", `input.bestToOthers[${b}]`, `a_BB must be 1, got ${aB[b]}`);
  if (aW[w] !== 1) fail("invalid_judgment", `input.othersToWorst[${w}]`, `a_WW must be 1, got ${aW[w]}`);
  const aBW = aB[w]!;
  if (aW[b] !== aBW)
    fail(
      "invalid_judgment",
      `input.othersToWorst[${b}]`,
      `best over worst is ${aBW} in bestToOthers but ${aW[b]} in othersToWorst; they are one judgment`,
    );
  // Each |row · w| <= ξ (or ξ w_k): row and the index k of the non-linear model's scale.
  const rows: { r: number[]; k: number }[] = [];
  for (let j = 0; j < n; j++) {
    if (j !== b) {
      const r = new Array<number>(n).fill(0);
      r[b] = r[b]! + 1;
      r[j] = r[j]! - aB[j]!;
      rows.push({ r, k: j });
    }
    if (j !== w) {
      const r = new Array<number>(n).fill(0);
      r[j] = r[j]! + 1;
      r[w] = r[w]! - aW[j]!;
      rows.push({ r, k: w });
    }
  }
  let inputConsistency = 0;
  if (aBW > 1)
    for (let j = 0; j < n; j++)
      inputConsistency = Math.max(inputConsistency, Math.abs(aB[j]! * aW[j]! - aBW));
  if (aBW > 1) inputConsistency /= aBW * aBW - aBW;
  const ci = bwmConsistencyIndex(aBW);
  const ones = [new Array<number>(n).fill(1)];
  if (model === "linear") {
    // Variables (w_1..w_n, ξ): ±row·w - ξ <= 0, Σ w = 1.
    const A = rows.flatMap(({ r }) => [
      [...r, -1],
      [...r.map((v) => -v), -1],
    ]);
    const zeros = A.map(() => 0);
    const eq = [[...ones[0]!, 0]];
    const c = new Array<number>(n + 1).fill(0);
    c[n] = 1;
    const lp = simplex(c, A, zeros, eq, [1]);
    const xi = Math.max(0, lp.x[n]!);
    const weights = lp.x.slice(0, n).map((v) => Math.max(v, 0));
    // Uniqueness: min and max of each w_j with ξ held at ξ^L (plus a hair for rounding).
    const fixed = A.map((row) => row.slice(0, n));
    const bound = rows.flatMap(() => [xi + 1e-12, xi + 1e-12]);
    let unique = true;
    for (let j = 0; j < n && unique; j++) {
      const cj = new Array<number>(n).fill(0);
      cj[j] = 1;
      const lo = simplex(cj, fixed, bound, ones, [1]);
      cj[j] = -1;
      const hi = simplex(cj, fixed, bound, ones, [1]);
      if (lo.status === "optimal" && hi.status === "optimal" && hi.x[j]! - lo.x[j]! > 1e-9) unique = false;
    }
    const total = weights.reduce((s, v) => s + v, 0);
    return {
      weights: weights.map((v) => v / total),
      xi,
      consistency: xi,
      consistencyIndex: ci,
      inputConsistency,
      unique,
      model,
    };
  }
  // Non-linear: bisection on ξ; for fixed ξ the constraints (±row - ξ e_k)·w <= 0 are linear.
  const feasible = (xi: number) => {
    const A = rows.flatMap(({ r, k }) => {
      const up = r.map((v, j) => (j === k ? v - xi : v));
      const down = r.map((v, j) => (j === k ? -v - xi : -v));
      return [up, down];
    });
    const lp = simplex(
      new Array<number>(n).fill(0),
      A,
      A.map(() => 0),
      ones,
      [1],
    );
    return lp.status === "optimal" ? lp.x : null;
  };
  let lo = 0;
  let hi = Math.max(...aB) * Math.max(...aW);
  let x = feasible(hi) ?? new Array<number>(n).fill(1 / n);
  const exact = feasible(0);
  if (exact) {
    x = exact;
    hi = 0;
  } else
    for (let it = 0; it < 200 && hi - lo > 1e-13 * Math.max(1, hi); it++) {
      const mid = (lo + hi) / 2;
      const f = feasible(mid);
      if (f) {
        hi = mid;
        x = f;
      } else lo = mid;
    }
  const weights = x.map((v) => Math.max(v, 0));
  const total = weights.reduce((s, v) => s + v, 0);
  return {
    weights: weights.map((v) => v / total),
    xi: hi,
    consistency: aBW > 1 ? hi / ci : 0,
    consistencyIndex: ci,
    inputConsistency,
    unique: false,
    model,
  };
}
