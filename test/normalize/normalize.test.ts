import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import type { NormalizeSpec } from "../../src/internal/specs.js";
import { normalize, normalizeDetailed } from "../../src/normalize/index.js";
import { X, Z } from "../fixtures/five-communities/index.js";
import { thrown } from "../helpers/errors.js";

const code = (f: () => unknown): string => thrown(f).code;

const NaN_ = Number.NaN;

function close(actual: ArrayLike<number>, expected: readonly number[], digits = 12): void {
  expect(actual.length).toBe(expected.length);
  for (let i = 0; i < expected.length; i++) {
    const e = expected[i] as number;
    const a = actual[i] as number;
    if (Number.isNaN(e)) expect(a, `entry ${i}`).toBeNaN();
    else expect(a, `entry ${i}`).toBeCloseTo(e, digits);
  }
}

// The five-communities example (test/fixtures/five-communities): X, 5 communities x 4 indicators (I1, I2
// benefit; I3 cost; I4 target 300), and its Z as computed by compute.py (numpy).
const column = (rows: readonly (readonly number[])[], j: number) =>
  Object.freeze(rows.map((r) => r[j] as number));
const [I1, I2, I3, I4] = [0, 1, 2, 3].map((j) => column(X, j)) as [number[], number[], number[], number[]];
const [Z1, Z2, Z3, Z4] = [0, 1, 2, 3].map((j) => column(Z, j)) as [number[], number[], number[], number[]];

describe("normalize on the five-communities matrix", () => {
  it("normalize(I1, 'minmax') gives Z column 1 [0.1875, 0.5625, 0, 1, 0.375]", () => {
    close(normalize(I1, "minmax"), Z1);
  });
  it("normalize(I2, 'minmax') gives Z column 2 (6 decimals)", () => {
    close(normalize(I2, "minmax"), Z2, 6);
  });
  it("normalize(I3, 'minmax', cost) gives Z column 3 (max - x)/(max - min)", () => {
    close(normalize(I3, "minmax", { direction: "cost" }), Z3, 6);
  });
  it("normalize(I4, 'minmax', { target: 300 }) gives Z column 4 [0.9, 0.4, 0.95, 0, 0.75]", () => {
    // |x - 300| = [20, 120, 10, 200, 50]; max 200; 1 - d/200.
    close(normalize(I4, "minmax", { direction: { target: 300 } }), Z4);
    close(normalize(I4, "target", { direction: { target: 300 } }), Z4);
    close(normalize(I4, { method: "target", target: 300 }), Z4);
  });
});

describe("normalize: minmax", () => {
  it("maps onto a range: [0, 100] gives 100 * (x - min)/(max - min)", () => {
    close(normalize([2, 4, 6], { method: "minmax", range: [0, 100] }), [0, 50, 100]);
    close(normalize([2, 4, 6], "minmax", { range: [1, 3] }), [1, 2, 3]);
  });
  it("spec.range wins over opts.range", () => {
    close(normalize([2, 4, 6], { method: "minmax", range: [0, 10] }, { range: [0, 100] }), [0, 5, 10]);
  });
  it("cost 'reciprocal': 1/x then min-max; x = [1, 2, 4] -> 1/x = [1, .5, .25] -> [1, 1/3, 0]", () => {
    close(normalize([1, 2, 4], { method: "minmax", cost: "reciprocal" }, { direction: "cost" }), [
      1,
      1 / 3,
      0,
    ]);
  });
  it("cost 'negate' equals the default reflect (COINr: -x then min-max)", () => {
    close(normalize([1, 2, 4], { method: "minmax", cost: "negate" }, { direction: "cost" }), [1, 2 / 3, 0]);
    expect(
      normalizeDetailed([1, 2, 4], { method: "minmax", cost: "negate" }, { direction: "cost" }).params.cost,
    ).toBe("negate");
  });
  it("cost 'reciprocal' on a non-positive value throws nonpositive_value", () => {
    expect(
      code(() => normalize([0, 1, 2], { method: "minmax", cost: "reciprocal" }, { direction: "cost" })),
    ).toBe("nonpositive_value");
  });
  it("NaN stays NaN and is skipped in min and max", () => {
    close(normalize([NaN_, 0, 10, 5], "minmax"), [NaN_, 0, 1, 0.5]);
  });
  it("a constant column gives the midpoint of the range and a constant_column warning (docs/methods.md, conventions table)", () => {
    const r = normalizeDetailed([7, 7, NaN_], { method: "minmax", range: [0, 100] });
    close(r.values, [50, 50, NaN_]);
    expect(r.warnings.map((w) => w.code)).toEqual(["constant_column"]);
  });
  it("an all-missing column gives all NaN and an all_missing warning", () => {
    const r = normalizeDetailed([NaN_, NaN_], "minmax");
    close(r.values, [NaN_, NaN_]);
    expect(r.warnings.map((w) => w.code)).toEqual(["all_missing"]);
    expect(r.params.min).toBeNaN();
  });
  it("params record the method, range, min, max and counts", () => {
    const r = normalizeDetailed([3, NaN_, 9], "minmax");
    expect(r.params).toMatchObject({
      method: "minmax",
      direction: "benefit",
      n: 2,
      missing: 1,
      min: 3,
      max: 9,
      range: [0, 1],
    });
  });
});

