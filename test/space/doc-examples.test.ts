// The @example blocks of issue 14's functions, run as tests so that the documented results stay true.
import { describe, expect, it } from "vitest";
import { composeModels } from "../../src/indicators/compose-models.js";
import { blendComponents, levelRules } from "../../src/indicators/profiles.js";
import { scoreByProfile } from "../../src/score/score-by-profile.js";
import { scoreLevels } from "../../src/score/score-levels.js";
import { profilesOfStates, scoreStates } from "../../src/score/score-states.js";
import { resolveVariableWeights, variableWeights } from "../../src/weighting/variable-weights.js";

const model = {
  id: "m",
  tree: { id: "root", children: [{ id: "a" }, { id: "b" }] },
  defaults: { normalize: "none" as const },
  profiles: {
    normal: {},
    emergency: { weights: { root: { method: "fixed" as const, weights: { a: 1, b: 3 } } } },
  },
  states: { normal: "normal", III: "emergency", IV: "emergency" },
};

describe("documented examples of issue 14", () => {
  it("variableWeights / resolveVariableWeights", () => {
    expect(variableWeights([0.4, 0.35, 0.25], [0.9, 0.3, 0.7], { alpha: 0.5 }).score).toBeCloseTo(
      0.574010832247,
      12,
    );
    expect(resolveVariableWeights({ alpha: 0.5 })).toEqual({ form: "power", alpha: 0.5, floor: 0.001 });
  });

  it("composeModels", () => {
    const base = { id: "city", tree: { id: "root", children: [{ id: "a" }, { id: "b" }] } };
    const m = composeModels(base, {
      add: [{ parent: "root", nodes: [{ id: "typhoon", appliesTo: { tag: "coastal" } }] }],
      profiles: { default: { weights: { root: { method: "fixed", weights: { a: 2, b: 1, typhoon: 1 } } } } },
    });
    expect(m.tree.children?.map((c) => c.id)).toEqual(["a", "b", "typhoon"]);
  });

  it("scoreLevels", () => {
    const m = {
      id: "m",
      levels: [{ id: "community" }, { id: "street" }],
      tree: { id: "root", children: [{ id: "a" }, { id: "s", level: "street" }] },
      defaults: { normalize: "none" as const },
      profiles: { p: { levels: { street: { own: 0.4, children: 0.6 } } } },
    };
    const r = scoreLevels(m, [
      { unit: "s1", s: 0.5 },
      { unit: "c1", parent: "s1", a: 0.2 },
      { unit: "c2", parent: "s1", a: 0.6 },
    ]);
    expect(r.level("street").scores.root![0]).toBeCloseTo(0.44, 12);
  });

  it("levelRules", () => {
    const m = {
      profiles: {
        normal: { levels: { street: { own: 0.3, children: 0.7 }, district: { own: 0.2, children: 0.8 } } },
        emergency: { extends: "normal", levels: { street: { own: 0.4, children: 0.6 } } },
      },
    };
    expect(levelRules(m, "emergency").rules).toEqual({
      street: { own: 0.4, children: 0.6 },
      district: { own: 0.2, children: 0.8 },
    });
  });

  it("blendComponents", () => {
    expect(blendComponents({ blend: { normal: 0.3, emergency: 0.7 } })).toEqual(["normal", "emergency"]);
  });

  it("scoreByProfile", () => {
    const r = scoreByProfile(
      model,
      [
        { unit: "c1", a: 0.2, b: 0.8 },
        { unit: "c2", a: 0.6, b: 0.2 },
      ],
      { c2: "emergency" },
    );
    expect(r.profiles).toEqual(["normal", "emergency"]);
    expect(r.scores.root![0]).toBeCloseTo(0.5, 12);
    expect(r.scores.root![1]).toBeCloseTo(0.3, 12);
    expect([...r.ranks.root!]).toEqual([1, 2]);
  });

  it("profilesOfStates / scoreStates", () => {
    expect(profilesOfStates(model, { c1: "III", c2: "normal" })).toEqual({ c1: "emergency", c2: "normal" });
    const r = scoreStates(model, [
      { unit: "c1", state: "III", a: 0.6, b: 0.2 },
      { unit: "c2", state: "normal", a: 0.2, b: 0.8 },
      { unit: "c3", state: "IV", a: 0.4, b: 0.4 },
    ]);
    expect(r.profiles).toEqual(["emergency", "normal", "emergency"]);
    [0.3, 0.5, 0.4].forEach((v, i) => {
      expect(r.scores.root![i]).toBeCloseTo(v, 12);
    });
    expect([...r.ranks.root!]).toEqual([3, 1, 2]);
    expect([...r.ranksWithinState.root!]).toEqual([1, 1, 1]);
  });
});
