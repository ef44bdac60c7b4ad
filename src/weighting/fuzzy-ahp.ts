import { fail } from "../internal/errors.js";
import { type AhpOptions, type AhpResult, ahp } from "./ahp.js";

/** A triangular fuzzy number (l, m, u) with l <= m <= u. */
export type Tfn = readonly [number, number, number];

/** Options of {@link fuzzyAhp}. */
export interface FuzzyAhpOptions {
  /** `"buckley"` (default; Buckley 1985, fuzzy geometric mean) or `"chang"` (Chang 1996, extent analysis). */
  method?: "buckley" | "chang";
  /** Buckley: how fuzzy weights become crisp: `"centroid"` (default, (l + m + u) / 3) or `"graded-mean"` ((l + 4m + u) / 6). */
  defuzzify?: "centroid" | "graded-mean";
  /** Options of the consistency check, which runs {@link ahp} on the matrix of the modal values m_ij. */
  ahp?: AhpOptions;
}

/** Result of {@link fuzzyAhp}. */
export interface FuzzyAhpResult {
  /** Crisp weights, one per row, summing to 1. */
  weights: number[];
  /** Buckley: the fuzzy weights (l_i / Σ u, m_i / Σ m, u_i / Σ l). */
  fuzzyWeights?: [number, number, number][];
  /** Chang: the fuzzy synthetic extents S_i. */
  extents?: [number, number, number][];
  /** The consistency check: {@link ahp} on the crisp matrix of the modal values m_ij (its CR, consistent...). */
  consistency: AhpResult;
  /** The TFN matrix that ran (crisp judgments turned into TFNs by the scale). */
  fuzzy: [number, number, number][][];
  /** Warnings, e.g. Chang's method giving a criterion weight 0. */
  warnings: string[];
  /** The method that ran. */
  method: "buckley" | "chang";
}

/**
 * The triangular fuzzy number of a crisp judgment on Saaty's 1-9 scale: 1 → (1, 1, 1), k = 2..8 → (k - 1, k,
 * k + 1), 9 → (9, 9, 9), and 1/v → (1/u, 1/m, 1/l) of v's number (the common scale; e.g. Chang 1996 examples,
 * pyDecision). A value between scale points is rounded to the nearest integer k.
 *
 * @example
 * ```ts
 * toTfn(3);   // => [2, 3, 4]
 * toTfn(1/9); // => [0.1111111111111111, 0.1111111111111111, 0.1111111111111111]
 * ```
 */
export function toTfn(v: number): [number, number, number] {
  if (v < 1) {
    const [l, m, u] = toTfn(1 / v);
    return [1 / u, 1 / m, 1 / l];
  }
  const k = Math.round(v);
  return k <= 1 ? [1, 1, 1] : k >= 9 ? [9, 9, 9] : [k - 1, k, k + 1];
}

/**
 * Fuzzy AHP with triangular fuzzy numbers: each pairwise judgment is a TFN (l, m, u), given directly or as a crisp
 * 1-9 judgment turned into one by {@link toTfn}. Buckley's geometric mean (default; Buckley 1985, Fuzzy Sets and
 * Systems 17:233-247): r_i = ((Π_j l_ij)^(1/n), (Π_j m_ij)^(1/n), (Π_j u_ij)^(1/n)), fuzzy weight (l_i / Σ u,
 * m_i / Σ m, u_i / Σ l), defuzzified by the centroid and normalized. Chang's extent analysis (Chang 1996, EJOR
 * 95:649-655): S_i = (Σ_j l_ij / Σ u, Σ_j m_ij / Σ m, Σ_j u_ij / Σ l), V(S_a ≥ S_b) = 1 if m_a ≥ m_b, 0 if l_b ≥ u_a,
 * else (l_b - u_a) / ((m_a - u_a) - (m_b - l_b)), d_i = min_{k≠i} V(S_i ≥ S_k), w = d / Σ d; it can give weight 0
 * and ignore information (Wang, Luo & Hua 2008), hence a warning. Consistency: {@link ahp} on the crisp matrix of
 * the modal values m_ij (pyDecision uses the graded mean (l + 4m + u) / 6 instead).
 *
 * @throws {IndicatrixError} `invalid_matrix` (not square, a TFN that is not 0 < l <= m <= u, or a non-reciprocal
 *   pair (l, m, u) vs (1/u, 1/m, 1/l), naming row and column), `invalid_option`, and the errors of {@link ahp} on
 *   the modal matrix.
 * @example
 * ```ts
 * const r = fuzzyAhp([[1, 3, 5], [1/3, 1, 2], [1/5, 1/2, 1]]);
 * r.weights.map((w) => +w.toFixed(4)); // => [0.6374, 0.2333, 0.1294]
 * fuzzyAhp([[1, 3, 5], [1/3, 1, 2], [1/5, 1/2, 1]], { method: "chang" }).weights.map((w) => +w.toFixed(4));
 * // => [0.9464, 0.0536, 0]
 * ```
 */
