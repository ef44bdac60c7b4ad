import { describe, expect, it } from "vitest";
import { compileFormula } from "../../src/indicators/formula.js";
import { IndicatrixError } from "../../src/internal/errors.js";

const scope = (values: Record<string, number>) => (name: string) =>
  Object.hasOwn(values, name) ? (values[name] as number) : Number.NaN;

function refusal(source: string): string {
  try {
    compileFormula(source);
  } catch (e) {
    if (e instanceof IndicatrixError && e.code === "invalid_formula") return e.message;
    throw e;
  }
  throw new Error(`expected "${source.slice(0, 40)}" to be refused`);
}

describe("compileFormula", () => {
  it("evaluates arithmetic on variables: cases / population * 1e5 with 3 and 60000 is 5 (hand computed)", () => {
    const f = compileFormula("cases / population * 1e5");
    expect(f.variables).toEqual(["cases", "population"]);
    expect(f.evaluate(scope({ cases: 3, population: 60000 }))).toBeCloseTo(5, 12);
  });

  it("follows operator precedence and the whitelisted functions: -2^2 = -4, sqrt(16) + log(e^2)", () => {
    expect(compileFormula("-a^2").evaluate(scope({ a: 2 }))).toBe(-4);
    expect(
      compileFormula("sqrt(x) + log(y, 10) + max(1, 2, 3) - abs(-1)").evaluate(scope({ x: 16, y: 1000 })),
    ).toBeCloseTo(4 + 3 + 3 - 1, 12);
  });

  it("returns NaN (a missing value) when a variable is missing or the result is not finite", () => {
    expect(compileFormula("a / b").evaluate(scope({ a: 1 }))).toBeNaN();
    expect(compileFormula("a / b").evaluate(scope({ a: 1, b: 0 }))).toBe(Number.POSITIVE_INFINITY);
  });

  it.each([
    ["x = 1", /assignment/],
    ["f(x) = x^2", /function definition/],
    ["a.b", /property/],
    ["a[1]", /index/],
    ['"text"', /finite numbers/],
    ["[1, 2]", /matrix/],
    ["5 cm", /implicit multiplication/],
    ["2 a", /implicit multiplication/],
    ["import({})", /function "import" is not allowed/],
    ["createUnit('x')", /not allowed/],
    ["evaluate('1+1')", /not allowed/],
    ["parse('1')", /not allowed/],
    ["a > b", /operator ">" is not allowed/],
    ["a ? b : c", /conditional/],
    ["{a: 1}", /object/],
    ["1:3", /range/],
    ["a; b", /several statements/],
    ["sqrt", /is a function/],
    ["sqrt(1, 2)", /takes 1 to 1 arguments/],
  ])("refuses %s", (source, message) => {
    expect(refusal(source)).toMatch(message);
  });

  it("refuses a 100,000-character formula and 10,000-deep nesting before parsing them", () => {
    const long = `${"a + ".repeat(25_000)}a`;
    const deep = `${"(".repeat(10_000)}a${")".repeat(10_000)}`;
    expect(refusal(long)).toMatch(/limit is 4096/);
    expect(refusal(deep)).toMatch(/limit is 4096/);
    expect(refusal(`${"(".repeat(1000)}a${")".repeat(1000)}`)).toMatch(/deeper than 64/);
    expect(refusal(`${"-".repeat(3000)}a`)).toMatch(/deeper than 64/);
  });
});

describe("formula limits count nesting, not the length of a chain (issue 20 item 23)", () => {
  it("a 70-term sum is one level deep: sum of x0..x69 with xi = i is 69 * 70 / 2 = 2415", () => {
    const f = compileFormula(Array.from({ length: 70 }, (_, i) => `x${i}`).join(" + "));
    expect(f.variables).toHaveLength(70);
    expect(f.evaluate((v) => Number(v.slice(1)))).toBe(2415);
  });

  it("the longest chain the length limit allows (2,048 terms of a) evaluates to 2048", () => {
    expect(compileFormula(`${"a+".repeat(2047)}a`).evaluate(() => 1)).toBe(2048);
  });

  it("chains keep the left-to-right order: a - b - c * d / e * f = 10 - 1 - 2 * 3 / 4 * 5 = 1.5", () => {
    const f = compileFormula("a - b - c * d / e * f");
    expect(f.variables).toEqual(["a", "b", "c", "d", "e", "f"]);
    expect(f.evaluate(scope({ a: 10, b: 1, c: 2, d: 3, e: 4, f: 5 }))).toBe(1.5);
    // Floating point follows the nested form ((0.1 + 0.2) + 0.3), not 0.1 + (0.2 + 0.3).
    expect(compileFormula("a + b + c").evaluate(scope({ a: 0.1, b: 0.2, c: 0.3 }))).toBe(0.1 + 0.2 + 0.3);
  });

  it("65 nested parentheses and powers still exceed the nesting limit", () => {
    expect(refusal(`${"(".repeat(65)}a${")".repeat(65)}`)).toMatch(/nests deeper than 64 levels/);
    expect(refusal(`${"a^".repeat(70)}a`)).toMatch(/nests deeper than 64 levels/);
  });

  it("a constant beyond the double range names the constant (was 'got null')", () => {
    expect(refusal("x * 1e309")).toBe(
      'formula "x * 1e309": the constant 1e309 is beyond the double range (about 1.8e308)',
    );
  });
});
