import { parseDocument } from "yaml";
import type { z } from "zod";
import { formatPath, IndicatrixError, type Issue, type IssuePath } from "../internal/errors.js";

import { MAX_INPUT_DEPTH, MAX_YAML_ALIASES } from "../internal/limits.js";
import { didYouMean } from "../internal/nearest.js";
import { jsonSyntaxError, lineColumn } from "./json-syntax.js";
import { nodeOf } from "./locate-issues.js";
import { type Model, ModelSchema } from "./schema.js";

/** Appends an object key to a JSON path: `appendKey("profiles", "normal")` is `profiles.normal`. */
export function appendKey(base: string, key: string): string {
  return /^[A-Za-z_$][\w$]*$/.test(key) ? `${base}.${key}` : `${base}[${JSON.stringify(key)}]`;
}

type ZodIssue = z.core.$ZodIssue;

/** A zod or walk path as issue path segments (a symbol key, which JSON cannot hold, as its text). */
function segments(path: readonly PropertyKey[]): IssuePath {
  return path.map((k) => (typeof k === "number" ? k : String(k)));
}

/** Picks, among the branches of a failed union, the one that got furthest (its issues have the longest paths). */
function bestUnionBranch(branches: ZodIssue[][]): ZodIssue[] | undefined {
  let best: ZodIssue[] | undefined;
  let bestScore = -1;
  for (const b of branches) {
    const score = Math.max(
      ...b.map((i) => i.path.length * 10 + (i.code === "invalid_type" || i.code === "invalid_value" ? 0 : 5)),
    );
    if (score > bestScore) {
      bestScore = score;
      best = b;
    }
  }
  return best;
}

/** The value at a path of the input, or undefined. */
function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let v = root;
  for (const k of path) {
    if (v === null || typeof v !== "object") return undefined;
    v = (v as Record<PropertyKey, unknown>)[k];
  }
  return v;
}

/**
 * A union whose every branch failed on the name alone (a bare name such as `"entropi"`, or `method`): one issue
 * listing every allowed name and the nearest one, instead of the first branch's `expected "equal"`.
 */
function unknownName(issue: ZodIssue, path: PropertyKey[], root: unknown): Issue | undefined {
  if (issue.code !== "invalid_union" || !("errors" in issue)) return undefined;
  const names: string[] = [];
  let objects = false;
  for (const branch of issue.errors) {
    let failedOnName = false;
    for (const i of branch) {
      const at = i.path.map(String).join(".");
      if (i.code === "invalid_value" && (at === "" || at === "method")) {
        failedOnName = true;
        for (const v of i.values) if (typeof v === "string" && !names.includes(v)) names.push(v);
      } else if (i.code === "invalid_type" && at === "") {
        failedOnName = true;
        if (i.expected === "object") objects = true;
      } else if (i.code === "invalid_union" && at === "") {
        const inner = unknownName(i, path, root);
        if (inner) {
          failedOnName = true;
          for (const v of (inner as Issue & { names?: string[] }).names ?? [])
            if (!names.includes(v)) names.push(v);
        }
      }
    }
    // A branch whose name matched failed on something else: report that branch's problems instead.
    if (!failedOnName) return undefined;
  }
  if (names.length === 0) return undefined;
  const value = valueAt(root, path);
  const isMethod = value !== null && typeof value === "object" && "method" in value;
  const given = isMethod ? (value as { method: unknown }).method : value;
  if (typeof given !== "string") return undefined;
  const at = isMethod ? [...path, "method"] : path;
  const list = names.map((n) => JSON.stringify(n)).join(", ");
  const what = isMethod ? "method" : "value";
  const alt = !isMethod && objects ? " or an object" : "";
  const out: Issue & { names?: string[] } = {
    code: "invalid_model",
    severity: "error",
    path: segments(at),
    where: formatPath(at),
    message: `unknown ${what} ${JSON.stringify(given)}: expected one of ${list}${alt}${didYouMean(given, names)}`,
  };
  // The names travel to an enclosing union (a union of unions) without being printed.
  Object.defineProperty(out, "names", { value: names, enumerable: false });
  return out;
}

