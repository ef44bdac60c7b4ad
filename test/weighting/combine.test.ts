import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { combineWeights, combineWeightsDetailed } from "../../src/weighting/combine.js";
import { entropyWeights } from "../../src/weighting/entropy.js";
import { equalWeights } from "../../src/weighting/equal-weights.js";
import { EXPECTED } from "../fixtures/five-communities/index.js";
import { DIRS, U_AHP, X } from "./golden.js";
import { errorOf, expectClose } from "./helpers.js";

// v = entropy weights of the five-communities example with A = 1e-4 (unrounded, as compute.py combines them).
// Reference values: test/fixtures/five-communities/compute.py (expected.json, "combination").
const REF = EXPECTED.combination;
const v = entropyWeights(X, { directions: DIRS, shift: 1e-4 });

describe("combineWeights: the five-communities example (u = AHP, v = entropy A = 1e-4)", () => {
  it.each([
    ["multiplicative", REF.multiplicative],
    ["min-discrimination", REF.minDiscrimination],
    ["linear", REF.linear],
    ["moment", REF.moment.weights],
    ["game-theory", REF.gameTheory.weights],
  ] as const)("%s matches the reference to 1e-6", (method, expected) => {
    expectClose(combineWeights([U_AHP, v], { method }), expected, 1e-6);
  });

  it("moment estimation alpha = 0.488640", () => {
    expect(combineWeightsDetailed([U_AHP, v], { method: "moment" }).coefficients[0]).toBeCloseTo(
      REF.moment.alpha,
      6,
    );
  });

  it("game theory: raw alpha [1.172298, -0.184449], |a|/sum|a| = [0.864051, 0.135949], one warning", () => {
    const r = combineWeightsDetailed([U_AHP, v], { method: "game-theory" });
    expectClose(r.coefficients, REF.gameTheory.rawAlpha, 1e-6);
    expectClose(r.normalizedCoefficients, REF.gameTheory.alpha, 1e-6);
    expect(r.warnings).toHaveLength(1);
    expect(r.warnings[0]).toContain("α[1]");
  });

  it("game theory with normalize 'sum': alpha / sum alpha, w = sum alpha* u_k (hand computation from raw alpha)", () => {
    const r = combineWeightsDetailed([U_AHP, v], { method: "game-theory", normalize: "sum" });
    const [a0, a1] = r.coefficients as [number, number];
    const s = a0 + a1;
    expectClose(
      r.weights,
      U_AHP.map((u, j) => (a0 / s) * u + (a1 / s) * (v[j] as number)),
      1e-12,
    );
  });
});

describe("combineWeights: definitions", () => {
  const a = [0.5, 0.3, 0.2];
  const b = [0.2, 0.3, 0.5];
  it("linear alpha = 0.8 gives 0.8 a + 0.2 b", () => {
    expectClose(combineWeights([a, b], { method: "linear", alpha: 0.8 }), [0.44, 0.3, 0.26], 1e-12);
  });
  it("linear with one coefficient per vector (3 vectors)", () => {
    expectClose(
      combineWeights([a, b, equalWeights(3)], { method: "linear", alpha: [2, 1, 1] }),
      [(1 + 0.2 + 1 / 3) / 4, (0.6 + 0.3 + 1 / 3) / 4, (0.4 + 0.5 + 1 / 3) / 4],
      1e-12,
    );
  });
  it("multiplicative of a and b: [0.1, 0.09, 0.1] / 0.29", () => {
    expectClose(
      combineWeights([a, b], { method: "multiplicative" }),
      [0.1 / 0.29, 0.09 / 0.29, 0.1 / 0.29],
      1e-12,
    );
  });
  it("game theory of three vectors solves (U Uᵀ) α = diag(U Uᵀ): check the residual", () => {
    const c = [0.1, 0.6, 0.3];
    const U = [a, b, c];
    const r = combineWeightsDetailed(U, { method: "game-theory" });
    const dot = (x: number[], y: number[]) => x.reduce((t, xi, j) => t + xi * (y[j] as number), 0);
    U.forEach((ul) => {
      const lhs = U.reduce((t, uk, k) => t + (r.coefficients[k] as number) * dot(ul, uk), 0);
      expect(lhs).toBeCloseTo(dot(ul, ul), 12);
    });
  });
  it("input vectors are scaled to sum 1 first", () => {
    expectClose(
      combineWeights([[5, 3, 2], b], { method: "linear" }),
      combineWeights([a, b], { method: "linear" }),
      1e-15,
    );
  });

  test.prop(
    [
      fc.array(fc.double({ min: 0.01, max: 1, noNaN: true }), { minLength: 4, maxLength: 4 }),
      fc.array(fc.double({ min: 0.01, max: 1, noNaN: true }), { minLength: 4, maxLength: 4 }),
      fc.constantFrom("linear", "multiplicative", "min-discrimination", "moment", "game-theory" as const),
    ],
    { seed: 42, numRuns: 200 },
  )("weights are non-negative and sum to 1", (p, q, method) => {
    let w: number[];
    try {
      w = combineWeights([p, q], { method });
    } catch (e) {
      if ((e as { code?: string }).code === "degenerate_combination") return; // p and q proportional
      throw e;
    }
    expect(w.every((x) => x >= 0)).toBe(true);
    expect(Math.abs(w.reduce((s, x) => s + x, 0) - 1)).toBeLessThan(1e-12);
  });
});

describe("combineWeights: errors", () => {
  const a = [0.5, 0.5];
  it.each([
    ["one vector", () => combineWeights([a], { method: "linear" }), "invalid_weights @ ws"],
    ["lengths differ", () => combineWeights([a, [1, 0, 0]], { method: "linear" }), "invalid_weights @ ws[1]"],
    [
      "a negative weight",
      () => combineWeights([a, [1.2, -0.2]], { method: "linear" }),
      "invalid_weights @ ws[1][1]",
    ],
    ["a zero vector", () => combineWeights([a, [0, 0]], { method: "linear" }), "invalid_weights @ ws[1]"],
    [
      "unknown method",
      () => combineWeights([a, a], { method: "max" as never }),
      "invalid_option @ opts.method",
    ],
    [
      "alpha out of [0, 1]",
      () => combineWeights([a, a], { method: "linear", alpha: 1.5 }),
      "invalid_option @ opts.alpha",
    ],
    [
      "single alpha with 3 vectors",
      () => combineWeights([a, a, a], { method: "linear", alpha: 0.5 }),
      "invalid_option @ opts.alpha",
    ],
    [
      "moment with subjective = 2 of 2",
      () => combineWeights([a, a], { method: "moment", subjective: 2 }),
      "invalid_option @ opts.subjective",
    ],
    [
      "game theory on equal vectors",
      () => combineWeights([a, a], { method: "game-theory" }),
      "degenerate_combination @ ws",
    ],
    [
      "game theory bad normalize",
      () => combineWeights([a, [0.2, 0.8]], { method: "game-theory", normalize: "max" as never }),
      "invalid_option @ opts.normalize",
    ],
    [
      "multiplicative with disjoint support",
      () =>
        combineWeights(
          [
            [1, 0],
            [0, 1],
          ],
          { method: "multiplicative" },
        ),
      "degenerate_combination @ ws",
    ],
  ])("%s", (_name, f, expected) => {
    expect(errorOf(f)).toBe(expected);
  });
});
