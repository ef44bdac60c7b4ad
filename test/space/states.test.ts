import { describe, expect, it } from "vitest";
import { parseModel } from "../../src/indicators/parse-model.js";
import { checkModel } from "../../src/score/check-model.js";
import { scoreByProfile } from "../../src/score/score-by-profile.js";
import { profilesOfStates, scoreStates } from "../../src/score/score-states.js";

// root -> a, b, c; c only in emergency. normal: a 0.5, b 0.5; emergency: a 0.2, b 0.3, c 0.5. Values are used as
// they are (normalize "none"), so each score is a hand sum:
// u1 normal: 0.5*0.8 + 0.5*0.4 = 0.6; u2 III (emergency): 0.2*0.2 + 0.3*0.6 + 0.5*1 = 0.72;
// u3 III: 0.2*0.5 + 0.3*0.5 + 0.5*0.5 = 0.5; u4 no state (first profile, normal): 0.5*0.9 + 0.5*0.9 = 0.9.
const model = parseModel({
  id: "m",
  tree: { id: "root", children: [{ id: "a" }, { id: "b" }, { id: "c", profiles: ["emergency"] }] },
  defaults: { normalize: "none" },
  profiles: {
    normal: { weights: { root: { method: "fixed", weights: { a: 0.5, b: 0.5 } } } },
    emergency: { weights: { root: { method: "fixed", weights: { a: 0.2, b: 0.3, c: 0.5 } } } },
  },
  states: { normal: "normal", III: "emergency", IV: "emergency" },
});
const rows = [
  { unit: "u1", state: "normal", a: 0.8, b: 0.4, c: 0.1 },
  { unit: "u2", state: "III", a: 0.2, b: 0.6, c: 1 },
  { unit: "u3", state: "III", a: 0.5, b: 0.5, c: 0.5 },
  { unit: "u4", state: null, a: 0.9, b: 0.9, c: 0 },
];

describe("scoreStates (DOMAIN C7.3)", () => {
  it("scores each unit with its state's profile: 0.6, 0.72, 0.5, 0.9 (hand sums above)", () => {
    const r = scoreStates(model, rows);
    expect(r.profiles).toEqual(["normal", "emergency", "emergency", "normal"]);
    expect(r.states).toEqual(["normal", "III", "III", undefined]);
    [0.6, 0.72, 0.5, 0.9].forEach((v, i) => {
      expect(r.scores.root![i]).toBeCloseTo(v, 12);
    });
    // c is not active in normal: no score for the normal units, and no overall rank (the profiles do not share it).
    expect(Number.isNaN(r.scores.c![0]!)).toBe(true);
    expect(r.shared).toEqual(["root", "a", "b"]);
    expect(r.ranks.c).toBeUndefined();
  });

  it("ranks overall (0.9 > 0.72 > 0.6 > 0.5), within state (u2 before u3 in III) and within profile", () => {
    const r = scoreStates(model, rows);
    expect([...r.ranks.root!]).toEqual([3, 2, 4, 1]);
    expect([...r.ranksWithinState.root!]).toEqual([1, 1, 2, 1]);
    expect([...r.ranksWithinProfile.root!]).toEqual([2, 1, 2, 1]);
    expect(r.toRows()[2]).toMatchObject({
      unit: "u3",
      state: "III",
      profile: "emergency",
      root_rank: 4,
      root_rank_in_state: 2,
    });
  });

  it("normalization runs on the whole sample in every profile: scoreByProfile equals each profile's own score() rows", () => {
    const m = parseModel({ ...model, defaults: {} }); // min-max on the sample
    const byProfile = scoreByProfile(
      m,
      rows.map(({ state, ...r }) => r),
      { u2: "emergency", u3: "emergency" },
    );
    expect(byProfile.results.normal!.scores.root![0]).toBe(byProfile.scores.root![0]);
    expect(byProfile.results.emergency!.scores.root![1]).toBe(byProfile.scores.root![1]);
  });

  it("refuses a state the map does not name (unknown_state, naming the unit) and checkModel a state mapped to a missing profile", () => {
    expect(() => profilesOfStates(model, { u9: "II" })).toThrow(/unit "u9" is in state "II"/);
    expect(() => scoreStates(model, [{ ...rows[0]!, state: "I" }, rows[1]!])).toThrow(
      expect.objectContaining({ code: "unknown_state" }),
    );
    const bad = parseModel({ ...model, states: { normal: "normal", I: "crisis" } });
    expect(checkModel(bad).map((d) => [d.code, d.where])).toEqual([["unknown_profile", "states.I"]]);
  });

  it("takes states from opts.states for columnar data and does not change the caller's rows", () => {
    const frozen = Object.freeze(rows.map((r) => Object.freeze({ ...r })));
    const r = scoreStates(model, frozen);
    expect(r.units).toEqual(["u1", "u2", "u3", "u4"]);
    expect(frozen[0]).toHaveProperty("state", "normal");
    const cols = {
      units: ["u1", "u2"],
      values: { a: [0.8, 0.2], b: [0.4, 0.6], c: [0.1, 1] },
    };
    const c = scoreStates(model, cols, { states: { u1: "normal", u2: "III" } });
    expect(c.scores.root![1]).toBeCloseTo(0.72, 12);
    expect(() => scoreStates(model, cols)).toThrow(expect.objectContaining({ code: "invalid_option" }));
  });
});
