// Parses generated SQL with node-sql-parser (a real SQL parser with Trino, Hive and PostgreSQL grammars)
// and checks the dialect rules of issue 19 on its syntax tree. Used by dialects.test.ts and plan.test.ts.
import NodeSqlParser from "node-sql-parser";
import type { SqlDialectName } from "../../src/sql/dialect.js";

const { Parser } = NodeSqlParser as unknown as {
  Parser: new () => { astify(sql: string, o: object): unknown };
};
const parser = new Parser();

/** The node-sql-parser grammar of each dialect: Spark SQL is read with the Hive grammar (its ancestor). */
export const PARSER_DATABASE: Record<Exclude<SqlDialectName, "duckdb">, string> = {
  postgres: "postgresql",
  trino: "trino",
  spark: "hive",
};

type Node = Record<string, unknown>;

/**
 * The syntax tree of `sql` in the grammar of `dialect`. Two constructs that the engines accept and
 * the grammars of node-sql-parser 5.4 lack are rewritten first, so that the rest is parsed: PostgreSQL's
 * `AS MATERIALIZED (` of a CTE (PostgreSQL 12+), its median `PERCENTILE_CONT(CAST('0.5' AS DOUBLE
 * PRECISION)) WITHIN GROUP (ORDER BY v)` (the grammar takes a bare number only; read as MEDIAN(v)), and
 * the `NULLS LAST` of an ORDER BY in the Hive grammar (Spark SQL has it). None touches arithmetic.
 */
export function parseSql(sql: string, dialect: Exclude<SqlDialectName, "duckdb">): Node {
  let text = sql;
  if (dialect === "postgres")
    text = text
      .replaceAll(" AS MATERIALIZED (", " AS (")
      .replace(
        /PERCENTILE_CONT\(CAST\('0\.5' AS DOUBLE PRECISION\)\) WITHIN GROUP \(ORDER BY (\w+)\)/g,
        "MEDIAN($1)",
      );
  if (dialect === "spark") text = text.replaceAll(" NULLS LAST", "");
  return parser.astify(text, { database: PARSER_DATABASE[dialect] }) as Node;
}

/** Every object node of the tree, depth first. */
function* nodes(tree: unknown): Generator<Node> {
  if (Array.isArray(tree)) for (const t of tree) yield* nodes(t);
  else if (tree !== null && typeof tree === "object") {
    yield tree as Node;
    for (const v of Object.values(tree)) yield* nodes(v);
  }
}

type Type = "int" | "double" | "decimal" | "text" | "bool" | "null" | "unknown";

const funcName = (n: Node): string => {
  const name = n.name as unknown;
  if (typeof name === "string") return name.toUpperCase();
  const parts = (name as { name?: { value: string }[] })?.name;
  return (parts?.map((p) => p.value).join(".") ?? "").toUpperCase();
};

const args = (n: Node): Node[] => {
  const a = n.args as { value?: Node[]; expr?: Node } | undefined;
  if (!a) return [];
  if (Array.isArray(a.value)) return a.value;
  return a.expr ? [a.expr] : [];
};

const columnName = (n: Node): string => {
  const c = n.column as unknown;
  if (typeof c === "string") return c;
  return String((c as { expr?: { value?: unknown } })?.expr?.value ?? "");
};

const DOUBLE_TYPES = new Set(["DOUBLE", "DOUBLE PRECISION", "FLOAT8", "FLOAT"]);
const INT_TYPES = new Set(["INT", "INTEGER", "BIGINT", "SMALLINT", "TINYINT"]);
const TEXT_TYPES = new Set(["VARCHAR", "TEXT", "STRING"]);

/** The double literal CAST('<nonzero number>' AS DOUBLE) (or a nonzero integer cast to double). */
function nonzeroDouble(n: Node): boolean {
  if (n.type !== "cast") return false;
  const target = (n.target as { dataType: string }[])[0]?.dataType.toUpperCase() ?? "";
  const inner = n.expr as Node;
  const v = inner.value;
  return DOUBLE_TYPES.has(target) && (typeof v === "string" || typeof v === "number") && Number(v) !== 0;
}

/**
 * The violations of the dialect rules in a parsed query, as readable strings (empty when it obeys):
 * - no numeric literal has a fraction or an exponent (an exact DECIMAL in Trino and Spark);
 * - no numeric literal is an operand of + - * / or unary minus, or an argument of a function other
 *   than NULLIF (where 0 is compared, not computed with), COUNT and LEFT (text);
 * - every CAST is to a double or a text type (no DECIMAL, no integer);
 * - every quotient is of doubles: neither side is an integer (COUNT, RANK, an integer literal or sums
 *   of them, through the columns of the CTEs that define them) nor a decimal;
 * - every divisor is `NULLIF(e, 0)` or a nonzero double literal: no division by zero is evaluated;
 * - in Spark, every FLOOR / CEIL (BIGINT there) is cast to DOUBLE at once.
 */
