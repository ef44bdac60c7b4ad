import { fc, test } from "@fast-check/vitest";
import { sampleCorrelation, sampleStandardDeviation } from "simple-statistics";
import { describe, expect, it } from "vitest";
import { criticWeights, criticWeightsDetailed } from "../../src/weighting/critic.js";
// Reference values: test/fixtures/five-communities/compute.py (expected.json), through ./golden.js.
import { CRITIC_ABS_W, CRITIC_W, DIRS, X } from "./golden.js";
import { errorOf, expectClose, frozen, mulberry32 } from "./helpers.js";

/** Second method: CRITIC written plainly with simple-statistics on benefit min-max columns. */
function naiveCritic(cols: number[][], abs: boolean): number[] {
  const z = cols.map((c) => {
    const lo = Math.min(...c);
    const hi = Math.max(...c);
    return c.map((v) => (v - lo) / (hi - lo));
  });
  const C = z.map((zj) => {
    let conflict = 0;
    for (const zk of z) {
      const r = zj === zk ? 1 : sampleCorrelation(zj, zk);
      conflict += abs ? 1 - Math.abs(r) : 1 - r;
    }
    return sampleStandardDeviation(zj) * conflict;
  });
  const s = C.reduce((a, b) => a + b, 0);
  return C.map((c) => c / s);
}

describe("criticWeights: the five-communities example (Diakoulaki et al. 1995, computed by compute.py)", () => {
  it("criticWeights(X, directions) with 1 - r gives the reference weights to 1e-6", () => {
    expectClose(criticWeights(X, { directions: DIRS }), CRITIC_W, 1e-6);
  });
  it("criticWeights(X, directions, 1 - |r|) gives the reference weights to 1e-6", () => {
    expectClose(criticWeights(X, { directions: DIRS, correlation: "1-|r|" }), CRITIC_ABS_W, 1e-6);
  });
  it("ddof cancels out of the weights but scales sd", () => {
    const a = criticWeightsDetailed(X, { directions: DIRS, ddof: 0 });
    const b = criticWeightsDetailed(X, { directions: DIRS, ddof: 1 });
    expectClose(a.weights, CRITIC_W, 1e-6);
    expect((b.sd[0] as number) / (a.sd[0] as number)).toBeCloseTo(Math.sqrt(5 / 4), 12);
  });
  it("criticWeightsDetailed([[1,3],[2,1],[3,2]]) has correlation -0.5 (hand computation)", () => {
    const d = criticWeightsDetailed([
      [1, 3],
      [2, 1],
      [3, 2],
    ]);
    expect(d.correlation[0]?.[1]).toBeCloseTo(-0.5, 14);
    expect(d.correlation[1]?.[1]).toBe(1);
  });
});

describe("criticWeights: the blocked correlation pass against simple-statistics", () => {
  it("5000 x 7 seeded data (crosses the 2048-row block, odd column count) agrees to 1e-10 for both conflict terms", () => {
    const rnd = mulberry32(3);
    const base = Array.from({ length: 5000 }, () => rnd());
    const cols = Array.from({ length: 7 }, (_, j) =>
      base.map((b) => (j % 2 === 0 ? b : 0) + rnd() * (j + 1) * 10 + 1000),
    );
    const columns = cols.map((c) => Float64Array.from(c));
    expectClose(criticWeights({ columns }), naiveCritic(cols, false), 1e-10);
    expectClose(criticWeights({ columns }, { correlation: "1-|r|" }), naiveCritic(cols, true), 1e-10);
  });

  test.prop(
    [
      fc.integer({ min: 3, max: 40 }).chain((m) =>
        fc.array(fc.array(fc.integer({ min: -50, max: 50 }), { minLength: m, maxLength: m }), {
          minLength: 2,
          maxLength: 9,
        }),
      ),
    ],
    { seed: 42, numRuns: 80 },
  )("random integer columns: same weights as the plain implementation (constant columns skipped)", (cols) => {
    const varying = cols.filter((c) => Math.max(...c) > Math.min(...c));
    if (varying.length < 2) return;
    const rows = cols[0]?.map((_, i) => cols.map((c) => c[i] as number)) ?? [];
    const w = criticWeights(rows);
    const ref = naiveCritic(varying, false);
    if (!ref.every(Number.isFinite)) return; // all varying columns perfectly correlated
    let k = 0;
    cols.forEach((c, j) => {
      if (Math.max(...c) > Math.min(...c))
        expect(Math.abs((w[j] as number) - (ref[k++] as number))).toBeLessThan(1e-9);
      else expect(w[j]).toBe(0);
    });
  });
});

describe("criticWeights: conventions and errors", () => {
  it("a constant column gets weight 0 and takes no part in the others' conflict sums", () => {
    const withConst = criticWeightsDetailed([
      [1, 7, 3],
      [2, 7, 1],
      [4, 7, 2],
      [3, 7, 5],
    ]);
    const without = criticWeights([
      [1, 3],
      [2, 1],
      [4, 2],
      [3, 5],
    ]);
    expect(withConst.weights[1]).toBe(0);
    expect(withConst.constant).toEqual([false, true, false]);
    expectClose([withConst.weights[0] as number, withConst.weights[2] as number], without, 1e-14);
    expect(withConst.correlation[0]?.[1]).toBe(0);
  });
  it("a single varying column gets weight 1", () => {
    expect(
      criticWeights([
        [1, 5],
        [2, 5],
      ]),
    ).toEqual([1, 0]);
  });
  it("a cost direction flips correlation signs: 1 - |r| weights do not change", () => {
    const rows = [
      [1, 3, 2],
      [2, 1, 5],
      [4, 2, 1],
      [3, 5, 4],
    ];
    expectClose(
      criticWeights(rows, { directions: ["cost", "benefit", "benefit"], correlation: "1-|r|" }),
      criticWeights(frozen(rows), { correlation: "1-|r|" }),
      1e-14,
    );
  });
  it.each([
    ["one unit", [[1, 2]], {}, "too_few_units @ matrix"],
    [
      "all constant",
      [
        [1, 2],
        [1, 2],
      ],
      {},
      "all_constant @ matrix",
    ],
    [
      "perfectly correlated columns",
      [
        [1, 2],
        [2, 4],
        [3, 6],
      ],
      {},
      "degenerate_weights @ matrix",
    ],
    [
      "bad correlation option",
      [
        [1, 2],
        [2, 1],
      ],
      { correlation: "r" },
      "invalid_option @ opts.correlation",
    ],
    [
      "bad ddof",
      [
        [1, 2],
        [2, 1],
      ],
      { ddof: 2 },
      "invalid_option @ opts.ddof",
    ],
    [
      "Infinity",
      [
        [1, 2],
        [2, Number.POSITIVE_INFINITY],
      ],
      {},
      "invalid_matrix @ matrix[1][1]",
    ],
  ])("%s", (_name, rows, opts, expected) => {
    expect(errorOf(() => criticWeights(rows as number[][], opts as never))).toBe(expected);
  });
});
