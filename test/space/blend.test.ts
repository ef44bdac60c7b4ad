import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Model } from "../../src/indicators/model-types.js";
import { parseModel } from "../../src/indicators/parse-model.js";
import { checkModel } from "../../src/score/check-model.js";
import { resolveWeights } from "../../src/score/resolve-weights.js";
import { score } from "../../src/score/score.js";
import { EXPECTED } from "../fixtures/space/index.js";

// DOMAIN C7.2's example: root -> G1 (x1, x2), G2 (x3, x4, x5).
// normal: root (0.6, 0.4), G1 (0.5, 0.5), G2 (0.5, 0.3, 0.2); emergency: root (0.3, 0.7), G1 (0.8, 0.2),
// G2 (0.2, 0.2, 0.6). Level-wise blend at lambda = 0.3 (0.7 normal + 0.3 emergency):
// root (0.7*0.6 + 0.3*0.3, 0.7*0.4 + 0.3*0.7) = (0.51, 0.49); G1 (0.59, 0.41); G2 (0.41, 0.27, 0.32);
// globals x1 = 0.51*0.59 = 0.3009, x2 = 0.51*0.41 = 0.2091, x3 = 0.49*0.41 = 0.2009, x4 = 0.49*0.27 = 0.1323,
// x5 = 0.49*0.32 = 0.1568 (the table of DOMAIN C7.2).
const tree = {
  id: "root",
  children: [
    { id: "G1", children: [{ id: "x1" }, { id: "x2" }] },
    { id: "G2", children: [{ id: "x3" }, { id: "x4" }, { id: "x5" }] },
  ],
};
const fixed = (weights: Record<string, number>) => ({ method: "fixed" as const, weights });
const normal = {
  weights: {
    root: fixed({ G1: 0.6, G2: 0.4 }),
    G1: fixed({ x1: 0.5, x2: 0.5 }),
    G2: fixed({ x3: 0.5, x4: 0.3, x5: 0.2 }),
  },
};
const emergency = {
  weights: {
    root: fixed({ G1: 0.3, G2: 0.7 }),
    G1: fixed({ x1: 0.8, x2: 0.2 }),
    G2: fixed({ x3: 0.2, x4: 0.2, x5: 0.6 }),
  },
};
const model = (blend: Record<string, number>, extra: Partial<Model> = {}): Model =>
  parseModel({
    id: "m",
    tree,
    defaults: { normalize: "none" },
    profiles: { normal, emergency, transition: { blend } },
    ...extra,
  });

