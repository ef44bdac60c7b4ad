// Dialect correctness by construction (issue 19): no numeric literal in the generated SQL may be an
// exact decimal. Trino and Spark read `1.0` as DECIMAL(2,1), so `1.0 / COUNT(x)` is decimal
// division with scale 1 in Trino (1/30 becomes 0.0): the bug of the `sum` normalization of an
// all-zero column. Every literal with a fraction or exponent must be written as a double
// (`CAST('0.5' AS DOUBLE)`, see sqlNumber), in every dialect. The scanner below removes string
// literals and quoted identifiers first, so that a unit id or message containing "1.5" is not flagged.
import { describe, expect, it } from "vitest";
import type { Model } from "../../src/indicators/schema.js";
import { NORMALIZE_METHODS } from "../../src/internal/specs.js";
import { SQL_DIALECTS, type SqlDialectName } from "../../src/sql/dialect.js";
import { toSQL } from "../../src/sql/to-sql.js";
import { asemModel, governance } from "./helpers.js";

/** The SQL text with string literals and quoted identifiers blanked (Spark escapes with a backslash). */
function code(sql: string, dialect: SqlDialectName): string {
  const string = dialect === "spark" ? /'(?:\\.|[^'\\])*'/g : /'(?:''|[^'])*'/g;
  const ident = dialect === "spark" ? /`(?:``|[^`])*`/g : /"(?:""|[^"])*"/g;
  return sql.replace(string, "''").replace(ident, "x");
}

/** Numeric literals with a fraction or an exponent outside strings: exact decimals in Trino and Spark. */
function decimalLiterals(sql: string, dialect: SqlDialectName): string[] {
  return (
    code(sql, dialect).match(
      /(?<![\w.])(?:\d+\.\d*|\.\d+)(?:[eE][+-]?\d+)?(?![\w.])|(?<![\w.])\d+[eE][+-]?\d+/g,
    ) ?? []
  );
}

const small = (normalize: unknown, formula = false): Model =>
  ({
    id: "m",
    inputs: [{ id: "x" }, { id: "y" }],
    tree: {
      id: "idx",
      aggregate: "arithmetic",
      children: [
        { id: "a", normalize },
        formula
          ? { id: "b", formula: "round(x / 3) + log2(y + 1)" }
          : { id: "b", direction: "cost", normalize },
      ],
    },
  }) as Model;

describe("toSQL writes every fractional literal as a double (no exact-decimal arithmetic)", () => {
  it("the scanner finds 1.0, .5 and 2E3 outside strings and ignores them inside strings and identifiers", () => {
    expect(decimalLiterals(`SELECT 1.0 / COUNT(x), .5, 2E3, 'a 1.5', "b 2.5" FROM t`, "trino")).toEqual([
      "1.0",
      ".5",
      "2E3",
    ]);
    expect(decimalLiterals("SELECT CAST('0.5' AS DOUBLE), `c 3.5`, 'it\\'s 4.5' FROM t", "spark")).toEqual(
      [],
    );
  });

  for (const dialect of SQL_DIALECTS)
    it(`toSQL(..., { dialect: "${dialect}" }) has no decimal literal for any normalization method`, () => {
      for (const method of NORMALIZE_METHODS) {
        // goalposts and target need their bounds: fractional ones, so that a bare literal would show
        const spec =
          method === "goalposts"
            ? { method, goalposts: [0.5, 9.5], range: [0, 100] }
            : method === "target"
              ? { method, target: [2.5, 7.5], range: [0.5, 1] }
              : method;
        const { sql } = toSQL(small(spec), { source: "t", dialect });
        expect({ method, found: decimalLiterals(sql, dialect) }).toEqual({ method, found: [] });
      }
    });

  for (const dialect of SQL_DIALECTS)
    it(`toSQL(governance template and ASEM, { dialect: "${dialect}" }) and a formula with round/log2 have no decimal literal`, () => {
      // PostgreSQL has no exact median, Trino none either: the template's policies compile in all four.
      for (const model of [governance(), asemModel(), small("minmax", true)]) {
        const { sql } = toSQL(model, { source: "t", dialect });
        expect(decimalLiterals(sql, dialect)).toEqual([]);
      }
    });
});

describe("toSQL refuses output columns that clash (issue 20, item 22: two columns named g_rank)", () => {
  it('toSQL on group "g" beside a node "g_rank" refuses the model, naming the column_collision checkModel finds', () => {
    const model = {
      id: "m",
      tree: { id: "r", children: [{ id: "g", children: [{ id: "x" }] }, { id: "g_rank" }] },
    } as Model;
    expect(() => toSQL(model, { source: "t", ranks: "all" })).toThrow(
      /tree\.children\[1\]\.id: node id "g_rank" is also the rank column of group "g"/,
    );
  });
});
