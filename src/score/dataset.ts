import { findDuplicates } from "../internal/duplicates.js";
import { IndicatrixError, type Issue } from "../internal/errors.js";
import { isMissingToken } from "../internal/missing.js";
import {
  type ConversionCounts,
  describeCounts,
  emptyCounts,
  type NumberFormat,
  parseNumberText,
  percentAsPoints,
} from "./parse-number-text.js";

/** One unit's record: an id, optionally a parent and a level, and values by column. */
export type DatasetRow = Readonly<Record<string, unknown>>;

/** Columnar input: unit ids and one array of values per column (null or NaN = missing). */
export interface DatasetColumns {
  /** Unit ids, one per row. */
  units: readonly string[];
  /** Values by column id; each array is aligned with `units`. */
  values: Readonly<Record<string, ArrayLike<number | null>>>;
  /** Parent unit id of each unit (for roll-up along the unit hierarchy). */
  parents?: readonly (string | null | undefined)[];
  /** Level of each unit (e.g. `community`, `street`). */
  levels?: readonly (string | null | undefined)[];
  /** Display name of each unit. */
  names?: readonly (string | null | undefined)[];
  /**
   * What the reader converted or guessed (`guessed_encoding`, `converted_cells` warnings), for the caller
   * to show (the CLI prints them); `toDataset` does not repeat them in {@link Dataset.notes}.
   */
  notes?: readonly Issue[];
}

/**
 * Numeric columns that a reader holds packed (the cells of many columns in a few buffers, not one array
 * per column) and makes one at a time when asked, found on a {@link DatasetColumns} under
 * {@link PACKED_COLUMNS}. `toDataset` takes from it the columns a model reads and only names the others,
 * so a file a million columns wide is read and scored without a million arrays and a record of a million
 * keys (issue 20 item 14); `values` is then made the first time it is read.
 * @internal
 */
export interface PackedColumns {
  /** The columns' names in file order, each already in {@link headerKey} form. */
  readonly names: readonly string[];
  /** The position of `name` in `names` (an exact match), or -1. */
  indexOf(name: string): number;
  /** The values of column `names[index]`, as `values` holds them. */
  column(index: number): ArrayLike<number | null>;
}

/** The key of a {@link DatasetColumns}' {@link PackedColumns}. @internal */
export const PACKED_COLUMNS: unique symbol = Symbol("indicatrix.packedColumns");

/** The packed columns of a columnar input, if a reader gave them. */
function packedOf(input: DatasetColumns): PackedColumns | undefined {
  return (input as { [PACKED_COLUMNS]?: PackedColumns })[PACKED_COLUMNS];
}

/** What `score()` and friends accept as data: rows, columns, or an already built {@link Dataset}. */
export type DatasetInput = readonly DatasetRow[] | DatasetColumns | Dataset;

/** A checked dataset: columnar, one Float64Array per numeric column, NaN = missing. */
export interface Dataset {
  /** Marks a built dataset. */
  readonly kind: "dataset";
  /** Unit ids in input order. */
  units: string[];
  /** Parent of each unit, or undefined. */
  parents: (string | undefined)[];
  /** Level of each unit, or undefined. */
  levels: (string | undefined)[];
  /** Name of each unit, or undefined. */
  names: (string | undefined)[];
  /** Numeric columns by id (aligned with `units`). Treat as read-only: they may be the caller's arrays. */
  columns: Map<string, Float64Array>;
  /** Columns present in the input that were not read (not needed by the model). */
  ignored: string[];
  /** Cells read after a conversion (`converted_cells` warnings, one per column) and the reader's notes. */
  notes?: Issue[];
}

