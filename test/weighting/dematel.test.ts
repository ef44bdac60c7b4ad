import { describe, expect, it } from "vitest";
import { dematel } from "../../src/weighting/dematel.js";
import { EXPECTED } from "../fixtures/weights/index.js";
import { errorOf, expectClose, frozen } from "./helpers.js";

// Reference values: test/fixtures/weights/compute.py (numpy inverse); pyDecision 4.9.1's dematel_method (row
// normalization) gives the same prominence, relation and weights to 1e-15.
const D = EXPECTED.dematel;

describe("dematel: reference values (compute.py; pyDecision 4.9.1 agrees for row normalization)", () => {
  for (const c of D)
    for (const [norm, key] of [
      ["max-row-column", "maxRowColumn"],
      ["row", "row"],
    ] as const)
      it(`dematel(${c.matrix.length} x ${c.matrix.length}, ${norm}) gives T, D + R, D - R and the weights to 1e-12`, () => {
        const r = dematel(frozen(c.matrix), { normalization: norm });
        const e = c[key];
        r.total.forEach((row, i) => {
          expectClose(row, e.total[i]!, 1e-12);
        });
        expectClose(r.prominence, e.prominence, 1e-12);
        expectClose(r.relation, e.relation, 1e-12);
        expectClose(r.weights, e.weights, 1e-12);
      });
});

describe("dematel: properties", () => {
  it("T = N + N T (the series identity), D - R sums to 0, weights sum to 1, permuting permutes", () => {
    const A = D[3]!.matrix;
    const r = dematel(A);
    const n = A.length;
    for (let i = 0; i < n; i++)
      for (let j = 0; j < n; j++) {
        let nt = 0;
        for (let k = 0; k < n; k++) nt += r.normalized[i]![k]! * r.total[k]![j]!;
        expect(Math.abs(r.total[i]![j]! - (r.normalized[i]![j]! + nt))).toBeLessThan(1e-12);
      }
    expect(Math.abs(r.relation.reduce((a, b) => a + b, 0))).toBeLessThan(1e-12);
    expect(Math.abs(r.weights.reduce((a, b) => a + b, 0) - 1)).toBeLessThan(1e-12);
    const perm = [...A.keys()].reverse();
    const p = dematel(perm.map((i) => perm.map((j) => A[i]![j]!)));
    expectClose(
      p.weights,
      perm.map((i) => r.weights[i]!),
      1e-14,
    );
  });
});

describe("dematel: errors", () => {
  it("a non-zero diagonal, a negative entry or a ragged row throws invalid_matrix naming the cell", () => {
    expect(
      errorOf(() =>
        dematel([
          [1, 2],
          [3, 0],
        ]),
      ),
    ).toBe("invalid_matrix @ matrix[0][0]");
    expect(
      errorOf(() =>
        dematel([
          [0, -2],
          [3, 0],
        ]),
      ),
    ).toBe("invalid_matrix @ matrix[0][1]");
    expect(errorOf(() => dematel([[0, 2], [3]]))).toBe("invalid_matrix @ matrix[1]");
  });
  it("all zeros, or I - N singular (equal row sums under row normalization), throws invalid_matrix", () => {
    expect(
      errorOf(() =>
        dematel([
          [0, 0],
          [0, 0],
        ]),
      ),
    ).toBe("invalid_matrix @ matrix");
    expect(
      errorOf(() =>
        dematel(
          [
            [0, 2],
            [2, 0],
          ],
          { normalization: "row" },
        ),
      ),
    ).toBe("invalid_matrix @ matrix");
  });
});
