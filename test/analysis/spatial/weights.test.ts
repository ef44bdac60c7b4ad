import { describe, expect, it } from "vitest";
import { contiguityWeights } from "../../../src/analysis/spatial/contiguity-weights.js";
import { EARTH_RADIUS_KM } from "../../../src/analysis/spatial/coordinates.js";
import { distanceBandWeights } from "../../../src/analysis/spatial/distance-band-weights.js";
import { inverseDistanceWeights } from "../../../src/analysis/spatial/inverse-distance-weights.js";
import { knnWeights } from "../../../src/analysis/spatial/knn-weights.js";
import { sameParentWeights } from "../../../src/analysis/spatial/same-parent-weights.js";
import { parseWeightsSpec } from "../../../src/analysis/spatial/weights-spec.js";
import { CASES, near, type Scheme, SPDEP_VERSION, unitsOf } from "./reference.js";
import { weightsOf } from "./weights-of.js";

describe(`spatial weights against spdep ${SPDEP_VERSION} (test/fixtures/spatial/spdep.R)`, () => {
  for (const [name, c] of Object.entries(CASES))
    for (const scheme of ["contiguity", "contiguityBinary", "knn", "band", "inverse"] as const)
      it(`${scheme} on the ${name} case gives spdep's neighbours and weights (to 1e-14)`, () => {
        const w = weightsOf(c, scheme);
        const ref = (c as unknown as Record<string, Scheme>)[scheme]!;
        expect(w.neighbours).toEqual(ref.neighbours);
        w.weights.forEach((row, i) => {
          row.forEach((v, r) => {
            expect(near(v, ref.weights[i]![r]!, 1e-14)).toBe(true);
          });
        });
      });

  it("DOMAIN C6's inverse distance (band 1.2), row 4 raw weights: 1.21267812518, 0.99503719021, 1.17041147196, 0.99503719021", () => {
    const c = CASES.domain;
    const w = inverseDistanceWeights({ units: unitsOf(c), x: c.x, y: c.y }, { threshold: 1.2, style: "b" });
    expect(w.neighbours[4]).toEqual([1, 3, 5, 7]);
    [1.21267812518, 0.99503719021, 1.17041147196, 0.99503719021].forEach((v, r) => {
      expect(w.weights[4]![r]).toBeCloseTo(v, 11);
    });
  });

  it("the seeded distance band leaves unit 10 an island, with an island warning (spdep: no neighbour)", () => {
    const c = CASES.seeded;
    const w = weightsOf(c, "band");
    expect(w.neighbours[10]).toEqual([]);
    expect(w.diagnostics.map((d) => d.code)).toEqual(["island"]);
    expect(w.diagnostics[0]!.message).toMatch(/u10/);
  });
});

describe("knnWeights(coords, { k })", () => {
  it("breaks a tie at the k-th distance by the lowest index and warns knn_tie", () => {
    // b is at distance 1 from both a and c: its nearest is a (index 0).
    const w = knnWeights({ units: ["a", "b", "c"], x: [0, 1, 2], y: [0, 0, 0] }, { k: 1 });
    expect(w.neighbours).toEqual([[1], [0], [1]]);
    expect(w.diagnostics.map((d) => d.code)).toEqual(["knn_tie"]);
    expect(w.diagnostics[0]!.message).toMatch(/\(b\)/);
  });

  it("uses great-circle distance for lon/lat: 1 degree of latitude is 2 pi R / 360 km (hand)", () => {
    // From (0, 0): (0, 1) is 111.19 km away; (1.5, 0) is 166.8 km; in Euclidean degrees the same order,
    // but at latitude 60 a degree of longitude is half as long: (1.5, 60) is nearer (60, 61 apart) than (0, 61).
    const w = knnWeights(
      { units: ["o", "n", "e"], x: [0, 0, 1.5], y: [60, 61, 60], metric: "haversine" },
      { k: 1, style: "b" },
    );
    expect(w.neighbours[0]).toEqual([2]);
    const e = knnWeights({ units: ["o", "n", "e"], x: [0, 0, 1.5], y: [60, 61, 60] }, { k: 1 });
    expect(e.neighbours[0]).toEqual([1]);
    const band = distanceBandWeights(
      { units: ["a", "b"], x: [0, 0], y: [0, 1], metric: "haversine" },
      { threshold: (2 * Math.PI * EARTH_RADIUS_KM) / 360 + 1e-9 },
    );
    expect(band.neighbours).toEqual([[1], [0]]);
  });

  it("rejects k out of range and missing coordinates, naming the unit", () => {
    const c = { units: ["a", "b"], x: [0, 1], y: [0, Number.NaN] };
    expect(() => knnWeights({ ...c, y: [0, 1] }, { k: 2 })).toThrow(
      expect.objectContaining({ code: "invalid_option" }),
    );
    expect(() => knnWeights(c, { k: 1 })).toThrow(/unit "b" has no finite y/);
  });
});

describe("contiguityWeights(units, adjacency) and sameParentWeights(units, parents)", () => {
  it("takes ids, warns on a one-way relation, and symmetrizes on request", () => {
    const w = contiguityWeights(["a", "b", "c"], { a: ["b"], b: ["c"] });
    expect(w.diagnostics.map((d) => d.code)).toEqual(["asymmetric_weights", "island"]);
    const s = contiguityWeights(["a", "b", "c"], { a: ["b"], b: ["c"] }, { symmetrize: true });
    expect(s.neighbours).toEqual([[1], [0, 2], [1]]);
    expect(s.weights[1]).toEqual([0.5, 0.5]);
    expect(s.diagnostics).toEqual([]);
  });

  it("rejects an unknown neighbour and a self-neighbour", () => {
    expect(() => contiguityWeights(["a"], { a: ["z"] })).toThrow(
      expect.objectContaining({ code: "unknown_unit", path: ["adjacency", "a", 0] }),
    );
    expect(() => contiguityWeights(["a", "b"], { a: ["a"] })).toThrow(/its own neighbour/);
  });

  it("links the units of one parent; a unit alone under its parent is an island", () => {
    const w = sameParentWeights(["c1", "c2", "c3", "c4"], ["s1", "s1", "s1", "s2"]);
    expect(w.neighbours).toEqual([[1, 2], [0, 2], [0, 1], []]);
    expect(w.weights[0]).toEqual([0.5, 0.5]);
    expect(w.diagnostics.map((d) => d.code)).toEqual(["island"]);
  });
});

describe("parseWeightsSpec(text)", () => {
  it("reads knn:6, band:2.5, inverse:2:5, parent and a :b suffix", () => {
    expect(parseWeightsSpec("knn:6")).toEqual({ type: "knn", k: 6 });
    expect(parseWeightsSpec("band:2.5")).toEqual({ type: "band", threshold: 2.5 });
    expect(parseWeightsSpec("inverse")).toEqual({ type: "inverse" });
    expect(parseWeightsSpec("inverse:2:5")).toEqual({ type: "inverse", alpha: 2, threshold: 5 });
    expect(parseWeightsSpec("parent")).toEqual({ type: "parent" });
    expect(parseWeightsSpec("knn:4:b")).toEqual({ type: "knn", k: 4, style: "b" });
  });
  it("rejects knn without k, knn:2.5 and unknown types", () => {
    for (const t of ["knn", "knn:2.5", "rook", "band:-1", "knn:3:4"])
      expect(() => parseWeightsSpec(t)).toThrow(expect.objectContaining({ code: "invalid_option" }));
  });
});
