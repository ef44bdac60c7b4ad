import { test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import type { Direction } from "../../src/internal/types.js";
import { merecWeights, merecWeightsDetailed } from "../../src/weighting/merec.js";
import { EXPECTED } from "../fixtures/weights/index.js";
import { errorOf, expectClose, frozen } from "./helpers.js";
// Reference values: test/fixtures/weights/compute.py (numpy, from Keshavarz-Ghorabaee et al. 2021); pymcdm 1.4.0
// merec_weights gives the same to 3e-16 on these cases.
import { CASES, expectSimplex, permuteColumns, positiveCase } from "./weights-more-helpers.js";

describe("merecWeights: reference values (compute.py; pymcdm 1.4.0 agrees to 3e-16)", () => {
  for (const c of CASES)
    it(`merecWeights(${c.name}, directions) gives compute.py's weights, S and E to 1e-12`, () => {
      const d = merecWeightsDetailed(frozen(c.matrix), { directions: c.directions });
      expectClose(d.weights, c.merec.weights, 1e-12);
      expectClose(d.performance, c.merec.S, 1e-12);
      expectClose(d.removalEffect, c.merec.E, 1e-12);
    });
  it("merecWeights(C9 example) gives DOMAIN C9.7's w = (0.148559747381, 0.193158595371, 0.261667392562, 0.396614264685) to 1e-11", () => {
    const c = CASES[0]!;
    expectClose(
      merecWeights(c.matrix, { directions: c.directions }),
      [0.148559747381, 0.193158595371, 0.261667392562, 0.396614264685],
      1e-11,
    );
  });
  it("merecWeights on columns gives the same as on rows", () => {
    const c = CASES[2]!;
    const columns = c.matrix[0]!.map((_, j) => Float64Array.from(c.matrix, (r) => r[j]!));
    expectClose(merecWeights({ columns }, { directions: c.directions }), c.merec.weights, 1e-12);
  });
});

describe("merecWeights: the published worked example", () => {
  it("merecWeights on the Keshavarz-Ghorabaee et al. (2021, Symmetry 13:525) illustrative example gives the printed weights (0.5752, 0.0141, 0.4016, 0.0091) to 4 decimals, and compute.py's to 1e-12", () => {
    const e = EXPECTED.published.merec;
    const w = merecWeights(frozen(e.matrix), { directions: e.types as Direction[] });
    expect(w.map((v) => Math.round(v * 1e4) / 1e4)).toEqual(e.printed);
    expectClose(w, e.weights, 1e-12);
  });
});

describe("merecWeights: properties", () => {
  test.prop([positiveCase], { seed: 7, numRuns: 80 })(
    "weights are finite, non-negative, sum to 1, and permuting the columns permutes them",
    ({ rows, directions, perm }) => {
      if (rows[0]!.every((_, j) => rows.every((r) => r[j] === rows[0]![j]))) return; // all constant
      const w = merecWeights(rows, { directions });
      expectSimplex(w);
      const wp = merecWeights(permuteColumns(rows, perm), { directions: perm.map((j) => directions[j]!) });
      expectClose(
        wp,
        perm.map((j) => w[j]!),
        1e-12,
      );
    },
  );
});

describe("merecWeights: conventions and errors", () => {
  it("a constant column gets weight 0", () => {
    expect(
      merecWeightsDetailed([
        [1, 5],
        [2, 5],
        [4, 5],
      ]).weights,
    ).toEqual([1, 0]);
  });
  it("a zero value throws nonpositive_value naming row and column; a shift makes it valid", () => {
    expect(
      errorOf(() =>
        merecWeights([
          [1, 0],
          [2, 3],
        ]),
      ),
    ).toBe("nonpositive_value @ matrix[0][1]");
    expectSimplex(
      merecWeights(
        [
          [1, 0],
          [2, 3],
        ],
        { shift: 0.01 },
      ),
    );
  });
  it("a target direction throws unsupported_direction", () => {
    expect(
      errorOf(() =>
        merecWeights(
          [
            [1, 2],
            [2, 3],
          ],
          { directions: ["benefit", { target: 2 }] },
        ),
      ),
    ).toBe("unsupported_direction @ opts.directions[1]");
  });
  it("every column constant throws all_constant; a negative shift invalid_option", () => {
    expect(
      errorOf(() =>
        merecWeights([
          [1, 2],
          [1, 2],
        ]),
      ),
    ).toBe("all_constant @ matrix");
    expect(
      errorOf(() =>
        merecWeights(
          [
            [1, 2],
            [2, 1],
          ],
          { shift: -1 },
        ),
      ),
    ).toBe("invalid_option @ opts.shift");
  });
  it("a NaN throws invalid_matrix naming the cell", () => {
    expect(
      errorOf(() =>
        merecWeights([
          [1, 2],
          [Number.NaN, 1],
        ]),
      ),
    ).toMatch(/^invalid_matrix/);
  });
});
