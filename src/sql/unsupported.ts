import { IndicatrixError } from "../internal/errors.js";
import type { ResolvedProfile } from "../score/resolve-profile.js";

/**
 * Throws `unsupported_in_sql` for what SQL cannot express, naming the method and the node and
 * what to do instead: score in memory, `also` (another way round, when there is one), or change
 * the method.
 * @internal
 */
export function unsupported(what: string, node: string, also?: string): never {
  throw new IndicatrixError(
    "unsupported_in_sql",
    `${what} (node "${node}") cannot be compiled to SQL; score in memory with score(), ${also === undefined ? "" : `${also}, `}or change the method`,
    { path: node },
  );
}

/**
 * Throws `unsupported_in_sql` for weights that vary by unit, which the query does not compute: state
 * variable weights, a per-unit blend, local indicators (`appliesTo`) and a `localCap`, naming the first
 * node concerned.
 * @internal
 */
export function refuseUnitWeights(profile: ResolvedProfile): void {
  if (profile.variable) {
    const node = [...profile.nodes.values()].find(
      (n) => !n.indicator && (profile.variable?.nodes?.has(n.id) ?? true),
    );
    unsupported("state variable weights (variableWeights)", node?.id ?? profile.root);
  }
  if (profile.blend?.column) {
    const first = profile.blend.unit?.keys().next().value;
    if (first !== undefined) unsupported(`a per-unit blend by column "${profile.blend.column.name}"`, first);
  }
  const local = [...profile.nodes.values()].find((n) => n.node.appliesTo !== undefined);
  if (local) unsupported("a local indicator (appliesTo)", local.id);
}
