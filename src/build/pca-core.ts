/**
 * The shared part of {@link pca} and {@link factorAnalysis}: complete rows, correlation or covariance
 * matrix, KMO and Bartlett, eigen-decomposition, the number of components kept.
 * @internal
 * @module
 */

import { correlationOf, eigenSymmetric } from "../internal/eigen-symmetric.js";
import { fail, IndicatrixError } from "../internal/errors.js";
import { type BartlettResult, bartlettSphericity } from "./bartlett.js";
import { type KmoResult, kmo } from "./kmo.js";
import { completeColumns, type UnitsMatrix } from "./units-matrix.js";

/** How many components to keep: Kaiser (λ > 1, or λ above the mean eigenvalue on a covariance matrix), a count, or a cumulative share. */
export type ComponentRule = "kaiser" | number | { readonly cumulative: number };

/** The decomposition shared by pca and factorAnalysis. @internal */
export interface Decomposition {
  on: "correlation" | "covariance";
  units: number;
  rows: number[];
  dropped: number[];
  means: number[];
  sds: number[];
  matrix: number[][];
  kmo: KmoResult | null;
  bartlett: BartlettResult | null;
  eigenvalues: number[];
  explained: number[];
  cumulative: number[];
  vectors: number[][];
  components: number;
  /** Centred (covariance) or standardized (correlation) data, by column. */
  z: Float64Array[];
  warnings: string[];
}

/** @internal */
export function decompose(
  input: UnitsMatrix,
  opts: { on?: "correlation" | "covariance" | undefined; components?: ComponentRule | undefined },
): Decomposition {
  const on = opts.on ?? "correlation";
  if (on !== "correlation" && on !== "covariance")
    fail("invalid_option", ["opts", "on"], `expected "correlation" or "covariance", got ${String(on)}`);
  const { cols, used, dropped, m, n } = completeColumns(input);
  const warnings: string[] = [];
  if (dropped.length > 0)
    warnings.push(
      `${dropped.length} unit(s) with a missing value left out (listwise): rows ${dropped.join(", ")}`,
    );
  if (m < 3) fail("too_few_units", ["matrix"], `PCA needs at least 3 complete units, got ${m}`);
  if (n < 2) fail("too_few_items", ["matrix"], `PCA needs at least 2 variables, got ${n}`);
  const means = cols.map((c) => c.reduce((s, v) => s + v, 0) / m);
  const sds = cols.map((c, j) =>
    Math.sqrt(c.reduce((s, v) => s + (v - (means[j] as number)) ** 2, 0) / (m - 1)),
  );
  sds.forEach((sd, j) => {
    if (!(sd > 0))
      fail(
        "constant_column",
        ["matrix", "columns", j],
        `variable ${j} is constant: its correlations are undefined`,
      );
  });
  const r = correlationOf(cols);
  const matrix = on === "correlation" ? r : correlationOf(cols, true);
  let k: KmoResult | null = null;
  let b: BartlettResult | null = null;
  try {
    k = kmo(r);
    b = bartlettSphericity(r, m);
  } catch (e) {
    if (!(e instanceof IndicatrixError && e.code === "singular_correlation")) throw e;
    warnings.push(`KMO and Bartlett's test are undefined: ${e.message}`);
  }
  const { values, vectors } = eigenSymmetric(matrix);
  const eigenvalues = values.map((v) => Math.max(v, 0));
  const trace = eigenvalues.reduce((s, v) => s + v, 0);
  const explained = eigenvalues.map((v) => v / trace);
  const cumulative: number[] = [];
  explained.reduce((s, v) => {
    cumulative.push(s + v);
    return s + v;
  }, 0);
  const rule = opts.components ?? "kaiser";
  let components: number;
  if (rule === "kaiser") {
    const bar = on === "correlation" ? 1 : trace / n;
    components = Math.max(1, eigenvalues.filter((v) => v > bar).length);
  } else if (typeof rule === "number") {
    if (!Number.isInteger(rule) || rule < 1 || rule > n)
      fail("invalid_option", ["opts", "components"], `expected a whole number from 1 to ${n}, got ${rule}`);
    components = rule;
  } else {
    const c = (rule as { cumulative?: unknown })?.cumulative;
    if (typeof c !== "number" || !(c > 0 && c <= 1))
      fail(
        "invalid_option",
        ["opts", "components"],
        `expected "kaiser", a count or { cumulative: share in (0, 1] }`,
      );
    components = Math.min(n, cumulative.findIndex((v) => v >= c - 1e-12) + 1 || n);
  }
  const z = cols.map((c, j) =>
    Float64Array.from(c, (v) => (v - (means[j] as number)) / (on === "correlation" ? (sds[j] as number) : 1)),
  );
  return {
    on,
    units: m,
    rows: used,
    dropped,
    means,
    sds,
    matrix,
    kmo: k,
    bartlett: b,
    eigenvalues,
    explained,
    cumulative,
    vectors,
    components,
    z,
    warnings,
  };
}

/** Scores Z · v for a weight vector v over the variables. @internal */
export function project(z: readonly Float64Array[], v: readonly number[]): number[] {
  const m = z[0]?.length ?? 0;
  const out = new Array<number>(m).fill(0);
  z.forEach((col, j) => {
    const w = v[j] as number;
    for (let i = 0; i < m; i++) out[i] = (out[i] as number) + w * (col[i] as number);
  });
  return out;
}
