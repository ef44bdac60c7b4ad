import { fail, type Issue, issue } from "../../internal/errors.js";
import type { Result } from "../../score/result.js";

/** Where the groups of {@link disparity} come from. */
export type GroupBy =
  | string
  | {
      /** One group label per scored unit, aligned with `result.units`. */
      labels: readonly string[];
    };

/** The scores of a node with each scored unit's group; units without a score or a group left out. @internal */
export interface GroupedScores {
  /** The node whose scores were read. */
  node: string;
  /** Ids of the units kept, in data order. */
  units: string[];
  /** Their scores. */
  values: Float64Array;
  /** Their group labels. */
  groups: string[];
  /** Units left out, with why. */
  leftOut: { unit: string; reason: string }[];
  /** What the groups are: a level of the hierarchy, a kept column, or given labels. */
  source: "level" | "column" | "labels" | "none";
}

/** Checks `node` against the result and returns its score column. @internal */
export function nodeScores(
  result: Result,
  node: string | undefined,
  path: (string | number)[],
): [string, Float64Array] {
  const id = node ?? result.resolved.root;
  const col = Object.hasOwn(result.scores, id) ? result.scores[id] : undefined;
  if (!col) fail("unknown_node", path, `"${id}" is not a node of the result (profile "${result.profile}")`);
  return [id, col];
}

/**
 * The scores of `node` grouped `by` a level of the unit hierarchy (each unit's ancestor at that level:
 * `"district"`, `"street"`), `"parent"` (each unit's parent), a kept numeric column (its values as
 * labels), or given labels. @internal
 */
export function groupScores(
  result: Result,
  node: string | undefined,
  by: GroupBy | undefined,
  diagnostics: Issue[],
): GroupedScores {
  const [id, col] = nodeScores(result, node, ["opts", "node"]);
  const n = result.units.length;
  let labelOf: (u: number) => string | undefined;
  let source: GroupedScores["source"];
  let noGroup = "has no group";
  const h = result.hierarchy;
  if (by === undefined) {
    labelOf = () => "all";
    source = "none";
  } else if (typeof by === "object" && by !== null && Array.isArray(by.labels)) {
    if (by.labels.length !== n)
      fail(
        "length_mismatch",
        ["opts", "by", "labels"],
        `there are ${n} scored units and ${by.labels.length} labels`,
      );
    labelOf = (u) => {
      const l = by.labels[u];
      return typeof l === "string" && l !== "" ? l : undefined;
    };
    source = "labels";
    noGroup = "has no group label";
  } else if (typeof by === "string" && by !== "") {
    const index = new Map(h.units.map((u, i) => [u, i]));
    const rows = result.units.map((u) => index.get(u) ?? -1);
    if (by === "parent" || h.levels.includes(by)) {
      const ancestor = (row: number): string | undefined => {
        let i =
          row < 0
            ? undefined
            : h.parents[row] === undefined
              ? undefined
              : index.get(h.parents[row] as string);
        if (by === "parent") return i === undefined ? undefined : h.units[i];
        for (let depth = 0; i !== undefined && depth < h.units.length; depth++) {
          if (h.levels[i] === by) return h.units[i];
          const p = h.parents[i];
          i = p === undefined ? undefined : index.get(p);
        }
        return undefined;
      };
      labelOf = (u) => ancestor(rows[u]!);
      source = "level";
      noGroup = by === "parent" ? "has no parent unit" : `has no ${by} above it`;
    } else if (Object.hasOwn(h.columns, by)) {
      const c = h.columns[by] as Float64Array;
      labelOf = (u) => (rows[u]! < 0 || Number.isNaN(c[rows[u]!]!) ? undefined : String(c[rows[u]!]));
      source = "column";
      noGroup = `has no value in column "${by}"`;
    } else {
      const levels = [...new Set(h.levels.filter((l): l is string => l !== undefined))];
      return fail(
        "invalid_option",
        ["opts", "by"],
        `"${by}" is neither a level of the unit hierarchy (${levels.length > 0 ? levels.map((l) => `"${l}"`).join(", ") : "the data have no levels"}), "parent", nor a kept column`,
      );
    }
  } else
    return fail(
      "invalid_option",
      ["opts", "by"],
      'by is a level name, "parent", a kept column or { labels }',
    );
  const units: string[] = [];
  const values: number[] = [];
  const groups: string[] = [];
  const leftOut: { unit: string; reason: string }[] = [];
  for (let u = 0; u < n; u++) {
    const unit = result.units[u]!;
    const v = col[u]!;
    if (Number.isNaN(v)) {
      leftOut.push({ unit, reason: `no score at "${id}"` });
      continue;
    }
    const g = labelOf(u);
    if (g === undefined) {
      leftOut.push({ unit, reason: noGroup });
      continue;
    }
    units.push(unit);
    values.push(v);
    groups.push(g);
  }
  if (leftOut.length > 0)
    diagnostics.push(
      issue(
        "units_left_out",
        "warning",
        ["opts", "by"],
        `${leftOut.length} unit${leftOut.length === 1 ? "" : "s"} left out (${leftOut
          .slice(0, 3)
          .map((l) => `${l.unit}: ${l.reason}`)
          .join("; ")}${leftOut.length > 3 ? "; ..." : ""})`,
        `node "${id}"`,
      ),
    );
  return { node: id, units, values: Float64Array.from(values), groups, leftOut, source };
}
