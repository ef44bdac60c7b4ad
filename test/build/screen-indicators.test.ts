import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { screenIndicators } from "../../src/build/screen-indicators.js";
import type { Model } from "../../src/indicators/model-types.js";

// Reference: test/fixtures/screen/screen_ref.py (numpy, scipy spearmanr; output screen_ref.json) on the
// DOMAIN C3 example with min-max normalization and equal-weight arithmetic means.
const ref = JSON.parse(readFileSync("test/fixtures/screen/screen_ref.json", "utf8"));
const model: Model = Object.freeze({
  id: "c3",
  tree: {
    id: "root",
    children: [
      { id: "G1", children: [{ id: "x1" }, { id: "x2" }, { id: "x3" }] },
      { id: "G2", children: [{ id: "x4" }, { id: "x5" }] },
    ],
  },
});
const rows = (ref.x as number[][]).map((r, i) => ({
  unit: `u${i + 1}`,
  x1: r[0],
  x2: r[1],
  x3: r[2],
  x4: r[3],
  x5: r[4],
}));

describe("screenIndicators", () => {
  const rep = screenIndicators(model, rows, { minCv: 0.1 });

  it("screenIndicators(C3) reports CV, coverage, distinct share and r with parent and index as numpy", () => {
    expect(rep.stats.map((s) => s.id)).toEqual(["x1", "x2", "x3", "x4", "x5"]);
    rep.stats.forEach((s, j) => {
      expect(s.cv).toBeCloseTo(ref.cv[j], 12);
      expect(s.withParent).toBeCloseTo(ref.withParent[j], 12);
      expect(s.withIndex).toBeCloseTo(ref.withIndex[j], 12);
      expect(s.uniqueShare).toBeCloseTo(ref.unique[j], 14);
      expect(s.coverage).toBe(1);
    });
  });

  it("screenIndicators(C3, { minCv: 0.1 }) flags x4 (CV 0.0966) and no pair at |r| > 0.9", () => {
    expect(rep.flags.map((f) => `${f.code} ${f.indicator}`)).toEqual(["low_discrimination x4"]);
    expect(rep.flags[0]!.rule).toBe("CV < 0.1");
    expect(rep.flags[0]!.values.cv).toBeCloseTo(ref.cv[3], 12);
  });

  it("maxCorrelation 0.85 flags x1-x2 and x2-x3 (r 0.8608, 0.8711) and keeps the one more correlated with G1", () => {
    const r = screenIndicators(model, rows, { maxCorrelation: 0.85 });
    const pairs = r.flags.filter((f) => f.code === "collinear");
    // withParent: x1 0.9342, x2 0.9621, x3 0.9397 -> x2 is kept in both pairs
    expect(pairs.map((f) => [f.keep, f.indicator])).toEqual([
      ["x2", "x1"],
      ["x2", "x3"],
    ]);
    expect(pairs[0]!.values.r).toBeCloseTo(ref.r[0][1], 12);
    expect(pairs[0]!.rule).toBe('|r| > 0.85 within group "G1", keep the higher r with parent');
    const byCv = screenIndicators(model, rows, { maxCorrelation: 0.85, keep: "cv" }).flags.filter(
      (f) => f.code === "collinear",
    );
    // CV: x1 0.1326, x2 0.1461, x3 0.2343
    expect(byCv.map((f) => [f.keep, f.indicator])).toEqual([
      ["x2", "x1"],
      ["x3", "x2"],
    ]);
    const sp = screenIndicators(model, rows, { maxCorrelation: 0.85, method: "spearman" });
    expect(sp.stats[0]!.withParent).not.toBeCloseTo(ref.withParent[0], 6);
  });

  it("flags low coverage, near-constant and constant columns, and negative correlation with the parent", () => {
    const data = rows.map((r, i) => ({
      ...r,
      x3: i < 4 ? null : r.x3, // 6 of 10 present
      x5: i % 2 === 0 ? 1 : 2, // 2 distinct values among 10
    }));
    const r = screenIndicators(model, data, { minParentCorrelation: -0.2 });
    const codes = r.flags.map((f) => `${f.code} ${f.indicator}`);
    expect(codes).toContain("low_coverage x3");
    expect(codes).toContain("near_constant x5");
    const cov = r.flags.find((f) => f.code === "low_coverage")!;
    expect(cov.values).toEqual({ coverage: 0.6, n: 6, units: 10 });
    // x3 = 200 - x1 - x2 runs against the other two members of G1
    const neg = screenIndicators(
      model,
      rows.map((x) => ({ ...x, x3: 200 - (x.x1 as number) - (x.x2 as number) })),
    );
    const f = neg.flags.find((x) => x.code === "negative_with_parent")!;
    expect(f.indicator).toBe("x3");
    expect(f.values.r).toBeLessThan(0);
    expect(f.rule).toBe("r with parent < 0");
    const constant = screenIndicators(
      model,
      rows.map((x) => ({ ...x, x5: 3 })),
    );
    expect(constant.flags.map((f) => `${f.code} ${f.indicator}`)).toContain("constant_column x5");
    expect(() => screenIndicators(model, rows, { maxCorrelation: 2 })).toThrow(/maxCorrelation/);
  });
});
