import { create, type FactoryFunctionMap, type MathNode, parseDependencies } from "mathjs";
import { compileFormula } from "../indicators/formula.js";
import { IndicatrixError } from "../internal/errors.js";
import type { SqlDialect } from "./dialect.js";
import { sqlNumber } from "./writer.js";

const math = create({ parseDependencies } as FactoryFunctionMap, {});

/** ln(Number.MAX_VALUE): above it exp() overflows to Infinity in JavaScript (and errors in PostgreSQL). */
const MAX_EXP = 709.782712893384;

/** `e` when finite, NULL otherwise: Infinity - Infinity and NaN - NaN are NaN, which is not 0. */
export function finiteOrNull(e: string): string {
  return `(CASE WHEN (${e}) - (${e}) = 0 THEN ${e} END)`;
}

/**
 * Compiles a model formula to a SQL expression over the columns `column(name)` gives, with the
 * semantics of `compileFormula`'s evaluator: a missing input gives NULL, and every result that is
 * not a finite number in JavaScript (division by zero, log of a non-positive number, sqrt of a
 * negative number, 0 to a negative power, a negative number to a fractional power, exp overflow)
 * gives NULL (missing). The formula is checked by `compileFormula` first (same whitelist).
 * @internal
 */
export function formulaToSQL(source: string, d: SqlDialect, column: (name: string) => string): string {
  compileFormula(source);
  const root = math.parse(source);
  return finiteOrNull(walk(root, d, column));
}

/** The operators that chain left to right at one precedence, as `compileFormula` evaluates them. */
const CHAIN_OPS: Record<string, "sum" | "product"> = {
  add: "sum",
  subtract: "sum",
  multiply: "product",
  divide: "product",
};

/**
 * A left-associative chain `a + b - c + d` as one flat SQL expression `(a + b - c + d)` (SQL's
 * + - * / are left-associative too), not 3 nested parentheses: a sum of 70 terms stays one level
 * deep for the database's parser. Division keeps its guard, `/ NULLIF(c, 0)`.
 */
function chain(
  node: MathNode & Record<string, unknown>,
  d: SqlDialect,
  column: (name: string) => string,
): string {
  const kind = CHAIN_OPS[node.fn as string];
  const tail: string[] = [];
  let left: MathNode & Record<string, unknown> = node;
  while (
    left.type === "OperatorNode" &&
    CHAIN_OPS[left.fn as string] === kind &&
    (left.args as MathNode[]).length === 2
  ) {
    const [a, b] = left.args as [MathNode, MathNode];
    const t = walk(b, d, column);
    const fn = left.fn as string;
    tail.push(
      fn === "add"
        ? `+ ${t}`
        : fn === "subtract"
          ? `- ${t}`
          : fn === "multiply"
            ? `* ${t}`
            : `/ NULLIF(${t}, 0)`,
    );
    left = a as MathNode & Record<string, unknown>;
  }
  return `(${[walk(left, d, column), ...tail.reverse()].join(" ")})`;
}

function walk(node: MathNode, d: SqlDialect, column: (name: string) => string): string {
  const n = node as MathNode & Record<string, unknown>;
  switch (node.type) {
    case "ConstantNode":
      return sqlNumber(d, n.value as number);
    case "SymbolNode":
      return column(n.name as string);
    case "ParenthesisNode":
      return walk(n.content as MathNode, d, column);
    case "OperatorNode": {
      if (CHAIN_OPS[n.fn as string] !== undefined) return chain(n, d, column);
      const args = (n.args as MathNode[]).map((a) => walk(a, d, column));
      const [a, b] = args as [string, string];
      switch (n.fn as string) {
        case "add":
          return `(${a} + ${b})`;
        case "subtract":
          return `(${a} - ${b})`;
        case "multiply":
          return `(${a} * ${b})`;
        case "divide":
          return `(${a} / NULLIF(${b}, 0))`; // see SqlWriter.div
        case "pow":
          return `(CASE WHEN ${a} < 0 AND ${b} <> ${d.rounding("FLOOR", b)} THEN NULL WHEN ${a} = 0 AND ${b} < 0 THEN NULL ELSE POWER(${a}, ${b}) END)`;
        case "unaryMinus":
          return `(-(${a}))`;
        default:
          return a;
      }
    }
    case "FunctionNode": {
      const name = (n.fn as { name: string }).name;
      const args = (n.args as MathNode[]).map((a) => walk(a, d, column));
      const [a, b] = args as [string, string];
      switch (name) {
        case "abs":
          return `ABS(${a})`;
        case "sqrt":
          return `(CASE WHEN ${a} >= 0 THEN SQRT(${a}) END)`;
        case "exp":
          return `(CASE WHEN ${a} <= ${sqlNumber(d, MAX_EXP)} THEN EXP(${a}) END)`;
        case "log":
          if (args.length === 1) return `(CASE WHEN ${a} > 0 THEN LN(${a}) END)`;
          return `(CASE WHEN ${a} > 0 AND ${b} > 0 AND ${b} <> 1 THEN LN(${a}) / NULLIF(LN(${b}), 0) END)`;
        case "log10":
          return `(CASE WHEN ${a} > 0 THEN ${d.log10(a)} END)`;
        case "log2":
          return `(CASE WHEN ${a} > 0 THEN ${d.log2(a)} END)`;
        case "min":
        case "max": {
          if (args.length === 1) return a;
          const anyNull = args.map((x) => `${x} IS NULL`).join(" OR ");
          return `(CASE WHEN ${anyNull} THEN NULL ELSE ${name === "min" ? "LEAST" : "GREATEST"}(${args.join(", ")}) END)`;
        }
        case "round":
          // Math.round rounds halves up (towards +Infinity); SQL ROUND rounds them away from zero.
          return d.rounding("FLOOR", `${a} + ${sqlNumber(d, 0.5)}`);
        case "floor":
          return d.rounding("FLOOR", a);
        default:
          return d.rounding("CEIL", a);
      }
    }
    default:
      throw new IndicatrixError("invalid_formula", `formula node ${node.type} is not allowed`);
  }
}
