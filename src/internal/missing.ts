/**
 * The texts that mark a missing value in a data cell (after trimming): empty, `NA`, `N/A`, `NaN`,
 * `nan`, `null`, `NULL`, `-` and `.`. One list for every reader of data: `toDataset` (string
 * cells), the CSV readers of `indicatrix/node` and the CLI, and the SQL compiler's `read_csv`
 * (DuckDB `nullstr`). Matching is exact: `na` or `Null` are not missing (they are not numbers
 * either, so a column holding them is reported).
 * @internal
 */
export const MISSING_TOKENS: readonly string[] = Object.freeze([
  "",
  "NA",
  "N/A",
  "NaN",
  "nan",
  "null",
  "NULL",
  "-",
  ".",
]);

const TOKENS: ReadonlySet<string> = new Set(MISSING_TOKENS);

/**
 * True when a trimmed cell text marks a missing value (one of {@link MISSING_TOKENS}).
 *
 * @example
 * ```ts
 * isMissingToken("NA"); // => true
 * isMissingToken("0"); // => false
 * ```
 * @internal
 */
export function isMissingToken(text: string): boolean {
  return TOKENS.has(text);
}

/**
 * Missing markers that people write in spreadsheets, read as missing values by `toDataset` and the
 * CLI's readers besides {@link MISSING_TOKENS}, and counted (`converted_cells`) because they are not
 * the usual tokens: the dashes `—`, `——`, `–`, `--`, `无` (none), `/` and Excel's `#N/A`.
 * @internal
 */
export const MISSING_MARKERS: readonly string[] = Object.freeze(["—", "——", "–", "--", "无", "/", "#N/A"]);
