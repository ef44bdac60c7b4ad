import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseModel } from "../../src/indicators/parse-model.js";
import { checkModel } from "../../src/score/check-model.js";
import { resolveProfile } from "../../src/score/resolve-profile.js";
import { rollup } from "../../src/score/rollup.js";
import { score } from "../../src/score/score.js";
import { scoreLevels } from "../../src/score/score-levels.js";

const levels = [
  { id: "community", name: { en: "community", zh: "社区" } },
  { id: "street", name: { en: "street", zh: "街道" } },
  { id: "district", name: { en: "district", zh: "区" } },
];

describe("scoreLevels: own and children parts", () => {
  // root = (a, S) equal, S = (s1x) measured on the street's own row, D = (dx) on the district's row.
  // Values are used as they are (normalize "none"), so every score is a hand sum.
  const model = parseModel({
    id: "m",
    levels,
    tree: {
      id: "root",
      children: [
        { id: "a" },
        { id: "S", level: "street", children: [{ id: "sx" }] },
        { id: "D", level: "district", children: [{ id: "dx" }] },
      ],
    },
    defaults: { normalize: "none" },
    profiles: {
      p: {
        levels: { street: { own: 0.4, children: 0.6 }, district: { own: 0.5, children: 0.5 } },
      },
    },
  });
  const data = [
    { unit: "d1", dx: 0.9 },
    { unit: "s1", parent: "d1", sx: 0.5 },
    { unit: "s2", parent: "d1", sx: 1 },
    { unit: "c1", parent: "s1", a: 0.2 },
    { unit: "c2", parent: "s1", a: 0.6 },
    { unit: "c3", parent: "s2", a: 0.8 },
  ];

  it("mixes own and children at two levels (hand computation in the test)", () => {
    const r = scoreLevels(model, data);
    // community: root = a (S and D are not measured there): 0.2, 0.6, 0.8.
    expect([...r.level("community").scores.root!]).toEqual([0.2, 0.6, 0.8]);
    // street s1: own root = sx = 0.5 (a and D are not street indicators), children = (0.2 + 0.6) / 2 = 0.4,
    //   root = 0.4 * 0.5 + 0.6 * 0.4 = 0.44; s2: 0.4 * 1 + 0.6 * 0.8 = 0.88.
    const st = r.level("street");
    expect(st.units).toEqual(["s1", "s2"]);
    expect(st.scores.root![0]).toBeCloseTo(0.44, 12);
    expect(st.scores.root![1]).toBeCloseTo(0.88, 12);
    expect(st.own.root![0]).toBeCloseTo(0.5, 12);
    expect(st.children.root![0]).toBeCloseTo(0.4, 12);
    // Node a has no street indicator: pure roll-up, 0.4 and 0.8.
    expect(st.scores.a![0]).toBeCloseTo(0.4, 12);
    // district d1: children = street roots weighted by their scored communities (2 and 1):
    //   (2 * 0.44 + 1 * 0.88) / 3 = 0.586667; own = dx = 0.9; root = 0.5 * 0.9 + 0.5 * 0.586667 = 0.743333.
    const d = r.level("district");
    expect(d.children.root![0]).toBeCloseTo((2 * 0.44 + 0.88) / 3, 12);
    expect(d.scores.root![0]).toBeCloseTo(0.5 * 0.9 + 0.5 * ((2 * 0.44 + 0.88) / 3), 12);
    // Ranks within the level and within the parent.
    expect([...st.ranks.root!]).toEqual([2, 1]);
    expect([...r.level("community").ranksInParent.root!]).toEqual([2, 1, 1]);
    expect(r.indicatorLevels).toEqual({ a: "community", sx: "street", dx: "district" });
  });

  it("takes the level from a level column, and refuses a rule not summing to 1 or a missing rule", () => {
    const withColumn = data.map((row) => ({
      ...row,
      level: row.unit.startsWith("d") ? "district" : row.unit.startsWith("s") ? "street" : "community",
    }));
    expect(scoreLevels(model, withColumn).level("street").scores.root![0]).toBeCloseTo(0.44, 12);
    const bad = parseModel({
      ...model,
      profiles: {
        p: { levels: { street: { own: 0.5, children: 0.6 }, district: { own: 0.5, children: 0.5 } } },
      },
    });
    expect(() => scoreLevels(bad, data)).toThrow(/own \+ children must be 1/);
    expect(checkModel(bad).map((d) => [d.code, d.where])).toEqual([
      ["invalid_levels", "profiles.p.levels.street"],
    ]);
    const unknown = parseModel({ ...model, tree: { id: "root", children: [{ id: "a", level: "city" }] } });
    expect(checkModel(unknown).map((d) => [d.code, d.where])).toEqual([
      ["invalid_levels", "tree.children[0].level"],
    ]);
    const none = parseModel({ ...model, profiles: { p: {} } });
    expect(() => scoreLevels(none, data)).toThrow(expect.objectContaining({ code: "invalid_levels" }));
    expect(() => scoreLevels(model, data).level("city")).toThrow(/no level "city"/);
  });
});

