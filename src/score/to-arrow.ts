import { gradeColumn, vetoColumn } from "../indicators/check/output-columns.js";
import { IndicatrixError } from "../internal/errors.js";
import type { Result } from "./result.js";

type Arrow = typeof import("apache-arrow");

/**
 * The part of an Apache Arrow `Table` (from the `apache-arrow` package) that indicatrix's types name,
 * so that the library's types do not need the optional package. Cast it to the real type where you use
 * it: `(await toArrow(result)) as import("apache-arrow").Table`.
 */
export interface ArrowTableLike {
  /** Number of rows: the scored units. */
  readonly numRows: number;
  /** Number of columns. */
  readonly numCols: number;
  /** The columns' names and types. */
  readonly schema: { readonly fields: readonly { readonly name: string }[] };
  /** One column by name (an Arrow `Vector`), or null. */
  getChild(name: string): unknown;
}

const MODULE = "apache-arrow";

async function loadArrow(): Promise<Arrow> {
  try {
    return (await import(MODULE)) as Arrow;
  } catch (e) {
    throw new IndicatrixError(
      "missing_dependency",
      `toArrow needs the optional package ${MODULE} (npm install ${MODULE}): ${(e as Error).message}`,
    );
  }
}

/**
 * The result as an Apache Arrow table, with the columns of `toRows()` in the same order: `unit`, the
 * score of every node, `<id>_rank` of every node, `coverage`, `<id>_grade` at every graded node and
 * `<id>_veto` at every node with vetoes. A missing score (NaN) and rank 0 are Arrow nulls, as they are
 * `null` in `toRows()`. Score and rank columns share the result's Float64Array and Uint32Array buffers
 * (no copy: only a validity bitmap is built, and only for a column with gaps); grades are dictionary
 * columns over the grade labels. DuckDB, Polars and pandas read the table directly (Arrow IPC, or
 * `tableToIPC`). Needs the optional package `apache-arrow` (loaded on first use). Prefer it to
 * `toRows()` for large results: a million units x 56 nodes stays a few hundred megabytes of columns
 * instead of a million objects.
 *
 * @throws IndicatrixError `missing_dependency` when `apache-arrow` is not installed.
 * @example
 * ```ts
 * const table = (await toArrow(score(model, data))) as import("apache-arrow").Table;
 * table.getChild("governance")?.get(0); // => the first unit's overall score, or null
 * ```
 */
export async function toArrow(result: Result): Promise<ArrowTableLike> {
  const arrow = await loadArrow();
  return buildTable(arrow, result);
}

function buildTable(arrow: Arrow, result: Result): ArrowTableLike {
  const nodes = [...result.resolved.nodes.keys()];
  const columns: Record<string, import("apache-arrow").Vector> = {};
  columns.unit = arrow.vectorFromArray(result.units, new arrow.Utf8());
  for (const id of nodes) columns[id] = floatColumn(arrow, result.scores[id]!);
  for (const id of nodes) columns[`${id}_rank`] = rankColumn(arrow, result.ranks[id]!);
  columns.coverage = floatColumn(arrow, result.coverage);
  for (const id of nodes) {
    const g = result.grades[id];
    if (g) columns[gradeColumn(id)] = gradeColumnOf(arrow, g.grade, g.names);
  }
  for (const id of nodes) {
    if ((result.resolved.nodes.get(id)?.rules?.veto?.length ?? 0) === 0) continue;
    const hits = result.rules[id]?.vetoes ?? [];
    const text = result.units.map((_, i) => {
      const h = hits[i] ?? [];
      return h.length === 0 ? null : h.map((v) => v.id).join(";");
    });
    columns[vetoColumn(id)] = arrow.vectorFromArray(text, new arrow.Utf8());
  }
  return new arrow.Table(columns);
}

/** A validity bitmap (Arrow's least-significant-bit order) with a 0 where `isNull(i)`, or undefined when none is null. */
function validity(n: number, isNull: (i: number) => boolean): { bitmap?: Uint8Array; nulls: number } {
  let nulls = 0;
  for (let i = 0; i < n; i++) if (isNull(i)) nulls++;
  if (nulls === 0) return { nulls };
  const bitmap = new Uint8Array((n + 7) >> 3);
  for (let i = 0; i < n; i++) if (!isNull(i)) bitmap[i >> 3]! |= 1 << (i & 7);
  return { bitmap, nulls };
}

function floatColumn(arrow: Arrow, values: Float64Array): import("apache-arrow").Vector {
  const { bitmap, nulls } = validity(values.length, (i) => Number.isNaN(values[i]!));
  const type = new arrow.Float64();
  return arrow.makeVector(
    arrow.makeData({ type, length: values.length, nullCount: nulls, data: values, nullBitmap: bitmap }),
  );
}

function rankColumn(arrow: Arrow, ranks: Uint32Array): import("apache-arrow").Vector {
  const { bitmap, nulls } = validity(ranks.length, (i) => ranks[i] === 0);
  const type = new arrow.Uint32();
  return arrow.makeVector(
    arrow.makeData({ type, length: ranks.length, nullCount: nulls, data: ranks, nullBitmap: bitmap }),
  );
}

function gradeColumnOf(
  arrow: Arrow,
  grade: Int32Array,
  names: readonly string[],
): import("apache-arrow").Vector {
  const { bitmap, nulls } = validity(grade.length, (i) => grade[i]! < 0);
  // A null slot still holds an index that readers may check: point it at the first label.
  const data = nulls === 0 ? grade : grade.map((k) => Math.max(k, 0));
  const type = new arrow.Dictionary(new arrow.Utf8(), new arrow.Int32());
  const dictionary = arrow.vectorFromArray([...names], new arrow.Utf8());
  return arrow.makeVector(
    arrow.makeData({ type, length: grade.length, nullCount: nulls, data, nullBitmap: bitmap, dictionary }),
  );
}
