import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { bwm, bwmConsistencyIndex } from "../../src/weighting/bwm.js";
import { EXPECTED } from "../fixtures/weights/index.js";
import { errorOf, expectClose } from "./helpers.js";

// Reference values: test/fixtures/weights/compute.py (scipy linprog with HiGHS for the linear model, bisection on
// HiGHS feasibility for the non-linear one); the first case is DOMAIN C8.2's example.
const BWM = EXPECTED.bwm;
const input = (c: { aB: number[]; aW: number[] }) => ({
  best: c.aB.indexOf(1),
  worst: c.aW.indexOf(1),
  bestToOthers: Object.freeze([...c.aB]),
  othersToWorst: Object.freeze([...c.aW]),
});

describe("bwm: the linear model (Rezaei 2016) against scipy linprog (HiGHS)", () => {
  for (const c of BWM.cases)
    it(`bwm(aB = [${c.aB}], aW = [${c.aW}]) gives linprog's weights and xi^L to 1e-10, unique`, () => {
      const r = bwm(input(c));
      expect(r.model).toBe("linear");
      expectClose(r.weights, c.linear.weights, 1e-10);
      expect(Math.abs(r.xi - c.linear.xi)).toBeLessThan(1e-12);
      expect(r.consistency).toBe(r.xi);
      expect(r.unique).toBe(true);
    });
  it("bwm(DOMAIN C8.2) gives w = (82, 42, 21, 28, 10) / 183 and xi^L = 2 / 183 exactly (to 1e-14), CR^I = 1/56", () => {
    const r = bwm(input(BWM.cases[0]!));
    expectClose(
      r.weights,
      [82, 42, 21, 28, 10].map((v) => v / 183),
      1e-14,
    );
    expect(Math.abs(r.xi - 2 / 183)).toBeLessThan(1e-15);
    expect(Math.abs(r.inputConsistency - 1 / 56)).toBeLessThan(1e-15);
  });
});

describe("bwm: the non-linear model (Rezaei 2015)", () => {
  it("bwm(DOMAIN C8.2, nonlinear) gives xi* = (7 - 3√5)/2, the root of (3 - ξ)² = 8 + ξ for j = 4, to 1e-12, and CR = xi* / CI(8)", () => {
    const r = bwm(input(BWM.cases[0]!), { model: "nonlinear" });
    const exact = (7 - 3 * Math.sqrt(5)) / 2;
    expect(Math.abs(r.xi - exact)).toBeLessThan(1e-12);
    expect(Math.abs(r.consistency - exact / bwmConsistencyIndex(8))).toBeLessThan(1e-12);
  });
  for (const c of BWM.cases.slice(1))
    it(`bwm(aB = [${c.aB}], aW = [${c.aW}], nonlinear) gives compute.py's xi* and CR to 1e-7 (HiGHS tolerance)`, () => {
      const r = bwm(input(c), { model: "nonlinear" });
      expect(Math.abs(r.xi - c.nonlinear.xi)).toBeLessThan(1e-7 * Math.max(1, c.nonlinear.xi));
      expect(Math.abs(r.consistency - c.nonlinear.cr)).toBeLessThan(1e-7);
    });
  it("bwmConsistencyIndex(1..9) gives Rezaei's CI table (0, 0.44, 1, 1.63, 2.30, 3, 3.73, 4.47, 5.23) and compute.py's values to 1e-14", () => {
    const ci = [1, 2, 3, 4, 5, 6, 7, 8, 9].map(bwmConsistencyIndex);
    expectClose(ci, BWM.ci, 1e-14);
    expectClose(
      ci.map((v) => +v.toFixed(2)),
      [0, 0.44, 1, 1.63, 2.3, 3, 3.73, 4.47, 5.23],
      0,
    );
  });
});

describe("bwm: properties", () => {
  const judgments = fc.integer({ min: 3, max: 7 }).chain((n) =>
    fc.record({
      aB: fc.array(fc.integer({ min: 2, max: 9 }), { minLength: n, maxLength: n }),
      aW: fc.array(fc.integer({ min: 2, max: 9 }), { minLength: n, maxLength: n }),
      perm: fc.shuffledSubarray([...Array(n).keys()], { minLength: n, maxLength: n }),
    }),
  );
  test.prop([judgments], { seed: 11, numRuns: 60 })(
    "linear weights are finite, non-negative, sum to 1; permuting the criteria permutes them (when unique)",
    ({ aB, aW, perm }) => {
      const [b, w] = [0, aB.length - 1];
      aB[b] = 1;
      aW[w] = 1;
      aW[b] = aB[w]!;
      const r = bwm({ best: b, worst: w, bestToOthers: aB, othersToWorst: aW });
      for (const v of r.weights) expect(v).toBeGreaterThanOrEqual(0);
      expect(Math.abs(r.weights.reduce((s, v) => s + v, 0) - 1)).toBeLessThan(1e-12);
      // The bounds |...| <= xi hold at the solution.
      aB.forEach((a, j) => {
        expect(Math.abs(r.weights[b]! - a * r.weights[j]!)).toBeLessThan(r.xi + 1e-9);
      });
      if (!r.unique) return;
      const p = bwm({
        best: perm.indexOf(b),
        worst: perm.indexOf(w),
        bestToOthers: perm.map((j) => aB[j]!),
        othersToWorst: perm.map((j) => aW[j]!),
      });
      expectClose(
        p.weights,
        perm.map((j) => r.weights[j]!),
        1e-9,
      );
    },
  );
});

describe("bwm: errors", () => {
  const ok = { best: 0, worst: 2, bestToOthers: [1, 3, 5], othersToWorst: [5, 2, 1] };
  it("a judgment off 1-9 throws judgment_out_of_scale naming it", () => {
    expect(errorOf(() => bwm({ ...ok, bestToOthers: [1, 12, 5] }))).toBe(
      "judgment_out_of_scale @ input.bestToOthers[1]",
    );
  });
  it("a_BB != 1, a_BW disagreeing, best = worst or lengths differing throw invalid_judgment", () => {
    expect(errorOf(() => bwm({ ...ok, bestToOthers: [2, 3, 5] }))).toBe(
      "invalid_judgment @ input.bestToOthers[0]",
    );
    expect(errorOf(() => bwm({ ...ok, othersToWorst: [4, 2, 1] }))).toBe(
      "invalid_judgment @ input.othersToWorst[0]",
    );
    expect(errorOf(() => bwm({ ...ok, worst: 0 }))).toBe("invalid_judgment @ input.worst");
    expect(errorOf(() => bwm({ ...ok, othersToWorst: [5, 1] }))).toBe("invalid_judgment @ input");
  });
  it("an unknown model throws invalid_option", () => {
    expect(errorOf(() => bwm(ok, { model: "x" as "linear" }))).toBe("invalid_option @ opts.model");
  });
});
