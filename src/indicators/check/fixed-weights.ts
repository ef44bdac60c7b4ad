import { didYouMean, nearestName } from "../../internal/nearest.js";
import { appendKey } from "../parse-model.js";
import type { BaseWeightSpec } from "../schema.js";
import { type Diagnostic, error } from "./diagnostic.js";
import type { WeightSite } from "./weight-spec.js";

type FixedWeightSpec = Extract<BaseWeightSpec, { method: "fixed" }>;

/**
 * The rules of fixed weights for a group: every key is a child (`unknown_child`), every active child has a
 * weight (`missing_child`), no weight is negative (`negative_weight`) and the active children's weights have a
 * positive total (`zero_weights`).
 * @internal
 */
export function checkFixedWeights(site: WeightSite<FixedWeightSpec>): Diagnostic[] {
  const { nodeId, children, activeChildren, profile } = site;
  const weights = site.spec.weights;
  const path = `${site.path}.weights`;
  const out: Diagnostic[] = [];
  // A misspelt key names the child it was meant for: that child is not also reported as missing.
  const meant = new Set<string>();
  for (const id of Object.keys(weights))
    if (!children.includes(id)) {
      const missing = children.filter((c) => !Object.hasOwn(weights, c));
      const near = nearestName(id, missing);
      if (near !== undefined) meant.add(near);
      out.push(
        error(
          "unknown_child",
          appendKey(path, id),
          `"${id}" is not a child of "${nodeId}" (children: ${children.join(", ")})${didYouMean(id, missing)}`,
        ),
      );
    }
  for (const id of activeChildren)
    if (!Object.hasOwn(weights, id) && !meant.has(id))
      out.push(
        error(
          "missing_child",
          path,
          `no weight for child "${id}" of "${nodeId}" (active in profile "${profile}")`,
        ),
      );
  for (const [id, value] of Object.entries(weights))
    if (value < 0)
      out.push(error("negative_weight", appendKey(path, id), `weight ${value} is negative; expected >= 0`));
  let total = 0;
  for (const id of activeChildren) {
    const value = Object.hasOwn(weights, id) ? weights[id] : undefined;
    total += Math.max(0, value ?? 0);
  }
  if (activeChildren.length > 0 && total <= 0)
    out.push(
      error(
        "zero_weights",
        path,
        `the weights of the active children of "${nodeId}" sum to 0; expected a positive total`,
      ),
    );
  return out;
}
