import { findDuplicates } from "../internal/duplicates.js";
import { IndicatrixError, type Issue } from "../internal/errors.js";
import {
  type Dataset,
  type DatasetColumns,
  type DatasetRow,
  TEXT_KEYS,
  type ToDatasetOptions,
  toDataset,
} from "../score/dataset.js";

/** Columnar panel input: the columns of a dataset and the period of each row. */
export interface PanelColumns extends DatasetColumns {
  /** Period of each row (aligned with `units`): a year, a quarter label... */
  periods: readonly (string | number)[];
}

/** What {@link toPanel} and `scorePanel` accept as data: rows with a period column, or columns with `periods`. */
export type PanelInput = readonly DatasetRow[] | PanelColumns;

/** Options of {@link toPanel}. */
export interface PanelDataOptions {
  /** Name of the period column of rows (default: the first of `period`, `year`, `Time` present). */
  period?: string;
  /** The periods in their order (default: numeric order when every period is a number, else first appearance). */
  periods?: readonly (string | number)[];
  /** Columns to read as numbers (as `toDataset`); default every column but the id, parent, level, name, period and state. */
  columns?: readonly string[];
  /** Columns read if present (as `toDataset`). */
  optional?: readonly string[];
  /** Key of the unit id in rows (as `toDataset`). */
  unitKey?: string;
  /** A text column of rows to keep per row (the `state` column naming a profile), read as strings. */
  textColumn?: string;
}

/** The rows of one period in the stacked dataset: `dataset` rows `start` to `end - 1`. */
export interface PeriodBlock {
  /** The period. */
  period: string;
  /** First stacked row of the period. */
  start: number;
  /** One past the last stacked row of the period. */
  end: number;
}

/** A checked panel: one dataset of every unit-period, stacked period by period, and its time index. */
export interface PanelData {
  /** Marks a built panel. */
  readonly kind: "panel";
  /** The period column read (`"periods"` for columnar input). */
  periodColumn: string;
  /** The periods, in order. */
  periods: string[];
  /** Each period as a number (NaN when the periods are not all numbers): the time values of trends. */
  times: number[];
  /** Every unit id, in order of first appearance. */
  units: string[];
  /** The unit-periods as one dataset, period by period (input order within a period); unit ids repeat across periods. */
  dataset: Dataset;
  /** The stacked rows of each period, in period order. */
  blocks: PeriodBlock[];
  /** The 1-based input row of each stacked row. */
  inputRows: Uint32Array;
  /** The text column of each stacked row, when `textColumn` was asked for (undefined where empty). */
  text?: (string | undefined)[];
  /** Units absent from a period, by period (only periods that miss some). */
  absent: Record<string, string[]>;
  /** Warnings: `unbalanced_panel` when units are absent from some periods. */
  diagnostics: Issue[];
}

/** Default names of the period column, in the order they are looked for. */
export const PERIOD_KEYS = ["period", "year", "Time"] as const;

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

function periodText(v: unknown): string | undefined {
  if (v === null || v === undefined) return undefined;
  if (typeof v === "number") return Number.isFinite(v) ? String(v) : undefined;
  const s = String(v).trim();
  return s === "" ? undefined : s;
}

/**
 * Orders the distinct periods of the data: the explicit `periods` list when given (a period of the data
 * missing from it is an error), else numerically when every period parses as a number, else by first
 * appearance.
 */
function orderPeriods(seen: string[], explicit: readonly (string | number)[] | undefined): string[] {
  if (explicit !== undefined) {
    if (!Array.isArray(explicit) || explicit.length === 0)
      throw new IndicatrixError("invalid_option", "opts.periods: expected a non-empty array of periods", {
        path: ["opts", "periods"],
      });
    const list = explicit.map((p, i) => {
      const t = periodText(p);
      if (t === undefined)
        throw new IndicatrixError(
          "invalid_option",
          `opts.periods[${i}]: expected a period, got ${JSON.stringify(p)}`,
          {
            path: ["opts", "periods", i],
          },
        );
      return t;
    });
    const dup = findDuplicates(list, 1)[0];
    if (dup)
      throw new IndicatrixError(
        "invalid_option",
        `opts.periods[${dup[1]}]: period "${list[dup[1]]}" is listed twice`,
        {
          path: ["opts", "periods", dup[1]],
        },
      );
    const known = new Set(list);
    const unknown = seen.find((p) => !known.has(p));
    if (unknown !== undefined)
      throw new IndicatrixError(
        "unknown_period",
        `period "${unknown}" of the data is not in opts.periods (${list.join(", ")})`,
        { path: ["opts", "periods"] },
      );
    const present = new Set(seen);
    return list.filter((p) => present.has(p));
  }
  if (seen.every((p) => NUMBER.test(p))) return [...seen].sort((a, b) => Number(a) - Number(b));
  return seen;
}

