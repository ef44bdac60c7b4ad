import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { gini } from "../../../src/analysis/disparity/gini.js";
import { CASES } from "./reference.js";

const positive = fc
  .array(fc.double({ min: 0, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 60 })
  .filter((v) => v.some((x) => x > 1e-3));

describe("gini(values)", () => {
  for (const [name, c] of Object.entries(CASES))
    it(`gini(${name}) equals compute.py's pairwise mean absolute difference / (2 mu) to 1e-12`, () => {
      expect(gini(c.values)).toBeCloseTo(c.dagum.gini, 12);
    });

  it("gini([0, 0, 0, 4]) is 0.75 = 1 - 1/N (hand computation: one unit holds everything)", () => {
    expect(gini([0, 0, 0, 4])).toBeCloseTo(0.75, 15);
  });

  it("is in [0, 1) for any non-negative sample (fast-check)", () => {
    fc.assert(
      fc.property(positive, (v) => {
        const g = gini(v);
        expect(g).toBeGreaterThanOrEqual(0);
        expect(g).toBeLessThan(1);
      }),
    );
  });

  it("is 0 when every value is equal (fast-check)", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1e-6, max: 1e6, noNaN: true }),
        fc.integer({ min: 1, max: 50 }),
        (x, n) => {
          expect(gini(new Array(n).fill(x))).toBeLessThan(1e-12);
        },
      ),
    );
  });

  it("is invariant to scaling and to the order of the values (fast-check)", () => {
    fc.assert(
      fc.property(positive, fc.double({ min: 1e-3, max: 1e3, noNaN: true }), (v, c) => {
        const g = gini(v);
        expect(Math.abs(gini(v.map((x) => x * c)) - g)).toBeLessThan(1e-12);
        expect(Math.abs(gini([...v].reverse()) - g)).toBeLessThan(1e-12);
      }),
    );
  });

  it("throws on an empty sample, a NaN, a negative value and a zero mean", () => {
    expect(() => gini([])).toThrow(expect.objectContaining({ code: "too_few_values" }));
    expect(() => gini([1, Number.NaN])).toThrow(
      expect.objectContaining({ code: "non_finite_value", path: ["values", 1] }),
    );
    expect(() => gini([1, -2])).toThrow(expect.objectContaining({ code: "negative_value" }));
    expect(() => gini([0, 0])).toThrow(expect.objectContaining({ code: "zero_mean" }));
  });
});
