import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compileFormula } from "../../src/indicators/formula.js";
import { expectNoPollution, outcome, SEED } from "./invariants.js";

/** Tokens of mathjs's expression language, allowed and forbidden, to assemble random formulas from. */
const TOKENS = [
  "a",
  "b",
  "pop",
  "1",
  "2.5",
  "1e308",
  "0",
  "+",
  "-",
  "*",
  "/",
  "^",
  "(",
  ")",
  ",",
  "sqrt(",
  "log(",
  "max(",
  "min(",
  "abs(",
  "=",
  ".",
  "[",
  "]",
  "{",
  "}",
  ":",
  "?",
  ";",
  "'s'",
  '"s"',
  "cm",
  "x.constructor",
  "import(",
  "evaluate(",
  "parse(",
  "createUnit(",
  "f(x)=",
  "__proto__",
  "toString",
  "!",
  "%",
  "mod",
  "==",
  "<",
  "&",
  "|",
  "e",
  "pi",
  "Infinity",
  "NaN",
  "true",
  "null",
  " ",
  "\n",
  "@",
  "$",
  "'",
  "\\",
];

describe("random formulas assembled from mathjs tokens", () => {
  it("compile to an arithmetic evaluator or are refused with invalid_formula; an accepted one evaluates to a number without touching anything (3,000 cases)", () => {
    let accepted = 0;
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...TOKENS), { minLength: 1, maxLength: 25 }),
        fc.array(fc.double(), { minLength: 3, maxLength: 3 }),
        (tokens, xs) => {
          const source = tokens.join("");
          const r = outcome(
            () => compileFormula(source),
            () => JSON.stringify(source),
          );
          if (!r.ok) {
            expect(r.error.code).toBe("invalid_formula");
            return;
          }
          accepted++;
          const values: Record<string, number> = Object.create(null);
          r.value.variables.forEach((v, i) => {
            values[v] = xs[i % 3] as number;
          });
          // Only the declared variables are read, and only through `get`.
          const asked: string[] = [];
          const v = r.value.evaluate((name) => {
            asked.push(name);
            return values[name] ?? Number.NaN;
          });
          expect(typeof v).toBe("number");
          expect(asked.every((n) => r.value.variables.includes(n))).toBe(true);
        },
      ),
      { seed: SEED, numRuns: 3000 },
    );
    expect(accepted).toBeGreaterThan(50);
    expectNoPollution();
  });
});
