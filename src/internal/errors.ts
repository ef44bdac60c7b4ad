import type { ErrorCode } from "./error-codes.js";

/**
 * Where a problem is, as data (the type of `Issue.path` and `IndicatrixError.path`): the JSON path into the input (`["tree", "children", 0, "direction"]`), or
 * `["data", row, column]` for a data cell (row: the 1-based data row of a file or table, or the 0-based unit
 * index of a dataset, as each function documents), or an argument (`["opts", "missing"]`, `["matrix", 2, 1]`).
 */
export type IssuePath = (string | number)[];

/**
 * One problem found in user input: a stable snake_case `code`, where it is as data (`path`) and for people
 * (`where`, such as `tree.children[0].id` or `row 3, column "pop"`), and what was expected.
 */
export interface Issue {
  /** Stable snake_case identifier of the problem, e.g. `duplicate_id`: one of {@link ErrorCode}. */
  code: ErrorCode;
  /** `error` makes input unusable; `warning` is worth a look but does not stop the run. */
  severity: "error" | "warning";
  /** Where the problem is, as a JSON path or `["data", row, column]`; `[]` for the input as a whole. */
  path: (string | number)[];
  /** Where the problem is, for people: `tree.children[0].id`, `unit "c1", column "a"`. */
  where: string;
  /** What is wrong and what was expected, in one sentence. */
  message: string;
  /** 1-based line of the model file where the problem is, when known (`locateIssues`, `invalid_syntax`). */
  line?: number;
  /** 1-based column of that line, when known. */
  column?: number;
  /** Id of the tree node the path is in (or names), when there is one: `"commute"` for `tree.children[2].direction`. */
  node?: string;
}

/**
 * Formats a path for people: `["tree", "children", 0, "id"]` is `tree.children[0].id`, a key that is not an
 * identifier is quoted (`profiles["my profile"]`), and the empty path is `(root)`.
 *
 * @example
 * ```ts
 * formatPath(["tree", "children", 0, "direction"]); // => "tree.children[0].direction"
 * ```
 */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = "";
  for (const key of path) {
    if (typeof key === "number") out += `[${key}]`;
    else {
      const k = String(key);
      out += /^[A-Za-z_$][\w$]*$/.test(k) ? (out ? `.${k}` : k) : `[${JSON.stringify(k)}]`;
    }
  }
  return out || "(root)";
}

/**
 * Reads a path written as `formatPath` writes it (`opts.weights[2]`, `profiles["a b"].weights`) back into its
 * segments; a text that is not such a path (`unit "c1", column "a"`, `node "x"`) gives `[]`. This is the
 * transition of the call sites that still pass a string to {@link fail}: they keep their text as `where`.
 * @internal
 */
export function parsePath(text: string): IssuePath {
  const out: IssuePath = [];
  const re = /^(?:\.?([A-Za-z_$][\w$]*)|\[(\d+)\]|\[("(?:[^"\\]|\\.)*")\])/;
  let rest = text;
  while (rest !== "") {
    const m = re.exec(rest);
    if (!m || (out.length === 0 && rest.startsWith("."))) return [];
    if (m[1] !== undefined) out.push(m[1]);
    else if (m[2] !== undefined) out.push(Number(m[2]));
    else out.push(JSON.parse(m[3] as string) as string);
    rest = rest.slice(m[0].length);
  }
  return out;
}

/**
 * The one error class that indicatrix throws for bad input. It carries a stable `code` (one of
 * {@link ErrorCode}), where the problem is as data (`path`) and for people (`where`), a message that starts
 * with `where`, and, for many problems at once, the full `issues` list.
 *
 * @example
 * ```ts
 * try {
 *   resolveAggregate({ method: "power" }); // the power mean needs its exponent p
 * } catch (e) {
 *   if (e instanceof IndicatrixError) console.log(e.code, e.path, e.where);
 * }
 * // => invalid_spec [ 'spec', 'p' ] spec.p
 * ```
 */
export class IndicatrixError extends Error {
  /** Stable snake_case identifier of the error, e.g. `invalid_model` or `invalid_matrix`. */
  readonly code: ErrorCode;
  /** Every problem found; a single-problem error carries one issue. */
  readonly issues: Issue[];
  /** Where the (first) problem is, as a JSON path or `["data", row, column]`. */
  readonly path: (string | number)[];
  /** Where the (first) problem is, for people. */
  readonly where: string;

  /**
   * @param opts.path where the problem is; a string is the transition form (its text becomes `where`, its
   *   segments `path`, see `parsePath`).
   * @param opts.where the text for people; default: the formatted `path`.
   */
  constructor(
    code: ErrorCode,
    message: string,
    opts: { path?: (string | number)[] | string; where?: string; issues?: Issue[] } = {},
  ) {
    super(message);
    this.name = "IndicatrixError";
    this.code = code;
    const first = opts.issues?.[0];
    if (typeof opts.path === "string") {
      this.path = parsePath(opts.path);
      this.where = opts.where ?? opts.path;
    } else if (opts.path !== undefined) {
      this.path = opts.path;
      this.where = opts.where ?? formatPath(opts.path);
    } else {
      this.path = first?.path ?? [];
      this.where = opts.where ?? first?.where ?? "";
    }
    this.issues = opts.issues ?? [{ code, severity: "error", path: this.path, where: this.where, message }];
  }
}

/**
 * Throws an {@link IndicatrixError} with one issue, its message prefixed by where the problem is. `where`
 * defaults to the formatted path; a string path is the transition form (kept as `where`).
 * @internal
 */
export function fail(code: ErrorCode, path: IssuePath | string, message: string, where?: string): never {
  const place = where ?? (typeof path === "string" ? path : path.length > 0 ? formatPath(path) : "");
  throw new IndicatrixError(code, place ? `${place}: ${message}` : message, { path, where: place });
}

/** An {@link Issue} whose `where` is the formatted path unless given. @internal */
export function issue(
  code: ErrorCode,
  severity: Issue["severity"],
  path: IssuePath,
  message: string,
  where: string = formatPath(path),
): Issue {
  return { code, severity, path, where, message };
}
