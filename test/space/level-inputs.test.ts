import { describe, expect, it } from "vitest";
import { parseModel } from "../../src/indicators/parse-model.js";
import { checkModel } from "../../src/score/check-model.js";
import { scoreLevels } from "../../src/score/score-levels.js";

const levels = [{ id: "community" }, { id: "street" }, { id: "district" }];

// Two streets of three communities each, one district. rate = cases per 10,000 residents, a cost
// (min-max over the communities: z = (40 - rate) / 30); b a plain benefit indicator (z = b / 50).
//   s1: c1 2 / 1000 -> 20, c2 9 / 3000 -> 30, c3 1 / 1000 -> 10
//   s2: c4 20 / 5000 -> 40, c5 3 / 1000 -> 30, c6 5 / 5000 -> 10
const data = [
  { unit: "d1" },
  { unit: "s1", parent: "d1" },
  { unit: "s2", parent: "d1" },
  { unit: "c1", parent: "s1", cases: 2, pop: 1000, b: 0 },
  { unit: "c2", parent: "s1", cases: 9, pop: 3000, b: 10 },
  { unit: "c3", parent: "s1", cases: 1, pop: 1000, b: 20 },
  { unit: "c4", parent: "s2", cases: 20, pop: 5000, b: 30 },
  { unit: "c5", parent: "s2", cases: 3, pop: 1000, b: 40 },
  { unit: "c6", parent: "s2", cases: 5, pop: 5000, b: 50 },
];
const model = (over: Record<string, unknown> = {}) =>
  parseModel({
    id: "m",
    levels,
    inputs: [
      { id: "cases", rollup: "sum" },
      { id: "pop", rollup: "sum" },
    ],
    tree: {
      id: "root",
      children: [{ id: "rate", formula: "cases / pop * 1e4", direction: "cost" }, { id: "b" }],
    },
    ...over,
  });

describe("scoreLevels: rates recomputed from summed inputs", () => {
  it("computes the street rate as sum(cases) / sum(pop) * 1e4, not the mean of the community rates", () => {
    const r = scoreLevels(model(), data);
    const st = r.level("street");
    // Summed inputs: s1 cases 2 + 9 + 1 = 12, pop 5000; s2 cases 28, pop 11000; d1 40 / 16000.
    expect([...st.inputs.cases!]).toEqual([12, 28]);
    expect([...st.inputs.pop!]).toEqual([5000, 11000]);
    expect([...r.level("district").inputs.cases!]).toEqual([40]);
    // s1: 12 / 5000 * 1e4 = 24 (the mean of the community rates would be (20 + 30 + 10) / 3 = 20);
    // s2: 28 / 11000 * 1e4 = 25.454545... (mean of rates 26.67); d1: 40 / 16000 * 1e4 = 25.
    expect(st.raw.rate![0]).toBeCloseTo(24, 12);
    expect(st.raw.rate![1]).toBeCloseTo(280000 / 11000, 10);
    expect(r.level("district").raw.rate![0]).toBeCloseTo(25, 12);
    expect([...r.level("community").raw.rate!]).toEqual([20, 30, 10, 40, 30, 10]);
    // Scored with the communities' min-max (cost, min 10, max 40): s1 (40 - 24) / 30 = 0.533333
    // (the mean of the community scores would be (2/3 + 1/3 + 1) / 3 = 0.666667);
    // s2 (40 - 25.4545) / 30 = 0.484848; d1 (40 - 25) / 30 = 0.5.
    expect(st.scores.rate![0]).toBeCloseTo(16 / 30, 12);
    expect(st.scores.rate![1]).toBeCloseTo((40 - 280000 / 11000) / 30, 12);
    expect(r.level("district").scores.rate![0]).toBeCloseTo(0.5, 12);
    // b is rolled up: s1 mean(0, 0.2, 0.4) = 0.2, s2 mean(0.6, 0.8, 1) = 0.8, d1 (3 * 0.2 + 3 * 0.8) / 6 = 0.5.
    expect(st.scores.b![0]).toBeCloseTo(0.2, 12);
    expect(st.scores.b![1]).toBeCloseTo(0.8, 12);
    // root is re-aggregated from its children's parts with the equal weights: s1 (0.533333 + 0.2) / 2 =
    // 0.366667, s2 (0.484848 + 0.8) / 2 = 0.642424, d1 (0.5 + 0.5) / 2 = 0.5.
    expect(st.scores.root![0]).toBeCloseTo((16 / 30 + 0.2) / 2, 12);
    expect(st.scores.root![1]).toBeCloseTo(((40 - 280000 / 11000) / 30 + 0.8) / 2, 12);
    expect(r.level("district").scores.root![0]).toBeCloseTo(0.5, 12);
    expect(r.rollup).toEqual({
      summed: ["cases", "pop"],
      recomputed: ["rate"],
      reaggregated: ["root"],
      rolledUp: ["b"],
    });
  });

  it("rolls a formula up as before when it reads an input that is not summed (visible in rollup)", () => {
    const m = model({ inputs: [{ id: "cases", rollup: "sum" }, { id: "pop" }] });
    const r = scoreLevels(m, data);
    // The mean of the community scores of s1: (2/3 + 1/3 + 1) / 3 = 2/3.
    expect(r.level("street").scores.rate![0]).toBeCloseTo(2 / 3, 12);
    expect(r.rollup.recomputed).toEqual([]);
    expect(r.rollup.rolledUp).toEqual(["root", "rate", "b"]);
    // checkModel says so: a warning on the formula naming the input that is not summed.
    expect(checkModel(m).map((d) => [d.code, d.severity, d.where])).toEqual([
      ["partial_sum", "warning", "tree.children[0].formula"],
    ]);
    expect(checkModel(model())).toEqual([]);
  });

  it("leaves a street's sum missing when one of its communities' values is", () => {
    const gap = data.map((row) => (row.unit === "c2" ? { ...row, cases: null } : row));
    const r = scoreLevels(model(), gap);
    const st = r.level("street");
    expect(Number.isNaN(st.inputs.cases![0]!)).toBe(true);
    // No rate for s1: root is b's part alone, 0.2; s2 unchanged.
    expect(Number.isNaN(st.scores.rate![0]!)).toBe(true);
    expect(st.scores.root![0]).toBeCloseTo(0.2, 12);
    expect(st.scores.rate![1]).toBeCloseTo((40 - 280000 / 11000) / 30, 12);
  });

  it("refuses a re-aggregated group that is not an arithmetic mean, and a sample-bound normalization", () => {
    const geo = model({ defaults: { aggregate: { method: "geometric", zero: "floor" } } });
    // checkModel refuses it before scoring (the check of test/space/check-unit-aggregation.test.ts).
    expect(() => scoreLevels(geo, data)).toThrow(
      expect.objectContaining({
        code: "invalid_model",
        issues: [expect.objectContaining({ code: "invalid_levels", where: "tree" })],
      }),
    );
    const z = model({
      tree: {
        id: "root",
        children: [{ id: "rate", formula: "cases / pop * 1e4", normalize: "zscore" }, { id: "b" }],
      },
    });
    expect(() => scoreLevels(z, data)).toThrow(/normalization \(zscore\)/);
  });
});
