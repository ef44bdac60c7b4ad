import { describe, expect, it } from "vitest";
import {
  AGGREGATE_METHODS,
  type AggregateMethod,
  aggregate,
  type ResolvedAggregate,
  resolveAggregate,
} from "../../src/aggregate/index.js";
import { uncertaintyAnalysis } from "../../src/analysis/uncertainty.js";
import { AggregateSpecSchema, type Model } from "../../src/indicators/schema.js";
import { IndicatrixError } from "../../src/internal/errors.js";
import type { AggregateSpec } from "../../src/internal/specs.js";
import { score } from "../../src/score/score.js";
import { toSQL } from "../../src/sql/to-sql.js";

/** The IndicatrixError that `f` throws, with its code, where and message. */
const thrown = (code: string, where: string) => expect.objectContaining({ code, where });

// The defaults below are the documented ones: docs/methods.md (aggregation table) and
// docs/model-schema.md (AggregateSpec): geometric `zero: "error"`, `floor` 0.001; Mazziotta-Pareto
// `penalty: "negative"` (Mazziotta & Pareto 2016, Social Indicators Research 127: the negative
// penalty is the one for indices where higher is better).
describe("resolveAggregate: defaults filled once", () => {
  it.each([
    ["arithmetic", { method: "arithmetic" }],
    ["geometric", { method: "geometric", zero: "error", floor: 0.001 }],
    ["harmonic", { method: "harmonic" }],
    ["minimum", { method: "minimum" }],
    ["mazziotta-pareto", { method: "mazziotta-pareto", penalty: "negative" }],
  ] as [AggregateSpec, ResolvedAggregate][])("resolveAggregate(%j) gives %j", (spec, expected) => {
    expect(resolveAggregate(spec)).toStrictEqual(expected);
    // A bare name and the object without options are the same spec.
    expect(resolveAggregate({ method: spec } as AggregateSpec)).toStrictEqual(expected);
  });

  it("resolveAggregate({ method: 'geometric', zero: 'floor' }) fills floor 0.001 and keeps a given floor", () => {
    expect(resolveAggregate({ method: "geometric", zero: "floor" })).toStrictEqual({
      method: "geometric",
      zero: "floor",
      floor: 0.001,
    });
    expect(resolveAggregate({ method: "geometric", zero: "floor", floor: 0.01 })).toStrictEqual({
      method: "geometric",
      zero: "floor",
      floor: 0.01,
    });
  });

  it("resolveAggregate({ method: 'mazziotta-pareto', penalty: 'positive' }) keeps the penalty", () => {
    expect(resolveAggregate({ method: "mazziotta-pareto", penalty: "positive" })).toStrictEqual({
      method: "mazziotta-pareto",
      penalty: "positive",
    });
  });

  it("returns a new object and leaves a frozen spec as it is", () => {
    const spec = Object.freeze({ method: "geometric", zero: "floor" } as const);
    const r = resolveAggregate(spec);
    expect(r).not.toBe(spec);
    expect(spec).toStrictEqual({ method: "geometric", zero: "floor" });
  });
});

// The power mean M_p = (sum w x^p / sum w)^(1/p) is the arithmetic mean at p = 1 and tends to the
// geometric mean as p -> 0 (Hardy, Littlewood & Polya, Inequalities, 1934, §2.2-2.3; COINr
// `a_genmean`; docs/methods.md).
describe("resolveAggregate: the power mean resolves to the formula that runs", () => {
  it("resolveAggregate({ method: 'power', p: 1 }) is arithmetic", () => {
    expect(resolveAggregate({ method: "power", p: 1 })).toStrictEqual({ method: "arithmetic" });
  });

  it("resolveAggregate({ method: 'power', p: 1e-301 }) is geometric with its defaults (p ln x would be subnormal)", () => {
    expect(resolveAggregate({ method: "power", p: 1e-301 })).toStrictEqual({
      method: "geometric",
      zero: "error",
      floor: 0.001,
    });
    expect(resolveAggregate({ method: "power", p: -0 }).method).toBe("geometric");
  });

  it("resolveAggregate({ method: 'power', p }) flags |p| < 0.001 as nearZero (expm1/log1p form), p = ±0.001 not", () => {
    expect(resolveAggregate({ method: "power", p: 2 })).toStrictEqual({
      method: "power",
      p: 2,
      nearZero: false,
    });
    expect(resolveAggregate({ method: "power", p: 5e-4 })).toStrictEqual({
      method: "power",
      p: 5e-4,
      nearZero: true,
    });
    expect(resolveAggregate({ method: "power", p: -1e-3 })).toStrictEqual({
      method: "power",
      p: -1e-3,
      nearZero: false,
    });
  });

  it("aggregate({ method: 'power', p: 1 }) gives the same bits as arithmetic, since it runs the same kernel", () => {
    const children = [
      [0.1, 0.7, Number.NaN],
      [0.3, 0.2, 0.9],
      [0.45, Number.NaN, 0.6],
    ];
    const w = [0.2, 0.5, 0.3];
    expect(aggregate(children, w, { method: "power", p: 1 })).toStrictEqual(
      aggregate(children, w, "arithmetic"),
    );
  });
});

