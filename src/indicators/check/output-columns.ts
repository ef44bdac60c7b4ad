import type { Model } from "../schema.js";
import { isIndicator, type VisitedNode } from "../tree.js";
import { type Diagnostic, error } from "./diagnostic.js";

/**
 * The columns of the score output beside the node scores, in order: the unit and its hierarchy, then its
 * status. The CLI's `score`, the SQL output (`unit`, `coverage`) and `checkModel` share this list.
 */
export const SCORE_FIXED_COLUMNS: readonly string[] = [
  "unit",
  "name",
  "level",
  "parent",
  "status",
  "reason",
  "coverage",
];

/** The output column of a group's rank. */
export const rankColumn = (groupId: string): string => `${groupId}_rank`;

/** The output column of a graded node's grade (its label). */
export const gradeColumn = (nodeId: string): string => `${nodeId}_grade`;

/** The output column of the vetoes that hold at a node (their ids, `;`-separated). */
export const vetoColumn = (nodeId: string): string => `${nodeId}_veto`;

/**
 * Node ids that would take the name of another column of the score output: a fixed column
 * ({@link SCORE_FIXED_COLUMNS}: `unit` is also the data's unit column), a group's `<id>_rank`, or with
 * the model given the `<id>_grade` of a graded node and the `<id>_veto` of a node with vetoes.
 * Returns one diagnostic `column_collision` per clashing node, at its id, so that `validate` refuses
 * what `score` and `sql` would. @internal
 */
export function checkOutputColumns(visited: readonly VisitedNode[], model?: Model): Diagnostic[] {
  const ranks = new Map<string, string>();
  for (const v of visited) if (!isIndicator(v.node)) ranks.set(rankColumn(v.node.id), v.node.id);
  const extra = new Map<string, string>();
  const scopes = [model, ...Object.values(model?.profiles ?? {})];
  for (const scope of scopes) {
    for (const id of Object.keys(scope?.grades ?? {}))
      extra.set(gradeColumn(id), `the grade column of "${id}"`);
    for (const [id, r] of Object.entries(scope?.rules ?? {}))
      if ((r.veto?.length ?? 0) > 0) extra.set(vetoColumn(id), `the veto column of "${id}"`);
  }
  const out: Diagnostic[] = [];
  for (const v of visited) {
    const id = v.node.id;
    if (SCORE_FIXED_COLUMNS.includes(id))
      out.push(
        error(
          "column_collision",
          `${v.path}.id`,
          `node id "${id}" is a column of the score output and of the data (${SCORE_FIXED_COLUMNS.join(", ")}); rename the node`,
        ),
      );
    const column = extra.get(id);
    if (column !== undefined)
      out.push(
        error(
          "column_collision",
          `${v.path}.id`,
          `node id "${id}" is also ${column} in the score output; rename the node`,
        ),
      );
    const group = ranks.get(id);
    if (group !== undefined)
      out.push(
        error(
          "column_collision",
          `${v.path}.id`,
          `node id "${id}" is also the rank column of group "${group}" in the score output; rename the node`,
        ),
      );
  }
  return out;
}
