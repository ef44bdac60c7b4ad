import { describe, expect, it } from "vitest";
import { kdeBandwidth } from "../../../src/analysis/disparity/kde-bandwidth.js";
import { kernelDensity } from "../../../src/analysis/disparity/kernel-density.js";
import { CASES, RKDE } from "./reference.js";

const rel = (a: number, b: number) => Math.abs(a - b) / Math.abs(b);

describe("kdeBandwidth(values, rule)", () => {
  it("reproduces DOMAIN C5.4's bandwidths of the 12 values (R bw.nrd0, bw.nrd and scipy)", () => {
    const v = CASES.domain.values;
    expect(kdeBandwidth(v, "silverman")).toBeCloseTo(0.0696628490507, 12);
    expect(kdeBandwidth(v, "scott")).toBeCloseTo(0.0820473555486, 12);
    expect(kdeBandwidth(v, "scipy-scott")).toBeCloseTo(0.0774031656119, 12);
    expect(kdeBandwidth(v, "scipy-silverman")).toBeCloseTo(0.0819872783888, 12);
  });

  for (const name of ["domain", "seeded"] as const)
    it(`silverman = R bw.nrd0 and scott = R bw.nrd (kde.R, R 4.2.2), scipy rules = gaussian_kde (compute.py): ${name}`, () => {
      const v = CASES[name].values;
      expect(rel(kdeBandwidth(v, "silverman"), RKDE[name]["bw.nrd0"])).toBeLessThan(1e-13);
      expect(rel(kdeBandwidth(v, "scott"), RKDE[name]["bw.nrd"])).toBeLessThan(1e-13);
      const b = CASES[name].kde.bandwidth;
      expect(rel(kdeBandwidth(v, "scipy-scott"), b["scipy-scott"])).toBeLessThan(1e-13);
      expect(rel(kdeBandwidth(v, "scipy-silverman"), b["scipy-silverman"])).toBeLessThan(1e-13);
    });

  it("falls back as bw.nrd0 does when the IQR is 0: to the SD (R: bw.nrd0(c(1, 1, 1, 1, 5)) = 0.9 sd 5^-0.2)", () => {
    const v = [1, 1, 1, 1, 5];
    const sd = Math.sqrt(((4 * 0.8 ** 2 + 3.2 ** 2) as number) / 4);
    expect(kdeBandwidth(v)).toBeCloseTo(0.9 * sd * 5 ** -0.2, 14);
    // Constant values: |y_1|.
    expect(kdeBandwidth([3, 3, 3])).toBeCloseTo(0.9 * 3 * 3 ** -0.2, 14);
  });

  it("takes a positive number as it is and rejects unknown rules", () => {
    expect(kdeBandwidth([1, 2], 0.5)).toBe(0.5);
    expect(() => kdeBandwidth([1, 2], -1)).toThrow(expect.objectContaining({ code: "invalid_option" }));
    expect(() => kdeBandwidth([1, 2], "nrd" as "scott")).toThrow(
      expect.objectContaining({ code: "invalid_option" }),
    );
    expect(() => kdeBandwidth([1], "scott")).toThrow(expect.objectContaining({ code: "too_few_values" }));
  });
});

describe("kernelDensity(values, { bandwidth, points, from, to })", () => {
  it("reproduces DOMAIN C5.4's densities at x = 0.4 ... 0.9 (Silverman h; scipy gaussian_kde)", () => {
    const expected = [
      0.705013793912, 1.70656225829, 2.11671906031, 2.63726264506, 2.03845124138, 0.675052896592,
    ];
    const k = kernelDensity(CASES.domain.values, { from: 0.4, to: 0.9, points: 6 });
    k.y.forEach((f, i) => {
      expect(rel(f, expected[i]!)).toBeLessThan(1e-11);
    });
  });

  for (const name of ["domain", "seeded"] as const)
    it(`matches scipy gaussian_kde (compute.py) and R's exact sum (kde.R) on the ${name} grid to 1e-12`, () => {
      const c = CASES[name];
      const grid = c.kde.grid;
      const k = kernelDensity(c.values, { from: grid[0], to: grid[grid.length - 1], points: grid.length });
      k.x.forEach((x, i) => {
        expect(Math.abs(x - grid[i]!)).toBeLessThan(1e-14);
      });
      k.y.forEach((f, i) => {
        expect(rel(f, c.kde.density[i]!)).toBeLessThan(1e-12);
        expect(rel(f, RKDE[name].density[i]!)).toBeLessThan(1e-12);
      });
    });

  it("defaults to 512 points over [min - 3h, max + 3h] (R density's grid) and integrates to about 1", () => {
    const v = CASES.seeded.values;
    const k = kernelDensity(v);
    expect(k.x.length).toBe(512);
    expect(k.x[0]).toBeCloseTo(Math.min(...v) - 3 * k.bandwidth, 14);
    expect(k.x[511]).toBeCloseTo(Math.max(...v) + 3 * k.bandwidth, 14);
    let area = 0;
    for (let i = 1; i < 512; i++) area += ((k.y[i]! + k.y[i - 1]!) / 2) * (k.x[i]! - k.x[i - 1]!);
    // The mass beyond 3h on each side is Phi(-3) = 0.00135 per unit at the edge, at most.
    expect(area).toBeGreaterThan(0.99);
    expect(area).toBeLessThan(1.0001);
  });

  it("rejects a bad grid", () => {
    expect(() => kernelDensity([1, 2], { points: 1 })).toThrow(
      expect.objectContaining({ code: "invalid_option" }),
    );
    expect(() => kernelDensity([1, 2], { from: 2, to: 1 })).toThrow(
      expect.objectContaining({ code: "invalid_option" }),
    );
  });
});
