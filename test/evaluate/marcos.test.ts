import { describe, expect, it } from "vitest";
import { marcos } from "../../src/evaluate/marcos.js";
import { CASES, checkProperties, close, columnsOf, errorOf, REF } from "./mcdm-b.js";

describe("marcos", () => {
  it.each(CASES)(
    "$name: scores, K-, K+, f(K-), f(K+) and ranks equal compute.py's numpy MARCOS (and pymcdm 1.4, peers.py) to 1e-9",
    (c) => {
      const r = marcos(c.matrix, c.weights, { directions: c.directions });
      const e = c.expected.marcos;
      close(r.scores, e.scores);
      close(r.kMinus, e.kMinus);
      close(r.kPlus, e.kPlus);
      close(r.fMinus, e.fMinus);
      close(r.fPlus, e.fPlus);
      expect(r.ranks).toEqual(e.ranks);
    },
  );

  it("Ulutaş et al. (2020) stacker example: f(K) = 0.5649, 0.5543, ... as published (4 decimals)", () => {
    const p = REF.published.marcos;
    const r = marcos(p.matrix, p.weights, { directions: p.directions as ("cost" | "benefit")[] });
    close(r.scores, p.published, 0.00005 / 0.6543);
    close(r.scores, p.computed);
  });

  it("marcos on { columns } equals marcos on rows", () => {
    const c = CASES[2]!;
    expect(marcos(columnsOf(c.matrix), c.weights, { directions: c.directions })).toEqual(
      marcos(c.matrix, c.weights, { directions: c.directions }),
    );
  });

  it("a dominating unit ranks first; permuting units permutes scores and ranks (seeded)", () => {
    checkProperties((x, w, directions) => marcos(x, w, { directions }), 100);
  });

  it("refuses a cost value <= 0 and an all-zero anti-ideal row with nonpositive_value", () => {
    expect(
      errorOf(() =>
        marcos(
          [
            [1, 0],
            [2, 1],
          ],
          [0.5, 0.5],
          { directions: ["benefit", "cost"] },
        ),
      ),
    ).toBe("nonpositive_value @ matrix[0][1]");
    expect(
      errorOf(() =>
        marcos(
          [
            [0, 1],
            [1, 0],
          ],
          [0.5, 0.5],
        ),
      ),
    ).toBe("nonpositive_value @ matrix");
    expect(errorOf(() => marcos([[1, 2]], [0.5, 0.5]))).toBe("too_few_units @ matrix");
  });
});