/** Options of {@link toDataset}. */
export interface ToDatasetOptions {
  /** Columns to read as numbers; each must be present. Default: every column but the id, parent, level and name. */
  columns?: readonly string[];
  /** Columns read if present (e.g. a population column for roll-up). */
  optional?: readonly string[];
  /** Key of the unit id in rows (default: the first of `unit`, `id`, `uCode` present in the first row). */
  unitKey?: string;
  /** Key of the parent unit id in rows (default `parent`). */
  parentKey?: string;
  /** Key of the unit level in rows (default `level`). */
  levelKey?: string;
  /** Key of the unit name in rows (default `name`, then `uName`). */
  nameKey?: string;
  /** Key of the population column in rows, read as the column `population` (default `population`). */
  populationKey?: string;
  /** Key of the period column in rows (a year, a month), read as the column `period` (default `period`). */
  periodKey?: string;
  /** How text cells are read as numbers: percent, thousands separators, full-width digits, missing markers. */
  numbers?: NumberFormat;
}

/** The dataset options of `score()`: how the data's columns and cells are read (see {@link toDataset}). */
export type DatasetOptions = Omit<ToDatasetOptions, "columns" | "optional">;

/**
 * A column or header name as matched: trimmed and in Unicode NFKC form, so that `" 绿地率"`, `"ＧＤＰ"`
 * and `"GDP"` name the same column.
 * @internal
 */
export function headerKey(name: string): string {
  return name.normalize("NFKC").trim();
}

/**
 * The key of `keys` that `wanted` names: itself, or the one key equal to it after {@link headerKey}.
 * @internal
 */
export function findKey(keys: Iterable<string>, wanted: string): string | undefined {
  const list = [...keys];
  if (list.includes(wanted)) return wanted;
  const w = headerKey(wanted);
  return list.find((k) => headerKey(k) === w);
}

/**
 * The keys (row fields, CSV columns) that hold a unit's id, parent, level and name when none is
 * named: the first of each list that is present. Shared by `toDataset` and `readCsvColumns`.
 * @internal
 */
export const TEXT_KEYS = {
  unit: ["unit", "id", "uCode"],
  parent: ["parent"],
  level: ["level"],
  name: ["name", "uName"],
} as const satisfies Record<string, readonly string[]>;

/**
 * Parses one cell to a number: NaN for a missing value (empty, `NA`, `null`...), 1 and 0 for a flag
 * (`true` / `false`, as booleans or as text in any case), undefined when it is not a number. @internal
 */
export function toNumber(
  v: unknown,
  format: NumberFormat = {},
  points = false,
  counts?: ConversionCounts,
): number | undefined {
  if (v === null || v === undefined) return Number.NaN;
  if (typeof v === "number") return Number.isFinite(v) || Number.isNaN(v) ? v : undefined;
  if (typeof v === "boolean") return v ? 1 : 0;
  if (typeof v === "string") {
    const s = v.trim();
    if (isMissingToken(s) && format.missing === undefined) return Number.NaN;
    const flag = s.toLowerCase();
    if (flag === "true" || flag === "false") return flag === "true" ? 1 : 0;
    return parseNumberText(s, format, points, counts);
  }
  return undefined;
}

/** The `converted_cells` warning of a column, when some of its cells were converted. @internal */
export function conversionNote(column: string, counts: ConversionCounts, points: boolean): Issue | undefined {
  const text = describeCounts(counts, points);
  if (text === undefined) return undefined;
  return {
    code: "converted_cells",
    severity: "warning",
    path: ["data", column],
    where: `column "${column}"`,
    message: text,
  };
}

/**
 * Whether `s` has no white space at either end (`s.trim() === s`), without the call for the common ids
 * that start and end with a printable ASCII character. @internal
 */
export function isTrimmed(s: string): boolean {
  const a = s.charCodeAt(0);
  const b = s.charCodeAt(s.length - 1);
  if (a > 32 && a < 127 && b > 32 && b < 127) return true;
  return s.trim() === s;
}

function text(v: unknown): string | undefined {
  if (v === null || v === undefined) return undefined;
  const s = String(v).trim();
  return s === "" ? undefined : s;
}

