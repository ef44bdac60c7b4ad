import { describe, expect, it } from "vitest";
import { scoreScale } from "../../src/grades/score-scale.js";
import type { Model, NodeRules } from "../../src/indicators/schema.js";
import { score } from "../../src/score/score.js";

/** Two goalpost indicators on [0, 100] (raw), normalized to `range`; the root graded by fixed `cuts`. */
function model(cuts: number[], range: [number, number] = [0, 1], rules?: NodeRules): Model {
  return {
    id: "m",
    inputs: [{ id: "awards" }],
    defaults: { normalize: { method: "goalposts", range, clip: true } },
    tree: {
      id: "root",
      children: [
        { id: "a", goalposts: [0, 100] },
        { id: "b", goalposts: [0, 100] },
      ],
    },
    profiles: { p: { weights: { root: { method: "equal" } } } },
    grades: { root: { method: "fixed", cuts } },
    ...(rules ? { rules: { root: rules } } : {}),
  };
}

const rows = [
  { unit: "u1", a: 95, b: 85, awards: 3 },
  { unit: "u2", a: 70, b: 60, awards: 0 },
  { unit: "u3", a: 40, b: 50, awards: 1 },
];
const warned = (m: Model, opts = {}) =>
  score(m, rows, opts).diagnostics.filter((d) => d.code === "cuts_outside_scale");

describe("cuts_outside_scale: fixed grade cut points beyond the score scale", () => {
  it("warns (not an error) for cuts 60 / 80 / 90 on the default 0-1 scale, and suggests 0.6 / 0.8 / 0.9", () => {
    const r = score(model([60, 80, 90]), rows);
    const w = r.diagnostics.filter((d) => d.code === "cuts_outside_scale");
    expect(w).toHaveLength(1);
    expect(w[0]).toMatchObject({ severity: "warning", node: "root" });
    expect(w[0]!.message).toContain("60, 80, 90 above its score scale [0, 1]");
    expect(w[0]!.message).toContain("0.6, 0.8, 0.9");
    // The scores are untouched (u1: (0.95 + 0.85) / 2 = 0.9) and every unit falls in the lowest grade.
    expect(r.scores.root![0]).toBeCloseTo(0.9, 15);
    expect(Array.from(r.grades.root!.grade)).toEqual([0, 0, 0]);
  });

  it("is silent for the same cuts on a 0-100 scale, and for a cut on the scale's end", () => {
    expect(warned(model([60, 80, 90], [0, 100]))).toEqual([]);
    expect(warned(model([0.5, 1]))).toEqual([]);
  });

  it("warns for a cut below the scale (every unit gets at least the grade above it)", () => {
    const w = warned(model([-5, 0.5]));
    expect(w).toHaveLength(1);
    expect(w[0]!.message).toContain("-5 below its score scale [0, 1]");
  });

  it("widens the scale by a capped bonus (0-100 plus at most 5: [0, 105]), not beyond capTotal", () => {
    const bonus: NodeRules = { bonus: [{ id: "awards", from: "awards", per: 2 }], bonusCap: 5 };
    expect(warned(model([60, 80, 102], [0, 100], bonus))).toEqual([]);
    expect(warned(model([60, 80, 106], [0, 100], bonus))[0]!.message).toContain(
      "106 above its score scale [0, 105]",
    );
    expect(warned(model([60, 80, 102], [0, 100], { ...bonus, capTotal: 100 }))).toHaveLength(1);
    // An uncapped bonus has no upper end: no warning above.
    expect(warned(model([60, 80, 500], [0, 100], { bonus: [{ id: "awards", from: "awards" }] }))).toEqual([]);
  });

  it("checks cuts given by the grades option too, and never statistical cut points", () => {
    const m = model([0.6, 0.8, 0.9]);
    expect(warned(m)).toEqual([]);
    expect(warned(m, { grades: { root: { method: "fixed", cuts: [60, 80, 90] } } })).toHaveLength(1);
    expect(warned(m, { grades: { root: { method: "quantile", classes: 3 } } })).toEqual([]);
  });
});

describe("scoreScale(id, node, range)", () => {
  const node = (indicator: boolean, children: string[] = [], rules?: NodeRules) => ({
    indicator,
    children,
    aggregate: "arithmetic" as const,
    rules,
  });
  it("takes an indicator's step points, the span of a group's children, and undefined for an unbounded child", () => {
    const nodes = new Map([
      ["root", node(false, ["a", "b"])],
      ["a", node(true, [], { steps: { thresholds: [80, 90], points: [0, 60, 120] } })],
      ["b", node(true)],
      ["z", node(true)],
      ["top", node(false, ["a", "z"])],
    ]);
    const get = (id: string) => nodes.get(id);
    // a: points 0..120; b: its range [0, 100]; root: [0, 120].
    expect(scoreScale("root", get, (id) => (id === "z" ? undefined : [0, 100]))).toEqual([0, 120]);
    // z has no output range (a z-score): the group's scale is unknown.
    expect(scoreScale("top", get, (id) => (id === "z" ? undefined : [0, 100]))).toBeUndefined();
  });
});
