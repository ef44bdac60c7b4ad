// The @example blocks of src/analysis/disparity and src/analysis/spatial, run as tests so that the
// documented results stay true.
import { describe, expect, it } from "vitest";
import {
  coefficientOfVariation,
  dagumGini,
  disparity,
  gini,
  kdeBandwidth,
  kernelDensity,
  maxMinRatio,
  theil,
} from "../../src/analysis/disparity/index.js";
import {
  contiguityWeights,
  distanceBandWeights,
  inverseDistanceWeights,
  knnWeights,
  localMoran,
  moran,
  moranI,
  parseWeightsSpec,
  sameParentWeights,
  spatialWeights,
} from "../../src/analysis/spatial/index.js";
import type { Model } from "../../src/indicators/schema.js";
import { score } from "../../src/score/score.js";

const model = {
  id: "m",
  tree: { id: "root", children: [{ id: "a" }] },
  defaults: { normalize: "none" },
  profiles: { p: { weights: { root: { method: "equal" } } } },
} as Model;
const rows = [
  { unit: "d1", level: "district" },
  { unit: "d2", level: "district" },
  { unit: "c1", parent: "d1", a: 0.62, x: 0, y: 0 },
  { unit: "c2", parent: "d1", a: 0.71, x: 1, y: 0 },
  { unit: "c3", parent: "d2", a: 0.45, x: 0, y: 1 },
  { unit: "c4", parent: "d2", a: 0.52, x: 1, y: 1 },
  { unit: "c5", parent: "d2", a: 0.49, x: 2, y: 1 },
];
const units = ["u0", "u1", "u2", "u3", "u4", "u5", "u6", "u7"];
const adjacency = [
  [1, 3],
  [0, 2, 4],
  [1, 5],
  [0, 4, 6],
  [1, 3, 5, 7],
  [2, 4],
  [3, 7],
  [4, 6],
];
const y = [8, 7.5, 3.2, 9.1, 6, 2.5, 7.8, 4.4];

describe("documented examples of src/analysis/disparity", () => {
  it("gini, dagumGini, theil, coefficientOfVariation, maxMinRatio", () => {
    expect(gini([1, 1, 1, 1])).toBe(0);
    expect(gini([0, 0, 0, 4])).toBeCloseTo(0.75, 15);
    const d = dagumGini([0.62, 0.71, 0.58, 0.66, 0.45, 0.52, 0.49], ["A", "A", "A", "A", "B", "B", "B"]);
    expect(d.gini).toBeCloseTo(0.08649415101028003, 15);
    expect(d.within).toBeCloseTo(0.0202056, 6);
    expect(d.netBetween).toBeCloseTo(0.0662885, 6);
    expect(d.transvariation).toBe(0);
    expect(d.groups.map((g) => g.group)).toEqual(["B", "A"]);
    expect(theil([1, 2, 3, 4]).value).toBeCloseTo(0.10644013528622315, 15);
    const t = theil([1, 2, 3, 4], { groups: ["a", "a", "b", "b"] });
    expect(t.within).toBeCloseTo(0.0241572, 6);
    expect(t.between).toBeCloseTo(0.0822828, 6);
    expect(coefficientOfVariation([2, 4, 4, 4, 5, 5, 7, 9], { ddof: 0 })).toBeCloseTo(0.4, 15);
    expect(maxMinRatio([0.45, 0.6, 0.9])).toBeCloseTo(2, 15);
  });

  it("kdeBandwidth, kernelDensity, disparity", () => {
    expect(kdeBandwidth([1, 2, 3, 4, 5], "silverman")).toBeCloseTo(0.9735846228506357, 15);
    const kde = kernelDensity([0.62, 0.71, 0.58, 0.66, 0.45], { points: 64 });
    expect(kde.x.length).toBe(64);
    expect(kde.bandwidth).toBeCloseTo(0.038943384914025464, 15);
    const d = disparity(score(model, rows), { by: "district" });
    expect(d.gini).toBeCloseTo(0.09318996415770606, 15);
    expect(d.dagum.contributions.within).toBeCloseTo(0.1769, 4);
    expect(d.dagum.contributions.netBetween).toBeCloseTo(0.823, 3);
    expect(d.dagum.contributions.transvariation).toBe(0);
  });
});

describe("documented examples of src/analysis/spatial", () => {
  const coords = { units: ["a", "b", "c"], x: [0, 1, 3], y: [0, 0, 0] };
  it("the weight builders and parseWeightsSpec", () => {
    expect(knnWeights(coords, { k: 1 }).neighbours).toEqual([[1], [0], [1]]);
    expect(distanceBandWeights(coords, { threshold: 1.5 }).neighbours).toEqual([[1], [0], []]);
    expect(inverseDistanceWeights(coords, { style: "b" }).weights[0]).toEqual([1, 1 / 3]);
    expect(contiguityWeights(["a", "b", "c"], { a: ["b"], b: ["a", "c"], c: ["b"] }).weights).toEqual([
      [1],
      [0.5, 0.5],
      [1],
    ]);
    expect(sameParentWeights(["c1", "c2", "c3"], ["s1", "s1", "s2"]).neighbours).toEqual([[1], [0], []]);
    expect(parseWeightsSpec("knn:6")).toEqual({ type: "knn", k: 6 });
    expect(parseWeightsSpec("inverse:2:5")).toEqual({ type: "inverse", alpha: 2, threshold: 5 });
  });

  it("moranI, localMoran, moran, spatialWeights", () => {
    const w = contiguityWeights(units, adjacency);
    const m = moranI(y, w);
    expect(m.I).toBeCloseTo(0.3735755305867667, 15);
    expect(m.p).toBeCloseTo(0.06591182268366405, 14);
    expect(m.permutation?.p).toBe(0.035);
    const lisa = localMoran(y, w);
    expect(lisa.quadrant).toEqual(["HH", "HL", "LL", "HH", "LL", "LL", "HH", "LH"]);
    expect(lisa.cluster).toEqual(["ns", "ns", "ns", "HH", "ns", "ns", "ns", "ns"]);
    const result = score(model, rows, { keep: ["x", "y"] });
    const mr = moran(result, { weights: { type: "knn", k: 2, coordinates: "xy" }, permutations: 99 });
    expect(mr.global.I).toBeCloseTo(-0.06311548791405566, 15);
    expect(mr.local.quadrant).toEqual(["HH", "HH", "LH", "LH", "LH"]);
    expect(spatialWeights(result, { type: "knn", k: 2, coordinates: "xy" }).weights.neighbours).toEqual([
      [1, 2],
      [0, 3],
      [0, 3],
      [1, 2],
      [1, 3],
    ]);
  });
});
