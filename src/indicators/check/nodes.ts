import { MAX_TREE_DEPTH } from "../../internal/limits.js";
import type { Model } from "../schema.js";
import { INDICATOR_FIELDS, isIndicator, type VisitedNode } from "../tree.js";
import { type Diagnostic, error } from "./diagnostic.js";
import { ID_PATTERN, isReserved } from "./ids.js";
import { checkIndicator } from "./indicator.js";

/** What {@link checkNodes} found, and the index of the nodes by id that the later checks use. @internal */
export interface NodesCheck {
  diagnostics: Diagnostic[];
  /** Each id to the first node that has it. */
  byId: Map<string, VisitedNode>;
  /** True when the tree is deeper than `MAX_TREE_DEPTH`: the walk stopped there, and so should the caller. */
  tooDeep: boolean;
}

/**
 * The rules of the nodes of the tree, in tree order: depth at most `MAX_TREE_DEPTH` (`too_deep`), ids that are
 * identifiers (`invalid_id`), not reserved (`reserved_id`) and unique (`duplicate_id`); a group has children
 * (`empty_group`; the root must be a group) and no indicator fields (`indicator_with_children`); each indicator
 * follows `checkIndicator`.
 * @internal
 */
export function checkNodes(model: Model, visited: readonly VisitedNode[]): NodesCheck {
  const diagnostics: Diagnostic[] = [];
  const byId = new Map<string, VisitedNode>();
  for (const v of visited) {
    const { node, path } = v;
    if (v.depth > MAX_TREE_DEPTH) {
      diagnostics.push(error("too_deep", path, `the tree is deeper than ${MAX_TREE_DEPTH} levels`));
      return { diagnostics, byId, tooDeep: true };
    }
    if (isReserved(node.id))
      diagnostics.push(error("reserved_id", `${path}.id`, `"${node.id}" is reserved; choose another id`));
    else if (!ID_PATTERN.test(node.id))
      diagnostics.push(
        error(
          "invalid_id",
          `${path}.id`,
          `"${node.id}" is not an identifier: expected a letter followed by letters, digits or _ (put free text in "code" or "name")`,
        ),
      );
    const prev = byId.get(node.id);
    if (prev)
      diagnostics.push(
        error("duplicate_id", `${path}.id`, `id "${node.id}" is already used at ${prev.path}`),
      );
    else byId.set(node.id, v);

    if (isIndicator(node)) {
      if (v.depth === 0)
        diagnostics.push(error("empty_group", "tree", "the root of the tree must be a group with children"));
      diagnostics.push(...checkIndicator(model, node, path));
      continue;
    }
    if ((node.children ?? []).length === 0)
      diagnostics.push(
        error(
          "empty_group",
          `${path}.children`,
          `group "${node.id}" has no children; remove "children" to make it an indicator`,
        ),
      );
    const fields = INDICATOR_FIELDS.filter((f) => node[f] !== undefined);
    if (fields.length > 0)
      diagnostics.push(
        error(
          "indicator_with_children",
          path,
          `"${node.id}" has children and indicator fields (${fields.join(", ")}); only leaves are indicators`,
        ),
      );
  }
  return { diagnostics, byId, tooDeep: false };
}
