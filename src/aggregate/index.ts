/** Aggregation: combining the children of a tree node into the node's value per unit. */
export { type AggregateOptions, type AggregateResult, aggregate } from "./aggregate.js";
export { weightedMean } from "./weighted-mean.js";
