import { describe, expect, it } from "vitest";
import { sqlDialect } from "../../src/sql/dialect.js";
import { formulaToSQL } from "../../src/sql/formula-sql.js";

// Issue 20 item 23: a long sum is a chain, not nesting. compileFormula evaluates it in one loop;
// its SQL is one flat expression (SQL's + - * / are left-associative, as the formula's tree is).
const duck = sqlDialect("duckdb");
const col = (name: string) => `"${name}"`;

describe("formulaToSQL writes chains flat", () => {
  it("a + b - c + d is one parenthesized expression, in the formula's order", () => {
    expect(formulaToSQL("a + b - c + d", duck, col)).toContain('("a" + "b" - "c" + "d")');
  });

  it("products keep the division guard; parentheses and precedence stay as written", () => {
    expect(formulaToSQL("a * b / c", duck, col)).toContain('("a" * "b" / NULLIF("c", 0))');
    expect(formulaToSQL("a - (b + c)", duck, col)).toContain('("a" - ("b" + "c"))');
    expect(formulaToSQL("a * b + c", duck, col)).toContain('(("a" * "b") + "c")');
  });

  it("a 70-term sum nests its parentheses 2 deep at most (was 70)", () => {
    const sql = formulaToSQL(Array.from({ length: 70 }, (_, i) => `x${i}`).join(" + "), duck, col);
    let depth = 0;
    let deepest = 0;
    for (const ch of sql) {
      if (ch === "(") deepest = Math.max(deepest, ++depth);
      else if (ch === ")") depth--;
    }
    // finiteOrNull's CASE adds its own level around the sum.
    expect(deepest).toBeLessThanOrEqual(3);
    expect(sql).toContain('"x0" + "x1" + "x2"');
  });
});
