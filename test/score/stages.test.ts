import { describe, expect, it } from "vitest";
import { parseModel } from "../../src/indicators/parse-model.js";
import type { Issue } from "../../src/internal/errors.js";
import { normalize } from "../../src/normalize/normalize.js";
import { resolveProfile } from "../../src/score/resolve-profile.js";
import { type Provenance, type ScoreOptions, score } from "../../src/score/score.js";
import { prepareColumns } from "../../src/score/stages/prepare-columns.js";

// Two groups: health = {beds, wait (cost)} with fixed weights 1:3, safety = {crime (cost)} with the default
// (equal) weights, root = 2 health : 1 safety; every indicator min-max (the model's default normalization).
const model = parseModel({
  id: "city",
  tree: {
    id: "root",
    children: [
      { id: "health", children: [{ id: "beds" }, { id: "wait", direction: "cost" }] },
      { id: "safety", children: [{ id: "crime", direction: "cost" }] },
    ],
  },
  defaults: { normalize: "minmax" },
  profiles: {
    base: {
      weights: {
        root: { method: "fixed", weights: { health: 2, safety: 1 } },
        health: { method: "fixed", weights: { beds: 1, wait: 3 } },
      },
    },
  },
});

// By hand: beds [0, 1, 0.5], wait (cost over [10, 30]) [0, 1, 0.5], health [0, 1, 0.5]; crime (cost over
// [2, 4]) [0, 1, NaN]; root = 2/3 health + 1/3 safety, u3 without safety: [0, 1, 0.5], ranks [3, 1, 2].
const rows = [
  { unit: "u1", beds: 1, wait: 30, crime: 4 },
  { unit: "u2", beds: 3, wait: 10, crime: 2 },
  { unit: "u3", beds: 2, wait: 20, crime: null },
];

describe("score() provenance", () => {
  it("score(model, rows).provenance is the typed record of the model's settings (profile base, skip, fixed and equal weights, min-max)", () => {
    const expected: Provenance = {
      profile: "base",
      chain: ["base"],
      missing: "skip",
      minCoverage: 0,
      ranks: { order: "descending", ties: "min", missingRank: 0 },
      // Groups in the order they are weighed: bottom-up, so safety and health before the root.
      nodes: {
        safety: { weights: { method: "equal" }, aggregate: "arithmetic" },
        health: { weights: { method: "fixed" }, aggregate: "arithmetic" },
        root: { weights: { method: "fixed" }, aggregate: "arithmetic" },
      },
      normalization: { beds: "minmax", wait: "minmax", crime: "minmax" },
    };
    const p = score(model, rows).provenance;
    expect(p).toEqual(expected);
    expect(Object.keys(p.nodes)).toEqual(["safety", "health", "root"]);
    // Plain data: it survives JSON (the CLI's score --format json prints it).
    expect(JSON.parse(JSON.stringify(p))).toEqual(expected);
  });

  it("a profile's multipliers and aggregation overrides appear in the node's provenance", () => {
    const m2 = parseModel({
      ...model,
      profiles: {
        base: {
          weights: { health: { method: "fixed", weights: { beds: 1, wait: 3 } } },
          multipliers: { beds: 2 },
          aggregate: { root: { method: "geometric", zero: "floor" } },
        },
      },
    });
    const p = score(m2, rows).provenance;
    expect(p.nodes.health).toEqual({
      weights: { method: "fixed", multipliers: [2, 1] },
      aggregate: "arithmetic",
    });
    expect(p.nodes.root?.aggregate).toEqual({ method: "geometric", zero: "floor" });
  });
});

describe("score() stages", () => {
  it("an indicator read only by the fused arithmetic mean is written on first access and equals normalize()", () => {
    const r = score(model, rows);
    expect(Object.keys(r.scores).sort()).toEqual(["beds", "crime", "health", "root", "safety", "wait"]);
    expect(Array.from(r.scores.beds as Float64Array)).toEqual(Array.from(normalize([1, 3, 2], "minmax")));
    expect(Array.from(r.scores.wait as Float64Array)).toEqual(
      Array.from(normalize([30, 10, 20], "minmax", { direction: "cost" })),
    );
    expect(r.scores.beds).toBe(r.scores.beds); // written once, then the same array
  });

  it("a group with a non-affine child takes the general path and reads its affine siblings' values (z-score wait, min-max beds)", () => {
    const z = parseModel({
      ...model,
      tree: {
        id: "root",
        children: [
          {
            id: "health",
            children: [{ id: "beds" }, { id: "wait", direction: "cost", normalize: "zscore" }],
          },
          { id: "safety", children: [{ id: "crime", direction: "cost" }] },
        ],
      },
    });
    const r = score(z, rows);
    const beds = normalize([1, 3, 2], "minmax");
    const wait = normalize([30, 10, 20], "zscore", { direction: "cost" });
    // health = the fixed 1:3 weighted mean of beds and wait.
    const health = Array.from(beds, (x, i) => 0.25 * x + 0.75 * (wait[i] as number));
    const got = Array.from(r.scores.health as Float64Array);
    for (const [i, h] of health.entries()) expect(got[i]).toBeCloseTo(h, 14);
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
    const opts: ScoreOptions = { profile: "base", ties: "min" };
    expect(Array.from(score(model, rows, opts).ranks.root as Uint32Array)).toEqual([3, 1, 2]);
  });
});