describe("scoreLevels with no level-specific indicators and own: 0 equals rollup (property)", () => {
  const model = (by?: { weight: string }) =>
    parseModel({
      id: "m",
      levels,
      tree: { id: "root", children: [{ id: "a" }, { id: "b", direction: "cost" }] },
      ...(by
        ? {
            profiles: {
              p: {
                levels: {
                  street: { own: 0, children: 1, rollup: by },
                  district: { own: 0, children: 1, rollup: by },
                },
              },
            },
          }
        : {}),
    });
  it.each([["mean"], ["population"]])("by %s on random three-level hierarchies", (kind) => {
    const by = kind === "mean" ? undefined : { weight: "population" };
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            street: fc.integer({ min: 0, max: 3 }),
            a: fc.option(fc.double({ min: 0, max: 100, noNaN: true }), { nil: null }),
            b: fc.double({ min: 0, max: 100, noNaN: true }),
            population: fc.integer({ min: 1, max: 1000 }),
          }),
          { minLength: 3, maxLength: 12 },
        ),
        (communities) => {
          // Streets s0, s1 in d0; s2, s3 in d1.
          const rows: Record<string, unknown>[] = [
            { unit: "d0" },
            { unit: "d1" },
            ...[0, 1, 2, 3].map((k) => ({ unit: `s${k}`, parent: k < 2 ? "d0" : "d1" })),
            ...communities.map((c, i) => ({
              unit: `c${i}`,
              parent: `s${c.street}`,
              a: c.a,
              b: c.b,
              population: c.population,
            })),
          ];
          // A street without communities would be a leaf (the lowest level): keep only streets with communities.
          const used = new Set(communities.map((c) => `s${c.street}`));
          const data = rows.filter((r) => !String(r.unit).startsWith("s") || used.has(String(r.unit)));
          const dUsed = new Set<string>([...used].map((s) => (Number(s.slice(1)) < 2 ? "d0" : "d1")));
          const data2 = data.filter((r) => !String(r.unit).startsWith("d") || dUsed.has(String(r.unit)));
          const m = model(by);
          const levelsOut = scoreLevels(m, data2);
          const flat = rollup(score(m, data2, { keep: ["population"] }), { by: by ?? "mean" });
          for (const level of ["street", "district"]) {
            const t = levelsOut.level(level);
            for (const [j, u] of t.units.entries()) {
              const k = flat.units.indexOf(u);
              for (const node of ["root", "a", "b"]) {
                const want = flat.scores[node]![k]!;
                const got = t.scores[node]![j]!;
                if (Number.isNaN(want)) expect(got).toBeNaN();
                else expect(got).toBeCloseTo(want, 10);
              }
            }
          }
        },
      ),
      { numRuns: 30 },
    );
  });
});

