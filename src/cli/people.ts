import { type Io, UsageError } from "./context.js";

/**
 * Output for people, shared by `score`, `evaluate` and `analyze`: the `--format` default (a table on a
 * terminal, the machine-readable format when piped or written to a file), `--top N`, the score scale
 * (`--scale 1|100`: 0-100 in tables, 0-1 in CSV and JSON unless asked), and labels of RSR grades.
 */

/** The `parseArgs` options of the table output: `--top` and `--scale`. */
export const TABLE_OPTIONS = {
  top: { type: "string" },
  scale: { type: "string" },
} as const;

/** Rows of a table when `--top` is not given. */
export const DEFAULT_TOP = 20;

/**
 * The output format: the `--format` given, else `table` when stdout is a terminal and no `--out` file
 * is named, else `fallback` (csv or text: what scripts and the tests read).
 * @throws UsageError when the format given is not one of `allowed`.
 * @example
 * ```ts
 * outputFormat(undefined, ["table", "csv", "json"], { out() {}, err() {}, isTTY: false }, undefined, "csv");
 * // => "csv"
 * ```
 */
export function outputFormat(
  value: string | undefined,
  allowed: readonly string[],
  io: Io,
  out: string | undefined,
  fallback: string,
): string {
  if (value === undefined) return io.outIsTTY && (out === undefined || out === "-") ? "table" : fallback;
  if (!allowed.includes(value))
    throw new UsageError(
      `--format must be ${allowed.join(", ").replace(/, ([^,]*)$/, " or $1")}, got "${value}"`,
    );
  return value;
}

/**
 * `--scale 1|100`: the factor of composite scores. Without the option, `fallback` (100 for tables, 1
 * for CSV, JSON and workbooks, which stay exact and machine-readable).
 * @throws UsageError for any other value.
 * @example
 * ```ts
 * scaleOption(undefined, 100); // => 100
 * scaleOption("1", 100); // => 1
 * ```
 */
export function scaleOption(value: string | undefined, fallback: 1 | 100): 1 | 100 {
  if (value === undefined) return fallback;
  if (value !== "1" && value !== "100") throw new UsageError(`--scale must be 1 or 100, got "${value}"`);
  return value === "100" ? 100 : 1;
}

/**
 * `--top N` (a positive integer) or `--top all` (every row, `Infinity`); `fallback` without the option.
 * @throws UsageError for any other value.
 * @example
 * ```ts
 * topOption("5", 20); // => 5
 * topOption("all", 20); // => Infinity
 * ```
 */
export function topOption(value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  if (value.trim() === "all") return Number.POSITIVE_INFINITY;
  const n = Number(value);
  if (value.trim() === "" || !Number.isInteger(n) || n < 1)
    throw new UsageError(`--top must be a positive integer or all, got "${value}"`);
  return n;
}

/**
 * A composite score in a table: times `scale`, 1 decimal on 0-100 and 3 on 0-1; `-` when missing.
 * @example
 * ```ts
 * scoreCell(0.73456, 100); // => "73.5"
 * scoreCell(0.73456, 1); // => "0.735"
 * ```
 */
export function scoreCell(value: number | null | undefined, scale: 1 | 100): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return "-";
  return (value * scale).toFixed(scale === 100 ? 1 : 3);
}

/** What the scale reads as in a table's title: `0-100` or `0-1`. */
export function scaleName(scale: 1 | 100): string {
  return scale === 100 ? "0-100" : "0-1";
}

/**
 * The line after a table cut by `--top`: how many rows are not shown and how to see them; empty when
 * every row is shown.
 * @example
 * ```ts
 * moreRows(20, 331, "units"); // => "... 311 more units (--top N, or --top all)\n"
 * ```
 */
export function moreRows(shown: number, total: number, noun: string): string {
  return total > shown ? `... ${total - shown} more ${noun} (--top N, or --top all)\n` : "";
}

/** RSR grade labels, best first, by number of grades (grade 1 is the best probit band). */
const RSR_LABELS: Record<number, { en: string[]; zh: string[] }> = {
  3: { en: ["good", "fair", "poor"], zh: ["优", "中", "差"] },
  4: { en: ["excellent", "good", "fair", "poor"], zh: ["优", "良", "中", "差"] },
  5: { en: ["excellent", "good", "fair", "weak", "poor"], zh: ["优", "良", "中", "较差", "差"] },
};

/**
 * An RSR grade with its label (grade 1 = best of `count` grades): `1 good`, `3 poor`, `2 良`; the bare
 * number for a grade count without labels (custom cut points giving 2 or more than 5 grades).
 * @example
 * ```ts
 * rsrGradeLabel(1, 3); // => "1 good"
 * rsrGradeLabel(2, 4, "zh"); // => "2 良"
 * ```
 */
export function rsrGradeLabel(grade: number, count: number, language?: string): string {
  const labels = RSR_LABELS[count];
  const list = labels ? (language === "zh" ? labels.zh : labels.en) : undefined;
  const label = list?.[grade - 1];
  return label === undefined ? String(grade) : `${grade} ${label}`;
}

/** The help lines of {@link TABLE_OPTIONS} and `--format table`, descriptions from column `width`. */
export function tableHelp(width: number): string {
  const pad = (s: string) => `  ${s}`.padEnd(width);
  const more = " ".repeat(width);
  return [
    `${pad("--top N")}table: the first N rows by rank (default ${DEFAULT_TOP}; all: every row)`,
    `${pad("--scale 1|100")}composite scores on 0-100 (default in the table) or 0-1 (default in`,
    `${more}csv, json and xlsx, exact); the same scale in every command`,
  ].join("\n");
}
