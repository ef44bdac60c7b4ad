// uncertaintyAnalysis({ adapt: true }) checks its normalization x aggregation alternatives before the
// runs: zeros under a geometric mean are floored, negative z-scores (geometric mean, entropy weights)
// are shifted by the smallest integer above |min|. Expected values by hand below.
import { describe, expect, it } from "vitest";
import { shiftFor } from "../../src/analysis/adapt-alternatives.js";
import { uncertaintyAnalysis } from "../../src/analysis/uncertainty.js";
import type { Model } from "../../src/indicators/schema.js";

// Four units, two benefit indicators; b = 2 a, so both have the same z-scores.
// z (ddof 1, the default): mean 2.5, sd = sqrt((1.5^2 + 0.5^2 + 0.5^2 + 1.5^2) / 3) = sqrt(5/3) = 1.290994;
// z = (-1.161895, -0.387298, 0.387298, 1.161895): min -1.161895, so the shift is 2.
const rows = [
  { unit: "u1", a: 1, b: 2 },
  { unit: "u2", a: 2, b: 4 },
  { unit: "u3", a: 3, b: 6 },
  { unit: "u4", a: 4, b: 8 },
];
const model: Model = { id: "m", tree: { id: "root", children: [{ id: "a" }, { id: "b" }] } } as Model;
const entropyModel: Model = {
  id: "e",
  tree: { id: "root", children: [{ id: "a" }, { id: "b" }] },
  profiles: { p: { weights: { root: { method: "entropy" } } } },
} as Model;

describe("shiftFor", () => {
  it("is the smallest integer above |min| for negative values, the floor 0.001 for a zero minimum", () => {
    expect(shiftFor(-1.161895)).toBe(2);
    expect(shiftFor(-2)).toBe(3); // A > |min z|, strictly
    expect(shiftFor(-6.685)).toBe(7);
    expect(shiftFor(0)).toBe(0.001);
  });
});

describe("uncertaintyAnalysis adapt", () => {
  it("floors the zeros of min-max values under a geometric mean, and says so", () => {
    // min-max puts u1 at 0 in both columns: the geometric mean of a zero fails without adapt.
    expect(() => uncertaintyAnalysis(model, rows, { runs: 4, aggregation: ["geometric"] })).toThrow(
      /geometric mean of a zero/,
    );
    const ua = uncertaintyAnalysis(model, rows, { runs: 4, aggregation: ["geometric"], adapt: true });
    expect(ua.adaptations).toHaveLength(1);
    expect(ua.adaptations[0]).toMatchObject({
      action: "floor",
      factor: "aggregation",
      alternative: "geometric",
    });
    expect(ua.adaptations[0]?.message).toMatch(/floor 0\.001/);
    // Floored: u1 = 0.001 in both columns, still the last; u4 = 1 the first (ranks 4, 3, 2, 1).
    expect(ua.ranks.map((r) => r.median)).toEqual([4, 3, 2, 1]);
  });

  it("shifts negative z-scores by 2 under a geometric mean (and floors the min-max zeros)", () => {
    expect(() =>
      uncertaintyAnalysis(model, rows, {
        runs: 8,
        normalization: ["minmax", "zscore"],
        aggregation: ["geometric"],
      }),
    ).toThrow();
    const ua = uncertaintyAnalysis(model, rows, {
      runs: 8,
      normalization: ["minmax", "zscore"],
      aggregation: ["geometric"],
      adapt: true,
    });
    const shift = ua.adaptations.find((a) => a.action === "shift");
    expect(shift).toMatchObject({ factor: "normalization", alternative: "zscore", shift: 2 });
    expect(shift?.message).toMatch(/-1\.162.*shifted by \+2/);
    expect(ua.adaptations.map((a) => a.action).sort()).toEqual(["floor", "shift"]);
    // Both alternatives keep the order of a and b: ranks 4, 3, 2, 1 in every run.
    expect(ua.ranks.map((r) => [r.p05, r.p95])).toEqual([
      [4, 4],
      [3, 3],
      [2, 2],
      [1, 1],
    ]);
  });

  it("shifts z-scores before entropy weights, which need values >= 0", () => {
    expect(() => uncertaintyAnalysis(entropyModel, rows, { runs: 4, normalization: ["zscore"] })).toThrow(
      /negative/,
    );
    const ua = uncertaintyAnalysis(entropyModel, rows, { runs: 4, normalization: ["zscore"], adapt: true });
    expect(ua.adaptations).toEqual([
      expect.objectContaining({ action: "shift", alternative: "zscore", shift: 2 }),
    ]);
    expect(ua.adaptations[0]?.message).toMatch(/entropy/);
  });

  it("changes nothing when every combination runs", () => {
    const ua = uncertaintyAnalysis(model, rows, {
      runs: 4,
      normalization: ["minmax", "rank"],
      aggregation: ["arithmetic"],
      adapt: true,
    });
    expect(ua.adaptations).toEqual([]);
    expect(ua.provenance.adapt).toBe(true);
  });
});
