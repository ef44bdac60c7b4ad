// The levels drill-down of the report (issue 14 item 7) on a tiny model whose numbers are computed by
// hand below: a district d1 with its own indicator, two streets with their own indicator, three
// communities with two community indicators.
import { describe, expect, it } from "vitest";
import { report } from "../../src/report/index.js";

// root -> g (a, b: community), s (street), d (district); fixed root weights g 0.5, s 0.25, d 0.25;
// normalization none (the values are already in [0, 1]).
const model = {
  id: "tiny",
  levels: [{ id: "community" }, { id: "street", name: { en: "street", zh: "街道" } }, { id: "district" }],
  tree: {
    id: "root",
    children: [
      { id: "g", children: [{ id: "a" }, { id: "b" }] },
      { id: "s", level: "street" },
      { id: "d", level: "district" },
    ],
  },
  defaults: { normalize: "none" as const, missing: "skip" as const },
  profiles: {
    p: {
      weights: { root: { method: "fixed" as const, weights: { g: 0.5, s: 0.25, d: 0.25 } } },
      levels: { street: { own: 0.4, children: 0.6 }, district: { own: 0.5, children: 0.5 } },
    },
    mix: { blend: { p: 0.5, q: 0.5 } },
    q: { extends: "p" },
    bare: {},
  },
};
const rows = [
  { unit: "d1", level: "district", d: 0.8 },
  { unit: "s1", level: "street", parent: "d1", s: 0.5 },
  { unit: "s2", level: "street", parent: "d1", s: 0.9 },
  { unit: "c1", level: "community", parent: "s1", a: 0.2, b: 0.4 },
  { unit: "c2", level: "community", parent: "s1", a: 0.6, b: 0.8 },
  { unit: "c3", level: "community", parent: "s2", a: 1.0, b: 0.6 },
];

// Hand computation (docs/methods.md "Levels"):
// communities score on a and b only (equal weights): c1 (0.2 + 0.4) / 2 = 0.3, c2 0.7, c3 0.8.
// s1: own = its s = 0.5 (the only street indicator), children = mean(0.3, 0.7) = 0.5,
//     score = 0.4 x 0.5 + 0.6 x 0.5 = 0.5.
// s2: own 0.9, children 0.8, score = 0.4 x 0.9 + 0.6 x 0.8 = 0.84.
// d1: own = its d = 0.8; children = the streets' mean weighted by their scored communities
//     (2 below s1, 1 below s2) = (2 x 0.5 + 0.84) / 3 = 0.613333...; score = 0.5 x 0.8 + 0.5 x 0.6133... = 0.706667.
const EXPECTED: Record<string, { score: number; own?: number; children?: number }> = {
  d1: { score: 0.4 + 0.5 * (1.84 / 3), own: 0.8, children: 1.84 / 3 },
  s1: { score: 0.5, own: 0.5, children: 0.5 },
  s2: { score: 0.84, own: 0.9, children: 0.8 },
  c1: { score: 0.3 },
  c2: { score: 0.7 },
  c3: { score: 0.8 },
};

/** The drill-down rows of one profile block, in document order: unit, level, raw numbers. */
function drill(html: string, profile: number) {
  const start = html.indexOf(`id="p${profile}-levels"`);
  const end = html.indexOf("</section>", start);
  const part = html.slice(start, end);
  const re =
    /class="lv-row" data-unit="([^"]*)" data-level="([^"]*)" data-score="([^"]*)" data-own="([^"]*)" data-children="([^"]*)"/g;
  return {
    part,
    rows: [...part.matchAll(re)].map((m) => ({
      unit: m[1],
      level: m[2],
      score: m[3],
      own: m[4],
      children: m[5],
    })),
  };
}

describe("report: levels drill-down", () => {
  const html = report(model, rows, { profiles: ["p"], language: "en", correlations: false });

  it("lists d1 > s2, s1 (by rank) > their communities, with the hand-computed score, own and children parts", () => {
    const { rows: got } = drill(html, 0);
    expect(got.map((r) => r.unit)).toEqual(["d1", "s2", "c3", "s1", "c2", "c1"]);
    expect(got.map((r) => r.level)).toEqual([
      "district",
      "street",
      "community",
      "street",
      "community",
      "community",
    ]);
    for (const r of got) {
      const e = EXPECTED[r.unit as string]!;
      expect(Number(r.score), r.unit).toBeCloseTo(e.score, 12);
      if (e.own === undefined) {
        expect(r.own).toBe("");
        expect(r.children).toBe("");
      } else {
        expect(Number(r.own), r.unit).toBeCloseTo(e.own, 12);
        expect(Number(r.children), r.unit).toBeCloseTo(e.children as number, 12);
      }
    }
  });

  it("shows the numbers on the display scale (here the native one: normalization none) and each level's rule", () => {
    const { part } = drill(html, 0);
    // d1: 0.706667, own 0.8, children 0.613333, to 2 decimals.
    expect(part).toContain('<span class="lv-score" title="Score">0.71</span>');
    expect(part).toContain("Own part 0.80");
    expect(part).toContain("Children part 0.61");
    expect(part).toContain(
      "<li>street: 0.40 × own + 0.60 × children (mean over the scored lowest-level units below)</li>",
    );
    expect(part).toContain(
      "<li>district: 0.50 × own + 0.50 × children (mean over the scored lowest-level units below)</li>",
    );
    expect(html).toContain('<a href="#p0-levels" data-section="levels">Levels drill-down</a>');
  });

  it("in Chinese: the section title, the level names of the model and the labels", () => {
    const zh = report(model, rows, { profiles: ["p"], language: "zh", correlations: false });
    const { part } = drill(zh, 0);
    expect(part).toContain("逐级下钻（市—区—街道—社区）");
    expect(part).toContain('<span class="tag">街道</span>');
    expect(part).toContain("自身部分 0.80");
    expect(part).toContain('<span class="tag">区</span>'); // no name in the model: the report's term for "district"
    expect(part).toContain("<li>街道：0.40 × 自身 + 0.60 × 下级（按下属已评分的最低层级单元数平均）</li>");
  });

  it("a blended profile takes its components' level rules when they agree (q extends p): the drill-down of p", () => {
    const both = report(model, rows, { profiles: ["p", "mix"], language: "en", correlations: false });
    const { rows: got } = drill(both, 1);
    // mix blends p with q, which is p: the same weights and rules, so the hand-computed numbers above.
    expect(got.map((r) => r.unit)).toEqual(["d1", "s2", "c3", "s1", "c2", "c1"]);
    for (const r of got) expect(Number(r.score), r.unit).toBeCloseTo(EXPECTED[r.unit as string]!.score, 12);
  });

  it("a profile that scoreLevels refuses (street indicators, no rule) gets a note saying why, not a crash", () => {
    const both = report(model, rows, { profiles: ["p", "bare"], language: "en", correlations: false });
    const { part, rows: got } = drill(both, 1);
    expect(got).toEqual([]);
    expect(part).toContain("No levels drill-down for this profile: profiles.bare.levels");
  });

  it("a model without levels has no drill-down", () => {
    const { levels: _, ...plain } = model;
    const flat = report(
      { ...plain, tree: { id: "root", children: [{ id: "a" }, { id: "b" }] }, profiles: { p: {} } },
      rows,
      {
        correlations: false,
      },
    );
    expect(flat).not.toContain("-levels");
  });
});