/**
 * Reads a panel: rows (records with a unit id and a period column) or columns with `periods`, into one
 * dataset of every unit-period stacked period by period. The period column is `opts.period`, else the
 * first of `period`, `year`, `Time` present. Periods are strings ordered numerically when they all parse
 * as numbers, else by first appearance, or as `opts.periods` lists them. Each (unit, period) appears at
 * most once. Units absent from some periods are reported (`absent`, an `unbalanced_panel` warning),
 * never filled.
 *
 * @param data - rows with a period column, or `{ units, values, periods }`.
 * @param opts - the period column, the period order, the columns to read.
 * @throws IndicatrixError `missing_column` (no period column), `missing_period` (a row without a period),
 *   `duplicate_unit_period` (naming both rows), `unknown_period` (a period missing from `opts.periods`),
 *   `invalid_option`, and the errors of `toDataset` (naming the input row).
 * @example
 * ```ts
 * const p = toPanel([
 *   { unit: "a", year: 2021, x: 1 },
 *   { unit: "a", year: 2020, x: 2 },
 *   { unit: "b", year: 2021, x: 3 },
 * ]);
 * p.periods; // => ["2020", "2021"]
 * p.absent; // => { "2020": ["b"] }
 * ```
 */
export function toPanel(data: PanelInput, opts: PanelDataOptions = {}): PanelData {
  const columnar = !Array.isArray(data);
  const rows = columnar ? undefined : (data as readonly DatasetRow[]);
  const cols = columnar ? (data as PanelColumns) : undefined;
  if (rows !== undefined && rows.length === 0)
    throw new IndicatrixError("empty_data", "data: the data have no rows");
  if (cols !== undefined && (!cols || typeof cols !== "object" || !Array.isArray(cols.periods)))
    throw new IndicatrixError(
      "invalid_data",
      "data: expected rows with a period column or { units, values, periods }",
      {
        path: ["data"],
      },
    );
  const n = rows ? rows.length : (cols as PanelColumns).periods.length;
  let periodColumn = "periods";
  let unitKey = opts.unitKey;
  if (rows) {
    const keys = new Set<string>();
    for (const r of rows) if (r && typeof r === "object") for (const k of Object.keys(r)) keys.add(k);
    const found = opts.period ?? PERIOD_KEYS.find((k) => keys.has(k));
    if (found === undefined || !keys.has(found))
      throw new IndicatrixError(
        "missing_column",
        opts.period === undefined
          ? `data: no period column (looked for ${PERIOD_KEYS.join(", ")}); name it with the period option`
          : `data: no period column "${opts.period}"`,
        { path: ["data", opts.period ?? "period"] },
      );
    periodColumn = found;
    unitKey ??= TEXT_KEYS.unit.find((k) => keys.has(k)) ?? "unit";
  }
  // Period of every input row, as an index into `seen` (runs of one period cost one comparison).
  const seen: string[] = [];
  const seenIndex = new Map<string, number>();
  const rawPeriods = rows ? undefined : (cols as PanelColumns).periods;
  const periodOf = new Uint32Array(n);
  let lastRaw: unknown = Symbol("none");
  let lastIndex = 0;
  for (let i = 0; i < n; i++) {
    const raw = rows ? (rows[i] as DatasetRow | undefined)?.[periodColumn] : rawPeriods![i];
    if (raw !== lastRaw || raw === undefined || raw === null) {
      const t = periodText(raw);
      if (t === undefined)
        throw new IndicatrixError("missing_period", `row ${i + 1}: no period in column "${periodColumn}"`, {
          path: ["data", i + 1, periodColumn],
          where: `row ${i + 1}`,
        });
      let k = seenIndex.get(t);
      if (k === undefined) {
        k = seen.length;
        seen.push(t);
        seenIndex.set(t, k);
      }
      lastRaw = raw;
      lastIndex = k;
    }
    periodOf[i] = lastIndex;
  }
  const periods = orderPeriods(seen, opts.periods);
  const position = new Map(periods.map((p, k) => [p, k]));
  const rank = Uint32Array.from(seen, (p) => position.get(p)!);
  // Stable order: period by period, input order within.
  const counts = new Uint32Array(periods.length + 1);
  for (let i = 0; i < n; i++) counts[rank[periodOf[i]!]! + 1]!++;
  for (let k = 1; k <= periods.length; k++) counts[k] = counts[k]! + counts[k - 1]!;
  const blocks: PeriodBlock[] = periods.map((period, k) => ({
    period,
    start: counts[k]!,
    end: counts[k + 1]!,
  }));
  const next = counts.slice(0, periods.length);
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[next[rank[periodOf[i]!]!]!++] = i;
  const inputRows = new Uint32Array(n);
  for (let s = 0; s < n; s++) inputRows[s] = order[s]! + 1;
  const identity = order.every((v, s) => v === s);

  const reserved = new Set([
    unitKey ?? "unit",
    "parent",
    "level",
    "name",
    "uName",
    periodColumn,
    ...(opts.textColumn !== undefined ? [opts.textColumn] : []),
  ]);
  const dsOpts: ToDatasetOptions = {
    ...(unitKey !== undefined ? { unitKey } : {}),
    ...(opts.optional !== undefined ? { optional: opts.optional } : {}),
  };
  if (opts.columns !== undefined) dsOpts.columns = opts.columns;
  else if (rows) {
    const keys = new Set<string>();
    for (const r of rows) if (r && typeof r === "object") for (const k of Object.keys(r)) keys.add(k);
    dsOpts.columns = [...keys].filter((k) => !reserved.has(k));
  }
  const parts = blocks.map((b) => {
    const part = rows ? rowsOf(rows, order, b) : columnsOf(cols as PanelColumns, order, b, identity);
    try {
      return toDataset(part, dsOpts);
    } catch (e) {
      throw inputRowError(e, order, b);
    }
  });
  const dataset = stack(parts, n, identity && cols ? cols : undefined);
  dataset.ignored = dataset.ignored.filter((k) => !reserved.has(k));
  // Units in first-appearance order of the input, and which are absent from which period.
  const { unique, index } = indexUnits(dataset.units);
  const firstRow = new Uint32Array(unique.length).fill(0xffffffff);
  for (let s = 0; s < n; s++) {
    const u = index[s]!;
    if (order[s]! < firstRow[u]!) firstRow[u] = order[s]!;
  }
  const byFirst = Array.from(unique.keys());
  if (!identity) byFirst.sort((a, b) => firstRow[a]! - firstRow[b]!);
  const units = byFirst.map((u) => unique[u]!);
  const absent: Record<string, string[]> = {};
  const mark = new Uint8Array(unique.length);
  for (const b of blocks) {
    if (b.end - b.start === units.length) continue;
    mark.fill(0);
    for (let s = b.start; s < b.end; s++) mark[index[s]!] = 1;
    absent[b.period] = byFirst.filter((u) => mark[u] === 0).map((u) => unique[u]!);
  }
  const diagnostics: Issue[] = [];
  const gaps = Object.entries(absent);
  if (gaps.length > 0)
    diagnostics.push({
      code: "unbalanced_panel",
      severity: "warning",
      path: ["data"],
      where: "data",
      message: `units absent from some periods (not filled): ${gaps
        .slice(0, 5)
        .map(([p, us]) => `${p}: ${us.slice(0, 5).join(", ")}${us.length > 5 ? `, ... (${us.length})` : ""}`)
        .join("; ")}${gaps.length > 5 ? "; ..." : ""}`,
    });
  const out: PanelData = {
    kind: "panel",
    periodColumn,
    periods,
    times: periods.every((p) => NUMBER.test(p)) ? periods.map(Number) : periods.map(() => Number.NaN),
    units,
    dataset,
    blocks,
    inputRows,
    absent,
    diagnostics,
  };
  if (opts.textColumn !== undefined && rows) {
    const key = opts.textColumn;
    out.text = Array.from(order, (i) => {
      const v = (rows[i] as DatasetRow)[key];
      return v === null || v === undefined || String(v).trim() === "" ? undefined : String(v).trim();
    });
  }
  return out;
}

