import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { assignGrades } from "../../src/grades/assign-grades.js";
import { cutPoints } from "../../src/grades/cut-points.js";
import { gradeCounts } from "../../src/grades/grade-counts.js";
import { nearCuts } from "../../src/grades/near-cuts.js";
import { stepPoints } from "../../src/grades/step-points.js";
import { parseCondition } from "../../src/indicators/condition.js";
// Reference values: test/fixtures/grades/compute.py (numpy; R 4.2.2 quantile(type = 7, 6) gives the same).
import REF from "../fixtures/grades/expected.json" with { type: "json" };

describe("cutPoints", () => {
  const y = Object.freeze([...REF.y]);
  it("mean-sd k = 0.5 and 1 give mean -+ k SD (ddof 1) of DOMAIN C4.1: 64.5718089172, 78.0615244161; 57.8269511677, 84.8063821656", () => {
    const half = cutPoints(y, { method: "mean-sd", k: 0.5 });
    expect(half.cuts[0]).toBeCloseTo(REF.stats.y.meanSd["0.5"][0]!, 10);
    expect(half.cuts[1]).toBeCloseTo(REF.stats.y.meanSd["0.5"][1]!, 10);
    expect(half.basis).toEqual({
      mean: expect.closeTo(71.3166666667, 9),
      sd: expect.closeTo(13.4897154989, 9),
    });
    const one = cutPoints(y, { method: "mean-sd", k: [-1, 1] });
    expect(one.cuts[0]).toBeCloseTo(57.8269511677, 9);
    expect(one.cuts[1]).toBeCloseTo(84.8063821656, 9);
  });

  it("quartiles type 7 (default) = 60.575, 71.6, 82.575 and type 6 = 59.325, 71.6, 83.925 (DOMAIN C4.1, R)", () => {
    const t7 = cutPoints(y, { method: "quantile", classes: 4 });
    for (const [j, c] of t7.cuts.entries()) expect(c).toBeCloseTo(REF.stats.y.quartilesType7[j]!, 12);
    const t6 = cutPoints(y, { method: "quantile", probs: [0.25, 0.5, 0.75], type: 6 });
    for (const [j, c] of t6.cuts.entries()) expect(c).toBeCloseTo(REF.stats.y.quartilesType6[j]!, 12);
    const s7 = cutPoints(REF.seeded, { method: "quantile", classes: 4 });
    for (const [j, c] of s7.cuts.entries()) expect(c).toBeCloseTo(REF.stats.seeded.quartilesType7[j]!, 12);
  });

  it("jenks gives the first k - 1 class upper bounds, upper-closed and exact by default", () => {
    const j = cutPoints(y, { method: "jenks", classes: 3 });
    expect(j).toMatchObject({ cuts: [63.5, 74.1], closed: "upper", precision: null });
    // Graded with those cuts, the classes are mapclassify's: 52.3-63.5 | 70.4-74.1 | 81.9-93.0.
    expect([...assignGrades(y, j.cuts, j)]).toEqual([0, 0, 0, 0, 0, 1, 1, 1, 2, 2, 2, 2]);
  });

  it("fixed cuts are lower-closed with 2 decimals by default; a quantile spec needs probs or classes", () => {
    expect(cutPoints(y, { method: "fixed", cuts: [60, 80, 90] })).toEqual({
      method: "fixed",
      cuts: [60, 80, 90],
      closed: "lower",
      precision: 2,
    });
    expect(() => cutPoints(y, { method: "quantile" })).toThrow(/either probs or classes/);
    expect(() => cutPoints([1], { method: "mean-sd", k: 1 })).toThrow(/at least 2 scores/);
  });
});

