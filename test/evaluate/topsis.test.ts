import { fc, test } from "@fast-check/vitest";
import { Matrix } from "ml-matrix";
import { describe, expect, it } from "vitest";
import { topsis } from "../../src/evaluate/topsis.js";
import { errorOf } from "../helpers/errors.js";
import { columns, DIRECTIONS, EXPECTED, expectClose, W_ENTROPY, W_STAR, X, Z } from "./golden.js";

const REF = EXPECTED.topsis; // test/fixtures/five-communities/compute.py

/** Classical TOPSIS written independently with ml-matrix (vector norm, weights in the matrix, sample ideals). */
function referenceTopsis(rows: number[][], w: number[]): number[] {
  const a = new Matrix(rows);
  const norms = Array.from({ length: a.columns }, (_, j) =>
    Math.sqrt(a.getColumn(j).reduce((s, x) => s + x * x, 0)),
  );
  const v = a.clone().divRowVector(norms).mulRowVector(w);
  const best = Array.from({ length: v.columns }, (_, j) => v.maxColumn(j));
  const worst = Array.from({ length: v.columns }, (_, j) => v.minColumn(j));
  const dPlus = Matrix.sub(v, Matrix.rowVector(best).repeat({ rows: v.rows }))
    .pow(2)
    .sum("row")
    .map(Math.sqrt);
  const dMinus = Matrix.sub(v, Matrix.rowVector(worst).repeat({ rows: v.rows }))
    .pow(2)
    .sum("row")
    .map(Math.sqrt);
  return dMinus.map((d, i) => d / (d + (dPlus[i] as number)));
}

describe("topsis on the five-communities example (reference: test/fixtures/five-communities)", () => {
  it("topsis(Z, w*) with vector normalization gives C = [0.423852 0.471874 0.47575 0.52425 0.553203]", () => {
    const r = topsis(Z, W_STAR);
    expectClose(r.scores, REF.vector, 1e-6);
    expect(r.ranks).toEqual([5, 4, 3, 2, 1]);
  });

  it("topsis(Z, w*, { normalization: 'none' }) gives C = [0.450493 0.463322 0.503281 0.496719 0.573565]", () => {
    const r = topsis(Z, W_STAR, { normalization: "none" });
    expectClose(r.scores, REF.none, 1e-6);
    expect(r.ranks).toEqual([5, 4, 2, 3, 1]);
  });

  it("entropy-TOPSIS topsis(Z, w_entropy) gives C = [0.420663 0.518987 0.423671 0.576329 0.530767]", () => {
    const r = topsis(Z, W_ENTROPY);
    expectClose(r.scores, REF.entropyVector, 1e-6);
    expect(r.ranks).toEqual([5, 3, 4, 1, 2]);
  });

  it("topsis(X, w*, { directions, normalization: 'minmax' }) equals TOPSIS directly on Z (cost swaps the ideal, target uses the moderate formula)", () => {
    const r = topsis(X, W_STAR, { directions: DIRECTIONS, normalization: "minmax" });
    expectClose(r.scores, REF.none, 1e-6);
  });

  it("topsis(Z, w*, { normalization: 'none', weighting: 'distance' }) matches numpy's weighted-distance TOPSIS (compute.py)", () => {
    const r = topsis(Z, W_STAR, { normalization: "none", weighting: "distance" });
    expectClose(r.scores, REF.noneDistance, 1e-7); // D = sqrt(sum w (z - z*)^2) directly on Z
  });

  it("topsis(Z, w*, { normalization: 'none', ideal: 'fixed' }) uses 1 and 0 as ideal points (numpy, compute.py)", () => {
    const r = topsis(Z, W_STAR, { normalization: "none", ideal: "fixed" });
    expectClose(r.scores, REF.noneFixed, 1e-7);
    expectClose(r.ideal, W_STAR, 1e-6); // weights are already normalized to 1 within rounding
    expect(r.antiIdeal).toEqual([0, 0, 0, 0]);
    expect(r.options.ideal).toBe("fixed");
  });

  it("caller-given ideal points { best: 1s, worst: 0s } reproduce the fixed ideal", () => {
    const r = topsis(Z, W_STAR, {
      normalization: "none",
      ideal: { best: [1, 1, 1, 1], worst: [0, 0, 0, 0] },
    });
    expectClose(r.scores, REF.noneFixed, 1e-7);
    expect(r.options.ideal).toBe("given");
  });

  it("columnar Float64Array input gives the same result as rows and is left unchanged", () => {
    const cols = columns(X);
    const before = cols.map((c) => Array.from(c));
    expect(topsis(cols, W_STAR, { directions: DIRECTIONS })).toEqual(
      topsis(X, W_STAR, { directions: DIRECTIONS }),
    );
    expect(cols.map((c) => Array.from(c))).toEqual(before);
  });

  it("returns D+, D- and the weighted ideal points consistent with the closeness", () => {
    const r = topsis(Z, W_STAR, { normalization: "none" });
    r.scores.forEach((c, i) => {
      expect(c).toBeCloseTo((r.dMinus[i] as number) / ((r.dMinus[i] as number) + (r.dPlus[i] as number)), 14);
    });
    // With normalization none and weights in the matrix, V+ = w * max Z (column maxima 1, 1, 1, 0.95).
    const wSum = W_STAR.reduce((s, v) => s + v, 0);
    expectClose(
      r.ideal,
      W_STAR.map((w, j) => (w / wSum) * (j === 3 ? 0.95 : 1)),
      1e-12,
    );
    expect(r.antiIdeal).toEqual([0, 0, 0, 0]);
  });
});

