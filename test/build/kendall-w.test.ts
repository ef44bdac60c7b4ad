import { readFileSync } from "node:fs";
import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { kendallW } from "../../src/build/kendall-w.js";
import { chiSquareSurvival } from "../../src/internal/chi-square.js";

// References: test/fixtures/delphi/kendall_w.py (scipy 1.17.1 friedmanchisquare, W = chi2 / (m (n - 1)),
// chi2.sf) and kendall_w.R (R 4.2.2 friedman.test, same values in kendall_w_r.txt).
const ref = JSON.parse(readFileSync("test/fixtures/delphi/kendall_w.json", "utf8")) as {
  cases: Record<string, { ratings: number[][]; chi2: number; p: number; w: number; df: number }>;
  chi2_sf: { x: number; df: number; sf: number }[];
};

describe("kendallW", () => {
  for (const [name, c] of Object.entries(ref.cases))
    it(`kendallW(${name}) matches scipy friedmanchisquare (W, chi2, df, p) to 1e-12`, () => {
      const r = kendallW(c.ratings);
      expect(r.w).toBeCloseTo(c.w, 12);
      expect(r.chi2).toBeCloseTo(c.chi2, 10);
      expect(r.df).toBe(c.df);
      expect(Math.abs(r.p - c.p) / c.p).toBeLessThan(1e-10);
    });

  it("kendallW(DOMAIN C2 example): rank sums 25.5, 20.5, 12.5, 24, 7.5, S = 239, ties (6, 12, 6, 6, 24, 6) by hand", () => {
    const r = kendallW(ref.cases.domain_c2!.ratings);
    expect(r.rankSums).toEqual([25.5, 20.5, 12.5, 24, 7.5]);
    expect(r.s).toBe(239);
    expect(r.ties).toEqual([6, 12, 6, 6, 24, 6]);
    // uncorrected W = 12 * 239 / (36 * 120)
    expect(r.wUncorrected).toBeCloseTo((12 * 239) / (36 * 120), 14);
  });

  it("kendallW drops an expert with a missing rating (listwise) and reports the row", () => {
    const rows = ref.cases.domain_c2!.ratings.map((r) => [...r]) as (number | null)[][];
    rows.push([1, null, 3, 4, 5]);
    const r = kendallW(rows);
    expect(r.dropped).toEqual([6]);
    expect(r.w).toBeCloseTo(ref.cases.domain_c2!.w, 12);
  });

  it("kendallW is NaN when every expert ties every indicator, or with one expert", () => {
    expect(
      kendallW([
        [3, 3, 3],
        [2, 2, 2],
      ]).w,
    ).toBeNaN();
    expect(kendallW([[1, 2, 3]]).w).toBeNaN();
  });

  it("kendallW rejects a ragged matrix and a non-number, naming the row", () => {
    expect(() => kendallW([[1, 2], [1]])).toThrow(/ratings\[1\]/);
    expect(() =>
      kendallW([
        [1, 2],
        [1, "x" as unknown as number],
      ]),
    ).toThrow(/ratings\[1\]\[1\]/);
  });

  const matrix = fc.tuple(fc.integer({ min: 2, max: 8 }), fc.integer({ min: 2, max: 7 })).chain(([m, n]) =>
    fc.array(fc.array(fc.integer({ min: 1, max: 5 }), { minLength: n, maxLength: n }), {
      minLength: m,
      maxLength: m,
    }),
  );

  test.prop([matrix])("W is in [0, 1] (or NaN when all ratings tie)", (x) => {
    const w = kendallW(x).w;
    if (!Number.isNaN(w)) {
      expect(w).toBeGreaterThanOrEqual(0);
      expect(w).toBeLessThanOrEqual(1);
    }
  });

  test.prop([
    fc.array(fc.integer({ min: 1, max: 9 }), { minLength: 2, maxLength: 8 }),
    fc.integer({ min: 2, max: 8 }),
  ])("W = 1 when every expert gives the same ratings (not all equal)", (row, m) => {
    fc.pre(new Set(row).size > 1);
    expect(kendallW(Array.from({ length: m }, () => row)).w).toBeCloseTo(1, 12);
  });

  test.prop([matrix, fc.integer(), fc.integer()])(
    "permuting experts changes nothing; permuting indicators permutes only the rank sums",
    (x, s1, s2) => {
      const base = kendallW(x);
      const rot = (k: number, len: number) => ((k % len) + len) % len;
      const e = rot(s1, x.length);
      const experts = [...x.slice(e), ...x.slice(0, e)];
      const n = x[0]!.length;
      const j = rot(s2, n);
      const perm = (row: number[]) => [...row.slice(j), ...row.slice(0, j)];
      const a = kendallW(experts);
      const b = kendallW(x.map(perm));
      for (const r of [a, b]) {
        if (Number.isNaN(base.w)) expect(r.w).toBeNaN();
        else expect(r.w).toBeCloseTo(base.w, 12);
      }
      expect(b.rankSums).toEqual(perm(base.rankSums));
    },
  );
});

describe("chiSquareSurvival (internal)", () => {
  it("matches scipy chi2.sf to 1e-12 relative", () => {
    for (const c of ref.chi2_sf)
      expect(Math.abs(chiSquareSurvival(c.x, c.df) - c.sf) / c.sf).toBeLessThan(1e-11);
  });
});
