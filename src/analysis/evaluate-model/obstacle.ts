import { obstacleDegree } from "../../evaluate/obstacle.js";
import type { ResolvedNode } from "../../score/resolve-profile.js";
import type { Result } from "../../score/score.js";
import { indicatorCriteria } from "./criteria.js";
import { evaluationTable, type TableHead, type ValueColumn } from "./table.js";
import type { MethodOptions, ModelEvaluation } from "./types.js";
import { withContext } from "./with-context.js";

/**
 * {@link evaluateModel} with `method: "obstacle"`: per unit the obstacle degree (percent) of every
 * top-level dimension (the root's children) and of every indicator, and the largest obstacles. @internal
 */
export function obstacleOnModel(
  head: TableHead,
  result: Result,
  opts: MethodOptions<"obstacle">,
): ModelEvaluation {
  const x = indicatorCriteria(result);
  const { nodes, root } = result.resolved;
  const dimensions = (nodes.get(root) as ResolvedNode).children;
  const position = new Map(x.ids.map((id, j) => [id, j]));
  const groups: Record<string, number[]> = {};
  for (const dim of dimensions) groups[dim] = leavesUnder(nodes, dim).map((id) => position.get(id) as number);
  const r = withContext("obstacle", () =>
    obstacleDegree({ columns: x.cols }, x.weights, {
      groups,
      ...(opts.top !== undefined ? { top: opts.top } : {}),
    }),
  );
  const values: ValueColumn[] = [
    ...dimensions.map((dim): ValueColumn => [dim, r.groups[dim] ?? []]),
    ...x.ids.map((id, j): ValueColumn => [id, r.degrees.map((row) => row[j])]),
    ["top", r.top.map((list) => list.map((e) => `${x.ids[e.index]} ${e.degree.toFixed(1)}%`).join("; "))],
  ];
  return evaluationTable(head, x, x.weights, values, r);
}

/** The indicator ids under node `id` (itself, for an indicator), depth first. */
function leavesUnder(nodes: Map<string, ResolvedNode>, id: string): string[] {
  const node = nodes.get(id) as ResolvedNode;
  if (node.indicator) return [id];
  return node.children.flatMap((c) => leavesUnder(nodes, c));
}