describe("normalize: goalposts", () => {
  it("(x - L)/(U - L) clipped into [0, 1]: goalposts [0, 100] on [-10, 50, 120] give [0, 0.5, 1]", () => {
    const r = normalizeDetailed([-10, 50, 120], { method: "goalposts", goalposts: [0, 100] });
    close(r.values, [0, 0.5, 1]);
    expect(r.params.outside).toBe(2);
  });
  it("clip: false keeps values beyond the goalposts: [-0.1, 0.5, 1.2]", () => {
    close(
      normalize([-10, 50, 120], { method: "goalposts", goalposts: [0, 100], clip: false }),
      [-0.1, 0.5, 1.2],
    );
  });
  it("cost: (U - x)/(U - L); goalposts from opts; range [0, 100]", () => {
    close(
      normalize(
        [0, 25, 100],
        { method: "goalposts", range: [0, 100] },
        { direction: "cost", goalposts: [0, 100] },
      ),
      [100, 75, 0],
    );
  });
  it("a single unit gets a defined score (no sample statistics needed)", () => {
    close(normalize([30], "goalposts", { goalposts: [0, 40] }), [0.75]);
  });
  it("a target direction uses the moderate formula with the goalposts as bounds", () => {
    // t = 300, goalposts [200, 500]: M = max(300 - 200, 500 - 300) = 200; x = 250 -> 1 - 50/200.
    const r = normalizeDetailed([250, 300, 450, 600], "goalposts", {
      direction: { target: 300 },
      goalposts: [200, 500],
    });
    close(r.values, [0.75, 1, 0.25, 0]);
    expect(r.params.method).toBe("target");
    expect(r.params.scale).toBe(200);
  });
  it("without goalposts it throws missing_goalposts", () => {
    expect(code(() => normalize([1, 2], "goalposts"))).toBe("missing_goalposts");
  });
  it("reversed or non-finite goalposts throw invalid_option", () => {
    expect(code(() => normalize([1, 2], { method: "goalposts", goalposts: [5, 1] }))).toBe("invalid_option");
    expect(code(() => normalize([1, 2], "goalposts", { goalposts: [0, Number.POSITIVE_INFINITY] }))).toBe(
      "invalid_option",
    );
  });
});

describe("normalize: zscore", () => {
  it("(x - mean)/sd with sample sd: [2, 4, 6] -> mean 4, sd 2 -> [-1, 0, 1]", () => {
    const r = normalizeDetailed([2, 4, 6], "zscore");
    close(r.values, [-1, 0, 1]);
    expect(r.params).toMatchObject({ mean: 4, sd: 2, ddof: 1 });
  });
  it("ddof 0: population sd sqrt(8/3) -> [-1.224745, 0, 1.224745]", () => {
    close(normalize([2, 4, 6], { method: "zscore", ddof: 0 }), [
      -2 / Math.sqrt(8 / 3),
      0,
      2 / Math.sqrt(8 / 3),
    ]);
  });
  it("cost flips the sign", () => {
    close(normalize([2, 4, 6, NaN_], "zscore", { direction: "cost" }), [1, 0, -1, NaN_]);
  });
  it("a target direction standardizes minus the distance: t = 5 on [3, 5, 8] -> d = [-2, 0, -3]", () => {
    // -d = [-2, 0, -3], mean -5/3, sd = sqrt(((−1/3)^2 + (5/3)^2 + (−4/3)^2) / 2) = sqrt(7/3)
    const sd = Math.sqrt(7 / 3);
    close(normalize([3, 5, 8], "zscore", { direction: { target: 5 } }), [
      (-2 + 5 / 3) / sd,
      5 / 3 / sd,
      (-3 + 5 / 3) / sd,
    ]);
  });
  it("a constant column gives 0 and a warning", () => {
    const r = normalizeDetailed([4, 4], "zscore");
    close(r.values, [0, 0]);
    expect(r.warnings[0]?.code).toBe("constant_column");
  });
  it("a bad ddof throws invalid_option", () => {
    expect(code(() => normalize([1, 2], { method: "zscore", ddof: 2 as 0 }))).toBe("invalid_option");
  });
});