describe("assignGrades", () => {
  it("lower-closed 60/80/90 (DOMAIN C4.1): 95 90 89.99 80 79.5 60 59.99 -> 优 优 良 良 中 中 差", () => {
    const labels = ["差", "中", "良", "优"];
    const g = assignGrades([95, 90, 89.99, 80, 79.5, 60, 59.99], [60, 80, 90]);
    expect([...g].map((k) => labels[k])).toEqual(["优", "优", "良", "良", "中", "中", "差"]);
  });

  it("upper-closed: 90 -> 良, 80 -> 中, 60 -> 差 (DOMAIN C4.1)", () => {
    expect([...assignGrades([90, 80, 60], [60, 80, 90], { closed: "upper" })]).toEqual([2, 1, 0]);
  });

  it("0.3 * 3 * 100 = 89.99999999999999 is graded 优 at 2 decimals and 良 exactly (DOMAIN C4.1)", () => {
    const s = 0.3 * 3 * 100;
    expect(s).toBeLessThan(90);
    expect(assignGrades([s], [60, 80, 90])[0]).toBe(3);
    expect(assignGrades([s], [60, 80, 90], { precision: null })[0]).toBe(2);
  });

  it("NaN gets -1; scores beyond the scale fall in the end grades", () => {
    expect([...assignGrades([Number.NaN, -5, 120], [60, 80, 90])]).toEqual([-1, 0, 3]);
  });

  test.prop([
    fc.array(fc.double({ min: 0, max: 100, noNaN: true }), { minLength: 2, maxLength: 40 }),
    fc.boolean(),
  ])("grades are monotone in the score (a higher score never gets a worse grade)", (scores, upper) => {
    const g = assignGrades(scores, [60, 80, 90], { closed: upper ? "upper" : "lower" });
    for (let i = 0; i < scores.length; i++)
      for (let j = 0; j < scores.length; j++)
        if (scores[i]! <= scores[j]!) expect(g[i]!).toBeLessThanOrEqual(g[j]!);
  });
});

describe("stepPoints", () => {
  it("C4.3's 20-point step item: 93% -> 16, 100% -> 20, 90% -> 16, 79.9% -> 0; NaN stays NaN", () => {
    const p = stepPoints([93, 100, 90, 79.9, Number.NaN], {
      thresholds: [80, 90, 100],
      points: [0, 12, 16, 20],
    });
    expect([...p]).toEqual([16, 20, 16, 0, Number.NaN]);
  });

  test.prop([fc.array(fc.double({ min: 50, max: 110, noNaN: true }), { minLength: 2, maxLength: 30 })])(
    "step scores are monotone in the indicator when the points rise",
    (values) => {
      const p = stepPoints(values, { thresholds: [80, 90, 100], points: [0, 12, 16, 20] });
      for (let i = 0; i < values.length; i++)
        for (let j = 0; j < values.length; j++)
          if (values[i]! <= values[j]!) expect(p[i]!).toBeLessThanOrEqual(p[j]!);
    },
  );
});

describe("nearCuts and gradeCounts", () => {
  it("lists 79.8 (-0.2 from 80) and 90.4 (+0.4 from 90) within 0.5, closest first", () => {
    const near = nearCuts([79.8, 85, 90.4, Number.NaN], [60, 80, 90], 0.5);
    expect(near.map((n) => [n.index, n.cut])).toEqual([
      [0, 80],
      [2, 90],
    ]);
    expect(near[0]!.distance).toBeCloseTo(-0.2, 12);
  });

  it("counts grades per street and per district up the hierarchy (hand count)", () => {
    const c = gradeCounts({
      units: ["c1", "c2", "c3", "c4"],
      grade: [3, 0, 3, -1],
      classes: 4,
      hierarchy: {
        units: ["d1", "s1", "s2", "c1", "c2", "c3", "c4"],
        parents: [undefined, "d1", "d1", "s1", "s1", "s2", "s2"],
        levels: ["district", "street", "street", "community", "community", "community", "community"],
        names: [],
      },
    });
    expect(c.units).toEqual(["d1", "s1", "s2"]);
    expect(c.counts).toEqual([
      [1, 0, 0, 2],
      [1, 0, 0, 1],
      [0, 0, 0, 1],
    ]);
    expect(c.ungraded).toEqual([1, 0, 1]);
  });
});

describe("parseCondition", () => {
  it("reads `accidents >= 1` and `flag == true`; refuses arithmetic and function calls", () => {
    expect(parseCondition("accidents >= 1")).toMatchObject({
      name: "accidents",
      op: ">=",
      value: 1,
      boolean: false,
    });
    expect(parseCondition(" flag == true ")).toMatchObject({
      name: "flag",
      op: "==",
      value: 1,
      boolean: true,
    });
    for (const bad of ["a + 1 > 2", "max(a) > 1", "a >= b", "a = 1", "a >= 1 and b < 2", ""])
      expect(() => parseCondition(bad), bad).toThrow(/expected "<column> <op>/);
  });
});
