import type { ReadDataOptions } from "../node/read-csv-columns.js";
import { UsageError } from "./context.js";

/**
 * The `parseArgs` options of every command that reads a data file: the encoding, how cells become
 * numbers, and which columns hold the unit ids, names, parents, levels, periods and populations.
 */
export const DATA_OPTIONS = {
  encoding: { type: "string" },
  percent: { type: "string" },
  missing: { type: "string" },
  "unit-column": { type: "string" },
  "name-column": { type: "string" },
  "parent-column": { type: "string" },
  "level-column": { type: "string" },
  "period-column": { type: "string" },
  "population-column": { type: "string" },
  sheet: { type: "string" },
} as const;

/** The data options without the column options (for `sql`, whose `--unit-column` names a SQL column). */
export const DATA_CELL_OPTIONS = {
  sheet: DATA_OPTIONS.sheet,
  encoding: DATA_OPTIONS.encoding,
  percent: DATA_OPTIONS.percent,
  missing: DATA_OPTIONS.missing,
} as const;

/** The values of {@link DATA_OPTIONS} as `parseArgs` returns them. */
export type DataOptionValues = Partial<Record<keyof typeof DATA_OPTIONS, string | undefined>>;

/**
 * The help lines of {@link DATA_OPTIONS}, the same in every command and in docs/cli.md, with the
 * descriptions starting at column `width`. `cellsOnly` leaves out the column options.
 */
export function dataHelp(width: number, cellsOnly = false): string {
  const pad = (s: string) => {
    const head = `  ${s}`;
    return head.length < width ? head.padEnd(width) : `${head}\n${" ".repeat(width)}`;
  };
  const more = " ".repeat(width);
  const lines = [
    `${pad("--sheet S")}data: the sheet of a workbook (.xlsx, .xls, .ods), by name or number (default: first)`,
    `${pad("--encoding E")}data: auto (default: byte order mark, else UTF-8, else GB18030 with a`,
    `${more}notice), utf-8, gbk, gb18030, utf-16le or utf-16be`,
    `${pad("--percent HOW")}data: how 85% reads: auto (default: 85 for an indicator whose unit is %,`,
    `${more}else 0.85), fraction (0.85) or points (85)`,
    `${pad("--missing LIST")}data: comma-separated texts read as missing (empty cells always are);`,
    `${more}default NA, N/A, NaN, null, -, ., —, --, 无, /, #N/A`,
  ];
  if (!cellsOnly)
    lines.push(
      `${pad("--unit-column C")}data: column of the unit ids (default: unit, id or uCode)`,
      `${pad("--name-column C")}data: column of the unit names (default: name or uName)`,
      `${pad("--parent-column C")}data: column of the parent unit ids (default: parent)`,
      `${pad("--level-column C")}data: column of the unit levels (default: level)`,
      `${pad("--period-column C")}data: column of the periods, read as period`,
      `${pad("--population-column C")}data: column of the populations, read as population (roll-up weight)`,
    );
  return lines.join("\n");
}

/**
 * What the data options ask for, as `readCsvColumns` options (headers are matched after trimming and
 * NFKC normalization there).
 * @throws UsageError for a `--percent` other than auto, fraction or points, or an empty column name.
 */
export function dataOptions(values: DataOptionValues): ReadDataOptions {
  const percent = values.percent;
  if (percent !== undefined && !["auto", "fraction", "points"].includes(percent))
    throw new UsageError(`--percent must be auto, fraction or points, got "${percent}"`);
  const column = (flag: keyof typeof DATA_OPTIONS): string | undefined => {
    const v = values[flag];
    if (v !== undefined && v.trim() === "") throw new UsageError(`--${flag} needs a column name`);
    return v;
  };
  const numbers = {
    ...(percent !== undefined ? { percent: percent as "auto" | "fraction" | "points" } : {}),
    ...(values.missing !== undefined
      ? { missing: ["", ...values.missing.split(",").map((s) => s.trim())] }
      : {}),
  };
  const out: ReadDataOptions = {
    ...(values.encoding !== undefined ? { encoding: values.encoding } : {}),
    ...(values.sheet !== undefined ? { sheet: values.sheet } : {}),
    ...(Object.keys(numbers).length > 0 ? { numbers } : {}),
  };
  const roles = [
    ["unit-column", "unitColumn"],
    ["name-column", "nameColumn"],
    ["parent-column", "parentColumn"],
    ["level-column", "levelColumn"],
    ["period-column", "periodColumn"],
    ["population-column", "populationColumn"],
  ] as const;
  for (const [flag, key] of roles) {
    const v = column(flag);
    if (v !== undefined) out[key] = v;
  }
  return out;
}
