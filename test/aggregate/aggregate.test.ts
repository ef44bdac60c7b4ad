import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { aggregate, weightedMean } from "../../src/aggregate/index.js";
import type { AggregateSpec, MissingPolicy } from "../../src/internal/specs.js";
import { thrown } from "../helpers/errors.js";

const NaN_ = Number.NaN;

function close(actual: ArrayLike<number>, expected: readonly number[], digits = 12): void {
  expect(actual.length).toBe(expected.length);
  for (let i = 0; i < expected.length; i++) {
    const e = expected[i] as number;
    if (Number.isNaN(e)) expect(actual[i], `entry ${i}`).toBeNaN();
    else expect(actual[i] as number, `entry ${i}`).toBeCloseTo(e, digits);
  }
}

const code = (f: () => unknown): string => thrown(f).code;

describe("aggregate: methods, by hand", () => {
  it("arithmetic (default): (0.2 * 1 + 0.8 * 3) / 4 = 0.65; a missing child is skipped with its weight (COINr a_amean)", () => {
    const r = aggregate(
      [
        [0.2, 0.5],
        [0.8, NaN_],
      ],
      [1, 3],
    );
    close(r.values, [0.65, 0.5]);
    close(r.coverage, [1, 0.5]);
  });

  it("geometric: (4 * 1)^(1/2) = 2; weighted 8^(1/3) * 2^(2/3) = 2^(5/3)", () => {
    close(
      aggregate(
        [
          [4, 1],
          [1, 4],
        ],
        [1, 1],
        "geometric",
      ).values,
      [2, 2],
    );
    close(aggregate([[8], [2]], [1, 2], { method: "geometric" }).values, [2 ** (5 / 3)]);
  });

  it("geometric with a zero throws zero_value naming unit and child; zero: 'floor' raises it to the floor", () => {
    const e = thrown(() =>
      aggregate(
        [
          [1, 2],
          [3, 0],
        ],
        [1, 1],
        "geometric",
      ),
    );
    expect(e.code).toBe("zero_value");
    expect(e.message).toMatch(/unit 1, child 1/);
    expect(e.where).toBe("children[1][1]");
    // sqrt(0.01 * 1) = 0.1
    close(aggregate([[0], [1]], [1, 1], { method: "geometric", zero: "floor", floor: 0.01 }).values, [0.1]);
    // default floor 0.001: sqrt(0.001 * 1000) = 1
    close(aggregate([[0], [1000]], [1, 1], { method: "geometric", zero: "floor" }).values, [1]);
    expect(code(() => aggregate([[-1], [1]], [1, 1], { method: "geometric", zero: "floor" }))).toBe(
      "negative_value",
    );
  });

  it("harmonic: 2 / (1/1 + 1/4) = 1.6; weighted (1 + 3) / (1/2 + 3/4) = 3.2", () => {
    close(aggregate([[1], [4]], [1, 1], "harmonic").values, [1.6]);
    close(aggregate([[2], [4]], [1, 3], { method: "harmonic" }).values, [3.2]);
    expect(code(() => aggregate([[1], [0]], [1, 1], "harmonic"))).toBe("nonpositive_value");
  });

  it("minimum: the smallest child; a child of weight 0 takes no part", () => {
    close(
      aggregate(
        [
          [3, 1, NaN_],
          [2, 5, 7],
          [0, 9, 8],
        ],
        [1, 1, 0],
        "minimum",
      ).values,
      [2, 1, 7],
    );
    close(aggregate([[3], [2]], [5, 1], { method: "minimum" }).values, [2]);
  });

  it("power p = 2: sqrt((9 + 16) / 2) = sqrt(12.5); p = 1 arithmetic, p = 0 geometric, p = -1 harmonic", () => {
    const ch = [[3], [4]];
    close(aggregate(ch, [1, 1], { method: "power", p: 2 }).values, [Math.sqrt(12.5)]);
    close(aggregate(ch, [1, 1], { method: "power", p: 1 }).values, [3.5]);
    close(aggregate(ch, [1, 1], { method: "power", p: 0 }).values, [Math.sqrt(12)]);
    close(aggregate(ch, [1, 1], { method: "power", p: -1 }).values, [2 / (1 / 3 + 1 / 4)]);
  });

  it("power with p near 0 approaches the geometric mean (the p -> 0 limit)", () => {
    const ch = [
      [2, 5],
      [8, 1],
      [3, 7],
    ];
    const w = [1, 2, 3];
    const g = aggregate(ch, w, "geometric").values;
    close(aggregate(ch, w, { method: "power", p: 1e-7 }).values, Array.from(g), 5);
  });

  it("power with a subnormal p (5e-324) gives the geometric mean, not NaN", () => {
    close(aggregate([[4], [1]], [1, 1], { method: "power", p: 5e-324 }).values, [2]);
  });

  it("power beyond the double range throws numeric_overflow", () => {
    expect(code(() => aggregate([[1e300], [1]], [1, 1], { method: "power", p: 2 }))).toBe("numeric_overflow");
  });

  // Issue 20 item 5 (failed before the scaled form): x^p underflowed to 0 (or overflowed to
  // Infinity for p < 0) and the mean came out 0. The mean of equal values is that value for every p,
  // and M_p tends to max(x) as p -> +inf and to min(x) as p -> -inf (Hardy, Littlewood, Polya,
  // Inequalities, 2.4).
  it("power p = 400 and p = -400 on (0.1, 0.1) is 0.1, not 0 (issue 20 item 5: failed before the fix)", () => {
    close(aggregate([[0.1], [0.1]], [1, 1], { method: "power", p: 400 }).values, [0.1]);
    close(aggregate([[0.1], [0.1]], [1, 1], { method: "power", p: -400 }).values, [0.1]);
  });

  it("power p = 1e308 on (0.1, 0.3) is the maximum 0.3 and p = -1e308 the minimum 0.1 (the limits)", () => {
    close(aggregate([[0.1], [0.3]], [1, 2], { method: "power", p: 1e308 }).values, [0.3]);
    close(aggregate([[0.1], [0.3]], [1, 2], { method: "power", p: -1e308 }).values, [0.1]);
  });

  it("power p = 1000 on (0.5, 0.25): 0.5 * ((1 + 2^-1000) / 2)^(1/1000) = 0.5 * 2^(-1/1000) by hand", () => {
    close(aggregate([[0.5], [0.25]], [1, 1], { method: "power", p: 1000 }).values, [0.5 * 2 ** (-1 / 1000)]);
  });

  it("power p = 2 on (0, 0) is 0 (a zero pivot), and an all-missing unit stays NaN", () => {
    const v = aggregate(
      [
        [0, Number.NaN],
        [0, Number.NaN],
      ],
      [1, 1],
      { method: "power", p: 2 },
    ).values;
    expect(v[0]).toBe(0);
    expect(Number.isNaN(v[1] as number)).toBe(true);
  });

  it("power with p < 0 on a zero throws nonpositive_value; with p > 0 on a negative, negative_value", () => {
    expect(code(() => aggregate([[0], [1]], [1, 1], { method: "power", p: -2 }))).toBe("nonpositive_value");
    expect(code(() => aggregate([[-1], [1]], [1, 1], { method: "power", p: 2 }))).toBe("negative_value");
    close(aggregate([[0], [4]], [1, 1], { method: "power", p: 0.5 }).values, [1]); // ((0 + 2) / 2)^2
  });

  it("Mazziotta-Pareto on [110, 90, 100]: M = 100, S = sqrt(200/3), cv = S/M, MPI- = 100 - 200/300", () => {
    const ch = [
      [110, 100],
      [90, 100],
      [100, 100],
    ];
    close(aggregate(ch, [1, 1, 1], "mazziotta-pareto").values, [100 - 2 / 3, 100]);
    close(aggregate(ch, [1, 1, 1], { method: "mazziotta-pareto", penalty: "positive" }).values, [
      100 + 2 / 3,
      100,
    ]);
  });

  it("Mazziotta-Pareto with weights [1, 3] on [120, 100]: M = 105, S^2 = (225 + 3 * 25)/4 = 75, MPI- = 105 - 75/105", () => {
    close(aggregate([[120], [100]], [1, 3], "mazziotta-pareto").values, [105 - 75 / 105]);
  });

  it("Mazziotta-Pareto on a non-positive mean throws nonpositive_mean (inputs should be 100 ± 10)", () => {
    expect(code(() => aggregate([[-1], [0.5]], [1, 1], "mazziotta-pareto"))).toBe("nonpositive_mean");
  });
});

