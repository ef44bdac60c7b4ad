import { IndicatrixError } from "../internal/errors.js";

/**
 * Throws `unsupported_in_sql` for what SQL cannot express, naming the method and the node and
 * what to do instead: score in memory, `also` (another way round, when there is one), or change
 * the method.
 * @internal
 */
export function unsupported(what: string, node: string, also?: string): never {
  throw new IndicatrixError(
    "unsupported_in_sql",
    `${what} (node "${node}") cannot be compiled to SQL; score in memory with score(), ${also === undefined ? "" : `${also}, `}or change the method`,
    { path: node },
  );
}
