import { describe, expect, it } from "vitest";
import { coefficientOfVariation } from "../../../src/analysis/disparity/coefficient-of-variation.js";
import { maxMinRatio } from "../../../src/analysis/disparity/max-min-ratio.js";
import { CASES } from "./reference.js";

describe("coefficientOfVariation(values, { ddof, weights })", () => {
  it("reproduces DOMAIN C5.3: 0.193753698099 (ddof 1) and 0.185505042788 (ddof 0)", () => {
    const v = CASES.domain.values;
    expect(coefficientOfVariation(v)).toBeCloseTo(0.193753698099, 12);
    expect(coefficientOfVariation(v, { ddof: 0 })).toBeCloseTo(0.185505042788, 12);
  });

  for (const [name, c] of Object.entries(CASES))
    it(`matches numpy std(ddof) / mean on the ${name} case (compute.py)`, () => {
      expect(coefficientOfVariation(c.values)).toBeCloseTo(c.cv.ddof1, 13);
      expect(coefficientOfVariation(c.values, { ddof: 0 })).toBeCloseTo(c.cv.ddof0, 13);
    });

  it("Williamson's weighted CV with equal weights is the population CV; 2 x weight = 2 copies (hand)", () => {
    const v = CASES.domain.values;
    expect(coefficientOfVariation(v, { weights: v.map(() => 3) })).toBeCloseTo(
      coefficientOfVariation(v, { ddof: 0 }),
      14,
    );
    expect(coefficientOfVariation([1, 2], { weights: [2, 1] })).toBeCloseTo(
      coefficientOfVariation([1, 1, 2], { ddof: 0 }),
      14,
    );
  });

  it("throws for a zero mean, a bad ddof and too few values", () => {
    expect(() => coefficientOfVariation([-1, 1])).toThrow(expect.objectContaining({ code: "zero_mean" }));
    expect(() => coefficientOfVariation([1, 2], { ddof: 2 as 1 })).toThrow(
      expect.objectContaining({ code: "invalid_option" }),
    );
    expect(() => coefficientOfVariation([1])).toThrow(expect.objectContaining({ code: "too_few_values" }));
  });
});

describe("maxMinRatio(values)", () => {
  it("matches compute.py (numpy max / min) on both cases", () => {
    for (const c of Object.values(CASES)) expect(maxMinRatio(c.values)).toBeCloseTo(c.maxMinRatio, 14);
  });
  it("throws nonpositive_value for a zero", () => {
    expect(() => maxMinRatio([0, 1])).toThrow(
      expect.objectContaining({ code: "nonpositive_value", path: ["values", 0] }),
    );
  });
});