export function fuzzyAhp(
  matrix: readonly (readonly (number | Tfn)[])[],
  opts: FuzzyAhpOptions = {},
): FuzzyAhpResult {
  const method = opts.method ?? "buckley";
  if (method !== "buckley" && method !== "chang")
    fail("invalid_option", "opts.method", `expected "buckley" or "chang", got ${JSON.stringify(method)}`);
  const defuzzify = opts.defuzzify ?? "centroid";
  if (defuzzify !== "centroid" && defuzzify !== "graded-mean")
    fail(
      "invalid_option",
      "opts.defuzzify",
      `expected "centroid" or "graded-mean", got ${JSON.stringify(defuzzify)}`,
    );
  const n = Array.isArray(matrix) ? matrix.length : 0;
  const labels = opts.ahp?.labels;
  const name = (j: number) => (labels?.[j] !== undefined ? `"${labels[j]}"` : `${j}`);
  if (n < 1) fail("invalid_matrix", "matrix", "expected a square matrix of at least one row");
  const T = matrix.map((row, i) => {
    if (!Array.isArray(row) || row.length !== n)
      fail(
        "invalid_matrix",
        `matrix[${i}]`,
        `row ${name(i)} has ${Array.isArray(row) ? row.length : 0} entries, expected ${n}`,
      );
    return row.map((v, j): [number, number, number] => {
      const t: [number, number, number] =
        typeof v === "number"
          ? Number.isFinite(v) && v > 0
            ? toTfn(v)
            : [Number.NaN, 0, 0]
          : [v[0], v[1], v[2]];
      if (!(t[0] > 0 && t[0] <= t[1] && t[1] <= t[2] && Number.isFinite(t[2])))
        fail(
          "invalid_matrix",
          `matrix[${i}][${j}]`,
          `row ${name(i)}, column ${name(j)}: expected a judgment > 0 or a TFN [l, m, u] with 0 < l <= m <= u, got ${JSON.stringify(v)}`,
        );
      return t;
    });
  });
  const close = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
  for (let i = 0; i < n; i++)
    for (let j = i; j < n; j++) {
      const [l, m, u] = T[i]![j]!;
      const [l2, m2, u2] = T[j]![i]!;
      if (!(close(l * u2, 1) && close(m * m2, 1) && close(u * l2, 1)))
        fail(
          "invalid_matrix",
          `matrix[${j}][${i}]`,
          `row ${name(j)}, column ${name(i)}: expected the reciprocal (1/u, 1/m, 1/l) of (${l}, ${m}, ${u}), got (${l2}, ${m2}, ${u2})`,
        );
    }
  const consistency = ahp(
    T.map((r) => r.map((t) => t[1])),
    opts.ahp ?? {},
  );
  const warnings: string[] = [];
  if (method === "buckley") {
    const r = T.map((row) =>
      [0, 1, 2].map((c) => Math.exp(row.reduce((s, t) => s + Math.log(t[c]!), 0) / n)),
    );
    const sum = [0, 1, 2].map((c) => r.reduce((s, ri) => s + ri[c]!, 0));
    const fuzzyWeights = r.map((ri): [number, number, number] => [
      ri[0]! / sum[2]!,
      ri[1]! / sum[1]!,
      ri[2]! / sum[0]!,
    ]);
    const crisp = fuzzyWeights.map(([l, m, u]) =>
      defuzzify === "centroid" ? (l + m + u) / 3 : (l + 4 * m + u) / 6,
    );
    const total = crisp.reduce((a, b) => a + b, 0);
    return { weights: crisp.map((c) => c / total), fuzzyWeights, consistency, fuzzy: T, warnings, method };
  }
  const rowSum = T.map((row) => [0, 1, 2].map((c) => row.reduce((s, t) => s + t[c]!, 0)));
  const all = [0, 1, 2].map((c) => rowSum.reduce((s, r) => s + r[c]!, 0));
  const extents = rowSum.map((r): [number, number, number] => [
    r[0]! / all[2]!,
    r[1]! / all[1]!,
    r[2]! / all[0]!,
  ]);
  const V = (a: Tfn, b: Tfn) =>
    a[1] >= b[1] ? 1 : b[0] >= a[2] ? 0 : (b[0] - a[2]) / (a[1] - a[2] - (b[1] - b[0]));
  const d = extents.map((s, i) => {
    let v = 1;
    extents.forEach((t, k) => {
      if (k !== i) v = Math.min(v, V(s, t));
    });
    return v;
  });
  const total = d.reduce((a, b) => a + b, 0);
  d.forEach((v, i) => {
    if (v === 0)
      warnings.push(
        `zero_weight: Chang's extent analysis gives ${labels?.[i] !== undefined ? `"${labels[i]}"` : `row ${i}`} weight 0 (a known flaw, Wang, Luo & Hua 2008; Buckley's method does not)`,
      );
  });
  return { weights: d.map((v) => v / total), extents, consistency, fuzzy: T, warnings, method };
}
