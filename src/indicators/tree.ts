import type { Model, ModelNode } from "./schema.js";

/** Fields that only an indicator (a leaf) may carry. */
export const INDICATOR_FIELDS = [
  "unit",
  "column",
  "direction",
  "goalposts",
  "normalize",
  "treat",
  "formula",
] as const;

/** A node visited by {@link walkTree}, with its JSON path and its place in the tree. */
export interface VisitedNode {
  /** The node itself. */
  node: ModelNode;
  /** JSON path of the node in the model file, e.g. `tree.children[0].children[2]`. */
  path: string;
  /** The parent node, or undefined for the root. */
  parent: ModelNode | undefined;
  /** 0 for the root, 1 for its children, ... */
  depth: number;
}

/**
 * True when a node is an indicator: a node without a `children` array.
 *
 * @example
 * ```ts
 * isIndicator({ id: "x", direction: "cost" }); // => true
 * isIndicator({ id: "g", children: [{ id: "x" }] }); // => false
 * ```
 */
export function isIndicator(node: ModelNode): boolean {
  return node.children === undefined;
}

/**
 * Visits every node of a tree depth-first, parents before children, without recursion (so a
 * hostile, very deep tree cannot overflow the stack).
 *
 * @example
 * ```ts
 * walkTree({ id: "root", children: [{ id: "a" }] }).map((v) => v.path);
 * // => ["tree", "tree.children[0]"]
 * ```
 */
export function walkTree(root: ModelNode, rootPath = "tree"): VisitedNode[] {
  const out: VisitedNode[] = [];
  const stack: VisitedNode[] = [{ node: root, path: rootPath, parent: undefined, depth: 0 }];
  while (stack.length > 0) {
    const v = stack.pop() as VisitedNode;
    out.push(v);
    const children = v.node.children ?? [];
    for (let i = children.length - 1; i >= 0; i--) {
      stack.push({
        node: children[i] as ModelNode,
        path: `${v.path}.children[${i}]`,
        parent: v.node,
        depth: v.depth + 1,
      });
    }
  }
  return out;
}

/**
 * The indicators (leaves) of a model, in tree order.
 *
 * @example
 * ```ts
 * listIndicators({ id: "m", tree: { id: "r", children: [{ id: "a" }, { id: "b" }] } }).map((n) => n.id);
 * // => ["a", "b"]
 * ```
 */
export function listIndicators(model: Pick<Model, "tree">): ModelNode[] {
  return walkTree(model.tree)
    .filter((v) => isIndicator(v.node))
    .map((v) => v.node);
}

/** Display name of a node in a language (falls back to English, then any language, then the id). */
export function displayName(node: Pick<ModelNode, "id" | "name">, language?: string): string {
  const name = node.name;
  if (name === undefined) return node.id;
  if (typeof name === "string") return name;
  if (language && Object.hasOwn(name, language)) return name[language] as string;
  if (Object.hasOwn(name, "en")) return name.en as string;
  const first = Object.values(name)[0];
  return first ?? node.id;
}
