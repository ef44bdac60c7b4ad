import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { IndicatrixError } from "../../src/internal/errors.js";
import type { NormalizeSpec } from "../../src/internal/specs.js";
import type { Direction } from "../../src/internal/types.js";
import { affineForm, applyAffineForm } from "../../src/normalize/affine.js";
import {
  type NormalizeOptions,
  normalizeDetailed,
  type ResolvedNormalize,
  resolveNormalize,
} from "../../src/normalize/index.js";
import { planNormalization } from "../../src/normalize/normalize-resolved.js";
import { scanColumn } from "../../src/normalize/scan.js";

const NaN_ = Number.NaN;

/** The methods without an output range (neither min-max, goalposts nor target). */
const UNBOUNDED = [
  "zscore",
  "rank",
  "percentile",
  "borda",
  "distance-to-max",
  "fraction-of-max",
  "vector",
  "sum",
  "none",
] as const;

/** The error `f` throws, as code, where and message. */
function thrown(f: () => unknown): { code: string; where: string; message: string } {
  try {
    f();
  } catch (e) {
    if (e instanceof IndicatrixError) return { code: e.code, where: e.where, message: e.message };
    throw e;
  }
  throw new Error("expected an IndicatrixError");
}

describe("resolveNormalize: defaults are filled once", () => {
  it('resolveNormalize("minmax") is benefit min-max onto [0, 1] with the reflect cost transform', () => {
    expect(resolveNormalize("minmax")).toEqual({
      direction: "benefit",
      formula: "minmax",
      method: "minmax",
      aim: "benefit",
      cost: "reflect",
      range: [0, 1],
    });
  });
  it('resolveNormalize("zscore") has ddof 1; "rank" has ties "min"; "goalposts" clips', () => {
    expect(resolveNormalize("zscore")).toMatchObject({ formula: "zscore", ddof: 1, sign: 1, aim: "benefit" });
    expect(resolveNormalize("rank")).toMatchObject({ formula: "rank", ties: "min", aim: "benefit" });
    expect(resolveNormalize("goalposts", { goalposts: [0, 10] })).toMatchObject({
      formula: "goalposts",
      goalposts: [0, 10],
      clip: true,
      range: [0, 1],
    });
  });
  it("the range comes from the spec, else from the context, else [0, 1]", () => {
    expect(resolveNormalize({ method: "minmax", range: [0, 10] }, { range: [0, 100] })).toMatchObject({
      range: [0, 10],
    });
    expect(resolveNormalize("minmax", { range: [0, 100] })).toMatchObject({ range: [0, 100] });
    expect(resolveNormalize({ method: "target", target: 3 })).toMatchObject({ range: [0, 1] });
  });
  it("methods without an output range carry none", () => {
    for (const m of UNBOUNDED) expect("range" in resolveNormalize(m, { range: [0, 100] }), m).toBe(false);
  });
});

