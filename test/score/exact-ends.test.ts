import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { parseModel } from "../../src/indicators/parse-model.js";
import { normalize } from "../../src/normalize/normalize.js";
import { score } from "../../src/score/score.js";

// Issue 20 item 8 (these failed before the fix): min-max is (x - min) / (max - min) mapped onto
// [lo, hi] (OECD/JRC Handbook 2008, step 5), so by definition the column min maps to lo and the max
// to hi. The affine form x * scale + offset mapped the max of [3, 5, 10] to 0.9999999999999998.
describe("min-max maps the column min and max exactly to the range ends", () => {
  it('normalize([3, 5, 10], "minmax") maps 10 to exactly 1 and 3 to 0 (failed before: 0.9999999999999998)', () => {
    const v = normalize([3, 5, 10], "minmax");
    expect(v[0]).toBe(0);
    expect(v[2]).toBe(1);
  });

  it('normalize([3, 5, 10], "minmax", { direction: "cost" }) maps 3 to exactly 1 and 10 to 0', () => {
    const v = normalize([3, 5, 10], "minmax", { direction: "cost" });
    expect(v[0]).toBe(1);
    expect(v[2]).toBe(0);
  });

  test.prop(
    [
      fc.array(fc.integer({ min: -1000, max: 1000 }), { minLength: 2, maxLength: 6 }),
      fc.tuple(fc.integer({ min: -100, max: 100 }), fc.integer({ min: 1, max: 100 })),
    ],
    { seed: 42, numRuns: 300 },
  )(
    "normalize(x, minmax onto [lo, lo + w]) maps min(x) to lo and max(x) to lo + w exactly",
    (xs, [lo, w]) => {
      const min = Math.min(...xs);
      const max = Math.max(...xs);
      if (min === max) return;
      const v = normalize(xs, { method: "minmax", range: [lo / 10, (lo + w) / 10] });
      xs.forEach((x, i) => {
        if (x === min) expect(v[i]).toBe(lo / 10);
        if (x === max) expect(v[i]).toBe((lo + w) / 10);
      });
    },
  );

  const model = parseModel({
    id: "m",
    tree: { id: "root", children: [{ id: "a" }, { id: "b" }] },
    defaults: { normalize: "minmax" },
  });

  // Two units, u1 = (max a, min b) and u2 = (min a, max b), with equal weights: both documented
  // scores are (1 + 0) / 2 = 0.5, so they must tie, in the fused path of score() as in normalize().
  test.prop(
    [
      fc.integer({ min: -1000, max: 1000 }),
      fc.integer({ min: 1, max: 1000 }),
      fc.integer({ min: -1000, max: 1000 }),
      fc.integer({ min: 1, max: 1000 }),
    ],
    { seed: 42, numRuns: 300 },
  )(
    "score: units with equal documented scores (max a + min b vs min a + max b) tie at 0.5",
    (a0, da, b0, db) => {
      const r = score(model, [
        { unit: "u1", a: a0 + da, b: b0 },
        { unit: "u2", a: a0, b: b0 + db },
      ]);
      const root = r.scores.root as Float64Array;
      expect(Array.from(root)).toEqual([0.5, 0.5]);
      const ranks = r.ranks.root as Uint32Array;
      expect(ranks[0]).toBe(ranks[1]);
    },
  );

  it("score: u1 = (10, 3) and u2 = (3, 10) on columns [3, 10] both score 0.5 (failed before: 0.4999999999999999)", () => {
    const r = score(model, [
      { unit: "u1", a: 10, b: 3 },
      { unit: "u2", a: 3, b: 10 },
    ]);
    expect(Array.from(r.scores.root as Float64Array)).toEqual([0.5, 0.5]);
  });
});
