import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { jenks } from "../../src/grades/jenks.js";
import { IndicatrixError } from "../../src/internal/errors.js";
// Reference values: test/fixtures/grades/compute.py (numpy; Jenks by brute force over every split).
import REF from "../fixtures/grades/expected.json" with { type: "json" };

/** Brute force in the test itself: every split of the sorted values into k contiguous classes. */
function bruteSdcm(values: readonly number[], k: number): number {
  const x = [...values].sort((a, b) => a - b);
  const n = x.length;
  const ssd = (a: number, b: number): number => {
    const part = x.slice(a, b);
    const m = part.reduce((s, v) => s + v, 0) / part.length;
    return part.reduce((s, v) => s + (v - m) ** 2, 0);
  };
  let best = Number.POSITIVE_INFINITY;
  const rec = (start: number, left: number, acc: number): void => {
    if (left === 1) {
      best = Math.min(best, acc + ssd(start, n));
      return;
    }
    for (let end = start + 1; end <= n - left + 1; end++) rec(end, left - 1, acc + ssd(start, end));
  };
  rec(0, k, 0);
  return best;
}

describe("jenks", () => {
  it("jenks(y, 3) gives mapclassify's FisherJenks bins (63.5, 74.1, 93) and GVF 0.921073872332 (DOMAIN C4.2)", () => {
    const y = Object.freeze([...REF.y]);
    const r = jenks(y, 3);
    expect(r.bins).toEqual([63.5, 74.1, 93]);
    expect(r.counts).toEqual([5, 3, 4]);
    expect(r.sdcm).toBeCloseTo(157.986166667, 8);
    expect(r.sdam).toBeCloseTo(2001.69666667, 7);
    expect(r.gvf).toBeCloseTo(0.921073872332, 11);
  });

  it("jenks(y, 4) gives mapclassify's bins (55.1, 63.5, 74.1, 93) and GVF 0.954198438325 (DOMAIN C4.2)", () => {
    const r = jenks(REF.y, 4);
    expect(r.bins).toEqual([55.1, 63.5, 74.1, 93]);
    expect(r.gvf).toBeCloseTo(0.954198438325, 11);
  });

  it("matches the brute-force enumeration of compute.py for y (k = 2..5) and 30 seeded values (k = 3..5)", () => {
    for (const [name, values] of [
      ["y", REF.y],
      ["seeded", REF.seeded],
    ] as const)
      for (const ref of REF.jenks[name]) {
        const r = jenks(values, ref.k);
        expect(r.bins, `${name}, k = ${ref.k}`).toEqual(ref.bins);
        expect(r.sdcm).toBeCloseTo(ref.sdcm, 9);
        expect(r.gvf).toBeCloseTo(ref.gvf, 12);
      }
  });

  it("leaves NaN out and counts it; the order of the input does not matter", () => {
    const r = jenks([93, Number.NaN, ...REF.y.slice(0, 11).reverse()], 3);
    expect(r.bins).toEqual([63.5, 74.1, 93]);
    expect(r.missing).toBe(1);
  });

  it("jenks([1, 1, 2], 3) throws too_few_values (2 distinct values); k = 1 throws invalid_option", () => {
    expect(() => jenks([1, 1, 2], 3)).toThrow(IndicatrixError);
    expect(() => jenks([1, 1, 2], 3)).toThrow(/at least 3 distinct values, got 2/);
    expect(() => jenks([1, 2, 3], 1)).toThrow(/integer of at least 2/);
  });

  test.prop([
    fc.array(fc.integer({ min: 0, max: 100 }), { minLength: 4, maxLength: 11 }),
    fc.integer({ min: 2, max: 4 }),
  ])("its SDCM equals the brute-force minimum over every split (small samples)", (values, k) => {
    fc.pre(new Set(values).size >= k);
    const r = jenks(values, k);
    expect(r.sdcm).toBeCloseTo(bruteSdcm(values, k), 8);
    expect(r.counts.reduce((a, b) => a + b, 0)).toBe(values.length);
  });
});
