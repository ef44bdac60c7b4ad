import { describe, expect, it } from "vitest";
import { ahp } from "../../src/weighting/ahp.js";
import { fuzzyAhp, toTfn } from "../../src/weighting/fuzzy-ahp.js";
import { EXPECTED } from "../fixtures/weights/index.js";
import { errorOf, expectClose, frozen } from "./helpers.js";

// Reference values: test/fixtures/weights/compute.py (numpy; Buckley 1985, Chang 1996); pyDecision 4.9.1's
// fuzzy_ahp_method (Buckley, centroid) gives the same fuzzy and crisp weights to 6e-17. The first case is DOMAIN
// C8.3's example.
const F = EXPECTED.fuzzyAhp;

describe("fuzzyAhp: Buckley's geometric mean (default) against compute.py and pyDecision", () => {
  for (const c of F)
    it(`fuzzyAhp(${c.matrix.length} x ${c.matrix.length}) gives the fuzzy weights, centroid and graded-mean weights to 1e-14`, () => {
      const r = fuzzyAhp(frozen(c.matrix));
      expect(r.method).toBe("buckley");
      expectClose(r.weights, c.buckley.weights, 1e-14);
      r.fuzzyWeights!.forEach((t, i) => {
        expectClose(t, c.buckley.fuzzy[i]!, 1e-14);
      });
      expectClose(fuzzyAhp(c.matrix, { defuzzify: "graded-mean" }).weights, c.buckley.gradedMean, 1e-14);
    });
  it("fuzzyAhp(DOMAIN C8.3) gives w = (0.637364087503, 0.233278557462, 0.129357355035)", () => {
    expectClose(fuzzyAhp(F[0]!.matrix).weights, [0.637364087503, 0.233278557462, 0.129357355035], 1e-12);
  });
  it("the consistency check is ahp() on the modal matrix", () => {
    const r = fuzzyAhp(F[1]!.matrix);
    expect(r.consistency.cr).toBe(ahp(F[1]!.matrix).cr);
  });
  it("TFN input [l, m, u] gives the same as the crisp judgments they come from", () => {
    const m = F[2]!.matrix;
    const tfns = m.map((r) => r.map(toTfn));
    expectClose(fuzzyAhp(tfns).weights, fuzzyAhp(m).weights, 1e-15);
  });
});

describe("fuzzyAhp: Chang's extent analysis", () => {
  for (const c of F)
    it(`fuzzyAhp(${c.matrix.length} x ${c.matrix.length}, chang) gives compute.py's extents and weights to 1e-14`, () => {
      const r = fuzzyAhp(c.matrix, { method: "chang" });
      expectClose(r.weights, c.chang.weights, 1e-14);
      r.extents!.forEach((t, i) => {
        expectClose(t, c.chang.extents[i]!, 1e-14);
      });
    });
  it("fuzzyAhp(DOMAIN C8.3, chang) gives w = (0.946407990119, 0.053592009881, 0) and warns zero_weight", () => {
    const r = fuzzyAhp(F[0]!.matrix, { method: "chang" });
    expectClose(r.weights, [0.946407990119, 0.053592009881, 0], 1e-12);
    expect(r.warnings[0]).toMatch(/^zero_weight/);
  });
});

describe("fuzzyAhp: properties and errors", () => {
  it("permuting the criteria permutes the weights (both methods)", () => {
    const m = F[3]!.matrix;
    const perm = [...m.keys()].reverse();
    const pm = perm.map((i) => perm.map((j) => m[i]![j]!));
    for (const method of ["buckley", "chang"] as const) {
      const w = fuzzyAhp(m, { method }).weights;
      expectClose(
        fuzzyAhp(pm, { method }).weights,
        perm.map((i) => w[i]!),
        1e-14,
      );
      expect(Math.abs(w.reduce((a, b) => a + b, 0) - 1)).toBeLessThan(1e-12);
    }
  });
  it("a TFN with l > m, or a non-reciprocal pair, throws invalid_matrix naming the cell", () => {
    expect(
      errorOf(() =>
        fuzzyAhp([
          [1, [3, 2, 4]],
          [[1 / 4, 1 / 2, 1 / 3], 1],
        ]),
      ),
    ).toBe("invalid_matrix @ matrix[0][1]");
    expect(
      errorOf(() =>
        fuzzyAhp([
          [1, 3],
          [1 / 2, 1],
        ]),
      ),
    ).toBe("invalid_matrix @ matrix[1][0]");
  });
  it("toTfn follows the scale: 1 -> (1,1,1), 5 -> (4,5,6), 9 -> (9,9,9), 1/5 -> (1/6, 1/5, 1/4)", () => {
    expect(toTfn(1)).toEqual([1, 1, 1]);
    expect(toTfn(5)).toEqual([4, 5, 6]);
    expect(toTfn(9)).toEqual([9, 9, 9]);
    expectClose(toTfn(1 / 5), [1 / 6, 1 / 5, 1 / 4], 1e-16);
  });
});
