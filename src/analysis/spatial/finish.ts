import { fail, type Issue, issue } from "../../internal/errors.js";
import type { SpatialWeights, WeightsStyle } from "./types.js";

/** Checks a style option. @internal */
export function checkStyle(style: unknown): WeightsStyle {
  const s = style ?? "r";
  if (s !== "r" && s !== "b")
    fail("invalid_option", ["opts", "style"], `style is "r" or "b", got ${JSON.stringify(s)}`);
  return s;
}

/**
 * Sorts each row by neighbour index, row-standardizes on request and reports islands (a unit without
 * neighbours keeps an empty row: its spatial lag is 0; it stays in n, as esda). @internal
 */
export function finishWeights(
  units: string[],
  rows: { j: number; w: number }[][],
  style: WeightsStyle,
  kind: string,
  diagnostics: Issue[],
): SpatialWeights {
  const neighbours: number[][] = [];
  const weights: number[][] = [];
  const islands: string[] = [];
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i]!.filter((e) => e.w !== 0).sort((a, b) => a.j - b.j);
    let sum = 0;
    for (const e of row) sum += e.w;
    if (row.length === 0) islands.push(units[i]!);
    neighbours.push(row.map((e) => e.j));
    weights.push(row.map((e) => (style === "r" ? e.w / sum : e.w)));
  }
  if (islands.length > 0)
    diagnostics.push(
      issue(
        "island",
        "warning",
        ["weights"],
        `${islands.length} unit${islands.length === 1 ? " has" : "s have"} no neighbour (${islands.slice(0, 5).join(", ")}${islands.length > 5 ? ", ..." : ""}): spatial lag 0, kept in n`,
        `weights ${kind}`,
      ),
    );
  return { units, neighbours, weights, style, kind, diagnostics };
}
