import { test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { waspas } from "../../src/evaluate/waspas.js";
import { CASES, checkProperties, cols, DOCS, expectRel, problem } from "./mcdm-cases.js";

// Reference: test/fixtures/mcdm/compute.py (numpy, Zavadskas et al. 2012); Q equal to pymcdm 1.4.0 (ratio
// normalization, lambda 0.5 and 0.3) and pyDecision 4.9.1 (1 + min-max) exactly by `compute.py --peers`.
describe("waspas against test/fixtures/mcdm (numpy from the paper; pymcdm and pyDecision agree)", () => {
  it.each(CASES.map((c) => [c.name, c] as const))(
    "waspas(%s) gives the WSM, WPM and Q of compute.py (lambda 0.5, 0.3, shifted-minmax)",
    (_n, c) => {
      const r = waspas(c.x, c.w, { directions: c.types });
      expectRel(r.wsm, c.waspas.WSM);
      expectRel(r.wpm, c.waspas.WPM);
      expectRel(r.scores, c.waspas.Q);
      expectRel(waspas(c.x, c.w, { directions: c.types, lambda: 0.3 }).scores, c.waspasL03.Q);
      const s = waspas(c.x, c.w, { directions: c.types, normalization: "shifted-minmax" });
      expectRel(s.wsm, c.waspasShifted.WSM);
      expectRel(s.wpm, c.waspasShifted.WPM);
      expectRel(s.scores, c.waspasShifted.Q);
    },
  );

  it("waspas on DOMAIN C9's worked example gives Q = (0.74678688113, 0.672474655593, 0.846233897759, 0.713605415992, 0.749612752607)", () => {
    const c = CASES[0]!;
    const r = waspas(c.x, c.w, { directions: c.types });
    expectRel(
      r.scores,
      [0.74678688113, 0.672474655593, 0.846233897759, 0.713605415992, 0.749612752607],
      1e-11,
    );
    expectRel(r.wsm, [0.755, 0.69, 0.853333333333, 0.724545454545, 0.771111111111], 1e-11);
    expect(r.ranks).toEqual([3, 5, 1, 4, 2]);
  });

  it("waspas on pymcdm 1.4.0's docstring example gives compute.py's Q; the printed Q [0.8329, ...] is for the weights as printed (sum 1.0155), which compute.py reproduces", () => {
    const d = DOCS.waspas;
    const r = waspas(d.x, d.w, { directions: d.types });
    expectRel(r.scores, d.computed); // indicatrix scales the weights to sum 1 (WPM depends on their scale)
    expectRel(d.computedRawWeights!, d.printed, 5e-5);
  });

  it("waspas with lambda 1 is the weighted sum and lambda 0 the weighted product; { columns } equals rows", () => {
    const c = CASES[7]!;
    const r1 = waspas(c.x, c.w, { directions: c.types, lambda: 1 });
    expectRel(r1.scores, r1.wsm);
    const r0 = waspas(cols(c.x), c.w, { directions: c.types, lambda: 0 });
    expectRel(r0.scores, r0.wpm);
  });
});

describe("waspas errors", () => {
  it("waspas refuses a cost value <= 0 (nonpositive_value), a negative benefit value (negative_value) and lambda outside [0, 1]", () => {
    expect(() =>
      waspas(
        [
          [1, 0],
          [2, 3],
        ],
        [1, 1],
        { directions: ["benefit", "cost"] },
      ),
    ).toThrow(expect.objectContaining({ code: "nonpositive_value", where: "matrix row 0, column 1" }));
    expect(() =>
      waspas(
        [
          [1, 2],
          [-2, 3],
        ],
        [1, 1],
      ),
    ).toThrow(expect.objectContaining({ code: "negative_value", where: "matrix row 1, column 0" }));
    expect(() => waspas([[1], [2]], [1], { lambda: 2 })).toThrow(
      expect.objectContaining({ code: "invalid_option" }),
    );
  });

  it("waspas with shifted-minmax accepts negative values", () => {
    const r = waspas(
      [
        [-1, 2],
        [-2, 3],
      ],
      [1, 1],
      { normalization: "shifted-minmax" },
    );
    expectRel(r.wsm, [1.5, 1.5]);
  });
});

describe("waspas properties", () => {
  test.prop([problem], { numRuns: 60 })(
    "a dominating unit ranks first by Q; permuting the units permutes Q and ranks",
    (p) => {
      checkProperties((x, w, directions) => {
        const r = waspas(x, w, { directions });
        return { values: r.scores, ranks: r.ranks };
      }, p);
    },
  );
});
