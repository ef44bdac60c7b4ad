import type { ErrorCode } from "../internal/error-codes.js";
import { IndicatrixError, type Issue } from "../internal/errors.js";
import { MAX_TREE_DEPTH } from "../internal/limits.js";
import { parseModel } from "./parse-model.js";
import type { Model, ModelNode } from "./schema.js";

/** One row of an indicator table, as read from a spreadsheet or CSV (all cells may be strings). */
export type TableRow = Record<string, string | number | null | undefined>;

/** Options of {@link modelFromTable}. */
export interface ModelFromTableOptions {
  /** Model id (default `"model"`). */
  id?: string;
  /** Model name. */
  name?: string;
  /** Name of the profile that carries the table's weights (default `"default"`). */
  profile?: string;
  /** Model defaults (normalization, aggregation, missing values). */
  defaults?: Model["defaults"];
}

/** Column names accepted for each field; COINr's iMeta names are accepted too. */
const COLUMNS = {
  id: ["id", "iCode", "code_id"],
  parent: ["parent", "Parent"],
  name: ["name", "iName"],
  direction: ["direction", "Direction"],
  weight: ["weight", "Weight"],
  unit: ["unit", "Unit"],
  column: ["column", "data_column"],
  target: ["target", "Target"],
  lo: ["goalpost_min", "goalpost_low", "min"],
  hi: ["goalpost_max", "goalpost_high", "max"],
  code: ["code"],
  type: ["type", "Type"],
  source: ["source", "Source"],
  profiles: ["profiles"],
} as const;

function cell(row: TableRow, names: readonly string[]): string | undefined {
  for (const n of names)
    if (Object.hasOwn(row, n)) {
      const v = row[n];
      if (v === null || v === undefined) continue;
      const s = String(v).trim();
      if (s !== "" && s.toUpperCase() !== "NA") return s;
    }
  return undefined;
}

/**
 * Builds a model from a flat indicator table, the way researchers keep indicator systems in
 * spreadsheets: one row per node with columns `id, parent, name, direction, weight, unit, target,
 * goalpost_min, goalpost_max` (also `code`, `source`, `profiles` separated by `;`, and names by language as
 * `name_zh`, `name_en`). Weights are relative within their parent, as in COINr's `iMeta`; they become
 * `fixed` weight specs of one profile. COINr's column names (`iCode`, `Parent`, `iName`, `Direction` as
 * 1 / -1, `Weight`, `Type`) are accepted, and rows whose `Type` is Group, Denominator or Other are skipped.
 * Direction: `benefit`/`1`, `cost`/`-1`, `target` (uses the `target` column), or `range` (uses the goalposts
 * as the optimal interval). The root is the one row without a parent.
 *
 * @throws IndicatrixError `invalid_table` listing every problem with its row number (1 = first data row).
 * @example
 * ```ts
 * const model = modelFromTable([
 *   { id: "index", parent: "" },
 *   { id: "a", parent: "index", direction: "1", weight: "2" },
 *   { id: "b", parent: "index", direction: "-1", weight: "1" },
 * ]);
 * model.profiles?.default?.weights?.index; // => { method: "fixed", weights: { a: 2, b: 1 } }
 * ```
 */
