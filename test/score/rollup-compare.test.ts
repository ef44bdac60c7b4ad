import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compareProfiles } from "../../src/analysis/compare-profiles.js";
import { kendall, pearson, spearman } from "../../src/analysis/rank-correlation.js";
import { parseModel } from "../../src/indicators/parse-model.js";
import { rollup } from "../../src/score/rollup.js";
import { score } from "../../src/score/score.js";

const model = parseModel({
  id: "m",
  tree: { id: "root", children: [{ id: "a" }, { id: "b", profiles: ["e"] }] },
  profiles: { n: {}, e: { extends: "n", weights: { root: { method: "fixed", weights: { a: 1, b: 3 } } } } },
});
const data = [
  { unit: "city", level: "city" },
  { unit: "d1", parent: "city", level: "district" },
  { unit: "d2", parent: "city", level: "district" },
  { unit: "c1", parent: "d1", level: "community", population: 100, a: 0, b: 10 },
  { unit: "c2", parent: "d1", level: "community", population: 300, a: 10, b: 0 },
  { unit: "c3", parent: "d2", level: "community", population: 200, a: 5, b: 5 },
];

describe("rollup", () => {
  it("scores only the bottom units and rolls them up by mean or population (hand computed)", () => {
    const r = score(model, data, { profile: "n" });
    expect(r.units).toEqual(["c1", "c2", "c3"]);
    expect(Array.from(r.scores.root as Float64Array)).toEqual([0, 1, 0.5]);
    const mean = rollup(r);
    expect(mean.units).toEqual(["city", "d1", "d2"]);
    expect(Array.from(mean.scores.root as Float64Array)).toEqual([0.5, 0.5, 0.5]);
    const pop = rollup(r, { by: { weight: "population" } });
    // d1 = (100*0 + 300*1)/400 = 0.75; d2 = 0.5; city = (0 + 300 + 100)/600 = 2/3
    expect(pop.scores.root?.[1]).toBeCloseTo(0.75, 15);
    expect(pop.scores.root?.[2]).toBeCloseTo(0.5, 15);
    expect(pop.scores.root?.[0]).toBeCloseTo(2 / 3, 15);
    expect(Array.from(pop.ranks.root as Uint32Array)).toEqual([1, 1, 2]); // ranked within each level
    expect(Array.from(pop.counts)).toEqual([3, 2, 1]);
  });

  it("rolls up a parent chain of 100,000 units in linear time: every unit above the two leaves scores their mean 0.5 (issue 20, item 18; took minutes before)", () => {
    const depth = 100_000;
    const chain: Record<string, unknown>[] = [];
    for (let i = 0; i < depth; i++) chain.push({ unit: `u${i}`, ...(i > 0 ? { parent: `u${i - 1}` } : {}) });
    chain.push(
      { unit: "x1", parent: `u${depth - 1}`, a: 1, b: 1 },
      { unit: "x2", parent: `u${depth - 1}`, a: 3, b: 3 },
    );
    const up = rollup(score(model, chain, { profile: "n" }));
    expect(up.units.length).toBe(depth);
    // Min-max maps a = 1 and a = 3 to 0 and 1, so each unit above both leaves has the mean 0.5 and count 2.
    expect(up.scores.root?.every((v) => v === 0.5)).toBe(true);
    expect(up.counts.every((c) => c === 2)).toBe(true);
    expect(up.ranks.root?.every((r) => r === 1)).toBe(true);
  });

  it("rolls a three-level tree up as the sum over each subtree, whatever the data order (hand computed)", () => {
    const shuffled = [data[5], data[0], data[3], data[2], data[4], data[1]] as typeof data;
    const up = rollup(score(model, shuffled, { profile: "n" }), { by: { weight: "population" } });
    expect(up.units).toEqual(["city", "d2", "d1"]);
    expect(up.scores.root?.[0]).toBeCloseTo(2 / 3, 15);
    expect(up.scores.root?.[2]).toBeCloseTo(0.75, 15);
    expect(Array.from(up.counts)).toEqual([3, 1, 2]);
  });

  it("asks for a weight column it does not have", () => {
    expect(() => rollup(score(model, data, { profile: "n" }), { by: { weight: "households" } })).toThrowError(
      /households/,
    );
  });
});

describe("compareProfiles", () => {
  it("gives scores, ranks, rank shifts, weight differences and rank correlations", () => {
    const c = compareProfiles(model, data, ["n", "e"]);
    // n: a only -> [0, 1, 0.5]; e: 0.25 a + 0.75 b -> [0.75, 0.25, 0.5]
    expect(Array.from(c.scores.e as Float64Array)).toEqual([0.75, 0.25, 0.5]);
    expect(Array.from(c.ranks.n as Uint32Array)).toEqual([3, 1, 2]);
    expect(Array.from(c.ranks.e as Uint32Array)).toEqual([1, 3, 2]);
    expect(Array.from(c.rankShift)).toEqual([-2, 2, 0]);
    expect(c.weights.find((w) => w.node === "b")).toEqual({
      node: "b",
      weights: { n: 0, e: 0.75 },
      difference: 0.75,
    });
    expect(c.correlations[0]?.spearman).toBeCloseTo(-1, 12);
    expect(c.correlations[0]?.kendall).toBeCloseTo(-1, 12);
  });
});

describe("rank correlations", () => {
  it("Kendall's tau-b equals the O(n^2) definition with ties (brute force, a second method)", () => {
    const brute = (x: number[], y: number[]) => {
      let c = 0;
      let d = 0;
      let tx = 0;
      let ty = 0;
      for (let i = 0; i < x.length; i++)
        for (let j = i + 1; j < x.length; j++) {
          const sx = Math.sign((x[i] as number) - (x[j] as number));
          const sy = Math.sign((y[i] as number) - (y[j] as number));
          if (sx === 0 && sy === 0) continue;
          if (sx === 0) tx++;
          else if (sy === 0) ty++;
          else if (sx === sy) c++;
          else d++;
        }
      return (c - d) / Math.sqrt((c + d + tx) * (c + d + ty));
    };
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 6 }), fc.integer({ min: 0, max: 6 })), {
          minLength: 3,
          maxLength: 40,
        }),
        (pairs) => {
          const x = pairs.map((p) => p[0]);
          const y = pairs.map((p) => p[1]);
          const want = brute(x, y);
          const got = kendall(x, y);
          if (Number.isNaN(want)) expect(got).toBeNaN();
          else expect(got).toBeCloseTo(want, 12);
        },
      ),
      { seed: 3, numRuns: 300 },
    );
  });

  it("Spearman is Pearson on average ranks; known values (hand computation: 1 - 6 sum d^2 / (n (n^2 - 1)) = 1 - 12/60 = 0.8, as scipy.stats.spearmanr)", () => {
    expect(spearman([1, 2, 3, 4], [10, 20, 40, 30])).toBeCloseTo(0.8, 12);
    expect(kendall([1, 2, 3, 4], [10, 20, 40, 30])).toBeCloseTo(2 / 3, 12);
    expect(pearson([1, 2, 3], [2, 4, 6])).toBeCloseTo(1, 12);
    expect(pearson([1, 1, 1], [2, 4, 6])).toBeNaN();
  });
});
