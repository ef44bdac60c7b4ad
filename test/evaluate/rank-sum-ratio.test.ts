import { describe, expect, it } from "vitest";
import { normalQuantile } from "../../src/evaluate/normal-quantile.js";
import { rankSumRatio } from "../../src/evaluate/rank-sum-ratio.js";
import SCIPY_PPF from "../fixtures/normal-quantile/expected.json" with { type: "json" };
import { errorOf } from "../helpers/errors.js";
import { DIRECTIONS, EXPECTED, expectClose, W_STAR, X, Z } from "./golden.js";

const REF = EXPECTED.rsr; // test/fixtures/five-communities/compute.py

describe("rankSumRatio on the five-communities example (reference: test/fixtures/five-communities)", () => {
  it("integer RSR of X with directions (benefit, benefit, cost, target 300) is [0.55 0.6 0.6 0.6 0.65]", () => {
    const r = rankSumRatio(X, { directions: DIRECTIONS });
    expectClose(r.rsr, REF.rsr, 1e-12);
    expect(r.ranks).toEqual([5, 2, 2, 2, 1]);
    // ranks per column: I1 ascending, I2 ascending, I3 descending (cost), I4 by closeness to 300
    expect(r.rankMatrix).toEqual(REF.rankMatrix);
  });

  it("ranking Z (no directions) gives the same RSR: ranking X by direction is ranking Z", () => {
    expect(rankSumRatio(Z).rsr).toEqual(rankSumRatio(X, { directions: DIRECTIONS }).rsr);
  });

  it("WRSR with w* is [0.530615 0.602134 0.595733 0.604267 0.667251]", () => {
    const r = rankSumRatio(X, { directions: DIRECTIONS, weights: W_STAR });
    expectClose(r.rsr, REF.wrsr, 1e-6);
    expect(r.options.weighted).toBe(true);
  });

  it("distribution, probit regression and grades match scipy 1.17 (norm.ppf, polyfit; compute.py)", () => {
    const r = rankSumRatio(Z);
    const ref = REF.grading3;
    const { count, cumulative, meanRank } = ref.distribution;
    expect(r.distribution.map((d) => [d.count, d.cumulative, d.meanRank])).toEqual(
      count.map((c, k) => [c, cumulative[k], meanRank[k]]),
    );
    expectClose(
      r.distribution.map((d) => d.p),
      ref.distribution.p,
      1e-15,
    );
    expectClose(r.probit, ref.probit, 1e-8);
    expect(r.regression.intercept).toBeCloseTo(ref.regression.intercept, 12);
    expect(r.regression.slope).toBeCloseTo(ref.regression.slope, 12);
    expect(r.regression.r2).toBeCloseTo(ref.regression.r2, 12);
    expectClose(r.fitted, ref.fitted, 1e-8);
    // default 3 grades, probit cut points 4 and 6: 1 = best
    expect(r.grades).toEqual(ref.grades);
    expect(r.cutPoints).toEqual([4, 6]);
    expectClose(r.thresholds, ref.thresholds, 1e-12);
  });

  it("WRSR probit regression matches scipy (compute.py), and 5 grades use cut points 3.52/4.48/5.52/6.48", () => {
    const r = rankSumRatio(Z, { weights: W_STAR, grades: 5 });
    const ref = REF.gradingWeighted5;
    expectClose(r.probit, ref.probit, 1e-8);
    expect(r.regression.intercept).toBeCloseTo(ref.regression.intercept, 9);
    expect(r.regression.slope).toBeCloseTo(ref.regression.slope, 9);
    expect(r.regression.r2).toBeCloseTo(ref.regression.r2, 9);
    expect(r.grades).toEqual(ref.grades);
  });

  it("custom cut points replace the table", () => {
    const r = rankSumRatio(Z, { cutPoints: [5] });
    expect(r.grades).toEqual([2, 1, 1, 1, 1]);
  });

  it("non-integer RSR: R = 1 + (m - 1)(x - min)/(max - min) on the direction-aligned column (numpy, compute.py)", () => {
    const r = rankSumRatio(X, { directions: DIRECTIONS, method: "non-integer" });
    expectClose(r.rsr, REF.nonInteger, 1e-8);
    // hand check: I1 of unit 1 is 1 + 4 (12 - 9) / 16 = 1.75
    expect(r.rankMatrix[0]?.[0]).toBeCloseTo(1.75, 14);
    // I3 (cost) of unit 1 is 1 + 4 (48 - 36) / 36
    expect(r.rankMatrix[0]?.[2]).toBeCloseTo(1 + (4 * 12) / 36, 14);
  });

  it("ties in a column take the average rank", () => {
    const r = rankSumRatio([[1], [2], [2], [3]]);
    expect(r.rankMatrix.map((row) => row[0])).toEqual([1, 2.5, 2.5, 4]);
  });

  it("rejects too few units, identical units, bad weights and bad options", () => {
    expect(errorOf(() => rankSumRatio([[1, 2]]))).toBe("too_few_units @ matrix");
    expect(
      errorOf(() =>
        rankSumRatio([
          [1, 2],
          [1, 2],
        ]),
      ),
    ).toBe("degenerate_rsr @ matrix");
    expect(errorOf(() => rankSumRatio(Z, { weights: [1] }))).toBe("invalid_weights @ opts.weights");
    expect(errorOf(() => rankSumRatio(Z, { grades: 7 as never }))).toBe("invalid_option @ opts.grades");
    expect(errorOf(() => rankSumRatio(Z, { cutPoints: [6, 4] }))).toBe("invalid_option @ opts.cutPoints");
    expect(errorOf(() => rankSumRatio(Z, { method: "dense" as never }))).toBe("invalid_option @ opts.method");
  });
});

describe("normalQuantile (AS 241)", () => {
  it("matches scipy.stats.norm.ppf to 1e-14 from the far tail to the centre", () => {
    const cases = SCIPY_PPF.quantiles as [number, number][]; // test/fixtures/normal-quantile/compute.py
    for (const [p, z] of cases)
      expect(Math.abs(normalQuantile(p) - z)).toBeLessThan(1e-14 * Math.max(1, Math.abs(z)));
    expect(normalQuantile(0)).toBe(Number.NEGATIVE_INFINITY);
    expect(normalQuantile(1)).toBe(Number.POSITIVE_INFINITY);
    expect(normalQuantile(1.5)).toBeNaN();
  });
});
