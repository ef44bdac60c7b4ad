import { readFileSync } from "node:fs";
import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { delphi } from "../../src/build/delphi.js";
import type { BasisLevel, DelphiRound, FamiliarityLevel } from "../../src/build/delphi-types.js";
import { IndicatrixError } from "../../src/internal/errors.js";

// Reference: test/fixtures/delphi/delphi_c2.py (numpy; its output delphi_c2.json), and for W and p
// kendall_w.json (scipy friedmanchisquare) and kendall_w_r.txt (R friedman.test).
const c2 = JSON.parse(readFileSync("test/fixtures/delphi/delphi_c2.json", "utf8"));
const kw = JSON.parse(readFileSync("test/fixtures/delphi/kendall_w.json", "utf8")).cases.domain_c2;
const level: Record<string, BasisLevel> = { H: "high", M: "medium", L: "low" };
const round: DelphiRound = Object.freeze({
  indicators: ["x1", "x2", "x3", "x4", "x5"],
  ratings: c2.ratings,
  sent: c2.sent,
  authority: (c2.levels as string[]).map((s, e) => ({
    basis: {
      theory: level[s[0]!]!,
      practice: level[s[1]!]!,
      literature: level[s[2]!]!,
      intuition: level[s[3]!]!,
    },
    familiarity: c2.familiarity[e] as FamiliarityLevel,
  })),
});
const close = (a: readonly number[], b: readonly number[], digits = 12) => {
  expect(a.length).toBe(b.length);
  a.forEach((x, i) => {
    expect(x).toBeCloseTo(b[i]!, digits);
  });
};

