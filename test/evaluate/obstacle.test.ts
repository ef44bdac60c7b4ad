import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { obstacleDegree } from "../../src/evaluate/obstacle.js";
import { errorOf } from "../helpers/errors.js";
import { columns, EXPECTED, expectClose, W_STAR, Z } from "./golden.js";

// numpy 2.4: O = 100 * w*(1 - Z) / sum_j w*(1 - Z) on the five-communities Z and w*
// (test/fixtures/five-communities/compute.py).
const REF = EXPECTED.obstacle;

describe("obstacleDegree", () => {
  it("obstacleDegree(Z, w*) row 1 is [45.33 26.31 25.42 2.94] to 2 decimals; all rows match numpy", () => {
    const r = obstacleDegree(Z, W_STAR);
    expectClose(r.degrees[0] as number[], REF.degrees[0] as number[], 0.005);
    r.degrees.forEach((row, i) => {
      expectClose(row, REF.degrees[i] as number[], 1e-7);
    });
    expectClose(r.deviations[0] as number[], [0.8125, 8 / 19, 2 / 3, 0.1], 1e-15);
  });

  it("groups sum their indicators' degrees; top lists the largest non-zero obstacles", () => {
    const r = obstacleDegree(Z, W_STAR, { groups: { A: [0, 1], B: [2, 3] }, top: 3 });
    expectClose(r.groups.A as number[], REF.groupI1I2, 1e-7);
    expectClose(r.groups.B as number[], REF.groupI3I4, 1e-7);
    expect(r.top[0]?.map((e) => e.index)).toEqual([0, 1, 2]);
    expect(r.top[3]?.map((e) => e.index)).toEqual([1, 3]); // unit 4 has no gap on indicators 0 and 2
    expect(r.top[3]?.[0]?.degree).toBeCloseTo(REF.degrees[3]?.[1] as number, 7);
  });

  it("a unit with every z = 1 gets zeros and is flagged atIdeal, never NaN", () => {
    const r = obstacleDegree(
      [
        [1, 1, 1],
        [0.5, 1, 0],
      ],
      [0.5, 0.25, 0.25],
    );
    expect(r.degrees[0]).toEqual([0, 0, 0]);
    expect(r.atIdeal).toEqual([true, false]);
    expect(r.top[0]).toEqual([]);
    expect(r.degrees[1]).toEqual([50, 0, 50]);
  });

  it("accepts columns and a single unit; weights need not sum to 1", () => {
    expect(obstacleDegree(columns(Z), W_STAR).degrees).toEqual(obstacleDegree(Z, W_STAR).degrees);
    expect(obstacleDegree([[0.5, 0]], [2, 2]).degrees[0]).toEqual([100 / 3, 200 / 3]);
  });

  it("rejects z outside [0, 1], bad weights and bad groups, naming the place", () => {
    expect(errorOf(() => obstacleDegree([[0.5, 1.2]], [1, 1]))).toBe("value_out_of_range @ z[0][1]");
    expect(errorOf(() => obstacleDegree([[0.5, -0.1]], [1, 1]))).toBe("value_out_of_range @ z[0][1]");
    expect(errorOf(() => obstacleDegree(Z, [1, 1]))).toBe("invalid_weights @ weights");
    expect(errorOf(() => obstacleDegree(Z, W_STAR, { groups: { A: [0, 9] } }))).toBe(
      "invalid_option @ opts.groups.A[1]",
    );
    expect(errorOf(() => obstacleDegree(Z, W_STAR, { groups: { A: [0, 1], B: [1] } }))).toBe(
      "invalid_option @ opts.groups.B[0]",
    );
    expect(errorOf(() => obstacleDegree(Z, W_STAR, { top: -1 }))).toBe("invalid_option @ opts.top");
  });

  test.prop(
    [
      fc.array(fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 5, maxLength: 5 }), {
        minLength: 1,
        maxLength: 8,
      }),
      fc.array(fc.double({ min: 0.001, max: 1, noNaN: true }), { minLength: 5, maxLength: 5 }),
    ],
    { seed: 42, numRuns: 300 },
  )("each unit's obstacle degrees sum to 100 (or are all 0 at the ideal)", (z, w) => {
    const r = obstacleDegree(z, w);
    r.degrees.forEach((row, i) => {
      const sum = row.reduce((s, v) => s + v, 0);
      if (r.atIdeal[i]) expect(sum).toBe(0);
      else expect(sum).toBeCloseTo(100, 9);
    });
  });
});
