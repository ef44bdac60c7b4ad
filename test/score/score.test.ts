import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { aggregate } from "../../src/aggregate/aggregate.js";
import { parseModel } from "../../src/indicators/parse-model.js";
import type { ModelInput } from "../../src/indicators/schema.js";
import { normalize } from "../../src/normalize/normalize.js";
import { score } from "../../src/score/score.js";
import { thrown } from "../helpers/errors.js";

const model = parseModel({
  id: "m",
  tree: {
    id: "root",
    children: [
      { id: "g1", children: [{ id: "a" }, { id: "b", direction: "cost" }] },
      { id: "g2", children: [{ id: "c", goalposts: [0, 10] }] },
    ],
  },
  defaults: { normalize: "minmax" },
  profiles: {
    p: {
      weights: {
        root: { method: "fixed", weights: { g1: 3, g2: 1 } },
        g1: { method: "fixed", weights: { a: 1, b: 1 } },
      },
    },
  },
});

const rows = [
  { unit: "u1", a: 0, b: 10, c: 5 },
  { unit: "u2", a: 10, b: 0, c: 10 },
  { unit: "u3", a: 5, b: 5, c: null },
];

describe("score()", () => {
  it("computes a small case by hand: min-max by direction, fixed weights, missing skipped", () => {
    const r = score(model, rows);
    // a: [0, 1, 0.5]; b (cost, min 0 max 10): [0, 1, 0.5]; g1 = mean: [0, 1, 0.5]
    expect(Array.from(r.scores.g1 as Float64Array)).toEqual([0, 1, 0.5]);
    // c min-max over present [5, 10]: [0, 1, NaN]; g2 = c
    expect(Array.from(r.scores.c as Float64Array)).toEqual([0, 1, Number.NaN]);
    // root = 0.75 g1 + 0.25 g2; u3 has no g2: its weight is dropped -> 0.5
    expect(Array.from(r.scores.root as Float64Array)).toEqual([0, 1, 0.5]);
    expect(Array.from(r.ranks.root as Uint32Array)).toEqual([3, 1, 2]);
    expect(Array.from(r.coverage)).toEqual([1, 1, 2 / 3]);
    expect(r.weights.global).toEqual({ root: 1, g1: 0.75, g2: 0.25, a: 0.375, b: 0.375, c: 0.25 });
  });

  it("gives the contributions of each indicator; with arithmetic aggregation they sum to the score", () => {
    const r = score(model, rows);
    for (const [i, u] of r.units.entries()) {
      const total = r.contributions(u).reduce((s, c) => s + c.contribution, 0);
      expect(total).toBeCloseTo(r.scores.root?.[i] as number, 12);
    }
    // u3: g2 missing, so a and b carry all the weight (0.5 each) at value 0.5.
    expect(r.contributions("u3").map((c) => [c.indicator, c.weight])).toEqual([
      ["a", 0.5],
      ["b", 0.5],
      ["c", 0],
    ]);
  });

  it("equals the composition of the public primitives normalize() and aggregate() (a second method)", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(
            fc.option(fc.double({ min: -1e3, max: 1e3, noNaN: true }), { nil: null }),
            fc.double({ min: -1e3, max: 1e3, noNaN: true }),
            fc.double({ min: -50, max: 50, noNaN: true }),
          ),
          { minLength: 2, maxLength: 30 },
        ),
        fc.double({ min: 0.1, max: 10, noNaN: true }),
        (cells, wg1) => {
          const data = cells.map(([a, b, c], i) => ({ unit: `u${i}`, a, b, c }));
          const m2 = parseModel({
            ...(model as ModelInput),
            profiles: { p: { weights: { root: { method: "fixed", weights: { g1: wg1, g2: 1 } } } } },
          });
          const r = score(m2, data);
          const col = (k: "a" | "b" | "c") =>
            data.map((d) => (d[k] === null ? Number.NaN : (d[k] as number)));
          const a = normalize(col("a"), "minmax");
          const b = normalize(col("b"), "minmax", { direction: "cost" });
          const c = normalize(col("c"), "minmax", { goalposts: [0, 10] });
          const g1 = aggregate([a, b], [0.5, 0.5]).values;
          const g2 = aggregate([c], [1]).values;
          const root = aggregate([g1, g2], [wg1 / (wg1 + 1), 1 / (wg1 + 1)]).values;
          for (let i = 0; i < data.length; i++) {
            const got = r.scores.root?.[i] as number;
            const want = root[i] as number;
            if (Number.isNaN(want)) expect(got).toBeNaN();
            else expect(Math.abs(got - want)).toBeLessThan(1e-12);
          }
        },
      ),
      { seed: 42, numRuns: 200 },
    );
  });

  it("does not depend on row order", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(
            fc.integer({ min: 0, max: 100 }),
            fc.integer({ min: 0, max: 100 }),
            fc.integer({ min: 0, max: 10 }),
          ),
          { minLength: 2, maxLength: 20 },
        ),
        fc.integer(),
        (cells, seed) => {
          const data = cells.map(([a, b, c], i) => ({ unit: `u${i}`, a, b, c }));
          const shuffled = [...data].sort(
            (x, y) =>
              ((Number(x.unit.slice(1)) * 2654435761 + seed) % 97) -
              ((Number(y.unit.slice(1)) * 2654435761 + seed) % 97),
          );
          const r1 = score(model, data);
          const r2 = score(model, shuffled);
          for (const [k, u] of r2.units.entries()) {
            const i = r1.units.indexOf(u);
            expect(r2.scores.root?.[k]).toBe(r1.scores.root?.[i]);
            expect(r2.ranks.root?.[k]).toBe(r1.ranks.root?.[i]);
          }
        },
      ),
      { seed: 7, numRuns: 100 },
    );
  });

  it("raising a benefit indicator never lowers a score (arithmetic, positive weights, fixed goalposts)", () => {
    const gp = parseModel({
      ...(model as ModelInput),
      defaults: { normalize: "goalposts" },
      tree: {
        id: "root",
        children: [
          {
            id: "g1",
            children: [
              { id: "a", goalposts: [0, 100] },
              { id: "b", direction: "cost", goalposts: [0, 100] },
            ],
          },
          { id: "g2", children: [{ id: "c", goalposts: [0, 10] }] },
        ],
      },
    });
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(
            fc.integer({ min: 0, max: 100 }),
            fc.integer({ min: 0, max: 100 }),
            fc.integer({ min: 0, max: 10 }),
          ),
          { minLength: 1, maxLength: 10 },
        ),
        fc.nat(),
        fc.integer({ min: 1, max: 50 }),
        (cells, pick, bump) => {
          const data = cells.map(([a, b, c], i) => ({ unit: `u${i}`, a, b, c }));
          const k = pick % data.length;
          const raised = data.map((d, i) => (i === k ? { ...d, a: d.a + bump } : d));
          expect(score(gp, raised).scores.root?.[k]).toBeGreaterThanOrEqual(
            score(gp, data).scores.root?.[k] as number,
          );
        },
      ),
      { seed: 11, numRuns: 100 },
    );
  });

  it("never mutates the caller's data (frozen rows and columns)", () => {
    const frozen = Object.freeze(rows.map((r) => Object.freeze({ ...r })));
    expect(() => score(model, frozen)).not.toThrow();
    const values = { a: new Float64Array([0, 10, 5]), b: new Float64Array([10, 0, 5]), c: [5, 10, null] };
    const before = JSON.stringify([Array.from(values.a), Array.from(values.b), values.c]);
    score(model, { units: ["u1", "u2", "u3"], values });
    expect(JSON.stringify([Array.from(values.a), Array.from(values.b), values.c])).toBe(before);
  });

  it("names the row, unit and column of bad data", () => {
    expect(
      thrown(() =>
        score(model, [
          { unit: "u1", a: "x", b: 1, c: 1 },
          { unit: "u2", a: 1, b: 2, c: 3 },
        ]),
      ).message,
    ).toMatch(/row 1, unit "u1", column "a": expected a number/);
    expect(
      thrown(() =>
        score(model, [
          { unit: "u1", a: 1, b: 1, c: 1 },
          { unit: "u1", a: 1, b: 2, c: 3 },
        ]),
      ).code,
    ).toBe("duplicate_unit");
    expect(thrown(() => score(model, [{ unit: "u1", a: 1, b: 1 }])).message).toMatch(/column "c"/);
    expect(
      thrown(() =>
        score(model, {
          units: ["u1", "u2"],
          values: { a: new Float64Array([1, Number.POSITIVE_INFINITY]), b: [1, 2], c: [1, 2] },
        }),
      ).message,
    ).toMatch(/unit "u2", column "a"/);
    expect(thrown(() => score(model, [{ unit: "u1", parent: "nowhere", a: 1, b: 1, c: 1 }])).code).toBe(
      "unknown_parent",
    );
    expect(
      thrown(() =>
        score(model, [
          { unit: "a1", parent: "b1" },
          { unit: "b1", parent: "a1" },
          { unit: "u", a: 1, b: 1, c: 1 },
        ]),
      ).code,
    ).toBe("parent_cycle");
  });

  it("applies the missing policy error, naming the unit and indicator", () => {
    const strict = parseModel({ ...(model as ModelInput), defaults: { missing: "error" } });
    expect(thrown(() => score(strict, rows)).message).toBe(
      'unit "u3", indicator "c": the value is missing and the model\'s missing policy is "error"',
    );
  });

  it("marks units below the minimum coverage as missing, with the reason", () => {
    const cov = parseModel({ ...(model as ModelInput), defaults: { minCoverage: 1 } });
    const r = score(cov, rows);
    expect(r.scores.root?.[2]).toBeNaN();
    expect(r.ranks.root?.[2]).toBe(0);
    expect(r.missing.u3).toMatch(/coverage 67%/);
  });

  it("derives formula indicators and reports non-finite results as missing", () => {
    const f = parseModel({
      id: "f",
      inputs: [{ id: "cases" }, { id: "pop" }],
      tree: {
        id: "root",
        children: [{ id: "rate", formula: "cases / pop * 1000", direction: "cost" }, { id: "x" }],
      },
    });
    const r = score(f, [
      { unit: "a", cases: 2, pop: 1000, x: 1 },
      { unit: "b", cases: 1, pop: 0, x: 2 },
      { unit: "c", cases: 4, pop: 1000, x: 3 },
    ]);
    expect(Array.from(r.raw.rate as Float64Array)).toEqual([2, Number.NaN, 4]);
    expect(r.diagnostics.find((d) => d.code === "formula_not_finite")?.message).toMatch(/1 unit\(s\) \(b\)/);
  });
});