function flatten(issue: ZodIssue, prefix: PropertyKey[], out: Issue[], root: unknown): void {
  const path = [...prefix, ...issue.path];
  const named = unknownName(issue, path, root);
  if (named) {
    out.push(named);
    return;
  }
  if (issue.code === "invalid_union" && "errors" in issue && issue.errors.length > 0) {
    const branch = bestUnionBranch(issue.errors);
    const deeper = branch?.some((i) => i.path.length > 0 || i.code === "unrecognized_keys");
    if (branch && deeper) {
      for (const i of branch) flatten(i, path, out, root);
      return;
    }
  }
  let message = issue.message;
  if (issue.code === "unrecognized_keys")
    message = `unknown field(s) ${issue.keys.map((k) => `"${k}"`).join(", ")}`;
  else if (issue.code === "invalid_union") message = `${message}: ${describeUnion(issue)}`;
  else if (issue.code === "invalid_value") {
    const given = valueAt(root, path);
    const names = issue.values.filter((v): v is string => typeof v === "string");
    if (typeof given === "string" && names.length > 0)
      message = `unknown value ${JSON.stringify(given)}: expected one of ${names.map((n) => JSON.stringify(n)).join(", ")}${didYouMean(given, names)}`;
  }
  out.push({
    code: "invalid_model",
    severity: "error",
    path: segments(path),
    where: formatPath(path),
    message,
  });
}

function describeUnion(issue: ZodIssue): string {
  if (issue.code !== "invalid_union" || !("errors" in issue)) return "";
  const expected = new Set<string>();
  for (const branch of issue.errors)
    for (const i of branch) {
      if (i.code === "invalid_value") for (const v of i.values) expected.add(JSON.stringify(v));
      else if (i.code === "invalid_type") expected.add(i.expected);
    }
  return expected.size > 0 ? `expected one of ${[...expected].join(", ")}` : "no alternative matches";
}

/** Converts zod issues to indicatrix issues with JSON paths (`input`, the value checked, names what was given). */
export function issuesFromZod(error: z.ZodError, input?: unknown): Issue[] {
  const out: Issue[] = [];
  for (const issue of error.issues) flatten(issue, [], out, input);
  return out;
}

/** Options of {@link readModelText}. */
export interface ReadModelTextOptions {
  /**
   * `"json"`: strict JSON (RFC 8259: a trailing comma or a comment is an error), with duplicate keys refused;
   * `"yaml"` (default): YAML 1.2, of which JSON is a subset. `readModelFile` picks JSON for `.json` files.
   */
  format?: "json" | "yaml";
}

/**
 * Reads model text (JSON or YAML) into a plain value. YAML is a superset of JSON; duplicate keys,
 * unknown tags and directives, several documents and more than 100 alias expansions are errors.
 * With `format: "json"` the text is read as strict JSON.
 *
 * @throws IndicatrixError `invalid_syntax` with the line and column of the problem (also as `line` and
 *   `column` of its issue).
 * @example
 * ```ts
 * readModelText('{"id": "m", "tree": {"id": "root", "children": []}}').id; // => "m"
 * readModelText('{"id": "m",}', { format: "json" });
 * // throws IndicatrixError: line 1, column 12: a trailing comma before }
 * ```
 */
export function readModelText(text: string, opts: ReadModelTextOptions = {}): unknown {
  if (opts.format === "json") return readJsonText(text);
  try {
    const doc = parseDocument(text, { uniqueKeys: true, prettyErrors: true, logLevel: "error" });
    // Warnings (an unknown tag or directive) are errors too: a model file means exactly what it says,
    // and a library must not write to the console.
    const problem = doc.errors[0] ?? doc.warnings[0];
    if (problem) throw problem;
    return doc.toJS({ maxAliasCount: MAX_YAML_ALIASES });
  } catch (e) {
    const err = e as Error & { linePos?: { line: number; col: number }[] };
    const pos = err.linePos?.[0];
    const why = /Maximum call stack/.test(err.message)
      ? "the text nests too deep"
      : // The YAML library repeats the position in its message ("... at line 3, column 5:"): say it once.
        (err.message.split("\n")[0] ?? "").replace(/ at line \d+, column \d+:?\s*$/, "");
    throw syntaxError(why, pos ? { line: pos.line, column: pos.col } : undefined);
  }
}

