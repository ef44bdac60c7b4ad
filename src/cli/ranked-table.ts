import { formatNumber, textTable } from "./format.js";
import { moreRows } from "./people.js";

/** A row of a command's result: cells by column. */
export type ResultRow = Readonly<Record<string, string | number | null | undefined>>;

/** What {@link rankedTable} shows. */
export interface RankedTableOptions {
  /** The column holding each row's rank (1 = best; empty = unranked, shown last); none: input order. */
  rank?: string | undefined;
  /** Unit names by unit id (a `name` column after `unit`; left out when no unit has a name). */
  names: ReadonlyMap<string, string | null | undefined>;
  /** Rows shown (the best `top` by rank). */
  top: number;
  /** A cell's text instead of the default (numbers with 4 decimals, `-` for an empty cell). */
  cell?: ((column: string, value: string | number | null | undefined) => string | undefined) | undefined;
}

/**
 * A command's result rows as a table for people: the rank column first, then `unit`, the unit's name
 * and the other columns; rows sorted by rank (unranked rows last), the first `top`, with a line saying
 * how many more there are.
 *
 * @example
 * ```ts
 * rankedTable(["unit", "score", "rank"], [{ unit: "a", score: 0.2, rank: 2 }, { unit: "b", score: 0.7, rank: 1 }],
 *   { rank: "rank", names: new Map([["b", "北村"]]), top: 1 });
 * // => "rank  unit  name   score\n   1  b     北村  0.7000\n... 1 more units (--top N, or --top all)\n"
 * ```
 */
export function rankedTable(
  columns: readonly string[],
  rows: readonly ResultRow[],
  opts: RankedTableOptions,
): string {
  const rankOf = (r: ResultRow) => {
    const v = opts.rank === undefined ? undefined : r[opts.rank];
    return typeof v === "number" && v > 0 ? v : Number.POSITIVE_INFINITY;
  };
  const order = [...rows.keys()].sort((a, b) => rankOf(rows[a]!) - rankOf(rows[b]!) || a - b);
  const named = rows.some((r) => {
    const n = opts.names.get(String(r.unit));
    return n !== undefined && n !== null && n !== "";
  });
  const rest = columns.filter((c) => c !== "unit" && c !== opts.rank);
  const head = [...(opts.rank ? [opts.rank] : []), "unit", ...(named ? ["name"] : []), ...rest];
  const text = (column: string, v: string | number | null | undefined): string | number => {
    const custom = opts.cell?.(column, v);
    if (custom !== undefined) return custom;
    if (v === null || v === undefined || (typeof v === "number" && !Number.isFinite(v))) return "-";
    return typeof v === "number" ? formatNumber(v) : v;
  };
  const shown = order.slice(0, opts.top);
  const body = shown.map((i) => {
    const r = rows[i]!;
    const unit = String(r.unit ?? "");
    return [
      ...(opts.rank ? [text(opts.rank, r[opts.rank])] : []),
      unit,
      ...(named ? [opts.names.get(unit) ?? ""] : []),
      ...rest.map((c) => text(c, r[c])),
    ];
  });
  return textTable(head, body) + moreRows(shown.length, rows.length, "units");
}