describe("topsis conventions", () => {
  it("a cost column gives the same closeness as its reflection max - x marked benefit (normalization none)", () => {
    const reflected = X.map((row) => [
      row[0] as number,
      row[1] as number,
      48 - (row[2] as number),
      row[3] as number,
    ]);
    const w = [0.25, 0.25, 0.25, 0.25];
    const asCost = topsis(X, w, {
      normalization: "none",
      directions: ["benefit", "benefit", "cost", "benefit"],
    });
    const asBenefit = topsis(reflected, w, { normalization: "none" });
    expectClose(asCost.scores, asBenefit.scores, 1e-12);
  });

  it("a range direction turns values inside [a, b] into 1 (same as target when the range is a point)", () => {
    const target = topsis(X, W_STAR, { directions: DIRECTIONS });
    const point = topsis(X, W_STAR, {
      directions: ["benefit", "benefit", "cost", { range: [300, 300] }],
    });
    expectClose(point.scores, target.scores, 1e-12);
  });

  it("weights are scaled to sum 1 and closeness does not depend on their scale", () => {
    const a = topsis(Z, W_STAR);
    const b = topsis(
      Z,
      W_STAR.map((w) => w * 7),
    );
    expectClose(b.scores, a.scores, 1e-12);
    expect(b.weights.reduce((s, v) => s + v, 0)).toBeCloseTo(1, 14);
  });

  it("ties share the lowest rank", () => {
    const r = topsis(
      [
        [1, 2],
        [1, 2],
        [3, 1],
      ],
      [0.5, 0.5],
    );
    // hand computation: unit 3 is best on column 1 (weight 0.5) by 2/sqrt(11), worst on column 2 by 1/3
    expect(r.scores[0]).toBe(r.scores[1]);
    expect(r.ranks).toEqual([2, 2, 1]);
  });

  it("a constant column under min-max becomes 0.5 with a constant_column warning, never NaN", () => {
    const r = topsis(
      [
        [1, 5],
        [2, 5],
        [3, 5],
      ],
      [0.5, 0.5],
      { normalization: "minmax" },
    );
    expect(r.scores).toEqual([0, 0.5, 1]);
    expect(r.warnings.map((w) => w.code)).toEqual(["constant_column"]);
  });

  it("identical units (D+ + D- = 0) get closeness 0.5 with a no_spread warning", () => {
    const r = topsis(
      [
        [2, 3],
        [2, 3],
      ],
      [0.5, 0.5],
    );
    expect(r.scores).toEqual([0.5, 0.5]);
    expect(r.warnings.map((w) => w.code)).toEqual(["no_spread"]);
  });

  it("does not mutate frozen inputs", () => {
    const w = Object.freeze([...W_STAR]);
    expect(() => topsis(X, w, { directions: DIRECTIONS, normalization: "minmax" })).not.toThrow();
  });
});