describe("resolveAggregate: errors with codes and paths", () => {
  const bad = (spec: unknown) => resolveAggregate(spec as AggregateSpec);
  it.each([
    ["median", "spec"],
    ["power", "spec"],
    [null, "spec"],
    [42, "spec"],
    [{ method: "mean" }, "spec"],
    [{ method: "power" }, "spec.p"],
    [{ method: "power", p: Number.POSITIVE_INFINITY }, "spec.p"],
    [{ method: "power", p: "2" }, "spec.p"],
    [{ method: "geometric", zero: "drop" }, "spec.zero"],
    [{ method: "geometric", zero: "floor", floor: 0 }, "spec.floor"],
    [{ method: "geometric", floor: Number.NaN }, "spec.floor"],
    [{ method: "mazziotta-pareto", penalty: "none" }, "spec.penalty"],
  ])("resolveAggregate(%j) throws invalid_spec at %s", (spec, path) => {
    expect(() => bad(spec)).toThrow(thrown("invalid_spec", path));
  });

  it("names every method in the message of an unknown one, in the order of docs/methods.md", () => {
    expect(() => bad("median")).toThrow(
      'spec: expected one of arithmetic, geometric, harmonic, minimum, power, mazziotta-pareto or { method, ... }, got "median"',
    );
  });

  it("resolveAggregate(spec, path) reports at the given path", () => {
    expect(() => resolveAggregate("median" as AggregateSpec, "opts.aggregation[1]")).toThrow(
      thrown("invalid_spec", "opts.aggregation[1]"),
    );
    expect(() => resolveAggregate({ method: "power" } as AggregateSpec, "node.aggregate")).toThrow(
      thrown("invalid_spec", "node.aggregate.p"),
    );
  });

  it("aggregate() throws the resolver's error, message included", () => {
    for (const spec of ["median", { method: "power" }, { method: "geometric", zero: "drop" }]) {
      let fromResolver: unknown;
      try {
        bad(spec);
      } catch (e) {
        fromResolver = e;
      }
      expect(fromResolver).toBeInstanceOf(IndicatrixError);
      const { code, path, message } = fromResolver as IndicatrixError;
      expect(() => aggregate([[1], [2]], [1, 1], spec as AggregateSpec)).toThrow(
        expect.objectContaining({ code, path, message }),
      );
    }
  });
});

describe("AGGREGATE_METHODS: one list for the schema and the resolver", () => {
  it("the schema accepts every bare name but power, and { method } for every method but power", () => {
    for (const method of AGGREGATE_METHODS) {
      const bare = method !== "power";
      expect(AggregateSpecSchema.safeParse(method).success, method).toBe(bare);
      expect(AggregateSpecSchema.safeParse({ method }).success, method).toBe(bare);
      if (bare) expect(resolveAggregate(method as Exclude<AggregateMethod, "power">).method).toBe(method);
    }
    expect(AggregateSpecSchema.safeParse({ method: "power", p: 2 }).success).toBe(true);
    expect(AggregateSpecSchema.safeParse("median").success).toBe(false);
  });
});

/** Two indicators taken as they are, weights 0.6 / 0.4, under one aggregation. */
function tiny(aggregate: AggregateSpec): Model {
  return {
    id: "tiny",
    tree: { id: "root", children: [{ id: "a" }, { id: "b" }] },
    defaults: { normalize: "none", aggregate },
    profiles: { p: { weights: { root: { method: "fixed", weights: { a: 0.6, b: 0.4 } } } } },
  } as Model;
}
const rows = [
  { unit: "u1", a: 0.9, b: 0.1 },
  { unit: "u2", a: 0.3, b: 0.7 },
  { unit: "u3", a: 0.5, b: Number.NaN },
];

describe("the backends read the resolved method", () => {
  it("score() with { method: 'power', p: 1 } gives the same bits as with arithmetic", () => {
    const power = score(tiny({ method: "power", p: 1 }), rows).scores.root;
    const arithmetic = score(tiny("arithmetic"), rows).scores.root;
    expect(power).toStrictEqual(arithmetic);
  });

  it("toSQL() compiles { method: 'power', p: 1 } as the arithmetic mean", () => {
    const sql = (spec: AggregateSpec) => toSQL(tiny(spec), { source: "t" }).sql;
    expect(sql({ method: "power", p: 1 })).toBe(sql("arithmetic"));
  });

  it("uncertaintyAnalysis() checks the aggregation alternatives before any run, at opts.aggregation[k]", () => {
    expect(() =>
      uncertaintyAnalysis(tiny("arithmetic"), rows, {
        runs: 4,
        aggregation: ["arithmetic", "median" as AggregateSpec],
      }),
    ).toThrow(thrown("invalid_spec", "opts.aggregation[1]"));
  });
});