describe("aggregate: missing-value policies and coverage", () => {
  const A = Object.freeze([1, NaN_, 3]);
  const B = Object.freeze([4, 5, NaN_]);

  it("skip: [2.5, 5, 3], coverage [1, 0.5, 0.5]", () => {
    const r = aggregate([A, B], [1, 1], "arithmetic", { missing: "skip" });
    close(r.values, [2.5, 5, 3]);
    close(r.coverage, [1, 0.5, 0.5]);
  });

  it("error: throws missing_value naming unit 1, child 0", () => {
    const e = thrown(() => aggregate([A, B], [1, 1], "arithmetic", { missing: "error" }));
    expect(e.code).toBe("missing_value");
    expect(e.where).toBe("children[0][1]");
  });

  it("zero: [2.5, 2.5, 1.5]; coverage still reports the input [1, 0.5, 0.5]", () => {
    const r = aggregate([A, B], [1, 1], "arithmetic", { missing: "zero" });
    close(r.values, [2.5, 2.5, 1.5]);
    close(r.coverage, [1, 0.5, 0.5]);
  });

  it("mean and median impute each child's column statistic first", () => {
    const a = [1, NaN_, 3, 10];
    const b = [4, 5, NaN_, 6];
    // mean: a -> 14/3, b -> 5; median: a -> 3, b -> 5
    close(aggregate([a, b], [1, 1], "arithmetic", { missing: "mean" }).values, [2.5, (14 / 3 + 5) / 2, 4, 8]);
    close(aggregate([a, b], [1, 1], "arithmetic", { missing: "median" }).values, [2.5, 4, 4, 8]);
  });

  it("a unit with no child present is NaN with coverage 0 under every policy", () => {
    for (const missing of ["skip", "mean", "median", "zero"] as MissingPolicy[]) {
      const r = aggregate(
        [
          [1, NaN_],
          [2, NaN_],
        ],
        [1, 1],
        "arithmetic",
        { missing },
      );
      close(r.values, [1.5, NaN_]);
      close(r.coverage, [1, 0]);
    }
  });

  it("a unit whose present children all have weight 0 is NaN", () => {
    close(
      aggregate(
        [
          [1, NaN_],
          [2, 3],
        ],
        [1, 0],
      ).values,
      [1, NaN_],
    );
  });

  it("a missing value in a child of weight 0 lowers coverage but not the value", () => {
    const r = aggregate(
      [
        [1, 2],
        [NaN_, 5],
      ],
      [1, 0],
    );
    close(r.values, [1, 2]);
    close(r.coverage, [0.5, 1]);
  });

  it("minCoverage (share of children, as COINr dat_thresh): 0.75 drops units at 0.5; 0.5 keeps them", () => {
    close(aggregate([A, B], [1, 1], "arithmetic", { minCoverage: 0.75 }).values, [2.5, NaN_, NaN_]);
    close(aggregate([A, B], [1, 1], "arithmetic", { minCoverage: 0.5 }).values, [2.5, 5, 3]);
  });

  it("mean imputation of an all-missing child throws cannot_impute", () => {
    expect(
      code(() =>
        aggregate(
          [
            [1, 2],
            [NaN_, NaN_],
          ],
          [1, 1],
          "arithmetic",
          { missing: "mean" },
        ),
      ),
    ).toBe("cannot_impute");
  });

  it("skip works with every method (geometric, harmonic, power, minimum, Mazziotta-Pareto)", () => {
    const ch = [
      [4, 9],
      [NaN_, 1],
    ];
    close(aggregate(ch, [1, 1], "geometric").values, [4, 3]);
    close(aggregate(ch, [1, 1], "harmonic").values, [4, 1.8]);
    close(aggregate(ch, [1, 1], { method: "power", p: 2 }).values, [4, Math.sqrt(41)]);
    close(aggregate(ch, [1, 1], "minimum").values, [4, 1]);
    close(
      aggregate(
        [
          [100, 110],
          [NaN_, 90],
        ],
        [1, 1],
        "mazziotta-pareto",
      ).values,
      [100, 100 - 1],
    );
  });
});

