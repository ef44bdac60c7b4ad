import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import type { Model, NodeRules } from "../../src/indicators/schema.js";
import { checkModel } from "../../src/score/check-model.js";
import { score } from "../../src/score/score.js";

// DOMAIN C4.3's worked example as an indicatrix model: four items with full marks 20, 30, 30, 20 are the
// root's fixed weights, every item is normalized to 0-100, so weight x points gives the item score:
// completion 93% on the step item (>= 100% 20, [90, 100) 16, [80, 90) 12, else 0: points 100/80/60/0) -> 16;
// satisfaction 86 on the linear item -> 25.8; 7 complaints at 2 points on the 30-point deduction item
// (cost goalposts [0, 15], clipped: 15 complaints take all 30 points) -> 16; full marks on the last -> 20.
// Base 77.8; bonus 2 city x 1 + 2 provincial x 2 = 6 capped at 5; penalty 3; total 79.8 -> 中.
function c43(rootRules: NodeRules = {}): Model {
  return {
    id: "c43",
    inputs: [{ id: "city_awards" }, { id: "prov_awards" }, { id: "late_reports" }, { id: "major_accident" }],
    defaults: { normalize: { method: "goalposts", range: [0, 100], clip: true } },
    tree: {
      id: "root",
      children: [
        { id: "completion", goalposts: [0, 100] },
        { id: "satisfaction", goalposts: [0, 100] },
        { id: "complaints", direction: "cost", goalposts: [0, 15] },
        { id: "other", goalposts: [0, 100] },
      ],
    },
    profiles: {
      normal: {
        weights: {
          root: { method: "fixed", weights: { completion: 20, satisfaction: 30, complaints: 30, other: 20 } },
        },
      },
    },
    grades: {
      root: {
        method: "fixed",
        cuts: [60, 80, 90],
        labels: [
          { zh: "差", en: "poor" },
          { zh: "中", en: "fair" },
          { zh: "良", en: "good" },
          { zh: "优", en: "excellent" },
        ],
        margin: 0.5,
      },
    },
    rules: {
      completion: { steps: { thresholds: [80, 90, 100], points: [0, 60, 80, 100] } },
      root: {
        bonus: [
          { id: "city", from: "city_awards", per: 1 },
          { id: "province", from: "prov_awards", per: 2 },
        ],
        bonusCap: 5,
        penalty: [{ id: "late", from: "late_reports", per: 3 }],
        ...rootRules,
      },
    },
    language: "zh",
  };
}

const row = {
  completion: 93,
  satisfaction: 86,
  complaints: 7,
  other: 100,
  city_awards: 2,
  prov_awards: 2,
  late_reports: 1,
};
const data = [
  { unit: "u1", ...row, major_accident: 0 },
  { unit: "u2", ...row, major_accident: true },
  {
    unit: "u3",
    ...row,
    completion: 100,
    city_awards: 0,
    prov_awards: 0,
    late_reports: 0,
    major_accident: "false",
  },
];

