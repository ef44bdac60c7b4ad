import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { entropyWeights, entropyWeightsDetailed } from "../../src/weighting/entropy.js";
import { sumAndXLogX } from "../../src/weighting/xlogx.js";
// Reference values: test/fixtures/five-communities/compute.py (expected.json), through ./golden.js.
import { DIRS, ENTROPY_E, ENTROPY_W, ENTROPY_W_1E4, ENTROPY_W_001, X, Z } from "./golden.js";
import { errorOf, expectClose, frozen, mulberry32 } from "./helpers.js";

const columnsOf = (rows: number[][]) =>
  rows[0]?.map((_, j) => Float64Array.from(rows, (r) => r[j] as number)) ?? [];

describe("entropyWeights: the five-communities example", () => {
  it("entropyWeights(X, directions) with 0 ln 0 = 0 gives the reference e and w to 1e-6", () => {
    const d = entropyWeightsDetailed(X, { directions: DIRS });
    expectClose(d.entropy, ENTROPY_E, 1e-6);
    expectClose(d.weights, ENTROPY_W, 1e-6);
    expectClose(
      d.divergence,
      ENTROPY_E.map((e) => 1 - e),
      1e-6,
    );
    expect(d.aligned).toBe(true);
    expect(d.shift).toBe(0);
  });

  it("shift A = 1e-4 and A = 0.01 give the reference weights to 1e-6", () => {
    expectClose(entropyWeights(X, { directions: DIRS, shift: 1e-4 }), ENTROPY_W_1E4, 1e-6);
    expectClose(entropyWeights(X, { directions: DIRS, shift: 0.01 }), ENTROPY_W_001, 1e-6);
  });

  it("without directions, Z rounded to 6 decimals (raw proportions, as pymcdm) gives the reference weights to 1e-5", () => {
    expectClose(entropyWeights(Z), ENTROPY_W, 1e-5);
  });

  it("accepts { columns: Float64Array[] } and gives the reference weights", () => {
    expectClose(entropyWeights({ columns: columnsOf(X) }, { directions: DIRS }), ENTROPY_W, 1e-6);
  });

  it("entropyWeights([[1,5],[2,5],[3,6]]) = [0.9579, 0.0421] (hand computation: e = 0.92062, 0.99650)", () => {
    const d = entropyWeightsDetailed([
      [1, 5],
      [2, 5],
      [3, 6],
    ]);
    expectClose(d.entropy, [0.92062, 0.9965], 5e-5);
    expectClose(d.weights, [0.9579, 0.0421], 5e-5);
  });
});

describe("entropyWeights: conventions", () => {
  it("a constant column gets weight 0 and e = 1", () => {
    const d = entropyWeightsDetailed([
      [1, 5, 0],
      [2, 5, 1],
      [3, 5, 0],
    ]);
    expect(d.weights[1]).toBe(0);
    expect(d.entropy[1]).toBe(1);
    expect(d.constant).toEqual([false, true, false]);
  });

  it("a range direction maps values inside [a, b] to 1 (docs/methods.md, directions): all inside means constant, weight 0", () => {
    const d = entropyWeightsDetailed(
      [
        [1, 5],
        [2, 6],
        [3, 7],
      ],
      { directions: ["benefit", { range: [4, 8] }] },
    );
    expect(d.constant).toEqual([false, true]);
    expect(d.weights).toEqual([1, 0]);
  });

  it("a range direction: [0, 5, 10, 20] with range [4, 12] gives z = [0.5, 1, 1, 0] (M = 8), hand computation", () => {
    // z = (0.5, 1, 1, 0): p = (0.2, 0.4, 0.4, 0); e = -(0.2 ln 0.2 + 2 (0.4 ln 0.4)) / ln 4.
    const e = -(0.2 * Math.log(0.2) + 0.8 * Math.log(0.4)) / Math.log(4);
    const d = entropyWeightsDetailed(
      [
        [0, 1],
        [5, 2],
        [10, 3],
        [20, 4],
      ],
      { directions: [{ range: [4, 12] }, "benefit"] },
    );
    expect(d.entropy[0]).toBeCloseTo(e, 14);
  });

  it("does not mutate a frozen input", () => {
    const m = frozen([
      [1, 2],
      [3, 4],
    ]);
    expect(() => entropyWeights(m, { directions: ["cost", "benefit"] })).not.toThrow();
  });

  test.prop(
    [
      fc.integer({ min: 2, max: 30 }).chain((m) =>
        fc.array(fc.array(fc.double({ min: 0, max: 1e6, noNaN: true }), { minLength: 3, maxLength: 3 }), {
          minLength: m,
          maxLength: m,
        }),
      ),
    ],
    { seed: 42, numRuns: 100 },
  )("weights are non-negative and sum to 1 (unless every column is constant)", (rows) => {
    const r = (() => {
      try {
        return entropyWeights(rows);
      } catch (e) {
        if ((e as { code?: string }).code === "all_constant") return null;
        throw e;
      }
    })();
    if (r === null) return;
    expect(r.every((w) => w >= 0)).toBe(true);
    expect(Math.abs(r.reduce((a, b) => a + b, 0) - 1)).toBeLessThan(1e-12);
  });

  test.prop([fc.array(fc.double({ min: 0.01, max: 100, noNaN: true }), { minLength: 2, maxLength: 20 })], {
    seed: 42,
    numRuns: 100,
  })("entropy is invariant to scaling a column (proportions do not change)", (col) => {
    const rows = col.map((v, i) => [v, i + 1]);
    const scaled = col.map((v, i) => [v * 7.5, i + 1]);
    const a = entropyWeightsDetailed(rows).entropy[0] as number;
    const b = entropyWeightsDetailed(scaled).entropy[0] as number;
    expect(Math.abs(a - b)).toBeLessThan(1e-12);
  });
});

