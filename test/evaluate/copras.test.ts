import { test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { copras } from "../../src/evaluate/copras.js";
import { CASES, checkProperties, cols, DOCS, expectRel, problem } from "./mcdm-cases.js";

// Reference: test/fixtures/mcdm/compute.py (numpy, Zavadskas, Kaklauskas & Šarka 1994, the standard Q);
// N equal to pyDecision 4.9.1 within 3.4e-16 by `compute.py --peers`. pymcdm 1.4.0 computes
// Q = S+ + S- (DOMAIN C9.5) and is not followed.
describe("copras against test/fixtures/mcdm (numpy from the paper; pyDecision agrees)", () => {
  it.each(CASES.map((c) => [c.name, c] as const))(
    "copras(%s) gives the S+, S-, Q and N of compute.py",
    (_n, c) => {
      const r = copras(c.x, c.w, { directions: c.types });
      expectRel(r.sPlus, c.copras.Splus);
      expectRel(r.sMinus, c.copras.Sminus);
      expectRel(r.Q, c.copras.Q);
      expectRel(r.scores, c.copras.N);
    },
  );

  it("copras on DOMAIN C9's worked example gives N = (0.873441103525, 0.787679024665, 1, 0.847097719829, 0.884951162858)", () => {
    const c = CASES[0]!;
    const r = copras(c.x, c.w, { directions: c.types });
    expectRel(r.scores, [0.873441103525, 0.787679024665, 1, 0.847097719829, 0.884951162858], 1e-11);
    expectRel(r.sMinus, [0.07, 0.056, 0.084, 0.077, 0.063]);
    expect(r.ranks).toEqual([3, 5, 1, 4, 2]);
  });

  it("copras on pymcdm 1.4.0's docstring example differs from the printed N, which is (S+ + S-) / max (its Q formula since 2024)", () => {
    const d = DOCS.copras;
    const r = copras(d.x, d.w, { directions: d.types });
    expectRel(r.scores, d.computed);
    expectRel(d.pymcdmFormula!, d.printed, 5e-5); // the printed values are S+ + S-, not COPRAS's Q
    const sum = r.sPlus.map((v, i) => v + r.sMinus[i]!);
    expectRel(
      sum.map((v) => v / Math.max(...sum)),
      d.printed,
      5e-5,
    );
  });

  it("copras without a cost column gives Q = S+; { columns } equals rows", () => {
    const x = [
      [1, 4],
      [2, 2],
      [3, 1],
    ];
    const r = copras(cols(x), [1, 1]);
    expectRel(r.Q, r.sPlus);
    expect(r).toEqual(copras(x, [1, 1]));
  });

  it("copras refuses a cost value <= 0 (nonpositive_value) and a negative benefit value (negative_value)", () => {
    expect(() =>
      copras(
        [
          [1, 0],
          [2, 3],
        ],
        [1, 1],
        { directions: ["benefit", "cost"] },
      ),
    ).toThrow(expect.objectContaining({ code: "nonpositive_value", where: "matrix row 0, column 1" }));
    expect(() =>
      copras(
        [
          [-1, 2],
          [2, 3],
        ],
        [1, 1],
      ),
    ).toThrow(expect.objectContaining({ code: "negative_value" }));
  });
});

describe("copras properties", () => {
  test.prop([problem], { numRuns: 60 })(
    "a dominating unit ranks first by Q; permuting the units permutes N and ranks",
    (p) => {
      checkProperties((x, w, directions) => {
        const r = copras(x, w, { directions });
        return { values: r.scores, ranks: r.ranks };
      }, p);
    },
  );
});
