import { create, type FactoryFunctionMap, type MathNode, parseDependencies } from "mathjs";
import { IndicatrixError } from "../internal/errors.js";
import { MAX_FORMULA_ARGUMENTS, MAX_FORMULA_DEPTH, MAX_FORMULA_LENGTH } from "../internal/limits.js";

const math = create({ parseDependencies } as FactoryFunctionMap, {});

const BINARY: Record<string, (a: number, b: number) => number> = {
  add: (a, b) => a + b,
  subtract: (a, b) => a - b,
  multiply: (a, b) => a * b,
  divide: (a, b) => a / b,
  pow: (a, b) => a ** b,
};
const UNARY: Record<string, (a: number) => number> = { unaryMinus: (a) => -a, unaryPlus: (a) => a };
const FUNCTIONS: Record<string, { arity: [number, number]; fn: (...xs: number[]) => number }> = {
  abs: { arity: [1, 1], fn: Math.abs },
  sqrt: { arity: [1, 1], fn: Math.sqrt },
  exp: { arity: [1, 1], fn: Math.exp },
  log: { arity: [1, 2], fn: (x, b) => (b === undefined ? Math.log(x) : Math.log(x) / Math.log(b)) },
  log10: { arity: [1, 1], fn: Math.log10 },
  log2: { arity: [1, 1], fn: Math.log2 },
  min: { arity: [1, MAX_FORMULA_ARGUMENTS], fn: Math.min },
  max: { arity: [1, MAX_FORMULA_ARGUMENTS], fn: Math.max },
  round: { arity: [1, 1], fn: Math.round },
  floor: { arity: [1, 1], fn: Math.floor },
  ceil: { arity: [1, 1], fn: Math.ceil },
};

/** The functions a formula may call. */
export const FORMULA_FUNCTIONS: readonly string[] = Object.keys(FUNCTIONS);

/** A checked formula: the variables it reads and an evaluator over one unit's values. */
export interface CompiledFormula {
  /** The formula text. */
  source: string;
  /** Names of the variables the formula reads, in order of first use. */
  variables: string[];
  /** Evaluates the formula; `get(name)` returns the unit's value of a variable (NaN when missing). */
  evaluate(get: (name: string) => number): number;
}

type Evaluator = (get: (name: string) => number) => number;

function formulaError(source: string, message: string): never {
  throw new IndicatrixError("invalid_formula", `formula "${abbreviate(source)}": ${message}`);
}

function abbreviate(s: string): string {
  return s.length > 60 ? `${s.slice(0, 57)}...` : s;
}

/**
 * Parses a formula with mathjs's expression parser and checks it against a whitelist: numbers,
 * variables, `+ - * / ^`, unary minus, parentheses and the functions of {@link FORMULA_FUNCTIONS}.
 * Anything else (assignments, function definitions, property access, strings, matrices, units,
 * implicit multiplication such as `2 x`, comparisons, conditionals) is refused, and the formula is
 * never handed to mathjs's evaluator: a small interpreter over the checked tree computes it, so a
 * formula can do nothing but arithmetic.
 *
 * @throws IndicatrixError `invalid_formula` naming what is not allowed.
 * @example
 * ```ts
 * const f = compileFormula("cases / population * 1e5");
 * f.variables; // => ["cases", "population"]
 * f.evaluate((v) => ({ cases: 3, population: 6e4 })[v] ?? NaN); // => 5
 * ```
 */
export function compileFormula(source: string): CompiledFormula {
  if (typeof source !== "string" || source.trim() === "")
    formulaError(String(source), "expected a non-empty string");
  if (source.length > MAX_FORMULA_LENGTH)
    formulaError(source, `is ${source.length} characters long; the limit is ${MAX_FORMULA_LENGTH}`);
  let depth = 0;
  for (const ch of source) {
    if (ch === "(" || ch === "[" || ch === "{") depth++;
    else if (ch === ")" || ch === "]" || ch === "}") depth--;
    if (depth > MAX_FORMULA_DEPTH) formulaError(source, `nests deeper than ${MAX_FORMULA_DEPTH} levels`);
  }
  let root: MathNode;
  try {
    root = math.parse(source);
  } catch (e) {
    formulaError(source, `does not parse: ${(e as Error).message}`);
  }
  const variables: string[] = [];
  const evaluator = build(root, source, variables, 0);
  return { source, variables, evaluate: evaluator };
}

