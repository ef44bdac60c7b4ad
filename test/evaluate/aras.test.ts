import { describe, expect, it } from "vitest";
import { aras } from "../../src/evaluate/aras.js";
import { CASES, checkProperties, close, columnsOf, errorOf, REF } from "./mcdm-b.js";

describe("aras", () => {
  it.each(CASES)(
    "$name: utility degrees K, optimality S and ranks equal compute.py's numpy ARAS (and pymcdm 1.4, peers.py) to 1e-9",
    (c) => {
      const r = aras(c.matrix, c.weights, { directions: c.directions });
      const e = c.expected.aras;
      close(r.scores, e.scores);
      close(r.optimality, e.optimality);
      close([r.optimalityBest], [e.optimalityBest]);
      expect(r.ranks).toEqual(e.ranks);
    },
  );

  it("Stanujkic, Djordjevic & Karabasevic (2015) example: K = 0.74, 0.86, 0.78, 0.86 as published (2 decimals)", () => {
    const p = REF.published.aras;
    const r = aras(p.matrix, p.weights);
    close(r.scores, p.published, 0.005);
    close(r.scores, p.computed);
  });

  it("a given optimal alternative x_0 replaces the column best: K = S / S_0 by hand", () => {
    // x_0 = (4, 1): column 0 sums 2 + 1 + 4 = 7, column 1 (cost) sums 1 + 1/2 + 1 = 2.5
    const r = aras(
      [
        [2, 1],
        [1, 2],
      ],
      [0.5, 0.5],
      { directions: ["benefit", "cost"], optimal: [4, 1] },
    );
    const s0 = 0.5 * (4 / 7) + 0.5 * (1 / 2.5);
    close(
      r.scores,
      [(0.5 * (2 / 7) + 0.5 * (1 / 2.5)) / s0, (0.5 * (1 / 7) + 0.5 * (0.5 / 2.5)) / s0],
      1e-14,
    );
    expect(r.options.optimal).toBe("given");
  });

  it("aras on { columns } equals aras on rows", () => {
    const c = CASES[0]!;
    expect(aras(columnsOf(c.matrix), c.weights, { directions: c.directions })).toEqual(
      aras(c.matrix, c.weights, { directions: c.directions }),
    );
  });

  it("a dominating unit ranks first; permuting units permutes scores and ranks (seeded)", () => {
    checkProperties((x, w, directions) => aras(x, w, { directions }), 400);
  });

  it("refuses a cost value <= 0 (nonpositive_value) and an optimal point of the wrong length (invalid_option)", () => {
    expect(
      errorOf(() =>
        aras(
          [
            [1, -1],
            [2, 1],
          ],
          [0.5, 0.5],
          { directions: ["benefit", "cost"] },
        ),
      ),
    ).toBe("nonpositive_value @ matrix[0][1]");
    expect(errorOf(() => aras([[1], [2]], [1], { optimal: [1, 2] }))).toBe("invalid_option @ opts.optimal");
  });
});