/**
 * The distinct strings of `ids` in order of first occurrence and each entry's index among them: FNV-1a
 * hashes into an open-addressing table of typed arrays (as `findDuplicates`), far cheaper than a Map
 * over a million fresh unit ids.
 */
function indexUnits(ids: readonly string[]): { unique: string[]; index: Uint32Array } {
  const n = ids.length;
  let size = 1;
  while (size < n * 2) size <<= 1;
  const mask = size - 1;
  const table = new Int32Array(size).fill(-1);
  const hashes: number[] = [];
  const unique: string[] = [];
  const index = new Uint32Array(n);
  for (let i = 0; i < n; i++) {
    const s = ids[i] as string;
    let h = 0x811c9dc5;
    for (let k = 0; k < s.length; k++) {
      h ^= s.charCodeAt(k);
      h = Math.imul(h, 0x01000193);
    }
    h >>>= 0;
    let slot = h & mask;
    for (;;) {
      const j = table[slot] as number;
      if (j === -1) {
        table[slot] = unique.length;
        index[i] = unique.length;
        hashes.push(h);
        unique.push(s);
        break;
      }
      if (hashes[j] === h && unique[j] === s) {
        index[i] = j;
        break;
      }
      slot = (slot + 1) & mask;
    }
  }
  return { unique, index };
}