describe("entropyWeights: chunked alignment against a plain implementation", () => {
  it("20000 x 3 seeded data with directions (several 8192-row chunks) agrees with Math.log entropy to 1e-12", () => {
    const rnd = mulberry32(5);
    const rows = Array.from({ length: 20_000 }, () => [rnd() * 10, rnd() * 3 + 1, rnd() * 100]);
    const dirs = ["benefit", "cost", { target: 40 }] as const;
    const plain = [0, 1, 2].map((j) => {
      const x = rows.map((r) => r[j] as number);
      const lo = Math.min(...x);
      const hi = Math.max(...x);
      const d = Math.max(Math.abs(lo - 40), Math.abs(hi - 40));
      const z = x.map((v) =>
        j === 0 ? (v - lo) / (hi - lo) : j === 1 ? (hi - v) / (hi - lo) : 1 - Math.abs(v - 40) / d,
      );
      const s = z.reduce((a, b) => a + b, 0);
      return 1 + z.reduce((a, v) => a + (v > 0 ? (v / s) * Math.log(v / s) : 0), 0) / Math.log(x.length);
    });
    const total = plain.reduce((a, b) => a + b, 0);
    expectClose(
      entropyWeights(rows, { directions: [...dirs] }),
      plain.map((d) => d / total),
      1e-12,
    );
  });
});

describe("sumAndXLogX (table-driven log) against Math.log", () => {
  it("agrees with Σ y Math.log(y) to 1e-14 relative over 1e5 values from 1e-300 to 1e300, zeros and subnormals", () => {
    const rnd = mulberry32(7);
    const y = new Float64Array(100_003);
    for (let i = 0; i < y.length; i++) y[i] = 10 ** (600 * rnd() - 300);
    y[5] = 0;
    y[6] = 5e-324;
    y[7] = 1;
    const out = new Float64Array(2);
    sumAndXLogX(y, out);
    let s = 0;
    let t = 0;
    let scale = 0;
    for (const v of y) {
      s += v;
      if (v > 0) {
        t += v * Math.log(v);
        scale += Math.abs(v * Math.log(v));
      }
    }
    expect(Math.abs((out[0] as number) - s) / s).toBeLessThan(1e-14);
    expect(Math.abs((out[1] as number) - t) / scale).toBeLessThan(1e-14);
  });

  it("agrees term by term with Math.log on [0, 1] values (min-max data)", () => {
    const rnd = mulberry32(11);
    for (let k = 0; k < 200; k++) {
      const v = rnd();
      const out = new Float64Array(2);
      sumAndXLogX(Float64Array.of(v), out);
      expect(Math.abs((out[1] as number) - v * Math.log(v))).toBeLessThan(5e-16);
    }
  });
});

describe("entropyWeights: errors", () => {
  it.each([
    ["one unit", [[1, 2]], {}, "too_few_units @ matrix"],
    [
      "a negative value without directions",
      [
        [1, 2],
        [3, -4],
      ],
      {},
      "negative_value @ matrix[1][1]",
    ],
    [
      "NaN",
      [
        [1, 2],
        [Number.NaN, 4],
      ],
      {},
      "invalid_matrix @ matrix[1][0]",
    ],
    ["ragged rows", [[1, 2], [3]], {}, "invalid_matrix @ matrix[1]"],
    [
      "all columns constant",
      [
        [1, 2],
        [1, 2],
      ],
      {},
      "all_constant @ matrix",
    ],
    [
      "a negative shift",
      [
        [1, 2],
        [3, 4],
      ],
      { shift: -1 },
      "invalid_option @ opts.shift",
    ],
    [
      "wrong number of directions",
      [
        [1, 2],
        [3, 4],
      ],
      { directions: ["benefit"] },
      "invalid_option @ opts.directions",
    ],
    [
      "an unknown direction",
      [
        [1, 2],
        [3, 4],
      ],
      { directions: ["up", "benefit"] },
      "invalid_direction @ opts.directions[0]",
    ],
    [
      "a non-finite target",
      [
        [1, 2],
        [3, 4],
      ],
      { directions: [{ target: Number.NaN }, "benefit"] },
      "invalid_direction @ opts.directions[0]",
    ],
    [
      "a reversed range",
      [
        [1, 2],
        [3, 4],
      ],
      { directions: ["cost", { range: [5, 1] }] },
      "invalid_direction @ opts.directions[1]",
    ],
  ])("%s", (_name, rows, opts, expected) => {
    expect(errorOf(() => entropyWeights(rows as number[][], opts as never))).toBe(expected);
  });

  it("negative values are fine with directions (min-max first)", () => {
    expect(() =>
      entropyWeights(
        [
          [1, -2],
          [3, -4],
        ],
        { directions: ["benefit", "cost"] },
      ),
    ).not.toThrow();
  });

  it("columns input: not Float64Array, unequal lengths, non-finite value named by row and column", () => {
    expect(errorOf(() => entropyWeights({ columns: [[1, 2] as unknown as Float64Array] }))).toBe(
      "invalid_matrix @ matrix.columns[0]",
    );
    expect(errorOf(() => entropyWeights({ columns: [Float64Array.of(1, 2), Float64Array.of(1)] }))).toBe(
      "invalid_matrix @ matrix.columns[1]",
    );
    expect(
      errorOf(() =>
        entropyWeights({ columns: [Float64Array.of(1, 2), Float64Array.of(1, Number.POSITIVE_INFINITY)] }),
      ),
    ).toBe("invalid_matrix @ matrix[1][1]");
    expect(errorOf(() => entropyWeights({ columns: [] }))).toBe("invalid_matrix @ matrix");
  });
});
