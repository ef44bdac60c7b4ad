import { describe, expect, it } from "vitest";
import { ahp } from "../../src/weighting/ahp.js";
import { ahpRepairAdvice } from "../../src/weighting/repair.js";
import { CYCLIC, EXPECTED } from "../fixtures/ahp/index.js";
import { consistentMatrix, errorOf, frozen } from "./helpers.js";

describe("ahpRepairAdvice", () => {
  it("a consistent 4x4 matrix with a_03 flipped from 8 to 1/8: the first entry is (0, 3), best 8 with CR 0", () => {
    const m = consistentMatrix([8, 4, 2, 1]);
    (m[0] as number[])[3] = 1 / 8;
    (m[3] as number[])[0] = 8;
    expect(ahp(m).consistent).toBe(false);
    const [best] = ahpRepairAdvice(frozen(m));
    expect(best?.i).toBe(0);
    expect(best?.j).toBe(3);
    expect(best?.best).toBe(8);
    expect(best?.crBest).toBeCloseTo(0, 10);
    // The smallest change that repairs it: 2 is the scale value nearest 1/8 with CR < 0.1 (1 does not fix it).
    expect(best?.suggested).toBe(2);
    expect(best?.fixes).toBe(true);
    const r = m.map((row) => [...row]);
    (r[0] as number[])[3] = 1;
    (r[3] as number[])[0] = 1;
    expect(ahp(r).cr).toBeGreaterThanOrEqual(0.1);
  });

  it("each suggestion's crAfter equals ahp's CR of the repaired matrix (cyclic 3x3 of test/fixtures/ahp)", () => {
    const m = CYCLIC;
    const advice = ahpRepairAdvice(m);
    expect(advice.length).toBeGreaterThan(0);
    for (const a of advice) {
      const r = m.map((row) => [...row]);
      (r[a.i] as number[])[a.j] = a.suggested;
      (r[a.j] as number[])[a.i] = 1 / a.suggested;
      expect(ahp(r).cr).toBeCloseTo(a.crAfter, 12);
      expect(a.crBefore).toBeCloseTo(EXPECTED.cyclic3.eigenvector.cr.saaty, 3); // 1.149 (compute.py)
    }
    for (let k = 1; k < advice.length; k++)
      expect((advice[k] as { crBest: number }).crBest).toBeGreaterThanOrEqual(
        (advice[k - 1] as { crBest: number }).crBest,
      );
    // The suggestion is the fixing value nearest the current 3: 1/4 fixes (CR 0.063), 1/3 does not.
    expect(advice[0]?.suggested).toBe(0.25);
  });

  it("returns [] for a consistent matrix and for order <= 2", () => {
    expect(ahpRepairAdvice(consistentMatrix([3, 2, 1]))).toEqual([]);
    expect(
      ahpRepairAdvice([
        [1, 9],
        [1 / 9, 1],
      ]),
    ).toEqual([]);
  });

  it("limit and custom candidates", () => {
    const m = [
      [1, 3, 1 / 3],
      [1 / 3, 1, 3],
      [3, 1 / 3, 1],
    ];
    expect(ahpRepairAdvice(m, { limit: 1 })).toHaveLength(1);
    const only = ahpRepairAdvice(m, { candidates: [1] });
    expect(only.every((a) => a.suggested === 1)).toBe(true);
  });

  it("skips missing judgments of an incomplete matrix", () => {
    const m = [
      [1, 5, 1 / 5, null],
      [1 / 5, 1, 5, 1],
      [5, 1 / 5, 1, 1],
      [null, 1, 1, 1],
    ];
    const advice = ahpRepairAdvice(m);
    expect(advice.some((a) => a.i === 0 && a.j === 3)).toBe(false);
    expect(advice.length).toBeGreaterThan(0);
  });

  it.each([
    [{ candidates: [] }, "invalid_option @ opts.candidates"],
    [{ candidates: [0] }, "invalid_option @ opts.candidates[0]"],
    [{ limit: -1 }, "invalid_option @ opts.limit"],
  ])("bad options %j", (opts, expected) => {
    expect(
      errorOf(() =>
        ahpRepairAdvice(
          [
            [1, 3, 1 / 3],
            [1 / 3, 1, 3],
            [3, 1 / 3, 1],
          ],
          opts as never,
        ),
      ),
    ).toBe(expected);
  });
  it("invalid matrix errors as ahp", () => {
    expect(
      errorOf(() =>
        ahpRepairAdvice([
          [1, 2],
          [2, 1],
        ]),
      ),
    ).toBe("not_reciprocal @ matrix[1][0]");
  });
});