describe("normalize: target (moderate indicators, docs/methods.md)", () => {
  it("interval [4, 6] on [2, 5, 9]: M = max(4 - 2, 9 - 6) = 3 -> [1 - 2/3, 1, 0]", () => {
    close(normalize([2, 5, 9], "target", { direction: { range: [4, 6] } }), [1 / 3, 1, 0]);
    close(normalize([2, 5, 9], { method: "target", target: [4, 6] }), [1 / 3, 1, 0]);
    close(normalize([2, 5, 9], "minmax", { direction: { range: [4, 6] } }), [1 / 3, 1, 0]);
  });
  it("every value inside the interval scores 1", () => {
    close(normalize([4, 5, 6], "target", { direction: { range: [3, 7] } }), [1, 1, 1]);
  });
  it("with opts.goalposts they replace the sample min/max and scores are clipped at 0", () => {
    // t = 10, goalposts [0, 30]: M = max(10, 20) = 20; x = 35 -> 1 - 25/20 < 0 -> 0.
    close(
      normalize([5, 10, 35], { method: "target", target: 10, range: [0, 100] }, { goalposts: [0, 30] }),
      [75, 100, 0],
    );
  });
  it("spec.target wins over a target direction", () => {
    close(normalize([0, 10], { method: "target", target: 0 }, { direction: { target: 10 } }), [1, 0]);
  });
  it("without a target it throws missing_target; a bad target throws invalid_option", () => {
    expect(code(() => normalize([1, 2], "target"))).toBe("missing_target");
    expect(code(() => normalize([1, 2], { method: "target", target: [3, 1] }))).toBe("invalid_option");
    expect(code(() => normalize([1, 2], { method: "target", target: Number.NaN }))).toBe("invalid_option");
  });
});

describe("normalize: rank, percentile, borda (COINr n_rank, n_prank, n_borda)", () => {
  const x = Object.freeze([10, 30, 30, NaN_, 5]);
  it("rank: ascending ranks, ties min: [2, 3, 3, NaN, 1]; ties average: [2, 3.5, 3.5, NaN, 1]", () => {
    close(normalize(x, "rank"), [2, 3, 3, NaN_, 1]);
    close(normalize(x, { method: "rank", ties: "average" }), [2, 3.5, 3.5, NaN_, 1]);
  });
  it("borda = rank - 1: [1, 2, 2, NaN, 0]", () => {
    close(normalize(x, "borda"), [1, 2, 2, NaN_, 0]);
  });
  it("percentile = (rank - 1)/(n - 1) with n = 4 present: [1/3, 2/3, 2/3, NaN, 0]", () => {
    close(normalize(x, "percentile"), [1 / 3, 2 / 3, 2 / 3, NaN_, 0]);
  });
  it("cost reverses the ranks: [3, 1, 1, NaN, 4]", () => {
    close(normalize(x, "rank", { direction: "cost" }), [3, 1, 1, NaN_, 4]);
  });
  it("a target direction ranks by closeness: t = 20 on [10, 30, 20, 0] -> distances [10, 10, 0, 20] -> [2, 2, 4, 1]", () => {
    close(normalize([10, 30, 20, 0], "rank", { direction: { target: 20 } }), [2, 2, 4, 1]);
  });
  it("percentile of a constant column gives 0.5 and a warning", () => {
    const r = normalizeDetailed([3, 3, 3], "percentile");
    close(r.values, [0.5, 0.5, 0.5]);
    expect(r.warnings[0]?.code).toBe("constant_column");
  });
  it("a bad ties option throws invalid_option", () => {
    expect(code(() => normalize([1, 2], { method: "rank", ties: "max" as "min" }))).toBe("invalid_option");
  });
});

