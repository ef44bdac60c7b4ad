import { test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { edas } from "../../src/evaluate/edas.js";
import { CASES, checkProperties, cols, DOCS, expectRel, problem } from "./mcdm-cases.js";

// Reference: test/fixtures/mcdm/compute.py (numpy, Keshavarz Ghorabaee et al. 2015); AS equal to
// pymcdm 1.4.0 and pyDecision 4.9.1 within 1.2e-16 by `compute.py --peers`.
describe("edas against test/fixtures/mcdm (numpy from the paper; pymcdm and pyDecision agree)", () => {
  it.each(CASES.map((c) => [c.name, c] as const))(
    "edas(%s) gives the SP, SN and AS of compute.py",
    (_n, c) => {
      const r = edas(c.x, c.w, { directions: c.types });
      expectRel(r.SP, c.edas.SP);
      expectRel(r.SN, c.edas.SN);
      expectRel(r.scores, c.edas.AS);
    },
  );

  it("edas on DOMAIN C9's worked example gives AS = (0.487254901961, 0.172941176471, 0.807843137255, 0.382352941176, 0.493660130719) and AV = (250, 22.4, 12, 3.6)", () => {
    const c = CASES[0]!;
    const r = edas(c.x, c.w, { directions: c.types });
    expectRel(
      r.scores,
      [0.487254901961, 0.172941176471, 0.807843137255, 0.382352941176, 0.493660130719],
      1e-11,
    );
    expectRel(r.average, [250, 22.4, 12, 3.6]);
    expect(r.ranks).toEqual([3, 5, 1, 4, 2]);
  });

  it("edas on pymcdm 1.4.0's docstring example gives the printed AS [0.841, 0.632, 0.883, 0.457, 0.104]", () => {
    const d = DOCS.edas;
    const r = edas(d.x, d.w, { directions: d.types });
    expectRel(r.scores, d.printed, 5e-4);
    expectRel(r.scores, d.computed);
  });

  it("edas reads { columns } the same as rows and leaves the input unchanged", () => {
    const c = CASES[6]!;
    const copy = structuredClone(c.x);
    expect(edas(cols(c.x), c.w, { directions: c.types })).toEqual(edas(c.x, c.w, { directions: c.types }));
    expect(c.x).toEqual(copy);
  });
});

describe("edas conventions and errors", () => {
  it("edas throws nonpositive_mean for a column averaging <= 0, and divides by |AV| with absoluteAverage", () => {
    const x = [
      [1, -2],
      [2, -4],
      [3, -3],
    ];
    expect(() => edas(x, [1, 1])).toThrow(
      expect.objectContaining({ code: "nonpositive_mean", where: "matrix column 1" }),
    );
    const r = edas(x, [1, 1], { absoluteAverage: true });
    // AV = (2, -3): SP = (0, 0 + 0.5 * 1/3, 0.5 * 1/2 + 0), SN = (0.5 * 1/2 + 0.5 * 1/3, 0.5 * 1/3, 0)
    expectRel(
      r.SP,
      [0, 0, 0.25].map((v, i) => v + (i === 0 ? 1 / 6 : 0)),
    );
    expect(r.options.absoluteAverage).toBe(true);
  });

  it("edas when no unit is below the average (all equal) gives AS = 0.5 for everyone with a no_spread warning", () => {
    const r = edas(
      [
        [2, 3],
        [2, 3],
      ],
      [1, 1],
    );
    expect(r.scores).toEqual([0.5, 0.5]);
    expect(r.warnings[0]?.code).toBe("no_spread");
  });
});

describe("edas properties", () => {
  test.prop([problem], { numRuns: 60 })(
    "a dominating unit ranks first by AS; permuting the units permutes AS and ranks",
    (p) => {
      checkProperties((x, w, directions) => {
        const r = edas(x, w, { directions });
        return { values: r.scores, ranks: r.ranks };
      }, p);
    },
  );
});
