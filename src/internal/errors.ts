import type { ErrorCode } from "./error-codes.js";

/**
 * One problem found in user input: a stable snake_case `code`, where it is (`path`, a JSON path
 * such as `tree.children[0].id` or a place such as `row 3, column "pop"`), and what was expected.
 */
export interface Issue {
  /** Stable snake_case identifier of the problem, e.g. `duplicate_id`: one of {@link ErrorCode}. */
  code: ErrorCode;
  /** `error` makes input unusable; `warning` is worth a look but does not stop the run. */
  severity: "error" | "warning";
  /** Where the problem is: a JSON path, an id, or a row/column reference. */
  path: string;
  /** What is wrong and what was expected, in one sentence. */
  message: string;
}

/**
 * The one error class that indicatrix throws for bad input. It carries a stable `code`
 * (snake_case), a message naming the place, and, for many problems at once, the full `issues` list.
 *
 * @example
 * ```ts
 * try { parseModel({}) } catch (e) {
 *   if (e instanceof IndicatrixError) console.log(e.code, e.issues.length);
 * }
 * // => invalid_model 2
 * ```
 */
export class IndicatrixError extends Error {
  /** Stable snake_case identifier of the error, e.g. `invalid_model` or `invalid_matrix`. */
  readonly code: ErrorCode;
  /** Every problem found; a single-problem error carries one issue. */
  readonly issues: Issue[];
  /** Where the (first) problem is. */
  readonly path: string;

  constructor(code: ErrorCode, message: string, opts: { path?: string; issues?: Issue[] } = {}) {
    super(message);
    this.name = "IndicatrixError";
    this.code = code;
    this.path = opts.path ?? opts.issues?.[0]?.path ?? "";
    this.issues = opts.issues ?? [{ code, severity: "error", path: this.path, message }];
  }
}

/** Throws an {@link IndicatrixError} with one issue. @internal */
export function fail(code: ErrorCode, path: string, message: string): never {
  throw new IndicatrixError(code, path ? `${path}: ${message}` : message, { path });
}
