import { IndicatrixError, parsePath } from "../../internal/errors.js";

/**
 * Re-throws a method's error naming what it concerns: the unit and column for an error at
 * `values[i]` (a non-finite value becomes `invalid_data`), otherwise the node id and its JSON path.
 * Anything that is not an IndicatrixError is returned as it is.
 * @internal
 */
export function locateError(e: unknown, id: string, units: readonly string[], path: string): unknown {
  if (!(e instanceof IndicatrixError)) return e;
  const at = /^values\[(\d+)\]/.exec(e.where);
  if (at) {
    const where = `unit "${units[Number(at[1])]}", column "${id}"`;
    return new IndicatrixError(
      e.code === "non_finite_value" ? "invalid_data" : e.code,
      `${where}: ${e.message.replace(/^values\[\d+\]: /, "")}`,
      { path: ["data", Number(at[1]), id], where },
    );
  }
  return new IndicatrixError(e.code, `"${id}": ${e.message}`, { path: parsePath(path), where: path });
}