describe("score() options of the conventions table (docs/methods.md)", () => {
  it("a constant indicator gets the midpoint with a warning by default, or is an error with defaults.constant = error", () => {
    const flat = [
      { unit: "u1", a: 3, b: 1, c: 1 },
      { unit: "u2", a: 3, b: 2, c: 2 },
    ];
    const r = score(model, flat);
    expect(Array.from(r.scores.a as Float64Array)).toEqual([0.5, 0.5]);
    expect(r.diagnostics.find((d) => d.code === "constant_column")?.message).toMatch(/indicator "a"/);
    const strict = parseModel({ ...(model as ModelInput), defaults: { constant: "error" } });
    const e = thrown(() => score(strict, flat));
    expect(e.code).toBe("constant_column");
    expect(e.message).toMatch(/indicator "a"/);
  });
});

describe("score on a long formula chain (issue 20, item 11: overflowed the stack)", () => {
  it("evaluates 19,000 formula indicators that each read the next: f0 = x + 19,000 (each link adds 1)", () => {
    const children = [];
    for (let i = 0; i < 19_000; i++)
      children.push({ id: `f${i}`, formula: i === 18_999 ? "x + 1" : `f${i + 1} + 1` });
    const chain = parseModel({ id: "m", inputs: [{ id: "x" }], tree: { id: "root", children } });
    const r = score(chain, [
      { unit: "u1", x: 1 },
      { unit: "u2", x: 2 },
    ]);
    expect(Array.from(r.raw.f0 as Float64Array)).toEqual([19_001, 19_002]);
    expect(Array.from(r.raw.f18999 as Float64Array)).toEqual([2, 3]);
  });
});
