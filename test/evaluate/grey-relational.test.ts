import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { greyRelational } from "../../src/evaluate/grey-relational.js";
import { errorOf } from "../helpers/errors.js";
import { columns, DIRECTIONS, EXPECTED, expectClose, W_STAR, X, Z } from "./golden.js";

const REF = EXPECTED.grey; // test/fixtures/five-communities/compute.py

describe("greyRelational on the five-communities example (reference: test/fixtures/five-communities)", () => {
  it("greyRelational(Z) (rho 0.5, reference = column max, equal weights) gives the reference grades [0.565368 0.526522 0.666667 0.66954 0.578476]", () => {
    const r = greyRelational(Z);
    expectClose(r.grades, REF.grades, 1e-6);
    expect(r.ranks).toEqual([4, 5, 2, 1, 3]);
    expect(r.reference).toEqual([1, 1, 1, 0.95]);
  });

  it("greyRelational(Z, { weights: w* }) gives the reference weighted grades", () => {
    const r = greyRelational(Z, { weights: W_STAR });
    expectClose(r.grades, REF.gradesWeighted, 1e-6);
  });

  it("coefficients of unit 1 match numpy (min Delta 0, max Delta 1 over all units and indicators)", () => {
    const r = greyRelational(Z);
    expectClose(r.coefficients[0] as number[], REF.coefficients[0] as number[], 1e-8);
    // hand check of the first: Delta = 1 - 0.1875, xi = (0 + 0.5) / (0.8125 + 0.5)
    expect(r.coefficients[0]?.[0]).toBeCloseTo(0.5 / 1.3125, 14);
  });

  it("greyRelational(X, { directions, preprocess: 'minmax' }) equals the reference grades on Z", () => {
    const r = greyRelational(X, { directions: DIRECTIONS, preprocess: "minmax" });
    expectClose(r.grades, REF.grades, 1e-6);
  });

  it("rho = 0.3 and reference 'one' match numpy", () => {
    expectClose(greyRelational(Z, { rho: 0.3 }).grades, REF["gradesRho0.3"], 1e-8);
    expectClose(greyRelational(Z, { reference: "one" }).grades, REF.gradesReferenceOne, 1e-8);
  });

  it("mean and initial-value preprocessing of X's benefit columns match numpy", () => {
    const x2 = X.map((row) => row.slice(0, 2));
    expectClose(greyRelational(x2, { preprocess: "mean" }).grades, REF.gradesMeanI1I2, 1e-8);
    expectClose(greyRelational(x2, { preprocess: "initial" }).grades, REF.gradesInitialI1I2, 1e-8);
  });

  it("a given reference equal to the column maxima reproduces reference 'max'; columns equal rows", () => {
    expect(greyRelational(Z, { reference: [1, 1, 1, 0.95] }).grades).toEqual(greyRelational(Z).grades);
    expect(greyRelational(columns(Z)).grades).toEqual(greyRelational(Z).grades);
  });

  it("a cost column with preprocess none uses the column minimum as reference", () => {
    const reflected = Z.map((row) => [row[0] as number, 1 - (row[1] as number)]);
    const a = greyRelational(reflected, { directions: ["benefit", "cost"] });
    const b = greyRelational(Z.map((row) => row.slice(0, 2)));
    expectClose(a.grades, b.grades, 1e-12);
    expect(a.reference).toEqual([1, 0]);
  });
});

describe("greyRelational edge cases and errors", () => {
  it("units that all equal the reference give coefficients 1, never NaN", () => {
    const r = greyRelational([
      [0.5, 0.5],
      [0.5, 0.5],
    ]);
    expect(r.grades).toEqual([1, 1]);
    expect(r.coefficients).toEqual([
      [1, 1],
      [1, 1],
    ]);
  });

  it("rejects rho outside (0, 1), too few units, bad weights and zero divisors, naming the argument", () => {
    expect(errorOf(() => greyRelational(Z, { rho: 0 }))).toBe("invalid_option @ opts.rho");
    expect(errorOf(() => greyRelational(Z, { rho: 1 }))).toBe("invalid_option @ opts.rho");
    expect(errorOf(() => greyRelational(Z, { rho: 1.5 }))).toBe("invalid_option @ opts.rho");
    expect(errorOf(() => greyRelational([[1, 2]]))).toBe("too_few_units @ matrix");
    expect(errorOf(() => greyRelational(Z, { weights: [1, 2] }))).toBe("invalid_weights @ opts.weights");
    const zeroFirst = [
      [1, 0],
      [2, 3],
    ];
    expect(errorOf(() => greyRelational(zeroFirst, { preprocess: "initial" }))).toBe(
      "invalid_option @ matrix column 1",
    );
    expect(errorOf(() => greyRelational([[1], [-1]], { preprocess: "mean" }))).toBe(
      "invalid_option @ matrix column 0",
    );
    expect(errorOf(() => greyRelational(Z, { reference: [1, 2] }))).toBe("invalid_option @ opts.reference");
  });

  it("does not mutate frozen inputs", () => {
    expect(() =>
      greyRelational(X, { directions: DIRECTIONS, preprocess: "minmax", weights: W_STAR }),
    ).not.toThrow();
  });

  test.prop(
    [
      fc.array(fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 3, maxLength: 3 }), {
        minLength: 2,
        maxLength: 10,
      }),
    ],
    { seed: 42, numRuns: 200 },
  )("grades and coefficients lie in (0, 1]", (rows) => {
    const r = greyRelational(rows);
    for (const g of r.grades) expect(g > 0 && g <= 1 + 1e-15).toBe(true);
    for (const row of r.coefficients) for (const c of row) expect(c > 0 && c <= 1 + 1e-15).toBe(true);
  });
});
