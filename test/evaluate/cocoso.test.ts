import { describe, expect, it } from "vitest";
import { cocoso } from "../../src/evaluate/cocoso.js";
import { CASES, checkProperties, close, columnsOf, errorOf, REF } from "./mcdm-b.js";

describe("cocoso", () => {
  it.each(CASES)(
    "$name: k, S, P, k_a, k_b, k_c and ranks equal compute.py's numpy CoCoSo (and pymcdm 1.4, peers.py) to 1e-9",
    (c) => {
      const r = cocoso(c.matrix, c.weights, { directions: c.directions });
      const e = c.expected.cocoso;
      close(r.scores, e.scores);
      close(r.s, e.s);
      close(r.p, e.p);
      close(r.ka, e.ka);
      close(r.kb, e.kb);
      close(r.kc, e.kc);
      expect(r.ranks).toEqual(e.ranks);
    },
  );

  it("Yazdani et al. (2019) robot selection: k = 2.041, 2.788, 2.882, ... as published (3 decimals)", () => {
    const p = REF.published.cocoso;
    const r = cocoso(p.matrix, p.weights, { directions: p.directions as ("cost" | "benefit")[] });
    close(r.scores, p.published, 0.0005);
    close(r.scores, p.computed);
  });

  it("cocoso on { columns } equals cocoso on rows; lambda is recorded", () => {
    const c = CASES[5]!;
    const r = cocoso(c.matrix, c.weights, { directions: c.directions, lambda: 0.3 });
    expect(cocoso(columnsOf(c.matrix), c.weights, { directions: c.directions, lambda: 0.3 })).toEqual(r);
    expect(r.options.lambda).toBe(0.3);
  });

  it("a dominating unit ranks first; permuting units permutes scores and ranks (seeded)", () => {
    checkProperties((x, w, directions) => cocoso(x, w, { directions }), 500);
  });

  it("refuses a unit worst on every column (k_b divides by 0) and lambda outside [0, 1]", () => {
    expect(
      errorOf(() =>
        cocoso(
          [
            [1, 1],
            [2, 2],
            [3, 1],
          ],
          [0.5, 0.5],
        ),
      ),
    ).toBe("nonpositive_value @ matrix row 0");
    expect(errorOf(() => cocoso([[1], [2]], [1], { lambda: 2 }))).toBe("invalid_option @ opts.lambda");
  });
});
