import { describe, expect, it } from "vitest";
import { codas } from "../../src/evaluate/codas.js";
import { CASES, checkProperties, close, columnsOf, errorOf, REF } from "./mcdm-b.js";

/** H by the O(m^2) definition (the relative assessment matrix), for comparison with the O(m log m) sums. */
function quadraticH(e: number[], t: number[], tau: number): number[] {
  return e.map((ei, i) =>
    e.reduce((s, ek, k) => s + (ei - ek) + (Math.abs(ei - ek) >= tau ? t[i]! - t[k]! : 0), 0),
  );
}

describe("codas", () => {
  it.each(CASES)(
    "$name: H, E, T and ranks equal compute.py's numpy CODAS, tau 0.02 (and pymcdm 1.4, peers.py) to 1e-9",
    (c) => {
      const r = codas(c.matrix, c.weights, { directions: c.directions });
      const e = c.expected.codas;
      close(r.scores, e.scores);
      close(r.euclidean, e.euclidean);
      close(r.taxicab, e.taxicab);
      expect(r.ranks).toEqual(e.ranks);
    },
  );

  it("Badi, Shetwan & Abdulshahed (2017) supplier example: H = 1.3914, 0.3411, ... as published (4 decimals)", () => {
    const p = REF.published.codas;
    const r = codas(p.matrix, p.weights, { directions: p.directions as ("cost" | "benefit")[] });
    close(r.scores, p.published, 0.00005);
    close(r.scores, p.computed);
  });

  it("the windowed sums equal the O(m^2) relative assessment matrix for tau 0, 0.02, 0.05 and 1 (seeded, with ties)", () => {
    const c = CASES[5]!;
    const x = [...c.matrix, c.matrix[0]!, c.matrix[3]!]; // duplicated rows: tied E
    for (const tau of [0, 0.02, 0.05, 1]) {
      const r = codas(x, c.weights, { directions: c.directions, tau });
      close(r.scores, quadraticH(r.euclidean, r.taxicab, tau), 1e-12);
    }
  });

  it("codas on { columns } equals codas on rows", () => {
    const c = CASES[3]!;
    expect(codas(columnsOf(c.matrix), c.weights, { directions: c.directions })).toEqual(
      codas(c.matrix, c.weights, { directions: c.directions }),
    );
  });

  it("a dominating unit ranks first; permuting units permutes scores and ranks (seeded)", () => {
    checkProperties((x, w, directions) => codas(x, w, { directions }), 600);
  });

  it("refuses a negative tau with invalid_option and a cost value 0 with nonpositive_value", () => {
    expect(errorOf(() => codas([[1], [2]], [1], { tau: -1 }))).toBe("invalid_option @ opts.tau");
    expect(errorOf(() => codas([[1], [0]], [1], { directions: ["cost"] }))).toBe(
      "nonpositive_value @ matrix[1][0]",
    );
  });
});

describe("codas with a target column", () => {
  it("a { target: 50 } column equals the benefit column 1 - |x - 50| / max |x - 50| (moderate formula, docs/methods.md)", () => {
    const c = CASES[2]!;
    const col = c.matrix.map((r) => r[0]!);
    const far = Math.max(...col.map((x) => Math.abs(x - 50)));
    const aligned = c.matrix.map((r) => [1 - Math.abs(r[0]! - 50) / far, ...r.slice(1)]);
    const dirs = [{ target: 50 }, ...c.directions.slice(1)];
    expect(codas(c.matrix, c.weights, { directions: dirs }).scores).toEqual(
      codas(aligned, c.weights, { directions: ["benefit", ...c.directions.slice(1)] }).scores,
    );
  });
});
