import { readFileSync } from "node:fs";
import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { bartlettSphericity } from "../../src/build/bartlett.js";
import { factorAnalysis } from "../../src/build/factor-analysis.js";
import { kmo } from "../../src/build/kmo.js";
import { pca } from "../../src/build/pca.js";
import { varimax } from "../../src/build/varimax.js";
import { IndicatrixError } from "../../src/internal/errors.js";

// References: test/fixtures/pca/pca_ref.py (numpy 2 eigh, scipy chi2; output pca_ref.json) and r_ref.R
// (R 4.2.2: psych 2.2.9 KMO and cortest.bartlett, prcomp, stats::varimax; output r_ref.txt).
type Ref = Record<string, number[] & number[][] & number & unknown>;
const ref = JSON.parse(readFileSync("test/fixtures/pca/pca_ref.json", "utf8")) as Record<
  "c3" | "random",
  Ref
>;
const rOut = Object.fromEntries(
  readFileSync("test/fixtures/pca/r_ref.txt", "utf8")
    .split("\n")
    .filter((l) => /^(c3|asem) .*[0-9] *$/.test(l) && !l.includes(" units "))
    .map((l) => {
      const parts = l.trim().split(" ");
      const nums = parts.filter((p) => /^-?[0-9.]+(e-?[0-9]+)?$/.test(p)).map(Number);
      return [parts.slice(0, parts.length - nums.length).join(" "), nums];
    }),
) as Record<string, number[]>;
const near = (
  a: readonly number[] | readonly number[][],
  b: readonly number[] | readonly number[][],
  tol = 1e-12,
) => {
  const x = (a as unknown[]).flat() as number[];
  const y = (b as unknown[]).flat() as number[];
  expect(x.length).toBe(y.length);
  x.forEach((v, i) => {
    expect(Math.abs(v - (y[i] as number))).toBeLessThan(tol);
  });
};