export function dialectViolations(tree: Node, dialect: SqlDialectName): string[] {
  const bad: string[] = [];
  // Column alias -> defining expressions (a name may be defined in several CTEs).
  const defs = new Map<string, Node[]>();
  const parents = new Map<Node, Node>();
  for (const n of nodes(tree)) {
    for (const v of Object.values(n)) {
      if (Array.isArray(v)) for (const c of v) if (c && typeof c === "object") parents.set(c as Node, n);
      if (v && typeof v === "object" && !Array.isArray(v)) parents.set(v as Node, n);
    }
    if (n.type === "expr" && typeof n.as === "string" && n.expr) {
      const list = defs.get(n.as) ?? [];
      list.push(n.expr as Node);
      defs.set(n.as, list);
    }
  }
  const memo = new Map<Node, Type>();
  const resolving = new Set<string>();
  const join = (ts: Type[]): Type => {
    const real = ts.filter((t) => t !== "null");
    if (real.includes("decimal")) return "decimal";
    if (real.includes("double")) return "double";
    if (real.length > 0 && real.every((t) => t === "int")) return "int";
    if (real.length === 0) return "null";
    return real.every((t) => t === real[0]) ? (real[0] as Type) : "unknown";
  };
  const typeOf = (n: Node): Type => {
    const known = memo.get(n);
    if (known) return known;
    const t = infer(n);
    memo.set(n, t);
    return t;
  };
  const infer = (n: Node): Type => {
    switch (n.type) {
      case "number":
        return /[.eE]/.test(String(n.value)) ? "decimal" : "int";
      case "single_quote_string":
      case "string":
        return "text";
      case "null":
        return "null";
      case "bool":
        return "bool";
      case "cast": {
        const target = (n.target as { dataType: string }[])[0]?.dataType.toUpperCase() ?? "";
        if (DOUBLE_TYPES.has(target)) return "double";
        if (INT_TYPES.has(target)) return "int";
        if (TEXT_TYPES.has(target)) return "text";
        return "decimal";
      }
      case "aggr_func": {
        const name = funcName(n);
        const [a] = args(n);
        if (name === "COUNT") return "int";
        if (["SUM", "MIN", "MAX"].includes(name)) return a ? typeOf(a) : "unknown";
        if (name === "AVG") return a && typeOf(a) === "int" ? "decimal" : "double";
        return "double";
      }
      case "window_func":
        return ["RANK", "ROW_NUMBER", "DENSE_RANK"].includes(funcName(n)) ? "int" : "double";
      case "function": {
        const name = funcName(n);
        const as = args(n);
        if (["RANK", "ROW_NUMBER", "DENSE_RANK", "COUNT"].includes(name)) return "int";
        if (["TRIM", "LEFT", "CONCAT"].includes(name)) return "text";
        if (["ERROR", "FAIL", "RAISE_ERROR"].includes(name)) return "null";
        if (name === "NULLIF") return as[0] ? typeOf(as[0]) : "unknown";
        if (["FLOOR", "CEIL"].includes(name)) return dialect === "spark" ? "int" : join(as.map(typeOf));
        if (["ABS", "COALESCE", "GREATEST", "LEAST"].includes(name)) return join(as.map(typeOf));
        return "double";
      }
      case "case":
        return join((n.args as Node[]).map((a) => typeOf(a.result as Node)));
      case "unary_expr":
        return n.operator === "-" ? typeOf(n.expr as Node) : "bool";
      case "binary_expr": {
        const op = String(n.operator);
        const [l, r] = [typeOf(n.left as Node), typeOf(n.right as Node)];
        if (op === "||") return "text";
        if (!["+", "-", "*", "/"].includes(op)) return "bool";
        if (l === "decimal" || r === "decimal") return "decimal";
        if (l === "double" || r === "double") return "double";
        if (l === "int" && r === "int") return "int";
        return "unknown";
      }
      case "column_ref": {
        const name = columnName(n);
        const ds = defs.get(name);
        if (!ds || resolving.has(name)) return "unknown";
        resolving.add(name);
        const ts = ds.map(typeOf);
        resolving.delete(name);
        if (ts.includes("int")) return "int";
        return join(ts);
      }
      default:
        return "unknown";
    }
  };
  const show = (n: Node) => JSON.stringify(n).slice(0, 160);
  for (const n of nodes(tree)) {
    const parent = parents.get(n);
    if (n.type === "number") {
      if (/[.eE]/.test(String(n.value))) bad.push(`decimal literal ${n.value}`);
      const p = parent && (parents.get(parent) ?? parent);
      const inArith =
        parent?.type === "binary_expr" && ["+", "-", "*", "/"].includes(String(parent.operator));
      const inMinus = parent?.type === "unary_expr" && parent.operator === "-";
      // function arguments sit in an expr_list under the function
      const fn = parent?.type === "expr_list" ? p : undefined;
      const inFn =
        fn !== undefined &&
        (fn.type === "function" || fn.type === "aggr_func") &&
        !["NULLIF", "COUNT", "LEFT"].includes(funcName(fn));
      if (inArith || inMinus || inFn) bad.push(`bare numeric literal ${n.value} in ${show(parent as Node)}`);
    }
    if (n.type === "cast") {
      const target = (n.target as { dataType: string }[])[0]?.dataType.toUpperCase() ?? "";
      if (!DOUBLE_TYPES.has(target) && !TEXT_TYPES.has(target) && target !== "INTEGER")
        bad.push(`cast to ${target}`);
      // PostgreSQL's raise casts a message to INTEGER (and back to double): allowed there only.
      if (target === "INTEGER" && dialect !== "postgres") bad.push("cast to INTEGER");
    }
    if (n.type === "binary_expr" && n.operator === "/") {
      const [l, r] = [n.left as Node, n.right as Node];
      const [tl, tr] = [typeOf(l), typeOf(r)];
      if (tl === "decimal" || tr === "decimal") bad.push(`exact-decimal division ${show(n)}`);
      else if (tl !== "double" && tr !== "double") bad.push(`division of ${tl} by ${tr}: ${show(n)}`);
      const guarded =
        (r.type === "function" &&
          funcName(r) === "NULLIF" &&
          (args(r)[1]?.value === 0 || args(r)[1]?.value === "0")) ||
        nonzeroDouble(r);
      if (!guarded) bad.push(`divisor not guarded against 0: ${show(n)}`);
    }
    if (dialect === "spark" && n.type === "function" && ["FLOOR", "CEIL"].includes(funcName(n))) {
      const p = parent?.type === "expr_list" ? parents.get(parent) : parent;
      const castToDouble =
        p?.type === "cast" &&
        DOUBLE_TYPES.has((p.target as { dataType: string }[])[0]?.dataType.toUpperCase() ?? "");
      if (!castToDouble) bad.push(`${funcName(n)} not cast to DOUBLE: ${show(n)}`);
    }
  }
  return bad;
}

