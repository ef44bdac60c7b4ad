import { IndicatrixError } from "../internal/errors.js";

/** The comparison operators of a rule condition. */
export type ConditionOperator = ">=" | ">" | "<=" | "<" | "==" | "!=";

/** A parsed rule condition: `<name> <operator> <number | true | false>`. */
export interface Condition {
  /** The condition text. */
  source: string;
  /** The indicator or column compared. */
  name: string;
  /** The operator. */
  op: ConditionOperator;
  /** The value compared with (`true` is 1, `false` is 0). */
  value: number;
  /** True when the value was written `true` or `false`: `== true` then holds for any non-zero value. */
  boolean: boolean;
}

const PATTERN =
  /^\s*([A-Za-z_\u00C0-\uFFFF][\w.\u00C0-\uFFFF-]*)\s*(>=|<=|==|!=|>|<)\s*(true|false|[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?)\s*$/;

/**
 * Parses a rule condition of the comparison syntax: one column or indicator id, an operator
 * (`>=`, `>`, `<=`, `<`, `==`, `!=`) and a number or `true` / `false` (read as 1 and 0, so a flag
 * column holds 1/0 or true/false): `accidents >= 1`, `major_accident == true`. Nothing else is
 * accepted (no arithmetic, no function calls, no `and`/`or`: write several rules), so a condition
 * can only compare.
 *
 * @param source - The condition text.
 * @throws IndicatrixError `invalid_condition` saying what the syntax is.
 * @example
 * ```ts
 * parseCondition("accidents >= 1"); // => { source: "accidents >= 1", name: "accidents", op: ">=", value: 1, boolean: false }
 * parseCondition("flag == true").value; // => 1
 * ```
 */
export function parseCondition(source: string): Condition {
  const m = typeof source === "string" && source.length <= 200 ? PATTERN.exec(source) : null;
  if (!m)
    throw new IndicatrixError(
      "invalid_condition",
      `condition ${JSON.stringify(source)}: expected "<column> <op> <number | true | false>" with op one of >= > <= < == !=, e.g. "accidents >= 1"`,
    );
  const [, name, op, lit] = m as unknown as [string, string, ConditionOperator, string];
  const value = lit === "true" ? 1 : lit === "false" ? 0 : Number(lit);
  return { source, name, op, value, boolean: lit === "true" || lit === "false" };
}

/**
 * Whether a condition holds for a value; a missing value (NaN) never satisfies it. For `==`/`!=`
 * with `true`, any non-zero value is true. @internal
 */
export function conditionHolds(c: Condition, x: number): boolean {
  if (Number.isNaN(x)) return false;
  const v = c.value;
  switch (c.op) {
    case ">=":
      return x >= v;
    case ">":
      return x > v;
    case "<=":
      return x <= v;
    case "<":
      return x < v;
    case "==":
      return c.boolean ? (x !== 0) === (v === 1) : x === v;
    case "!=":
      return c.boolean ? (x !== 0) !== (v === 1) : x !== v;
  }
}