describe("aggregate: bad input", () => {
  it("invalid weights: wrong length, negative, NaN, Infinity, all zero", () => {
    const ch = [[1], [2]];
    expect(code(() => aggregate(ch, [1]))).toBe("invalid_weights");
    expect(code(() => aggregate(ch, [1, -1]))).toBe("invalid_weights");
    expect(code(() => aggregate(ch, [1, NaN_]))).toBe("invalid_weights");
    expect(code(() => aggregate(ch, [1, Number.POSITIVE_INFINITY]))).toBe("invalid_weights");
    expect(code(() => aggregate(ch, [0, 0]))).toBe("invalid_weights");
    expect(thrown(() => aggregate(ch, [1, -1])).where).toBe("weights[1]");
  });

  it("invalid children: none, ragged, non-number, ±Infinity (naming unit and child)", () => {
    expect(code(() => aggregate([], []))).toBe("invalid_children");
    expect(code(() => aggregate([[1, 2], [1]], [1, 1]))).toBe("length_mismatch");
    expect(code(() => aggregate([[1], null as unknown as number[]], [1, 1]))).toBe("invalid_children");
    expect(code(() => aggregate([[1], ["2" as unknown as number]], [1, 1]))).toBe("invalid_value");
    const e = thrown(() =>
      aggregate([new Float64Array([1, 2]), new Float64Array([3, Number.NEGATIVE_INFINITY])], [1, 1]),
    );
    expect(e.code).toBe("non_finite_value");
    expect(e.where).toBe("children[1][1]");
    for (const spec of ["geometric", "harmonic", "minimum", "mazziotta-pareto"] as AggregateSpec[])
      expect(code(() => aggregate([[1], [Number.POSITIVE_INFINITY]], [1, 1], spec))).toBe("non_finite_value");
    expect(code(() => aggregate([[1], [Number.POSITIVE_INFINITY]], [1, 0]))).toBe("non_finite_value");
  });

  it("invalid spec and options", () => {
    const ch = [[1], [2]];
    expect(code(() => aggregate(ch, [1, 1], "median" as AggregateSpec))).toBe("invalid_spec");
    expect(code(() => aggregate(ch, [1, 1], "power" as AggregateSpec))).toBe("invalid_spec");
    expect(code(() => aggregate(ch, [1, 1], { method: "power" } as AggregateSpec))).toBe("invalid_spec");
    expect(code(() => aggregate(ch, [1, 1], { method: "power", p: Number.POSITIVE_INFINITY }))).toBe(
      "invalid_spec",
    );
    expect(code(() => aggregate(ch, [1, 1], { method: "geometric", zero: "drop" as "error" }))).toBe(
      "invalid_spec",
    );
    expect(code(() => aggregate(ch, [1, 1], { method: "geometric", zero: "floor", floor: 0 }))).toBe(
      "invalid_spec",
    );
    expect(
      code(() => aggregate(ch, [1, 1], { method: "mazziotta-pareto", penalty: "none" as "positive" })),
    ).toBe("invalid_spec");
    expect(code(() => aggregate(ch, [1, 1], "arithmetic", { missing: "drop" as MissingPolicy }))).toBe(
      "invalid_option",
    );
    expect(code(() => aggregate(ch, [1, 1], "arithmetic", { minCoverage: 1.5 }))).toBe("invalid_option");
  });

  it("does not mutate frozen children or weights, and accepts typed arrays", () => {
    const a = Object.freeze([1, NaN_, 3]);
    const b = Object.freeze([4, 5, NaN_]);
    const w = Object.freeze([1, 3]);
    const r = aggregate(Object.freeze([a, b]), w, "arithmetic", Object.freeze({ missing: "mean" as const }));
    expect(a).toEqual([1, NaN_, 3]);
    expect(b).toEqual([4, 5, NaN_]);
    const typed = aggregate([Float64Array.from(a), Float32Array.from(b)], w, "arithmetic", {
      missing: "mean",
    });
    close(typed.values, Array.from(r.values));
  });
});

