import { describe, expect, it } from "vitest";
import { parseModel } from "../../src/indicators/parse-model.js";
import { rollup } from "../../src/score/rollup.js";
import { score } from "../../src/score/score.js";

// Issue 20, item 4: missing, zero and negative roll-up weights. One indicator `a`, min-max over the
// communities: a = 0, 10, 5 score 0, 1, 0.5.
const model = parseModel({ id: "m", tree: { id: "root", children: [{ id: "a" }, { id: "b" }] } });
const rows = (pops: (number | string)[]) => [
  { unit: "city", level: "city" },
  { unit: "s1", parent: "city", level: "street" },
  { unit: "s2", parent: "city", level: "street" },
  { unit: "c1", parent: "s1", level: "community", population: pops[0], a: 0, b: 0 },
  { unit: "c2", parent: "s1", level: "community", population: pops[1], a: 10, b: 10 },
  { unit: "c3", parent: "s2", level: "community", population: pops[2], a: 5, b: 5 },
];
const up = (pops: (number | string)[]) =>
  rollup(score(model, rows(pops), { keep: ["population"] }), { by: { weight: "population" } });

describe("rollup weights (issue 20, item 4)", () => {
  it("drops a unit with an empty population from the mean and the count and names it in the reason (hand computed: city = (100*0 + 200*0.5) / 300)", () => {
    const r = up([100, "", 200]);
    // s1: only c1 (score 0, weight 100) remains: 0; city: (100*0 + 200*0.5) / 300 = 1/3.
    expect(r.units).toEqual(["city", "s1", "s2"]);
    expect(r.scores.root?.[1]).toBe(0);
    expect(r.scores.root?.[0]).toBeCloseTo(1 / 3, 15);
    expect(Array.from(r.counts)).toEqual([2, 1, 1]);
    expect(r.reasons[0]).toBe(
      "population-weighted mean of 2 scored units below; no population for c2, left out",
    );
    expect(r.reasons[1]).toBe(
      "population-weighted mean of 1 scored unit below; no population for c2, left out",
    );
    expect(r.reasons[2]).toBe("population-weighted mean of 1 scored unit below");
  });

  it("gives a street whose communities all lack a population no score and says so, not 'no scored unit below'", () => {
    const r = up(["", "", 200]);
    expect(Number.isNaN(r.scores.root?.[1])).toBe(true);
    expect(r.reasons[1]).toBe("no population for c1, c2 (every scored unit below)");
    expect(r.scores.root?.[0]).toBe(0.5); // only c3 counts
  });

  it("says the population is 0 for every unit when all weigh 0, not 'no scored unit'", () => {
    const r = up([0, 0, 0]);
    expect(Array.from(r.scores.root ?? [], Number.isNaN)).toEqual([true, true, true]);
    expect(r.reasons[0]).toBe("population is 0 for every scored unit below (c1, c2, c3)");
    expect(r.reasons[1]).toBe("population is 0 for every scored unit below (c1, c2)");
    const mixed = up([0, "", 5]);
    expect(mixed.reasons[1]).toBe(
      "population is 0 or missing for every scored unit below: no population for c2; 0 for c1",
    );
  });

  it("refuses a negative population with negative_value naming the unit (a city score of -0.571 before)", () => {
    expect(() => up([100, -300, 200])).toThrowError(
      expect.objectContaining({ code: "negative_value", message: expect.stringMatching(/c2/) }),
    );
  });

  it("still says 'no scored unit below' for a parent with no scored unit, and a plain mean's reason is unchanged", () => {
    const data = [...rows([1, 1, 1]), { unit: "s3", parent: "city", level: "street" }];
    const r = rollup(score(model, data));
    expect(r.reasons).toEqual([
      "mean of 3 scored units below",
      "mean of 2 scored units below",
      "mean of 1 scored unit below",
    ]);
  });
});