describe("scoreLevels counts only the indicators active in the profile", () => {
  // S (a street group) and its leaf sx are limited to the profile lv; profile p leaves them out, so at p
  // no indicator is measured above the communities: every street is a pure roll-up (own 0, children 1).
  const model = parseModel({
    id: "m",
    levels,
    tree: {
      id: "root",
      children: [
        { id: "a" },
        { id: "b" },
        { id: "S", level: "street", profiles: ["lv"], children: [{ id: "sx", profiles: ["lv"] }] },
      ],
    },
    defaults: { normalize: "none" },
    profiles: { p: {}, lv: { levels: { street: { own: 0.4, children: 0.6 } } } },
  });
  const data = [
    { unit: "s1", sx: 0.5 },
    { unit: "s2", sx: 1 },
    { unit: "c1", parent: "s1", a: 0.2, b: 0.4 },
    { unit: "c2", parent: "s1", a: 0.6, b: 0.8 },
    { unit: "c3", parent: "s2", a: 0.8, b: 0 },
  ];

  it("scoreLevels(model, data, { profile: 'p' }) is the roll-up, with no rule needed for the street (hand computation)", () => {
    const r = scoreLevels(model, data, { profile: "p" });
    expect(r.indicatorLevels).toEqual({ a: "community", b: "community" });
    expect(r.rules).toEqual({
      street: { own: 0, children: 1, rollup: "mean" },
      district: { own: 0, children: 1, rollup: "mean" },
    });
    // Communities: root = (a + b) / 2 = 0.3, 0.7, 0.4. Streets: s1 = (0.3 + 0.7) / 2 = 0.5, s2 = 0.4;
    // at a: s1 (0.2 + 0.6) / 2 = 0.4, s2 0.8. S and sx are not nodes of the profile at any level.
    const cr = r.level("community").scores.root!;
    for (const [i, want] of [0.3, 0.7, 0.4].entries()) expect(cr[i]).toBeCloseTo(want, 12);
    const st = r.level("street");
    expect(st.scores.root![0]).toBeCloseTo(0.5, 12);
    expect(st.scores.root![1]).toBeCloseTo(0.4, 12);
    expect(st.scores.a![0]).toBeCloseTo(0.4, 12);
    expect(Object.keys(st.scores).sort()).toEqual(["a", "b", "root"]);
    expect([...st.own.root!].every(Number.isNaN)).toBe(true);
  });

  it("scoreLevels(model, data, { profile: 'lv' }) still measures S on the street rows (hand computation)", () => {
    const r = scoreLevels(model, data, { profile: "lv" });
    expect(r.indicatorLevels).toEqual({ a: "community", b: "community", sx: "street" });
    // s1: own = sx = 0.5, children 0.5: 0.4 * 0.5 + 0.6 * 0.5 = 0.5; s2: own 1, children 0.4: 0.4 + 0.24 = 0.64.
    const st = r.level("street");
    expect(st.scores.root![0]).toBeCloseTo(0.5, 12);
    expect(st.scores.root![1]).toBeCloseTo(0.64, 12);
  });
});

describe("profile levels rules are inherited through extends, level by level", () => {
  // The tree and data of the first describe: root = (a, S, D), S measured on the streets, D on the district.
  const tree = {
    id: "root",
    children: [
      { id: "a" },
      { id: "S", level: "street", children: [{ id: "sx" }] },
      { id: "D", level: "district", children: [{ id: "dx" }] },
    ],
  };
  const model = parseModel({
    id: "m",
    levels,
    tree,
    defaults: { normalize: "none" },
    profiles: {
      base: { levels: { street: { own: 0.4, children: 0.6 }, district: { own: 0.5, children: 0.5 } } },
      child: { extends: "base", levels: { district: { own: 0.2, children: 0.8 } } },
      grandchild: { extends: "child" },
    },
  });
  const data = [
    { unit: "d1", dx: 0.9 },
    { unit: "s1", parent: "d1", sx: 0.5 },
    { unit: "s2", parent: "d1", sx: 1 },
    { unit: "c1", parent: "s1", a: 0.2 },
    { unit: "c2", parent: "s1", a: 0.6 },
    { unit: "c3", parent: "s2", a: 0.8 },
  ];

  it("resolveProfile(model, 'child').levels takes street from base and its own district", () => {
    expect(resolveProfile(model, "child").levels).toEqual({
      street: { own: 0.4, children: 0.6 },
      district: { own: 0.2, children: 0.8 },
    });
    expect(resolveProfile(model, "grandchild").levels).toEqual(resolveProfile(model, "child").levels);
    expect(resolveProfile(model, "base").levels).toEqual({
      street: { own: 0.4, children: 0.6 },
      district: { own: 0.5, children: 0.5 },
    });
  });

  it("scoreLevels(model, data, { profile: 'grandchild' }) applies the inherited rules (hand computation)", () => {
    for (const profile of ["child", "grandchild"]) {
      const r = scoreLevels(model, data, { profile });
      expect(r.rules).toEqual({
        street: { own: 0.4, children: 0.6, rollup: "mean" },
        district: { own: 0.2, children: 0.8, rollup: "mean" },
      });
      // Streets as under base: s1 0.4 * 0.5 + 0.6 * 0.4 = 0.44, s2 0.4 * 1 + 0.6 * 0.8 = 0.88.
      const st = r.level("street");
      expect(st.scores.root![0]).toBeCloseTo(0.44, 12);
      expect(st.scores.root![1]).toBeCloseTo(0.88, 12);
      // d1: children (2 * 0.44 + 0.88) / 3 = 0.586667 (communities below each street), own dx = 0.9;
      //   root = 0.2 * 0.9 + 0.8 * 0.586667 = 0.649333.
      expect(r.level("district").scores.root![0]).toBeCloseTo(0.2 * 0.9 + 0.8 * ((2 * 0.44 + 0.88) / 3), 12);
    }
  });
});

