import { isMap, isPair, isScalar, isSeq, type Node, parseDocument } from "yaml";
import { formatPath, type Issue, type IssuePath } from "../internal/errors.js";

/** Offsets of every value (and map key) of a YAML or JSON text, by formatted path. */
function offsets(text: string): Map<string, number> {
  const out = new Map<string, number>();
  const doc = parseDocument(text, { logLevel: "silent", keepSourceTokens: false });
  const stack: { node: unknown; path: IssuePath }[] = [{ node: doc.contents, path: [] }];
  while (stack.length > 0) {
    const { node, path } = stack.pop() as { node: unknown; path: IssuePath };
    const range = (node as Node | null)?.range;
    if (range && !out.has(formatPath(path))) out.set(formatPath(path), range[0]);
    if (isMap(node))
      for (const item of node.items) {
        if (!isPair(item)) continue;
        const key = isScalar(item.key) ? String(item.key.value) : undefined;
        if (key === undefined) continue;
        const at = [...path, key];
        // A map entry points at its key (`direction:`), where an editor puts the cursor.
        const keyRange = (item.key as Node).range;
        if (keyRange) out.set(formatPath(at), keyRange[0]);
        if (out.size < 200_000) stack.push({ node: item.value, path: at });
      }
    else if (isSeq(node))
      node.items.forEach((item, k) => {
        if (out.size < 200_000) stack.push({ node: item, path: [...path, k] });
      });
  }
  return out;
}

/** The id of the tree node a path is in, or that it names (profile weights, aggregate, include, ...). @internal */
export function nodeOf(value: unknown, path: IssuePath): string | undefined {
  if (path[0] === "tree") {
    let v: unknown = value;
    let id: string | undefined;
    for (const [k, seg] of path.entries()) {
      if (v === null || typeof v !== "object") break;
      v = (v as Record<string | number, unknown>)[seg];
      const isNode = k === 0 || (typeof seg === "number" && path[k - 1] === "children");
      if (isNode && v !== null && typeof v === "object" && typeof (v as { id?: unknown }).id === "string")
        id = (v as { id: string }).id;
    }
    return id;
  }
  if (path[0] === "profiles" && path.length >= 4) {
    const named = profileNode(value, path);
    return named !== undefined && treeIds(value).has(named) ? named : undefined;
  }
  return undefined;
}

/** Every id of the tree of a model value. */
function treeIds(value: unknown): Set<string> {
  const ids = new Set<string>();
  const stack: unknown[] = [(value as { tree?: unknown } | null)?.tree];
  while (stack.length > 0) {
    const n = stack.pop() as { id?: unknown; children?: unknown } | null | undefined;
    if (n === null || typeof n !== "object") continue;
    if (typeof n.id === "string") ids.add(n.id);
    if (Array.isArray(n.children)) stack.push(...n.children);
  }
  return ids;
}

function profileNode(value: unknown, path: IssuePath): string | undefined {
  {
    const key = path[2];
    if (key === "weights" || key === "aggregate" || key === "multipliers" || key === "goalposts")
      return typeof path[3] === "string" ? path[3] : undefined;
    if (key === "include" || key === "exclude") {
      const list = (value as { profiles?: Record<string, Record<string, unknown>> }).profiles?.[
        String(path[1])
      ]?.[key];
      const id = Array.isArray(list) ? list[path[3] as number] : undefined;
      return typeof id === "string" ? id : undefined;
    }
  }
  return undefined;
}

/**
 * Adds to each issue of a model the line and column of the model text where it is (the deepest part of its path
 * that the text holds) and the id of the tree node it concerns (`node`), so that a message can say
 * `model.yaml:12:9 ... (node "commute")`. Issues that already carry a line keep it; the input is not mutated.
 *
 * @example
 * ```ts
 * const text = "id: m\ntree:\n  id: root\n  wieght: 1\n";
 * const [i] = locateIssues(text, readModelText(text), [
 *   { code: "invalid_model", severity: "error", path: ["tree"], where: "tree", message: 'unknown field(s) "wieght"' },
 * ]);
 * [i.line, i.column, i.node]; // => [2, 1, "root"]
 * ```
 */
export function locateIssues(text: string, value: unknown, issues: readonly Issue[]): Issue[] {
  let map: Map<string, number> | undefined;
  let lines: number[] | undefined;
  return issues.map((issue) => {
    const out: Issue = { ...issue };
    const node = issue.node ?? nodeOf(value, issue.path);
    if (node !== undefined) out.node = node;
    if (issue.line !== undefined || issue.path.length === 0) return out;
    map ??= offsets(text);
    for (let k = issue.path.length; k > 0; k--) {
      const offset = map.get(formatPath(issue.path.slice(0, k)));
      if (offset === undefined) continue;
      lines ??= lineStarts(text);
      let lo = 0;
      let hi = lines.length - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if ((lines[mid] as number) <= offset) lo = mid;
        else hi = mid - 1;
      }
      out.line = lo + 1;
      out.column = offset - (lines[lo] as number) + 1;
      break;
    }
    return out;
  });
}

function lineStarts(text: string): number[] {
  const out = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) out.push(i + 1);
  return out;
}
