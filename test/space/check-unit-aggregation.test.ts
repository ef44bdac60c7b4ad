import { describe, expect, it } from "vitest";
import { parseModel } from "../../src/indicators/parse-model.js";
import { checkModel } from "../../src/score/check-model.js";
import { score } from "../../src/score/score.js";

const geometric = { method: "geometric", zero: "floor" };
const tree = {
  id: "root",
  aggregate: geometric,
  children: [{ id: "a" }, { id: "b" }],
};
const codes = (model: Record<string, unknown>) =>
  checkModel(parseModel({ id: "m", ...model })).map((d) => [d.code, d.where]);

describe("checkModel: groups with per-unit weights need the arithmetic mean", () => {
  it("refuses variable weights on a geometric group, as score does", () => {
    const model = { tree, profiles: { p: { variableWeights: { alpha: 0.5 } } } };
    expect(codes(model)).toEqual([["invalid_option", "profiles.p.variableWeights"]]);
    // The same model without the check would fail only when scored.
    const arithmetic = { tree: { ...tree, aggregate: "arithmetic" }, profiles: model.profiles };
    expect(codes(arithmetic)).toEqual([]);
    // variableWeights.nodes leaving the geometric group out: nothing varies there.
    const elsewhere = {
      tree: {
        id: "root",
        children: [{ id: "g", aggregate: geometric, children: [{ id: "a" }, { id: "b" }] }, { id: "c" }],
      },
      profiles: { p: { variableWeights: { alpha: 0.5, nodes: ["root"] } } },
    };
    expect(codes(elsewhere)).toEqual([]);
  });

  it("refuses a per-unit blend where the two profiles weigh a geometric group's children differently", () => {
    const profiles = (w: Record<string, number>) => ({
      normal: {},
      emergency: { weights: { root: { method: "fixed", weights: w } } },
      mix: { blend: { between: ["normal", "emergency"], column: "lambda" } },
    });
    expect(codes({ tree, profiles: profiles({ a: 1, b: 3 }) })).toEqual([
      ["invalid_option", "profiles.mix.blend"],
    ]);
    // Same weights in both profiles: the blend is the same for every unit there.
    expect(codes({ tree, profiles: profiles({ a: 1, b: 1 }) })).toEqual([]);
    // A fixed blend is the same for every unit: fine with the geometric mean.
    expect(
      codes({
        tree,
        profiles: { ...profiles({ a: 1, b: 3 }), mix: { blend: { normal: 0.5, emergency: 0.5 } } },
      }),
    ).toEqual([]);
  });

  it("refuses a local indicator under a geometric group, and score refuses it the same way", () => {
    const local = { ...tree, children: [{ id: "a" }, { id: "b", appliesTo: { tag: "coastal" } }] };
    expect(codes({ tree: local })).toEqual([["invalid_option", "tree"]]);
  });

  it("refuses a geometric group above a formula recomputed from summed inputs (levels)", () => {
    const model = {
      levels: [{ id: "community" }, { id: "street" }],
      inputs: [
        { id: "cases", rollup: "sum" },
        { id: "pop", rollup: "sum" },
      ],
      tree: { ...tree, children: [{ id: "rate", formula: "cases / pop * 1e4" }, { id: "b" }] },
    };
    expect(codes(model)).toEqual([["invalid_levels", "tree"]]);
    // Without levels the inputs are not summed anywhere: nothing to refuse.
    const { levels: _, ...flat } = model;
    expect(codes(flat)).toEqual([]);
  });
});

describe("score refuses the model up front, with checkModel's diagnostic", () => {
  it("variable weights on a geometric group: score throws invalid_model with the same diagnostic", () => {
    const model = parseModel({ id: "m", tree, profiles: { p: { variableWeights: { alpha: 0.5 } } } });
    expect(() =>
      score(model, [
        { unit: "c1", a: 1, b: 2 },
        { unit: "c2", a: 2, b: 1 },
      ]),
    ).toThrow(expect.objectContaining({ code: "invalid_model" }));
  });
});