describe("a blended profile carries levels rules: its own, or its components' when they agree", () => {
  // root = (g, S); g = (a, b) on the communities, S = (sx, sy) on the streets. Values used as they are.
  const profiles = {
    p: {
      weights: {
        root: { method: "fixed", weights: { g: 1, S: 1 } },
        S: { method: "fixed", weights: { sx: 3, sy: 1 } },
      },
      levels: { street: { own: 0.4, children: 0.6 } },
    },
    q: {
      weights: {
        root: { method: "fixed", weights: { g: 1, S: 3 } },
        S: { method: "fixed", weights: { sx: 1, sy: 1 } },
      },
      levels: { street: { own: 0.2, children: 0.8 } },
    },
    pp: { extends: "p", weights: { S: { method: "fixed", weights: { sx: 1, sy: 3 } } } },
    mix: { blend: { p: 0.5, q: 0.5 }, levels: { street: { own: 0.5, children: 0.5 } } },
    agree: { blend: { p: 0.5, pp: 0.5 } },
    split: { blend: { p: 0.5, q: 0.5 } },
    unit: { blend: { between: ["p", "q"], column: "lam" }, levels: { street: { own: 0.5, children: 0.5 } } },
  } as const;
  const make = (names: readonly (keyof typeof profiles)[]) =>
    parseModel({
      id: "m",
      levels: [{ id: "community" }, { id: "street" }],
      tree: {
        id: "root",
        children: [
          { id: "g", children: [{ id: "a" }, { id: "b" }] },
          { id: "S", level: "street", children: [{ id: "sx" }, { id: "sy" }] },
        ],
      },
      defaults: { normalize: "none" },
      profiles: Object.fromEntries(names.map((n) => [n, profiles[n]])),
    });
  const data = [
    { unit: "s1", sx: 0.8, sy: 0.4, lam: 1 },
    { unit: "c1", parent: "s1", a: 0.2, b: 0.6, lam: 0 },
    { unit: "c2", parent: "s1", a: 0.6, b: 1, lam: 0 },
  ];

  it("scoreLevels(model, data, { profile: 'mix' }) applies the blend's own rule to the blended weights (hand computation)", () => {
    const model = make(["p", "q", "mix"]);
    expect(checkModel(model)).toEqual([]);
    const r = scoreLevels(model, data, { profile: "mix" });
    expect(r.rules).toEqual({ street: { own: 0.5, children: 0.5, rollup: "mean" } });
    // Communities: S is not measured on their rows, so root = g = (a + b) / 2: c1 0.4, c2 0.8.
    // s1's own part: only S, blended 0.5 / 0.5: sx 0.5 * 0.75 + 0.5 * 0.5 = 0.625, sy 0.375,
    //   so 0.625 * 0.8 + 0.375 * 0.4 = 0.65; children (0.4 + 0.8) / 2 = 0.6; root 0.5 * 0.65 + 0.5 * 0.6 = 0.625.
    const st = r.level("street");
    expect(st.own.root![0]).toBeCloseTo(0.65, 12);
    expect(st.children.root![0]).toBeCloseTo(0.6, 12);
    expect(st.scores.root![0]).toBeCloseTo(0.625, 12);
  });

  it("a per-unit blend reads its factor on the street's own row: lam 1 takes q's weights (hand computation)", () => {
    const r = scoreLevels(make(["p", "q", "unit"]), data, { profile: "unit" });
    // s1 at lam = 1: S = 0.5 * 0.8 + 0.5 * 0.4 = 0.6; children 0.6; root 0.5 * 0.6 + 0.5 * 0.6 = 0.6.
    expect(r.level("street").own.root![0]).toBeCloseTo(0.6, 12);
    expect(r.level("street").scores.root![0]).toBeCloseTo(0.6, 12);
  });

  it("a blend whose components agree inherits their rule (pp extends p and sets none)", () => {
    const model = make(["p", "pp", "agree"]);
    expect(checkModel(model)).toEqual([]);
    expect(resolveProfile(model, "agree").levels).toEqual({ street: { own: 0.4, children: 0.6 } });
    // s1's own S: p (0.75, 0.25) and pp (0.25, 0.75) blended 0.5 / 0.5: (0.5, 0.5): 0.6; root 0.4 * 0.6 + 0.6 * 0.6 = 0.6.
    expect(scoreLevels(model, data, { profile: "agree" }).level("street").scores.root![0]).toBeCloseTo(
      0.6,
      12,
    );
  });

  it("checkModel refuses a blend whose components disagree and that sets no rule, naming both rules", () => {
    const d = checkModel(make(["p", "q", "split"]));
    expect(d.map((x) => [x.code, x.where])).toEqual([["invalid_levels", "profiles.split.levels.street"]]);
    expect(d[0]!.message).toContain("p: own 0.4, children 0.6");
    expect(d[0]!.message).toContain("q: own 0.2, children 0.8");
    // The suggestion is the blend of the two: 0.5 * 0.4 + 0.5 * 0.2 = 0.3.
    expect(d[0]!.message).toContain("street: { own: 0.3, children: 0.7 }");
    // A blend naming a profile that does not exist gets that one diagnostic, not also a levels one.
    const missing = parseModel({
      ...make(["p"]),
      profiles: { p: profiles.p, split: { blend: { p: 0.5, nope: 0.5 } } },
    });
    expect(checkModel(missing).map((x) => [x.code, x.where])).toEqual([
      ["unknown_profile", "profiles.split.blend.nope"],
    ]);
  });
});