describe("resolveNormalize: which formula runs for each method and direction", () => {
  // The rules of normalize()'s doc comment: a target or range direction turns minmax and goalposts
  // into the moderate formula; zscore, none and the rank-type methods read minus the distance.
  const target5: Direction = { target: 5 };
  const range24: Direction = { range: [2, 4] };
  const cases: [string, NormalizeSpec, NormalizeOptions, Partial<ResolvedNormalize>][] = [
    ["minmax, cost", "minmax", { direction: "cost" }, { formula: "minmax", aim: "cost", cost: "reflect" }],
    [
      "minmax reciprocal, cost",
      { method: "minmax", cost: "reciprocal" },
      { direction: "cost" },
      { formula: "minmax", aim: "cost", cost: "reciprocal" },
    ],
    [
      "minmax, { target: 5 }",
      "minmax",
      { direction: target5 },
      { formula: "target", method: "minmax", target: [5, 5], clip: true, range: [0, 1] },
    ],
    ["minmax, { range: [2, 4] }", "minmax", { direction: range24 }, { formula: "target", target: [2, 4] }],
    [
      "goalposts, cost (goalposts of the indicator)",
      "goalposts",
      { direction: "cost", goalposts: [0, 100] },
      { formula: "goalposts", aim: "cost", goalposts: [0, 100], clip: true },
    ],
    [
      "goalposts of the spec over the indicator's",
      { method: "goalposts", goalposts: [1, 2], clip: false },
      { goalposts: [0, 100] },
      { formula: "goalposts", aim: "benefit", goalposts: [1, 2], clip: false },
    ],
    [
      "goalposts, { target: 5 }: bounds and clip kept",
      { method: "goalposts", clip: false },
      { direction: target5, goalposts: [0, 20] },
      { formula: "target", method: "goalposts", target: [5, 5], bounds: [0, 20], clip: false },
    ],
    [
      "target from the spec, bounds from the indicator's goalposts",
      { method: "target", target: [3, 4] },
      { direction: "cost", goalposts: [0, 10] },
      { formula: "target", method: "target", target: [3, 4], bounds: [0, 10], clip: true },
    ],
    ["target from the direction", "target", { direction: range24 }, { formula: "target", target: [2, 4] }],
    [
      "spec.target over the direction",
      { method: "target", target: 0 },
      { direction: target5 },
      { formula: "target", target: [0, 0] },
    ],
    [
      "zscore, cost: x standardized, sign flipped",
      "zscore",
      { direction: "cost" },
      { aim: "benefit", sign: -1 },
    ],
    [
      "zscore ddof 0, { target: 5 }",
      { method: "zscore", ddof: 0 },
      { direction: target5 },
      { aim: { target: [5, 5] }, sign: 1, ddof: 0 },
    ],
    [
      "rank ties average, cost",
      { method: "rank", ties: "average" },
      { direction: "cost" },
      { formula: "rank", aim: "cost", ties: "average" },
    ],
    ["percentile, { range: [2, 4] }", "percentile", { direction: range24 }, { aim: { target: [2, 4] } }],
    ["borda, cost", "borda", { direction: "cost" }, { formula: "borda", aim: "cost" }],
    [
      "distance-to-max, { target: 5 }",
      "distance-to-max",
      { direction: target5 },
      { aim: { target: [5, 5] } },
    ],
    ["none, cost", "none", { direction: "cost" }, { formula: "none", aim: "cost" }],
    ["fraction-of-max, cost", "fraction-of-max", { direction: "cost" }, { aim: "cost" }],
    ["vector, benefit", "vector", {}, { formula: "vector", aim: "benefit" }],
    ["sum, cost", "sum", { direction: "cost" }, { formula: "sum", aim: "cost" }],
  ];
  for (const [name, spec, context, expected] of cases)
    it(`resolveNormalize(${name}) runs ${expected.formula ?? "the named formula"}`, () => {
      const r = resolveNormalize(spec, context);
      expect(r).toMatchObject(expected);
      expect(r.direction).toEqual(context.direction ?? "benefit");
    });

  it("a target of a minmax spec has no bounds (the sample min and max are used)", () => {
    expect("bounds" in resolveNormalize("minmax", { direction: target5, goalposts: [0, 9] })).toBe(false);
  });
  it("the resolved formula is what normalizeDetailed reports as params.method", () => {
    const x = [1, 4, 6, 9];
    for (const [, spec, context] of cases)
      expect(normalizeDetailed(x, spec, context).params.method).toBe(resolveNormalize(spec, context).formula);
  });
});

