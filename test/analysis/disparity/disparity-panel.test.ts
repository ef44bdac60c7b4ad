import { describe, expect, it } from "vitest";
import { disparity } from "../../../src/analysis/disparity/disparity.js";
import { disparityPanel } from "../../../src/analysis/disparity/disparity-panel.js";
import { kdeBandwidth } from "../../../src/analysis/disparity/kde-bandwidth.js";
import { kernelDensity } from "../../../src/analysis/disparity/kernel-density.js";
import type { Model } from "../../../src/indicators/schema.js";
import { score } from "../../../src/score/score.js";
import { CASES } from "./reference.js";

const model = {
  id: "one",
  tree: { id: "root", children: [{ id: "a" }] },
  defaults: { normalize: "none" },
  profiles: { p: { weights: { root: { method: "equal" } } } },
} as Model;

/** DOMAIN C5's 12 values in streets s1-s3 (period 2024), and the same values times 1.1 (period 2025). */
function period(factor: number) {
  const c = CASES.domain;
  const street: Record<string, string> = { A: "s1", B: "s2", C: "s3" };
  return score(model, [
    { unit: "s1", level: "street" },
    { unit: "s2", level: "street" },
    { unit: "s3", level: "street" },
    ...c.values.map((v, i) => ({ unit: `c${i}`, parent: street[c.groups[i]!], a: v * factor })),
  ]);
}

describe("disparityPanel(panel, opts)", () => {
  const r1 = period(1);
  const r2 = period(1.1);
  const p = disparityPanel(
    [
      { period: "2024", result: r1 },
      { period: "2025", result: r2 },
    ],
    { by: "street", points: 64 },
  );

  it("gives each period's disparity(); scaling every score leaves the Gini and Theil as they are", () => {
    expect(p.periods.map((q) => q.period)).toEqual(["2024", "2025"]);
    expect(p.periods[0]!.disparity.gini).toBe(disparity(r1, { by: "street" }).gini);
    // DOMAIN C5.1: G = 0.106175972927 in both periods (the Gini is scale-invariant).
    for (const q of p.periods) expect(q.disparity.gini).toBeCloseTo(0.106175972927, 12);
    expect(p.periods[1]!.disparity.theilT.value).toBeCloseTo(p.periods[0]!.disparity.theilT.value, 14);
  });

  it("draws every curve on one grid with the bandwidth of the pooled scores", () => {
    const pooled = [...CASES.domain.values, ...CASES.domain.values.map((v) => v * 1.1)];
    const h = kdeBandwidth(pooled);
    expect(p.density.bandwidth).toBe(h);
    const from = Math.min(...pooled) - 3 * h;
    const to = Math.max(...pooled) + 3 * h;
    const k2 = kernelDensity(
      CASES.domain.values.map((v) => v * 1.1),
      { bandwidth: h, from, to, points: 64 },
    );
    expect(p.density.x).toEqual(k2.x);
    expect(p.density.curves[1]!.y).toEqual(k2.y);
    expect(p.density.curves.map((c) => c.period)).toEqual(["2024", "2025"]);
  });

  it("rejects an empty panel and a period named twice", () => {
    expect(() => disparityPanel([])).toThrow(expect.objectContaining({ code: "invalid_option" }));
    expect(() =>
      disparityPanel([
        { period: "x", result: r1 },
        { period: "x", result: r2 },
      ]),
    ).toThrow(/given twice/);
  });
});
