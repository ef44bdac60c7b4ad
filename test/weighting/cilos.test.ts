import { test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import type { Direction } from "../../src/internal/types.js";
import { cilosWeights, cilosWeightsDetailed } from "../../src/weighting/cilos.js";
import { EXPECTED } from "../fixtures/weights/index.js";
import { errorOf, expectClose, frozen } from "./helpers.js";
// Reference values: test/fixtures/weights/compute.py (numpy + scipy null_space, from Zavadskas & Podvezko 2016);
// pymcdm 1.4.0 cilos_weights gives the same to 1e-16.
import { CASES, expectSimplex, permuteColumns, positiveCase } from "./weights-more-helpers.js";

describe("cilosWeights: reference values (compute.py; pymcdm 1.4.0 agrees to 1e-16)", () => {
  for (const c of CASES)
    it(`cilosWeights(${c.name}, directions) gives compute.py's weights and loss matrix P to 1e-10`, () => {
      const d = cilosWeightsDetailed(frozen(c.matrix), { directions: c.directions });
      expectClose(d.weights, c.cilos.weights, 1e-10);
      d.loss.forEach((row, k) => {
        expectClose(row, c.cilos.P[k]!, 1e-12);
      });
    });
});

describe("cilosWeights: the published worked example", () => {
  it("cilosWeights on the Zavadskas & Podvezko (2016, IJITDM 15(2):267-283) example gives the printed weights (0.3343, 0.2199, 0.1957, 0.2501) to 4 decimals, and compute.py's to 1e-12", () => {
    const e = EXPECTED.published.cilos;
    const w = cilosWeights(frozen(e.matrix), { directions: e.types as Direction[] });
    expect(w.map((v) => Math.round(v * 1e4) / 1e4)).toEqual(e.printed);
    expectClose(w, e.weights, 1e-12);
  });
});

describe("cilosWeights: properties", () => {
  test.prop([positiveCase], { seed: 9, numRuns: 80 })(
    "weights are finite, non-negative, sum to 1, and permuting the columns permutes them (when defined)",
    ({ rows, directions, perm }) => {
      let w: number[];
      try {
        w = cilosWeights(rows, { directions });
      } catch {
        return; // degenerate: one unit best in every criterion, or a singular system
      }
      expectSimplex(w);
      const wp = cilosWeights(permuteColumns(rows, perm), { directions: perm.map((j) => directions[j]!) });
      expectClose(
        wp,
        perm.map((j) => w[j]!),
        1e-9,
      );
    },
  );
});

describe("cilosWeights: conventions and errors", () => {
  it("one unit best in every criterion throws degenerate_weights", () => {
    expect(
      errorOf(() =>
        cilosWeights([
          [3, 3],
          [1, 2],
          [2, 1],
        ]),
      ),
    ).toBe("degenerate_weights @ matrix");
  });
  it("a zero in a cost column throws nonpositive_value naming the cell; a negative value negative_value", () => {
    expect(
      errorOf(() =>
        cilosWeights(
          [
            [1, 0],
            [2, 3],
          ],
          { directions: ["benefit", "cost"] },
        ),
      ),
    ).toBe("nonpositive_value @ matrix[0][1]");
    expect(
      errorOf(() =>
        cilosWeights([
          [1, 2],
          [-2, 3],
        ]),
      ),
    ).toBe("negative_value @ matrix[1][0]");
  });
  it("a range direction throws unsupported_direction", () => {
    expect(
      errorOf(() =>
        cilosWeights(
          [
            [1, 2],
            [2, 1],
          ],
          { directions: [{ range: [0, 1] }, "cost"] },
        ),
      ),
    ).toBe("unsupported_direction @ opts.directions[0]");
  });
});