/**
 * A parent cell as a unit id: empty is no parent; a value beginning or ending with white space is
 * refused (an issue pushed, `undefined` returned) for the reason {@link unitIdIssue} gives, since
 * `"  s1 "` would not find the unit `s1`.
 */
function parentId(v: unknown, row: number, where: string, issues: Issue[]): string | undefined {
  if (v === null || v === undefined) return undefined;
  const raw = String(v);
  if (raw.trim() === "") return undefined;
  if (isTrimmed(raw)) return raw;
  issues.push(paddedId("parent", raw, row, where));
  return undefined;
}

/** The issue of an id (`role`: unit or parent) that begins or ends with white space. */
function paddedId(role: "unit" | "parent", raw: string, row: number, where: string): Issue {
  return {
    code: "invalid_data",
    severity: "error",
    path: ["data", row],
    where,
    message: `${role} id ${JSON.stringify(raw)} begins or ends with white space; ids are kept exactly, so remove the spaces (or the quotes that keep them)`,
  };
}

/**
 * The issue of a unit id cell at data row `row` (1-based): empty, or beginning or ending with white
 * space (a quoted CSV cell `"  u4  "` keeps its spaces). Ids are kept exactly as written, so
 * `"  u4  "` and `u4` would be two units and a parent `u4` would not find the first: such an id is
 * refused rather than silently trimmed. Undefined for a good id.
 */
function unitIdIssue(v: unknown, row: number, column: string | undefined): Issue | undefined {
  const where = column !== undefined ? `row ${row}, column "${column}"` : `row ${row}`;
  const raw = v === null || v === undefined ? "" : String(v);
  if (raw.trim() === "")
    return {
      code: "missing_unit_id",
      severity: "error",
      path: ["data", row],
      where,
      message: column !== undefined ? `no unit id in column "${column}"` : "no unit id",
    };
  return raw.trim() !== raw ? paddedId("unit", raw, row, where) : undefined;
}

/**
 * Builds a columnar {@link Dataset} from rows (an array of records, as parsed from CSV or JSON) or
 * columns (`{ units, values }` with `number[]` or `Float64Array`). Missing values are `null`,
 * `undefined`, empty cells, `NA` or `NaN`. Numeric strings are parsed (CSV cells). The caller's data
 * are never modified; Float64Array columns are used as they are, without a copy.
 *
 * @throws IndicatrixError with one issue per problem, naming the row, the unit and the column in
 *   `where` (`row 3, unit "c3", column "pop"`); its `path` is `["data", row, column]` for a cell,
 *   `["data", row]` for a row and `["data", column]` for a column, with row the 1-based data row
 *   (the unit's index + 1), or the JSON path into `{ units, values, parents, ... }`:
 *   `invalid_data` (non-numeric cell, infinite value, ragged column), `duplicate_unit`,
 *   `missing_unit_id`, `missing_column` (a column the model needs is absent), `unknown_parent`,
 *   `parent_cycle`.
 * @example
 * ```ts
 * const ds = toDataset([{ unit: "c1", a: "3" }, { unit: "c2", a: "" }]);
 * ds.units; // => ["c1", "c2"]
 * ds.columns.get("a"); // => Float64Array [3, NaN]
 * ```
 */
export function toDataset(input: DatasetInput, opts: ToDatasetOptions = {}): Dataset {
  if (input && typeof input === "object" && (input as Dataset).kind === "dataset")
    return selectColumns(input as Dataset, opts);
  const issues: Issue[] = [];
  const ds = Array.isArray(input)
    ? fromRows(input as readonly DatasetRow[], opts, issues)
    : fromColumns(input as DatasetColumns, opts, issues);
  if (issues.length === 0) checkHierarchy(ds, issues);
  if (issues.length > 0) {
    const first = issues[0] as Issue;
    const more = issues.length > 1 ? ` (and ${issues.length - 1} more)` : "";
    throw new IndicatrixError(first.code, `${first.where}: ${first.message}${more}`, {
      issues: issues.slice(0, 1000),
    });
  }
  return ds;
}

