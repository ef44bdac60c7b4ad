import { describe, expect, it } from "vitest";
import { contiguityWeights } from "../../../src/analysis/spatial/contiguity-weights.js";
import { moranI } from "../../../src/analysis/spatial/moran-i.js";
import { CASES, near, SCHEMES, type Scheme, SPDEP_VERSION, unitsOf } from "./reference.js";
import { weightsOf } from "./weights-of.js";

/** Every permutation of 0..n-1 (Heap's algorithm). */
function* permutations(n: number): Generator<number[]> {
  const a = Array.from({ length: n }, (_, i) => i);
  const c = new Array<number>(n).fill(0);
  yield [...a];
  let i = 0;
  while (i < n) {
    if (c[i]! < i) {
      const j = i % 2 === 0 ? 0 : c[i]!;
      [a[j], a[i]] = [a[i]!, a[j]!];
      yield [...a];
      c[i]!++;
      i = 0;
    } else c[i++] = 0;
  }
}

describe(`moranI(values, weights) against spdep ${SPDEP_VERSION} moran.test (spdep.R)`, () => {
  for (const [name, c] of Object.entries(CASES))
    for (const scheme of SCHEMES)
      it(`${name} / ${scheme}: I, E[I], S0-S2, variances, z and two-sided p under normality and randomization`, () => {
        const ref = (c as unknown as Record<string, Scheme>)[scheme]!;
        const m = moranI(c.values, weightsOf(c, scheme), { permutations: 0 });
        for (const [got, want] of [
          [m.I, ref.I],
          [m.expected, ref.E],
          [m.S0, ref.S0],
          [m.S1, ref.S1],
          [m.S2, ref.S2],
          [m.normality.variance, ref.varN],
          [m.randomization.variance, ref.varR],
          [m.normality.z, ref.zN],
          [m.randomization.z, ref.zR],
        ] as const)
          expect(near(got, want, 1e-11), `${got} vs ${want}`).toBe(true);
        // p from the normal tail (Hart's algorithm) against R's pnorm: 1e-12 absolute.
        expect(Math.abs(m.normality.p - ref.pN)).toBeLessThan(1e-12);
        expect(Math.abs(m.randomization.p - ref.pR)).toBeLessThan(1e-12);
        expect(m.z).toBe(m.randomization.z);
      });

  it("reproduces DOMAIN C6.2 (I = 0.373575530587, Var_N 0.0665076215671, Var_R 0.078859344595, p_R 0.0659118226837)", () => {
    const c = CASES.domain;
    const m = moranI(c.values, contiguityWeights(unitsOf(c), c.adjacency), {
      permutations: 0,
      inference: "normality",
    });
    expect(m.I).toBeCloseTo(0.373575530587, 12);
    expect(m.normality.variance).toBeCloseTo(0.0665076215671, 12);
    expect(m.randomization.variance).toBeCloseTo(0.078859344595, 12);
    expect(m.randomization.p).toBeCloseTo(0.0659118226837, 12);
    expect(m.b2).toBeCloseTo(1.60166613576, 11);
    expect(m.z).toBe(m.normality.z);
  });

  describe("the permutation test", () => {
    const c = CASES.domain;
    const w = contiguityWeights(unitsOf(c), c.adjacency);
    const I = moranI(c.values, w, { permutations: 0 }).I;
    // All 8! orderings of the values: the exact permutation distribution (DOMAIN C6.2).
    const all: number[] = [];
    for (const p of permutations(8))
      all.push(
        moranI(
          p.map((i) => c.values[i]!),
          w,
          { permutations: 0 },
        ).I,
      );
    const exactP = all.filter((v) => v >= I - 1e-12).length / all.length;

    it("the exact distribution has mean E[I] and variance Var_R, and P(I_r >= I) = 0.0270337301587", () => {
      const mean = all.reduce((a, b) => a + b, 0) / all.length;
      const variance = all.reduce((a, b) => a + (b - mean) ** 2, 0) / all.length;
      const m = moranI(c.values, w, { permutations: 0 });
      expect(mean).toBeCloseTo(m.expected, 12);
      expect(variance).toBeCloseTo(m.randomization.variance, 12);
      expect(exactP).toBeCloseTo(0.0270337301587, 12);
    });

    it("the seeded pseudo p is within 3 standard errors of the exact p, and the same seed gives the same p", () => {
      const R = 9999;
      const m = moranI(c.values, w, { permutations: R, seed: 7 });
      const se = Math.sqrt((exactP * (1 - exactP)) / R);
      expect(Math.abs(m.permutation!.p - exactP)).toBeLessThan(3 * se + 1 / R);
      expect(Math.abs(m.permutation!.mean - m.expected)).toBeLessThan(
        3 * Math.sqrt(m.randomization.variance / R),
      );
      expect(moranI(c.values, w, { permutations: R, seed: 7 }).permutation).toEqual(m.permutation);
      expect(moranI(c.values, w, { permutations: 99, seed: 8 }).permutation!.seed).toBe(8);
    });
  });

  it("throws for n < 4, constant values and misaligned weights", () => {
    const w3 = contiguityWeights(["a", "b", "c"], [[1], [0, 2], [1]]);
    expect(() => moranI([1, 2, 3], w3)).toThrow(expect.objectContaining({ code: "too_few_units" }));
    const c = CASES.domain;
    const w = contiguityWeights(unitsOf(c), c.adjacency);
    expect(() => moranI(new Array(8).fill(1), w)).toThrow(expect.objectContaining({ code: "no_spread" }));
    expect(() => moranI([1, 2, 3, 4], w)).toThrow(expect.objectContaining({ code: "length_mismatch" }));
  });
});