function syntaxError(why: string, pos: { line: number; column: number } | undefined): IndicatrixError {
  const where = pos ? `line ${pos.line}, column ${pos.column}` : "(text)";
  const issue: Issue = { code: "invalid_syntax", severity: "error", path: [], where, message: why };
  if (pos) {
    issue.line = pos.line;
    issue.column = pos.column;
  }
  return new IndicatrixError("invalid_syntax", `${where}: ${why}`, { path: [], where, issues: [issue] });
}

/** Strict JSON: JSON.parse, its first error located for people, and duplicate keys refused (by the YAML reader). */
function readJsonText(text: string): unknown {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    const found = jsonSyntaxError(text);
    if (found) throw syntaxError(found.message, lineColumn(text, found.offset));
    throw syntaxError(
      /Maximum call stack/.test(String(e)) ? "the text nests too deep" : String(e),
      undefined,
    );
  }
  // JSON.parse keeps the last of two equal keys silently; the YAML reader (JSON is YAML) finds them with a position.
  const doc = parseDocument(text, { uniqueKeys: true, prettyErrors: true, logLevel: "silent" });
  const dup = doc.errors.find((x) => x.code === "DUPLICATE_KEY");
  if (dup) {
    const pos = dup.linePos?.[0];
    throw syntaxError(
      "a key appears twice in the same object",
      pos ? { line: pos.line, column: pos.col } : undefined,
    );
  }
  return value;
}

/**
 * Walks a model value without recursion and returns the first structural problem: nesting deeper
 * than MAX_INPUT_DEPTH (or a cycle) or a `__proto__` key (JSON.parse and YAML make it an own
 * key; a record copy would drop it silently or, worse, set a prototype).
 */
function scanInput(value: unknown): Issue | undefined {
  const stack: { v: unknown; path: PropertyKey[] }[] = [{ v: value, path: [] }];
  while (stack.length > 0) {
    const { v, path } = stack.pop() as { v: unknown; path: PropertyKey[] };
    if (v === null || typeof v !== "object") continue;
    if (path.length >= MAX_INPUT_DEPTH)
      return {
        code: "invalid_model",
        severity: "error",
        path: segments(path.slice(0, 8)),
        where: formatPath(path.slice(0, 8)),
        message: `the model nests deeper than ${MAX_INPUT_DEPTH} levels (or contains a cycle)`,
      };
    if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--) stack.push({ v: v[i], path: [...path, i] });
      continue;
    }
    for (const key of Object.keys(v)) {
      if (key === "__proto__")
        return {
          code: "invalid_model",
          severity: "error",
          path: segments([...path, key]),
          where: formatPath([...path, key]),
          message: `"__proto__" is not allowed as a key`,
        };
      stack.push({ v: (v as Record<string, unknown>)[key], path: [...path, key] });
    }
  }
  return undefined;
}

/**
 * Checks a value against the model schema and returns it typed; throws when it does not conform.
 * A string is read as JSON or YAML first. Only the schema is checked here: call `checkModel` (or
 * `validateModel` for both) for the semantic rules (unique ids, AHP consistency, profiles, formulas).
 * The input is never mutated; the result is a fresh copy.
 *
 * @throws IndicatrixError `invalid_model` whose `issues` list every problem with its JSON path (also
 *   for a value nested deeper than `LIMITS.maxInputDepth` (200) or a `__proto__` key), or `invalid_syntax`
 *   for unreadable text.
 * @example
 * ```ts
 * const model = parseModel({ id: "m", tree: { id: "root", children: [{ id: "a" }] } });
 * model.tree.children?.length; // => 1
 * parseModel({ id: "m", tree: { id: "root", wieght: 1 } });
 * // throws IndicatrixError: tree: unknown field(s) "wieght"
 * ```
 */
export function parseModel(input: unknown): Model {
  const value = typeof input === "string" ? readModelText(input) : input;
  const hostile = scanInput(value);
  if (hostile)
    throw new IndicatrixError("invalid_model", `${hostile.where}: ${hostile.message}`, { issues: [hostile] });
  const result = ModelSchema.safeParse(value);
  if (result.success) return result.data;
  const issues = issuesFromZod(result.error, value).map((i) => {
    const node = nodeOf(value, i.path);
    return node === undefined ? i : { ...i, node };
  });
  const first = issues[0];
  const more = issues.length > 1 ? ` (and ${issues.length - 1} more)` : "";
  throw new IndicatrixError("invalid_model", `${first?.where}: ${first?.message}${more}`, { issues });
}