/** The issue of a column the model needs and the data do not have. */
function missingColumn(c: string): Issue {
  return {
    code: "missing_column",
    severity: "error",
    path: ["data", c],
    where: `column "${c}"`,
    message: `the model needs column "${c}", which the data do not have`,
  };
}

function selectColumns(ds: Dataset, opts: ToDatasetOptions): Dataset {
  const issues: Issue[] = [];
  let columns: Map<string, Float64Array> | undefined;
  for (const c of opts.columns ?? []) {
    if (ds.columns.has(c)) continue;
    const key = findKey(ds.columns.keys(), c);
    if (key === undefined) issues.push(missingColumn(c));
    else (columns ??= new Map(ds.columns)).set(c, ds.columns.get(key) as Float64Array);
  }
  if (issues.length > 0)
    throw new IndicatrixError("missing_column", `${issues[0]?.where}: ${issues[0]?.message}`, { issues });
  return columns ? { ...ds, columns } : ds;
}

function fromRows(rows: readonly DatasetRow[], opts: ToDatasetOptions, issues: Issue[]): Dataset {
  if (rows.length === 0) {
    issues.push({
      code: "empty_data",
      severity: "error",
      path: ["data"],
      where: "data",
      message: "the data have no rows",
    });
    return emptyDataset();
  }
  const first = rows[0];
  if (!first || typeof first !== "object") {
    issues.push({
      code: "invalid_data",
      severity: "error",
      path: ["data", 1],
      where: "row 1",
      message: "expected an object (a record of column values)",
    });
    return emptyDataset();
  }
  const keys = new Set<string>();
  for (const row of rows) if (row && typeof row === "object") for (const k of Object.keys(row)) keys.add(k);
  const find = (name: string) => findKey(keys, name);
  const firstKey = (names: readonly string[]) => names.map(find).find((k) => k !== undefined);
  const unitKey = opts.unitKey !== undefined ? find(opts.unitKey) : firstKey(TEXT_KEYS.unit);
  if (unitKey === undefined) {
    issues.push(noUnitColumn([...keys], opts.unitKey));
    return emptyDataset();
  }
  const parentKey = find(opts.parentKey ?? "parent") ?? opts.parentKey ?? "parent";
  const levelKey = find(opts.levelKey ?? "level") ?? opts.levelKey ?? "level";
  const nameKey = (opts.nameKey !== undefined ? find(opts.nameKey) : firstKey(TEXT_KEYS.name)) ?? "uName";
  const reserved = new Set([unitKey, parentKey, levelKey, nameKey]);
  const aliases = roleAliases(opts);
  // The key of the rows that each wanted column reads (a role option, or the name after headerKey).
  const source = (c: string) => find(aliases.get(c) ?? c);
  const wanted = opts.columns ? [...opts.columns] : [...keys].filter((k) => !reserved.has(k));
  for (const c of opts.optional ?? []) if (source(c) !== undefined && !wanted.includes(c)) wanted.push(c);
  for (const c of wanted) if (source(c) === undefined) issues.push(missingColumn(c));
  const m = rows.length;
  const units: string[] = new Array(m);
  const parents: (string | undefined)[] = new Array(m);
  const levels: (string | undefined)[] = new Array(m);
  const names: (string | undefined)[] = new Array(m);
  const present = wanted.filter((c) => source(c) !== undefined);
  const keyOf = present.map((c) => source(c) as string);
  const cols = present.map(() => new Float64Array(m));
  const format = opts.numbers ?? {};
  const points = present.map((c) => percentAsPoints(format, c));
  const counts = present.map(() => emptyCounts());
  for (let i = 0; i < m; i++) {
    const row = rows[i];
    const where = `row ${i + 1}`;
    if (!row || typeof row !== "object" || Array.isArray(row)) {
      issues.push({
        code: "invalid_data",
        severity: "error",
        path: ["data", i + 1],
        where,
        message: "expected an object (a record of column values)",
      });
      continue;
    }
    const rawId = Object.hasOwn(row, unitKey) ? row[unitKey] : undefined;
    const idIssue = unitIdIssue(rawId, i + 1, unitKey);
    if (idIssue) issues.push(idIssue);
    const id = idIssue ? undefined : String(rawId);
    units[i] = id ?? "";
    parents[i] = Object.hasOwn(row, parentKey)
      ? parentId(row[parentKey], i + 1, `row ${i + 1}, column "${parentKey}"`, issues)
      : undefined;
    levels[i] = Object.hasOwn(row, levelKey) ? text(row[levelKey]) : undefined;
    names[i] = Object.hasOwn(row, nameKey) ? text(row[nameKey]) : undefined;
    for (let j = 0; j < present.length; j++) {
      const c = present[j] as string;
      const key = keyOf[j] as string;
      const raw = Object.hasOwn(row, key) ? row[key] : undefined;
      const v = toNumber(raw, format, points[j], counts[j]);
      if (v === undefined) {
        if (issues.length < 1000)
          issues.push({
            code: "invalid_data",
            severity: "error",
            path: ["data", i + 1, c],
            where: `${where}, unit "${id ?? "?"}", column "${key}"`,
            message: `expected a number or an empty cell, got ${JSON.stringify(raw)?.slice(0, 40)}`,
          });
        continue;
      }
      (cols[j] as Float64Array)[i] = v;
    }
  }
  const columns = new Map(present.map((c, j) => [c, cols[j] as Float64Array]));
  const used = new Set(keyOf);
  const ignored = [...keys].filter((k) => !reserved.has(k) && !used.has(k));
  const notes = present.flatMap(
    (_c, j) => conversionNote(keyOf[j] as string, counts[j] as ConversionCounts, points[j] as boolean) ?? [],
  );
  return {
    kind: "dataset",
    units,
    parents,
    levels,
    names,
    columns,
    ignored,
    ...(notes.length > 0 ? { notes } : {}),
  };
}