/** The CTEs of a parsed query: name -> body. */
function ctesOf(tree: Node): Map<string, Node> {
  const out = new Map<string, Node>();
  for (const c of (tree.with as Node[] | null) ?? []) {
    const name = String((c.name as { value: string }).value);
    const stmt = c.stmt as Node;
    out.set(name, (stmt.ast as Node | undefined) ?? stmt);
  }
  return out;
}

/**
 * How many times the table `source` is read when every CTE is copied into each query that reads
 * it, as Trino does (and Spark for deterministic CTEs): the reads of the main query, a CTE read
 * twice counting its reads twice; a CTE of `materialized` (PostgreSQL's AS MATERIALIZED) counts once.
 */
export function sourceScans(
  tree: Node,
  source: string,
  materialized: ReadonlySet<string> = new Set(),
): number {
  const ctes = ctesOf(tree);
  const memo = new Map<string, number>();
  const computed = new Set<string>();
  const scansOf = (body: Node): number => {
    let total = 0;
    for (const n of nodes(body)) {
      if (n === body.with) continue;
      if (typeof n.table !== "string" || "type" in n) continue;
      const t = n.table;
      if (ctes.has(t)) {
        // A materialized CTE is computed once: its reads count at its first reader only.
        if (materialized.has(t) && computed.has(t)) continue;
        computed.add(t);
        total += count(t);
      } else if (t === source) total += 1;
    }
    return total;
  };
  const count = (name: string): number => {
    const known = memo.get(name);
    if (known !== undefined) return known;
    memo.set(name, 0);
    const c = scansOf(ctes.get(name) as Node);
    memo.set(name, c);
    return c;
  };
  const main = { ...tree, with: null };
  return scansOf(main);
}

/** The longest select-list expression of a parsed query, re-written as SQL text by node-sql-parser. */
export function longestExpression(
  tree: Node,
  dialect: Exclude<SqlDialectName, "duckdb">,
): { column: string; length: number } {
  const p = parser as unknown as { exprToSQL(e: unknown, o: object): string };
  let best = { column: "", length: 0 };
  for (const n of nodes(tree))
    if (n.type === "expr" && n.expr && typeof n.as === "string") {
      const length = p.exprToSQL(n.expr, { database: PARSER_DATABASE[dialect] }).length;
      if (length > best.length) best = { column: n.as, length };
    }
  return best;
}