describe("topsis errors", () => {
  it("names the argument at fault", () => {
    expect(errorOf(() => topsis([[1, 2]], [0.5, 0.5]))).toBe("too_few_units @ matrix");
    expect(errorOf(() => topsis(Z, [0.5, 0.5]))).toBe("invalid_weights @ weights");
    expect(errorOf(() => topsis(Z, [0.5, -0.1, 0.3, 0.3]))).toBe("invalid_weights @ weights[1]");
    expect(errorOf(() => topsis(Z, [0, 0, 0, 0]))).toBe("invalid_weights @ weights");
    expect(errorOf(() => topsis([[1, 2], [3]], [0.5, 0.5]))).toBe("invalid_matrix @ matrix[1]");
    expect(
      errorOf(() =>
        topsis(
          [
            [1, Number.NaN],
            [3, 4],
          ],
          [0.5, 0.5],
        ),
      ),
    ).toBe("invalid_matrix @ matrix[0][1]");
    expect(
      errorOf(() => topsis([Float64Array.of(1, 2), Float64Array.of(1, Number.POSITIVE_INFINITY)], [1, 1])),
    ).toBe("invalid_matrix @ matrix[1][1]");
    expect(
      errorOf(() =>
        topsis([Float64Array.of(1, 2), Float64Array.of(300, Number.NaN)], [1, 1], {
          directions: ["benefit", { target: 300 }],
        }),
      ),
    ).toBe("invalid_matrix @ matrix[1][1]");
    expect(errorOf(() => topsis([Float64Array.of(1e200, 2e200), Float64Array.of(1, 2)], [1, 1]))).toBe(
      "invalid_matrix @ matrix column 0",
    );
    expect(errorOf(() => topsis(Z, W_STAR, { directions: ["benefit"] }))).toBe(
      "invalid_direction @ opts.directions",
    );
    expect(
      errorOf(() => topsis(Z, W_STAR, { directions: ["benefit", "benefit", "cost", { range: [5, 1] }] })),
    ).toBe("invalid_direction @ opts.directions[3]");
    expect(errorOf(() => topsis(Z, W_STAR, { normalization: "zscore" as never }))).toBe(
      "invalid_option @ opts.normalization",
    );
    expect(errorOf(() => topsis(Z, W_STAR, { ideal: { best: [1, 1], worst: [0, 0] } }))).toBe(
      "invalid_option @ opts.ideal.best",
    );
    expect(errorOf(() => topsis(Z, W_STAR, { ideal: { best: [1, 1, 1, 1], worst: [1, 1, 1, 1] } }))).toBe(
      "invalid_option @ opts.ideal",
    );
  });
  it("a single unit is allowed with fixed ideal points", () => {
    expect(topsis([[0.5, 0.5]], [1, 1], { normalization: "none", ideal: "fixed" }).scores).toEqual([0.5]);
  });
});

describe("topsis properties (fast-check, seeded)", () => {
  const matrixArb = fc
    .record({ m: fc.integer({ min: 2, max: 12 }), n: fc.integer({ min: 1, max: 6 }) })
    .chain(({ m, n }) =>
      fc.record({
        rows: fc.array(
          fc.array(fc.double({ min: 0.01, max: 1000, noNaN: true }), { minLength: n, maxLength: n }),
          {
            minLength: m,
            maxLength: m,
          },
        ),
        w: fc.array(fc.double({ min: 0.01, max: 1, noNaN: true }), { minLength: n, maxLength: n }),
      }),
    );

  test.prop([matrixArb], { seed: 42, numRuns: 200 })(
    "closeness lies in [0, 1] for every option set",
    ({ rows, w }) => {
      for (const normalization of ["vector", "minmax", "none"] as const)
        for (const weighting of ["matrix", "distance"] as const)
          for (const ideal of ["sample", "fixed"] as const) {
            const r = topsis(rows, w, { normalization, weighting, ideal });
            for (const c of r.scores) expect(c >= 0 && c <= 1).toBe(true);
          }
    },
  );

  test.prop([matrixArb], { seed: 42, numRuns: 200 })(
    "agrees with an independent ml-matrix implementation",
    ({ rows, w }) => {
      const wSum = w.reduce((s, v) => s + v, 0);
      expectClose(
        topsis(rows, w).scores,
        referenceTopsis(
          rows,
          w.map((v) => v / wSum),
        ),
        1e-9,
      );
    },
  );

  test.prop([matrixArb, fc.integer({ min: 0, max: 1000 })], { seed: 42, numRuns: 100 })(
    "scores do not depend on row order",
    ({ rows, w }, shift) => {
      const k = shift % rows.length;
      const rotated = [...rows.slice(k), ...rows.slice(0, k)];
      const a = topsis(rows, w).scores;
      const b = topsis(rotated, w).scores;
      expectClose([...b.slice(rows.length - k), ...b.slice(0, rows.length - k)], a, 1e-12);
    },
  );
});