function rowsOf(rows: readonly DatasetRow[], order: Uint32Array, b: PeriodBlock): DatasetRow[] {
  const out: DatasetRow[] = new Array(b.end - b.start);
  for (let s = b.start; s < b.end; s++) out[s - b.start] = rows[order[s]!] as DatasetRow;
  return out;
}

function columnsOf(
  cols: PanelColumns,
  order: Uint32Array,
  b: PeriodBlock,
  identity: boolean,
): DatasetColumns {
  const pick = <T>(a: ArrayLike<T>): T[] => {
    const out: T[] = new Array(b.end - b.start);
    for (let s = b.start; s < b.end; s++) out[s - b.start] = a[order[s]!] as T;
    return out;
  };
  const values: Record<string, ArrayLike<number | null>> = {};
  for (const [c, v] of Object.entries(cols.values ?? {})) {
    if (identity && v instanceof Float64Array) values[c] = v.subarray(b.start, b.end);
    else if (v && typeof v.length === "number" && v.length === cols.periods.length) values[c] = pick(v);
    else values[c] = v;
  }
  return {
    units:
      Array.isArray(cols.units) && cols.units.length === cols.periods.length
        ? identity
          ? cols.units.slice(b.start, b.end)
          : pick(cols.units)
        : cols.units,
    values,
    ...(cols.parents ? { parents: pick(cols.parents) } : {}),
    ...(cols.levels ? { levels: pick(cols.levels) } : {}),
    ...(cols.names ? { names: pick(cols.names) } : {}),
  };
}

/**
 * A dataset error of one period's rows, renamed to the input row; a unit repeated within the period
 * (`duplicate_unit`) becomes `duplicate_unit_period`, naming both input rows and the period.
 */
function inputRowError(e: unknown, order: Uint32Array, block: PeriodBlock): unknown {
  if (!(e instanceof IndicatrixError)) return e;
  const start = block.start;
  const row = (r: number) => order[start + r - 1]! + 1;
  const fix = (text: string) => text.replace(/\brow (\d+)\b/g, (_, r: string) => `row ${row(Number(r))}`);
  const issues = e.issues.map((i) => {
    const at = i.path[0] === "data" && typeof i.path[1] === "number" ? row(i.path[1]) : undefined;
    const dup = i.code === "duplicate_unit" ? /^unit "(.*)" repeats row (\d+)$/.exec(i.message) : null;
    if (dup && at !== undefined)
      return {
        ...i,
        code: "duplicate_unit_period" as const,
        path: ["data", at],
        where: `row ${at}`,
        message: `unit "${dup[1]}" in period "${block.period}" repeats row ${row(Number(dup[2]))}`,
      } satisfies Issue;
    return {
      ...i,
      where: fix(i.where),
      message: fix(i.message),
      path: at !== undefined ? ["data", at, ...i.path.slice(2)] : i.path,
    };
  });
  const first = issues[0];
  if (first?.code === "duplicate_unit_period")
    return new IndicatrixError("duplicate_unit_period", `${first.where}: ${first.message}`, {
      issues,
      path: first.path,
      where: first.where,
    });
  return new IndicatrixError(e.code, fix(e.message), { issues });
}

/** One dataset of the periods' datasets, in period order (the input's own arrays when it was columnar and in order). */
function stack(parts: readonly Dataset[], n: number, inOrder: PanelColumns | undefined): Dataset {
  const concat = <T>(get: (p: Dataset) => T[]): T[] => ([] as T[]).concat(...parts.map(get));
  const units = concat((p) => p.units);
  const parents = concat((p) => p.parents);
  const levels = concat((p) => p.levels);
  const names = concat((p) => p.names);
  const keys = new Set<string>();
  for (const p of parts) for (const k of p.columns.keys()) keys.add(k);
  const columns = new Map<string, Float64Array>();
  for (const k of keys) {
    const given = inOrder?.values[k];
    if (given instanceof Float64Array && given.length === n) {
      columns.set(k, given);
      continue;
    }
    const col = new Float64Array(n);
    let at = 0;
    for (const p of parts) {
      const c = p.columns.get(k);
      if (c) col.set(c, at);
      else col.fill(Number.NaN, at, at + p.units.length);
      at += p.units.length;
    }
    columns.set(k, col);
  }
  const ignored = [...new Set(parts.flatMap((p) => p.ignored))];
  return { kind: "dataset", units, parents, levels, names, columns, ignored };
}
