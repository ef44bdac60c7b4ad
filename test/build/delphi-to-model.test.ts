import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { delphi } from "../../src/build/delphi.js";
import { delphiToModel } from "../../src/build/delphi-to-model.js";
import type { Model } from "../../src/indicators/model-types.js";
import { parseModel } from "../../src/indicators/parse-model.js";

// Ratings and expected means: test/fixtures/delphi/delphi_c2.json (numpy, delphi_c2.py).
const c2 = JSON.parse(readFileSync("test/fixtures/delphi/delphi_c2.json", "utf8"));
const deepFreeze = <T>(o: T): T => {
  if (o && typeof o === "object") {
    for (const v of Object.values(o)) deepFreeze(v);
    Object.freeze(o);
  }
  return o;
};
const model: Model = deepFreeze({
  id: "draft",
  tree: {
    id: "root",
    children: [
      { id: "A", children: [{ id: "x1" }, { id: "x2" }] },
      { id: "B", children: [{ id: "x3" }, { id: "x4" }, { id: "x5" }] },
      { id: "C", children: [{ id: "y" }] },
    ],
  },
  profiles: {
    normal: {
      weights: {
        B: {
          method: "ahp",
          judgments: [
            ["x3", "x4", 2],
            ["x4", "x5", 3],
            ["x3", "x5", 5],
          ],
        },
      },
      multipliers: { x5: 2 },
    },
    other: { exclude: ["x5", "x1"] },
  },
});
const result = delphi(
  { indicators: ["x1", "x2", "x3", "x4", "x5"], ratings: c2.ratings, sent: 8 },
  { scaleMax: 5 },
);

describe("delphiToModel", () => {
  it("delphiToModel(C2) removes x5 with its reason in the history and from every profile; the model is unchanged", () => {
    const out = delphiToModel(model, result, { date: "2026-12-03" });
    expect(out.tree.children?.[1]?.children?.map((c) => c.id)).toEqual(["x3", "x4"]);
    expect(out.history).toEqual([
      {
        step: "delphi",
        date: "2026-12-03",
        summary: expect.stringMatching(
          /^Delphi round 1 of 1: 6 experts \(positive coefficient 0.75\), Kendall's W 0.7242 \(chi2 17.3818, df 4, p 0.0016\); rule cutoff; removed x5$/,
        ),
        removed: [{ id: "x5", reason: "cutoff: mean 2.1667 < 2.6032; cv 0.3474 > 0.2921" }],
      },
    ]);
    const b = out.profiles?.normal?.weights?.B;
    expect(b).toEqual({ method: "ahp", judgments: [["x3", "x4", 2]] });
    expect(out.profiles?.normal?.multipliers).toEqual({});
    expect(out.profiles?.other?.exclude).toEqual(["x1"]);
    expect(model.tree.children?.[1]?.children).toHaveLength(3);
    expect(() => parseModel(out)).not.toThrow();
  });

  it("delphiToModel(C2, { weights: true }) writes M_j / sum M_k within each fully rated group of the first profile", () => {
    const out = delphiToModel(model, result, { weights: true });
    const [m1, m2, m3, m4] = c2.mean as number[];
    const w = out.profiles?.normal?.weights;
    expect(w?.A).toEqual({ method: "fixed", weights: { x1: m1! / (m1! + m2!), x2: m2! / (m1! + m2!) } });
    expect(w?.B).toEqual({ method: "fixed", weights: { x3: m3! / (m3! + m4!), x4: m4! / (m3! + m4!) } });
    expect(w?.C).toBeUndefined(); // y was not rated
    expect(w?.root).toBeUndefined();
  });

  it("delphiToModel removes a group whose every child goes, and rejects a rated id that is not in the tree", () => {
    const r = delphi(
      {
        indicators: ["y", "x1", "x2", "x3"],
        ratings: [
          [1, 5, 5, 4],
          [1, 4, 5, 5],
          [2, 5, 4, 5],
        ],
      },
      { scaleMax: 5 },
    );
    const out = delphiToModel(model, r);
    expect(out.tree.children?.map((c) => c.id)).toEqual(["A", "B"]);
    expect(out.history?.[0]?.removed?.map((x) => x.id)).toEqual(["y", "C"]);
    const bad = delphi(
      {
        indicators: ["zz", "x1"],
        ratings: [
          [1, 5],
          [2, 4],
        ],
      },
      { scaleMax: 5 },
    );
    expect(() => delphiToModel(model, bad)).toThrow(/rated id "zz" is not a node/);
    expect(() => delphiToModel(model, result, { round: 2 })).toThrow(/round from 1 to 1/);
  });
});