describe("blended profiles (DOMAIN C7.2)", () => {
  it("resolveWeights of { normal: 0.7, emergency: 0.3 } gives DOMAIN C7.2's level-wise global weights", () => {
    const w = resolveWeights(model({ normal: 0.7, emergency: 0.3 }), { profile: "transition" });
    const expected = { x1: 0.3009, x2: 0.2091, x3: 0.2009, x4: 0.1323, x5: 0.1568 };
    for (const [id, v] of Object.entries(expected)) expect(w.global[id]).toBeCloseTo(v, 12);
    expect(w.local.G1).toBeCloseTo(0.51, 12);
    expect(w.local.x5).toBeCloseTo(0.32, 12);
  });

  it("at lambda = 0.5 the globals are DOMAIN C7.2's (0.2925, 0.1575, 0.1925, 0.1375, 0.22)", () => {
    const w = resolveWeights(model({ normal: 0.5, emergency: 0.5 }), { profile: "transition" });
    const expected = { x1: 0.2925, x2: 0.1575, x3: 0.1925, x4: 0.1375, x5: 0.22 };
    for (const [id, v] of Object.entries(expected)) expect(w.global[id]).toBeCloseTo(v, 12);
  });

  it("score() with the blend gives DOMAIN C7.2's level-wise composite 0.64401 for z = (0.8, 0.6, 0.4, 0.9, 0.5)", () => {
    // 0.3009*0.8 + 0.2091*0.6 + 0.2009*0.4 + 0.1323*0.9 + 0.1568*0.5 = 0.64401; normal 0.648, emergency 0.62.
    const rows = [
      { unit: "u", x1: 0.8, x2: 0.6, x3: 0.4, x4: 0.9, x5: 0.5 },
      { unit: "v", x1: 0.1, x2: 0.2, x3: 0.3, x4: 0.4, x5: 0.5 },
    ];
    const m = model({ normal: 0.7, emergency: 0.3 });
    expect(score(m, rows, { profile: "transition" }).scores.root![0]).toBeCloseTo(0.64401, 12);
    expect(score(m, rows, { profile: "normal" }).scores.root![0]).toBeCloseTo(0.648, 12);
    expect(score(m, rows, { profile: "emergency" }).scores.root![0]).toBeCloseTo(0.62, 12);
    expect(score(m, rows, { profile: "transition" }).provenance.nodes.root?.weights).toMatchObject({
      method: "fixed",
    });
  });

  it("an indicator inactive in one profile weighs 0 there: x5 only in emergency gives G2 (0.4975, 0.3225, 0.18)", () => {
    // normal re-normalizes G2 over x3, x4: (0.5, 0.3)/0.8 = (0.625, 0.375, 0); blend 0.7*that + 0.3*(0.2, 0.2, 0.6).
    const m = parseModel({
      id: "m",
      tree: {
        id: "root",
        children: [
          tree.children[0]!,
          { id: "G2", children: [{ id: "x3" }, { id: "x4" }, { id: "x5", profiles: ["emergency"] }] },
        ],
      },
      profiles: { normal, emergency, transition: { blend: { normal: 0.7, emergency: 0.3 } } },
    });
    const w = resolveWeights(m, { profile: "transition" });
    expect(w.local.x3).toBeCloseTo(0.4975, 12);
    expect(w.local.x4).toBeCloseTo(0.3225, 12);
    expect(w.local.x5).toBeCloseTo(0.18, 12);
    expect(resolveWeights(m, { profile: "normal" }).local.x5).toBeUndefined();
  });

  it("a blend of a profile with itself (any split) equals that profile (property)", () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1, noNaN: true }), (c) => {
        // c of normal and 1 - c of an identical copy of it: the blend must give normal's weights back.
        const copy = parseModel({
          id: "m",
          tree,
          profiles: { normal, twin: normal, self: { blend: { normal: c, twin: 1 - c } } },
        });
        const a = resolveWeights(copy, { profile: "self" }).global;
        const b = resolveWeights(copy, { profile: "normal" }).global;
        for (const id of Object.keys(b)) expect(a[id]).toBeCloseTo(b[id]!, 12);
      }),
      { numRuns: 50 },
    );
  });

  it("checkModel refuses a blend that does not sum to 1, names a missing profile, or sets weights beside it", () => {
    const codes = (blend: Record<string, number>, extra: object = {}) =>
      checkModel(
        parseModel({
          id: "m",
          tree,
          profiles: { normal, emergency, transition: { blend, ...extra } },
        }),
      ).map((d) => [d.code, d.where]);
    expect(codes({ normal: 0.7, emergency: 0.4 })).toEqual([["invalid_blend", "profiles.transition.blend"]]);
    expect(codes({ normal: 0.7, crisis: 0.3 })).toEqual([
      ["unknown_profile", "profiles.transition.blend.crisis"],
    ]);
    expect(codes({ normal: 1 }, { weights: normal.weights })).toEqual([
      ["invalid_blend", "profiles.transition.weights"],
    ]);
    expect(codes({ normal: 0.5, emergency: 0.5 })).toEqual([]);
  });

  it("checkModel refuses a blend of a blend and a blend of data-driven weights", () => {
    const m = parseModel({
      id: "m",
      tree,
      profiles: {
        normal,
        data: { weights: { root: { method: "entropy" } } },
        a: { blend: { normal: 0.5, data: 0.5 } },
        b: { blend: { normal: 0.5, a: 0.5 } },
      },
    });
    expect(checkModel(m).map((d) => [d.code, d.where])).toEqual([
      ["invalid_blend", "profiles.a.blend.data"],
      ["invalid_blend", "profiles.b.blend.a"],
    ]);
  });

  it("a per-unit blend { between: [normal, emergency], column } scores each unit at its own lambda (compute.py unitBlend)", () => {
    // Unit 0 at lambda 0.3 is C7.2's example (0.64401); lambda 0 is normal, lambda 1 emergency.
    const m = parseModel({
      id: "m",
      tree,
      defaults: { normalize: "none" },
      profiles: {
        normal,
        emergency,
        intensity: { blend: { between: ["normal", "emergency"], column: "lam" } },
      },
    });
    const ids = ["x1", "x2", "x3", "x4", "x5"];
    const rows = EXPECTED.unitBlend.map((b, i) => ({
      unit: `u${i}`,
      lam: b.lambda,
      ...Object.fromEntries(ids.map((id, j) => [id, b.z[j]!])),
    }));
    const r = score(m, rows, { profile: "intensity" });
    EXPECTED.unitBlend.forEach((b, i) => {
      expect(r.scores.root![i]).toBeCloseTo(b.root, 12);
      expect(r.scores.G2![i]).toBeCloseTo(b.G2, 12);
      const c = r.contributions(`u${i}`);
      expect(c.reduce((t, x) => t + x.contribution, 0)).toBeCloseTo(b.root, 12);
      ids.forEach((id, j) => {
        expect(c.find((x) => x.indicator === id)?.weight).toBeCloseTo(b.global[j]!, 12);
      });
    });
    expect(r.scores.root![0]).toBeCloseTo(0.64401, 12);
    expect(r.unitWeights.G1![0]).toBeCloseTo(0.51, 12);
    expect(r.provenance.blend).toEqual({
      coefficients: { normal: 0.5, emergency: 0.5 },
      column: { name: "lam", from: "normal", to: "emergency" },
    });
  });

  it("a per-unit blend refuses a factor outside [0, 1] or missing, naming the unit", () => {
    const m = parseModel({
      id: "m",
      tree,
      profiles: {
        normal,
        emergency,
        intensity: { blend: { between: ["normal", "emergency"], column: "lam" } },
      },
    });
    const row = (unit: string, lam: number | null) => ({ unit, lam, x1: 1, x2: 2, x3: 3, x4: 4, x5: 5 });
    expect(() => score(m, [row("a", 0.2), row("b", 1.5)], { profile: "intensity" })).toThrow(
      /unit "b": blend factor 1.5/,
    );
    expect(() => score(m, [row("a", 0.2), row("b", null)], { profile: "intensity" })).toThrow(
      expect.objectContaining({ code: "missing_value" }),
    );
  });
});