describe("resolveNormalize: option errors need no data", () => {
  const bad: [string, NormalizeSpec, unknown, string, string][] = [
    ["unknown method", "softmax" as NormalizeSpec, {}, "invalid_spec", "spec"],
    ["not a spec", { method: "x" } as unknown as NormalizeSpec, {}, "invalid_spec", "spec"],
    ["options not an object", "minmax", 3, "invalid_option", "opts"],
    ["unknown direction", "minmax", { direction: "up" }, "invalid_direction", "opts.direction"],
    [
      "target direction with an interval",
      "minmax",
      { direction: { target: [1, 2] } },
      "invalid_direction",
      "opts.direction.target",
    ],
    [
      "bad range direction",
      "minmax",
      { direction: { range: [3, 1] } },
      "invalid_option",
      "opts.direction.range",
    ],
    ["reversed range", { method: "minmax", range: [1, 0] }, {}, "invalid_option", "spec.range"],
    ["bad context range", "zscore", { range: [0, Number.NaN] }, "invalid_option", "opts.range"],
    ["bad context goalposts", "rank", { goalposts: [5, 1] }, "invalid_option", "opts.goalposts"],
    ["goalposts without bounds", "goalposts", {}, "missing_goalposts", "spec.goalposts"],
    [
      "bad clip",
      { method: "goalposts", goalposts: [0, 1], clip: "no" as unknown as boolean },
      {},
      "invalid_option",
      "spec.clip",
    ],
    ["target without a target", "target", { direction: "cost" }, "missing_target", "spec.target"],
    ["bad target", { method: "target", target: [3, 1] }, {}, "invalid_option", "spec.target"],
    ["bad cost transform", { method: "minmax", cost: "flip" as "negate" }, {}, "invalid_option", "spec.cost"],
    ["bad ddof", { method: "zscore", ddof: 2 as 0 }, {}, "invalid_option", "spec.ddof"],
    ["bad ties", { method: "rank", ties: "max" as "min" }, {}, "invalid_option", "spec.ties"],
    [
      "ratio method, target direction",
      "vector",
      { direction: { target: 1 } },
      "unsupported_direction",
      "opts.direction",
    ],
  ];
  for (const [name, spec, context, code, path] of bad)
    it(`resolveNormalize(${name}) throws ${code} at ${path}, and normalizeDetailed does on an empty column`, () => {
      const e = thrown(() => resolveNormalize(spec, context as NormalizeOptions));
      expect(e.code).toBe(code);
      expect(e.where).toBe(path);
      expect(e.message.startsWith(`${path}: `)).toBe(true);
      expect(thrown(() => normalizeDetailed(new Float64Array(0), spec, context as NormalizeOptions))).toEqual(
        e,
      );
    });
  it("a bad shared option fails on every method, after the method's own options", () => {
    expect(
      thrown(() => resolveNormalize({ method: "none", ties: "max" } as unknown as NormalizeSpec)).where,
    ).toBe("spec.ties");
    // The goalposts are checked first: missing goalposts win over a bad cost transform.
    expect(
      thrown(() => resolveNormalize({ method: "goalposts", cost: "flip" } as unknown as NormalizeSpec)).code,
    ).toBe("missing_goalposts");
  });
  it("does not mutate a frozen spec or context", () => {
    const spec = Object.freeze({ method: "goalposts", goalposts: Object.freeze([0, 10]) }) as NormalizeSpec;
    const context = Object.freeze({
      direction: "cost" as const,
      range: Object.freeze([0, 100]) as [number, number],
    });
    expect(resolveNormalize(spec, context)).toMatchObject({ goalposts: [0, 10], range: [0, 100] });
  });
});