export function modelFromTable(rows: readonly TableRow[], opts: ModelFromTableOptions = {}): Model {
  const issues: Issue[] = [];
  const err = (row: number, message: string, code: ErrorCode = "invalid_table"): void => {
    issues.push({ code, severity: "error", path: ["rows", row], where: `row ${row}`, message });
  };
  interface Entry {
    row: number;
    node: ModelNode;
    /** Indicator-only fields, applied when the node turns out to be a leaf. */
    extra: Partial<ModelNode>;
    parent: string | undefined;
    weight: number;
  }
  const entries = new Map<string, Entry>();
  const order: string[] = [];
  for (const [index, raw] of rows.entries()) {
    const row = index + 1;
    const type = cell(raw, COLUMNS.type)?.toLowerCase();
    if (type && !["indicator", "aggregate", "group_node", "node"].includes(type)) continue;
    const id = cell(raw, COLUMNS.id);
    if (!id) {
      err(row, "no id: expected a value in column id (or iCode)");
      continue;
    }
    if (Object.hasOwn(Object.prototype, id) || id === "__proto__") {
      err(row, `id "${id}" is reserved`);
      continue;
    }
    if (entries.has(id)) {
      err(row, `id "${id}" repeats row ${entries.get(id)?.row}`, "duplicate_id");
      continue;
    }
    const node: ModelNode = { id };
    const names: Record<string, string> = {};
    for (const [key, value] of Object.entries(raw)) {
      const m = /^name_([A-Za-z-]+)$/.exec(key);
      if (m && value !== null && value !== undefined && String(value).trim() !== "")
        names[m[1] as string] = String(value).trim();
    }
    const name = cell(raw, COLUMNS.name);
    if (Object.keys(names).length > 0) node.name = name ? { en: name, ...names } : names;
    else if (name) node.name = name;
    const code = cell(raw, COLUMNS.code);
    if (code) node.code = code;
    const unit = cell(raw, COLUMNS.unit);
    const column = cell(raw, COLUMNS.column);
    const source = cell(raw, COLUMNS.source);
    const profiles = cell(raw, COLUMNS.profiles);
    const weightText = cell(raw, COLUMNS.weight);
    const weight = weightText === undefined ? 1 : Number(weightText);
    if (!Number.isFinite(weight) || weight < 0)
      err(row, `weight "${weightText}" of "${id}": expected a number >= 0`);
    const num = (names: readonly string[], what: string): number | undefined => {
      const t = cell(raw, names);
      if (t === undefined) return undefined;
      const v = Number(t);
      if (!Number.isFinite(v)) err(row, `${what} "${t}" of "${id}": expected a number`);
      return v;
    };
    const lo = num(COLUMNS.lo, "goalpost_min");
    const hi = num(COLUMNS.hi, "goalpost_max");
    const target = num(COLUMNS.target, "target");
    const dirText = cell(raw, COLUMNS.direction)?.toLowerCase();
    const extra: Partial<ModelNode> = {};
    if (unit) extra.unit = unit;
    if (column) extra.column = column;
    if (source) extra.source = source;
    if (profiles)
      node.profiles = profiles
        .split(/[;|]/)
        .map((s) => s.trim())
        .filter(Boolean);
    if ((lo === undefined) !== (hi === undefined))
      err(row, `"${id}" has only one goalpost; give both goalpost_min and goalpost_max`);
    else if (lo !== undefined && hi !== undefined) extra.goalposts = [lo, hi];
    if (dirText === undefined || dirText === "1" || dirText === "benefit") extra.direction = "benefit";
    else if (dirText === "-1" || dirText === "cost") extra.direction = "cost";
    else if (dirText === "target") {
      if (target === undefined) err(row, `"${id}" has direction target but no value in column target`);
      else extra.direction = { target };
    } else if (dirText === "range") {
      if (lo === undefined || hi === undefined) err(row, `"${id}" has direction range but no goalposts`);
      else {
        extra.direction = { range: [lo, hi] };
        delete extra.goalposts;
      }
    } else err(row, `direction "${dirText}" of "${id}": expected benefit, cost, 1, -1, target or range`);
    entries.set(id, { row, node, extra, parent: cell(raw, COLUMNS.parent), weight });
    order.push(id);
  }

  const roots = order.filter((id) => entries.get(id)?.parent === undefined);
  if (order.length > 0 && roots.length !== 1)
    issues.push({
      code: "invalid_table",
      severity: "error",
      path: ["parent"],
      where: "parent",
      message:
        roots.length === 0
          ? "no row without a parent: expected exactly one root"
          : `expected exactly one row without a parent (the root), found ${roots.length}: ${roots.slice(0, 5).join(", ")}`,
    });
  if (order.length === 0)
    issues.push({
      code: "invalid_table",
      severity: "error",
      path: ["rows"],
      where: "rows",
      message: "the table has no nodes",
    });
  const children = new Map<string, string[]>();
  for (const id of order) {
    const e = entries.get(id) as Entry;
    if (e.parent === undefined) continue;
    if (!entries.has(e.parent))
      err(e.row, `parent "${e.parent}" of "${id}" is not a row of the table`, "unknown_parent");
    else {
      const kids = children.get(e.parent);
      if (kids) kids.push(id);
      else children.set(e.parent, [id]);
    }
  }
  reportParentCycles(order, entries, err);
  // Depth-first from the root, parents before children, on an explicit stack (tables of any depth).
  const preorder: string[] = [];
  const root = roots[0];
  if (issues.length === 0 && root !== undefined) {
    const stack: [string, number][] = [[root, 0]];
    for (let top = stack.pop(); top; top = stack.pop()) {
      const [id, depth] = top;
      preorder.push(id);
      const kids = children.get(id) ?? [];
      if (kids.length > 0 && depth === MAX_TREE_DEPTH)
        for (const k of kids)
          err(
            (entries.get(k) as Entry).row,
            `"${k}" is more than ${MAX_TREE_DEPTH} levels below the root "${root}"; the limit is ${MAX_TREE_DEPTH}`,
            "too_deep",
          );
      else for (let k = kids.length - 1; k >= 0; k--) stack.push([kids[k] as string, depth + 1]);
    }
  }
  if (issues.length > 0) {
    throw new IndicatrixError(
      "invalid_table",
      `${issues[0]?.where}: ${issues[0]?.message}${issues.length > 1 ? ` (and ${issues.length - 1} more)` : ""}`,
      { issues },
    );
  }

  const weights: Record<string, { method: "fixed"; weights: Record<string, number> }> = {};
  for (const id of preorder) {
    const kids = children.get(id);
    if (kids && kids.length > 0)
      weights[id] = {
        method: "fixed",
        weights: Object.fromEntries(kids.map((k) => [k, (entries.get(k) as Entry).weight])),
      };
  }
  // Children before their parents: walk the preorder backwards.
  const built = new Map<string, ModelNode>();
  for (let i = preorder.length - 1; i >= 0; i--) {
    const id = preorder[i] as string;
    const e = entries.get(id) as Entry;
    const kids = children.get(id);
    built.set(
      id,
      kids && kids.length > 0
        ? { ...e.node, children: kids.map((k) => built.get(k) as ModelNode) }
        : { ...e.node, ...e.extra },
    );
  }
  const tree = built.get(root as string);
  const profile = opts.profile ?? "default";
  const model: Record<string, unknown> = {
    id: opts.id ?? "model",
    tree,
    profiles: { [profile]: { weights } },
  };
  if (opts.name) model.name = opts.name;
  if (opts.defaults) model.defaults = opts.defaults;
  return parseModel(model);
}

/**
 * Reports each cycle of parents once, at the row where the walk closed it (`parent_cycle`). Each row is
 * followed up at most once, marking rows known to reach the root, so the check is linear in the rows.
 */
function reportParentCycles(
  order: readonly string[],
  entries: ReadonlyMap<string, { row: number; parent: string | undefined }>,
  err: (row: number, message: string, code: ErrorCode) => void,
): void {
  const state = new Map<string, "walking" | "done">();
  for (const start of order) {
    const path: string[] = [];
    let cur: string | undefined = start;
    while (cur !== undefined && entries.has(cur) && !state.has(cur)) {
      state.set(cur, "walking");
      path.push(cur);
      cur = entries.get(cur)?.parent;
    }
    if (cur !== undefined && state.get(cur) === "walking") {
      const cycle = path.slice(path.indexOf(cur));
      err(
        entries.get(cur)?.row ?? 0,
        `parents of "${cur}" form a cycle: ${[...cycle, cur].join(" -> ")}`,
        "parent_cycle",
      );
    }
    for (const id of path) state.set(id, "done");
  }
}