describe("aggregate: properties (fast-check)", () => {
  const positive = fc.double({ min: 0.01, max: 1000, noNaN: true });
  const table = fc
    .integer({ min: 1, max: 6 })
    .chain((k) =>
      fc.tuple(
        fc.array(fc.array(positive, { minLength: 3, maxLength: 3 }), { minLength: k, maxLength: k }),
        fc.array(fc.double({ min: 0.01, max: 10, noNaN: true }), { minLength: k, maxLength: k }),
      ),
    );

  test.prop([table, fc.double({ min: -5, max: 5, noNaN: true })], { seed: 42, numRuns: 200 })(
    "a power mean lies between the smallest and the largest child",
    ([ch, w], p) => {
      const v = aggregate(ch, w, { method: "power", p }).values;
      for (let i = 0; i < 3; i++) {
        const xs = ch.map((c) => c[i] as number);
        expect(v[i] as number).toBeGreaterThanOrEqual(Math.min(...xs) * (1 - 1e-9));
        expect(v[i] as number).toBeLessThanOrEqual(Math.max(...xs) * (1 + 1e-9));
      }
    },
  );

  test.prop([table], { seed: 42, numRuns: 200 })(
    "arithmetic with equal weights is the plain mean",
    ([ch]) => {
      const v = aggregate(
        ch,
        ch.map(() => 1),
      ).values;
      for (let i = 0; i < 3; i++) {
        const xs = ch.map((c) => c[i] as number);
        expect(v[i] as number).toBeCloseTo(xs.reduce((s, x) => s + x, 0) / xs.length, 9);
      }
    },
  );

  const specs: AggregateSpec[] = [
    "arithmetic",
    "geometric",
    "harmonic",
    "minimum",
    "mazziotta-pareto",
    { method: "power", p: 3 },
  ];
  test.prop([table, fc.constantFrom(...specs), fc.integer({ min: 0, max: 1000 })], {
    seed: 42,
    numRuns: 200,
  })(
    "the result does not depend on the order of the children when weights move with them",
    ([ch, w], spec, seed) => {
      const order = ch.map((_, j) => j).sort((a, b) => ((a * 7919 + seed) % 13) - ((b * 7919 + seed) % 13));
      const v1 = aggregate(ch, w, spec).values;
      const v2 = aggregate(
        order.map((j) => ch[j] as number[]),
        order.map((j) => w[j] as number),
        spec,
      ).values;
      for (let i = 0; i < 3; i++) expect(v2[i] as number).toBeCloseTo(v1[i] as number, 9);
    },
  );

  test.prop([table], { seed: 42, numRuns: 100 })("power p = -1 equals the harmonic mean", ([ch, w]) => {
    const h = aggregate(ch, w, "harmonic").values;
    const p = aggregate(ch, w, { method: "power", p: -1 }).values;
    for (let i = 0; i < 3; i++) expect(p[i] as number).toBeCloseTo(h[i] as number, 9);
  });
});

describe("weightedMean", () => {
  it("weightedMean([0.2, NaN, 0.8], [1, 2, 3]) = (0.2 + 2.4) / 4 = 0.65", () => {
    expect(weightedMean([0.2, NaN_, 0.8], [1, 2, 3])).toBeCloseTo(0.65, 15);
  });
  it("is NaN when nothing with a positive weight is present", () => {
    expect(weightedMean([NaN_, 1], [1, 0])).toBeNaN();
  });
  it("agrees with aggregate on one unit", () => {
    expect(weightedMean([1, 2, 9], [3, 2, 1])).toBeCloseTo(
      aggregate([[1], [2], [9]], [3, 2, 1]).values[0] as number,
      15,
    );
  });
  it("throws on bad weights and bad values", () => {
    expect(code(() => weightedMean([1, 2], [1]))).toBe("invalid_weights");
    expect(code(() => weightedMean([1, 2], [0, 0]))).toBe("invalid_weights");
    expect(code(() => weightedMean([1, Number.POSITIVE_INFINITY], [1, 1]))).toBe("invalid_value");
    expect(code(() => weightedMean(null as unknown as number[], []))).toBe("invalid_value");
  });
});