describe("affineForm: the affine rule the min-max and goalposts kernels return", () => {
  it("minmax on [2, 4, 6] onto [0, 10]: scale 10/4 = 2.5, offset 0 - 2 * 2.5 = -5 (by hand)", () => {
    const x = [2, 4, 6, NaN_];
    const r = resolveNormalize({ method: "minmax", range: [0, 10] });
    const form = affineForm(r, scanColumn(x, "x"));
    expect(form).toEqual({ scale: 2.5, offset: -5, clipLo: 0, clipHi: 10 });
    expect(Array.from(normalizeDetailed(x, { method: "minmax", range: [0, 10] }).values)).toEqual([
      0,
      5,
      10,
      NaN_,
    ]);
  });
  it("minmax cost on [2, 4, 6] onto [0, 10]: scale -2.5, offset 0 + 6 * 2.5 = 15 -> [10, 5, 0] (by hand)", () => {
    const r = resolveNormalize({ method: "minmax", range: [0, 10] }, { direction: "cost" });
    expect(affineForm(r, { min: 2, max: 6 })).toEqual({ scale: -2.5, offset: 15, clipLo: 0, clipHi: 10 });
    expect(
      Array.from(
        normalizeDetailed([2, 4, 6], { method: "minmax", range: [0, 10] }, { direction: "cost" }).values,
      ),
    ).toEqual([10, 5, 0]);
  });
  it("minmax with the negate cost transform has the reflect form; reciprocal has none", () => {
    const negate = resolveNormalize({ method: "minmax", cost: "negate" }, { direction: "cost" });
    const reflect = resolveNormalize("minmax", { direction: "cost" });
    expect(affineForm(negate, { min: 1, max: 4 })).toEqual(affineForm(reflect, { min: 1, max: 4 }));
    const reciprocal = resolveNormalize({ method: "minmax", cost: "reciprocal" }, { direction: "cost" });
    expect(affineForm(reciprocal, { min: 1, max: 4 })).toBeUndefined();
  });
  it("a constant column: scale 0, offset the midpoint of [0, 100] = 50, no clamp", () => {
    const r = resolveNormalize({ method: "minmax", range: [0, 100] });
    expect(affineForm(r, { min: 7, max: 7 })).toEqual({
      scale: 0,
      offset: 50,
      clipLo: Number.NEGATIVE_INFINITY,
      clipHi: Number.POSITIVE_INFINITY,
    });
  });
  it("goalposts [0, 100] onto [0, 1]: scale 1/100, offset 0, clamped to [0, 1]; clip false: no clamp", () => {
    const clipped = resolveNormalize({ method: "goalposts", goalposts: [0, 100] });
    expect(affineForm(clipped, { min: NaN_, max: NaN_ })).toEqual({
      scale: 0.01,
      offset: 0,
      clipLo: 0,
      clipHi: 1,
    });
    const free = resolveNormalize({ method: "goalposts", goalposts: [0, 100], clip: false });
    expect(affineForm(free, { min: NaN_, max: NaN_ })).toMatchObject({
      clipLo: Number.NEGATIVE_INFINITY,
      clipHi: Number.POSITIVE_INFINITY,
    });
  });
  it("goalposts cost [0, 100] onto [0, 100]: scale -1, offset 0 + 100 * 1 = 100 (by hand)", () => {
    const r = resolveNormalize(
      { method: "goalposts", range: [0, 100] },
      { direction: "cost", goalposts: [0, 100] },
    );
    expect(affineForm(r, { min: 0, max: 0 })).toEqual({ scale: -1, offset: 100, clipLo: 0, clipHi: 100 });
  });
  it("every other formula has no affine form", () => {
    for (const spec of UNBOUNDED)
      expect(affineForm(resolveNormalize(spec), { min: 0, max: 1 }), spec).toBeUndefined();
    expect(
      affineForm(resolveNormalize("minmax", { direction: { target: 1 } }), { min: 0, max: 2 }),
    ).toBeUndefined();
  });
  it("a span so small that width / span overflows has none; the kernel divides first", () => {
    const r = resolveNormalize("minmax");
    expect(affineForm(r, { min: 0, max: 5e-324 })).toBeUndefined();
    expect(Array.from(normalizeDetailed([0, 5e-324], "minmax").values)).toEqual([0, 1]);
  });

  const column = fc.array(fc.oneof(fc.double({ min: -1e6, max: 1e6, noNaN: true }), fc.constant(NaN_)), {
    minLength: 1,
    maxLength: 30,
  });
  const affineSpecs: [NormalizeSpec, NormalizeOptions][] = [
    [{ method: "minmax", range: [0, 100] }, {}],
    ["minmax", { direction: "cost" }],
    [{ method: "minmax", cost: "negate" }, { direction: "cost" }],
    [{ method: "goalposts", goalposts: [-500, 500] }, {}],
    [{ method: "goalposts", goalposts: [-500, 500], clip: false, range: [1, 10] }, { direction: "cost" }],
  ];
  test.prop([column, fc.constantFrom(...affineSpecs)], { seed: 42, numRuns: 200 })(
    "normalizeDetailed equals the affine form applied to the column, to the bit",
    (x, [spec, context]) => {
      const r = resolveNormalize(spec, context);
      const plan = planNormalization(x, r);
      const expected = normalizeDetailed(x, spec, context).values;
      if (!("affine" in plan)) {
        // Only an all-missing column is written out directly.
        expect(plan.params.n).toBe(0);
        return;
      }
      expect(plan.affine).toEqual(affineForm(r, scanColumn(x, "x")));
      expect(applyAffineForm(Float64Array.from(x), plan.affine)).toEqual(expected);
    },
  );
});
