import { IndicatrixError, parsePath } from "../../internal/errors.js";

/**
 * Re-throws a method's error naming what it concerns: the unit and column for an error at
 * `values[i]` (a non-finite value becomes `invalid_data`); for an aggregation's error at
 * `children[j][i]`, `children[j]` or `unit i`, the node, the unit id and the child id (given
 * `children`, the ids of the node's children in order) in place of the indices; otherwise the node
 * id and its JSON path. Anything that is not an IndicatrixError is returned as it is.
 * @internal
 */
export function locateError(
  e: unknown,
  id: string,
  units: readonly string[],
  path: string,
  children?: readonly string[],
): unknown {
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
  if (children) {
    // aggregate() names cells by index (`children[0][2]`, message `unit 2, child 0: ...`) and units
    // by index (`unit 1`): the score names the node, the unit and the child by their ids.
    const cell = /^children\[(\d+)\](?:\[(\d+)\])?$/.exec(e.where);
    const unit = /^unit (\d+)$/.exec(e.where);
    if (cell || unit) {
      const j = cell ? Number(cell[1]) : undefined;
      const i = unit ? Number(unit[1]) : cell?.[2] !== undefined ? Number(cell[2]) : undefined;
      const parts = [`node "${id}"`];
      if (i !== undefined) parts.push(`unit "${units[i]}"`);
      if (j !== undefined) parts.push(`child "${children[j]}"`);
      const where = parts.join(", ");
      // The message begins with the place (`children[1][1]: `) and then the indices (`unit 1, child 1: `).
      const message = e.message
        .replace(/^(children\[\d+\](\[\d+\])?|unit \d+): /, "")
        .replace(/^(unit \d+, child \d+|unit \d+|child \d+): /, "");
      return new IndicatrixError(e.code, `${where}: ${message}`, {
        path: [
          ...(i !== undefined ? ["data", i + 1] : parsePath(path)),
          ...(j !== undefined ? [children[j] as string] : []),
        ],
        where,
      });
    }
  }
  return new IndicatrixError(e.code, `"${id}": ${e.message}`, { path: parsePath(path), where: path });
}