/** The columns named by role options (`populationKey`, `periodKey`), by the name the model reads. */
function roleAliases(opts: ToDatasetOptions): Map<string, string> {
  const aliases = new Map<string, string>();
  if (opts.populationKey !== undefined) aliases.set("population", opts.populationKey);
  if (opts.periodKey !== undefined) aliases.set("period", opts.periodKey);
  return aliases;
}

/**
 * The one issue of data without a unit id column: the headers found and the names expected.
 * @internal
 */
export function noUnitColumn(
  headers: readonly string[],
  named: string | undefined,
  option = "unitKey",
): Issue {
  const list = (names: readonly string[]) => names.map((n) => JSON.stringify(n)).join(", ");
  const shown = headers.slice(0, 30);
  const more = headers.length > shown.length ? `, ... (${headers.length} in all)` : "";
  // One header holding separators: a file separated by semicolons (Excel in many European locales) or
  // tabs, read as comma-separated.
  const sep = headers.length === 1 ? /[;\t|]/.exec(headers[0] as string)?.[0] : undefined;
  const hint =
    sep === undefined
      ? ""
      : `; the one header holds ${sep === "\t" ? "tabs" : `"${sep}"`}: the file looks ${sep === ";" ? "semicolon" : sep === "\t" ? "tab" : "bar"}-separated, and indicatrix reads comma-separated CSV (save it as "CSV UTF-8 (comma delimited)", or as .xlsx)`;
  return {
    code: "missing_column",
    severity: "error",
    path: ["data", named ?? "unit"],
    where: "data",
    message: `${named !== undefined ? `no column "${named}" for the unit ids` : `no unit id column: expected one of ${list(TEXT_KEYS.unit)}`} (name it with ${option}); the columns are ${list(shown)}${more}${hint}`,
  };
}

