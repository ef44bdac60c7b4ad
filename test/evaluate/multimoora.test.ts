import { describe, expect, it } from "vitest";
import { multimoora } from "../../src/evaluate/multimoora.js";
import { CASES, checkProperties, close, columnsOf, errorOf } from "./mcdm-b.js";

describe("multimoora", () => {
  it.each(CASES)(
    "$name: the three parts, their ranks and the dominance ranking equal compute.py's numpy MULTIMOORA to 1e-9",
    (c) => {
      const r = multimoora(c.matrix, c.weights, { directions: c.directions });
      const e = c.expected.multimoora;
      close(r.ratioSystem, e.ratioSystem);
      close(r.referencePoint, e.referencePoint);
      close(r.multiplicative, e.multiplicative);
      expect(r.ratioRanks).toEqual(e.ratioRanks);
      expect(r.referenceRanks).toEqual(e.referenceRanks);
      expect(r.multiplicativeRanks).toEqual(e.multiplicativeRanks);
      expect(r.scores).toEqual(e.dominanceScore);
      expect(r.ranks).toEqual(e.ranks);
    },
  );

  it.each(CASES)(
    "$name: multiplicativeWeights none equals compute.py's unweighted form (pyDecision's FMF up to its max-scaling, peers.py)",
    (c) => {
      const r = multimoora(c.matrix, c.weights, { directions: c.directions, multiplicativeWeights: "none" });
      const e = c.expected.multimooraUnweightedFmf;
      close(r.multiplicative, e.multiplicative);
      expect(r.ranks).toEqual(e.ranks);
    },
  );

  it("combination borda sums the Borda points of the three rankings", () => {
    const c = CASES[3]!;
    const d = multimoora(c.matrix, c.weights, { directions: c.directions });
    const b = multimoora(c.matrix, c.weights, { directions: c.directions, combination: "borda" });
    const m = c.matrix.length;
    expect(b.scores).toEqual(
      d.ratioRanks.map((r, i) => 3 * m - r - d.referenceRanks[i]! - d.multiplicativeRanks[i]!),
    );
  });

  it("multimoora on { columns } equals multimoora on rows", () => {
    const c = CASES[4]!;
    expect(multimoora(columnsOf(c.matrix), c.weights, { directions: c.directions })).toEqual(
      multimoora(c.matrix, c.weights, { directions: c.directions }),
    );
  });

  it("a dominating unit ranks first; permuting units permutes the results (seeded)", () => {
    checkProperties((x, w, directions) => multimoora(x, w, { directions }), 300);
  });

  it("refuses dominance above LIMITS.maxDominanceUnits with too_many_units, and a cost value <= 0", () => {
    const big = { columns: [new Float64Array(10_001).fill(1)] };
    expect(errorOf(() => multimoora(big, [1]))).toBe("too_many_units @ matrix");
    expect(multimoora(big, [1], { combination: "borda" }).ranks[0]).toBe(1);
    expect(errorOf(() => multimoora([[1], [0]], [1], { directions: ["cost"] }))).toBe(
      "nonpositive_value @ matrix[1][0]",
    );
  });
});
