import { describe, expect, it } from "vitest";
import { rankAgreement, weightedSpearman, wsCoefficient } from "../../src/analysis/rank-similarity.js";
import { borda } from "../../src/evaluate/borda.js";
import { copeland } from "../../src/evaluate/copeland.js";
import { CASES, close, errorOf, seededMatrix } from "./mcdm-b.js";

const rankingsOf = (c: (typeof CASES)[number]): number[][] => {
  const e = c.expected;
  return [e.marcos.ranks, e.aras.ranks, e.cocoso.ranks, e.codas.ranks, e.moora.ratioRanks];
};

describe("borda and copeland over the rankings of five methods", () => {
  it.each(CASES)("$name: Borda points and ranks, Copeland scores and ranks equal compute.py", (c) => {
    const r = rankingsOf(c);
    const b = borda(r);
    expect(b.points).toEqual(c.expected.combined.borda.points);
    expect(b.ranks).toEqual(c.expected.combined.borda.ranks);
    const k = copeland(r);
    expect(k.scores).toEqual(c.expected.combined.copeland.scores);
    expect(k.ranks).toEqual(c.expected.combined.copeland.ranks);
    expect(k.wins.map((w, i) => w - k.losses[i]!)).toEqual(k.scores);
  });

  it("borda and copeland of identical rankings are that ranking (seeded rankings)", () => {
    for (const seed of [1, 2, 3]) {
      const scores = seededMatrix(9, 1, seed).map((row) => row[0]!);
      const ranking = scores.map((s) => 1 + scores.filter((t) => t > s).length);
      expect(borda([ranking, ranking, ranking]).ranks).toEqual(ranking);
      expect(copeland([ranking, ranking]).ranks).toEqual(ranking);
    }
  });

  it("copeland: a pair split evenly is a draw (two rankings that disagree on every pair give all 0)", () => {
    expect(
      copeland([
        [1, 2, 3],
        [3, 2, 1],
      ]).scores,
    ).toEqual([0, 0, 0]);
  });

  it("refuses rankings of different lengths and non-finite ranks with invalid_option", () => {
    expect(errorOf(() => borda([[1, 2], [1]]))).toBe("invalid_option @ rankings[1]");
    expect(errorOf(() => copeland([[1, Number.NaN]]))).toBe("invalid_option @ rankings[0][1]");
    expect(errorOf(() => borda([]))).toBe("invalid_option @ rankings");
  });
});

describe("rank agreement: spearman, kendall, weightedSpearman (r_w) and wsCoefficient (WS)", () => {
  it.each(CASES)(
    "$name: the 5 x 5 matrices equal compute.py (scipy spearmanr, kendalltau; r_w and WS as pymcdm, peers.py)",
    (c) => {
      const a = rankAgreement(rankingsOf(c), c.expected.combined.methods);
      const e = c.expected.combined.agreement;
      for (const key of ["spearman", "kendall", "weightedSpearman", "ws"] as const)
        a[key].forEach((row, i) => {
          close(row, e[key][i]!, 1e-12);
        });
      expect(a.names).toEqual(c.expected.combined.methods);
    },
  );

  it("r_w and WS equal 1 for identical rankings; WS penalizes a swap at the top more than at the bottom", () => {
    for (const n of [2, 5, 10]) {
      const r = Array.from({ length: n }, (_, i) => i + 1);
      expect(weightedSpearman(r, r)).toBe(1);
      expect(wsCoefficient(r, r)).toBe(1);
    }
    const top = wsCoefficient([1, 2, 3, 4, 5], [2, 1, 3, 4, 5]);
    const bottom = wsCoefficient([1, 2, 3, 4, 5], [1, 2, 3, 5, 4]);
    expect(top).toBeLessThan(bottom);
    // hand values: r_w = 1 - 6 * 14 / 300 and WS = 1 - (1/2 * 1/2 + 1/4 * 1/1)
    expect(weightedSpearman([1, 2, 3, 4], [2, 1, 3, 4])).toBeCloseTo(0.72, 15);
    expect(wsCoefficient([1, 2, 3], [2, 1, 3])).toBe(0.5);
  });

  it("refuses rankings of different lengths with invalid_option", () => {
    expect(errorOf(() => weightedSpearman([1, 2], [1, 2, 3]))).toBe("invalid_option @ weightedSpearman");
    expect(errorOf(() => rankAgreement([[1, 2], [1]]))).toBe("invalid_option @ rankings[1]");
  });
});
