import { describe, expect, it } from "vitest";
import { disparity } from "../../../src/analysis/disparity/disparity.js";
import { disparityPanel } from "../../../src/analysis/disparity/disparity-panel.js";
import { kdeBandwidth } from "../../../src/analysis/disparity/kde-bandwidth.js";
import { kernelDensity } from "../../../src/analysis/disparity/kernel-density.js";
import type { Model } from "../../../src/indicators/schema.js";
import { scorePanel } from "../../../src/panel/score-panel.js";
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

describe("disparityPanel(scorePanel(...), opts): straight from a scored panel", () => {
  // A tiny panel: communities c1, c2 in street s1 and c3, c4 in street s2, two years; one indicator,
  // no normalization, so each community's score is its value.
  const rows = [
    ...["2021", "2022"].flatMap((year) => [
      { unit: "s1", level: "street", year },
      { unit: "s2", level: "street", year },
    ]),
    ...[
      ["2021", [1, 2, 3, 4]],
      ["2022", [2, 2, 4, 8]],
    ].flatMap(([year, v]) =>
      (v as number[]).map((a, i) => ({ unit: `c${i + 1}`, parent: i < 2 ? "s1" : "s2", year, a })),
    ),
  ];
  const panel = scorePanel(model, rows, { period: "year" });
  const p = disparityPanel(panel, { by: "street", points: 32 });

  it("gives one decomposition per period, in the panel's order", () => {
    expect(p.periods.map((q) => q.period)).toEqual(["2021", "2022"]);
    expect(p.periods.map((q) => q.disparity.units)).toEqual([
      ["c1", "c2", "c3", "c4"],
      ["c1", "c2", "c3", "c4"],
    ]);
  });

  it("matches the Gini and its Dagum parts worked by hand for each period", () => {
    // G = sum_i sum_j |y_i - y_j| / (2 n^2 mean).
    // 2021, y = 1, 2, 3, 4: unordered |differences| 1+2+3+1+2+1 = 10, ordered 20; G = 20 / (2*16*2.5) = 0.25.
    //   Within: G_11 = 2 / (2*4*1.5) = 1/6, p_1 = 0.5, s_1 = 2*1.5 / 10 = 0.3; G_22 = 2 / (2*4*3.5) = 1/14,
    //   p_2 = 0.5, s_2 = 0.7; G_w = (1/6)(0.5)(0.3) + (1/14)(0.5)(0.7) = 0.025 + 0.025 = 0.05.
    //   Between: G_21 = (2+3+1+2) / (2*2*(1.5+3.5)) = 0.4; every s2 value exceeds every s1 value, so
    //   d_21 = 8/4 = 2, p_21 = 0, D_21 = 1; G_nb = 0.4 (p_2 s_1 + p_1 s_2) = 0.4 * 0.5 = 0.2; G_t = 0.
    // 2022, y = 2, 2, 4, 8: unordered 0+2+6+2+6+4 = 20, ordered 40; G = 40 / (2*16*4) = 0.3125.
    //   G_11 = 0 (2, 2); G_22 = (2*4) / (2*4*6) = 1/6, p_2 = 0.5, s_2 = 2*6 / 16 = 0.75; G_w = 1/16 = 0.0625.
    //   G_21 = (2+2+6+6) / (2*2*(2+6)) = 0.5, D_21 = 1; G_nb = 0.5 (0.5*0.25 + 0.5*0.75) = 0.25; G_t = 0.
    const want = [
      { gini: 0.25, within: 0.05, netBetween: 0.2 },
      { gini: 0.3125, within: 0.0625, netBetween: 0.25 },
    ];
    p.periods.forEach((q, k) => {
      const d = q.disparity;
      expect(d.gini).toBeCloseTo(want[k]!.gini, 14);
      expect(d.dagum.within).toBeCloseTo(want[k]!.within, 14);
      expect(d.dagum.netBetween).toBeCloseTo(want[k]!.netBetween, 14);
      expect(d.dagum.transvariation).toBeCloseTo(0, 14);
    });
  });

  it("draws the change of the distribution: each year's density on the grid of the pooled scores", () => {
    // Pooled scores 1,2,3,4,2,2,4,8: the common bandwidth (Silverman) and grid [min - 3h, max + 3h].
    const pooled = [1, 2, 3, 4, 2, 2, 4, 8];
    const h = kdeBandwidth(pooled);
    expect(p.density.bandwidth).toBe(h);
    expect(p.density.x[0]).toBeCloseTo(1 - 3 * h, 12);
    expect(p.density.x.at(-1)).toBeCloseTo(8 + 3 * h, 12);
    // The 2022 curve is the Gaussian kernel sum of its four scores, written out at a grid point:
    // f(x) = (1 / (4 h)) * sum_i phi((x - y_i) / h).
    const phi = (z: number) => Math.exp((-z * z) / 2) / Math.sqrt(2 * Math.PI);
    const j = 10;
    const x = p.density.x[j]!;
    const f = [2, 2, 4, 8].reduce((s, y) => s + phi((x - y) / h), 0) / (4 * h);
    expect(p.density.curves[1]!.y[j]).toBeCloseTo(f, 12);
  });

  it("rejects an input that is neither a panel nor a list", () => {
    expect(() => disparityPanel({} as never)).toThrow(expect.objectContaining({ code: "invalid_option" }));
  });
});
