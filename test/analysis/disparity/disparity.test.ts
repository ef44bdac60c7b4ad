import { describe, expect, it } from "vitest";
import { coefficientOfVariation } from "../../../src/analysis/disparity/coefficient-of-variation.js";
import { dagumGini } from "../../../src/analysis/disparity/dagum-gini.js";
import { disparity } from "../../../src/analysis/disparity/disparity.js";
import { theil } from "../../../src/analysis/disparity/theil.js";
import type { Model } from "../../../src/indicators/schema.js";
import { score } from "../../../src/score/score.js";
import { CASES } from "./reference.js";

/** One indicator taken as it is: the root score of each community is its value. */
const model = {
  id: "one",
  tree: { id: "root", children: [{ id: "a" }, { id: "b" }] },
  defaults: { normalize: "none" },
  profiles: { p: { weights: { root: { method: "fixed", weights: { a: 0.5, b: 0.5 } } } } },
} as Model;

/** DOMAIN C5's 12 values as communities: A in street s1, B in s2 (district d1), C in s3 (district d2). */
function rows(): Record<string, unknown>[] {
  const c = CASES.domain;
  const street: Record<string, string> = { A: "s1", B: "s2", C: "s3" };
  return [
    { unit: "city", level: "city" },
    { unit: "d1", level: "district", parent: "city", name: "North" },
    { unit: "d2", level: "district", parent: "city", name: "South" },
    { unit: "s1", level: "street", parent: "d1" },
    { unit: "s2", level: "street", parent: "d1" },
    { unit: "s3", level: "street", parent: "d2" },
    ...c.values.map((v, i) => ({
      unit: `c${i + 1}`,
      level: "community",
      parent: street[c.groups[i]!],
      a: v,
      b: v,
    })),
    { unit: "c99", level: "community", parent: "s3", a: null, b: null },
  ].map((r) => Object.freeze(r));
}

describe("disparity(result, { node, by })", () => {
  const result = score(model, rows());

  it("by the street level gives DOMAIN C5's groups and its Dagum and Theil values (to 1e-12)", () => {
    const d = disparity(result, { by: "street" });
    expect(d.node).toBe("root");
    expect(d.dagum.groups.map((g) => g.group)).toEqual(["s2", "s1", "s3"]);
    expect(d.gini).toBeCloseTo(0.106175972927, 12);
    expect(d.dagum.within).toBeCloseTo(0.014065143824, 12);
    expect(d.theilT.value).toBeCloseTo(0.0176088918008, 12);
    expect(d.theilL!.between).toBeCloseTo(0.0158300231123, 12);
    expect(d.cv).toBeCloseTo(0.193753698099, 12);
    expect(d.maxMinRatio).toBeCloseTo(0.85 / 0.45, 14);
    expect(d.groupSummary.find((g) => g.group === "s3")).toMatchObject({ n: 5, min: 0.69, max: 0.85 });
  });

  it("by the district level groups each community under its ancestor district, with the district's name", () => {
    const d = disparity(result, { by: "district" });
    const labels = CASES.domain.groups.map((g) => (g === "C" ? "d2" : "d1"));
    expect(d.groups).toEqual(labels);
    const ref = dagumGini(CASES.domain.values, labels);
    expect(d.dagum.netBetween).toBeCloseTo(ref.netBetween, 14);
    expect(d.theilT.between).toBeCloseTo(theil(CASES.domain.values, { groups: labels }).between!, 14);
    expect(d.groupSummary.map((g) => g.name)).toEqual(["North", "South"]);
  });

  it("lists the unit without a score as left out, with a units_left_out warning", () => {
    const d = disparity(result, { by: "district" });
    expect(d.units).not.toContain("c99");
    expect(d.leftOut).toEqual([{ unit: "c99", reason: 'no score at "root"' }]);
    expect(d.diagnostics.map((i) => i.code)).toEqual(["units_left_out"]);
  });

  it("takes labels aligned with result.units, and a node other than the root", () => {
    const labels = result.units.map((_u, i) => (i % 2 === 0 ? "even" : "odd"));
    const d = disparity(result, { node: "a", by: { labels } });
    expect(d.by).toBe("labels");
    expect(new Set(d.groups)).toEqual(new Set(["even", "odd"]));
  });

  it("leaves Theil's L and max/min out with a measure_undefined warning when a score is 0", () => {
    const r = score(model, [
      { unit: "x", a: 0, b: 0 },
      { unit: "y", a: 1, b: 1 },
      { unit: "z", a: 2, b: 2 },
    ]);
    const d = disparity(r);
    expect(d.theilL).toBeUndefined();
    expect(d.maxMinRatio).toBeUndefined();
    expect(d.diagnostics.map((i) => i.code)).toEqual(["measure_undefined"]);
    expect(d.dagum.pairs).toEqual([]);
  });

  it("weights: population gives DOMAIN C5.2's population-weighted T = 0.0179824061853 and Williamson's CV", () => {
    const c = CASES.domain;
    const withPop = rows().map((r) => {
      const i = Number(/^c(\d+)$/.exec(String(r.unit))?.[1]) - 1;
      return i >= 0 && i < 12 ? { ...r, population: c.population[i] } : r;
    });
    const d = disparity(score(model, withPop), { by: "street", weights: "population" });
    expect(d.weights).toBe("population");
    expect(d.theilT.value).toBeCloseTo(0.0179824061853, 12);
    expect(d.theilT.value).toBeCloseTo(CASES.domain.theilTPopulation.value, 14);
    expect(d.cv).toBeCloseTo(coefficientOfVariation(c.values, { weights: c.population }), 14);
    // The Gini stays unweighted.
    expect(d.gini).toBeCloseTo(0.106175972927, 12);
    // c99 has neither a score nor a population; a unit with a score and no population is left out.
    expect(() => disparity(result, { weights: "population" })).toThrow(
      expect.objectContaining({ code: "missing_column" }),
    );
  });

  it("throws for an unknown node, an unknown grouping and a negative score, naming them", () => {
    expect(() => disparity(result, { node: "nope" })).toThrow(
      expect.objectContaining({ code: "unknown_node" }),
    );
    expect(() => disparity(result, { by: "province" })).toThrow(
      expect.objectContaining({ code: "invalid_option", path: ["opts", "by"] }),
    );
    const r = score(model, [
      { unit: "x", a: -1, b: -1 },
      { unit: "y", a: 1, b: 1 },
    ]);
    expect(() => disparity(r)).toThrow(/unit "x" has the score -1/);
  });
});