describe("delphi", () => {
  const r = delphi(round, { scaleMax: 5 }).rounds[0]!;

  it("delphi(C2 example): positive coefficient 6 / 8 and authority Ca, Cs, Cr per expert and panel as numpy", () => {
    expect(r.returned).toBe(6);
    expect(r.positiveCoefficient).toBe(0.75);
    close(
      r.authority!.experts.map((a) => a.ca),
      c2.ca,
    );
    close(
      r.authority!.experts.map((a) => a.cr),
      c2.cr,
    );
    close([r.authority!.ca, r.authority!.cs, r.authority!.cr], c2.panel);
  });

  it("delphi(C2 example): mean, SD (ddof 1), CV, full-score frequency, quartiles (type 7), authority mean as numpy", () => {
    close(
      r.stats.map((s) => s.mean),
      c2.mean,
    );
    close(
      r.stats.map((s) => s.sd),
      c2.sd,
    );
    close(
      r.stats.map((s) => s.cv),
      c2.cv,
    );
    close(
      r.stats.map((s) => s.fullScore),
      c2.fullScore,
    );
    close(
      r.stats.map((s) => s.q1),
      c2.q1,
    );
    close(
      r.stats.map((s) => s.median),
      c2.median,
    );
    close(
      r.stats.map((s) => s.q3),
      c2.q3,
    );
    close(
      r.stats.map((s) => s.authorityMean),
      c2.authorityMean,
    );
    const sd0 = delphi(round, { scaleMax: 5, ddof: 0 }).rounds[0]!.stats.map((s) => s.sd);
    close(sd0, c2.sd0);
  });

  it("delphi(C2 example): Kendall's W, chi2, df, p as scipy friedmanchisquare", () => {
    expect(r.kendall.w).toBeCloseTo(kw.w, 12);
    expect(r.kendall.chi2).toBeCloseTo(kw.chi2, 10);
    expect(r.kendall.df).toBe(4);
    expect(r.kendall.p).toBeCloseTo(kw.p, 13);
  });

  it("delphi(C2 example): cut-offs (ddof 1 and 0), x5 fails mean and CV, weights over x1-x4 as numpy", () => {
    expect(r.cutoffs.mean).toBeCloseTo(c2.cutoffs.mean, 12);
    expect(r.cutoffs.fullScore).toBeCloseTo(c2.cutoffs.fullScore, 12);
    expect(r.cutoffs.cv).toBeCloseTo(c2.cutoffs.cv, 12);
    expect(r.verdicts.map((v) => v.verdict)).toEqual(
      (c2.keep_cutoff as boolean[]).map((k) => (k ? "keep" : "drop")),
    );
    expect(r.verdicts[4]!.failures.map((f) => f.criterion)).toEqual(["mean", "cv"]);
    expect(r.verdicts[4]!.reason).toBe("cutoff: mean 2.1667 < 2.6032; cv 0.3474 > 0.2921");
    close(Object.values(r.weights), c2.weights_kept);
    expect(Object.keys(r.weights)).toEqual(["x1", "x2", "x3", "x4"]);
    const r0 = delphi(round, { scaleMax: 5, cutoffDdof: 0 }).rounds[0]!;
    expect(r0.cutoffs.mean).toBeCloseTo(c2.cutoffs_ddof0.mean, 12);
    expect(r0.cutoffs.cv).toBeCloseTo(c2.cutoffs_ddof0.cv, 12);
  });

  it('delphi(C2, rule "fixed") keeps x1, x2, x4 (M >= 3.5, CV <= 0.25); "both" drops x3 and x5; "all" makes x5 a review', () => {
    const fixed = delphi(round, { scaleMax: 5, rule: "fixed" }).rounds[0]!;
    expect(fixed.verdicts.map((v) => v.verdict !== "drop")).toEqual(c2.keep_fixed);
    expect(fixed.verdicts[2]!.reason).toBe("fixed: mean 3 < 3.5");
    const both = delphi(round, { scaleMax: 5, rule: "both" }).rounds[0]!;
    expect(both.verdicts.map((v) => v.verdict)).toEqual(["keep", "keep", "drop", "keep", "drop"]);
    const all = delphi(round, { scaleMax: 5, cutoffDrop: "all" }).rounds[0]!;
    expect(all.verdicts[4]!.verdict).toBe("review");
  });

  it("delphi over two rounds reports the change of each indicator and of W", () => {
    const second: DelphiRound = {
      indicators: ["x1", "x2", "x4"],
      ratings: [
        [5, 4, 5],
        [5, 4, 4],
        [5, 4, 5],
      ],
    };
    const res = delphi([round, second], { scaleMax: 5 });
    const two = res.rounds[1]!;
    expect(two.change.map((c) => c.id)).toEqual(["x1", "x2", "x4"]);
    expect(two.change[0]!.mean).toBeCloseTo(5 - c2.mean[0], 12);
    expect(two.change[0]!.fullScore).toBeCloseTo(1 - c2.fullScore[0], 12);
    expect(two.wChange).toBeCloseTo(two.kendall.w - kw.w, 12);
    expect(res.rounds[0]!.wChange).toBeNaN();
    expect(two.positiveCoefficient).toBeNaN();
  });

  it("delphi computes W per dimension and warns when an expert with a gap is left out of W", () => {
    const ratings = [...c2.ratings, [5, null, 4, 4, 3]];
    const res = delphi(
      { indicators: round.indicators, ratings },
      { scaleMax: 5, dimensions: { A: ["x1", "x2"], B: ["x3", "x4", "x5"] } },
    ).rounds[0]!;
    expect(res.kendall.dropped).toEqual([6]);
    expect(res.warnings[0]).toMatch(/leaves out 1 expert.*E7/);
    expect(res.stats[1]!.rated).toBe(6);
    expect(res.stats[1]!.responseRate).toBeCloseTo(6 / 7, 14);
    expect(Object.keys(res.dimensions)).toEqual(["A", "B"]);
    expect(res.dimensions.A!.n).toBe(2);
    expect(res.dimensions.A!.m).toBe(6); // E7 did not rate x2
    expect(res.dimensions.B!.m).toBe(7); // but rated every indicator of B
  });

  it("delphi rejects a rating outside the scale naming round, expert and indicator", () => {
    try {
      delphi(
        {
          indicators: ["a", "b"],
          experts: ["Li", "Wang"],
          ratings: [
            [5, 4],
            [6, 3],
          ],
        },
        { scaleMax: 5 },
      );
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(IndicatrixError);
      expect((e as IndicatrixError).code).toBe("value_out_of_range");
      expect((e as IndicatrixError).path).toEqual(["rounds", 0, "ratings", 1, 0]);
      expect((e as IndicatrixError).message).toMatch(/expert "Wang", indicator "a"/);
    }
    expect(() => delphi(round, { scaleMax: Number.NaN })).toThrow(/scaleMax/);
    expect(() => delphi({ ...round, sent: 3 }, { scaleMax: 5 })).toThrow(/sent/);
  });

  it('delphi with fullScore "observed" counts the highest rating found (SPSSAU)', () => {
    const res = delphi(
      {
        indicators: ["a", "b"],
        ratings: [
          [4, 3],
          [4, 4],
          [3, 2],
        ],
      },
      { scaleMax: 5, fullScore: "observed" },
    );
    expect(res.rounds[0]!.stats.map((s) => s.fullScore)).toEqual([2 / 3, 1 / 3]);
  });

  test.prop([fc.integer({ min: 0, max: 5 }), fc.integer({ min: 0, max: 4 })])(
    "permuting experts or indicators changes the statistics only in order",
    (e, j) => {
      const rows = c2.ratings as number[][];
      const er = [...rows.slice(e), ...rows.slice(0, e)];
      const perm = <T>(xs: readonly T[]) => [...xs.slice(j), ...xs.slice(0, j)];
      const base = delphi(round, { scaleMax: 5 }).rounds[0]!;
      const p = delphi({ indicators: perm(round.indicators), ratings: er.map(perm) }, { scaleMax: 5 })
        .rounds[0]!;
      expect(p.kendall.w).toBeCloseTo(base.kendall.w, 12);
      for (const s of p.stats) {
        const b = base.stats.find((x) => x.id === s.id)!;
        expect(s.mean).toBeCloseTo(b.mean, 12);
        expect(s.cv).toBeCloseTo(b.cv, 12);
        expect(s.rankSum).toBeCloseTo(b.rankSum, 12);
      }
      expect(p.verdicts.find((v) => v.id === "x5")!.verdict).toBe("drop");
    },
  );
});
