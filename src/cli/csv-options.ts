import { UsageError } from "./context.js";
import type { CsvStyle } from "./format.js";

/** The `parseArgs` options of every command that writes CSV: `--bom`, `--csv-safe`, `--no-csv-safe`. */
export const CSV_OPTIONS = {
  bom: { type: "boolean" },
  "csv-safe": { type: "boolean" },
  "no-csv-safe": { type: "boolean" },
} as const;

/**
 * The help lines for {@link CSV_OPTIONS}, the same in every command and in docs/cli.md, with the
 * descriptions starting at column `width` (as the command's other options).
 */
export function csvHelp(width: number): string {
  const pad = (s: string) => `  ${s}`.padEnd(width);
  const more = " ".repeat(width);
  return [
    `${pad("--bom")}csv: begin with a UTF-8 byte order mark (for Excel); turns on --csv-safe`,
    `${pad("--csv-safe")}csv: prefix text cells that begin with =, +, -, @ with ' so a spreadsheet`,
    `${more}does not run them as formulas (numbers, negative ones too, stay exact)`,
    `${pad("--no-csv-safe")}csv: text cells as they are, also with --bom`,
  ].join("\n");
}

/** `prefix` (a byte order mark, or nothing), then `chunks` one at a time (never gathered). */
export function* withPrefix(prefix: string, chunks: Iterable<string>): Generator<string> {
  if (prefix !== "") yield prefix;
  yield* chunks;
}

/**
 * What the CSV options ask for: a byte order mark, and safe text cells (on with `--bom` unless refused).
 * @throws UsageError when both `--csv-safe` and `--no-csv-safe` are given.
 */
export function csvOptions(values: { bom?: boolean; "csv-safe"?: boolean; "no-csv-safe"?: boolean }): {
  bom: string;
  style: CsvStyle;
} {
  if (values["csv-safe"] && values["no-csv-safe"])
    throw new UsageError("give --csv-safe or --no-csv-safe, not both");
  const safe = values["no-csv-safe"] ? false : (values["csv-safe"] ?? values.bom ?? false);
  return { bom: values.bom ? "\uFEFF" : "", style: { safe } };
}
