import { IndicatrixError } from "../../internal/errors.js";

/**
 * Runs `f` (one evaluation method) and prefixes the message of an {@link IndicatrixError} it throws
 * with `evaluateModel (method)`, so that the error says which step failed; code and path stay.
 * @internal
 */
export function withContext<T>(method: string, f: () => T): T {
  try {
    return f();
  } catch (e) {
    if (e instanceof IndicatrixError)
      throw new IndicatrixError(e.code, `evaluateModel (${method}): ${e.message}`, {
        path: e.path,
        where: e.where,
      });
    throw e;
  }
}
