import { describe, expect, it } from "vitest";
import { contiguityWeights } from "../../../src/analysis/spatial/contiguity-weights.js";
import { localMoran } from "../../../src/analysis/spatial/local-moran.js";
import { moranI } from "../../../src/analysis/spatial/moran-i.js";
import { CASES, near, SCHEMES, type Scheme, SPDEP_VERSION, unitsOf } from "./reference.js";
import { weightsOf } from "./weights-of.js";

const QUADRANT: Record<string, string> = {
  "High-High": "HH",
  "Low-Low": "LL",
  "High-Low": "HL",
  "Low-High": "LH",
};

describe(`localMoran(values, weights) against spdep ${SPDEP_VERSION} localmoran(conditional = FALSE) (spdep.R)`, () => {
  for (const [name, c] of Object.entries(CASES))
    for (const scheme of SCHEMES)
      it(`${name} / ${scheme}: I_i, E[I_i], Var[I_i], Z_i and the quadrant of every unit`, () => {
        const ref = (c as unknown as Record<string, Scheme>)[scheme]!.local;
        const l = localMoran(c.values, weightsOf(c, scheme), { permutations: 0 });
        c.values.forEach((_, i) => {
          expect(near(l.I[i]!, ref.Ii[i]!, 1e-11)).toBe(true);
          expect(near(l.expected[i]!, ref.E[i]!, 1e-11)).toBe(true);
          expect(near(l.variance[i]!, ref.var[i]!, 1e-11)).toBe(true);
          // spdep gives Z_i = NaN for an island (variance 0) as indicatrix does.
          if (Number.isNaN(Number(ref.z[i]))) expect(l.zScore[i]).toBeNaN();
          else expect(near(l.zScore[i]!, ref.z[i]!, 1e-10)).toBe(true);
        });
        expect(l.quadrant).toEqual(ref.quadrant.map((q) => QUADRANT[q]));
      });

  it("reproduces DOMAIN C6.3: z, lag, I_i and Var[I_i] of the 8 communities; esda's scale is 7/8 of it", () => {
    const c = CASES.domain;
    const w = contiguityWeights(unitsOf(c), c.adjacency);
    const l = localMoran(c.values, w, { permutations: 0 });
    const z = [
      0.848439854831, 0.62948763423, -1.25350146294, 1.33013474015, -0.0273690275752, -1.56003457179,
      0.760858966591, -0.7280161335,
    ];
    const lag = [
      0.979811187192, -0.144143545229, -0.465273468778, 0.527309931282, -0.0821070827256, -0.64043524526,
      0.301059303327, 0.366744969508,
    ];
    const Ii = [
      0.831310861423, -0.0907365792759, 0.583220973783, 0.701393258427, 0.00224719101124, 0.999101123596,
      0.229063670412, -0.266996254682,
    ];
    for (let i = 0; i < 8; i++) {
      expect(l.z[i]).toBeCloseTo(z[i]!, 11);
      expect(l.lag[i]).toBeCloseTo(lag[i]!, 11);
      expect(l.I[i]).toBeCloseTo(Ii[i]!, 11);
    }
    expect(l.variance[0]).toBeCloseTo(0.379512496937, 11);
    expect(l.variance[1]).toBeCloseTo(0.208136818707, 11);
    expect(l.variance[4]).toBeCloseTo(0.122448979592, 11);
    const e = localMoran(c.values, w, { permutations: 0, scale: "esda" });
    for (let i = 0; i < 8; i++) expect(e.I[i]).toBeCloseTo((Ii[i]! * 7) / 8, 11);
    // With row-standardized weights, sum_i I_i = n I (Anselin 1995).
    const sum = l.I.reduce((a, b) => a + b, 0);
    expect(sum).toBeCloseTo(8 * moranI(c.values, w, { permutations: 0 }).I, 12);
  });

  it("the conditional permutation p of a unit converges to its exact conditional p (all ordered draws of its neighbours)", () => {
    const c = CASES.domain;
    const w = contiguityWeights(unitsOf(c), c.adjacency);
    const l0 = localMoran(c.values, w, { permutations: 0 });
    const R = 9999;
    const l = localMoran(c.values, w, { permutations: R, seed: 3 });
    for (const i of [0, 4, 5]) {
      // Exact: every ordered draw of k_i values from the other 7 standardized values.
      const others = [...l0.z].filter((_, j) => j !== i);
      const wi = w.weights[i]!;
      const k = wi.length;
      let larger = 0;
      let total = 0;
      const pick = (chosen: number[]) => {
        if (chosen.length === k) {
          total++;
          const lag = chosen.reduce((s, q, r) => s + wi[r]! * others[q]!, 0);
          if (l0.z[i]! * lag >= l0.I[i]! - 1e-12) larger++;
          return;
        }
        for (let q = 0; q < others.length; q++) if (!chosen.includes(q)) pick([...chosen, q]);
      };
      pick([]);
      const upper = larger / total;
      const exact = Math.min(upper, 1 - upper);
      const se = Math.sqrt((exact * (1 - exact)) / R);
      expect(Math.abs(l.pSim![i]! - exact)).toBeLessThan(3 * se + 2 / R);
    }
  });

  it("flags clusters at alpha and after FDR; the same seed gives the same p-values", () => {
    const c = CASES.seeded;
    const w = weightsOf(c, "knn");
    const a = localMoran(c.values, w, { seed: 11, permutations: 499 });
    const b = localMoran(c.values, w, { seed: 11, permutations: 499 });
    expect(a.pSim).toEqual(b.pSim);
    a.cluster.forEach((k, i) => {
      expect(k).toBe(a.pSim![i]! <= 0.05 ? a.quadrant[i] : "ns");
    });
    // FDR rejects a subset of the uncorrected ones.
    a.significantFdr.forEach((f, i) => {
      if (f) expect(a.significant[i]).toBe(true);
    });
    expect(a.significant.some(Boolean)).toBe(true);
  });
});