describe("kmo and bartlettSphericity", () => {
  it("kmo(R of C3 example) matches psych::KMO (overall and MSAi) to 1e-12", () => {
    const r = pca(ref.c3.x as number[][]);
    const k = kmo(r.matrix);
    expect(k.overall).toBeCloseTo(rOut["c3 KMO"]![0]!, 12);
    near(k.perVariable, rOut["c3 MSAi"]!);
    expect(k.label).toBe("mediocre");
  });

  it("bartlettSphericity(R, 10) matches psych::cortest.bartlett (chi2, df, p)", () => {
    const r = pca(ref.c3.x as number[][]);
    const b = bartlettSphericity(r.matrix, 10);
    const [chi2, df, p] = rOut["c3 bartlett"]!;
    expect(b.chi2).toBeCloseTo(chi2!, 10);
    expect(b.df).toBe(df);
    expect(Math.abs(b.p - p!) / p!).toBeLessThan(1e-10);
  });

  it("kmo and bartlett of the random case match numpy", () => {
    const r = pca(ref.random.x as number[][]);
    expect(r.kmo!.overall).toBeCloseTo(ref.random.kmo as number, 12);
    near(r.kmo!.perVariable, ref.random.kmo_j as number[]);
    expect(r.bartlett!.chi2).toBeCloseTo((ref.random.bartlett as number[])[0]!, 9);
  });

  it("a singular correlation matrix is singular_correlation for kmo; pca reports KMO null with a warning", () => {
    const x = [
      [1, 2, 3],
      [2, 4, 1],
      [3, 6, 2],
      [4, 8, 5],
    ];
    expect(() => kmo(pca(x).matrix)).toThrow(IndicatrixError);
    try {
      bartlettSphericity(pca(x).matrix, 4);
    } catch (e) {
      expect((e as IndicatrixError).code).toBe("singular_correlation");
    }
    const r = pca(x);
    expect(r.kmo).toBeNull();
    expect(r.warnings[0]).toMatch(/KMO and Bartlett's test are undefined/);
  });
});

describe("pca", () => {
  for (const name of ["c3", "random"] as const) {
    const c = ref[name];
    it(`pca(${name}): eigenvalues, eigenvectors (sum > 0), loadings, communalities, scores and composites (a), (b) as numpy`, () => {
      const r = pca(c.x as number[][]);
      near(r.eigenvalues, c.eigenvalues as number[]);
      expect(r.components).toBe(c.K);
      near(r.vectors, (c.vectors as number[][]).slice(0, r.components));
      near(r.loadings, c.loadings as number[][]);
      near(r.communalities, c.communalities as number[]);
      near(r.scores, c.scores_a as number[][]);
      near(r.composite.scores, c.composite_a as number[]);
      near(r.composite.weights, c.weights_ab as number[]);
      near(pca(c.x as number[][], { scores: "standardized" }).composite.scores, c.composite_b as number[]);
      near(r.weights.square, c.pca_weights_square as number[]);
      near(r.weights.first!, c.pca_weights_first as number[]);
      near(r.weights.variance!, c.pca_weights_variance as number[]);
      near(
        pca(c.x as number[][], { on: "covariance", components: 2 }).vectors,
        (c.cov_vectors as number[][]).slice(0, 2),
        1e-10,
      );
    });
  }

  it("pca(C3) eigenvalues and first eigenvector equal R prcomp's up to sign (prcomp returns -u_1)", () => {
    const r = pca(ref.c3.x as number[][]);
    near(r.eigenvalues, rOut["c3 prcomp sdev^2"]!);
    near(
      r.vectors[0]!,
      rOut["c3 prcomp rotation[,1]"]!.map((v) => -v),
    );
  });

  it("pca keeps components by count or cumulative share, and drops incomplete units with a warning", () => {
    const x = ref.c3.x as number[][];
    expect(pca(x, { components: 3 }).components).toBe(3);
    expect(pca(x, { components: { cumulative: 0.85 } }).components).toBe(2); // cumulative 0.8739 at K = 2
    expect(pca(x, { components: { cumulative: 0.9 } }).components).toBe(3);
    const gap = [...x.map((r) => [...r]), [70, null, 20, 60, 30]];
    const r = pca(gap);
    expect(r.dropped).toEqual([10]);
    expect(r.warnings[0]).toMatch(/1 unit/);
    near(r.eigenvalues, ref.c3.eigenvalues as number[]);
    expect(() => pca(x, { components: 9 })).toThrow(/from 1 to 5/);
    expect(() =>
      pca([
        [1, 2],
        [1, 3],
        [1, 4],
      ]),
    ).toThrow(/constant/);
  });

  test.prop([fc.integer({ min: 0, max: 9 }), fc.integer({ min: 0, max: 4 })])(
    "permuting units permutes the scores; permuting variables permutes loadings (eigenvalues unchanged)",
    (s, t) => {
      const x = ref.c3.x as number[][];
      const base = pca(x);
      const rows = [...x.slice(s), ...x.slice(0, s)];
      const pr = pca(rows);
      near(
        pr.composite.scores,
        [...base.composite.scores.slice(s), ...base.composite.scores.slice(0, s)],
        1e-10,
      );
      const perm = (r: number[]) => [...r.slice(t), ...r.slice(0, t)];
      const pv = pca(x.map(perm));
      near(pv.eigenvalues, base.eigenvalues, 1e-10);
      near(pv.loadings, perm(base.loadings as unknown as number[]) as unknown as number[][], 1e-10);
    },
  );
});

describe("varimax and factorAnalysis", () => {
  it("varimax(C3 loadings) matches R stats::varimax (normalize = TRUE, eps = 1e-5) to 1e-12, 17 iterations as numpy", () => {
    const v = varimax(ref.c3.loadings as number[][]);
    near(v.loadings, rOut["c3 varimax (by row)"]!);
    expect(v.iterations).toBe(ref.c3.varimax_iterations);
    expect(v.converged).toBe(true);
  });

  for (const name of ["c3", "random"] as const) {
    const c = ref[name];
    it(`factorAnalysis(${name}): rotated loadings, rotated SS, regression scores and composite (c) as numpy`, () => {
      const f = factorAnalysis(c.x as number[][]);
      expect(f.factors).toBe(c.K);
      near(f.rotated, c.varimax as number[][]);
      near(f.variance, c.rotated_ss as number[]);
      near(f.composite.weights, c.weights_c as number[]);
      near(f.composite.scores, c.composite_c as number[]);
      near(f.communalities, c.communalities as number[]);
      expect(f.iterations).toBe(c.varimax_iterations);
    });
  }

  it("factorAnalysis regression scores have unit variance and are uncorrelated (principal components)", () => {
    const f = factorAnalysis(ref.random.x as number[][]);
    const m = f.scores.length;
    for (let k = 0; k < f.factors; k++) {
      const col = f.scores.map((r) => r[k]!);
      expect(col.reduce((s, v) => s + v * v, 0) / (m - 1)).toBeCloseTo(1, 10);
    }
    const a = f.scores.map((r) => r[0]!);
    const b = f.scores.map((r) => r[1]!);
    expect(a.reduce((s, v, i) => s + v * b[i]!, 0)).toBeCloseTo(0, 9);
  });

  it('factorAnalysis with rotation "none" keeps the unrotated loadings; one factor is never rotated', () => {
    const f = factorAnalysis(ref.c3.x as number[][], { rotation: "none" });
    near(f.rotated, ref.c3.loadings as number[][]);
    expect(factorAnalysis(ref.c3.x as number[][], { factors: 1 }).iterations).toBe(0);
  });
});