describe("normalize: distance-to-max, fraction-of-max, vector, sum, none", () => {
  it("distance-to-max: 1 - (max - x)/(max - min) on [2, 4, 10] -> [0, 0.25, 1]; cost -> [1, 0.75, 0]", () => {
    close(normalize([2, 4, 10], "distance-to-max"), [0, 0.25, 1]);
    close(normalize([2, 4, 10], "distance-to-max", { direction: "cost" }), [1, 0.75, 0]);
  });
  it("distance-to-max on a target direction: t = 4 on [2, 4, 10] -> -d = [-2, 0, -6] -> [2/3, 1, 0]", () => {
    close(normalize([2, 4, 10], "distance-to-max", { direction: { target: 4 } }), [2 / 3, 1, 0]);
  });
  it("fraction-of-max: x / max on [2, 4, 10] -> [0.2, 0.4, 1]; cost: min / x -> [1, 0.5, 0.2]", () => {
    close(normalize([2, 4, 10], "fraction-of-max"), [0.2, 0.4, 1]);
    close(normalize([2, 4, 10], "fraction-of-max", { direction: "cost" }), [1, 0.5, 0.2]);
  });
  it("vector: x / sqrt(sum x^2) on [3, 4] -> [0.6, 0.8]; cost 1 - x/||x|| -> [0.4, 0.2]", () => {
    close(normalize([3, 4, NaN_], "vector"), [0.6, 0.8, NaN_]);
    close(normalize([3, 4], "vector", { direction: "cost" }), [0.4, 0.2]);
  });
  it("sum: x / sum x on [1, 3] -> [0.25, 0.75]; cost (1/x)/sum(1/x) on [1, 3] -> [0.75, 0.25]", () => {
    close(normalize([1, 3], "sum"), [0.25, 0.75]);
    close(normalize([1, 3], "sum", { direction: "cost" }), [0.75, 0.25]);
  });
  it("all-zero columns give equal shares and a constant_column warning", () => {
    const v = normalizeDetailed([0, 0, 0, 0], "vector");
    close(v.values, [0.5, 0.5, 0.5, 0.5]);
    expect(v.warnings[0]?.code).toBe("constant_column");
    close(normalize([0, 0, 0, 0], "sum"), [0.25, 0.25, 0.25, 0.25]);
    close(normalize([0, 0], "fraction-of-max"), [1, 1]);
  });
  it("none: as is; cost -x; target minus the distance", () => {
    close(normalize([1, -2], "none"), [1, -2]);
    close(normalize([1, -2], "none", { direction: "cost" }), [-1, 2]);
    close(normalize([1, 5], "none", { direction: { target: 2 } }), [-1, -3]);
  });
  it("ratio methods reject negative values and target directions", () => {
    expect(code(() => normalize([-1, 2], "fraction-of-max"))).toBe("negative_value");
    expect(code(() => normalize([-1, 2], "sum"))).toBe("negative_value");
    expect(code(() => normalize([0, 2], "sum", { direction: "cost" }))).toBe("nonpositive_value");
    expect(code(() => normalize([0, 2], "fraction-of-max", { direction: "cost" }))).toBe("nonpositive_value");
    expect(code(() => normalize([1, 2], "vector", { direction: { target: 1 } }))).toBe(
      "unsupported_direction",
    );
  });
});

