import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { g1Weights } from "../../src/weighting/g1.js";
import { EXPECTED } from "../fixtures/weights/index.js";
import { errorOf, expectClose } from "./helpers.js";

// Reference values: test/fixtures/weights/compute.py (numpy, Guo Yajun 2002's formula); the first two cases are
// DOMAIN C8.1's worked example.
const G1 = EXPECTED.g1;

describe("g1Weights: reference values", () => {
  for (const c of G1.cases)
    it(`g1Weights([${c.ratios}]) gives compute.py's weights to 1e-14`, () => {
      expectClose(g1Weights(Object.freeze([...c.ratios])), c.weights, 1e-14);
    });
  it("g1Weights([1.2, 1.4, 1.0]) gives DOMAIN C8.1's w* = (0.330708661417, 0.275590551181, 0.196850393701, 0.196850393701) (sum 4.08)", () => {
    expectClose(
      g1Weights([1.2, 1.4, 1.0]),
      [0.330708661417, 0.275590551181, 0.196850393701, 0.196850393701],
      1e-12,
    );
  });
  it("g1Weights([]) is [1] (one criterion)", () => {
    expect(g1Weights([])).toEqual([1]);
  });
});

describe("g1Weights: properties", () => {
  test.prop(
    [
      fc.array(
        fc.integer({ min: 10, max: 18 }).map((k) => k / 10),
        { maxLength: 12 },
      ),
    ],
    { seed: 3 },
  )("weights are finite, positive, sum to 1, non-increasing, with w_{k-1} / w_k = r_k", (ratios) => {
    const w = g1Weights(ratios);
    expect(Math.abs(w.reduce((a, b) => a + b, 0) - 1)).toBeLessThan(1e-12);
    ratios.forEach((r, i) => {
      expect(w[i + 1]!).toBeGreaterThan(0);
      expect(Math.abs(w[i]! / w[i + 1]! - r)).toBeLessThan(1e-12);
    });
  });
});

describe("g1Weights: errors", () => {
  it("a ratio off Guo's scale [1, 1.8] throws invalid_judgment naming it; scale: free accepts any r > 0", () => {
    expect(errorOf(() => g1Weights([1.2, 2]))).toBe("invalid_judgment @ ratios[1]");
    expect(errorOf(() => g1Weights([0.9]))).toBe("invalid_judgment @ ratios[0]");
    expectClose(g1Weights([2], { scale: "free" }), [2 / 3, 1 / 3], 1e-15);
    expect(errorOf(() => g1Weights([0], { scale: "free" }))).toBe("invalid_judgment @ ratios[0]");
  });
});
