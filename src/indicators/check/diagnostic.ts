import type { ErrorCode } from "../../internal/error-codes.js";
import type { Issue } from "../../internal/errors.js";

/** A finding of `checkModel`: an {@link Issue} with a stable code, a path and a message. */
export type Diagnostic = Issue;

/** A diagnostic that makes the model unusable. @internal */
export function error(code: ErrorCode, path: string, message: string): Diagnostic {
  return { code, severity: "error", path, message };
}

/** A diagnostic worth a look that does not stop a run. @internal */
export function warning(code: ErrorCode, path: string, message: string): Diagnostic {
  return { code, severity: "warning", path, message };
}
