import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createEngine } from "../../src/analysis/engine.js";
import type { Model } from "../../src/indicators/schema.js";
import { createRandom } from "../../src/internal/random.js";
import { rankDescendingUint32, rankInto } from "../../src/internal/rank.js";
import type { NormalizeSpec } from "../../src/internal/specs.js";
import { score } from "../../src/score/score.js";
import { governance, sampleCity, twoLevelModel } from "./models.js";

/** 20 seeded units for the two-level model, two values missing. */
function twoLevelRows(): Record<string, unknown>[] {
  const rng = createRandom(5);
  return Array.from({ length: 20 }, (_, i) =>
    Object.freeze({
      unit: `u${i}`,
      x1: i === 3 ? null : 1 + 9 * rng.uniform(),
      x2: 5 + 20 * rng.uniform(),
      y1: i === 7 ? null : 100 * rng.uniform(),
      y2: 2 + rng.uniform(),
    }),
  );
}

function expectSame(a: Float64Array, b: Float64Array, label: string): void {
  expect(a.length, label).toBe(b.length);
  for (let i = 0; i < a.length; i++) {
    const x = a[i] as number;
    const y = b[i] as number;
    if (Number.isNaN(y)) expect(x, `${label}[${i}]`).toBeNaN();
    else expect(Math.abs(x - y), `${label}[${i}]`).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(y)));
  }
}

const withDefaults = (model: Model, defaults: Record<string, unknown>): Model =>
  ({ ...model, defaults: { ...(model.defaults ?? {}), ...defaults } }) as Model;

describe("the analyses' fast path (engine) against score()", () => {
  it.each(["normal", "emergency", "public_health"])(
    "engine.run on nominal settings reproduces score() at every group of the governance template (%s profile, sample city)",
    (profile) => {
      const result = score(governance, sampleCity(), { profile });
      const engine = createEngine(result);
      const values = engine.run({ columns: engine.nominalColumns, structure: engine.full });
      for (const id of engine.full.order)
        expectSame(values.get(id) as Float64Array, result.scores[id] as Float64Array, id);
    },
  );

  it("engine.run reproduces score() with data-driven (entropy) weights and missing values", () => {
    const model = twoLevelModel();
    const m = {
      ...model,
      profiles: {
        p: { weights: { root: { method: "fixed", weights: { d1: 2, d2: 1 } }, d1: { method: "entropy" } } },
      },
    } as Model;
    const result = score(m, twoLevelRows());
    const engine = createEngine(result);
    const values = engine.run({ columns: engine.nominalColumns, structure: engine.full });
    for (const id of ["d1", "d2", "root"])
      expectSame(values.get(id) as Float64Array, result.scores[id] as Float64Array, id);
  });

  it.each([["zscore"], ["rank"], [{ method: "minmax", range: [1, 100] }]] as const)(
    "engine.normalizeWith(%j) equals score() of the model with that default normalization",
    (spec) => {
      const model = twoLevelModel();
      const engine = createEngine(score(model, twoLevelRows()));
      const expected = score(withDefaults(model, { normalize: spec }), twoLevelRows());
      const values = engine.run({
        columns: engine.normalizeWith(spec as NormalizeSpec, "test"),
        structure: engine.full,
      });
      expectSame(values.get("root") as Float64Array, expected.scores.root as Float64Array, "root");
    },
  );

  it.each(["minimum", "harmonic", { method: "power", p: 2 }] as const)(
    "an aggregation override %j equals score() of the model with that default aggregation",
    (spec) => {
      const model = withDefaults(twoLevelModel(), { normalize: { method: "minmax", range: [1, 100] } });
      const engine = createEngine(score(model, twoLevelRows()));
      const expected = score(withDefaults(model, { aggregate: spec }), twoLevelRows());
      const values = engine.run({ columns: engine.nominalColumns, structure: engine.full, aggregate: spec });
      expectSame(values.get("root") as Float64Array, expected.scores.root as Float64Array, "root");
    },
  );

  it.each(["party_org_coverage", "linkage_closing_days", "volunteer_share"])(
    "engine.without(%s) equals score() with the indicator excluded by a profile (governance, normal)",
    (id) => {
      const engine = createEngine(score(governance, sampleCity(), { profile: "normal" }));
      const model = structuredClone(governance) as Model;
      const profiles = model.profiles as Record<string, { exclude?: string[] }>;
      (profiles.normal as { exclude?: string[] }).exclude = [id];
      const expected = score(model, sampleCity(), { profile: "normal" });
      const values = engine.run({ columns: engine.nominalColumns, structure: engine.without(id) });
      expectSame(
        values.get("governance") as Float64Array,
        expected.scores.governance as Float64Array,
        "root",
      );
    },
  );

  it("engine.without drops a group left with no child and refuses to empty the tree", () => {
    const model = {
      id: "m",
      tree: { id: "root", children: [{ id: "g", children: [{ id: "a" }] }, { id: "b" }] },
    } as Model;
    const engine = createEngine(
      score(model, [
        { unit: "u1", a: 1, b: 2 },
        { unit: "u2", a: 2, b: 1 },
      ]),
    );
    expect(engine.without("a").order).toEqual(["root"]);
    expect(engine.without("a").children.get("root")).toEqual(["b"]);
    const single = createEngine(
      score({ id: "s", tree: { id: "r", children: [{ id: "a" }] } } as Model, [
        { unit: "u1", a: 1 },
        { unit: "u2", a: 2 },
      ]),
    );
    expect(() => single.without("a")).toThrow(expect.objectContaining({ code: "empty_tree" }));
  });

  it("rankInto gives the same ranks as rankDescendingUint32 (ties min, NaN = 0), fast-check", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(
            fc.integer({ min: -5, max: 5 }).map((x) => x / 2),
            fc.constant(Number.NaN),
          ),
          {
            minLength: 1,
            maxLength: 40,
          },
        ),
        (xs) => {
          const v = Float64Array.from(xs);
          const out = new Uint32Array(v.length);
          rankInto(v, new Float64Array(v.length), out);
          expect([...out]).toEqual([...rankDescendingUint32(v)]);
        },
      ),
      { seed: 42, numRuns: 300 },
    );
  });
});
