import type { ErrorCode } from "../../internal/error-codes.js";
import { type Issue, type IssuePath, issue, parsePath } from "../../internal/errors.js";

/** A finding of `checkModel`: an {@link Issue} with a stable code, a path and a message. */
export type Diagnostic = Issue;

/** A JSON path written as text (`tree.children[0]`) is kept as `where` and read into segments for `path`. */
function at(path: IssuePath | string): [IssuePath, string | undefined] {
  return typeof path === "string" ? [parsePath(path), path] : [path, undefined];
}

/** A diagnostic that makes the model unusable. @internal */
export function error(code: ErrorCode, path: IssuePath | string, message: string): Diagnostic {
  const [p, where] = at(path);
  return issue(code, "error", p, message, where);
}

/** A diagnostic worth a look that does not stop a run. @internal */
export function warning(code: ErrorCode, path: IssuePath | string, message: string): Diagnostic {
  const [p, where] = at(path);
  return issue(code, "warning", p, message, where);
}
