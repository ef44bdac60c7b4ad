import { describe, expect, it } from "vitest";
import { parseModel } from "../../src/indicators/parse-model.js";
import { score } from "../../src/score/score.js";

// root (fixed: G 0.6, t1 0.4), G = (c1, c2) equal; t1 is local to coastal units (a 0/1 column). Values are used as
// they are (normalize "none"), so each score is a hand sum:
// u1 coastal: G = (0.5 + 0.7) / 2 = 0.6, root = 0.6 * 0.6 + 0.4 * 0.2 = 0.44;
// u2 not coastal: t1 is absent by design, its weight goes to G: root = G = (0.8 + 0.4) / 2 = 0.6 (its t1 value 0.9 is
//   ignored), coverage 2 / 2 = 1;
// u3 coastal, t1 missing: root = G = 0.6, coverage 2 / 3.
const model = (localCap?: number) =>
  parseModel({
    id: "m",
    tree: {
      id: "root",
      children: [
        { id: "G", children: [{ id: "c1" }, { id: "c2" }] },
        { id: "t1", appliesTo: { tag: "coastal" } },
      ],
    },
    defaults: { normalize: "none" },
    profiles: {
      p: {
        weights: { root: { method: "fixed", weights: { G: 0.6, t1: 0.4 } } },
        ...(localCap === undefined ? {} : { localCap }),
      },
    },
  });
const rows = [
  { unit: "u1", coastal: 1, c1: 0.5, c2: 0.7, t1: 0.2 },
  { unit: "u2", coastal: 0, c1: 0.8, c2: 0.4, t1: 0.9 },
  { unit: "u3", coastal: 1, c1: 0.6, c2: 0.6, t1: null },
];

describe("local indicators (appliesTo)", () => {
  it("a tag-local indicator counts only where it applies: 0.44, 0.6 (weight to G), 0.6 (missing)", () => {
    const r = score(model(), rows);
    [0.44, 0.6, 0.6].forEach((v, i) => {
      expect(r.scores.root![i]).toBeCloseTo(v, 12);
    });
    expect([...r.coverage]).toEqual([1, 1, 2 / 3]);
    expect(Number.isNaN(r.scores.t1![1]!)).toBe(true);
    expect(r.unitWeights.G![1]).toBe(1);
    // Contributions still sum to the score: u1 0.3 * 0.5 + 0.3 * 0.7 + 0.4 * 0.2 = 0.44.
    const c = r.contributions("u1");
    expect(c.reduce((t, x) => t + x.contribution, 0)).toBeCloseTo(0.44, 12);
    expect(c.find((x) => x.indicator === "t1")?.weight).toBeCloseTo(0.4, 12);
    expect(r.contributions("u2").find((x) => x.indicator === "t1")?.weight).toBe(0);
  });

  it("localCap 0.25 caps t1's weight for u1: (0.75, 0.25), root = 0.75 * 0.6 + 0.25 * 0.2 = 0.5", () => {
    const r = score(model(0.25), rows);
    expect(r.scores.root![0]).toBeCloseTo(0.5, 12);
    expect(r.unitWeights.t1![0]).toBeCloseTo(0.25, 12);
    expect(r.scores.root![1]).toBeCloseTo(0.6, 12);
    // A cap above the share changes nothing.
    expect(score(model(0.5), rows).scores.root![0]).toBeCloseTo(0.44, 12);
  });

  it("appliesTo parents: applies to the units below a street or a district, at any depth", () => {
    // root = (a, p1) equal; p1 applies below s1 (u1, u2). u1: (0.2 + 0.6) / 2 = 0.4; u3 (below s2): a alone = 0.2.
    const m = (parents: string[]) =>
      parseModel({
        id: "m",
        tree: { id: "root", children: [{ id: "a" }, { id: "p1", appliesTo: { parents } }] },
        defaults: { normalize: "none" },
      });
    const data = [
      { unit: "d1" },
      { unit: "s1", parent: "d1" },
      { unit: "s2", parent: "d1" },
      { unit: "u1", parent: "s1", a: 0.2, p1: 0.6 },
      { unit: "u2", parent: "s1", a: 0.4, p1: 0.8 },
      { unit: "u3", parent: "s2", a: 0.2, p1: 1 },
    ];
    const r = score(m(["s1"]), data);
    expect(r.units).toEqual(["u1", "u2", "u3"]);
    [0.4, 0.6, 0.2].forEach((v, i) => {
      expect(r.scores.root![i]).toBeCloseTo(v, 12);
    });
    // Below the district d1: every unit; (0.2 + 1) / 2 = 0.6 for u3.
    expect(score(m(["d1"]), data).scores.root![2]).toBeCloseTo(0.6, 12);
  });

  it("a group local to coastal units (its children inherit the rule) and a missing tag column", () => {
    const m = parseModel({
      id: "m",
      tree: {
        id: "root",
        children: [
          { id: "c1" },
          { id: "T", appliesTo: { tag: "coastal" }, children: [{ id: "t1" }, { id: "t2" }] },
        ],
      },
      defaults: { normalize: "none" },
    });
    const data = [
      { unit: "u1", coastal: 1, c1: 0.2, t1: 0.4, t2: 0.8 },
      { unit: "u2", coastal: 0, c1: 0.3, t1: 0.4, t2: 0.8 },
    ];
    const r = score(m, data);
    // u1: T = 0.6, root = (0.2 + 0.6) / 2 = 0.4; u2: c1 alone = 0.3.
    expect(r.scores.root![0]).toBeCloseTo(0.4, 12);
    expect(r.scores.root![1]).toBeCloseTo(0.3, 12);
    expect(() =>
      score(
        m,
        data.map(({ coastal, ...rest }) => rest),
      ),
    ).toThrow(/no column "coastal"/);
  });
});
