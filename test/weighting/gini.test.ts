import { test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { giniWeights, giniWeightsDetailed } from "../../src/weighting/gini.js";
import { errorOf, expectClose, frozen, mulberry32 } from "./helpers.js";
// Reference values: test/fixtures/weights/compute.py (numpy, the double sum); pymcdm 1.4.0 gini_weights agrees to 2e-16.
import { CASES, expectSimplex, permuteColumns, positiveCase } from "./weights-more-helpers.js";

/** The Gini coefficient by its double sum, O(m^2). */
function naiveGini(x: readonly number[]): number {
  let s = 0;
  for (const a of x) for (const b of x) s += Math.abs(a - b);
  const mean = x.reduce((a, b) => a + b, 0) / x.length;
  return s / (2 * x.length * x.length * mean);
}

describe("giniWeights: reference values (compute.py; pymcdm 1.4.0 agrees to 2e-16)", () => {
  for (const c of CASES)
    it(`giniWeights(${c.name}) gives compute.py's weights and Gini coefficients to 1e-12`, () => {
      const d = giniWeightsDetailed(frozen(c.matrix));
      expectClose(d.weights, c.gini.weights, 1e-12);
      expectClose(d.gini, c.gini.gini, 1e-12);
    });
  it("the sorted formula equals the double sum on 3000 seeded values with ties to 1e-12", () => {
    const rnd = mulberry32(5);
    const col = Array.from({ length: 3000 }, () => Math.floor(rnd() * 50));
    const d = giniWeightsDetailed({
      columns: [Float64Array.from(col), Float64Array.from(col, (v) => v * v)],
    });
    expect(Math.abs(d.gini[0]! - naiveGini(col))).toBeLessThan(1e-12);
    expect(Math.abs(d.gini[1]! - naiveGini(col.map((v) => v * v)))).toBeLessThan(1e-12);
  });
});

describe("giniWeights: properties", () => {
  test.prop([positiveCase], { seed: 8, numRuns: 80 })(
    "weights are finite, non-negative, sum to 1, and permuting the columns permutes them",
    ({ rows, perm }) => {
      if (rows[0]!.every((_, j) => rows.every((r) => r[j] === rows[0]![j]))) return;
      const w = giniWeights(rows);
      expectSimplex(w);
      expectClose(
        giniWeights(permuteColumns(rows, perm)),
        perm.map((j) => w[j]!),
        1e-12,
      );
    },
  );
});

describe("giniWeights: conventions and errors", () => {
  it("a constant column gets weight 0; a negative value throws negative_value naming the cell", () => {
    expect(
      giniWeights([
        [1, 5],
        [3, 5],
      ]),
    ).toEqual([1, 0]);
    expect(
      errorOf(() =>
        giniWeights([
          [1, 5],
          [-3, 5],
        ]),
      ),
    ).toBe("negative_value @ matrix[1][0]");
  });
  it("every column constant throws all_constant; one row too_few_units", () => {
    expect(
      errorOf(() =>
        giniWeights([
          [1, 5],
          [1, 5],
        ]),
      ),
    ).toBe("all_constant @ matrix");
    expect(errorOf(() => giniWeights([[1, 5]]))).toBe("too_few_units @ matrix");
  });
});
