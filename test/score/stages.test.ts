import { describe, expect, it } from "vitest";
import { parseModel } from "../../src/indicators/parse-model.js";
import type { Issue } from "../../src/internal/errors.js";
import { normalize } from "../../src/normalize/normalize.js";
import { resolveProfile } from "../../src/score/resolve-profile.js";
import { type Provenance, type ScoreOptions, score } from "../../src/score/score.js";
import { prepareColumns } from "../../src/score/stages/prepare-columns.js";

// The small model of score.test.ts: g1 = {a, b (cost)} with fixed weights 1:1, g2 = {c} with the default
// (equal) weights, root = 3 g1 : 1 g2; every indicator min-max (the model's default normalization).
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

describe("score() provenance", () => {
  it("score(model, rows).provenance is the typed record of the model's settings (profile p, skip, fixed and equal weights, min-max)", () => {
    const expected: Provenance = {
      profile: "p",
      chain: ["p"],
      missing: "skip",
      minCoverage: 0,
      ranks: { order: "descending", ties: "min", missingRank: 0 },
      // Groups in the order they are weighed: bottom-up, so g2 and g1 before the root.
      nodes: {
        g2: { weights: { method: "equal" }, aggregate: "arithmetic" },
        g1: { weights: { method: "fixed" }, aggregate: "arithmetic" },
        root: { weights: { method: "fixed" }, aggregate: "arithmetic" },
      },
      normalization: { a: "minmax", b: "minmax", c: "minmax" },
    };
    const p = score(model, rows).provenance;
    expect(p).toEqual(expected);
    expect(Object.keys(p.nodes)).toEqual(["g2", "g1", "root"]);
    // Plain data: it survives JSON (the CLI's score --format json prints it).
    expect(JSON.parse(JSON.stringify(p))).toEqual(expected);
  });

  it("a profile's multipliers and aggregation overrides appear in the node's provenance", () => {
    const m2 = parseModel({
      ...model,
      profiles: {
        p: {
          weights: { g1: { method: "fixed", weights: { a: 1, b: 1 } } },
          multipliers: { a: 2 },
          aggregate: { root: { method: "geometric", zero: "floor" } },
        },
      },
    });
    const p = score(m2, rows).provenance;
    expect(p.nodes.g1).toEqual({
      weights: { method: "fixed", multipliers: [2, 1] },
      aggregate: "arithmetic",
    });
    expect(p.nodes.root?.aggregate).toEqual({ method: "geometric", zero: "floor" });
  });
});

describe("score() stages", () => {
  it("an indicator read only by the fused arithmetic mean is written on first access and equals normalize()", () => {
    const r = score(model, rows);
    expect(Object.keys(r.scores).sort()).toEqual(["a", "b", "c", "g1", "g2", "root"]);
    // a and b: min-max over [0, 10] (b by cost), computed by normalize() on the raw columns.
    expect(Array.from(r.scores.a as Float64Array)).toEqual(Array.from(normalize([0, 10, 5], "minmax")));
    expect(Array.from(r.scores.b as Float64Array)).toEqual(
      Array.from(normalize([10, 0, 5], "minmax", { direction: "cost" })),
    );
    expect(r.scores.a).toBe(r.scores.a); // written once, then the same array
  });

  it("a group with a non-affine child takes the general path and reads its affine siblings' values (z-score b, min-max a)", () => {
    const z = parseModel({
      ...model,
      tree: {
        id: "root",
        children: [
          { id: "g1", children: [{ id: "a" }, { id: "b", direction: "cost", normalize: "zscore" }] },
          { id: "g2", children: [{ id: "c" }] },
        ],
      },
    });
    const r = score(z, rows);
    const a = normalize([0, 10, 5], "minmax");
    const b = normalize([10, 0, 5], "zscore", { direction: "cost" });
    // g1 = the fixed 1:1 weighted mean of a and b.
    const g1 = Array.from(a, (x, i) => 0.5 * x + 0.5 * (b[i] as number));
    expect(Array.from(r.scores.g1 as Float64Array)).toEqual(g1);
  });

  it("prepareColumns reads only the columns the formulas need, derives a formula of a formula, and drops parent units with a warning", () => {
    const f = parseModel({
      id: "f",
      inputs: [{ id: "cases" }, { id: "pop" }],
      tree: {
        id: "root",
        children: [
          { id: "rate", formula: "cases / pop * 1000" },
          { id: "double", formula: "rate * 2" },
          { id: "x" },
        ],
      },
    });
    const diagnostics: Issue[] = [];
    const prepared = prepareColumns(
      f,
      resolveProfile(f),
      [
        { unit: "s1", cases: 9, pop: 9, x: 9, extra: 1 },
        { unit: "a", parent: "s1", cases: 2, pop: 1000, x: 1, extra: 1 },
        { unit: "b", parent: "s1", cases: 4, pop: 1000, x: 2, extra: 1 },
      ],
      undefined,
      diagnostics,
    );
    expect(prepared.units).toEqual(["a", "b"]);
    // rate = cases / pop * 1000 = [2, 4]; double = 2 rate = [4, 8] (by hand).
    expect(Array.from(prepared.indicators.get("rate") as Float64Array)).toEqual([2, 4]);
    expect(Array.from(prepared.indicators.get("double") as Float64Array)).toEqual([4, 8]);
    expect([...prepared.indicators.keys()]).toEqual(["rate", "double", "x"]);
    expect([...prepared.dataset.columns.keys()].sort()).toEqual(["cases", "pop", "x"]);
    expect(diagnostics.map((d) => d.code)).toEqual(["ignored_columns", "group_unit_values_ignored"]);
    expect(diagnostics[0]?.message).toMatch(/extra/);
    expect(diagnostics[1]?.message).toMatch(/s1/);
  });

  it("ScoreOptions has no ties option any more (ranks always share the lowest rank)", () => {
    // @ts-expect-error `ties` was removed from ScoreOptions in 0.2 (it only allowed "min").
    const opts: ScoreOptions = { profile: "p", ties: "min" };
    expect(Array.from(score(model, rows, opts).ranks.root as Uint32Array)).toEqual([3, 1, 2]);
  });
});