function fromColumns(input: DatasetColumns, opts: ToDatasetOptions, issues: Issue[]): Dataset {
  // Packed columns are taken as they are: reading `values` would make every column.
  const packed = input && typeof input === "object" ? packedOf(input) : undefined;
  if (
    !input ||
    typeof input !== "object" ||
    !Array.isArray(input.units) ||
    (packed === undefined && (!input.values || typeof input.values !== "object"))
  ) {
    issues.push({
      code: "invalid_data",
      severity: "error",
      path: ["data"],
      where: "data",
      message: "expected rows (an array of records) or { units, values }",
    });
    return emptyDataset();
  }
  const m = input.units.length;
  // Fast path: unit ids that are already clean strings are copied as they are.
  let units: string[] = input.units.slice();
  for (let i = 0; i < m; i++) {
    const u = units[i];
    if (typeof u === "string" && u !== "" && isTrimmed(u)) continue;
    if (m > 0 && input.units.every((v) => text(v) === undefined)) {
      // No unit id at all: one issue naming the columns, not one per unit.
      issues.push(noUnitColumn(packed ? packed.names : Object.keys(input.values), undefined, "units"));
      return emptyDataset();
    }
    units = input.units.map((v, k) => {
      const idIssue = unitIdIssue(v, k + 1, undefined);
      if (idIssue) {
        if (issues.length < 1000) issues.push(idIssue);
        return "";
      }
      return String(v);
    });
    break;
  }
  const keys = packed ? packed.names : Object.keys(input.values);
  const aliases = roleAliases(opts);
  // Exact names are looked up in a set (a file may have a million columns); packed names are header
  // keys already, so a name matches one of them exactly or after headerKey, without a pass over them.
  const keySet = packed ? undefined : new Set(keys);
  const source = (c: string): string | undefined => {
    const name = aliases.get(c) ?? c;
    if (packed === undefined) return keySet?.has(name) ? name : findKey(keys, name);
    if (packed.indexOf(name) >= 0) return name;
    const key = headerKey(name);
    return key !== name && packed.indexOf(key) >= 0 ? key : undefined;
  };
  const valuesOf = (key: string): ArrayLike<number | null> | undefined =>
    packed ? packed.column(packed.indexOf(key)) : input.values[key];
  const wanted = opts.columns ? [...opts.columns] : [...keys];
  for (const c of opts.optional ?? []) if (source(c) !== undefined && !wanted.includes(c)) wanted.push(c);
  const columns = new Map<string, Float64Array>();
  const used = new Set<string>();
  const format = opts.numbers ?? {};
  const notes: Issue[] = [];
  for (const c of wanted) {
    const key = source(c);
    if (key === undefined) {
      issues.push({
        code: "missing_column",
        severity: "error",
        path: ["data", c],
        where: `column "${c}"`,
        message: `the model needs column "${c}", which the data do not have`,
      });
      continue;
    }
    used.add(key);
    const values = valuesOf(key) as ArrayLike<number | null>;
    if (!values || typeof values.length !== "number" || values.length !== m) {
      issues.push({
        code: "invalid_data",
        severity: "error",
        path: ["data", c],
        where: `column "${c}"`,
        message: `expected ${m} values (one per unit), got ${values?.length}`,
      });
      continue;
    }
    let col: Float64Array;
    if (values instanceof Float64Array) col = values;
    else {
      col = new Float64Array(m);
      const points = percentAsPoints(format, c);
      const counts = emptyCounts();
      for (let i = 0; i < m; i++) {
        const v = toNumber(values[i], format, points, counts);
        if (v === undefined) {
          if (issues.length < 1000)
            issues.push({
              code: "invalid_data",
              severity: "error",
              path: ["data", i + 1, c],
              where: `row ${i + 1}, unit "${units[i]}", column "${c}"`,
              // A text cell (a CSV or workbook read by columns) in the words of a file, any other value in the API's.
              message: `expected a number or ${typeof values[i] === "string" || (values[i] as unknown) instanceof String ? "an empty cell" : "null"}, got ${JSON.stringify(values[i])}`,
            });
        } else col[i] = v;
      }
      const note = conversionNote(key, counts, points);
      if (note) notes.push(note);
    }
    columns.set(c, col);
  }
  // The parents, levels and names not given share one frozen array of undefined (the dataset's arrays
  // are read, never written; frozen, a caller's write to one of them throws instead of changing all three).
  let none: undefined[] | undefined;
  const side = (
    arr: readonly (string | null | undefined)[] | undefined,
    name: string,
  ): (string | undefined)[] => {
    if (arr === undefined)
      return (none ??= Object.freeze(new Array<undefined>(m).fill(undefined)) as undefined[]);
    if (arr.length !== m)
      issues.push({
        code: "invalid_data",
        severity: "error",
        path: [name],
        where: name,
        message: `expected ${m} entries, got ${arr.length}`,
      });
    if (name === "parents")
      return Array.from({ length: m }, (_, i) =>
        parentId(arr[i], i + 1, `row ${i + 1}, parents[${i}]`, issues),
      );
    return Array.from({ length: m }, (_, i) => text(arr[i]));
  };
  return {
    kind: "dataset",
    units,
    parents: side(input.parents, "parents"),
    levels: side(input.levels, "levels"),
    names: side(input.names, "names"),
    columns,
    ignored: keys.filter((k) => !used.has(k)),
    ...(notes.length > 0 ? { notes } : {}),
  };
}

