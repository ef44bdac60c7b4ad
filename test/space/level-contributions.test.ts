import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseModel } from "../../src/indicators/parse-model.js";
import { scoreLevels } from "../../src/score/score-levels.js";

const levels = [{ id: "community" }, { id: "street" }, { id: "district" }];
// root = (a, b, S, D): a and b on community rows, S = (sx) on street rows, D = (dx) on district rows.
const model = (street: number, district: number, by?: { weight: string }) =>
  parseModel({
    id: "m",
    levels,
    tree: {
      id: "root",
      children: [
        { id: "a" },
        { id: "b" },
        { id: "S", level: "street", children: [{ id: "sx" }] },
        { id: "D", level: "district", children: [{ id: "dx" }] },
      ],
    },
    defaults: { normalize: "none" },
    profiles: {
      p: {
        levels: {
          street: { own: street, children: 1 - street, ...(by ? { rollup: by } : {}) },
          district: { own: district, children: 1 - district, ...(by ? { rollup: by } : {}) },
        },
      },
    },
  });

const sumOf = (c: { contributions: { own: number; children: number }[] }) =>
  c.contributions.reduce((s, e) => s + e.own + e.children, 0);

describe("scoreLevels contributions: own and children parts", () => {
  const data = [
    { unit: "d1", dx: 0.9 },
    { unit: "s1", parent: "d1", sx: 0.5 },
    { unit: "s2", parent: "d1", sx: 1 },
    { unit: "c1", parent: "s1", a: 0.2, b: 0.2 },
    { unit: "c2", parent: "s1", a: 0.6, b: 0.6 },
    { unit: "c3", parent: "s2", a: 0.8, b: 0.8 },
  ];
  it("splits a street's and a district's score by part and indicator (hand computation)", () => {
    const r = scoreLevels(model(0.4, 0.5), data);
    // s1: own 0.4 x sx 0.5 = 0.2; children 0.6 x mean(c1, c2) = 0.6 x 0.4 = 0.24, of which a and b take
    // 0.6 x (0.5 x 0.1 + 0.5 x 0.3) = 0.12 each (a community's root (a + b) / 2: a's share a / 2).
    const s1 = r.contributions("s1");
    expect(s1.score).toBeCloseTo(0.44, 12);
    expect(s1.own).toBeCloseTo(0.2, 12);
    expect(s1.children).toBeCloseTo(0.24, 12);
    const at = (c: typeof s1, id: string) => c.contributions.find((e) => e.indicator === id)!;
    expect(at(s1, "sx")).toEqual({
      indicator: "sx",
      level: "street",
      own: expect.closeTo(0.2, 12),
      children: 0,
    });
    expect(at(s1, "a").children).toBeCloseTo(0.12, 12);
    // d1: own 0.5 x 0.9 = 0.45; children 0.5 x (2 x 0.44 + 1 x 0.88) / 3 = 0.293333 (s1 weighs its two
    // scored communities, s2 its one): sx 0.5 x (2/3 x 0.2 + 1/3 x 0.4) = 0.133333,
    // a 0.5 x (2/3 x 0.12 + 1/3 x 0.24) = 0.08, b the same.
    const d1 = r.contributions("d1");
    expect(d1.own).toBeCloseTo(0.45, 12);
    expect(d1.children).toBeCloseTo(0.5 * ((2 * 0.44 + 0.88) / 3), 12);
    expect(at(d1, "sx").children).toBeCloseTo(0.5 * ((2 / 3) * 0.2 + (1 / 3) * 0.4), 12);
    expect(at(d1, "a").children).toBeCloseTo(0.08, 12);
    expect(sumOf(d1)).toBeCloseTo(d1.score, 12);
    // A community: its own score, split as Result.contributions: (0.2 + 0.2) / 2 -> 0.1 each.
    const c1 = r.contributions("c1");
    expect([c1.own, c1.children, at(c1, "a").own]).toEqual([0.2, 0, 0.1]);
    expect(() => r.contributions("x9")).toThrow(/no unit "x9"/);
  });

  it("sums to the score at every unit and level (property: random values, gaps, rules, weights)", () => {
    const value = fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: null, freq: 5 });
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            a: value,
            b: value,
            pop: fc.integer({ min: 1, max: 100 }),
            street: fc.integer({ min: 0, max: 2 }),
          }),
          {
            minLength: 3,
            maxLength: 9,
          },
        ),
        fc.array(value, { minLength: 3, maxLength: 3 }),
        value,
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.boolean(),
        (communities, sx, dx, own1, own2, byPop) => {
          const used = new Set(communities.map((c) => c.street));
          const rows = [
            { unit: "d1", dx },
            ...[0, 1, 2].filter((k) => used.has(k)).map((k) => ({ unit: `s${k}`, parent: "d1", sx: sx[k] })),
            ...communities.map((c, i) => ({
              unit: `c${i}`,
              parent: `s${c.street}`,
              a: c.a,
              b: c.b,
              population: c.pop,
            })),
          ];
          const r = scoreLevels(model(own1, own2, byPop ? { weight: "population" } : undefined), rows);
          for (const l of ["community", "street", "district"]) {
            const t = r.level(l);
            for (const [j, u] of t.units.entries()) {
              const s = t.scores.root![j]!;
              if (Number.isNaN(s)) continue;
              const c = r.contributions(u);
              expect(sumOf(c)).toBeCloseTo(s, 10);
              expect(c.own + c.children).toBeCloseTo(s, 10);
            }
          }
        },
      ),
      { seed: 14, numRuns: 150 },
    );
  });
});
