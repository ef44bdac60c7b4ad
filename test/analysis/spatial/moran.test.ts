import { describe, expect, it } from "vitest";
import { contiguityWeights } from "../../../src/analysis/spatial/contiguity-weights.js";
import { moran } from "../../../src/analysis/spatial/moran.js";
import { moranI } from "../../../src/analysis/spatial/moran-i.js";
import type { Model } from "../../../src/indicators/schema.js";
import { score } from "../../../src/score/score.js";
import { CASES, unitsOf } from "./reference.js";

const model = {
  id: "one",
  tree: { id: "root", children: [{ id: "a" }, { id: "b" }] },
  defaults: { normalize: "none" },
  profiles: { p: { weights: { root: { method: "fixed", weights: { a: 0.5, b: 0.5 } } } } },
} as Model;

/** DOMAIN C6's 8 communities (root score = y), in two streets, plus one unit without a score. */
function rows(): Record<string, unknown>[] {
  const c = CASES.domain;
  return [
    { unit: "s1", level: "street" },
    { unit: "s2", level: "street" },
    ...c.values.map((v, i) => ({
      unit: `u${i}`,
      parent: i < 4 ? "s1" : "s2",
      a: v,
      b: v,
      x: c.x[i],
      y: c.y[i],
    })),
    { unit: "u8", parent: "s2", a: null, b: null, x: 5, y: 5 },
  ];
}

describe("moran(result, { node, weights })", () => {
  const result = score(model, rows(), { keep: ["x", "y"] });

  it("with a contiguity spec gives DOMAIN C6's I and quadrants, leaving out the unit without a score", () => {
    const c = CASES.domain;
    const adjacency = Object.fromEntries(c.adjacency.map((nb, i) => [`u${i}`, nb.map((j) => `u${j}`)]));
    const m = moran(result, {
      weights: { type: "contiguity", adjacency: { ...adjacency, u8: ["u7"] } },
      permutations: 99,
    });
    expect(m.units).toEqual(unitsOf(c));
    expect(m.global.I).toBeCloseTo(0.373575530587, 12);
    expect(m.local.quadrant).toEqual(["HH", "HL", "LL", "HH", "LL", "LL", "HH", "LH"]);
    expect(m.leftOut).toEqual([{ unit: "u8", reason: 'no score at "root"' }]);
    expect(m.diagnostics.map((d) => d.code)).toEqual(["units_left_out"]);
  });

  it("builds k-nearest weights from the kept x/y columns: DOMAIN C6's KNN k = 2, I = 0.340599250936", () => {
    const m = moran(result, { weights: { type: "knn", k: 2, coordinates: "xy" }, permutations: 0 });
    expect(m.weights.neighbours).toEqual([
      [1, 3],
      [0, 4],
      [1, 5],
      [4, 6],
      [1, 5],
      [4, 7],
      [3, 7],
      [4, 6],
    ]);
    expect(m.global.I).toBeCloseTo(0.340599250936, 12);
    expect(m.global.normality.z).toBeCloseTo(1.94265587487, 10);
    expect(m.coordinates!.x).toEqual(CASES.domain.x);
  });

  it("warns degree_coordinates when x/y look like degrees and the spec does not say xy", () => {
    const m = moran(result, { weights: { type: "knn", k: 2 }, permutations: 0 });
    expect(m.diagnostics.map((d) => d.code)).toContain("degree_coordinates");
  });

  it("defaults to knn:6 with coordinates, to same-parent weights without; takes built weights too", () => {
    const m = moran(result, { permutations: 0 });
    expect(m.weights.kind).toBe("knn:6");
    const bare = score(model, rows());
    expect(moran(bare, { permutations: 0 }).weights.kind).toBe("parent");
    const c = CASES.domain;
    const w = contiguityWeights([...unitsOf(c), "u8"], [...c.adjacency.map((nb) => [...nb]), [7]], {
      symmetrize: true,
    });
    const given = moran(result, { weights: w, permutations: 0 });
    // u8 has no score: it drops out of the weights and u7's row is standardized again.
    expect(given.global.I).toBeCloseTo(
      moranI(c.values, contiguityWeights(unitsOf(c), c.adjacency), { permutations: 0 }).I,
      14,
    );
  });

  it("throws for weights naming a unit that is not scored, and for a missing coordinate column", () => {
    const w = contiguityWeights(["u0", "zz", "u1", "u2"], [[1], [0], [3], [2]]);
    expect(() => moran(result, { weights: w })).toThrow(expect.objectContaining({ code: "unknown_unit" }));
    const bare = score(model, rows());
    expect(() => moran(bare, { weights: { type: "knn", k: 2 } })).toThrow(
      expect.objectContaining({ code: "missing_column" }),
    );
  });
});
