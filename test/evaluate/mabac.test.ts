import { test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { mabac } from "../../src/evaluate/mabac.js";
import { CASES, checkProperties, cols, DOCS, expectRel, problem } from "./mcdm-cases.js";

// Reference: test/fixtures/mcdm/compute.py (numpy, Pamučar & Ćirović 2015); S equal to pymcdm 1.4.0
// exactly by `compute.py --peers` (pyDecision's MABAC ignores the weights: not comparable, DOMAIN C9.6).
describe("mabac against test/fixtures/mcdm (numpy from the paper; pymcdm agrees)", () => {
  it.each(CASES.map((c) => [c.name, c] as const))(
    "mabac(%s) gives the border G and S of compute.py",
    (_n, c) => {
      const r = mabac(c.x, c.w, { directions: c.types });
      expectRel(r.border, c.mabac.G);
      expectRel(r.scores, c.mabac.S);
    },
  );

  it("mabac on DOMAIN C9's worked example gives S = (0.048026591916, -0.026973408084, 0.173026591916, -0.039473408084, 0.135526591916)", () => {
    const c = CASES[0]!;
    const r = mabac(c.x, c.w, { directions: c.types });
    expectRel(
      r.scores,
      [0.048026591916, -0.026973408084, 0.173026591916, -0.039473408084, 0.135526591916],
      1e-11,
    );
    expectRel(r.border, [0.509896355251, 0.263901582155, 0.429290724332, 0.223884746347], 1e-11);
    expect(r.ranks).toEqual([3, 4, 1, 5, 2]);
  });

  it("mabac on pymcdm 1.4.0's docstring example (Pamučar & Ćirović 2015's forklift data) gives the printed S [0.0826, 0.2183, -0.0488, 0.0246, -0.0704, 0.0465, 0.0464]", () => {
    const d = DOCS.mabac;
    const r = mabac(d.x, d.w, { directions: d.types });
    expectRel(r.scores, d.printed, 5e-5);
    expectRel(r.scores, d.computed);
  });

  it("mabac gives a constant column 0 in every S with a constant_column warning; { columns } equals rows", () => {
    const x = [
      [1, 5],
      [2, 5],
      [4, 5],
    ];
    const r = mabac(cols(x), [0.5, 0.5]);
    expectRel(
      r.scores,
      mabac(
        x.map((row) => [row[0]!]),
        [1],
      ).scores.map((s) => s / 2), // S is linear in the weights: the constant column adds 0
    );
    expect(r.warnings[0]?.code).toBe("constant_column");
    expect(mabac(x, [0.5, 0.5])).toEqual(r);
  });
});

describe("mabac properties", () => {
  test.prop([problem], { numRuns: 60 })(
    "a dominating unit ranks first by S; permuting the units permutes S and ranks",
    (p) => {
      checkProperties((x, w, directions) => {
        const r = mabac(x, w, { directions });
        return { values: r.scores, ranks: r.ranks };
      }, p);
    },
  );
});