function build(node: MathNode, source: string, variables: string[], depth: number): Evaluator {
  if (depth > MAX_FORMULA_DEPTH) formulaError(source, `nests deeper than ${MAX_FORMULA_DEPTH} levels`);
  const n = node as MathNode & Record<string, unknown>;
  switch (node.type) {
    case "ConstantNode": {
      const value = n.value;
      if (typeof value === "number" && !Number.isFinite(value))
        formulaError(
          source,
          `the constant ${overflowingConstant(source, value)} is beyond the double range (about 1.8e308)`,
        );
      if (typeof value !== "number")
        formulaError(source, `only finite numbers are allowed as constants, got ${JSON.stringify(value)}`);
      return () => value;
    }
    case "SymbolNode": {
      const name = n.name as string;
      if (Object.hasOwn(FUNCTIONS, name))
        formulaError(source, `"${name}" is a function; call it as ${name}(...)`);
      if (!variables.includes(name)) variables.push(name);
      return (get) => get(name);
    }
    case "ParenthesisNode":
      return build(n.content as MathNode, source, variables, depth + 1);
    case "OperatorNode": {
      if (n.implicit)
        formulaError(source, `implicit multiplication ("${node.toString()}") is not allowed; write *`);
      const fn = n.fn as string;
      if (CHAINS[fn] !== undefined) return chain(n, source, variables, depth);
      const args = (n.args as MathNode[]).map((a) => build(a, source, variables, depth + 1));
      const binary = BINARY[fn];
      if (binary && args.length === 2) {
        const [a, b] = args as [Evaluator, Evaluator];
        return (get) => binary(a(get), b(get));
      }
      const unary = UNARY[fn];
      if (unary && args.length === 1) {
        const [a] = args as [Evaluator];
        return (get) => unary(a(get));
      }
      return formulaError(source, `operator "${n.op as string}" is not allowed; use + - * / ^`);
    }
    case "FunctionNode": {
      const callee = n.fn as MathNode & { name?: string };
      const name = callee.type === "SymbolNode" ? (callee.name as string) : "";
      const spec = Object.hasOwn(FUNCTIONS, name) ? FUNCTIONS[name] : undefined;
      if (!spec)
        formulaError(
          source,
          `function "${name || callee.toString()}" is not allowed; allowed: ${FORMULA_FUNCTIONS.join(", ")}`,
        );
      const args = (n.args as MathNode[]).map((a) => build(a, source, variables, depth + 1));
      if (args.length < spec.arity[0] || args.length > spec.arity[1])
        formulaError(source, `${name}() takes ${spec.arity.join(" to ")} arguments, got ${args.length}`);
      const f = spec.fn;
      return (get) => f(...args.map((a) => a(get)));
    }
    default:
      return formulaError(
        source,
        `${describe(node.type)} is not allowed; a formula is arithmetic on variables`,
      );
  }
}

/** The operators that chain left to right at one precedence: `a + b - c + ...`, `a * b / c * ...`. */
const CHAINS: Record<string, "sum" | "product"> = {
  add: "sum",
  subtract: "sum",
  multiply: "product",
  divide: "product",
};

/**
 * A left-associative chain `((a + b) - c) + d` (mathjs's tree for `a + b - c + d`) as one loop over
 * its terms: the chain's length is not nesting, so a sum of 70 terms is one level deep, not 70 (the
 * depth limit is for parentheses, powers and function calls), and is evaluated left to right as
 * the nested form would be. The terms are collected along the left spine without recursion.
 */
function chain(
  node: MathNode & Record<string, unknown>,
  source: string,
  variables: string[],
  depth: number,
): Evaluator {
  const kind = CHAINS[node.fn as string];
  const ops: ((a: number, b: number) => number)[] = [];
  const rights: MathNode[] = [];
  let left: MathNode & Record<string, unknown> = node;
  while (
    left.type === "OperatorNode" &&
    !left.implicit &&
    CHAINS[left.fn as string] === kind &&
    (left.args as MathNode[]).length === 2
  ) {
    const [a, b] = left.args as [MathNode, MathNode];
    ops.push(BINARY[left.fn as string] as (a: number, b: number) => number);
    rights.push(b);
    left = a as MathNode & Record<string, unknown>;
  }
  if (left.type === "OperatorNode" && left.implicit)
    formulaError(source, `implicit multiplication ("${left.toString()}") is not allowed; write *`);
  ops.reverse();
  rights.reverse();
  // The first term is built first, so that variables are listed in the order they appear.
  const first = build(left, source, variables, depth + 1);
  const terms = rights.map((r) => build(r, source, variables, depth + 1));
  const k = terms.length;
  return (get) => {
    let acc = first(get);
    for (let i = 0; i < k; i++) acc = ops[i]!(acc, terms[i]!(get));
    return acc;
  };
}

/** The token of `source` that reads as the infinite constant `value` (`1e309`), for the message. */
function overflowingConstant(source: string, value: number): string {
  const tokens = source.match(/(\d+\.?\d*|\.\d+)(e[+-]?\d+)?/gi) ?? [];
  return tokens.find((t) => Number(t) === Math.abs(value)) ?? String(value);
}

function describe(type: string): string {
  const names: Record<string, string> = {
    AssignmentNode: "assignment",
    FunctionAssignmentNode: "a function definition",
    AccessorNode: "property or index access",
    IndexNode: "indexing",
    ArrayNode: "a matrix or array",
    ObjectNode: "an object",
    ConditionalNode: "a conditional (?:)",
    RangeNode: "a range",
    BlockNode: "several statements",
    RelationalNode: "a comparison",
  };
  return names[type] ?? type;
}