describe("normalize: bad input", () => {
  it("±Infinity throws non_finite_value naming the index", () => {
    expect(() => normalize([1, Number.POSITIVE_INFINITY], "minmax")).toThrow(/values\[1\]/);
    expect(code(() => normalize(new Float64Array([Number.NEGATIVE_INFINITY]), "zscore"))).toBe(
      "non_finite_value",
    );
  });
  it("a Float64Array names its first ±Infinity even after a NaN or an out-of-range value", () => {
    // [NaN, 1e200, -Infinity, Infinity]: the first problem met in order is -Infinity at index 2
    // (1e200 is checked against the limit only when no entry is infinite).
    const x = Float64Array.of(Number.NaN, 1e200, Number.NEGATIVE_INFINITY, Number.POSITIVE_INFINITY);
    expect(code(() => normalize(x, "minmax"))).toBe("non_finite_value");
    expect(() => normalize(x, "minmax")).toThrow(/values\[2\].*-Infinity/);
    expect(() => normalize(Float64Array.of(Number.NaN, 2, -1e200), "minmax")).toThrow(/values\[2\].*beyond/);
    // A NaN is missing, not a bound: min 1 and max 3 over the present values.
    expect(normalizeDetailed(Float64Array.of(Number.NaN, 3, 1, Number.NaN), "minmax").params).toMatchObject({
      n: 2,
      missing: 2,
      min: 1,
      max: 3,
    });
  });
  it("a non-number entry throws invalid_value", () => {
    expect(code(() => normalize([1, null as unknown as number], "minmax"))).toBe("invalid_value");
    expect(code(() => normalize(null as unknown as number[], "minmax"))).toBe("invalid_value");
  });
  it("an unknown method, direction or option throws", () => {
    expect(code(() => normalize([1], "softmax" as NormalizeSpec))).toBe("invalid_spec");
    expect(code(() => normalize([1], { method: "x" } as unknown as NormalizeSpec))).toBe("invalid_spec");
    expect(code(() => normalize([1], "minmax", { direction: "up" as "cost" }))).toBe("invalid_direction");
    expect(code(() => normalize([1], "minmax", { direction: { target: [1, 2] as unknown as number } }))).toBe(
      "invalid_direction",
    );
    expect(code(() => normalize([1, 2], { method: "minmax", range: [1, 0] }))).toBe("invalid_option");
    expect(code(() => normalize([1, 2], { method: "minmax", cost: "flip" as "negate" }))).toBe(
      "invalid_option",
    );
    expect(
      code(() =>
        normalize([1, 2], { method: "goalposts", goalposts: [0, 1], clip: "no" as unknown as boolean }),
      ),
    ).toBe("invalid_option");
  });
  it("accepts a Float64Array and does not mutate frozen inputs", () => {
    const x = Object.freeze([5, 1, 3]);
    const opts = Object.freeze({
      direction: "cost" as const,
      range: Object.freeze([0, 10]) as [number, number],
    });
    close(normalize(x, "minmax", opts), [0, 10, 5]);
    expect(x).toEqual([5, 1, 3]);
    const f = new Float64Array([5, 1, 3]);
    normalize(f, "zscore");
    expect(Array.from(f)).toEqual([5, 1, 3]);
  });
});

describe("normalize: properties (fast-check)", () => {
  const column = fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true, noDefaultInfinity: true }), {
    minLength: 1,
    maxLength: 40,
  });
  const range = fc
    .tuple(fc.double({ min: -100, max: 100, noNaN: true }), fc.double({ min: 0.001, max: 100, noNaN: true }))
    .map(([a, w]) => [a, a + w] as [number, number]);

  test.prop([column, range, fc.constantFrom("benefit" as const, "cost" as const)], {
    seed: 42,
    numRuns: 200,
  })("minmax output stays in its range", (x, r, direction) => {
    const z = normalize(x, { method: "minmax", range: r }, { direction });
    const tol = 1e-9 * (Math.abs(r[0]) + Math.abs(r[1]));
    for (const v of z) {
      expect(v).toBeGreaterThanOrEqual(r[0] - tol);
      expect(v).toBeLessThanOrEqual(r[1] + tol);
    }
  });

  const methods: NormalizeSpec[] = [
    "minmax",
    "zscore",
    "rank",
    "percentile",
    "borda",
    "distance-to-max",
    "none",
  ];
  test.prop([column, fc.constantFrom(...methods)], { seed: 42, numRuns: 300 })(
    "normalization keeps the order of benefit values and reverses it for cost",
    (x, spec) => {
      const b = normalize(x, spec);
      const c = normalize(x, spec, { direction: "cost" });
      for (let i = 0; i < x.length; i++)
        for (let j = 0; j < x.length; j++) {
          if ((x[i] as number) < (x[j] as number)) {
            expect(b[i] as number).toBeLessThanOrEqual(b[j] as number);
            expect(c[i] as number).toBeGreaterThanOrEqual(c[j] as number);
          }
        }
    },
  );

  test.prop([fc.array(fc.double({ min: 0.01, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 40 })], {
    seed: 42,
    numRuns: 200,
  })("ratio methods keep the order of positive benefit values and reverse it for cost", (x) => {
    for (const spec of ["fraction-of-max", "vector", "sum"] as const) {
      const b = normalize(x, spec);
      const c = normalize(x, spec, { direction: "cost" });
      for (let i = 0; i < x.length; i++)
        for (let j = 0; j < x.length; j++)
          if ((x[i] as number) < (x[j] as number)) {
            expect(b[i] as number).toBeLessThanOrEqual(b[j] as number);
            expect(c[i] as number).toBeGreaterThanOrEqual(c[j] as number);
          }
    }
  });
});
