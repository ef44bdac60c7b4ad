import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { dagumGini } from "../../../src/analysis/disparity/dagum-gini.js";
import { gini } from "../../../src/analysis/disparity/gini.js";
import { CASES, dagumMatrixForm } from "./reference.js";

const close = (a: number, b: number, tol = 1e-12) =>
  expect(Math.abs(a - b)).toBeLessThanOrEqual(tol * Math.max(1, Math.abs(b)));

describe("dagumGini(values, groups)", () => {
  it("reproduces DOMAIN C5.1's worked example (G = 0.106175972927, Gw, Gnb, Gt) to 1e-12", () => {
    const c = CASES.domain;
    const d = dagumGini(c.values, c.groups);
    // DOMAIN.md C5.1, as printed (12 significant digits).
    close(d.gini, 0.106175972927, 1e-12);
    close(d.within, 0.014065143824, 1e-12);
    close(d.netBetween, 0.0916878172589, 1e-12);
    close(d.transvariation, 0.000423011844332, 1e-12);
    close(d.contributions.within, 0.132470119522, 1e-11);
    close(d.contributions.netBetween, 0.863545816733, 1e-11);
    close(d.contributions.transvariation, 0.00398406374502, 1e-11);
    expect(d.groups.map((g) => g.group)).toEqual(["B", "A", "C"]);
    const pair = d.pairs.find((p) => p.high === "C" && p.low === "A")!;
    close(pair.gini, 0.0916814159292);
    close(pair.affluence, 0.1285);
    close(pair.transvariation, 0.001);
    close(pair.relativeAffluence, 0.984555984556);
  });

  for (const [name, c] of Object.entries(CASES))
    it(`matches compute.py (numpy double loops) on the ${name} case: every group, pair and part to 1e-12`, () => {
      const d = dagumGini(c.values, c.groups);
      const r = c.dagum;
      close(d.gini, r.gini);
      close(d.within, r.within);
      close(d.netBetween, r.netBetween);
      close(d.transvariation, r.transvariation);
      expect(d.groups.map((g) => g.group)).toEqual(r.order);
      d.groups.forEach((g, i) => {
        const e = r.groups[i]!;
        expect(g.n).toBe(e.n);
        close(g.mean, e.mean);
        close(g.unitShare, e.p);
        close(g.valueShare, e.s);
        close(g.gini, e.gini);
      });
      expect(d.pairs.map((p) => [p.high, p.low])).toEqual(r.pairs.map((p) => [p.high, p.low]));
      d.pairs.forEach((p, i) => {
        const e = r.pairs[i]!;
        close(p.gini, e.gini);
        close(p.affluence, e.d);
        close(p.transvariation, e.p);
        close(p.relativeAffluence, e.D);
      });
    });

  it("the seeded case's group of one unit has G_gg = 0 (compute.py: 'east')", () => {
    const c = CASES.seeded;
    expect(dagumGini(c.values, c.groups).groups.find((g) => g.group === "east")!.gini).toBe(0);
  });

  it("Gw + Gnb + Gt equals the overall Gini to 1e-12 and agrees with the matrix form (fast-check)", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(
            fc.oneof(fc.constant(0), fc.double({ min: 1e-3, max: 100, noNaN: true })),
            fc.constantFrom("a", "b", "c", "d"),
          ),
          {
            minLength: 1,
            maxLength: 40,
          },
        ),
        (rows) => {
          const values = rows.map((r) => r[0]);
          if (!(values.reduce((a, b) => a + b, 0) > 0)) return;
          const groups = rows.map((r) => r[1]);
          const d = dagumGini(values, groups);
          close(d.within + d.netBetween + d.transvariation, d.gini);
          close(d.gini, gini(values));
          const m = dagumMatrixForm(values, groups);
          close(m.total, d.gini);
          close(d.within, m.within);
          close(d.netBetween, m.netBetween);
          close(d.transvariation, m.transvariation);
        },
      ),
      { numRuns: 200 },
    );
  });

  it("one group puts everything within; equal group means give D = 0 whatever the order", () => {
    const one = dagumGini([1, 2, 3], ["x", "x", "x"]);
    expect(one.within).toBe(one.gini);
    expect(one.pairs).toEqual([]);
    // Means 2 and 2: the pair's D is 0, so the between part is all transvariation.
    const eq = dagumGini([1, 3, 2, 2], ["x", "x", "y", "y"]);
    expect(eq.pairs[0]!.relativeAffluence).toBe(0);
    expect(eq.netBetween).toBe(0);
    close(eq.within + eq.transvariation, eq.gini);
    // Two constant groups with equal values: d + p = 0, D := 0, G_gh = 0.
    const flat = dagumGini([2, 2, 2, 2], ["x", "x", "y", "y"]);
    expect(flat.gini).toBe(0);
    expect(flat.pairs[0]).toMatchObject({ gini: 0, relativeAffluence: 0 });
    expect(flat.contributions).toEqual({ within: 0, netBetween: 0, transvariation: 0 });
  });

  it("does not modify its inputs (frozen arrays)", () => {
    const values = Object.freeze([0.3, 0.1, 0.2]);
    const groups = Object.freeze(["a", "b", "a"]);
    expect(() => dagumGini(values, groups)).not.toThrow();
  });

  it("throws on negative values, misaligned groups and empty labels, naming the place", () => {
    expect(() => dagumGini([1, -1], ["a", "b"])).toThrow(
      expect.objectContaining({ code: "negative_value", path: ["values", 1] }),
    );
    expect(() => dagumGini([1, 2], ["a"])).toThrow(expect.objectContaining({ code: "length_mismatch" }));
    expect(() => dagumGini([1, 2], ["a", ""])).toThrow(
      expect.objectContaining({ code: "invalid_option", path: ["groups", 1] }),
    );
    expect(() => dagumGini([0, 0], ["a", "b"])).toThrow(expect.objectContaining({ code: "zero_mean" }));
  });
});
