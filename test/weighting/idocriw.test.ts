import { test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import type { Direction } from "../../src/internal/types.js";
import { entropyWeights } from "../../src/weighting/entropy.js";
import { idocriwWeights, idocriwWeightsDetailed } from "../../src/weighting/idocriw.js";
import { EXPECTED } from "../fixtures/weights/index.js";
import { errorOf, expectClose, frozen } from "./helpers.js";
// Reference values: test/fixtures/weights/compute.py (numpy, Zavadskas & Podvezko 2016: entropy of the raw values x
// CILOS); pymcdm 1.4.0 idocriw_weights gives the same to 1e-15.
import { CASES, expectSimplex, positiveCase } from "./weights-more-helpers.js";

describe("idocriwWeights: reference values (compute.py; pymcdm 1.4.0 agrees to 1e-15)", () => {
  for (const c of CASES)
    it(`idocriwWeights(${c.name}, directions) gives compute.py's weights and both factors to 1e-10`, () => {
      const d = idocriwWeightsDetailed(frozen(c.matrix), { directions: c.directions });
      expectClose(d.weights, c.idocriw.weights, 1e-10);
      expectClose(d.entropy, c.idocriw.entropy, 1e-12);
      expectClose(d.cilos, c.idocriw.cilos, 1e-10);
    });
});

describe("idocriwWeights: the published worked example", () => {
  it("idocriwWeights on the Zavadskas & Podvezko (2016, IJITDM 15(2):267-283) example gives the printed weights (0.1658, 0.1885, 0.3545, 0.2911) to 4 decimals, and compute.py's to 1e-12", () => {
    const e = EXPECTED.published.idocriw;
    const w = idocriwWeights(frozen(e.matrix), { directions: e.types as Direction[] });
    expect(w.map((v) => Math.round(v * 1e4) / 1e4)).toEqual(e.printed);
    expectClose(w, e.weights, 1e-12);
  });
});

describe("idocriwWeights: properties", () => {
  test.prop([positiveCase], { seed: 10, numRuns: 60 })(
    "weights are finite, non-negative, sum to 1 and proportional to entropy x CILOS",
    ({ rows, directions }) => {
      let d: ReturnType<typeof idocriwWeightsDetailed>;
      try {
        d = idocriwWeightsDetailed(rows, { directions });
      } catch {
        return; // CILOS degenerate or every column constant
      }
      expectSimplex(d.weights);
      expectClose(d.entropy, entropyWeights(rows), 1e-15);
    },
  );
});

describe("idocriwWeights: errors", () => {
  it("the CILOS errors pass through: one unit best everywhere throws degenerate_weights", () => {
    expect(
      errorOf(() =>
        idocriwWeights([
          [3, 3],
          [1, 2],
          [2, 1],
        ]),
      ),
    ).toBe("degenerate_weights @ matrix");
  });
});