describe("score() with grades and assessment rules (DOMAIN C4.3)", () => {
  it("gives C4.3's total 79.8 -> 中, with base 77.8, bonus 5 (6 capped) and penalty 3", () => {
    const r = score(c43(), data);
    expect(r.rules.root!.base[0]).toBeCloseTo(77.8, 10);
    expect(r.rules.root!.bonus[0]).toBe(5);
    expect(r.rules.root!.penalty[0]).toBe(3);
    expect(r.scores.root![0]).toBeCloseTo(79.8, 10);
    expect(r.grades.root!.names[r.grades.root!.grade[0]!]).toBe("中");
    // u3: completion 100% gets the full 20: base 81.8, no bonus -> 良.
    expect(r.scores.root![2]).toBeCloseTo(81.8, 10);
    expect(r.toRows()[2]!.root_grade).toBe("良");
    // 79.8 is 0.2 below the cut 80: listed near a boundary.
    expect(r.grades.root!.near.map((n) => n.unit)).toEqual(["u1", "u2"]);
  });

  it("a lowest-grade veto forces 差 and keeps the score 79.8; the reason is in toRows and the contributions", () => {
    const r = score(
      c43({ veto: [{ id: "accident", when: "major_accident == true", reason: { zh: "发生重大安全事故" } }] }),
      data,
    );
    expect(r.scores.root![1]).toBeCloseTo(79.8, 10);
    expect(r.grades.root!.grade[1]).toBe(0);
    expect(r.grades.root!.unforced[1]).toBe(1);
    expect(r.grades.root!.forced).toEqual({ u2: ["accident"] });
    const rows = r.toRows();
    expect(rows.map((x) => [x.root_grade, x.root_veto])).toEqual([
      ["中", null],
      ["差", "accident"],
      ["良", null],
    ]);
    const vetoEntry = r.contributions("u2").find((c) => c.rule?.kind === "veto");
    expect(vetoEntry?.rule).toMatchObject({ node: "root", id: "accident", points: 0 });
    expect(vetoEntry?.rule?.detail).toMatch(/major_accident == true \(major_accident = 1\): lowest-grade/);
  });

  it("a grade-ceiling veto at 中 leaves 中 as 中 (C4.3) and caps 良 at 中; zero-score sets the score to 0", () => {
    const ceiling = score(
      c43({ veto: [{ id: "acc", when: "major_accident == true", effect: "grade-ceiling", grade: "中" }] }),
      [data[0]!, data[1]!, { ...data[2]!, major_accident: 1 }],
    );
    expect([...ceiling.grades.root!.grade]).toEqual([1, 1, 1]);
    const zero = score(
      c43({ veto: [{ id: "acc", when: "major_accident == true", effect: "zero-score" }] }),
      data,
    );
    expect(zero.scores.root![1]).toBe(0);
    expect(zero.grades.root!.grade[1]).toBe(0);
  });

  it("lists every rule's effect in the contributions: step points, bonus, cap, penalty (weights x points)", () => {
    const c = score(c43(), data).contributions("u1");
    const step = c.find((x) => x.indicator === "completion");
    expect(step?.rule).toMatchObject({ kind: "steps", points: 80, detail: "value 93 -> 80 points" });
    expect(step?.contribution).toBeCloseTo(16, 12);
    const rules = c
      .filter((x) => x.rule && x.rule.kind !== "steps")
      .map((x) => [x.rule!.kind, x.rule!.id, x.contribution]);
    expect(rules).toEqual([
      ["bonus", "province", 4],
      ["bonus", "city", 2],
      ["cap", "bonusCap", -1],
      ["penalty", "late", -3],
    ]);
    // Everything sums to the score: the items' 77.8 and the rules' +2.
    expect(c.reduce((s, x) => s + x.contribution, 0)).toBeCloseTo(79.8, 10);
  });

  it("the grades option grades any active node (satisfaction at a cut of 50, default labels 1, 2); an unknown node is refused", () => {
    const r = score(c43(), data, { grades: { satisfaction: { method: "fixed", cuts: [50] } } });
    expect(Object.keys(r.grades)).toEqual(["root", "satisfaction"]);
    expect(r.toRows()[0]!.satisfaction_grade).toBe("2");
    expect(() => score(c43(), data, { grades: { nope: { method: "jenks", classes: 2 } } })).toThrow(
      /not an active node/,
    );
  });

  test.prop([
    fc.array(fc.record({ s: fc.integer({ min: 0, max: 100 }), flag: fc.boolean() }), {
      minLength: 2,
      maxLength: 12,
    }),
  ])("a veto always forces the lowest grade, whatever the score", (units) => {
    const model = c43({ veto: [{ id: "acc", when: "major_accident == true" }] });
    const rows = units.map((u, i) => ({ unit: `u${i}`, ...row, satisfaction: u.s, major_accident: u.flag }));
    const r = score(model, rows);
    units.forEach((u, i) => {
      if (u.flag) expect(r.grades.root!.grade[i]).toBe(0);
      else expect(r.grades.root!.grade[i]).toBe(r.grades.root!.unforced[i]);
    });
  });
});

describe("checkModel on grades and rules", () => {
  const codes = (m: Model): string[] => checkModel(m).map((d) => `${d.code} @ ${d.where}`);
  it("accepts the C4.3 model", () => {
    expect(codes(c43())).toEqual([]);
  });

  it("names the place of each mistake", () => {
    const m = c43({
      veto: [
        { id: "v1", when: "accidents >> 1" },
        { id: "v2", when: "nowhere == true" },
        { id: "v3", when: "major_accident == true", effect: "grade-ceiling", grade: "A" },
      ],
      bonus: [{ id: "b", from: "city_awards", when: "city_awards >= 1", points: 1 }],
    });
    m.grades!.root = { method: "fixed", cuts: [80, 60], labels: ["a", "b"] };
    m.grades!.nowhere = { method: "jenks", classes: 3 };
    m.rules!.completion = { steps: { thresholds: [80, 90], points: [10, 5, 0] } };
    m.rules!.satisfaction = { steps: { thresholds: [80], points: [0, 1, 2] } };
    expect(codes(m)).toEqual([
      "invalid_grades @ grades.root.cuts",
      "invalid_grades @ grades.root.labels",
      "unknown_node @ grades.nowhere",
      "non_monotone_steps @ rules.completion.steps.points",
      "invalid_rule @ rules.root.bonus[0]",
      "invalid_condition @ rules.root.veto[0].when",
      "invalid_condition @ rules.root.veto[1].when",
      "invalid_rule @ rules.root.veto[2].grade",
      "invalid_rule @ rules.satisfaction.steps.points",
    ]);
  });

  it("bonus and vetoes on an indicator are refused: they apply to groups", () => {
    const m = c43();
    m.rules!.satisfaction = { veto: [{ id: "v", when: "major_accident == true" }] };
    expect(codes(m)).toContain("invalid_rule @ rules.satisfaction");
  });

  it("a node id equal to a grade column is a column collision", () => {
    const m = c43();
    m.tree.children!.push({ id: "root_grade", goalposts: [0, 1] });
    expect(codes(m)).toContain("column_collision @ tree.children[4].id");
  });
});
