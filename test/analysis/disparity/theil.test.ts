import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { theil } from "../../../src/analysis/disparity/theil.js";
import { CASES } from "./reference.js";

const close = (a: number, b: number, tol = 1e-12) =>
  expect(Math.abs(a - b)).toBeLessThanOrEqual(tol * Math.max(1, Math.abs(b)));

describe("theil(values, { index, groups, weights })", () => {
  it("reproduces DOMAIN C5.2's example: T = 0.0176088918008, L = 0.0182336540748, population T = 0.0179824061853", () => {
    const c = CASES.domain;
    const t = theil(c.values, { groups: c.groups });
    close(t.value, 0.0176088918008, 1e-12);
    close(t.within!, 0.00244251074407, 1e-12);
    close(t.between!, 0.0151663810568, 1e-12);
    const l = theil(c.values, { index: "L", groups: c.groups });
    close(l.value, 0.0182336540748, 1e-12);
    close(l.within!, 0.00240363096246, 1e-12);
    close(l.between!, 0.0158300231123, 1e-12);
    close(theil(c.values, { weights: c.population }).value, 0.0179824061853, 1e-12);
  });

  for (const [name, c] of Object.entries(CASES))
    it(`matches compute.py on the ${name} case: T, L and population-weighted T with every group`, () => {
      for (const [index, ref, weights] of [
        ["T", c.theilT, undefined],
        ["L", c.theilL, undefined],
        ["T", c.theilTPopulation, c.population],
      ] as const) {
        const t = theil(c.values, { index, groups: c.groups, ...(weights ? { weights } : {}) });
        close(t.value, ref.value);
        close(t.within!, ref.within);
        close(t.between!, ref.between);
        t.groups!.forEach((g, i) => {
          expect(g.group).toBe(ref.groups[i]!.group);
          close(g.value, ref.groups[i]!.value);
        });
        // Without groups: the same index.
        close(theil(c.values, { index, ...(weights ? { weights } : {}) }).value, ref.value);
      }
    });

  it("within + between is the value exactly, and equals the ungrouped index to 1e-12 (fast-check)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.double({ min: 0.01, max: 100, noNaN: true }), fc.constantFrom("a", "b", "c")), {
          minLength: 1,
          maxLength: 40,
        }),
        fc.constantFrom("T" as const, "L" as const),
        (rows, index) => {
          const values = rows.map((r) => r[0]);
          const groups = rows.map((r) => r[1]);
          const t = theil(values, { index, groups });
          expect(t.within! + t.between!).toBe(t.value);
          close(t.value, theil(values, { index }).value);
          expect(t.between!).toBeGreaterThanOrEqual(0);
        },
      ),
      { numRuns: 200 },
    );
  });

  it("T takes 0 ln 0 = 0: theil([0, 2]) = ln 2 (hand computation: (2/1) ln(2/1) / 2)", () => {
    close(theil([0, 2]).value, Math.LN2, 1e-15);
  });

  it("throws for L with a zero, for T with a negative value, and for misaligned weights", () => {
    expect(() => theil([0, 2], { index: "L" })).toThrow(
      expect.objectContaining({ code: "nonpositive_value", path: ["values", 0] }),
    );
    expect(() => theil([-1, 2])).toThrow(expect.objectContaining({ code: "negative_value" }));
    expect(() => theil([1, 2], { weights: [1] })).toThrow(
      expect.objectContaining({ code: "length_mismatch" }),
    );
    expect(() => theil([1, 2], { weights: [1, -1] })).toThrow(
      expect.objectContaining({ code: "invalid_weights" }),
    );
    expect(() => theil([1, 2], { index: "X" as "T" })).toThrow(
      expect.objectContaining({ code: "invalid_option" }),
    );
  });
});