function emptyDataset(): Dataset {
  return { kind: "dataset", units: [], parents: [], levels: [], names: [], columns: new Map(), ignored: [] };
}

/** Whether some unit has a parent (a plain loop: `some` with a callback costs several times more per unit). @internal */
export function hasParents(parents: readonly (string | undefined)[]): boolean {
  for (let i = 0; i < parents.length; i++) if (parents[i] !== undefined) return true;
  return false;
}

function checkHierarchy(ds: Dataset, issues: Issue[]): void {
  if (!hasParents(ds.parents)) {
    // Only duplicates to look for: hashing beats a Map over a million unit ids by far.
    for (const [first, i] of findDuplicates(ds.units))
      issues.push({
        code: "duplicate_unit",
        severity: "error",
        path: ["data", i + 1],
        where: `row ${i + 1}`,
        message: `unit "${ds.units[i]}" repeats row ${first + 1}`,
      });
    return;
  }
  const index = new Map<string, number>();
  ds.units.forEach((u, i) => {
    const prev = index.get(u);
    if (prev !== undefined)
      issues.push({
        code: "duplicate_unit",
        severity: "error",
        path: ["data", i + 1],
        where: `row ${i + 1}`,
        message: `unit "${u}" repeats row ${prev + 1}`,
      });
    else index.set(u, i);
  });
  ds.parents.forEach((p, i) => {
    if (p !== undefined && !index.has(p))
      issues.push({
        code: "unknown_parent",
        severity: "error",
        path: ["data", i + 1],
        where: `row ${i + 1}, unit "${ds.units[i]}"`,
        message: `parent "${p}" is not a unit of the data`,
      });
  });
  if (issues.length > 0) return;
  // Every chain of parents must end: follow each unit up, marking units known to reach a root.
  const state = new Uint8Array(ds.units.length); // 0 unknown, 1 on current path, 2 reaches a root
  for (let start = 0; start < ds.units.length; start++) {
    const path: number[] = [];
    let i: number | undefined = start;
    while (i !== undefined && state[i] === 0) {
      state[i] = 1;
      path.push(i);
      const p: string | undefined = ds.parents[i];
      i = p === undefined ? undefined : index.get(p);
    }
    if (i !== undefined && state[i] === 1) {
      const cycle = path.slice(path.indexOf(i)).map((k) => ds.units[k]);
      issues.push({
        code: "parent_cycle",
        severity: "error",
        path: ["data", i + 1],
        where: `unit "${ds.units[i]}"`,
        message: `parents form a cycle: ${[...cycle, ds.units[i]].join(" -> ")}`,
      });
      return;
    }
    for (const k of path) state[k] = 2;
  }
}