describe("scoreLevels and local indicators limited to the units below some parents", () => {
  it("appliesTo: { parents: ['d1'] } applies to the communities of d1's streets, as in score (hand computation)", () => {
    const model = parseModel({
      id: "m",
      levels,
      tree: { id: "root", children: [{ id: "a" }, { id: "loc", appliesTo: { parents: ["d1"] } }] },
      defaults: { normalize: "none" },
    });
    const data = [
      { unit: "d1" },
      { unit: "d2" },
      { unit: "s1", parent: "d1" },
      { unit: "s2", parent: "d2" },
      { unit: "c1", parent: "s1", a: 0.2, loc: 1 },
      { unit: "c2", parent: "s2", a: 0.6, loc: 1 },
    ];
    // c1 is below d1: root = (0.2 + 1) / 2 = 0.6; c2 is not: loc is absent by design, root = a = 0.6.
    const r = scoreLevels(model, data);
    const c = r.level("community").scores.root!;
    expect(c[0]).toBeCloseTo(0.6, 12);
    expect(c[1]).toBeCloseTo(0.6, 12);
    expect(r.level("community").units).toEqual(["c1", "c2"]);
    expect(r.lowest?.diagnostics.map((d) => d.code)).toEqual([]);
    // s1 rolls up c1 alone: 0.6; d1 = s1.
    expect(r.level("district").scores.root![0]).toBeCloseTo(0.6, 12);
  });
});
