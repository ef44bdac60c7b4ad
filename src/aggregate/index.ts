/** Aggregation: combining the children of a tree node into the node's value per unit. */
export { AGGREGATE_METHODS, type AggregateMethod } from "../internal/specs.js";
export { type AggregateOptions, type AggregateResult, aggregate } from "./aggregate.js";
export { type ResolvedAggregate, resolveAggregate } from "./resolve-aggregate.js";
export { weightedMean } from "./weighted-mean.js";
